"""Recording an assessment: values saved as they are typed, signing, addenda and history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from mobileathlete_desktop.domain.catalogue import Catalogue, Mode, Side
from mobileathlete_desktop.domain.interpretation import (
    FMS_CLEARING,
    FMS_TESTS,
    FMS_TOTAL,
    LEFS_TOTAL,
    LIMB_LENGTH,
    YBALANCE_COMPOSITE,
    YBALANCE_REACHES,
)
from mobileathlete_desktop.domain.interpretation import lefs_total as score_lefs
from mobileathlete_desktop.domain.records import (
    ASSESSMENT_KINDS,
    AssessmentRecord,
    ClientHistory,
    FindingRecord,
    MeasurementRecord,
    OutcomeRecord,
)
from mobileathlete_desktop.domain.scoring import (
    PSFS_AVERAGE,
    PSFS_INSTRUMENT,
    PSFS_MAX_ACTIVITIES,
    PSFS_MAX_RATING,
    PSFS_MIN_ACTIVITIES,
    fms_scores,
    fms_total,
    psfs_average,
    ybalance_composite_for,
)
from mobileathlete_desktop.domain.validation import InvalidValue, check_cell, lookup_measure
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.clients import to_record as client_record
from mobileathlete_desktop.services.context import (
    ConflictError,
    InputError,
    NotFound,
    ServiceContext,
)
from mobileathlete_desktop.services.templates import get_template
from mobileathlete_desktop.storage.models import (
    Assessment,
    AuditEvent,
    Client,
    Finding,
    Measurement,
    OutcomeScore,
)

UNSET: Any = object()

LEFS_ITEMS = 20


@dataclass(frozen=True)
class AssessmentSummary:
    """A line in a client's list of assessments."""

    id: int
    client_id: int
    date: date
    kind: str
    status: str
    therapist: str
    values: int
    addendum_of: int | None


def _measurement_record(m: Measurement) -> MeasurementRecord:
    return MeasurementRecord(
        code=m.code,
        side=m.side,  # type: ignore[arg-type]
        mode=m.mode,  # type: ignore[arg-type]
        value=m.value,
        pain=m.pain,
        note=m.note,
        instrument=m.instrument,
        position=m.position,
        rater=m.rater,
        unit=m.unit,
    )


def to_record(row: Assessment) -> AssessmentRecord:
    """The plain record of an assessment row with everything recorded in it."""
    return AssessmentRecord(
        id=row.id,
        client_id=row.client_id,
        date=row.date,
        kind=row.kind,  # type: ignore[arg-type]
        status=row.status,  # type: ignore[arg-type]
        therapist=row.therapist_name,
        notes=row.notes,
        template=row.template,
        signed_at=row.signed_at,
        signed_by=row.signed_by,
        addendum_of=row.addendum_of_id,
        version=row.version,
        measurements=tuple(_measurement_record(m) for m in row.measurements),
        findings=tuple(
            FindingRecord(
                test_code=f.test_code,
                side=f.side,  # type: ignore[arg-type]
                faults=tuple(f.faults or ()),
                rating=f.rating,
                score=f.score,
                note=f.note,
            )
            for f in row.findings
        ),
        outcomes=tuple(
            OutcomeRecord(
                instrument=o.instrument,
                answers=tuple(o.answers or ()),
                total=o.total,
                labels=tuple(o.labels or ()),
            )
            for o in row.outcomes
        ),
    )


def _load(session: Session, assessment_id: int) -> Assessment:
    row = session.get(Assessment, assessment_id)
    if row is None:
        raise NotFound(f"No assessment with id {assessment_id}")
    return row


def _editable(session: Session, assessment_id: int) -> Assessment:
    row = _load(session, assessment_id)
    if row.status == "signed":
        raise InputError(
            f"Assessment of {row.date.isoformat()} is signed and read-only; add an addendum instead"
        )
    return row


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
        raise InputError(f"Assessment date {on.isoformat()} is in the future")
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
    ctx.actor.require("assessments.read")
    with ctx.db.session() as session:
        return to_record(_load(session, assessment_id))


