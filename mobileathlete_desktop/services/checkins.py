"""Program check-ins at the next visit: the blank sheet to type in, saving it (audited), the
client's check-ins over time, and the next program proposed from the latest one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from mobileathlete_desktop.domain.checkins import (
    CheckinError,
    CheckinItemRecord,
    CheckinRecord,
    ProposedChange,
    blank_checkin,
    check,
    propose_next,
)
from mobileathlete_desktop.domain.programs import DEFAULT_WEEKS, ProgramRecord, shown_code
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.context import (
    InputError,
    ServiceContext,
    missing,
    refusal,
)
from mobileathlete_desktop.storage.models import Assessment, ProgramCheckin, ProgramCheckinItem

__all__ = [
    "CheckinItemRecord",
    "CheckinRecord",
    "checkin_sheet",
    "latest_checkin",
    "list_checkins",
    "proposed_program",
    "save_checkin",
]


def _record(row: ProgramCheckin) -> CheckinRecord:
    return CheckinRecord(
        id=row.id,
        program_id=row.program_id,
        client_id=row.client_id,
        date=row.date,
        items=tuple(
            CheckinItemRecord(i.exercise_code, i.prescribed, i.done, i.pain) for i in row.items
        ),
        ears=tuple(row.ears or ()),
        note=row.note,
        assessment_id=row.assessment_id,
    )


def checkin_sheet(
    ctx: ServiceContext,
    client_id: int,
    *,
    program_id: int | None = None,
    code: str = "",
    on: date | None = None,
) -> tuple[ProgramRecord, CheckinRecord]:
    """The program to check in (by id, by the code on its handout, else the client's latest
    saved one) and a blank check-in for it: each drill with the sessions its tracker asked
    for over the program's weeks."""
    from mobileathlete_desktop.services.programs import (
        get_program,
        latest_program,
        program_by_code,
    )

    if code.strip():
        program = program_by_code(ctx, code)
    elif program_id is not None:
        program = get_program(ctx, program_id)
    else:
        found = latest_program(ctx, client_id)
        if found is None:
            said = "No saved program to check in: save a program first"
            raise missing(said, "no_program_to_check_in")
        program = found
    if program.client_id != client_id or program.is_template:
        said = f"Program {program.code or program.id} is not this client's"
        shown = shown_code(program.code) if program.code else str(program.id)
        raise refusal(said, "not_this_clients_program", code=shown)
    weeks = program.weeks or DEFAULT_WEEKS
    return program, blank_checkin(program, client_id, on or date.today(), weeks)


def save_checkin(ctx: ServiceContext, checkin: CheckinRecord) -> CheckinRecord:
    """Saves a check-in as typed from the returned sheet (self-report), with the client's
    visit of that day when it has one; audited."""
    ctx.actor.require("programs.write")
    try:
        check(checkin)
        total = checkin.ears_total
    except CheckinError as exc:
        raise InputError(str(exc)) from exc
    with ctx.db.session() as session:
        assessment_id = checkin.assessment_id
        if assessment_id is None:  # the visit of that day, when there is one
            assessment_id = session.execute(
                select(Assessment.id)
                .where(Assessment.client_id == checkin.client_id, Assessment.date == checkin.date)
                .order_by(Assessment.id.desc())
                .limit(1)
            ).scalar_one_or_none()
        row = ProgramCheckin(
            program_id=checkin.program_id,
            client_id=checkin.client_id,
            assessment_id=assessment_id,
            date=checkin.date,
            ears=list(checkin.ears),
            ears_total=total,
            note=checkin.note.strip(),
            created_by=ctx.actor.display_name,
        )
        row.items = [
            ProgramCheckinItem(
                position=position,
                exercise_code=item.exercise_code,
                prescribed=item.prescribed,
                done=item.done,
                pain=item.pain,
            )
            for position, item in enumerate(checkin.items)
        ]
        session.add(row)
        session.flush()
        record_event(
            session,
            ctx.actor,
            "checkin.save",
            entity="program_checkin",
            entity_id=row.id,
            client_id=checkin.client_id,
            detail={
                "program": checkin.program_id,
                "date": checkin.date,
                "adherence": None if checkin.adherence is None else round(checkin.adherence, 3),
                "ears_total": total,
            },
        )
        return replace(checkin, id=row.id, assessment_id=assessment_id)


def list_checkins(ctx: ServiceContext, client_id: int) -> list[CheckinRecord]:
    """A client's check-ins, oldest first (for charts over time)."""
    ctx.actor.require("clients.read")
    with ctx.db.reading() as session:
        rows = session.execute(
            select(ProgramCheckin)
            .where(ProgramCheckin.client_id == client_id)
            .options(selectinload(ProgramCheckin.items))
            .order_by(ProgramCheckin.date, ProgramCheckin.id)
        ).scalars()
        return [_record(r) for r in rows]


def latest_checkin(ctx: ServiceContext, client_id: int) -> CheckinRecord | None:
    """The client's most recent check-in, or None."""
    found = list_checkins(ctx, client_id)
    return found[-1] if found else None


def proposed_program(
    ctx: ServiceContext, client_id: int, *, lang: str = "en"
) -> tuple[ProgramRecord, list[ProposedChange]]:
    """The next program proposed from the client's latest check-in (unsaved), each change
    with its reason, dropping drills that answer none of the latest assessment's findings and
    holding back those the client's coded complaint holds back (never proposing one as the
    next or easier step); the therapist accepts or edits it in the builder (Recommend adds
    drills for new ones)."""
    from mobileathlete_desktop.services.assessments import load_history
    from mobileathlete_desktop.services.programs import (
        exercise_library,
        get_program,
        library_drills,
        observations,
    )

    checkin = latest_checkin(ctx, client_id)
    if checkin is None:
        raise missing("No check-in yet: check in the current program first", "no_checkin_yet")
    program = get_program(ctx, checkin.program_id)
    library = exercise_library()
    history = load_history(ctx, client_id)
    findings = observations(ctx, history)
    drills = library_drills(library, lang) if library is not None else []
    complaint = history.client.complaint_code
    return propose_next(
        program, checkin, library, lang, findings, drills, ctx.catalogue, complaint=complaint
    )
