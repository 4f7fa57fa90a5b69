"""A client's page in one read: the record, the visits, the history and the latest findings."""

from __future__ import annotations

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


def client_overview(ctx: ServiceContext, client_id: int, *, audit: bool = True) -> ClientOverview:
    """Reads everything the client's page shows (opening the record is audited unless
    `audit` is False, as for a refresh of the page already open)."""
    if audit:  # the read and its audit event in one short unit
        clients.get_client(ctx, client_id, audit=True)
    else:
        ctx.actor.require("clients.read")
    listed, history = list_and_history(ctx, client_id)
    client = history.client  # read with the visits: no second read of the record
    findings = interpret_assessment(history, catalogue=ctx.catalogue) if history.latest else None
    return ClientOverview(client, tuple(listed), history, findings)
