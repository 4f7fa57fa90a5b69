"""charts/active_passive.py: the passive − active gap over time, judged against the error."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.charts.active_passive import active_passive_figure, gap_series
from mobileathlete_desktop.charts.kinds import SUMMARY_CHARTS, build_chart
from mobileathlete_desktop.charts.style import figure_messages
from mobileathlete_desktop.domain.catalogue import Catalogue, parse_catalogue
from mobileathlete_desktop.domain.interpretation import interpret_assessment
from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
    ClientHistory,
    MeasurementRecord,
)
from tests.charts.conftest import SOURCES, runner


@pytest.fixture
def catalogue() -> Catalogue:
    rom = {"kind": "rom", "unit": "deg", "bounds": [-30, 180], "bilateral": True}
    return parse_catalogue(
        {
            "version": "test",
            "sources": SOURCES,
            "measures": [
                {
                    **rom,
                    "code": "hip.extension",
                    "label": {"en": "Hip extension"},
                    "modes": ["active", "passive"],
                    "errors": [{"mdc95": 5, "source": "gonio"}],
                },
                {
                    **rom,
                    "code": "hallux.extension",
                    "label": {"en": "Hallux extension"},
                    "modes": ["active", "passive"],
                },
                {
                    **rom,
                    "code": "knee.flexion",
                    "label": {"en": "Knee flexion"},
                    "modes": ["active", "passive"],
                    "errors": [{"mdc95": 4, "source": "gonio"}],
                },
            ],
        }
    )


def m(code: str, side: str, mode: str, value: float) -> MeasurementRecord:
    return MeasurementRecord(code, side, mode, value)  # type: ignore[arg-type]


def visit(aid: int, when: date, *values: MeasurementRecord) -> AssessmentRecord:
    return AssessmentRecord(aid, 1, when, "reassessment", "signed", measurements=values)  # type: ignore[arg-type]


@pytest.fixture
def history() -> ClientHistory:
    """Left hip: active 8°, passive 20° (a control deficit), then 16/20 (within the 5° error);
    right hip active only; hallux both ways (no error); knee flexion active only."""
    return ClientHistory(
        runner(),
        (
            visit(
                1,
                date(2024, 1, 8),
                m("hip.extension", "left", "active", 8),
                m("hip.extension", "left", "passive", 20),
                m("hip.extension", "right", "active", 15),
                m("hallux.extension", "left", "active", 50),
                m("hallux.extension", "left", "passive", 70),
                m("knee.flexion", "left", "active", 130),
            ),
            visit(
                2,
                date(2024, 2, 8),
                m("hip.extension", "left", "active", 16),
                m("hip.extension", "left", "passive", 20),
                m("hip.extension", "right", "active", 15),
                m("hip.extension", "right", "passive", 17),
            ),
        ),
    )


def test_gaps_are_the_interpretations_own(history: ClientHistory, catalogue: Catalogue) -> None:
    series = gap_series(history, catalogue)
    assert [s.code for s in series] == ["hip.extension", "hallux.extension"]  # knee: active only
    hip = series[0]
    assert [(p.gap, p.control_deficit) for p in hip.sides["left"]] == [(12, True), (4, False)]
    assert [(p.gap, p.error) for p in hip.sides["right"]] == [(2, 5)]  # passive at visit 2 only
    assert hip.error == 5 and hip.source == "gonio"
    first = interpret_assessment(history, 1, catalogue).row("hip.extension", "left", "active")
    assert first is not None and first.gap is not None
    assert hip.sides["left"][0].gap == first.gap.gap
    assert "control_deficit" in first.flags
    hallux = series[1]
    assert hallux.error is None and not hallux.sides["left"][0].control_deficit


def test_figure_shades_the_error_and_rings_the_deficits(
    history: ClientHistory, catalogue: Catalogue
) -> None:
    fig = active_passive_figure(history, catalogue)
    hip, hallux = [ax for ax in fig.axes if ax.get_visible()]
    assert hip.get_title(loc="left") == "Hip extension"
    band = next(p for p in hip.patches if p.get_gid() == "error-band")
    assert band.get_y() + band.get_height() == pytest.approx(5)
    left = next(line for line in hip.lines if line.get_gid() == "gap-left")
    assert list(left.get_ydata()) == [12, 4]
    ring = next(line for line in hip.lines if line.get_gid() == "deficit-left")
    assert list(ring.get_ydata()) == [12]
    assert not any(line.get_gid() == "deficit-right" for line in hip.lines)
    assert not any(p.get_gid() == "error-band" for p in hallux.patches)
    messages = " ".join(figure_messages(fig))
    assert "not judged" in messages and "Hallux extension" in messages
    assert "control deficit" in messages
    legend = fig.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == [
        "Left",
        "Right",
        "Within measurement error",
        "Control deficit",
    ]
    assert legend.get_title().get_text().startswith("Active vs passive range")


def test_nothing_taken_both_ways_says_so(catalogue: Catalogue) -> None:
    only_active = ClientHistory(
        runner(), (visit(1, date(2024, 1, 8), m("knee.flexion", "left", "active", 130)),)
    )
    assert (
        "no active–passive gap" in figure_messages(active_passive_figure(only_active, catalogue))[0]
    )
    empty = active_passive_figure(ClientHistory(runner()), catalogue)
    assert figure_messages(empty) == ["No assessments recorded yet."]


def test_built_by_name(history: ClientHistory, catalogue: Catalogue) -> None:
    assert "active-passive" in SUMMARY_CHARTS
    fig = build_chart(history, "active-passive", catalogue)
    assert len([ax for ax in fig.axes if ax.get_visible()]) == 2
