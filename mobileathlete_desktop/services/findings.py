"""A visit's findings as the editor shows it: the visit read with the client's history."""

from __future__ import annotations

from dataclasses import replace

from mobileathlete_desktop.domain.interpretation import (
    AssessmentInterpretation,
    interpret_assessment,
)
from mobileathlete_desktop.domain.records import AssessmentRecord, ClientHistory
from mobileathlete_desktop.services.assessments import get_assessment, load_history
from mobileathlete_desktop.services.context import ServiceContext


def with_visit(history: ClientHistory, record: AssessmentRecord) -> ClientHistory:
    """The history with this visit in its place, as the editor shows it.

    `load_history` puts a signed addendum in its original's place and leaves a draft addendum
    out; the editor interprets whichever of them is open, so it takes that place instead.
    """
    visits = list(history.assessments)
    for i, visit in enumerate(visits):
        if visit.id == record.id:
            if visit == record:
                return history
            visits[i] = record  # the visit as typed since the history was read
            return replace(history, assessments=tuple(visits))
        if visit.id == record.addendum_of or visit.addendum_of == record.id:
            visits[i] = record
            return replace(history, assessments=tuple(visits))
    visits.append(record)
    visits.sort(key=lambda v: (v.date, v.id))
    return replace(history, assessments=tuple(visits))


def interpret_visit(ctx: ServiceContext, assessment_id: int) -> AssessmentInterpretation:
    """One visit read with the client's history, by the rules the reports use."""
    return read_and_interpret(ctx, assessment_id)[1]


def read_and_interpret(
    ctx: ServiceContext, assessment_id: int, record: AssessmentRecord | None = None
) -> tuple[ClientHistory, AssessmentInterpretation]:
    """The client's history (read) and the visit interpreted with it; with `record`, the visit
    as the editor holds it (not read again)."""
    if record is None or record.id != assessment_id:
        record = get_assessment(ctx, assessment_id)
    history = load_history(ctx, record.client_id)
    return history, interpret_record(ctx, history, record)


def interpret_record(
    ctx: ServiceContext, history: ClientHistory, record: AssessmentRecord
) -> AssessmentInterpretation:
    """A visit as the editor holds it, interpreted with a history read before (no database
    read: the editor's saves keep `record` as stored, the other visits do not change as the
    visit is typed)."""
    return interpret_assessment(with_visit(history, record), record.id, catalogue=ctx.catalogue)