def list_assessments(ctx: ServiceContext, client_id: int) -> list[AssessmentSummary]:
    """A client's assessments, newest first."""
    ctx.actor.require("assessments.read")
    with ctx.db.session() as session:
        # Counted per assessment of this client (a correlated subquery on the
        # (assessment_id, ...) index), not grouped over every measurement in the clinic.
        count = (
            select(func.count(Measurement.id))
            .where(Measurement.assessment_id == Assessment.id)
            .correlate(Assessment)
            .scalar_subquery()
        )
        rows = session.execute(
            select(Assessment, count)
            .where(Assessment.client_id == client_id)
            .order_by(Assessment.date.desc(), Assessment.id.desc())
        ).all()
        return [
            AssessmentSummary(
                id=a.id,
                client_id=a.client_id,
                date=a.date,
                kind=a.kind,
                status=a.status,
                therapist=a.therapist_name,
                values=int(n),
                addendum_of=a.addendum_of_id,
            )
            for a, n in rows
        ]


def set_value(
    ctx: ServiceContext,
    assessment_id: int,
    code: str,
    side: Side,
    mode: Mode,
    value: float | None,
    *,
    pain: bool | None = None,
    note: str | None = None,
    instrument: str | None = None,
    position: str | None = None,
    rater: str | None = None,
    expected: float | None = UNSET,
) -> MeasurementRecord | None:
    """Saves (or with None, clears) one value at once, in its own transaction.

    The value is checked against the measure's hard bounds first; nothing is stored when
    it is refused. With `expected`, the save is refused if the stored value is no longer
    what this editor last saw (another window changed it).
    """
    ctx.actor.require("assessments.write")
    try:
        measure = lookup_measure(ctx.catalogue, code)
        check_cell(measure, side, mode)
        if measure.computed:
            raise InvalidValue(f"{measure.label} is computed from its inputs, not entered")
        if value is not None:
            problem = measure.check_value(value)
            if problem:
                raise InvalidValue(problem)
    except InvalidValue as exc:
        raise InputError(str(exc)) from exc
    with ctx.db.session() as session:
        row = _editable(session, assessment_id)
        cell = session.execute(
            select(Measurement).where(
                Measurement.assessment_id == assessment_id,
                Measurement.code == code,
                Measurement.side == side,
                Measurement.mode == mode,
            )
        ).scalar_one_or_none()
        before = None if cell is None else cell.value
        if expected is not UNSET and before != expected:
            shown = "empty" if before is None else f"{before:g}"
            raise ConflictError(
                f"{measure.label} ({side}, {mode}) was changed elsewhere to {shown}; "
                "your value was not saved"
            )
        if value is None:
            if cell is not None:
                session.delete(cell)
                record_event(
                    session,
                    ctx.actor,
                    "measurement.clear",
                    entity="assessment",
                    entity_id=assessment_id,
                    client_id=row.client_id,
                    detail={"code": code, "side": side, "mode": mode, "before": before},
                )
                if code in computed_inputs(ctx.catalogue):
                    recompute_stored(session, row, ctx.catalogue, add_missing=False)
            return None
        if cell is None:
            cell = Measurement(
                assessment_id=assessment_id,
                code=code,
                side=side,
                mode=mode,
                value=value,
                unit=measure.unit,
                pain=bool(pain),
                note=note or "",
                instrument=instrument if instrument is not None else measure.instrument,
                position=position or "",
                rater=rater if rater is not None else row.therapist_name,
            )
            session.add(cell)
        else:
            cell.value = value
            if pain is not None:
                cell.pain = pain
            if note is not None:
                cell.note = note
            if instrument is not None:
                cell.instrument = instrument
            if position is not None:
                cell.position = position
            if rater is not None:
                cell.rater = rater
        session.flush()
        record_event(
            session,
            ctx.actor,
            "measurement.set",
            entity="assessment",
            entity_id=assessment_id,
            client_id=row.client_id,
            detail={
                "code": code,
                "side": side,
                "mode": mode,
                "before": before,
                "after": value,
                "pain": cell.pain,
            },
        )
        saved = _measurement_record(cell)
        if code in computed_inputs(ctx.catalogue):
            # Same transaction: a stored composite or total never lags behind its inputs.
            recompute_stored(session, row, ctx.catalogue, add_missing=False)
        return saved


