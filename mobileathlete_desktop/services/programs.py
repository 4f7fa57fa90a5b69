"""Home programs: save a client's dated program, reuse templates, find the latest or recommended."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from mobileathlete_desktop.domain.exercises import (
    Dosage,
    ExerciseLibrary,
    default_exercise_library,
)
from mobileathlete_desktop.domain.follow_up import follow_up
from mobileathlete_desktop.domain.programs import (
    DEFAULT_WEEKS,
    MAX_SESSIONS,
    MAX_WEEKS,
    ProgramItemRecord,
    ProgramRecord,
    dosage_text,
    library_item,
    normalize_code,
    program_code,
)
from mobileathlete_desktop.domain.recommendations import (
    Drill,
    Observation,
    library_drills,
    observations_from_glance,
    plan,
    with_pain_cautions,
)
from mobileathlete_desktop.domain.records import ClientHistory
from mobileathlete_desktop.domain.validation import TITLE_LENGTH, InvalidValue, clean_name
from mobileathlete_desktop.services.assessments import load_history
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.context import (
    InputError,
    NotFound,
    ServiceContext,
    missing,
    refusal,
)
from mobileathlete_desktop.storage.models import Client, HomeProgram, ProgramItem

# services.assessments (load_history) is imported with this module, not by the builder's job
# on a pool thread at its first opening: a burst of imports there had the UI's collector
# freeze what was young, the window included (ui/garbage.py IMPORT_FREEZE). The main window
# has imported it already.

__all__ = [
    "PainCautions",
    "ProgramItemRecord",
    "delete_program",
    "dosage_text",
    "exercise_name",
    "get_program",
    "latest_program",
    "library_drills",
    "list_programs",
    "list_templates",
    "pain_cautions_of",
    "program_by_code",
    "program_from_template",
    "save_program",
]


def _item_record(row: ProgramItem) -> ProgramItemRecord:
    return ProgramItemRecord(
        exercise_code=row.exercise_code,
        sets=row.sets,
        reps=row.reps,
        hold_s=row.hold_s,
        per_side=row.per_side,
        frequency=row.frequency,
        notes=row.notes,
        reason=row.reason,
        distance_m=row.distance_m,
        duration_s=row.duration_s,
        rest_s=row.rest_s,
        load=row.load,
        tempo=row.tempo,
        sessions_per_week=row.sessions_per_week,
    )


def to_record(row: HomeProgram) -> ProgramRecord:
    """The plain record of a saved program with its drills in order."""
    return ProgramRecord(
        id=row.id,
        client_id=row.client_id,
        date=row.date,
        title=row.title,
        items=tuple(_item_record(i) for i in row.items),
        notes=row.notes,
        summary=row.summary,
        therapist=row.therapist_name,
        is_template=row.is_template,
        assessment_id=row.assessment_id,
        code=row.code or "",
        weeks=row.weeks,
    )


def known_exercise_codes() -> frozenset[str] | None:
    """Codes of the drills in the library, or None when no library is installed."""
    library = exercise_library()
    return None if library is None else frozenset(e.code for e in library)


def exercise_name(ctx: ServiceContext, code: str, lang: str = "en") -> str:
    """A drill's name in a language, or its code when the library does not know it."""
    library = exercise_library()
    exercise = None if library is None else library.get(code)
    return code if exercise is None else exercise.name(lang)


# Typed numbers and their limits (the builder and the command line say the same).
_NUMBER_LIMITS = (
    ("sets", "sets", 600),
    ("reps", "reps", 600),
    ("hold_s", "hold", 600),
    ("distance_m", "distance", 5000),
    ("duration_s", "time", 3600),
    ("rest_s", "rest", 600),
    ("sessions_per_week", "days a week", MAX_SESSIONS),
)


