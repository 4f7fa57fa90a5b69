"""The demo clinic shows the home-program loop: programs at the last visits, each checked in at
the next, and the next program proposed from the check-in."""

from __future__ import annotations

from mobileathlete_desktop.services.checkins import list_checkins
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.demo import create_demo_clinic
from mobileathlete_desktop.services.programs import list_programs
from mobileathlete_desktop.storage.database import Database


def test_the_demo_has_programs_check_ins_and_proposals(db: Database) -> None:
    ctx = ServiceContext.system(db)
    create_demo_clinic(ctx, clients=6, seed=5)
    shown = changed = 0
    for client_id in range(1, 7):
        programs = list(reversed(list_programs(ctx, client_id)))  # oldest first
        checkins = list_checkins(ctx, client_id)
        if not programs:
            continue
        shown += 1
        assert len(checkins) == len(programs) - 1
        for before, checkin, after in zip(programs, checkins, programs[1:], strict=False):
            assert checkin.program_id == before.id and checkin.date == after.date
            assert checkin.ears_total is not None and checkin.adherence is not None
            # Every drill of the next program says why it was kept or changed.
            assert all("sessions" in i.reason for i in after.items)
            # Pain stops loading: a drill held for a painful test says so, and its caution.
            for item in after.items:
                if "not made harder" in item.reason:
                    assert "painful at the latest assessment" in item.reason
                    assert item.notes.startswith("Keep it pain-free")
        changed += [i.exercise_code for i in programs[0].items] != [
            i.exercise_code for i in programs[-1].items
        ]
        assert all(p.code for p in programs)
    assert shown == 5
    # The loop moves: some program was made harder or easier (others held for pain).
    assert changed >= 2


def test_the_demos_doses_read_in_the_handouts_language(db: Database) -> None:
    """Review: the demo's typed loads ("red band", "body weight") stayed English on Spanish
    handouts. Its programs hold no free-text load: every dose reads in Spanish."""
    from mobileathlete_desktop.domain.programs import dosage_text

    ctx = ServiceContext.system(db)
    create_demo_clinic(ctx, clients=6, seed=5)
    doses = [
        dosage_text(item, "es")
        for client_id in range(1, 7)
        for program in list_programs(ctx, client_id)
        for item in program.items
    ]
    assert doses
    assert not [
        i for p in range(1, 7) for prog in list_programs(ctx, p) for i in prog.items if i.load
    ]
    for english in ("band", "body weight", "sets", "reps", "rest", "times a week", "daily"):
        assert not [d for d in doses if english in d], english
    assert any("series" in d and "descansa" in d for d in doses)
