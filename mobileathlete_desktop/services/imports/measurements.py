"""Importing long-format measurements: checked rows applied to draft assessments, computed
scores brought in line, all rows or none."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.interpretation import FMS_TOTAL, LEFS_TOTAL, YBALANCE_COMPOSITE
from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services.assessments import Recomputed, recompute_stored
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.imports.parsing import (
    ParsedRow,
    _rating_of,
    _shown_value,
    parse_assessment_rows,
)
from mobileathlete_desktop.services.imports.reading import (
    ImportFailed,
    RowError,
    read_text,
    row_refusal,
)
from mobileathlete_desktop.services.imports.report import Change, ImportReport
from mobileathlete_desktop.storage.models import Assessment, Client, Finding, Measurement


def _cell(session: Session, assessment: Assessment, row: ParsedRow) -> Measurement | None:
    return session.execute(
        select(Measurement).where(
            Measurement.assessment_id == assessment.id,
            Measurement.code == row.code,
            Measurement.side == row.side,
            Measurement.mode == row.mode,
        )
    ).scalar_one_or_none()


def _finding(session: Session, assessment: Assessment, row: ParsedRow) -> Finding | None:
    return session.execute(
        select(Finding).where(
            Finding.assessment_id == assessment.id,
            Finding.test_code == row.code,
            Finding.side == row.side,
        )
    ).scalar_one_or_none()


def _would_change(
    session: Session, assessment: Assessment, row: ParsedRow, catalogue: Catalogue
) -> bool:
    """Whether the row differs from what the (signed) assessment holds."""
    cell = _cell(session, assessment, row)
    if not row.finding:
        return cell is None or cell.value != row.value or cell.pain != row.pain
    found = _finding(session, assessment, row)
    rating = found.rating if found is not None else ""
    if found is None and cell is not None and catalogue[row.code].ratings:
        rating = _rating_of(catalogue[row.code], cell.value)
    if rating != row.rating:
        return True
    if row.faults is not None and set(found.faults if found else ()) != set(row.faults):
        return True
    if cell is None:
        return row.pain
    return cell.pain != row.pain or (row.value is not None and cell.value != row.value)


@dataclass(frozen=True)
class _Audit:
    """Every value an import adds or changes is an event of its own, as in the editor (with
    before and after, and the file it came from), in the import's transaction."""

    session: Session
    actor: Actor
    source: str

    def __call__(self, assessment: Assessment, action: str, detail: dict[str, Any]) -> None:
        record_event(
            self.session,
            self.actor,
            action,
            entity="assessment",
            entity_id=assessment.id,
            client_id=assessment.client_id,
            detail={**detail, "source": self.source},
        )

    def recomputed(self, assessment: Assessment, changed: list[Recomputed]) -> None:
        """Computed values the import changed (composites, totals), as the editor's are."""
        for r in changed:
            detail = {"code": r.code, "side": r.side, "mode": "none", "computed": True}
            if r.after is None:
                self(assessment, "measurement.clear", {**detail, "before": r.before})
            else:
                self(
                    assessment, "measurement.set", {**detail, "before": r.before, "after": r.after}
                )


def _apply_measurement(
    session: Session,
    assessment: Assessment,
    row: ParsedRow,
    catalogue: Catalogue,
    report: ImportReport,
    audit: _Audit,
) -> None:
    """Adds or changes the row's value in a draft assessment."""
    assert row.value is not None
    cell = _cell(session, assessment, row)
    cell_id = {"code": row.code, "side": row.side, "mode": row.mode, "pain": row.pain}
    what = f"{row.on} {row.code} {row.side} {row.mode}"
    if cell is None:
        session.add(
            Measurement(
                assessment_id=assessment.id,
                code=row.code,
                side=row.side,
                mode=row.mode,
                value=row.value,
                unit=catalogue[row.code].unit,
                pain=row.pain,
                note=row.note,
                instrument=row.instrument,
                rater=assessment.therapist_name,
            )
        )
        report.values_added += 1
        report.changes.append(Change(row.line, row.chart_number, what, after=row.shown()))
        audit(assessment, "measurement.set", {**cell_id, "before": None, "after": row.value})
    elif cell.value != row.value or cell.pain != row.pain:
        audit(assessment, "measurement.set", {**cell_id, "before": cell.value, "after": row.value})
        report.changes.append(
            Change(
                row.line,
                row.chart_number,
                what,
                before=_shown_value(cell.value, cell.pain),
                after=row.shown(),
            )
        )
        cell.value, cell.pain = row.value, row.pain
        if row.note:
            cell.note = row.note
        report.values_changed += 1


