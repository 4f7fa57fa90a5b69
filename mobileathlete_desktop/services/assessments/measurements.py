"""Values saved as they are typed (checked, cleared, marked painful), motor-control findings,
and the stored computed values kept in line with their inputs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from mobileathlete_desktop.domain.catalogue import Catalogue, Measure, Mode, Side
from mobileathlete_desktop.domain.interpretation import (
    FMS_CLEARING,
    FMS_TESTS,
    FMS_TOTAL,
    LEFS_TOTAL,
    LIMB_LENGTH,
    YBALANCE_COMPOSITE,
    YBALANCE_REACHES,
)
from mobileathlete_desktop.domain.records import AssessmentRecord, FindingRecord, MeasurementRecord
from mobileathlete_desktop.domain.scoring import (
    PSFS_AVERAGE,
    PSFS_INSTRUMENT,
    fms_scores,
    fms_total,
    psfs_average,
    ybalance_composite_for,
)
from mobileathlete_desktop.domain.validation import (
    InvalidValue,
    check_cell,
    check_pain,
    lookup_measure,
)
from mobileathlete_desktop.services.assessments import server_save
from mobileathlete_desktop.services.assessments.questionnaires import lefs_total
from mobileathlete_desktop.services.assessments.records import (
    UNSET,
    AssessmentUnit,
    _measurement_record,
    assessment_unit,
    check_unchanged,
    to_record,
)
from mobileathlete_desktop.services.context import InputError, ServiceContext, conflict
from mobileathlete_desktop.storage.models import Assessment, Finding, Measurement


def _checked_value(
    catalogue: Catalogue,
    code: str,
    side: Side,
    mode: Mode,
    value: float | None,
    pain: bool | None = None,
) -> Measure:
    """The measure of an entered value, or InputError: unknown code, a side or mode it does not
    take, a computed value, a value outside its hard bounds, or a painful mark on a body
    measurement (domain.validation.check_pain)."""
    try:
        measure = lookup_measure(catalogue, code)
        check_cell(measure, side, mode)
        check_pain(measure, bool(pain))
        if measure.computed:
            raise InvalidValue(f"{measure.label} is computed from its inputs, not entered")
        if value is not None:
            problem = measure.check_value(value)
            if problem:
                raise InvalidValue(problem)
    except InvalidValue as exc:
        raise InputError(str(exc)) from exc
    return measure


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
    given: dict[str, object] = {"pain": pain, "note": note, "instrument": instrument}
    given.update({"position": position, "rater": rater})
    if (
        value is not None
        and expected is not UNSET
        and server_save.applies(ctx)
        and code not in computed_inputs(ctx.catalogue)
    ):
        # A clinic server: the visit's check, the compare-and-set (or a first value) and its
        # audit event in one statement sent with the COMMIT (one wait instead of five).
        # Nothing stored (the visit not loaded yet, signed, or the cell changed elsewhere):
        # the usual path below, which says why.
        ctx.actor.require("assessments.write")
        _checked_value(ctx.catalogue, code, side, mode, value, pain)
        swapped = server_save.swap_value(
            ctx, assessment_id, (code, side, mode), expected, value, given
        )
        if swapped is not None:
            return swapped
    with assessment_unit(ctx, assessment_id) as unit:
        session, row = unit.session, unit.row
        measure = _checked_value(ctx.catalogue, code, side, mode, value, pain)
        if (
            value is not None
            and expected is not UNSET
            and expected is not None
            and session.get_bind().dialect.update_returning  # SQLite 3.35+, PostgreSQL
        ):
            # A stored value changed from what this editor saw: one compare-and-set UPDATE
            # (no read first); not stored as seen (changed elsewhere, or no cell): below.
            swapped = _swap_value(
                session, assessment_id, (code, side, mode), expected, value, given
            )
            if swapped is not None:
                detail = {"code": code, "side": side, "mode": mode, "before": expected}
                unit.audit("measurement.set", {**detail, "after": value, "pain": swapped.pain})
                if code in computed_inputs(ctx.catalogue):
                    audit_recomputed(
                        unit, recompute_stored(session, row, ctx.catalogue, add_missing=False)
                    )
                return swapped
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
            raise conflict(
                f"{measure.label} ({side}, {mode}) was changed elsewhere to {shown}; "
                "your value was not saved",
                "value_cleared_elsewhere" if before is None else "value_changed_elsewhere",
                what=measure.label,
                code=measure.code,
                value="" if before is None else f"{before:g}",
            )
        if value is None:
            if cell is not None:
                session.delete(cell)
                unit.audit(
                    "measurement.clear",
                    {"code": code, "side": side, "mode": mode, "before": before},
                )
                if code in computed_inputs(ctx.catalogue):
                    audit_recomputed(
                        unit, recompute_stored(session, row, ctx.catalogue, add_missing=False)
                    )
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
        unit.audit(
            "measurement.set",
            {
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
            audit_recomputed(unit, recompute_stored(session, row, ctx.catalogue, add_missing=False))
        return saved


def _swap_value(
    session: Session,
    assessment_id: int,
    cell: tuple[str, Side, Mode],
    expected: float,
    value: float,
    given: dict[str, object],
) -> MeasurementRecord | None:
    """Sets a cell to `value` if it holds `expected` (and the other fields given), in one
    statement; the stored cell, or None when no cell held `expected` (nothing changed)."""
    code, side, mode = cell
    changes = {"value": value, **{k: v for k, v in given.items() if v is not None}}
    stmt = (
        update(Measurement)
        .where(
            Measurement.assessment_id == assessment_id,
            Measurement.code == code,
            Measurement.side == side,
            Measurement.mode == mode,
            Measurement.value == expected,
        )
        .values(changes)
        .returning(
            Measurement.value,
            Measurement.pain,
            Measurement.note,
            Measurement.instrument,
            Measurement.position,
            Measurement.rater,
            Measurement.unit,
        )
        .execution_options(synchronize_session=False)
    )
    stored = session.execute(stmt).first()
    if stored is None:
        return None
    return MeasurementRecord(
        code=code,
        side=side,
        mode=mode,
        value=stored.value,
        pain=stored.pain,
        note=stored.note,
        instrument=stored.instrument,
        position=stored.position,
        rater=stored.rater,
        unit=stored.unit,
    )


def set_pain(
    ctx: ServiceContext, assessment_id: int, code: str, side: Side, mode: Mode, pain: bool
) -> MeasurementRecord:
    """Marks a recorded value as painful on movement (or not); a body measurement cannot be
    marked painful (InputError, nothing stored)."""
    with assessment_unit(ctx, assessment_id) as unit:
        session = unit.session
        try:
            check_pain(lookup_measure(ctx.catalogue, code), pain)
        except InvalidValue as exc:
            raise InputError(str(exc)) from exc
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
            unit.audit("measurement.pain", {"code": code, "side": side, "mode": mode, "pain": pain})
        return _measurement_record(cell)


def _checked_finding(
    catalogue: Catalogue, test_code: str, side: Side, faults: Sequence[str], rating: str
) -> Measure:
    """The motor-control test of a finding, or InputError: unknown test or fault, a rating
    the test does not have, or a side it does not take."""
    measure = catalogue.get(test_code)
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
    return measure


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
    expected: tuple[tuple[str, ...], str] = UNSET,
) -> FindingRecord:
    """Saves a motor-control test's observed faults and rating for one side.

    With `expected` (the faults and rating this editor last saw; `((), "")` for none), the
    save is refused (ConflictError) when another workstation changed them meanwhile.
    """
    with assessment_unit(ctx, assessment_id) as unit:
        session = unit.session
        measure = _checked_finding(ctx.catalogue, test_code, side, faults, rating)
        cell = session.execute(
            select(Finding).where(
                Finding.assessment_id == assessment_id,
                Finding.test_code == test_code,
                Finding.side == side,
            )
        ).scalar_one_or_none()
        before = None if cell is None else {"faults": cell.faults, "rating": cell.rating}
        seen = ((), "") if cell is None else (tuple(cell.faults or ()), cell.rating)
        where = f"{measure.label} ({side})" if side != "none" else measure.label
        check_unchanged(seen, expected, f"{where} was", code=measure.code, side=side)
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
        unit.audit(
            "finding.set",
            {
                "test": test_code,
                "side": side,
                "before": before,
                "after": {"faults": list(faults), "rating": rating},
            },
        )
        return FindingRecord(test_code, side, tuple(faults), rating, score, note)


@dataclass(frozen=True)
class Recomputed:
    """A stored computed value brought in line with its inputs (None: cleared or absent)."""

    code: str
    side: Side
    before: float | None
    after: float | None


def audit_recomputed(unit: AssessmentUnit, changed: list[Recomputed]) -> None:
    """Computed values changed with their inputs are audited like typed ones (before/after,
    marked computed), so the trail holds every value a record ever had."""
    for r in changed:
        detail = {"code": r.code, "side": r.side, "mode": "none", "computed": True}
        if r.after is None:
            unit.audit("measurement.clear", {**detail, "before": r.before})
        else:
            unit.audit("measurement.set", {**detail, "before": r.before, "after": r.after})


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
    with assessment_unit(ctx, assessment_id) as unit:
        session, row = unit.session, unit.row
        audit_recomputed(unit, recompute_stored(session, row, ctx.catalogue))
        return to_record(row)
