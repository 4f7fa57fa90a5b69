"""The demo clinic's home-program loop (services.demo): for each of its first clients, a program
at each of the last visits, the returned tracker checked in at the next, and the next program
proposed from it, so a newcomer sees the whole loop. Deterministic (no random numbers: the
demo's other values stay as they were)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from mobileathlete_desktop.domain.catalogue import Catalogue, default_catalogue
from mobileathlete_desktop.domain.checkins import (
    CheckinItemRecord,
    CheckinRecord,
    blank_checkin,
    propose_next,
)
from mobileathlete_desktop.domain.interpretation import glance, interpret_assessment
from mobileathlete_desktop.domain.programs import (
    ProgramItemRecord,
    ProgramRecord,
    program_code,
)
from mobileathlete_desktop.domain.recommendations import (
    Drill,
    Observation,
    held_back,
    observations_from_glance,
    plan,
    with_pain_cautions,
)
from mobileathlete_desktop.domain.records import ClientHistory
from mobileathlete_desktop.services.assessments.records import to_record
from mobileathlete_desktop.services.clients import to_record as client_record
from mobileathlete_desktop.services.programs import exercise_library, library_drills
from mobileathlete_desktop.storage.models import (
    Assessment,
    Client,
    HomeProgram,
    ProgramCheckin,
    ProgramCheckinItem,
    ProgramItem,
)

# The first program: a runner's hip and calf program with every kind of dose, a typed load too
# (the band walk's "red band": a handout says a load's known words in its own language,
# domain.programs.load_text, "banda elástica roja").
DEMO_PROGRAM: tuple[ProgramItemRecord, ...] = (
    ProgramItemRecord(
        "control.lateral_band_walk",
        sets=3,
        distance_m=10,
        rest_s=30,
        load="red band",
        frequency="3 times a week",
        sessions_per_week=3,
        reason="Hip abduction strength below the runner norm",
    ),
    ProgramItemRecord(
        "strength.single_leg_calf_raise",
        sets=3,
        reps=12,
        per_side=True,
        rest_s=60,
        tempo="2-1-2",
        frequency="3 times a week",
        sessions_per_week=3,
        reason="Calf endurance below the other side",
    ),
    ProgramItemRecord(
        "control.single_leg_balance",
        sets=3,
        hold_s=30,
        per_side=True,
        rest_s=15,
        frequency="daily",
        sessions_per_week=7,
    ),
    ProgramItemRecord(
        "running.a_skip",
        sets=3,
        distance_m=20,
        rest_s=30,
        frequency="before runs, 2–3 times a week",
        sessions_per_week=3,
    ),
)


# How much of each drill the demo's clients did (share of the sessions) and how it felt (0-10),
# drill by drill, turned by the client's number so the check-ins differ.
DONE = (1.0, 0.75, 0.4, 0.9, 1.0)
PAIN = (1, 6, 2, 3, 0)
EARS = ((4, 3, 3, 4, 3, 4), (3, 2, 3, 3, 2, 3), (4, 4, 3, 4, 4, 4))
VISITS = 3
"""Programs a client gets: at each of the last three visits."""


def _visit_therapist(session: Session, assessment_id: int | None) -> str:
    """The therapist of the visit a program or check-in belongs to, as the report names them:
    who signed it, else who recorded it (services.programs' recommended program says the
    same)."""
    visit = session.get(Assessment, assessment_id) if assessment_id is not None else None
    return (visit.signed_by or visit.therapist_name) if visit is not None else ""


def _save_program(session: Session, program: ProgramRecord) -> ProgramRecord:
    therapist = _visit_therapist(session, program.assessment_id)
    row = HomeProgram(
        client_id=program.client_id,
        assessment_id=program.assessment_id,
        date=program.date,
        title=program.title,
        summary=program.summary,
        notes=program.notes,
        therapist_name=therapist,
        weeks=program.weeks,
    )
    row.items = [
        ProgramItem(
            position=position,
            exercise_code=i.exercise_code,
            sets=i.sets,
            reps=i.reps,
            hold_s=i.hold_s,
            per_side=i.per_side,
            frequency=i.frequency,
            reason=i.reason,
            distance_m=i.distance_m,
            duration_s=i.duration_s,
            rest_s=i.rest_s,
            load=i.load,
            tempo=i.tempo,
            sessions_per_week=i.sessions_per_week,
            notes=i.notes,
        )
        for position, i in enumerate(program.items)
    ]
    session.add(row)
    session.flush()
    row.code = program_code(row.id)
    return replace(program, id=row.id, code=row.code, therapist=therapist)


def _check_in(
    session: Session, program: ProgramRecord, on: date, assessment_id: int, turn: int
) -> CheckinRecord:
    blank = blank_checkin(program, program.client_id or 0, on, program.weeks or 4)
    items = tuple(
        CheckinItemRecord(
            i.exercise_code,
            i.prescribed,
            round(i.prescribed * DONE[(n + turn) % len(DONE)]),
            PAIN[(n + turn) % len(PAIN)],
        )
        for n, i in enumerate(blank.items)
    )
    ears = EARS[turn % len(EARS)]
    row = ProgramCheckin(
        program_id=program.id,
        client_id=program.client_id,
        assessment_id=assessment_id,
        date=on,
        ears=list(ears),
        ears_total=sum(ears),
        note="Synthetic demo check-in.",
        created_by=_visit_therapist(session, assessment_id),
    )
    row.items = [
        ProgramCheckinItem(
            position=n,
            exercise_code=i.exercise_code,
            prescribed=i.prescribed,
            done=i.done,
            pain=i.pain,
        )
        for n, i in enumerate(items)
    ]
    session.add(row)
    session.flush()
    return replace(blank, id=row.id, items=items, ears=ears, assessment_id=assessment_id)


def _findings(
    session: Session, client_id: int, assessment_id: int, catalogue: Catalogue
) -> list[Observation]:
    """The recommender's findings at one of the client's visits (as services.programs'
    observations reads them for the latest), from the rows written so far."""
    client = session.get(Client, client_id)
    visit = session.get(Assessment, assessment_id)
    if client is None or visit is None:
        return []
    rows = session.scalars(
        select(Assessment)
        .where(Assessment.client_id == client_id, Assessment.date <= visit.date)
        .order_by(Assessment.date, Assessment.id)
    ).all()
    upto = [to_record(r) for r in rows]
    history = ClientHistory(client_record(client), tuple(upto))

    def region_of(code: str) -> str:
        measure = catalogue.get(code)
        return measure.region if measure else ""

    lines = glance(interpret_assessment(history, catalogue=catalogue))
    return observations_from_glance(lines, region_of)


def _refilled(
    items: tuple[ProgramItemRecord, ...],
    found: list[Observation],
    drills: list[Drill],
    size: int,
    leave_out: frozenset[str] = frozenset(),
) -> tuple[ProgramItemRecord, ...]:
    """The demo therapist's program at a visit: the drills without those held back for that
    visit's pain (domain.recommendations.held_back), topped up to `size` with the
    recommender's drills for its findings (which never load a painful test), none of
    `leave_out` (the drills the check-in paused: too much pain with them, awaiting review)."""
    paused = {code for code, _ in held_back(items, found, drills)} | leave_out
    kept = [i for i in items if i.exercise_code not in paused]
    for rec in plan(found, drills).recommendations:
        if len(kept) >= size:
            break
        if rec.exercise_code in paused:
            continue
        if all(i.exercise_code != rec.exercise_code for i in kept):
            kept.append(
                replace(rec.dosage, exercise_code=rec.exercise_code, reason=rec.reason, notes="")
            )
    return tuple(kept)


def add_demo_programs(
    session: Session, clients: int = 5, catalogue: Catalogue | None = None
) -> None:
    """The loop for the first `clients` clients with visits: a program at each of their last
    VISITS visits, each checked in at the next visit, where the next program is the one
    proposed from that check-in with the findings of that visit (a drill that loads a test
    painful then is held back and the recommender's drill for that visit takes its place; one
    that only moves the painful region is kept, not made harder, and says "keep it
    pain-free"); the demo clinic's own rows, no audit."""
    cat = catalogue if catalogue is not None else default_catalogue()
    library = exercise_library()
    drills = library_drills(library) if library is not None else []
    rows = session.execute(
        select(Assessment.client_id, Assessment.id, Assessment.date).order_by(
            Assessment.client_id, Assessment.date, Assessment.id
        )
    ).all()
    visits: dict[int, list[tuple[int, date]]] = {}
    for client_id, assessment_id, on in rows:
        visits.setdefault(client_id, []).append((assessment_id, on))
    for turn, client_id in enumerate(sorted(visits)[:clients]):
        last = visits[client_id][-VISITS:]
        first_id, first_date = last[0]
        found = _findings(session, client_id, first_id, cat)
        # A drill that loads a test painful at that visit is left out (the recommender's pain
        # rule), and the recommender's own drills take its place.
        first = _refilled(DEMO_PROGRAM, found, drills, len(DEMO_PROGRAM))
        program = _save_program(
            session,
            ProgramRecord(
                None,
                client_id,
                first_date,
                "Runner hip and calf program",
                with_pain_cautions(first, found, drills),
                summary="\n".join(dict.fromkeys(i.reason for i in first if i.reason)),
                assessment_id=first_id,
                weeks=4,
            ),
        )
        for visit, (assessment_id, on) in enumerate(last[1:], start=1):
            checkin = _check_in(session, program, on, assessment_id, turn + visit)
            # The demo's programs are its therapist's choice, not the recommender's: no drill
            # is dropped for the visit's findings (only its painful tests are passed on, as
            # pain alone), but the pain rule holds: a drill loading a painful motion is not
            # made harder and carries the caution.
            sore = [
                replace(o, flags=frozenset({"pain"}))
                for o in _findings(session, client_id, assessment_id, cat)
                if "pain" in o.flags
            ]
            proposed, changes = propose_next(program, checkin, library, "en", sore, drills, cat)
            if any(c.action == "pause" for c in changes):
                # The demo therapist fills the place of a drill held back for pain with the
                # recommender's choice for that visit, which the pain leaves out.
                found = _findings(session, client_id, assessment_id, cat)
                # Never a drill the runner scored above 5/10 at the check-in (paused, or made
                # easier): it waits for the therapist's review.
                out = frozenset(c.was for c in changes if c.action in ("pause", "regress"))
                items = _refilled(proposed.items, found, drills, len(program.items), out)
                proposed = replace(proposed, items=with_pain_cautions(items, found, drills))
            program = _save_program(
                session,
                replace(
                    proposed,
                    client_id=client_id,
                    assessment_id=assessment_id,
                    title=f"Runner hip and calf program, step {visit + 1}",
                ),
            )
