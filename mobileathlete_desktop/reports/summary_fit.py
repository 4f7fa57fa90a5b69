"""The summary fitted to its two pages: laid out in memory and counted, then cut, in the order a
reader misses least, until it fits (reports/summary.py lays it out)."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from typing import Any

from mobileathlete_desktop.reports.pdf import build_document
from mobileathlete_desktop.reports.summary import (
    SMALL_CHART_HEIGHT,
    SummaryReport,
    summary_story,
)

MAX_PAGES = 2

_PAGE = re.compile(rb"/Type /Page\b(?!s)")


def count_pages(data: bytes) -> int:
    """Pages in a PDF this program wrote (reportlab writes page objects uncompressed)."""
    return len(_PAGE.findall(data))


def trial_pages(story: list[Any], lang: str) -> int:
    """How many pages a story lays out to (written to memory and counted)."""
    buffer = io.BytesIO()
    build_document(buffer, story, title="", author="", footer="", lang=lang)
    return count_pages(buffer.getvalue())


def shorter(report: SummaryReport) -> SummaryReport | None:
    """The summary with one thing less, in the order a reader misses least; None at the end.
    The outcome scores' chart (full_size) is the chart kept: a referring doctor reads it
    first, so another chart is made smaller and then left out before it, and it is never
    made smaller (its key stays readable)."""
    shrinkable = any(not c.full_size for c in report.charts)
    if shrinkable and report.chart_height > SMALL_CHART_HEIGHT:
        return replace(report, chart_height=SMALL_CHART_HEIGHT)
    if len(report.charts) > 1:
        kept = tuple(c for c in report.charts if c.full_size)[:1] or report.charts[:1]
        left = len(report.charts) - len(kept)
        return replace(report, charts=kept, more_charts=report.more_charts + left)
    if len(report.since_first) + len(report.since_last) > 2:
        first, last = list(report.since_first), list(report.since_last)
        longer = first if len(first) >= len(last) else last
        longer.pop()
        return replace(
            report,
            since_first=tuple(first),
            since_last=tuple(last),
            more_changes=report.more_changes + 1,
        )
    if len(report.findings) > 3:
        return replace(
            report, findings=report.findings[:-1], more_findings=report.more_findings + 1
        )
    if report.charts:
        return replace(report, charts=(), more_charts=report.more_charts + len(report.charts))
    return None


def fit_summary(report: SummaryReport, pages: int = MAX_PAGES) -> tuple[SummaryReport, int]:
    """The summary cut down until it lays out on `pages` pages, and the pages it takes."""
    taken = trial_pages(summary_story(report, draw_charts=False), report.lang)
    while taken > pages:
        smaller = shorter(report)
        if smaller is None:
            break
        report = smaller
        taken = trial_pages(summary_story(report, draw_charts=False), report.lang)
    return report, taken