def set_pain(
    ctx: ServiceContext, assessment_id: int, code: str, side: Side, mode: Mode, pain: bool
) -> MeasurementRecord:
    """Marks a recorded value as painful on movement (or not)."""
    ctx.actor.require("assessments.write")
    with ctx.db.session() as session:
        row = _editable(session, assessment_id)
        cell = session.execute(
            select(Measurement).where(
                Measurement.assessment_id == assessment_id,
                Measurement.code == code,
                Measurement.side == side,
                Measurement.mode == mode,
            )
        ).scalar_one_or_none()
        if cell is None:
            raise InputError("Enter a value before marking it painful")
        if cell.pain != pain:
            cell.pain = pain
            session.flush()
            record_event(
                session,
                ctx.actor,
                "measurement.pain",
                entity="assessment",
                entity_id=assessment_id,
                client_id=row.client_id,
                detail={"code": code, "side": side, "mode": mode, "pain": pain},
            )
        return _measurement_record(cell)


def set_finding(
    ctx: ServiceContext,
    assessment_id: int,
    test_code: str,
    side: Side,
    *,
    faults: tuple[str, ...] | list[str] = (),
    rating: str = "",
    score: float | None = None,
    note: str = "",
) -> FindingRecord:
    """Saves a motor-control test's observed faults and rating for one side."""
    ctx.actor.require("assessments.write")
    measure = ctx.catalogue.get(test_code)
    if measure is None:
        raise InputError(f"unknown test code {test_code!r}")
    known = {f.code for f in measure.faults}
    unknown = [f for f in faults if f not in known]
    if unknown:
        raise InputError(f"{measure.label}: unknown fault {unknown[0]!r}")
    if rating and measure.ratings and rating not in measure.ratings:
        raise InputError(f"{measure.label}: rating must be one of {', '.join(measure.ratings)}")
    if side not in measure.sides:
        raise InputError(f"{measure.label}: side must be {' or '.join(measure.sides)}")
    with ctx.db.session() as session:
        row = _editable(session, assessment_id)
        cell = session.execute(
            select(Finding).where(
                Finding.assessment_id == assessment_id,
                Finding.test_code == test_code,
                Finding.side == side,
            )
        ).scalar_one_or_none()
        before = None if cell is None else {"faults": cell.faults, "rating": cell.rating}
        if cell is None:
            cell = Finding(assessment_id=assessment_id, test_code=test_code, side=side)
            session.add(cell)
        cell.faults = list(faults)
        cell.rating = rating
        cell.score = score
        cell.note = note
        value_cell = session.execute(
            select(Measurement).where(
                Measurement.assessment_id == assessment_id,
                Measurement.code == test_code,
                Measurement.side == side,
                Measurement.mode == "none",
            )
        ).scalar_one_or_none()
        if value_cell is not None and rating in measure.ratings:
            # A value of the test (the rating's index, as older imports stored it) follows.
            value_cell.value = float(measure.ratings.index(rating))
        session.flush()
        record_event(
            session,
            ctx.actor,
            "finding.set",
            entity="assessment",
            entity_id=assessment_id,
            client_id=row.client_id,
            detail={
                "test": test_code,
                "side": side,
                "before": before,
                "after": {"faults": list(faults), "rating": rating},
            },
        )
        return FindingRecord(test_code, side, tuple(faults), rating, score, note)


def lefs_total(answers: list[int | None] | tuple[int | None, ...]) -> int | None:
    """The LEFS total (0–80) when all 20 items are answered, otherwise None (domain scorer)."""
    if len(answers) != LEFS_ITEMS:
        return None
    try:
        return score_lefs(answers)
    except ValueError:
        return None


def _store_score(session: Session, assessment_id: int, code: str, value: float | None) -> None:
    """A questionnaire's score kept as a value of its own (lefs.total, psfs.average): stored,
    updated, or cleared when the answers no longer give one."""
    stored = session.execute(
        select(Measurement).where(
            Measurement.assessment_id == assessment_id, Measurement.code == code
        )
    ).scalar_one_or_none()
    if value is None:
        if stored is not None:
            session.delete(stored)
    elif stored is None:
        session.add(
            Measurement(
                assessment_id=assessment_id,
                code=code,
                side="none",
                mode="none",
                value=value,
                unit="score",
                instrument="questionnaire",
            )
        )
    else:
        stored.value = value


