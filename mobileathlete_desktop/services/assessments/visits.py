"""A visit's life: started, notes and template, what is left empty, signed, corrected by an
addendum."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from mobileathlete_desktop.domain.records import ASSESSMENT_KINDS, AssessmentRecord
from mobileathlete_desktop.services.assessments.records import (
    UNSET,
    assessment_unit,
    check_unchanged,
    to_record,
)
from mobileathlete_desktop.services.assessments.signatures import content_hash
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.context import InputError, NotFound, ServiceContext, refusal
from mobileathlete_desktop.services.templates import get_template
from mobileathlete_desktop.storage.models import (
    Assessment,
    AuditEvent,
    Client,
    Finding,
    Measurement,
    OutcomeScore,
    Treatment,
)


def create_assessment(
    ctx: ServiceContext,
    client_id: int,
    on: date | None = None,
    *,
    kind: str = "initial",
    template: str = "",
    therapist: str | None = None,
    notes: str = "",
) -> AssessmentRecord:
    """Starts a draft assessment for a client (never dated in the future)."""
    ctx.actor.require("assessments.write")
    on = on or date.today()
    if on > date.today():
        raise refusal(
            f"Assessment date {on.isoformat()} is in the future",
            "future_date",
            what="Assessment date",
            text=on.isoformat(),
        )
    if kind not in ASSESSMENT_KINDS:
        raise InputError(f"Unknown assessment kind {kind!r}")
    with ctx.db.session() as session:
        if session.get(Client, client_id) is None:
            raise NotFound(f"No client with id {client_id}")
        row = Assessment(
            client_id=client_id,
            date=on,
            kind=kind,
            status="draft",
            template=template,
            therapist_id=ctx.actor.user_id,
            therapist_name=therapist if therapist is not None else ctx.actor.display_name,
            notes=notes,
        )
        session.add(row)
        session.flush()
        record_event(
            session,
            ctx.actor,
            "assessment.create",
            entity="assessment",
            entity_id=row.id,
            client_id=client_id,
            detail={"date": on.isoformat(), "kind": kind, "template": template},
        )
        return to_record(row)


def get_assessment(ctx: ServiceContext, assessment_id: int) -> AssessmentRecord:
    """One assessment with all its values."""
    with assessment_unit(ctx, assessment_id, "assessments.read", draft=False) as unit:
        return to_record(unit.row)


def set_notes(
    ctx: ServiceContext, assessment_id: int, notes: str, *, expected: str = UNSET
) -> None:
    """Saves the assessment's free-text notes; with `expected` (the notes this editor last
    saw), refused (ConflictError) when another workstation changed them meanwhile."""
    _set_field(ctx, assessment_id, "notes", notes, "assessment.notes", expected, "The notes were")


def set_template(ctx: ServiceContext, assessment_id: int, template: str) -> None:
    """Changes which template lays out a draft (values already recorded are kept)."""
    _set_field(ctx, assessment_id, "template", template, "assessment.template")


def _set_field(
    ctx: ServiceContext,
    assessment_id: int,
    field: str,
    value: str,
    action: str,
    expected: str = UNSET,
    what: str = "",
) -> None:
    """Changes one text field of a draft assessment, audited with before and after."""
    with assessment_unit(ctx, assessment_id) as unit:
        session, row = unit.session, unit.row
        before = getattr(row, field)
        check_unchanged(before, expected, what)
        if before != value:
            setattr(row, field, value)
            session.flush()
            unit.audit(action, {"before": before, "after": value})


def sign_assessment(ctx: ServiceContext, assessment_id: int) -> AssessmentRecord:
    """Locks an assessment with the signing therapist's name and the time."""
    with assessment_unit(ctx, assessment_id, "assessments.sign") as unit:
        session, row = unit.session, unit.row
        row.status = "signed"
        row.signed_at = datetime.now(UTC).replace(tzinfo=None)
        row.signed_by = ctx.actor.display_name
        session.flush()
        # The content hash makes the signature checkable: `check` finds a signed record
        # changed, un-signed or deleted in the file afterwards.
        unit.audit("assessment.sign", {"signed_by": row.signed_by, "content": content_hash(row)})
        return to_record(row)


# Questionnaires whose score is a row of the template (the answers are stored apart).
OUTCOME_ROWS = {"lefs.total": ("lefs", "LEFS"), "psfs.average": ("psfs", "PSFS")}


LISTED_NAMES = 8


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:LISTED_NAMES])
    more = len(names) - LISTED_NAMES
    return shown + (f" and {more} more" if more > 0 else "")