def _check_items(items: Sequence[ProgramItemRecord]) -> None:
    known = known_exercise_codes()
    for number, item in enumerate(items, start=1):
        if known is not None and item.exercise_code not in known:
            raise refusal(
                f"Drill {number}: unknown exercise {item.exercise_code!r}",
                "drill_unknown",
                number=number,
                code=item.exercise_code,
            )
        for name, label, high in _NUMBER_LIMITS:
            value = getattr(item, name)
            if value is not None and not 0 < value <= high:
                said = f"Drill {number}: {label} must be 1–{high}"
                raise refusal(said, "drill_number", number=number, what=label, high=high)
        for name, limit in (("load", 120), ("tempo", 40)):
            if len(getattr(item, name)) > limit:
                said = f"Drill {number}: {name} is longer than {limit} characters"
                raise refusal(said, "drill_text_long", number=number, what=name, limit=limit)


def save_program(ctx: ServiceContext, program: ProgramRecord) -> ProgramRecord:
    """Saves a new program (or template) with its drills in the given order; audited.

    The items are what the therapist accepted, removed, reordered and re-dosed in the builder.
    """
    ctx.actor.require("programs.write")
    _check_items(program.items)
    try:
        program = replace(program, title=clean_name(program.title, "Title", TITLE_LENGTH))
    except InvalidValue as exc:
        raise InputError(str(exc)) from exc
    if program.is_template and not program.title.strip():
        raise refusal("A template needs a name", "template_unnamed")
    if not program.is_template and program.client_id is None:
        said = "A home program needs a client (or save it as a template)"
        raise refusal(said, "program_without_client")
    if program.weeks is not None and not 0 < program.weeks <= MAX_WEEKS:
        said = f"Weeks until the next visit must be 1–{MAX_WEEKS}"
        raise refusal(said, "weeks_range", high=MAX_WEEKS)
    with ctx.db.session() as session:
        if program.client_id is not None and session.get(Client, program.client_id) is None:
            raise NotFound(f"No client with id {program.client_id}")
        row = HomeProgram(
            client_id=None if program.is_template else program.client_id,
            assessment_id=program.assessment_id,
            date=None if program.is_template else (program.date or date.today()),
            title=program.title.strip(),
            notes=program.notes,
            summary=program.summary,
            therapist_name=program.therapist or ctx.actor.display_name,
            is_template=program.is_template,
            weeks=program.weeks,
        )
        row.items = [
            ProgramItem(
                position=position,
                exercise_code=item.exercise_code,
                sets=item.sets,
                reps=item.reps,
                hold_s=item.hold_s,
                per_side=item.per_side,
                frequency=item.frequency,
                notes=item.notes,
                reason=item.reason,
                distance_m=item.distance_m,
                duration_s=item.duration_s,
                rest_s=item.rest_s,
                load=item.load.strip(),
                tempo=item.tempo.strip(),
                sessions_per_week=item.sessions_per_week,
            )
            for position, item in enumerate(program.items)
        ]
        session.add(row)
        session.flush()
        if not program.is_template:
            # The code follows from the id (one-to-one), so it is known once the row has one.
            row.code = program_code(row.id)
            session.flush()
        record_event(
            session,
            ctx.actor,
            "template.save" if program.is_template else "program.save",
            entity="home_program",
            entity_id=row.id,
            client_id=row.client_id,
            detail={
                "title": row.title,
                "items": [i.exercise_code for i in program.items],
                "date": row.date,
                "code": row.code or "",
            },
        )
        return to_record(row)


def _load(session: Session, program_id: int) -> HomeProgram:
    row = session.execute(
        select(HomeProgram)
        .where(HomeProgram.id == program_id)
        .options(selectinload(HomeProgram.items))
    ).scalar_one_or_none()
    if row is None:
        raise NotFound(f"No home program with id {program_id}")
    return row


def get_program(ctx: ServiceContext, program_id: int) -> ProgramRecord:
    """One saved program or template, by id."""
    ctx.actor.require("clients.read")
    with ctx.db.reading() as session:
        return to_record(_load(session, program_id))