def set_lefs_answers(
    ctx: ServiceContext, assessment_id: int, answers: list[int | None]
) -> OutcomeRecord:
    """Saves the 20 LEFS item answers (0–4 each) and, when complete, the total as a value."""
    ctx.actor.require("assessments.write")
    if len(answers) != LEFS_ITEMS:
        raise InputError(f"LEFS has {LEFS_ITEMS} items, got {len(answers)}")
    for number, answer in enumerate(answers, start=1):
        if answer is not None and not 0 <= answer <= 4:
            raise InputError(f"LEFS item {number}: {answer} is outside 0–4")
    total = lefs_total(answers)
    with ctx.db.session() as session:
        row = _editable(session, assessment_id)
        cell = session.execute(
            select(OutcomeScore).where(
                OutcomeScore.assessment_id == assessment_id, OutcomeScore.instrument == "lefs"
            )
        ).scalar_one_or_none()
        if cell is None:
            cell = OutcomeScore(assessment_id=assessment_id, instrument="lefs")
            session.add(cell)
        cell.answers = list(answers)
        cell.total = None if total is None else float(total)
        _store_score(session, assessment_id, "lefs.total", None if total is None else float(total))
        session.flush()
        record_event(
            session,
            ctx.actor,
            "outcome.set",
            entity="assessment",
            entity_id=assessment_id,
            client_id=row.client_id,
            detail={"instrument": "lefs", "answers": list(answers), "total": total},
        )
        return OutcomeRecord("lefs", tuple(answers), None if total is None else float(total))


PSFS_ACTIVITY_LENGTH = 120


@dataclass(frozen=True)
class PsfsOffer:
    """The activities a client named at an earlier visit, to be rated again."""

    activities: tuple[str, ...]
    visit: date


def _checked_psfs(
    activities: list[str] | tuple[str, ...], ratings: list[int | None] | tuple[int | None, ...]
) -> tuple[list[str], list[int | None]]:
    """The named activities and their ratings with empty rows dropped, or InputError."""
    if len(activities) != len(ratings):
        raise InputError("PSFS: each activity needs one rating")
    names: list[str] = []
    kept: list[int | None] = []
    for number, (raw, rating) in enumerate(zip(activities, ratings, strict=True), start=1):
        name = " ".join(raw.split())
        if not name and rating is None:
            continue
        if not name:
            raise InputError(f"PSFS row {number}: name the activity before rating it")
        if len(name) > PSFS_ACTIVITY_LENGTH:
            raise InputError(
                f"PSFS row {number}: an activity name is at most {PSFS_ACTIVITY_LENGTH} characters"
            )
        if rating is not None and not 0 <= rating <= PSFS_MAX_RATING:
            raise InputError(
                f"PSFS {name!r}: {rating} is outside 0–{PSFS_MAX_RATING} "
                "(0 = unable, 10 = able as before the problem)"
            )
        if name.casefold() in (n.casefold() for n in names):
            raise InputError(f"PSFS: {name!r} is named twice")
        names.append(name)
        kept.append(rating)
    if len(names) > PSFS_MAX_ACTIVITIES:
        raise InputError(f"PSFS takes at most {PSFS_MAX_ACTIVITIES} activities, got {len(names)}")
    return names, kept


def set_psfs(
    ctx: ServiceContext,
    assessment_id: int,
    activities: list[str] | tuple[str, ...],
    ratings: list[int | None] | tuple[int | None, ...],
) -> OutcomeRecord:
    """Saves the PSFS: the client's activities (names kept for the next visit) and ratings 0–10.

    The average (`domain.scoring.psfs_average`) is stored as the measurement `psfs.average`
    once 3–5 activities are all rated, and cleared otherwise, so the interpretation, summary,
    reports and charts read it like any value. The outcome row keeps the names and ratings;
    its total stays empty, because the interpretation reads an outcome's total as
    `<instrument>.total` and the PSFS score is an average under its own code.
    """
    ctx.actor.require("assessments.write")
    names, kept = _checked_psfs(activities, ratings)
    average = psfs_average(kept) if len(names) >= PSFS_MIN_ACTIVITIES else None
    with ctx.db.session() as session:
        row = _editable(session, assessment_id)
        cell = session.execute(
            select(OutcomeScore).where(
                OutcomeScore.assessment_id == assessment_id,
                OutcomeScore.instrument == PSFS_INSTRUMENT,
            )
        ).scalar_one_or_none()
        before = (
            None
            if cell is None
            else {"activities": list(cell.labels or ()), "ratings": list(cell.answers or ())}
        )
        if cell is None and not names:
            return OutcomeRecord(PSFS_INSTRUMENT)
        if cell is None:
            cell = OutcomeScore(assessment_id=assessment_id, instrument=PSFS_INSTRUMENT)
            session.add(cell)
        cell.labels = list(names)
        cell.answers = list(kept)
        cell.total = None
        _store_score(session, assessment_id, PSFS_AVERAGE, average)
        session.flush()
        record_event(
            session,
            ctx.actor,
            "outcome.set",
            entity="assessment",
            entity_id=assessment_id,
            client_id=row.client_id,
            detail={
                "instrument": PSFS_INSTRUMENT,
                "before": before,
                "activities": names,
                "ratings": kept,
                "average": average,
            },
        )
        return OutcomeRecord(PSFS_INSTRUMENT, tuple(kept), None, tuple(names))


