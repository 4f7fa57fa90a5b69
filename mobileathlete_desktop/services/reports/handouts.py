"""Home-program handouts and the program listing `mobileathlete program` shows."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from mobileathlete_desktop.domain.exercises import Exercise, ExerciseLibrary
from mobileathlete_desktop.domain.follow_up import (
    follow_up,
    pain_worse,
    pain_worse_advice,
    prompt_review_advice,
)
from mobileathlete_desktop.domain.interpretation import interpret_assessment
from mobileathlete_desktop.domain.programs import (
    DEFAULT_WEEKS,
    ProgramItemRecord,
    ProgramRecord,
    dosage_text,
    program_time,
    time_text,
    tracker_boxes,
)
from mobileathlete_desktop.domain.records import ClientHistory
from mobileathlete_desktop.reports.handout import Handout, write_handout
from mobileathlete_desktop.reports.handout_drill import HandoutDrill, has_picture
from mobileathlete_desktop.reports.numbers import decimal_marks
from mobileathlete_desktop.reports.pdf import OutputError, write_atomically
from mobileathlete_desktop.services.assessments import load_history
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.services.reports.held_back import (
    HeldDrill,
    as_handed_out,
    complaint_held_drills,
    runner_lines,
)
from mobileathlete_desktop.services.reports.progress import clinic_header
from mobileathlete_desktop.services.reports.review import (
    HELD_BACK,
    ReviewFlag,
    client_note,
    kept_for_pain,
    next_step,
    review_flags,
    summary_drills,
)
from mobileathlete_desktop.support.i18n import texts
from mobileathlete_desktop.support.languages import language_code

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class HandoutResult:
    """A written handout: where, which program, and what was missing (named in warnings)."""

    path: Path
    program: ProgramRecord
    warnings: tuple[str, ...]


# Size the drill figures are drawn at (points); the handout scales them into its picture box.
DRAWING_SIZE = (240.0, 160.0)


def _drawing_for(exercise: Exercise) -> Any:
    """The drill's drawn figure (reports.illustration), or None when its pose cannot be drawn."""
    from mobileathlete_desktop.reports.illustration import exercise_drawing

    try:
        return exercise_drawing(exercise, *DRAWING_SIZE)
    except (LookupError, ValueError) as exc:  # a pose the renderer cannot draw: say so, go on
        logger.warning("No picture for %s: %s", exercise.code, exc)
        return None


def handout_program(
    ctx: ServiceContext,
    client_id: int,
    *,
    program_id: int | None = None,
    lang: str = "en",
) -> tuple[ProgramRecord, list[str]]:
    """The program a client's handout is made of, and what is worth a warning.

    The program `program_id` (a saved program of this client, or a template), else the
    client's latest saved program, else the program recommended from the latest assessment
    (unsaved: `recommended` is true). The handout and `mobileathlete program` both call this,
    so what one prints is what the other shows. Its notes are the program's: each document
    says a check-in's review flag its own way (the handout in a box, the listing in its
    notes: `program_listing`).
    """
    program, warnings, _ = _chosen_program(ctx, client_id, program_id=program_id, lang=lang)
    return program, warnings


def _chosen_program(
    ctx: ServiceContext, client_id: int, *, program_id: int | None, lang: str
) -> tuple[ProgramRecord, list[str], tuple[HeldDrill, ...]]:
    """`handout_program`, with the drills it left out (`as_handed_out`)."""
    lang = language_code(lang)
    from mobileathlete_desktop.services.programs import (
        get_program,
        latest_program,
        recommended_program,
    )

    ctx.actor.require("handouts.print")
    warnings: list[str] = []
    if program_id is not None:
        program = get_program(ctx, program_id)
        if program.client_id not in (None, client_id):
            raise InputError(f"Program {program_id} belongs to another client")
    else:
        saved = latest_program(ctx, client_id)
        if saved is None:
            program, more = recommended_program(ctx, client_id, lang=lang)
            warnings += more
        else:
            program = saved
    program, held = as_handed_out(ctx, client_id, program)
    warnings += [h.warning for h in held]
    if not program.items:
        warnings.append("The program has no drills")
    return program, warnings, held


