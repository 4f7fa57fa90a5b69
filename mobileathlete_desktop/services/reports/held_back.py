"""What a saved program loses on the client's handout, and why: the drills held back for pain
at the latest assessment and those the client's coded complaint holds back (split from
services.reports.handouts, whose handout and `mobileathlete program` listing print the program
without them and warn the therapist of each; the summary and the full record list the program
so too, and say under it which drill was left out and why; the handout tells the runner each
drill left out for their complaint: `runner_lines`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from mobileathlete_desktop.domain.exercises import ExerciseLibrary
from mobileathlete_desktop.domain.programs import ProgramRecord
from mobileathlete_desktop.services.assessments import load_history
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.support.i18n import texts
from mobileathlete_desktop.support.sentence_case import in_sentence


@dataclass(frozen=True)
class HeldDrill:
    """One drill left out of a saved program: its library code, the therapist's warning
    (English) and, when the client's coded complaint holds it back, that complaint's code
    ("" when it loads a test painful at the latest assessment)."""

    code: str
    warning: str
    complaint: str = ""


def as_handed_out(
    ctx: ServiceContext, client_id: int, program: ProgramRecord
) -> tuple[ProgramRecord, tuple[HeldDrill, ...]]:
    """The program as the client's handout prints it, and the drills it leaves out: a saved
    program (or template) without what `held_drills` holds back; a recommended program (made
    without them) as it is. The handout, `mobileathlete program`, the summary and the full
    record all call this, so a doctor reads the program the runner holds."""
    if program.recommended:
        return program, ()
    return held_drills(ctx, client_id, program)


def held_drills(
    ctx: ServiceContext, client_id: int, program: ProgramRecord
) -> tuple[ProgramRecord, tuple[HeldDrill, ...]]:
    """A saved program (or template) without the drills held back for pain (`_held_for_pain`)
    and those the client's coded complaint holds back (`_held_for_complaint`), each drill left
    out with its warning for the therapist: never left out silently."""
    program, for_pain = _held_for_pain(ctx, client_id, program)
    program, for_complaint = _held_for_complaint(ctx, client_id, program)
    return program, (*for_pain, *for_complaint)


def _held_for_complaint(
    ctx: ServiceContext, client_id: int, program: ProgramRecord
) -> tuple[ProgramRecord, list[HeldDrill]]:
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
    left_out = [
        HeldDrill(
            code,
            complaint_reason(code, complaint).words("en", library)
            + "; left out of the handout while this complaint is coded",
            complaint,
        )
        for code in held
    ]
    items = tuple(i for i in program.items if i.exercise_code not in held)
    return replace(program, items=items), left_out


def _held_for_pain(
    ctx: ServiceContext, client_id: int, program: ProgramRecord
) -> tuple[ProgramRecord, list[HeldDrill]]:
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
    left_out = [
        HeldDrill(
            code,
            held_back_reason(code, painful, ctx.catalogue).words("en", library, ctx.catalogue)
            + f" (the program was made before the assessment of {latest.date.isoformat()})",
        )
        for code, painful in paused
    ]
    codes = {code for code, _ in paused}
    items = tuple(i for i in program.items if i.exercise_code not in codes)
    return replace(program, items=items), left_out


def complaint_held_drills(complaint: str, library: ExerciseLibrary | None) -> frozenset[str]:
    """The library's drills the client's coded complaint holds back
    (domain.recommendations.complaint_held)."""
    if library is None or not complaint:
        return frozenset()
    from mobileathlete_desktop.domain.recommendations import complaint_held
    from mobileathlete_desktop.services.programs import library_drills

    return complaint_held(complaint, library_drills(library))


def held_lines(
    held: Sequence[HeldDrill], lang: str, library: ExerciseLibrary | None
) -> tuple[str, ...]:
    """The drills left out as a clinical report says them under the program, one a line, to
    the doctor or clinician reading it: "Held back from the home program: Bent-knee calf
    stretch (soleus), for the client's complaint (insertional Achilles pain)."."""
    from mobileathlete_desktop.domain.checkin_reasons import drill_name
    from mobileathlete_desktop.domain.recommendations.complaints import COMPLAINT_RULES

    tr = texts(lang)
    lines = []
    for drill in held:
        name = in_sentence(drill_name(drill.code, library, lang), lang)
        rule = COMPLAINT_RULES.get(drill.complaint)
        if drill.complaint:
            complaint = tr.gettext(rule.words) if rule is not None else drill.complaint
            # Translators: under the program on the clinician's report: a drill of the saved
            # program the runner's handout leaves out for their coded complaint.
            line = tr.gettext(
                "Held back from the home program: {drill}, for the client's complaint "
                "({complaint}).",
                drill=name,
                complaint=complaint,
            )
        else:
            # Translators: under the program on the clinician's report: a drill of a program
            # saved before the latest assessment, which found a test it loads painful.
            line = tr.gettext(
                "Held back from the home program: {drill}, because it loads a test painful at "
                "the latest assessment.",
                drill=name,
            )
        lines.append(line)
    return tuple(lines)


def runner_lines(
    held: Sequence[HeldDrill], lang: str, library: ExerciseLibrary | None
) -> tuple[str, ...]:
    """The drills of the saved program left out for the client's coded complaint, as the
    runner's handout tells them (tú in Spanish), one a line: which drill, why in the
    runner's words (domain.complaint_runner_words) and to leave it out until they talk with
    the physio. A drill held back for pain is not said here (its own handling: the
    therapist's warning, and a check-in's review box)."""
    from mobileathlete_desktop.domain.checkin_reasons import drill_name
    from mobileathlete_desktop.domain.complaint_runner_words import runner_why

    tr = texts(lang)
    lines = []
    for drill in held:
        if not drill.complaint:
            continue
        name = in_sentence(drill_name(drill.code, library, lang), lang)
        why = runner_why(drill.complaint, lang)
        if why:
            # Translators: on the runner's handout (tú in Spanish): a drill of their saved
            # program taken out for their complaint; {why} is a clause such as "with pain
            # where your Achilles meets your heel, ... can press on the sore spot".
            line = tr.gettext(
                "We've taken out “{drill}” for now: {why}. Please leave it out until we talk.",
                drill=name,
                why=why,
            )
        else:
            line = tr.gettext(
                "We've taken out “{drill}” for now. Please leave it out until we talk.",
                drill=name,
            )
        lines.append(line)
    return tuple(lines)