def psfs_offer(ctx: ServiceContext, assessment_id: int) -> PsfsOffer | None:
    """The activities of the client's latest earlier PSFS, to ask about again; None if none."""
    ctx.actor.require("assessments.read")
    with ctx.db.session() as session:
        row = _load(session, assessment_id)
        anchor = _load(session, row.addendum_of_id) if row.addendum_of_id else row
        found = session.execute(
            select(OutcomeScore, Assessment.date)
            .join(Assessment, OutcomeScore.assessment_id == Assessment.id)
            .where(
                Assessment.client_id == row.client_id,
                Assessment.id.not_in((row.id, anchor.id)),
                OutcomeScore.instrument == PSFS_INSTRUMENT,
                (Assessment.date < anchor.date)
                | ((Assessment.date == anchor.date) & (Assessment.id < anchor.id)),
            )
            .order_by(Assessment.date.desc(), Assessment.id.desc())
        ).all()
        for outcome, when in found:
            if outcome.labels:
                return PsfsOffer(tuple(outcome.labels), when)
        return None


def set_notes(ctx: ServiceContext, assessment_id: int, notes: str) -> None:
    """Saves the assessment's free-text notes."""
    _set_field(ctx, assessment_id, "notes", notes, "assessment.notes")


def _set_field(
    ctx: ServiceContext, assessment_id: int, field: str, value: str, action: str
) -> None:
    """Changes one text field of a draft assessment, audited with before and after."""
    ctx.actor.require("assessments.write")
    with ctx.db.session() as session:
        row = _editable(session, assessment_id)
        before = getattr(row, field)
        if before != value:
            setattr(row, field, value)
            session.flush()
            record_event(
                session,
                ctx.actor,
                action,
                entity="assessment",
                entity_id=assessment_id,
                client_id=row.client_id,
                detail={"before": before, "after": value},
            )


def sign_assessment(ctx: ServiceContext, assessment_id: int) -> AssessmentRecord:
    """Locks an assessment with the signing therapist's name and the time."""
    ctx.actor.require("assessments.sign")
    with ctx.db.session() as session:
        row = _editable(session, assessment_id)
        row.status = "signed"
        row.signed_at = datetime.now(UTC).replace(tzinfo=None)
        row.signed_by = ctx.actor.display_name
        session.flush()
        record_event(
            session,
            ctx.actor,
            "assessment.sign",
            entity="assessment",
            entity_id=assessment_id,
            client_id=row.client_id,
            detail={"signed_by": row.signed_by},
        )
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
    ctx.actor.require("assessments.write")
    reason = " ".join(reason.split())
    if not reason:
        raise InputError("An addendum needs a reason: say what it corrects")
    if len(reason) > ADDENDUM_REASON_LENGTH:
        raise InputError(f"The reason is too long (at most {ADDENDUM_REASON_LENGTH} characters)")
    with ctx.db.session() as session:
        original = _load(session, assessment_id)
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


