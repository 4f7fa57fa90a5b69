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
# Listed changes and findings a summary gives up to keep its second chart (the full record
# lists every one, and the summary says how many it left out).
LINES_FOR_A_CHART = 4

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
    fewer = _fewer_lines(report)
    if fewer is not None:
        return fewer
    if report.charts:
        return replace(report, charts=(), more_charts=report.more_charts + len(report.charts))
    return None


def _fewer_lines(report: SummaryReport) -> SummaryReport | None:
    """The summary with one listed change less (down to two), else one finding less (down to
    three), each said under its list ("1 more change is listed in the full record"); None
    when both lists are that short."""
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
        # The last finding not kept to the end goes first (FindingLine.kept_last: a drill's
        # Why names it, or it is pain), else the last.
        findings = list(report.findings)
        others = [i for i, f in enumerate(findings) if not f.kept_last]
        del findings[others[-1] if others else -1]
        return replace(report, findings=tuple(findings), more_findings=report.more_findings + 1)
    return None


def _keeping_charts(report: SummaryReport, pages: int) -> tuple[SummaryReport, int] | None:
    """The summary on `pages` with every chart, drawn smaller and giving up at most
    LINES_FOR_A_CHART listed changes and findings; None when that is not enough."""
    if any(not c.full_size for c in report.charts):
        report = replace(report, chart_height=min(report.chart_height, SMALL_CHART_HEIGHT))
    for _ in range(LINES_FOR_A_CHART + 1):
        taken = _pages(report)
        if taken <= pages:
            return report, taken
        fewer = _fewer_lines(report)
        if fewer is None:
            return None
        report = fewer
    return None


def _pages(report: SummaryReport) -> int:
    return trial_pages(summary_story(report, draw_charts=False), report.lang)


def fit_summary(report: SummaryReport, pages: int = MAX_PAGES) -> tuple[SummaryReport, int]:
    """The summary cut down until it lays out on `pages` pages, and the pages it takes. Its
    charts are kept at the price of a few listed lines (_keeping_charts) before the cuts of
    `shorter` leave one out: the longer Spanish text left the active-vs-passive chart out of
    summaries whose English kept it. When the charts cannot be kept so, the lines are not
    given up for nothing: `shorter` starts again from the whole summary."""
    taken = _pages(report)
    if taken <= pages:
        return report, taken
    if len(report.charts) > 1:
        kept = _keeping_charts(report, pages)
        if kept is not None:
            return kept
    while taken > pages:
        smaller = shorter(report)
        if smaller is None:
            break
        report = smaller
        taken = _pages(report)
    return report, taken
