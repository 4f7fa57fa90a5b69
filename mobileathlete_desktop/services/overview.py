"""A client's page in one read: the record, the visits, the history and the latest findings.

On a clinic server the audited open (its own short write unit: 4 requests) and the page's
read (its five statements sent together: 1 request) go at once, on two pooled connections:
the page waits for the longer of the two instead of both, one after the other (9 waits on
the LAN, then 5 with the page's reads one by one, now 4). The page is still given only once
its audit event is committed, and either's failure is the page's.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from mobileathlete_desktop.domain.interpretation import (
    AssessmentInterpretation,
    interpret_assessment,
)
from mobileathlete_desktop.domain.records import ClientHistory, ClientRecord
from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.assessments import AssessmentSummary
from mobileathlete_desktop.services.assessments.queries import list_and_history
from mobileathlete_desktop.services.context import ServiceContext


@dataclass(frozen=True)
class ClientOverview:
    """What the client's page shows, and the history its Progress tab charts."""

    client: ClientRecord
    assessments: tuple[AssessmentSummary, ...]
    """Every assessment, newest first, drafts and addenda included."""
    history: ClientHistory
    """The visits oldest first, each corrected by its signed addendum (as the charts read)."""
    findings: AssessmentInterpretation | None
    """The latest visit read with the history (as the summary and report state it); None
    for a client without visits."""


_AUDITED_OPENS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="audited-open")
"""Runs a server's audited opens beside the pages' reads (two at once at most)."""


def client_overview(ctx: ServiceContext, client_id: int, *, audit: bool = True) -> ClientOverview:
    """Reads everything the client's page shows (opening the record is audited unless
    `audit` is False, as for a refresh of the page already open)."""
    ctx.actor.require("clients.read")
    if not audit:
        listed, history = list_and_history(ctx, client_id)
    elif ctx.db.is_sqlite:  # a local file: the read and its audit event, one after the other
        clients.get_client(ctx, client_id, audit=True)
        listed, history = list_and_history(ctx, client_id)
    else:
        listed, history = _read_beside_audit(ctx, client_id)
    client = history.client  # read with the visits: no second read of the record
    findings = interpret_assessment(history, catalogue=ctx.catalogue) if history.latest else None
    return ClientOverview(client, tuple(listed), history, findings)


def _read_beside_audit(
    ctx: ServiceContext, client_id: int
) -> tuple[list[AssessmentSummary], ClientHistory]:
    """The page's read while the audited open runs on another connection; returns once both
    are done, the audited open's failure first (refused, no such client, busy)."""
    opened = _AUDITED_OPENS.submit(clients.get_client, ctx, client_id, audit=True)
    try:
        read = list_and_history(ctx, client_id)
    except Exception:
        opened.result()  # its failure, when both failed, says it first (as before)
        raise
    opened.result()
    return read