def empty_parts(ctx: ServiceContext, assessment_id: int) -> list[str]:
    """What the assessment's template asks for that holds nothing yet, one line a kind.

    For the sign dialog: measures with no value at all, measures with some sides or modes
    missing (which ones), motor-control tests not rated and questionnaires not answered.
    """
    record = get_assessment(ctx, assessment_id)
    template = get_template(ctx, record.template or "")
    codes = template.measures if template else ()
    stored = {(m.code, m.side, m.mode) for m in record.measurements if m.value is not None}
    rated = {f.test_code for f in record.findings if f.rating or f.faults or f.score is not None}
    answered = {o.instrument for o in record.outcomes if any(a is not None for a in o.answers)}
    empty: list[str] = []
    partly: list[str] = []
    unrated: list[str] = []
    unanswered: list[str] = []
    for code in codes:
        if code in OUTCOME_ROWS:
            instrument, name = OUTCOME_ROWS[code]
            if instrument not in answered:
                unanswered.append(name)
            continue
        if code not in ctx.catalogue:
            continue
        measure = ctx.catalogue[code]
        if measure.computed:
            continue
        if measure.kind == "test":
            if code not in rated:
                unrated.append(measure.label)
            continue
        cells = [(side, mode) for side in measure.sides for mode in measure.modes]
        missing = [(s, m) for s, m in cells if (code, s, m) not in stored]
        if len(missing) == len(cells):
            empty.append(measure.label)
        elif missing:
            where = ", ".join(" ".join(p for p in cell if p != "none") for cell in missing)
            partly.append(f"{measure.label} ({where})")
    lines = []
    if empty:
        lines.append(f"No value: {_names(empty)}")
    if partly:
        lines.append(f"Partly filled: {_names(partly)}")
    if unrated:
        lines.append(f"Not rated: {_names(unrated)}")
    if unanswered:
        lines.append(f"Not answered: {_names(unanswered)}")
    return lines


ADDENDUM_REASON_LENGTH = 500


def addendum_reason(ctx: ServiceContext, assessment_id: int) -> str:
    """Why an addendum was made, as given when it was started ("" for any other assessment)."""
    ctx.actor.require("assessments.read")
    with ctx.db.session() as session:
        # The trail holds the reason as it was given, unchangeable; notes may be edited.
        detail = session.execute(
            select(AuditEvent.detail)
            .where(
                AuditEvent.action == "assessment.addendum",
                AuditEvent.entity == "assessment",
                AuditEvent.entity_id == str(assessment_id),
            )
            .order_by(AuditEvent.id.desc())
            .limit(1)
        ).scalar_one_or_none()
    return str((detail or {}).get("reason") or "")


def create_addendum(ctx: ServiceContext, assessment_id: int, reason: str = "") -> AssessmentRecord:
    """A draft correction of a signed assessment: a copy to edit, the original kept as it was.

    The reason is required (what the addendum corrects); it heads the notes and is kept in
    the audit trail.
    """
    with assessment_unit(ctx, assessment_id, draft=False) as unit:
        session, original = unit.session, unit.row
        reason = " ".join(reason.split())
        if not reason:
            raise refusal("An addendum needs a reason: say what it corrects", "addendum_reason")
        if len(reason) > ADDENDUM_REASON_LENGTH:
            raise refusal(
                f"The reason is too long (at most {ADDENDUM_REASON_LENGTH} characters)",
                "addendum_reason_long",
                limit=ADDENDUM_REASON_LENGTH,
            )
        if original.status != "signed":
            raise InputError("Only a signed assessment takes an addendum; edit the draft instead")
        row = Assessment(
            client_id=original.client_id,
            date=original.date,
            kind="addendum",
            status="draft",
            template=original.template,
            therapist_id=ctx.actor.user_id,
            therapist_name=ctx.actor.display_name,
            notes=f"Addendum: {reason}\n\n" + original.notes,
            addendum_of_id=original.id,
        )
        row.measurements = [
            Measurement(
                code=m.code,
                side=m.side,
                mode=m.mode,
                value=m.value,
                unit=m.unit,
                pain=m.pain,
                note=m.note,
                instrument=m.instrument,
                position=m.position,
                rater=m.rater,
            )
            for m in original.measurements
        ]
        row.findings = [
            Finding(
                test_code=f.test_code,
                side=f.side,
                faults=list(f.faults),
                rating=f.rating,
                score=f.score,
                note=f.note,
            )
            for f in original.findings
        ]
        row.outcomes = [
            OutcomeScore(
                instrument=o.instrument,
                answers=list(o.answers),
                labels=list(o.labels or ()),
                total=o.total,
            )
            for o in original.outcomes
        ]
        row.treatments = [
            Treatment(
                position=t.position,
                kind=t.kind,
                site=t.site,
                method=t.method,
                grade=t.grade,
                side=t.side,
                minutes=t.minutes,
                note=t.note,
            )
            for t in original.treatments
        ]
        session.add(row)
        session.flush()
        record_event(
            session,
            ctx.actor,
            "assessment.addendum",
            entity="assessment",
            entity_id=row.id,
            client_id=row.client_id,
            detail={"addendum_of": original.id, "reason": reason},
        )
        return to_record(row)