def program_by_code(ctx: ServiceContext, typed: str) -> ProgramRecord:
    """The saved program a handout's code (typed, or read from its QR code) names."""
    ctx.actor.require("clients.read")
    code = normalize_code(typed)
    if code is None:
        said = f"{typed.strip()!r} is not a program code (6 letters and digits)"
        raise refusal(said, "not_a_program_code", text=typed.strip())
    with ctx.db.reading() as session:
        found = session.execute(
            select(HomeProgram.id).where(HomeProgram.code == code)
        ).scalar_one_or_none()
        if found is None:
            raise missing(f"No program with code {code}", "no_program_with_code", code=code)
        return to_record(_load(session, found))


def list_programs(
    ctx: ServiceContext, client_id: int, *, limit: int | None = None
) -> list[ProgramRecord]:
    """A client's saved programs, newest first (the first `limit` of them)."""
    ctx.actor.require("clients.read")
    with ctx.db.reading() as session:
        rows = session.execute(
            select(HomeProgram)
            .where(HomeProgram.client_id == client_id, HomeProgram.is_template.is_(False))
            .options(selectinload(HomeProgram.items))
            .order_by(HomeProgram.date.desc(), HomeProgram.id.desc())
            .limit(limit)
        ).scalars()
        return [to_record(r) for r in rows]


def latest_program(ctx: ServiceContext, client_id: int) -> ProgramRecord | None:
    """The client's most recent saved program, or None (only that one is read)."""
    programs = list_programs(ctx, client_id, limit=1)
    return programs[0] if programs else None


def list_templates(ctx: ServiceContext) -> list[ProgramRecord]:
    """Every reusable template (e.g. "Runner hip program"), by name."""
    ctx.actor.require("clients.read")
    with ctx.db.reading() as session:
        rows = session.execute(
            select(HomeProgram)
            .where(HomeProgram.is_template.is_(True))
            .options(selectinload(HomeProgram.items))
            .order_by(HomeProgram.title, HomeProgram.id)
        ).scalars()
        return [to_record(r) for r in rows]


def program_from_template(
    ctx: ServiceContext, template_id: int, client_id: int, on: date | None = None
) -> ProgramRecord:
    """An unsaved program for a client copied from a template, to adjust and then save."""
    template = get_program(ctx, template_id)
    if not template.is_template:
        raise refusal(f"Program {template_id} is not a template", "not_a_template")
    return replace(
        template, id=None, client_id=client_id, date=on or date.today(), is_template=False
    )


def delete_program(ctx: ServiceContext, program_id: int) -> None:
    """Removes a template (a client's dated program is part of the record and is kept)."""
    ctx.actor.require("programs.write")
    with ctx.db.session() as session:
        row = _load(session, program_id)
        if not row.is_template:
            said = "A client's saved program is part of the record and is kept"
            raise refusal(said, "program_kept")
        session.delete(row)
        record_event(
            session,
            ctx.actor,
            "template.delete",
            entity="home_program",
            entity_id=program_id,
            detail={"title": row.title},
        )


def exercise_library() -> ExerciseLibrary | None:
    """The drill library shipped with the program, or None when its data file is missing."""
    try:
        return default_exercise_library()
    except FileNotFoundError:
        return None


def dosage_from_library(code: str, dosage: Dosage, lang: str = "en") -> ProgramItemRecord:
    """A program item with the drill's default dose (domain.programs.library_item)."""
    return library_item(code, dosage, lang)


def observations(ctx: ServiceContext, history: ClientHistory) -> list[Observation]:
    """The latest assessment's flagged findings, as interpreted by domain.interpretation."""
    if history.latest is None:
        return []
    from mobileathlete_desktop.domain.interpretation import glance, interpret_assessment

    def region_of(code: str) -> str:
        measure = ctx.catalogue.get(code)
        return measure.region if measure else ""

    # One observation a measure and side (see observations_from_glance).
    lines = glance(interpret_assessment(history, catalogue=ctx.catalogue))
    return observations_from_glance(lines, region_of)


