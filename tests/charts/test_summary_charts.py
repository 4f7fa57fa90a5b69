"""Tests for charts/asymmetry.py, profile.py and outcomes.py, and saving in each format."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.charts.asymmetry import asymmetry_figure
from mobileathlete_desktop.charts.outcomes import outcomes_figure
from mobileathlete_desktop.charts.profile import profile_figure
from mobileathlete_desktop.charts.style import figure_messages, save_figure
from mobileathlete_desktop.domain.catalogue import Catalogue, parse_catalogue
from mobileathlete_desktop.domain.records import ClientHistory, MeasurementRecord
from tests.charts.conftest import catalogue_data, m, runner, visit


def bar_gids(fig) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.get_gid() for p in fig.axes[0].patches if p.get_gid() not in (None, "norm-zone")]


def test_asymmetry_bars_first_visit(history: ClientHistory, catalogue: Catalogue) -> None:
    # An angle is said as its difference in degrees against its threshold, never as a
    # percentage of the other side (24° against 38° is not "63%").
    fig = asymmetry_figure(history, catalogue, assessment_id=1)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Ankle dorsiflexion"]
    assert bar_gids(fig) == ["bar-asymmetric"]  # 24 vs 38: 14° > 5°
    assert ax.patches[0].get_width() == pytest.approx(14)
    assert ax.patches[0].get_hatch()
    threshold = next(line for line in ax.lines if line.get_gid() == "threshold")
    assert threshold.get_xdata()[0] == pytest.approx(5)
    assert ax.get_xlabel() == "Side-to-side difference (°)"
    assert [t.get_text() for t in ax.texts] == ["14° difference, right less"]
    assert not any("%" in t.get_text() for a in fig.axes for t in a.texts)


def test_asymmetry_within_threshold_latest(history: ClientHistory, catalogue: Catalogue) -> None:
    fig = asymmetry_figure(history, catalogue)
    assert bar_gids(fig) == ["bar"]  # 36 vs 39: 3° is within 5°
    assert fig.axes[0].get_title().endswith("Mar 8, 2024")  # as the documents write it
    assert fig.legends[0].get_title().get_text() == fig.axes[0].get_title()


def test_asymmetry_without_a_rule_is_grey_and_not_judged(
    history: ClientHistory, catalogue: Catalogue
) -> None:
    from mobileathlete_desktop.domain.records import MeasurementRecord

    both = tuple(
        a.__class__(
            **{
                **a.__dict__,
                "measurements": (
                    *a.measurements,
                    MeasurementRecord("hallux.extension", "right", "none", 30),  # type: ignore[arg-type]
                ),
            }
        )
        for a in history.assessments
    )
    fig = asymmetry_figure(ClientHistory(runner(), both), catalogue)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Ankle dorsiflexion", "Hallux extension"]
    # Hallux has no asymmetry rule and no error: its 30° is "not judged", never "within
    # threshold", and has no threshold mark.
    assert bar_gids(fig) == ["bar", "bar-not-judged"]
    assert [line.get_gid() for line in ax.lines].count("threshold") == 1
    words = [t.get_text().replace("\n", " ") for t in ax.texts]
    assert words[1] == "30° difference, right less, not judged"
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "Not judged (no rule)" in legend


def test_profile_marks_below_norm(history: ClientHistory, catalogue: Catalogue) -> None:
    fig = profile_figure(history, catalogue, assessment_id=1)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Ankle dorsiflexion, left",
        "Ankle dorsiflexion, right",
    ]
    assert bar_gids(fig) == ["bar-within", "bar-below"]
    below = next(p for p in ax.patches if p.get_gid() == "bar-below")
    assert below.get_hatch() == "///"
    assert any(line.get_gid() == "norm-100" for line in ax.lines)
    # Each measure's within-norm zone is drawn from the interpretation's own rule.
    zones = [p for p in ax.patches if p.get_gid() == "norm-zone"]
    assert len(zones) == 2 and all(z.get_x() < 100 < z.get_x() + z.get_width() for z in zones)
    # Hallux extension has no norm in the catalogue at all (like an outcome score): no note.
    assert not any("Hallux extension" in t for t in figure_messages(fig))
    # The title heads the key, centred on the figure, so long labels never push it off.
    assert fig.legends[0].get_title().get_text().startswith("Percent of norm — Testa Runnerton")


def test_profile_leaves_out_active_readings_judged_by_their_gap(catalogue: Catalogue) -> None:
    """Hip extension active 8°, passive 20° against a passive norm of 30°: the active reading
    is judged by its gap, not against the norm, so it gets no bar (a blue 27% bar would read
    "within norm"); the note says why it is missing."""
    data = catalogue_data()
    data["measures"].append(
        {
            "code": "hip.extension",
            "label": {"en": "Hip extension, a very long label that wraps over two lines"},
            "kind": "rom",
            "unit": "deg",
            "bounds": [0, 60],  # unsigned: a percent-of-norm bar
            "bilateral": True,
            "norms": [
                {
                    "age_min": 18,
                    "age_max": 99,
                    "mean": 30,
                    "source": "cdc-rom-2011",
                    "mode": "passive",
                }
            ],
            "errors": [{"mdc95": 4, "source": "gonio"}],
        }
    )
    cat = parse_catalogue(data)
    record = visit(
        1,
        date(2024, 1, 8),
        "signed",
        MeasurementRecord("hip.extension", "left", "active", 8),  # type: ignore[arg-type]
        MeasurementRecord("hip.extension", "left", "passive", 20),  # type: ignore[arg-type]
    )
    fig = profile_figure(ClientHistory(runner(), (record,)), cat)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == 1 and "\n" in labels[0]
    assert labels[0].replace("\n", " ").endswith("left, passive")
    assert bar_gids(fig) == ["bar-below"]
    note = " ".join(figure_messages(fig)[0].split())
    assert note.startswith("Not shown: active readings (Hip extension, a very long label")
    assert "judged by their gap to the passive range" in note
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend[:3] == ["Within norm", "Above norm", "Below norm"]


def test_outcome_panels_with_mdc_band(history: ClientHistory, catalogue: Catalogue) -> None:
    fig = outcomes_figure(history, catalogue=catalogue)
    # The measure and which way is better name the panel; the axis its unit (a low panel's
    # axis has no room for more).
    assert [ax.get_title(loc="left") for ax in fig.axes] == [
        "LEFS — higher is better",
        "NPRS — lower is better",
    ]
    assert [ax.get_ylabel() for ax in fig.axes] == ["points", "points"]
    lefs = fig.axes[0]
    band = next(p for p in lefs.patches if p.get_gid() == "mdc-band")
    # The band is the measurement error (MDC95), labelled as such, never as the MCID.
    assert band.get_label() == "Baseline ± MDC95 9 points: measurement error (binkley-1999)"
    line = next(line for line in lefs.lines if line.get_gid() == "series-lefs.total")
    assert list(line.get_ydata()) == [40, 60, 80]
    # This catalogue has no MCID: none is drawn, and the panel says so.
    assert not [x for x in lefs.lines if str(x.get_gid()).startswith("mcid")]
    assert "No MCID in the catalogue: not drawn." in figure_messages(fig)


def test_outcome_panel_draws_the_mcid_apart_from_the_measurement_error(
    history: ClientHistory,
) -> None:
    """NPRS: MDC95 2 points (the band) and MCID 2 points or 30% (Farrar 2001; the dashed
    lines): from a baseline of 7, 30% is 2.1, so the MCID lines sit 2 points away."""
    data = catalogue_data()
    nprs = next(x for x in data["measures"] if x["code"] == "nprs")
    nprs["important_change"] = {"points": 2, "percent": 30, "source": "farrar-2001"}
    fig = outcomes_figure(history, catalogue=parse_catalogue(data))
    ax = fig.axes[1]
    band = next(p for p in ax.patches if p.get_gid() == "mdc-band")
    assert band.get_label().startswith("Baseline ± MDC95 2")
    lines = {x.get_gid(): x for x in ax.lines if str(x.get_gid()).startswith("mcid")}
    assert lines["mcid-low"].get_ydata()[0] == pytest.approx(5)
    assert lines["mcid-high"].get_ydata()[0] == pytest.approx(9)
    assert lines["mcid-high"].get_label() == (
        "Baseline ± MCID 2 points or 30%: clinically important (farrar-2001)"
    )


def test_mcid_size_is_the_smaller_of_points_and_percent() -> None:
    from mobileathlete_desktop.charts.outcomes import mcid_size
    from mobileathlete_desktop.domain.catalogue import ImportantChange

    mcid = ImportantChange("farrar-2001", points=2, percent=30)
    assert mcid_size(mcid, 4) == pytest.approx(1.2)
    assert mcid_size(mcid, 8) == pytest.approx(2)
    assert mcid_size(ImportantChange("binkley-1999", points=9), 60) == 9


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda h, c: asymmetry_figure(h, c), "No assessments recorded yet."),
        (lambda h, c: profile_figure(h, c), "No assessments recorded yet."),
        (lambda h, c: outcomes_figure(h, catalogue=c), "No assessments recorded yet."),
    ],
)
def test_empty_history_messages(catalogue: Catalogue, make, message: str) -> None:  # type: ignore[no-untyped-def]
    assert figure_messages(make(ClientHistory(runner()), catalogue)) == [message]


def test_profile_without_date_of_birth(history: ClientHistory, catalogue: Catalogue) -> None:
    fig = profile_figure(ClientHistory(runner(dob=None), history.assessments), catalogue)
    assert figure_messages(fig) == [
        "No value at this visit has a norm for this client (no date of birth recorded)."
    ]


def test_asymmetry_one_side_only(history: ClientHistory, catalogue: Catalogue) -> None:
    one_side = tuple(
        a.__class__(
            **{**a.__dict__, "measurements": tuple(x for x in a.measurements if x.side != "right")}
        )
        for a in history.assessments
    )
    fig = asymmetry_figure(ClientHistory(runner(), one_side), catalogue)
    assert "recorded on both sides" in figure_messages(fig)[0]


@pytest.mark.parametrize(
    ("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")]
)
def test_save_figure_formats(
    tmp_path: Path, history: ClientHistory, catalogue: Catalogue, suffix: str, magic: bytes
) -> None:
    path = save_figure(outcomes_figure(history, catalogue=catalogue), tmp_path / f"chart{suffix}")
    assert path.read_bytes().startswith(magic)


def test_save_figure_rejects_unknown_suffix(
    tmp_path: Path, history: ClientHistory, catalogue: Catalogue
) -> None:
    with pytest.raises(ValueError, match=r"\.png, \.svg or \.pdf"):
        save_figure(profile_figure(history, catalogue), tmp_path / "chart.bmp")


def test_charts_never_import_pyplot() -> None:
    import subprocess
    import sys

    code = (
        "import sys, mobileathlete_desktop.charts.progress, mobileathlete_desktop.charts.outcomes, "
        "mobileathlete_desktop.charts.asymmetry, mobileathlete_desktop.charts.profile; "
        "print('matplotlib.pyplot' in sys.modules, 'PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_asymmetry_hop_in_percent_and_thomas_in_degrees_on_their_own_panels() -> None:
    from mobileathlete_desktop.domain.catalogue import default_catalogue

    values = [
        m("hop.single", "left", 80),
        m("hop.single", "right", 100),
        MeasurementRecord("thomas.hip_extension", "left", "passive", 1),  # type: ignore[arg-type]
        MeasurementRecord("thomas.hip_extension", "right", "passive", 4),  # type: ignore[arg-type]
    ]
    history = ClientHistory(runner(), (visit(1, date(2026, 3, 1), "draft", *values),))
    for lang, lsi_words, degree_words in (
        ("en", "80% (left weaker)", "3° difference, left less"),
        ("es", "80\u00a0% (lado izquierdo más débil)", "3° menos a la izquierda"),
    ):
        fig = asymmetry_figure(history, default_catalogue(), lang=lang)
        lsi_axes, degree_axes = fig.axes
        assert [t.get_text() for t in lsi_axes.texts] == [lsi_words]
        assert lsi_axes.patches[0].get_width() == pytest.approx(80)
        # Long words wrap on two lines beside the plot.
        assert [t.get_text().replace("\n", " ") for t in degree_axes.texts] == [degree_words]
        assert degree_axes.patches[0].get_width() == pytest.approx(3)
        assert "(°)" in degree_axes.get_xlabel()
        # The Thomas angles' 25% is said nowhere.
        assert not any("25" in t.get_text() for a in fig.axes for t in a.texts)
