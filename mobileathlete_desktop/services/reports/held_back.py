"""What a saved program loses on the client's handout, and why: the drills held back for pain
at the latest assessment and those the client's coded complaint holds back (split from
services.reports.handouts, whose handout and `mobileathlete program` listing print the program
without them and warn the therapist of each)."""

from __future__ import annotations

from dataclasses import replace

from mobileathlete_desktop.domain.exercises import ExerciseLibrary
from mobileathlete_desktop.domain.programs import ProgramRecord
from mobileathlete_desktop.services.assessments import load_history
from mobileathlete_desktop.services.context import ServiceContext


def held_back(
    ctx: ServiceContext, client_id: int, program: ProgramRecord
) -> tuple[ProgramRecord, list[str]]:
    """A saved program (or template) without the drills held back for pain (`_held_for_pain`)
    and those the client's coded complaint holds back (`_held_for_complaint`), with one
    warning for the therapist per drill left out: never left out silently."""
    program, for_pain = _held_for_pain(ctx, client_id, program)
    program, for_complaint = _held_for_complaint(ctx, client_id, program)
    return program, for_pain + for_complaint


def _held_for_complaint(
    ctx: ServiceContext, client_id: int, program: ProgramRecord
) -> tuple[ProgramRecord, list[str]]:
    """A saved program (or template) without the drills the client's coded complaint holds
    back (domain.recommendations.held_back_for_complaint, the recommender's and the check-in's
    own rule: a heel drop below the step for insertional Achilles pain, a side lean across the
    midline for lateral hip pain), whenever it was saved (before the complaint was coded, or
    edited by hand), and one warning per drill left out saying why (English, like every
    warning; a check-in's reason, checkin.held_back_complaint). While that complaint is coded,
    the handout prints none of them."""
    from mobileathlete_desktop.domain.checkins import complaint_reason
    from mobileathlete_desktop.domain.recommendations import held_back_for_complaint
    from mobileathlete_desktop.services.clients import get_client
    from mobileathlete_desktop.services.programs import exercise_library, library_drills

    library = exercise_library()
    complaint = get_client(ctx, client_id, audit=False).complaint_code
    if library is None or not complaint:
        return program, []
    held = held_back_for_complaint(program.items, library_drills(library), complaint)
    if not held:
        return program, []
    warnings = [
        complaint_reason(code, complaint).words("en", library)
        + "; left out of the handout while this complaint is coded"
        for code in held
    ]
    items = tuple(i for i in program.items if i.exercise_code not in held)
    return replace(program, items=items), warnings


def _held_for_pain(
    ctx: ServiceContext, client_id: int, program: ProgramRecord
) -> tuple[ProgramRecord, list[str]]:
    """A saved program (or template) made before the latest assessment, without the drills
    that load a test painful at that assessment (domain.recommendations.held_back: the
    recommender's pain rule), and one warning per drill held back for the therapist, who may
    add it back in the builder: a program saved on or after that assessment's date was saved
    with the pain in view (the builder shows its cautions), so it is printed as saved."""
    from mobileathlete_desktop.domain.checkins import held_back_reason
    from mobileathlete_desktop.domain.recommendations import held_back
    from mobileathlete_desktop.services.programs import (
        exercise_library,
        library_drills,
        observations,
    )

    if not ctx.actor.can("assessments.read"):
        return program, []
    history = load_history(ctx, client_id)
    latest, library = history.latest, exercise_library()
    if latest is None or library is None:
        return program, []
    if program.date is not None and not program.is_template and program.date >= latest.date:
        return program, []
    paused = held_back(program.items, observations(ctx, history), library_drills(library))
    if not paused:
        return program, []
    warnings = [
        held_back_reason(code, painful, ctx.catalogue).words("en", library, ctx.catalogue)
        + f" (the program was made before the assessment of {latest.date.isoformat()})"
        for code, painful in paused
    ]
    codes = {code for code, _ in paused}
    items = tuple(i for i in program.items if i.exercise_code not in codes)
    return replace(program, items=items), warnings


def complaint_held_drills(complaint: str, library: ExerciseLibrary | None) -> frozenset[str]:
    """The library's drills the client's coded complaint holds back
    (domain.recommendations.complaint_held)."""
    if library is None or not complaint:
        return frozenset()
    from mobileathlete_desktop.domain.recommendations import complaint_held
    from mobileathlete_desktop.services.programs import library_drills

    return complaint_held(complaint, library_drills(library))
