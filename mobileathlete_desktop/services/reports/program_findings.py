"""The latest assessment's findings lined up with a program's drills, for the summary and for
`mobileathlete program` alike (domain.report_findings.program_findings: one rule)."""

from __future__ import annotations

from collections.abc import Sequence

from mobileathlete_desktop.domain.exercises import ExerciseLibrary
from mobileathlete_desktop.domain.interpretation import highlights, interpret_assessment
from mobileathlete_desktop.domain.interpretation.highlights import Highlight
from mobileathlete_desktop.domain.records import ClientHistory
from mobileathlete_desktop.domain.report_findings import ProgramFindings, program_findings
from mobileathlete_desktop.services.context import ServiceContext


def findings_of(
    ctx: ServiceContext,
    history: ClientHistory,
    codes: Sequence[str],
    library: ExerciseLibrary | None,
    found: Sequence[Highlight] | None = None,
) -> ProgramFindings:
    """The findings (`found`, else the latest assessment's highlights in English, all of
    them) each with the drills of `codes` that answer it or why none (held back for the
    client's coded complaint, `history.client.complaint_code`, by the recommender's own
    rule), and each drill with the finding it answers; none before any assessment."""
    from mobileathlete_desktop.services.programs import library_drills, observations

    if history.latest is None:
        return ProgramFindings()
    if found is None:
        latest = interpret_assessment(history, catalogue=ctx.catalogue)
        found = highlights(latest, "en", ctx.catalogue)
    drills = library_drills(library) if library is not None else []
    complaint = history.client.complaint_code
    return program_findings(found, observations(ctx, history), codes, drills, complaint)


def listing_findings(ctx: ServiceContext, client_id: int, codes: Sequence[str]) -> ProgramFindings:
    """`findings_of` for a client's program (`codes`: its drills in order), as `mobileathlete
    program` shows it beside the program `program_listing` chose."""
    from mobileathlete_desktop.services.assessments import load_history
    from mobileathlete_desktop.services.programs import exercise_library

    ctx.actor.require("handouts.print")
    return findings_of(ctx, load_history(ctx, client_id), codes, exercise_library())