def build_handout(
    ctx: ServiceContext,
    client_id: int,
    *,
    program_id: int | None = None,
    lang: str = "en",
    on: date | None = None,
) -> tuple[Handout, ProgramRecord, list[str]]:
    """The handout for a client: the given program, else the latest saved, else recommended."""
    lang = language_code(lang)  # the one rule: a language not shipped reads English
    from mobileathlete_desktop.domain.checkins import notes_for_handout
    from mobileathlete_desktop.services.clients import get_client
    from mobileathlete_desktop.services.drill_images import drill_images
    from mobileathlete_desktop.services.programs import exercise_library

    ctx.actor.require("handouts.print")
    tr = texts(lang)
    client = get_client(ctx, client_id, audit=False)
    program, warnings, held = _chosen_program(ctx, client_id, program_id=program_id, lang=lang)
    library = exercise_library()
    images = drill_images(ctx, [i.exercise_code for i in program.items])
    history = load_history(ctx, client_id)
    scoped = _assessed(history, program)
    # A check-in's review flag: said in a box at the top (the drill, what the runner
    # reported, call us), not as a line of the notes; a review note an older proposal wrote
    # into the notes is left out (notes_for_handout with no summary flags none).
    flags = review_flags(ctx, client_id, program)
    notes = notes_for_handout(program.notes, "", lang, library)
    flagged = frozenset(f.code for f in flags)
    loading = _loading_pain(ctx, history, library)
    # Never the next step: a drill the findings leave out, one that loads a test painful at
    # the latest visit (the check-in would not move on to it either), one held back or
    # flagged for review, one the client's coded complaint holds back. No next step at all
    # from a drill flagged for review, or one that is kept (not made harder) because it or
    # its next step loads a painful test.
    unsafe = _withheld(ctx, scoped, library) | loading | flagged
    unsafe |= complaint_held_drills(client.complaint_code, library)
    unsafe |= summary_drills(program, HELD_BACK)
    stay = flagged | loading | kept_for_pain(program)
    in_program = frozenset(i.exercise_code for i in program.items)
    # Pain stops loading: every drill that moves a motion or test painful at the latest
    # assessment says "keep it pain-free" by the drill, whatever made the program (the
    # recommender, a saved program, a check-in's progression).
    items = _with_cautions(ctx, history, program.items, library, lang)
    drills: list[HandoutDrill] = []
    for item in items:
        exercise = None if library is None else library.get(item.exercise_code)
        if exercise is None:
            warnings.append(f"Drill {item.exercise_code!r} is not in the exercise library")
            name = item.exercise_code
            steps: tuple[str, ...] = ()
            cues: tuple[str, ...] = ()
            drawing = None
        else:
            name = exercise.name(lang)
            steps = exercise.steps(lang)
            cues = exercise.cues(lang)
            drawing = None if item.exercise_code in images else _drawing_for(exercise)
        stays = item.exercise_code in stay
        when_easy = "" if stays else next_step(exercise, library, lang, unsafe, in_program)
        drill = HandoutDrill(
            code=item.exercise_code,
            name=name,
            dosage=decimal_marks(dosage_text(item, lang), tr),  # a load as typed: "2.5 kg"
            steps=steps,
            cues=cues,
            notes=item.notes,
            drawing=drawing,
            image=images.get(item.exercise_code),
            boxes=tracker_boxes(item),
            when_easy=when_easy,
        )
        if not has_picture(drill):
            warnings.append(f"Drill {name!r} has no illustration")
        drills.append(drill)
    summary = _client_findings(ctx, scoped, lang, program, library)
    weeks = program.weeks or DEFAULT_WEEKS
    printed = on or program.date or date.today()
    # After a warning sign (a painful hop) the next visit is within a week, not when the
    # program has run its course: the tracker covers that week and the client is told so.
    soon = follow_up(scoped.latest if scoped else None, printed, weeks, ctx.catalogue)
    advice = [prompt_review_advice(lang, soon.due)] if soon.prompt else []
    # Pain up by a clinically important amount since the last visit: said to the client with
    # the next visit (domain.follow_up), not answered by a drill.
    if pain_worse(history, ctx.catalogue) is not None:
        advice.append(pain_worse_advice(lang))
    clinic = clinic_header(ctx)
    handout = Handout(
        clinic=clinic,
        client_name=client.full_name,
        chart_number=client.chart_number,
        on=printed,
        therapist=program.therapist,
        drills=tuple(drills),
        lang=lang,
        summary=summary,
        notes=notes,
        review=client_note(flags, lang, library, clinic.phone),
        taken_out=runner_lines(held, lang, library),
        time=time_text(program_time(program.items), lang),
        code=program.code,
        weeks=soon.weeks,
        next_visit=" ".join(advice),
        drafts=_drafts(history, scoped),
    )
    return handout, program, warnings


