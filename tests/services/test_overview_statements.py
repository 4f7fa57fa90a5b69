"""Opening a client costs a fixed number of statements, whatever their number of visits
(bench/server.py counts them per action: each is a wait on a clinic LAN)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from sqlalchemy import event

from mobileathlete_desktop.services.assessments import list_assessments, load_history
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.overview import client_overview
from tests.reports.helpers import add_runner

DF = "ankle.dorsiflexion.knee_flexed"


@contextmanager
def statements(ctx: ServiceContext) -> Iterator[list[str]]:
    sent: list[str] = []

    def hit(_conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
        sent.append(sql)

    event.listen(ctx.db.engine, "before_cursor_execute", hit)
    try:
        yield sent
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", hit)


def visits(n: int) -> dict[date, dict[tuple[str, str, str], float]]:
    first = date(2024, 1, 8)
    return {first + timedelta(days=14 * i): {(DF, "left", "active"): 30.0 + i} for i in range(n)}


def test_opening_a_client_reads_list_and_history_in_one_go(ctx: ServiceContext) -> None:
    few = add_runner(ctx, "S-1", visits=visits(2))
    many = add_runner(ctx, "S-2", visits=visits(12))
    with statements(ctx) as sent_few:
        client_overview(ctx, few.id, audit=False)
    with statements(ctx) as sent_many:
        shown = client_overview(ctx, many.id, audit=False)
    assert len(sent_many) == len(sent_few)  # no statement per visit
    # The client, their visits, and the visits' measurements, findings and scores: the
    # list of visits is not read again on its own (it was a separate read and transaction).
    assert len([s for s in sent_many if s.lstrip().upper().startswith("SELECT")]) == 5
    # The same list and history the two separate reads give.
    assert list(shown.assessments) == list_assessments(ctx, many.id)
    assert shown.history == load_history(ctx, many.id)
