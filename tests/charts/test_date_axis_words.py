"""A chart's date axis reads as the language writes a date (sports-PT review): a span of weeks
is labelled by day with the month and year beside the axis, "Oct 2026" in English and "oct
2026" in Spanish, never matplotlib's "2026-Oct"; a day has no leading zero ("5", not "05");
a span of months by month, the year beside it."""

from __future__ import annotations

import re
from datetime import date

import pytest

from mobileathlete_desktop.charts.style import date_axis


def _axis_words(dates: list[date], lang: str) -> tuple[list[str], str]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6, 2))
    ax = figure.add_subplot()
    date_axis(ax, dates, lang)
    FigureCanvasAgg(figure).draw()  # type: ignore[no-untyped-call]  # sets ticks and offset
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    return ticks, ax.xaxis.get_offset_text().get_text()


@pytest.mark.parametrize(("lang", "offset"), [("en", "Oct 2026"), ("es", "oct 2026")])
def test_a_span_of_weeks_names_the_month_and_year_as_the_language_does(
    lang: str, offset: str
) -> None:
    ticks, said = _axis_words([date(2026, 10, 8), date(2026, 10, 20)], lang)
    assert said == offset
    # Each day by its number, the first of the month by the month's name.
    days = [t for t in ticks if t != offset.split()[0]]
    assert days and all(re.fullmatch(r"[1-9]\d?", t) for t in days), ticks


@pytest.mark.parametrize(
    ("lang", "month"), [("en", r"Oct|Nov|Dec|Jan|Feb"), ("es", r"oct|nov|dic|ene|feb")]
)
def test_a_span_of_months_names_the_months_and_the_year(lang: str, month: str) -> None:
    ticks, said = _axis_words([date(2026, 10, 5), date(2027, 2, 20)], lang)
    assert said in ("", "2027", "2026"), said
    assert all(re.fullmatch(rf"(?:{month}|2026|2027)", t) for t in ticks), ticks
    assert not any(re.search(r"\d{4}-", t) for t in [*ticks, said])