def _drafts(history: ClientHistory, scoped: ClientHistory | None) -> tuple[date, ...]:
    """The dates of the draft (unsigned) assessments a handout is made from: the one its
    findings come from (`scoped`) and the latest, whose pain sets the drills' cautions and
    the next visit."""
    drawn_on = {a.id: a for a in (scoped.latest if scoped else None, history.latest) if a}
    return tuple(sorted({a.date for a in drawn_on.values() if a.status == "draft"}))


def _with_cautions(
    ctx: ServiceContext,
    history: ClientHistory,
    items: tuple[ProgramItemRecord, ...],
    library: ExerciseLibrary | None,
    lang: str,
) -> tuple[ProgramItemRecord, ...]:
    """The items with the pain caution by each drill that moves a motion or test painful at
    the latest assessment (domain.recommendations.with_pain_cautions)."""
    if library is None or history.latest is None:
        return items
    from mobileathlete_desktop.domain.recommendations import with_pain_cautions
    from mobileathlete_desktop.services.programs import library_drills, observations

    return with_pain_cautions(
        items, observations(ctx, history), library_drills(library, lang), lang
    )


def _loading_pain(
    ctx: ServiceContext, history: ClientHistory, library: ExerciseLibrary | None
) -> frozenset[str]:
    """The drills that load a test painful at the latest assessment
    (domain.recommendations.loading_pain)."""
    if library is None or history.latest is None:
        return frozenset()
    from mobileathlete_desktop.domain.recommendations import loading_pain
    from mobileathlete_desktop.services.programs import library_drills, observations

    found = observations(ctx, history)
    return frozenset(d.code for d in library_drills(library) if loading_pain(found, d))


def _assessed(history: ClientHistory, program: ProgramRecord) -> ClientHistory | None:
    """The client's history up to the assessment the program was built on (else the latest),
    or None when there is no assessment."""
    chosen = next((a for a in history.assessments if a.id == program.assessment_id), None)
    if chosen is None:
        chosen = history.latest
    if chosen is None:
        return None
    upto = history.assessments.index(chosen) + 1
    return replace(history, assessments=history.assessments[:upto])


def _withheld(
    ctx: ServiceContext, scoped: ClientHistory | None, library: ExerciseLibrary | None
) -> frozenset[str]:
    """The drills the assessment's findings make unsafe (domain.recommendations.withheld)."""
    if scoped is None or library is None:
        return frozenset()
    from mobileathlete_desktop.domain.recommendations import withheld
    from mobileathlete_desktop.services.programs import library_drills, observations

    return withheld(observations(ctx, scoped), library_drills(library))


def _client_findings(
    ctx: ServiceContext,
    scoped: ClientHistory | None,
    lang: str,
    program: ProgramRecord | None = None,
    library: ExerciseLibrary | None = None,
) -> tuple[str, ...]:
    """What the assessment found, in the client's words and language (no numbers or sources):
    the assessment the program was built on, else the latest. The findings the program's
    drills are for (domain.recommendations.drill_findings), every one, and every painful
    test; the most pressing findings when the drills answer none (a general program)."""
    from mobileathlete_desktop.domain.interpretation import client_lines, glance
    from mobileathlete_desktop.domain.recommendations import (
        drill_findings,
        observations_from_glance,
    )
    from mobileathlete_desktop.services.programs import library_drills

    if scoped is None:
        return ()
    lines = glance(interpret_assessment(scoped, catalogue=ctx.catalogue))
    keys: list[tuple[str, str]] = []
    if program is not None and library is not None:
        known = {d.code: d for d in library_drills(library, lang)}
        drills = [known[i.exercise_code] for i in program.items if i.exercise_code in known]
        keys = drill_findings(observations_from_glance(lines), drills)
    return tuple(client_lines(lines, lang, ctx.catalogue, for_drills=keys or None))