def load_history(ctx: ServiceContext, client_id: int) -> ClientHistory:
    """A client and their assessments, oldest first, each corrected by its latest signed addendum.

    A signed addendum takes its original's place in the history (same date); a draft
    addendum is shown on its own until signed.
    """
    ctx.actor.require("assessments.read")
    with ctx.db.session() as session:
        client = session.get(Client, client_id)
        if client is None:
            raise NotFound(f"No client with id {client_id}")
        rows = list(
            session.execute(
                select(Assessment)
                .where(Assessment.client_id == client_id)
                .options(
                    selectinload(Assessment.measurements),
                    selectinload(Assessment.findings),
                    selectinload(Assessment.outcomes),
                )
                .order_by(Assessment.date, Assessment.id)
            ).scalars()
        )
        superseded = {
            r.addendum_of_id for r in rows if r.addendum_of_id is not None and r.status == "signed"
        }
        kept = [
            r
            for r in rows
            if r.id not in superseded and not (r.addendum_of_id is not None and r.status == "draft")
        ]
        return ClientHistory(
            client=client_record(client), assessments=tuple(to_record(r) for r in kept)
        )


def assessments_between(ctx: ServiceContext, first: date, last: date) -> list[AssessmentSummary]:
    """Every assessment dated from `first` to `last` inclusive, by date then client."""
    ctx.actor.require("assessments.read")
    with ctx.db.session() as session:
        rows = session.execute(
            select(Assessment)
            .where(Assessment.date >= first, Assessment.date <= last)
            .order_by(Assessment.date, Assessment.client_id, Assessment.id)
        ).scalars()
        return [
            AssessmentSummary(
                a.id, a.client_id, a.date, a.kind, a.status, a.therapist_name, 0, a.addendum_of_id
            )
            for a in rows
        ]


@dataclass(frozen=True)
class WorkItem:
    """An assessment on the day's worklist, with whose it is."""

    assessment_id: int
    client_id: int
    chart_number: str
    client_name: str
    """As the client list shows it: "Family, Given"."""
    date: date
    kind: str
    status: str
    therapist: str


@dataclass(frozen=True)
class Worklist:
    """What the empty main page offers: the day's assessments and older unsigned drafts."""

    today: tuple[WorkItem, ...]
    drafts: tuple[WorkItem, ...]


WORKLIST_DRAFTS = 50


def worklist(ctx: ServiceContext, day: date) -> Worklist:
    """The assessments dated `day` (any status) and the drafts left unsigned before it,
    newest first (at most 50), for clients not archived."""
    ctx.actor.require("assessments.read")
    columns = (
        Assessment.id,
        Assessment.client_id,
        Client.chart_number,
        Client.family_name,
        Client.given_name,
        Assessment.date,
        Assessment.kind,
        Assessment.status,
        Assessment.therapist_name,
    )
    base = select(*columns).join(Client, Client.id == Assessment.client_id)
    base = base.where(Client.archived.is_(False))
    seen = base.where(Assessment.date == day).order_by(
        func.lower(Client.family_name), func.lower(Client.given_name), Assessment.id
    )
    drafts = (
        base.where(Assessment.date < day, Assessment.status == "draft")
        .order_by(Assessment.date.desc(), Assessment.id.desc())
        .limit(WORKLIST_DRAFTS)
    )

    def items(stmt: Any) -> tuple[WorkItem, ...]:
        return tuple(
            WorkItem(
                r.id,
                r.client_id,
                r.chart_number,
                f"{r.family_name}, {r.given_name}",
                r.date,
                r.kind,
                r.status,
                r.therapist_name or "",
            )
            for r in session.execute(stmt)
        )

    with ctx.db.session() as session:
        return Worklist(items(seen), items(drafts))


# --- Assessment workstation additions (issue #3) -------------------------------------------


def set_template(ctx: ServiceContext, assessment_id: int, template: str) -> None:
    """Changes which template lays out a draft (values already recorded are kept)."""
    _set_field(ctx, assessment_id, "template", template, "assessment.template")


def previous_assessment(ctx: ServiceContext, assessment_id: int) -> AssessmentRecord | None:
    """The client's visit before this one (by date, then id), to compare with; None if first.

    An addendum compares with the visit before its original, never with the original itself.
    """
    ctx.actor.require("assessments.read")
    with ctx.db.session() as session:
        row = _load(session, assessment_id)
        anchor = row
        if row.addendum_of_id is not None:
            anchor = _load(session, row.addendum_of_id)
        candidates = session.execute(
            select(Assessment)
            .where(
                Assessment.client_id == row.client_id,
                Assessment.id != row.id,
                Assessment.id != anchor.id,
                (Assessment.date < anchor.date)
                | ((Assessment.date == anchor.date) & (Assessment.id < anchor.id)),
                Assessment.addendum_of_id.is_(None) | (Assessment.status == "signed"),
            )
            .order_by(Assessment.date.desc(), Assessment.id.desc())
        ).scalars()
        for candidate in candidates:
            if candidate.addendum_of_id == anchor.id:
                continue
            return to_record(candidate)
        return None


