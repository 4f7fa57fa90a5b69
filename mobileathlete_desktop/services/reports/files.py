"""Report file names and the audit of written and printed documents."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.context import InputError, ServiceContext


@dataclass(frozen=True)
class WrittenReport:
    """What a worker process reports back: enough to audit and list the file."""

    client_id: int
    chart_number: str
    path: str
    visits: int
    kind: str = "summary"
    """Which report: "summary", "full" or "letter"."""


def audit_files(ctx: ServiceContext, written: Sequence[WrittenReport]) -> None:
    """One `report.print` event a client's report written, in one unit of work."""
    with ctx.db.session() as session:
        for w in written:
            record_event(
                session,
                ctx.actor,
                "report.print",
                entity="client",
                entity_id=w.client_id,
                client_id=w.client_id,
                detail={"file": Path(w.path).name, "visits": w.visits, "kind": w.kind},
            )


def record_printed(
    ctx: ServiceContext, kind: str, client_ids: Sequence[int], *, printer: str, pages: int
) -> None:
    """Audits a document sent to a printer: one `<kind>.printed` event per client in it."""
    permission = {"report": "reports.print", "handout": "handouts.print"}.get(kind)
    if permission is None:
        raise InputError(f"Unknown document kind {kind!r}")
    ctx.actor.require(permission)
    with ctx.db.session() as session:
        for client_id in client_ids:
            record_event(
                session,
                ctx.actor,
                f"{kind}.printed",
                entity="client",
                entity_id=client_id,
                client_id=client_id,
                detail={"printer": printer, "pages": pages},
            )


def report_file_name(chart: str, visit: date | None, fallback: str = "", kind: str = "") -> str:
    """A client's report file: chart number and the date of the visit it reports on.

    `<chart>_<visit>.pdf`, or `<chart>_<kind>_<visit>.pdf`; the fallback (today's date when
    empty) stands in for a client without visits.
    """
    when = visit.isoformat() if visit else (fallback or date.today().isoformat())
    return "_".join(p for p in (_safe(chart), kind, when) if p) + ".pdf"


def _safe(chart: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in chart)
