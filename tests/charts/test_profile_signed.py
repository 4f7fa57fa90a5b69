"""The profile chart reads a signed angle (Thomas, Ober: its zero is a reference position) as
its difference from the norm in degrees and SDs, never as a percentage of the norm."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.charts.profile import profile_figure
from mobileathlete_desktop.domain.catalogue import Catalogue, parse_catalogue
from mobileathlete_desktop.domain.records import ClientHistory
from tests.charts.conftest import SOURCES, catalogue_data, m, runner, visit


def _catalogue() -> Catalogue:
    data = catalogue_data()
    data["sources"] = [*SOURCES, {"id": "ferber-2010", "citation": "Ferber 2010"}]
    data["measures"].append(
        {
            "code": "thomas.hip_extension",
            "label": {"en": "Thomas test (hip angle)", "es": "Prueba de Thomas (ángulo de cadera)"},
            "kind": "rom",
            "unit": "deg",
            "bounds": [-60, 45],  # signed: thigh above the table is negative
            "bilateral": True,
            "norms": [
                {"age_min": 16, "age_max": 65, "mean": 10.6, "sd": 9.61, "source": "ferber-2010"}
            ],
            "errors": [{"mdc95": 4, "source": "gonio"}],
        }
    )
    return parse_catalogue(data)


def _history() -> ClientHistory:
    """Thomas −5° left (the review's case), 12° right; ankle 30° of a 40° norm."""
    record = visit(
        1,
        date(2024, 1, 8),
        "signed",
        m("thomas.hip_extension", "left", -5),
        m("thomas.hip_extension", "right", 12),
        m("ankle.df", "left", 30),
    )
    return ClientHistory(runner(), (record,))


def test_a_thomas_angle_of_minus_5_is_its_difference_from_the_norm_not_minus_47_percent() -> None:
    fig = profile_figure(_history(), _catalogue())
    percent_ax, signed_ax = fig.axes
    words = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert not any("-47" in w or "\u221247" in w for w in words)
    # The percent panel holds the ankle only, its bars never below 0%.
    assert [t.get_text() for t in percent_ax.get_yticklabels()] == ["Ankle dorsiflexion, left"]
    assert all(p.get_width() >= 0 for p in percent_ax.patches)
    # The signed panel: −15.6° from the norm (−1.6 SD), +1.4° on the right.
    bars = [p for p in signed_ax.patches if str(p.get_gid()).startswith("signed-bar-")]
    assert [round(p.get_width(), 1) for p in bars] == [-15.6, 1.4]
    said = [t.get_text() for t in signed_ax.texts if t.get_gid() == "difference"]
    assert said[0].startswith("\u221215.6° (\u22121.6 SD)  -5°")
    assert said[1].startswith("+1.4° (+0.1 SD)  12°")
    assert not any("%" in w for w in said)
    assert signed_ax.get_xlabel().startswith("Difference from the norm (°)")
    assert "not a percentage" in signed_ax.get_xlabel().replace("\n", " ")


def test_only_signed_angles_make_a_difference_chart_titled_so() -> None:
    record = visit(1, date(2024, 1, 8), "signed", m("thomas.hip_extension", "left", -5))
    fig = profile_figure(ClientHistory(runner(), (record,)), _catalogue())
    assert len(fig.axes) == 1
    assert fig.axes[0].get_title().startswith("Difference from the norm — ")


@pytest.mark.parametrize(
    ("lang", "label"),
    [("en", "Difference from the norm (°)"), ("es", "Diferencia con la norma (°)")],
)
def test_the_difference_axis_is_named_in_the_charts_language(lang: str, label: str) -> None:
    fig = profile_figure(_history(), _catalogue(), lang=lang)
    assert fig.axes[1].get_xlabel().startswith(label)
    said = [t.get_text() for t in fig.axes[1].texts if t.get_gid() == "difference"]
    assert said[0].startswith("\u221215.6° (\u22121.6 " + ("SD" if lang == "en" else "DE"))