def _apply_finding(
    session: Session,
    assessment: Assessment,
    row: ParsedRow,
    catalogue: Catalogue,
    report: ImportReport,
    audit: _Audit,
) -> None:
    """A motor-control test's row: its finding (rating, faults) in a draft assessment.

    The finding is the test's record (what the editor's motor-control panel shows). A value
    cell of the same test (older imports stored the rating index there, and pain lives only
    on values) is kept in agreement: changed when there is one (removed when the row has no
    rating), added when the row is painful.
    """
    measure = catalogue[row.code]
    found = _finding(session, assessment, row)
    cell = _cell(session, assessment, row)
    what = f"{row.on} {row.code} {row.side}"
    faults = row.faults if row.faults is not None else tuple(found.faults if found else ())
    if found is None:
        before = None
        if cell is not None:
            before = _shown_value(cell.value, cell.pain, _rating_of(measure, cell.value))
        found = Finding(assessment_id=assessment.id, test_code=row.code, side=row.side)
        session.add(found)
    else:
        pain = cell.pain if cell is not None else False
        value = (
            float(measure.ratings.index(found.rating)) if found.rating in measure.ratings else None
        )
        if cell is not None and value is None:
            value = cell.value
        before = _shown_value(value, pain, found.rating, tuple(found.faults or ()))
    if set(found.faults or ()) == set(faults):
        faults = tuple(found.faults or ())  # the same faults listed in another order
    changed = (
        found.rating != row.rating
        or tuple(found.faults or ()) != faults
        or (cell is not None and (cell.value != row.value or cell.pain != row.pain))
        or (cell is None and row.pain)
    )
    found.rating = row.rating
    found.faults = list(faults)
    if measure.ratings:
        found.score = None
    else:
        found.score = row.value
    if row.note:
        found.note = row.note
    if cell is not None and row.value is None:
        session.delete(cell)  # the file says: not rated (only faults noted)
    elif cell is not None and row.value is not None:
        cell.value, cell.pain = row.value, row.pain
        if row.note:
            cell.note = row.note
    elif cell is None and row.pain and row.value is not None:
        session.add(
            Measurement(
                assessment_id=assessment.id,
                code=row.code,
                side=row.side,
                mode=row.mode,
                value=row.value,
                unit=measure.unit,
                pain=True,
                note=row.note,
                instrument=row.instrument,
                rater=assessment.therapist_name,
            )
        )
    after = _shown_value(row.value, row.pain, row.rating, faults)
    if before is None or changed:
        audit(
            assessment,
            "finding.set",
            {
                "test": row.code,
                "side": row.side,
                "before": before,
                "after": {
                    "faults": list(faults),
                    "rating": row.rating,
                    "value": row.value,
                    "pain": row.pain,
                },
            },
        )
    if before is None:
        report.values_added += 1
        report.changes.append(Change(row.line, row.chart_number, what, after=after))
    elif changed:
        report.values_changed += 1
        report.changes.append(Change(row.line, row.chart_number, what, before=before, after=after))


# A computed value given in a file and recomputed from its inputs is "the same" within this
# (the stored composite is rounded to 0.1).
_COMPUTED_TOLERANCE = 0.05 + 1e-9


_COMPUTED_FROM = {
    YBALANCE_COMPOSITE: "the three Y-balance reaches and the limb length of that side",
    FMS_TOTAL: "the seven FMS tests (and clearing tests)",
    LEFS_TOTAL: "the 20 LEFS answers",
}


def _recompute(
    session: Session,
    assessment: Assessment,
    given: list[ParsedRow],
    catalogue: Catalogue,
    report: ImportReport,
    audit: _Audit,
) -> list[RowError]:
    """Brings the draft's computed scores in line with its (imported) inputs, reporting it.

    A computed value in the file that disagrees with its inputs is replaced by the computed
    one (and the report says so); one whose inputs are missing is refused, since it would
    be cleared as soon as anything else in the assessment is saved.
    """
    errors: list[RowError] = []
    recomputed = recompute_stored(session, assessment, catalogue, add_missing=False)
    audit.recomputed(assessment, recomputed)
    changed = {(r.code, r.side): r for r in recomputed}
    stored = {(m.code, m.side): m.value for m in assessment.measurements}
    for row in given:
        if row.code not in _COMPUTED_FROM:
            continue
        key = (row.code, row.side)
        changed.pop(key, None)
        now = stored.get(key)
        if now is None:
            said = (
                f"{row.code} ({row.side}) is computed from {_COMPUTED_FROM[row.code]}, "
                "which this assessment lacks; give those instead of the score"
            )
            errors.append(
                row_refusal(
                    row.line,
                    said,
                    "computed_without_inputs",
                    code=row.code,
                    side=row.side,
                    inputs=_COMPUTED_FROM[row.code],
                )
            )
            continue
        if row.value is not None and abs(now - row.value) <= _COMPUTED_TOLERANCE:
            continue
        report.recomputed += 1
        report.changes.append(
            Change(
                row.line,
                row.chart_number,
                f"{row.on} {row.code} {row.side} disagrees with its inputs, recomputed",
                before=f"{row.value:g} in the file",
                after=f"{now:g}",
                kind="disagrees",
                cell=f"{row.on} {row.code} {row.side}",
            )
        )
    first = given[0]
    for (code, side), done in changed.items():
        report.recomputed += 1
        report.changes.append(
            Change(
                first.line,
                first.chart_number,
                f"{first.on} {code} {side} "
                + ("computed" if done.before is None else "recomputed")
                + " from its inputs",
                before="(none)" if done.before is None else f"{done.before:g}",
                after="(cleared: inputs incomplete)" if done.after is None else f"{done.after:g}",
                kind="computed" if done.before is None else "recomputed",
                cell=f"{first.on} {code} {side}",
            )
        )
    return errors


