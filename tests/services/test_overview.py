"""A client's page in one read: the record, the visits newest first, the history oldest first,
the latest findings, and opening the record audited once (a refresh not at all)."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.services.audit import AuditFilter, find_events
from mobileathlete_desktop.services.context import NotFound, ServiceContext
from mobileathlete_desktop.services.overview import client_overview
from tests.reports.helpers import add_runner

DF = "ankle.dorsiflexion.knee_flexed"


def opened(ctx: ServiceContext) -> int:
    return len(find_events(ctx, AuditFilter(action="client.open")))


def test_the_overview_holds_the_page_and_the_charts_history(
    ctx: ServiceContext, therapist_ctx: ServiceContext, admin_ctx: ServiceContext
) -> None:
    client = add_runner(
        ctx,
        "O-1",
        visits={
            date(2025, 1, 10): {(DF, "left", "active"): 30.0, (DF, "right", "active"): 20.0},
            date(2025, 2, 7): {(DF, "left", "active"): 31.0, (DF, "right", "active"): 21.0},
        },
    )
    overview = client_overview(therapist_ctx, client.id)
    assert overview.client.chart_number == "O-1"
    assert [a.date for a in overview.assessments] == [date(2025, 2, 7), date(2025, 1, 10)]
    assert [a.date for a in overview.history.assessments] == [
        date(2025, 1, 10),
        date(2025, 2, 7),
    ]
    assert overview.findings is not None
    assert overview.findings.assessment is not None
    assert overview.findings.assessment.date == date(2025, 2, 7)
    assert any("asymmetry" in row.flags for row in overview.findings.rows)
    assert opened(admin_ctx) == 1
    client_overview(therapist_ctx, client.id, audit=False)  # a refresh of the open page
    assert opened(admin_ctx) == 1


def test_a_client_without_visits_has_no_findings(ctx: ServiceContext) -> None:
    client = add_runner(ctx, "O-2")
    overview = client_overview(ctx, client.id)
    assert overview.assessments == () and overview.findings is None


def test_an_unknown_client_is_not_found(ctx: ServiceContext) -> None:
    with pytest.raises(NotFound):
        client_overview(ctx, 999)
