"""Check-ins saved from the returned sheet (found by the handout's code), listed over time,
audited, and the next program proposed from the latest."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord, shown_code
from mobileathlete_desktop.services.assessments import load_history
from mobileathlete_desktop.services.checkins import (
    checkin_sheet,
    list_checkins,
    proposed_program,
    save_checkin,
)
from mobileathlete_desktop.services.context import InputError, NotFound, ServiceContext
from mobileathlete_desktop.services.programs import save_program
from mobileathlete_desktop.storage.models import AuditEvent
from tests.reports.helpers import add_runner

ITEMS = (
    ProgramItemRecord("control.clamshell", 3, 15, per_side=True, sessions_per_week=3),
    ProgramItemRecord("control.hip_hike", 3, 12, frequency="daily"),
)


def test_a_returned_sheet_is_typed_in_saved_and_proposes_the_next_program(
    therapist_ctx: ServiceContext,
) -> None:
    client = add_runner(therapist_ctx, "C-1", visits={date(2026, 3, 16): {}})
    other = add_runner(therapist_ctx, "C-2")
    with pytest.raises(NotFound):
        checkin_sheet(therapist_ctx, client.id)
    with pytest.raises(NotFound):
        proposed_program(therapist_ctx, client.id)
    program = save_program(
        therapist_ctx, ProgramRecord(None, client.id, date(2026, 3, 2), "Hips", ITEMS, weeks=2)
    )
    found, sheet = checkin_sheet(
        therapist_ctx, client.id, code=shown_code(program.code), on=date(2026, 3, 16)
    )
    assert found.id == program.id
    assert [(i.exercise_code, i.prescribed) for i in sheet.items] == [
        ("control.clamshell", 6),
        ("control.hip_hike", 14),
    ]
    with pytest.raises(InputError, match="not this client's"):
        checkin_sheet(therapist_ctx, other.id, code=program.code)
    typed = replace(
        sheet,
        items=(replace(sheet.items[0], done=6, pain=1), replace(sheet.items[1], done=3, pain=2)),
        ears=(4, 4, 3, 3, 4, 2),
    )
    saved = save_checkin(therapist_ctx, typed)
    assert saved.id is not None
    (again,) = list_checkins(therapist_ctx, client.id)
    assert again == saved and again.ears_total == 20
    visit = load_history(therapist_ctx, client.id).latest
    assert visit is not None and again.assessment_id == visit.id  # the visit of that day
    assert again.adherence == pytest.approx(9 / 20)
    with therapist_ctx.db.session() as session:
        event = session.execute(
            select(AuditEvent).where(AuditEvent.action == "checkin.save")
        ).scalar_one()
    assert event.client_id == client.id and event.detail["ears_total"] == 20

    proposed, changes = proposed_program(therapist_ctx, client.id)
    assert [c.action for c in changes] == ["progress", "hold"]
    assert proposed.id is None and proposed.items[0].exercise_code == (
        "control.side_lying_hip_abduction"
    )
    with pytest.raises(InputError, match="pain"):
        save_checkin(therapist_ctx, replace(typed, items=(replace(typed.items[0], pain=12),)))