@dataclass(frozen=True)
class Recomputed:
    """A stored computed value brought in line with its inputs (None: cleared or absent)."""

    code: str
    side: Side
    before: float | None
    after: float | None


def computed_inputs(catalogue: Catalogue) -> frozenset[str]:
    """Codes whose change can change a stored computed value (reaches, limb length, FMS tests)."""
    codes: set[str] = set()
    if YBALANCE_COMPOSITE in catalogue:
        codes.update(YBALANCE_REACHES)
        codes.add(LIMB_LENGTH)
    if FMS_TOTAL in catalogue:
        codes.update(FMS_TESTS)
        codes.update(FMS_CLEARING)
    return frozenset(codes)


def recompute_stored(
    session: Session, row: Assessment, catalogue: Catalogue, *, add_missing: bool = True
) -> list[Recomputed]:
    """Recomputes the stored computed values of one assessment in the caller's transaction.

    Y-balance composite (per side) and FMS total come from the domain scorers in
    `domain.scoring`; the LEFS total from its 20 answers when they are all there (a total
    entered without answers is itself the input and is left alone). A computed value whose
    inputs are incomplete is cleared: a stored score never disagrees with what it is made of.
    With `add_missing=False` only values already stored are kept in line (one not stored is
    computed on read, as the summary and reports do). Returns what changed.
    """
    session.flush()
    session.expire(row, ["measurements", "outcomes", "findings"])
    record = to_record(row)
    wanted: dict[tuple[str, Side], float | None] = {}
    if YBALANCE_COMPOSITE in catalogue:
        for side in ("left", "right"):
            wanted[(YBALANCE_COMPOSITE, side)] = ybalance_composite_for(record, side)
    if FMS_TOTAL in catalogue:
        bilateral = {m.code: m.bilateral for m in catalogue}
        total = fms_total(fms_scores(record, bilateral))
        wanted[(FMS_TOTAL, "none")] = None if total is None else float(total)
    lefs = next((o for o in row.outcomes if o.instrument == "lefs"), None)
    if lefs is not None and LEFS_TOTAL in catalogue:
        lefs_sum = lefs_total(lefs.answers or [])
        if lefs_sum is not None:
            wanted[(LEFS_TOTAL, "none")] = float(lefs_sum)
            lefs.total = float(lefs_sum)
    psfs = next((o for o in row.outcomes if o.instrument == PSFS_INSTRUMENT), None)
    if psfs is not None and PSFS_AVERAGE in catalogue and psfs.labels:
        # Named activities make the ratings the input; an average typed alone is left alone.
        try:
            wanted[(PSFS_AVERAGE, "none")] = psfs_average(list(psfs.answers or ()))
        except ValueError:
            wanted[(PSFS_AVERAGE, "none")] = None
    changed: list[Recomputed] = []
    for (code, side), value in wanted.items():
        cell = next((m for m in row.measurements if m.code == code and m.side == side), None)
        before = None if cell is None else cell.value
        if value is None:
            if cell is not None:
                row.measurements.remove(cell)
        elif cell is None:
            if not add_missing:
                continue
            row.measurements.append(
                Measurement(
                    code=code,
                    side=side,
                    mode="none",
                    value=value,
                    unit=catalogue[code].unit,
                    instrument="questionnaire"
                    if code in (LEFS_TOTAL, PSFS_AVERAGE)
                    else "computed",
                )
            )
        elif cell.value != value:
            cell.value = value
        if before != value:
            changed.append(Recomputed(code, side, before, value))
    session.flush()
    return changed


def update_computed(ctx: ServiceContext, assessment_id: int) -> AssessmentRecord:
    """Recomputes the stored composite values (Y-balance composite, movement-screen total).

    Each is saved (or cleared while incomplete) in one transaction, so a reader of the
    database sees the same totals the editor shows. Saving a value (`set_value`) and
    importing already do this in their own transaction; this stays for callers that
    changed inputs some other way.
    """
    ctx.actor.require("assessments.write")
    with ctx.db.session() as session:
        row = _editable(session, assessment_id)
        recompute_stored(session, row, ctx.catalogue)
        return to_record(row)
