"""Tests for charts/progress.py: what the figure holds, for full and degenerate histories."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.charts.progress import measure_progress_figure
from mobileathlete_desktop.charts.style import figure_messages
from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.records import ClientHistory
from tests.charts.conftest import runner, visit


def gids(fig, kind: str = "lines") -> list[str]:  # type: ignore[no-untyped-def]
    ax = fig.axes[0]
    return [a.get_gid() for a in getattr(ax, kind) if a.get_gid()]


def test_two_sides_norm_band_and_labels(history: ClientHistory, catalogue: Catalogue) -> None:
    fig = measure_progress_figure(history, "ankle.df", catalogue)
    ax = fig.axes[0]
    assert ax.get_title() == "Ankle dorsiflexion — Testa Runnerton"
    assert ax.get_ylabel() == "Ankle dorsiflexion (°)"
    assert ax.get_xlabel() == "Visit date"
    names = gids(fig)
    for side in ("left", "right"):
        assert f"markers-{side}-signed" in names and f"markers-{side}-draft" in names
    assert "norm-mean" in names
    assert "norm-band" in gids(fig, "patches")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [
        "Within norm (20–44, cdc-rom-2011)",
        "Norm 40°",
        "Left",
        "Right",
        "Signed visit",
        "Draft visit",
    ]
    right_signed = next(line for line in ax.lines if line.get_gid() == "markers-right-signed")
    assert list(right_signed.get_ydata()) == [24, 29]
    assert right_signed.get_marker() == "s"
    draft = next(line for line in ax.lines if line.get_gid() == "markers-right-draft")
    assert draft.get_markerfacecolor() == "white"
    assert any("MDC95 4°" in t for t in figure_messages(fig))


def test_the_mdc_is_one_bar_at_the_first_visit(
    history: ClientHistory, catalogue: Catalogue
) -> None:
    # The MDC95 is about a change between two measurements: drawn once, at the first visit,
    # as the band a later value must leave; a bar on every point read as each value's own
    # uncertainty (±1.96·SEM), wider than it is.
    fig = measure_progress_figure(history, "ankle.df", catalogue)
    ax = fig.axes[0]
    bars = [c for c in ax.collections if c.get_segments()]
    assert len(bars) == 2  # one per side
    for bar in bars:
        (segment,) = bar.get_segments()  # one point each: the first visit
        assert segment[1][1] - segment[0][1] == pytest.approx(8)  # ± 4°
        series = [line for line in ax.lines if str(line.get_gid()).startswith("series-")]
        first_visit = min(line.get_xdata()[0] for line in series)
        assert segment[0][0] == first_visit
    notes = " ".join(figure_messages(fig))
    assert "± MDC95 4°" in notes and "at the first visit" in notes


def test_one_side_no_norm_one_visit(catalogue: Catalogue, history: ClientHistory) -> None:
    one = ClientHistory(runner(), history.assessments[:1])
    fig = measure_progress_figure(one, "hallux.extension", catalogue)
    text = " ".join(figure_messages(fig))
    assert "No norm in the catalogue" in text
    assert "Only the left side was recorded" in text
    assert "One visit so far" in text
    assert "no error bars" in text
    assert "norm-band" not in gids(fig, "patches")


def test_no_date_of_birth_says_no_norm_for_this_age(
    catalogue: Catalogue, history: ClientHistory
) -> None:
    fig = measure_progress_figure(
        ClientHistory(runner(dob=None), history.assessments), "ankle.df", catalogue
    )
    assert any("no norm for this age" in t for t in figure_messages(fig))
    assert "norm-band" not in gids(fig, "patches")


@pytest.mark.parametrize(
    ("code", "use_history", "message"),
    [
        ("ankle.df", False, "No assessments recorded yet."),
        ("lefs.total", True, "LEFS was not recorded at any visit."),
        ("nope.code", True, "nope.code is not in the catalogue (version test)."),
    ],
)
def test_nothing_to_draw_says_why(
    history: ClientHistory, catalogue: Catalogue, code: str, use_history: bool, message: str
) -> None:
    h = history if use_history else ClientHistory(runner())
    if code == "lefs.total":
        h = ClientHistory(
            runner(), tuple(a.__class__(**{**a.__dict__, "outcomes": ()}) for a in h.assessments)
        )
    fig = measure_progress_figure(h, code, catalogue)
    assert figure_messages(fig) == [message]


@pytest.mark.parametrize(("lang", "said"), [("en", "± MDC95 49.2 cm"), ("es", "CMD95 49.2 cm")])
def test_the_triple_hops_error_bars_are_said_to_one_decimal(lang: str, said: str) -> None:
    """SEM 17.74 cm (hop-reliability-jscr-2002) gives an MDC95 of 49.17 cm; the caption says
    it to one decimal, as the report and the findings do (49.2 cm), never "49.17 cm"."""
    from mobileathlete_desktop.domain.catalogue import default_catalogue
    from mobileathlete_desktop.domain.records import MeasurementRecord

    record = visit(
        1,
        date(2024, 1, 8),
        "signed",
        MeasurementRecord("hop.triple", "left", "none", 417),  # type: ignore[arg-type]
        MeasurementRecord("hop.triple", "right", "none", 441),  # type: ignore[arg-type]
    )
    fig = measure_progress_figure(
        ClientHistory(runner(), (record,)), "hop.triple", default_catalogue(), lang=lang
    )
    notes = "\n".join(figure_messages(fig))
    assert said in notes and "49.17" not in notes
