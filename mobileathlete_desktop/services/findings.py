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
            visits[i] = record
            return history
        if visit.id == record.addendum_of or visit.addendum_of == record.id:
            visits[i] = record
            return replace(history, assessments=tuple(visits))
    visits.append(record)
    visits.sort(key=lambda v: (v.date, v.id))
    return replace(history, assessments=tuple(visits))


def interpret_visit(ctx: ServiceContext, assessment_id: int) -> AssessmentInterpretation:
    """One visit read with the client's history, by the rules the reports use."""
    record = get_assessment(ctx, assessment_id)
    history = with_visit(load_history(ctx, record.client_id), record)
    return interpret_assessment(history, record.id, catalogue=ctx.catalogue)
