"""The summary keeps its second chart (the active-vs-passive gap) at the price of a few listed
lines before leaving it out: the longer Spanish text left it out where the English kept it.
When the chart must go anyway, no line is given up for nothing."""

from __future__ import annotations

from datetime import date

import pytest
from matplotlib.figure import Figure

from mobileathlete_desktop.domain.records import ClientRecord
from mobileathlete_desktop.reports import summary_fit
from mobileathlete_desktop.reports.pdf import ClinicHeader
from mobileathlete_desktop.reports.summary import Chart, FindingLine, SummaryReport


def _report() -> SummaryReport:
    client = ClientRecord(1, "C-1", "Testa", "Runnerton", date(1990, 4, 2), "female")
    gap = Chart(Figure(figsize=(7, 3.6)), "Active against passive range")
    outcome = Chart(Figure(figsize=(7, 3.5)), "Outcome scores", full_size=True)
    return SummaryReport(
        client,
        ClinicHeader("Clinic"),
        date(2026, 12, 2),
        lang="es",
        visit_dates=(date(2026, 10, 1), date(2026, 11, 2)),
        findings=tuple(FindingLine("Dolor", f"hallazgo {i}") for i in range(7)),
        since_first=tuple(f"cambio {i}" for i in range(4)),
        charts=(gap, outcome),
    )


def test_two_lines_give_way_to_the_chart(monkeypatch: pytest.MonkeyPatch) -> None:
    # Laid out, this summary takes three pages until two listed lines are left out.
    def pages(report: SummaryReport) -> int:
        return 2 if report.more_changes + report.more_findings >= 2 else 3

    monkeypatch.setattr(summary_fit, "_pages", pages)
    fitted, taken = summary_fit.fit_summary(_report())
    assert taken == 2
    assert fitted.charts[0].caption == "Active against passive range"
    assert len(fitted.charts) == 2 and fitted.more_charts == 0
    assert fitted.more_changes == 2 and len(fitted.since_first) == 2
    assert len(fitted.findings) == 7


def test_a_chart_that_cannot_stay_costs_no_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # Two charts never fit: the gap chart goes, and every listed line stays.
    def pages(report: SummaryReport) -> int:
        return 3 if len(report.charts) == 2 else 2

    monkeypatch.setattr(summary_fit, "_pages", pages)
    fitted, taken = summary_fit.fit_summary(_report())
    assert taken == 2
    assert [c.caption for c in fitted.charts] == ["Outcome scores"]
    assert fitted.more_charts == 1
    assert fitted.more_changes == 0 and len(fitted.since_first) == 4
    assert fitted.more_findings == 0 and len(fitted.findings) == 7
