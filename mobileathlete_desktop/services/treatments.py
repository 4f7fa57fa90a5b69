"""The clinic's treatment in a visit: listing, adding, changing and removing what was done.

Every change goes through the assessment's guard (`assessment_unit`): a therapist only
(assessments.write), never on a signed visit (a correction is an addendum, which copies
the treatments), audited with what it was before and after, in one transaction. A change
names what this editor last saw (`expected`): a row changed or removed elsewhere meanwhile
is a ConflictError, never silently overwritten.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from sqlalchemy import func, select

from mobileathlete_desktop.domain.treatments import (
    InvalidTreatment,
    TreatmentEntry,
    TreatmentKind,
    TreatmentRecord,
    checked,
)
from mobileathlete_desktop.services.assessments.records import (
    UNSET,
    AssessmentUnit,
    assessment_unit,
    check_unchanged,
)
from mobileathlete_desktop.services.context import (
    InputError,
    NotFound,
    ServiceContext,
    conflict,
)
from mobileathlete_desktop.storage.models import Assessment, Treatment


def to_record(row: Treatment) -> TreatmentRecord:
    """The frozen record of a stored treatment."""
    return TreatmentRecord(
        id=row.id,
        assessment_id=row.assessment_id,
        position=row.position,
        kind=row.kind,  # type: ignore[arg-type]
        site=row.site,
        method=row.method,
        grade=row.grade,
        side=row.side,  # type: ignore[arg-type]
        minutes=row.minutes,
        note=row.note,
    )


def _valid(entry: TreatmentEntry) -> TreatmentEntry:
    try:
        return checked(entry)
    except InvalidTreatment as exc:
        raise InputError(str(exc)) from exc


def _fields(entry: TreatmentEntry) -> dict[str, Any]:
    return asdict(entry)


def _row_of(unit: AssessmentUnit, treatment_id: int, expected: Any) -> Treatment:
    """The treatment in this visit; gone while an editor still shows it is a conflict."""
    row = unit.session.get(Treatment, treatment_id)
    if row is None or row.assessment_id != unit.row.id:
        if expected is not UNSET:
            raise conflict(
                "The treatment was removed elsewhere: reload to see the visit; yours was not saved",
                "treatment_removed",
            )
        raise NotFound(f"No treatment {treatment_id} in assessment {unit.row.id}")
    return row


def list_treatments(ctx: ServiceContext, assessment_id: int) -> tuple[TreatmentRecord, ...]:
    """The treatments of a visit, in the order recorded."""
    with assessment_unit(ctx, assessment_id, "assessments.read", draft=False) as unit:
        return tuple(to_record(t) for t in unit.row.treatments)


def add_treatment(
    ctx: ServiceContext, assessment_id: int, entry: TreatmentEntry
) -> TreatmentRecord:
    """Records one more treatment at the end of the visit's list (checked first: InputError)."""
    with assessment_unit(ctx, assessment_id) as unit:
        clean = _valid(entry)
        last = unit.session.execute(
            select(func.max(Treatment.position)).where(Treatment.assessment_id == assessment_id)
        ).scalar_one_or_none()
        row = Treatment(assessment_id=assessment_id, position=(last or 0) + 1, **_fields(clean))
        unit.session.add(row)
        unit.session.flush()
        unit.audit("treatment.add", {"treatment": row.id, "after": _fields(clean)})
        return to_record(row)


def update_treatment(
    ctx: ServiceContext,
    assessment_id: int,
    treatment_id: int,
    entry: TreatmentEntry,
    *,
    expected: TreatmentEntry = UNSET,
) -> TreatmentRecord:
    """Changes a recorded treatment. With `expected` (what this editor last saw) the change
    is refused (ConflictError) when another workstation changed or removed it meanwhile."""
    with assessment_unit(ctx, assessment_id) as unit:
        clean = _valid(entry)
        row = _row_of(unit, treatment_id, expected)
        stored = to_record(row).entry
        check_unchanged(stored, expected, "The treatment was")
        before, after = _fields(stored), _fields(clean)
        changed = [name for name in after if before[name] != after[name]]
        if not changed:
            return to_record(row)
        for name in changed:
            setattr(row, name, after[name])
        unit.session.flush()
        unit.audit(
            "treatment.update",
            {
                "treatment": row.id,
                "kind": row.kind,
                "before": {n: before[n] for n in changed},
                "after": {n: after[n] for n in changed},
            },
        )
        return to_record(row)


