"""Charts in the report's language: a Spanish summary or full record draws Spanish titles,
axes, keys, notes and month names, and every word fits on its figure; English stays English."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from mobileathlete_desktop.charts.dates import month_abbreviation
from mobileathlete_desktop.services.assessments import create_assessment, set_value
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.reports import build_progress_report, build_summary_report
from tests.reports.helpers import add_clinic, add_runner

FIRST, SECOND, THIRD = date(2025, 3, 1), date(2025, 4, 1), date(2025, 5, 1)

# Words an English chart draws that a Spanish one must not (whole words, case as drawn).
ENGLISH = (
    "Left",
    "Right",
    "Visit date",
    "Within measurement error",
    "Control deficit",
    "Signed visit",
    "Draft visit",
    "Norm",
    "Baseline",
    "measurement error",
    "higher is better",
    "lower is better",
    "Percent of",
    "Limb symmetry",
    "Within norm",
    "Below norm",
    "below norm",
    "Above norm",
    "not judged",
    "Outcome scores",
    "Active vs passive",
    "Error bars",
    "no trend yet",
    "points",
    "score",
    "gap",
    "active",
    "passive",
    "Hip",
    "Ankle",
)
MONTHS_EN = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")


@pytest.fixture
def runner(ctx: ServiceContext) -> int:
    """A hip control deficit, hip flexion below norm and painful, a lunge asymmetry and the
    NPRS over three visits (March to May): every kind of chart a report draws."""
    add_clinic(ctx)
    client = add_runner(ctx, "ES-1")
    visits = {
        FIRST: [
            ("nprs", "none", "none", 6.0),
            ("wblt.distance", "left", "none", 10.0),
            ("wblt.distance", "right", "none", 3.0),
            ("hip.flexion", "left", "active", 90.0),
        ],
        SECOND: [
            ("nprs", "none", "none", 3.0),
            ("wblt.distance", "left", "none", 10.5),
            ("wblt.distance", "right", "none", 5.5),
            ("hip.flexion", "left", "active", 93.0),
        ],
        THIRD: [
            ("hip.internal_rotation", "right", "active", 25.0),
            ("hip.internal_rotation", "right", "passive", 40.0),
            ("hip.flexion", "left", "active", 95.0),
            ("wblt.distance", "left", "none", 11.0),
            ("wblt.distance", "right", "none", 6.0),
            ("nprs", "none", "none", 2.0),
        ],
    }
    for on, values in visits.items():
        visit = create_assessment(ctx, client.id, on, therapist="Pat Physio, PT")
        for code, side, mode, value in values:
            set_value(ctx, visit.id, code, side, mode, value)  # type: ignore[arg-type]
    return client.id


def drawn_texts(figure: Any) -> list[str]:
    """Every string the figure shows once drawn (titles, axes, ticks, keys, notes, offsets)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    FigureCanvasAgg(figure).draw()  # type: ignore[no-untyped-call]  # sets the date offsets
    return [t.get_text() for t in figure.findobj(Text) if t.get_visible() and t.get_text()]


def english_in(texts: list[str]) -> list[str]:
    found = []
    for text in texts:
        for word in ENGLISH:
            if re.search(rf"\b{re.escape(word)}\b", text):
                found.append(f"{word!r} in {text!r}")
        if MONTHS_EN.search(text):
            found.append(f"English month in {text!r}")
    return found


def outside_or_overlapping(figure: Any) -> list[str]:
    """Text that runs past the figure's edges, or over another text (tick labels aside)."""
    from matplotlib.text import Text

    renderer = figure.canvas.get_renderer()
    width, height = figure.bbox.width, figure.bbox.height
    ticks = {t for ax in figure.axes for t in ax.get_xticklabels() + ax.get_yticklabels()}
    boxes = [
        (t.get_text(), t.get_window_extent(renderer))
        for t in figure.findobj(Text)
        if t.get_visible() and t.get_text().strip() and t not in ticks
    ]
    bad = [
        f"{text!r} leaves the figure"
        for text, box in boxes
        if box.x0 < -1 or box.y0 < -1 or box.x1 > width + 1 or box.y1 > height + 1
    ]
    for i, (text, box) in enumerate(boxes):
        for other, other_box in boxes[i + 1 :]:
            if box.overlaps(other_box):
                common = type(box).intersection(box, other_box)
                if common is not None and common.width > 2 and common.height > 2:
                    bad.append(f"{text!r} over {other!r}")
    return bad


def test_a_spanish_summarys_charts_are_spanish_and_fit(ctx: ServiceContext, runner: int) -> None:
    report = build_summary_report(ctx, runner, lang="es")
    assert report.charts, "the worked runner's summary has charts"
    for chart in report.charts:
        texts = drawn_texts(chart.figure)
        assert english_in(texts) == [], texts
        assert outside_or_overlapping(chart.figure) == []
    every = [t for chart in report.charts for t in drawn_texts(chart.figure)]
    assert any("Rango activo frente a pasivo" in t for t in every)
    assert {"mar", "abr"} <= set(every), "Spanish month names on the date axes"


def test_a_spanish_full_records_charts_and_notes_are_spanish(
    ctx: ServiceContext, runner: int
) -> None:
    report = build_progress_report(ctx, runner, lang="es")
    assert len(report.figures) >= 4  # progress, active-passive, asymmetry, profile, outcomes
    titles = []
    for figure in report.figures:
        texts = drawn_texts(figure)
        assert english_in(texts) == [], texts
        assert outside_or_overlapping(figure) == []
        titles += [ax.get_title() for ax in figure.axes if ax.get_title()]
    joined = " | ".join(titles)
    assert "Simetría entre piernas" in joined
    assert "Porcentaje de la norma" in joined
    assert "Flexión de cadera (activo)" in joined  # a measure's progress, named from the catalogue
    assert english_in(list(report.chart_notes)) == []


def test_english_reports_keep_english_charts(ctx: ServiceContext, runner: int) -> None:
    report = build_progress_report(ctx, runner, lang="en")
    texts = [t for figure in report.figures for t in drawn_texts(figure)]
    assert "Visit date" in texts and "Left" in texts
    assert {"Mar", "Apr"} <= set(texts)
    assert not any("Fecha de la consulta" in t for t in texts)


def test_month_names_come_from_babel_not_the_process_locale() -> None:
    assert [month_abbreviation(m, "es") for m in (1, 4, 12)] == ["ene", "abr", "dic"]
    assert [month_abbreviation(m, "en") for m in (1, 4, 12)] == ["Jan", "Apr", "Dec"]
    assert month_abbreviation(4, "xx") == "Apr"  # a language not shipped reads English
