"""Tests for charts/asymmetry.py, profile.py and outcomes.py, and saving in each format."""

from __future__ import annotations

from pathlib import Path

import pytest

from mobileathlete_desktop.charts.asymmetry import asymmetry_figure
from mobileathlete_desktop.charts.outcomes import outcomes_figure
from mobileathlete_desktop.charts.profile import profile_figure
from mobileathlete_desktop.charts.style import figure_messages, save_figure
from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.records import ClientHistory
from tests.charts.conftest import runner


def bar_gids(fig) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.get_gid() for p in fig.axes[0].patches if p.get_gid() not in (None, "norm-zone")]


def test_asymmetry_bars_first_visit(history: ClientHistory, catalogue: Catalogue) -> None:
    fig = asymmetry_figure(history, catalogue, assessment_id=1)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Ankle dorsiflexion"]
    assert bar_gids(fig) == ["bar-asymmetric"]  # 24 vs 38: 14° > 5°
    assert ax.patches[0].get_width() == pytest.approx(24 / 38 * 100)
    assert ax.patches[0].get_hatch()
    threshold = next(line for line in ax.lines if line.get_gid() == "threshold")
    assert threshold.get_xdata()[0] == pytest.approx((38 - 5) / 38 * 100)
    assert "Limb symmetry index" in ax.get_xlabel()


def test_asymmetry_within_threshold_latest(history: ClientHistory, catalogue: Catalogue) -> None:
    fig = asymmetry_figure(history, catalogue)
    assert bar_gids(fig) == ["bar"]  # 36 vs 39: 3° is within 5°
    assert fig.axes[0].get_title().endswith("2024-03-08")


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
    # Hallux has no asymmetry rule and no error: 50% is "not judged", never "within threshold".
    assert bar_gids(fig) == ["bar", "bar-not-judged"]
    assert [line.get_gid() for line in ax.lines].count("threshold") == 1
    assert any(t.get_text() == "50%, not judged" for t in ax.texts)
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
    assert any("Hallux extension" in t for t in figure_messages(fig))


def test_outcome_panels_with_mcid_band(history: ClientHistory, catalogue: Catalogue) -> None:
    fig = outcomes_figure(history, catalogue=catalogue)
    # The measure names the panel; the axis says which way is better (short enough to fit).
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["LEFS", "NPRS"]
    assert [ax.get_ylabel() for ax in fig.axes] == [
        "points (higher is better)",
        "points (lower is better)",
    ]
    lefs = fig.axes[0]
    band = next(p for p in lefs.patches if p.get_gid() == "mcid-band")
    assert band.get_label() == "Baseline ± MCID 9 points (binkley-1999)"
    line = next(line for line in lefs.lines if line.get_gid() == "series-lefs.total")
    assert list(line.get_ydata()) == [40, 60, 80]


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