def remove_treatment(
    ctx: ServiceContext,
    assessment_id: int,
    treatment_id: int,
    *,
    expected: TreatmentEntry = UNSET,
) -> None:
    """Removes a recorded treatment (audited with what it was); with `expected`, refused when
    it was changed or removed elsewhere meanwhile."""
    with assessment_unit(ctx, assessment_id) as unit:
        row = _row_of(unit, treatment_id, expected)
        stored = to_record(row).entry
        check_unchanged(stored, expected, "The treatment was")
        unit.session.delete(row)
        unit.session.flush()
        unit.audit("treatment.remove", {"treatment": treatment_id, "before": _fields(stored)})


def treatments_by_assessment(
    ctx: ServiceContext, client_id: int
) -> dict[int, tuple[TreatmentRecord, ...]]:
    """Every treatment of a client's visits, by assessment id, each visit's in the order
    recorded (a visit with none is absent): for reports' visit lists and exports."""
    ctx.actor.require("assessments.read")
    with ctx.db.reading() as session:
        rows = session.execute(
            select(Treatment)
            .join(Assessment, Treatment.assessment_id == Assessment.id)
            .where(Assessment.client_id == client_id)
            .order_by(Treatment.assessment_id, Treatment.position, Treatment.id)
        ).scalars()
        found: dict[int, list[TreatmentRecord]] = {}
        for row in rows:
            found.setdefault(row.assessment_id, []).append(to_record(row))
        return {visit: tuple(items) for visit, items in found.items()}


# What the demo clinic does for each starting problem (services.demo): a plausible session
# for a runner with that deficit, never advice. (kind, site, method, grade, minutes)
_DEMO_CARE: dict[str, list[tuple[TreatmentKind, str, str, int | None, int]]] = {
    "ankle": [
        ("mobilisation", "talocrural", "ap", 3, 6),
        ("soft_tissue", "calf", "massage", None, 5),
    ],
    "hip.extension": [("soft_tissue", "hip_flexors", "myofascial", None, 6)],
    "hip.internal_rotation": [("mobilisation", "hip", "distraction", 3, 6)],
    "hallux.extension": [("mobilisation", "first_mtp", "distraction", 3, 4)],
    "slr": [("soft_tissue", "hamstrings", "massage", None, 6)],
    "balance": [("neuromuscular", "", "balance", None, 8)],
    "control": [("neuromuscular", "", "hip_control", None, 10)],
}


def _demo_care_of(code: str, control: bool) -> str:
    if control:
        return "control"
    if code.startswith(("ankle.", "wblt.")):
        return "ankle"
    if code.startswith(("balance.", "ybalance.")):
        return "balance"
    return code


def demo_treatments(
    rng: random.Random,
    assessment_id: int,
    deficits: Sequence[tuple[str, str, bool]],
    recovery: float,
) -> list[Treatment]:
    """Plausible treatment rows for a demo visit, from the client's starting problems (code,
    side, control deficit) and how far they have recovered: grades III early, IV later, less
    hands-on work as they recover, and a cadence cue now and then."""
    given: list[Treatment] = []
    done: set[tuple[str, str, str, str]] = set()
    for code, side, control in deficits:
        for kind, site, method, grade, minutes in _DEMO_CARE.get(_demo_care_of(code, control), []):
            if kind != "neuromuscular" and recovery > 0.85:
                continue  # recovered: exercise only
            what = (kind, site, method, side if kind != "neuromuscular" else "none")
            if what in done:
                continue  # two problems, one drill (balance for an ankle and a big toe): once
            done.add(what)
            given.append(
                Treatment(
                    assessment_id=assessment_id,
                    position=len(given) + 1,
                    kind=kind,
                    site=site,
                    method=method,
                    grade=None if grade is None else (grade + 1 if recovery > 0.4 else grade),
                    side=side if kind != "neuromuscular" else "none",
                    minutes=minutes + rng.choice((-1, 0, 0, 2)),
                    note="",
                )
            )
    if rng.random() < 0.35:
        given.append(
            Treatment(
                assessment_id=assessment_id,
                position=len(given) + 1,
                kind="cue",
                site="",
                method="cadence",
                side="none",
                minutes=rng.choice((None, 5)),
                note=rng.choice(("+5 % steps/min", "+7.5 % steps/min", "metronome app")),
            )
        )
    return given
