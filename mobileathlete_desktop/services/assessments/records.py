"""Assessment rows as records, and the guarded unit of work every use case on one assessment
starts with (`assessment_unit`)."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.pool import Pool

from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
    FindingRecord,
    MeasurementRecord,
    OutcomeRecord,
)
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.context import (
    InputError,
    NotFound,
    ServiceContext,
    conflict,
)
from mobileathlete_desktop.storage.models import Assessment, Measurement


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
    _remember_client(session, row)
    return row


# The client of each assessment loaded, per database (an assessment never changes client): a
# save on a clinic server writes the value and its audit event in one statement, whose event
# names the client (services.assessments.server_save), without reading the visit first.
# Keyed by the engine's pool: the units' engines (with their options) share their database's.
_CLIENTS: weakref.WeakKeyDictionary[Pool, dict[int, int]] = weakref.WeakKeyDictionary()
_CLIENTS_LOCK = threading.Lock()


def _remember_client(session: Session, row: Assessment) -> None:
    pool = session.get_bind().engine.pool
    with _CLIENTS_LOCK:
        _CLIENTS.setdefault(pool, {})[row.id] = row.client_id


def known_client(engine: Engine, assessment_id: int) -> int | None:
    """The client of an assessment this process loaded from this database (None: not yet)."""
    with _CLIENTS_LOCK:
        return _CLIENTS.get(engine.pool, {}).get(assessment_id)


def _editable(session: Session, assessment_id: int) -> Assessment:
    row = _load(session, assessment_id)
    if row.status == "signed":
        raise InputError(
            f"Assessment of {row.date.isoformat()} is signed and read-only; add an addendum instead"
        )
    return row


@dataclass(frozen=True)
class AssessmentUnit:
    """One assessment loaded in a unit of work, and the audit of what is done to it."""

    ctx: ServiceContext
    session: Session
    row: Assessment

    def audit(self, action: str, detail: dict[str, Any]) -> None:
        """Records `action` on this assessment (and its client) in the same transaction."""
        record_event(
            self.session,
            self.ctx.actor,
            action,
            entity="assessment",
            entity_id=self.row.id,
            client_id=self.row.client_id,
            detail=detail,
        )


@contextmanager
def assessment_unit(
    ctx: ServiceContext,
    assessment_id: int,
    permission: str = "assessments.write",
    *,
    draft: bool = True,
) -> Iterator[AssessmentUnit]:
    """The guard every use case on one assessment starts with: the actor's permission checked,
    then, in one unit of work, the assessment loaded (NotFound) and, with `draft`, refused
    when signed (InputError: a signed assessment takes an addendum instead). With the
    permission "assessments.read" the unit only reads (`Database.reading`): never write in it.
    Two first saves of one cell at once (a server's unique cell) are a ConflictError."""
    ctx.actor.require(permission)
    # Reading only (permission "assessments.read"): begun deferred, it neither waits for a
    # writer nor holds one up (see Database.reading).
    unit_of_work = ctx.db.reading if permission == "assessments.read" else ctx.db.session
    try:
        with unit_of_work() as session:
            row = _editable(session, assessment_id) if draft else _load(session, assessment_id)
            yield AssessmentUnit(ctx, session, row)
    except IntegrityError as exc:
        if not _is_duplicate(exc):
            raise
        # Two workstations filled the same empty cell at the same moment (a clinic server
        # checks the unique cell only at the insert): the later one is told, not crashed.
        raise conflict(
            "Another workstation saved this at the same moment; it was changed elsewhere: "
            "reload to see the other value. Yours was not saved",
            "saved_same_moment",
        ) from exc


def _is_duplicate(exc: IntegrityError) -> bool:
    """Whether the insert clashed with a row of the same cell (a unique constraint)."""
    state = getattr(exc.orig, "sqlstate", None)
    return state == "23505" or "UNIQUE constraint failed" in str(exc.orig)


UNSET: Any = object()
"""`expected` not given: a save does not check what was stored before (imports, commands)."""


def check_unchanged(before: Any, expected: Any, what: str, **details: object) -> None:
    """The optimistic version check of every editable record: ConflictError unless what is
    stored (`before`) is what this editor last saw (`expected`; UNSET skips the check), so
    two stale copies never overwrite each other. `what` says it: "The notes were" (a window
    says it in its own language: ui/refusals; `details` name a finding's test and side)."""
    if expected is not UNSET and before != expected:
        raise conflict(
            f"{what} changed elsewhere: reload to see the other value; yours were not saved",
            "changed_elsewhere",
            subject=what,
            **details,
        )