def import_assessments(
    ctx: ServiceContext,
    path: Path,
    *,
    create_clients: bool = False,
    dry_run: bool = False,
    encoding: str | None = None,
) -> ImportReport:
    """Imports long-format measurements; all rows or none. Values go into a draft of that day."""
    ctx.actor.require("data.import")
    source = path.name
    rows = parse_assessment_rows(ctx.catalogue, read_text(path, encoding), source)
    report = ImportReport(rows=len(rows), dry_run=dry_run)
    session = ctx.db.sessions()
    audit = _Audit(session, ctx.actor, source)
    try:
        clients: dict[str, Client] = {}
        errors: list[RowError] = []
        for row in rows:
            if row.chart_number in clients:
                continue
            client = session.execute(
                select(Client).where(Client.chart_number == row.chart_number)
            ).scalar_one_or_none()
            if client is None:
                if not create_clients:
                    errors.append(
                        row_refusal(
                            row.line,
                            f"unknown chart number {row.chart_number!r} "
                            "(use --create-clients to add it)",
                            "chart_unknown",
                            chart=row.chart_number,
                        )
                    )
                    continue
                client = Client(
                    chart_number=row.chart_number,
                    given_name="Imported",
                    family_name=row.chart_number,
                )
                session.add(client)
                session.flush()
                record_event(
                    session,
                    ctx.actor,
                    "client.create",
                    entity="client",
                    entity_id=client.id,
                    client_id=client.id,
                    detail={
                        "after": {"chart_number": client.chart_number},
                        "source": source,
                        "line": row.line,
                    },
                )
                report.clients_created.append(row.chart_number)
                report.changes.append(Change(row.line, row.chart_number, "new client"))
            clients[row.chart_number] = client
        if errors:
            raise ImportFailed(source, errors)
        assessments: dict[tuple[str, date], Assessment] = {}
        touched: dict[int, tuple[Assessment, list[ParsedRow]]] = {}
        for row in rows:
            client = clients[row.chart_number]
            key = (row.chart_number, row.on)
            assessment = assessments.get(key)
            if assessment is None:
                existing = (
                    session.execute(
                        select(Assessment)
                        .where(Assessment.client_id == client.id, Assessment.date == row.on)
                        .order_by(Assessment.id.desc())
                    )
                    .scalars()
                    .first()
                )
                if existing is None:
                    earlier = session.execute(
                        select(Assessment.id)
                        .where(Assessment.client_id == client.id, Assessment.date < row.on)
                        .limit(1)
                    ).first()
                    existing = Assessment(
                        client_id=client.id,
                        date=row.on,
                        kind="reassessment" if earlier else "initial",
                        status="draft",
                        template="import",
                        therapist_name=ctx.actor.display_name,
                        notes=f"Imported from {source}",
                    )
                    session.add(existing)
                    session.flush()
                    record_event(
                        session,
                        ctx.actor,
                        "assessment.create",
                        entity="assessment",
                        entity_id=existing.id,
                        client_id=client.id,
                        detail={
                            "date": row.on.isoformat(),
                            "kind": existing.kind,
                            "template": "import",
                            "source": source,
                        },
                    )
                    report.assessments_created += 1
                assessments[key] = existing
                assessment = existing
            if assessment.status == "signed":
                # Re-importing what a signed assessment already holds changes nothing and
                # is fine (an export imported again); anything else would alter a record.
                if _would_change(session, assessment, row, ctx.catalogue):
                    said = (
                        f"the assessment of {row.chart_number} on {row.on} is signed and read-only"
                    )
                    errors.append(
                        row_refusal(
                            row.line, said, "signed_visit", chart=row.chart_number, on=row.on
                        )
                    )
                continue
            touched.setdefault(assessment.id, (assessment, []))[1].append(row)
            if row.finding:
                _apply_finding(session, assessment, row, ctx.catalogue, report, audit)
            else:
                _apply_measurement(session, assessment, row, ctx.catalogue, report, audit)
        if errors:
            raise ImportFailed(source, errors)
        for assessment, given in touched.values():
            errors += _recompute(session, assessment, given, ctx.catalogue, report, audit)
        if errors:
            raise ImportFailed(source, errors)
        session.flush()
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
                    "rows": report.rows,
                    "added": report.values_added,
                    "changed": report.values_changed,
                    "recomputed": report.recomputed,
                    "clients_created": report.clients_created,
                },
            )
            session.commit()
        return report
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
