"""Importing clients: new ones added, known ones updated with `update`, all rows or none."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.imports.parsing import parse_client_rows
from mobileathlete_desktop.services.imports.reading import (
    ImportFailed,
    RowError,
    read_text,
    row_refusal,
)
from mobileathlete_desktop.services.imports.report import Change, ImportReport, _shown
from mobileathlete_desktop.storage.models import Client


def import_clients(
    ctx: ServiceContext,
    path: Path,
    *,
    update: bool = False,
    dry_run: bool = False,
    encoding: str | None = None,
) -> ImportReport:
    """Imports clients; all rows or none. A known chart number is refused unless `update`."""
    ctx.actor.require("data.import")
    source = path.name
    parsed = parse_client_rows(read_text(path, encoding), source)
    errors: list[RowError] = []
    report = ImportReport(rows=len(parsed), dry_run=dry_run, kind="clients")
    session = ctx.db.sessions()
    try:
        charts = [p.data.chart_number for p in parsed]
        existing = {
            row.chart_number.casefold(): row
            for row in session.execute(
                select(Client).where(
                    func.lower(Client.chart_number).in_([c.lower() for c in charts])
                )
            ).scalars()
        }
        if existing and not update:
            for p in parsed:
                if p.data.chart_number.casefold() in existing:
                    errors.append(
                        row_refusal(
                            p.line,
                            f"chart number {p.data.chart_number} is already in the clinic "
                            "(use --update to change its details)",
                            "chart_in_clinic",
                            chart=p.data.chart_number,
                        )
                    )
            raise ImportFailed(source, errors)
        for p in parsed:
            line, data = p.line, p.data
            row = existing.get(data.chart_number.casefold())
            if row is None:
                row = Client(**asdict(data))
                session.add(row)
                session.flush()
                report.clients_created.append(data.chart_number)
                report.changes.append(
                    Change(
                        line,
                        data.chart_number,
                        "new client",
                        after=f"{data.family_name}, {data.given_name}",
                    )
                )
                record_event(
                    session,
                    ctx.actor,
                    "client.create",
                    entity="client",
                    entity_id=row.id,
                    client_id=row.id,
                    detail={"after": asdict(data), "source": source},
                )
                continue
            given = {name: getattr(data, name) for name in p.given}
            changed = {k: v for k, v in given.items() if getattr(row, k) != v}
            if not changed:
                continue
            before = {k: getattr(row, k) for k in changed}
            for name, value in changed.items():
                report.changes.append(
                    Change(
                        line,
                        row.chart_number,
                        name,
                        before=_shown(before[name]),
                        after=_shown(value),
                    )
                )
                setattr(row, name, value)
            session.flush()
            report.clients_updated.append(row.chart_number)
            record_event(
                session,
                ctx.actor,
                "client.update",
                entity="client",
                entity_id=row.id,
                client_id=row.id,
                detail={"before": before, "after": changed, "source": source},
            )
        if dry_run:
            session.rollback()
        else:
            record_event(
                session,
                ctx.actor,
                "data.import",
                entity="file",
                entity_id=source,
                detail={
                    "kind": "clients",
                    "rows": report.rows,
                    "created": report.clients_created,
                    "updated": report.clients_updated,
                },
            )
            session.commit()
        return report
    except IntegrityError as exc:
        session.rollback()
        raise ImportFailed(
            source, [RowError(0, f"the clinic refused the data ({str(exc.orig).splitlines()[0]})")]
        ) from exc
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