@dataclass(frozen=True)
class PainCautions:
    """What a client's latest assessment found, read once, to put the handout's pain caution
    ("Keep it pain-free — stop before it hurts.") by the drills of any program shown: the
    program builder reads it off the UI thread when it opens, then applies it to every drill
    it shows or adds (a pure call, no read)."""

    found: tuple[Observation, ...] = ()
    drills: tuple[Drill, ...] = ()

    def on(
        self, items: Iterable[ProgramItemRecord], lang: str = "en"
    ) -> tuple[ProgramItemRecord, ...]:
        """The items as the handout prints them in `lang`: the caution at the head of the
        notes of each drill that moves a motion or test painful at the latest assessment
        (domain.recommendations.with_pain_cautions, the handout's own rule)."""
        return with_pain_cautions(items, self.found, self.drills, lang)


def pain_cautions_of(ctx: ServiceContext, client_id: int) -> PainCautions:
    """The client's latest assessment's findings and the library's drills, for
    `PainCautions.on`; none for someone who may not read assessments, for a client not yet
    assessed, or without a drill library (a caution saved in English still reads in the
    handout's language)."""
    if not ctx.actor.can("assessments.read"):
        return PainCautions()
    library = exercise_library()
    history = load_history(ctx, client_id)
    if library is None or history.latest is None:
        return PainCautions()
    return PainCautions(tuple(observations(ctx, history)), tuple(library_drills(library)))


def recommended_program(
    ctx: ServiceContext, client_id: int, *, lang: str = "en"
) -> tuple[ProgramRecord, list[str]]:
    """An unsaved program recommended from the client's latest assessment, and any warnings."""
    history = load_history(ctx, client_id)
    warnings: list[str] = []
    if history.latest is None:
        warnings.append(
            f"{history.client.full_name} has no assessment yet: a general runner program is used"
        )
    library = exercise_library()
    if library is None:
        warnings.append("The exercise library is not installed: no drills can be recommended")
        drills: list[Drill] = []
    else:
        drills = library_drills(library, lang)
    found = observations(ctx, history)
    # The client's coded complaint holds drills back and may propose one of its own.
    chosen = plan(found, drills, lang=lang, complaint=history.client.complaint_code)
    if history.latest is not None and chosen.maintenance and not chosen.unanswered:
        sore = [o.reason for o in found if "pain" in o.flags]
        spared = f" (sparing what hurt: {'; '.join(sore)})" if sore else ""
        warnings.append(
            f"The assessment of {history.latest.date.isoformat()} flags nothing that needs "
            f"special work: a general runner program is used{spared}"
        )
    if drills:
        names = {e.code: e.name("en") for e in library} if library is not None else {}
        warnings += chosen.warnings(names)
    recs = chosen.recommendations
    items = tuple(
        replace(r.dosage, exercise_code=r.exercise_code, reason=r.reason, notes=r.note)
        for r in recs
    )
    summary = []
    for rec in recs:
        if rec.reason not in summary:
            summary.append(rec.reason)
    latest = history.latest
    # After a warning sign (a painful hop) the next visit is within a week (domain.follow_up):
    # the builder's "weeks to next visit" and the handout's tracker say so.
    soon = follow_up(latest, date.today(), DEFAULT_WEEKS, ctx.catalogue)
    program = ProgramRecord(
        id=None,
        client_id=client_id,
        date=date.today(),
        title="Recommended program",
        weeks=soon.weeks if soon.prompt else None,
        items=items,
        summary="\n".join(summary),
        therapist=(latest.signed_by or latest.therapist) if latest else ctx.actor.display_name,
        assessment_id=latest.id if latest else None,
        recommended=True,
    )
    return program, warnings