def write_client_handout(
    ctx: ServiceContext,
    client_id: int,
    path: Path,
    *,
    program_id: int | None = None,
    lang: str = "en",
    phone: bool = False,
) -> HandoutResult:
    """Writes a client's handout PDF (atomically), audits the print, and returns any warnings.
    With `phone`, the pages are sized for a phone's screen (one column, large type)."""
    lang = language_code(lang)  # the one rule: a language not shipped reads English
    handout, program, warnings = build_handout(ctx, client_id, program_id=program_id, lang=lang)
    try:
        write_atomically(path, lambda fh: write_handout(fh, handout, phone=phone))
    except OutputError as exc:
        raise InputError(str(exc)) from exc
    except PermissionError as exc:
        raise InputError(f"Cannot write {path}: permission denied") from exc
    with ctx.db.session() as session:
        record_event(
            session,
            ctx.actor,
            "handout.print",
            entity="home_program",
            entity_id=program.id or "recommended",
            client_id=client_id,
            detail={
                "file": path.name,
                "lang": lang,
                "drills": len(program.items),
                "phone": phone,
            },
        )
    return HandoutResult(path, program, tuple(warnings))


@dataclass(frozen=True)
class ProgramDrill:
    """One drill of a program as `mobileathlete program` shows it."""

    position: int
    code: str
    name: str
    category: str
    regions: tuple[str, ...]
    targets: tuple[str, ...]
    dosage: str
    item: ProgramItemRecord
    in_library: bool


@dataclass(frozen=True)
class ProgramListing:
    """The program a client's handout would use, drill by drill, with its warnings."""

    chart_number: str
    client_name: str
    program: ProgramRecord
    drills: tuple[ProgramDrill, ...]
    warnings: tuple[str, ...]
    lang: str
    review: tuple[ReviewFlag, ...] = ()
    """The drills a check-in flagged the program for review for (services.reports.review)."""


def program_listing(
    ctx: ServiceContext,
    client_id: int,
    *,
    program_id: int | None = None,
    lang: str = "en",
) -> ProgramListing:
    """The program the handout would use (`handout_program`), each drill with its library data.

    Reading a client's program is an access: it is audited (`program.view`), and needs the
    same permission as printing the handout.
    """
    lang = language_code(lang)  # the one rule: a language not shipped reads English
    from mobileathlete_desktop.domain.checkins import notes_for_handout
    from mobileathlete_desktop.services.clients import get_client
    from mobileathlete_desktop.services.programs import exercise_library

    ctx.actor.require("handouts.print")
    client = get_client(ctx, client_id, audit=False)
    program, warnings = handout_program(ctx, client_id, program_id=program_id, lang=lang)
    library = exercise_library()
    # The listing's notes (a public contract of `mobileathlete program`) say a check-in's
    # review note at their head ("...: contact your physio before your next session."), in
    # the listing's language whatever language the program was proposed in.
    notes = notes_for_handout(program.notes, program.summary, lang, library)
    program = replace(program, notes=notes) if notes != program.notes else program
    drills: list[ProgramDrill] = []
    # The drills' notes as the handout prints them (the pain caution included).
    items = _with_cautions(ctx, load_history(ctx, client_id), program.items, library, lang)
    for position, item in enumerate(items, start=1):
        exercise = None if library is None else library.get(item.exercise_code)
        if exercise is None:
            warnings.append(f"Drill {item.exercise_code!r} is not in the exercise library")
        drills.append(
            ProgramDrill(
                position=position,
                code=item.exercise_code,
                name=item.exercise_code if exercise is None else exercise.name(lang),
                category="" if exercise is None else exercise.category,
                regions=() if exercise is None else tuple(exercise.regions),
                targets=() if exercise is None else tuple(exercise.targets),
                dosage=decimal_marks(dosage_text(item, lang), texts(lang)),  # as printed
                item=item,
                in_library=exercise is not None,
            )
        )
    with ctx.db.session() as session:
        record_event(
            session,
            ctx.actor,
            "program.view",
            entity="home_program",
            entity_id=program.id or "recommended",
            client_id=client_id,
            detail={"lang": lang, "drills": len(program.items)},
        )
    return ProgramListing(
        chart_number=client.chart_number,
        client_name=client.full_name,
        program=program,
        drills=tuple(drills),
        warnings=tuple(warnings),
        lang=lang,
        review=review_flags(ctx, client_id, program),
    )
