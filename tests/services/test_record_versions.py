"""Two workstations editing one assessment from stale copies: the later save is refused with
"changed elsewhere" instead of overwriting, and two first saves of one empty cell at the same
moment give the same refusal, not a raw IntegrityError or a lost value. On SQLite and a clinic
server."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ConflictError, ServiceContext
from mobileathlete_desktop.storage.database import open_database

THERAPIST = Actor(username="pt", display_name="Pat Physio", role="therapist")
SQUAT = "sls"


@pytest.fixture
def two(backend_url: str) -> Iterator[tuple[ServiceContext, ServiceContext, int]]:
    """Two workstations (each its own engine and connections) and a draft both have open."""
    first = ServiceContext(db=open_database(backend_url), actor=THERAPIST)
    second = ServiceContext(db=open_database(backend_url), actor=THERAPIST)
    try:
        client = clients.create_client(first, clients.ClientInput("V-1", "Vera", "Versions"))
        draft = assessments.create_assessment(first, client.id, date(2026, 3, 2))
        yield first, second, draft.id
    finally:
        first.db.dispose()
        second.db.dispose()


def test_notes_from_a_stale_copy_do_not_overwrite(two: Any) -> None:
    first, second, draft = two
    assessments.set_notes(first, draft, "Hip pain on stairs", expected="")
    with pytest.raises(ConflictError, match="notes were changed elsewhere: reload"):
        assessments.set_notes(second, draft, "Runs 30 km a week", expected="")
    assert assessments.get_assessment(second, draft).notes == "Hip pain on stairs"
    assessments.set_notes(second, draft, "Hip pain on stairs; 30 km", expected="Hip pain on stairs")
    assert assessments.get_assessment(first, draft).notes == "Hip pain on stairs; 30 km"


def test_lefs_answers_from_a_stale_copy_do_not_overwrite(two: Any) -> None:
    first, second, draft = two
    mine = [3] * 20
    theirs = [None] * 19 + [1]
    assessments.set_lefs_answers(first, draft, mine, expected=())
    with pytest.raises(ConflictError, match="LEFS answers were changed elsewhere"):
        assessments.set_lefs_answers(second, draft, theirs, expected=(None,) * 20)
    stored = assessments.get_assessment(second, draft)
    assert next(o for o in stored.outcomes if o.instrument == "lefs").answers == tuple(mine)


def test_psfs_from_a_stale_copy_does_not_overwrite(two: Any) -> None:
    first, second, draft = two
    assessments.set_psfs(
        first, draft, ["Running", "Stairs", "Squats"], [4, 6, 5], expected=((), ())
    )
    with pytest.raises(ConflictError, match="PSFS activities and ratings were changed elsewhere"):
        assessments.set_psfs(second, draft, ["Hopping"], [2], expected=((), ()))
    stored = assessments.get_assessment(second, draft)
    assert next(o for o in stored.outcomes if o.instrument == "psfs").labels == (
        "Running",
        "Stairs",
        "Squats",
    )


def test_a_finding_from_a_stale_copy_does_not_overwrite(two: Any) -> None:
    first, second, draft = two
    test = first.catalogue[SQUAT]
    rating = test.ratings[0]
    assessments.set_finding(first, draft, SQUAT, "left", rating=rating, expected=((), ""))
    with pytest.raises(ConflictError, match="changed elsewhere: reload"):
        assessments.set_finding(
            second, draft, SQUAT, "left", faults=[test.faults[0].code], expected=((), "")
        )
    found = assessments.get_assessment(second, draft).findings
    assert [(f.faults, f.rating) for f in found] == [((), rating)]


def test_the_same_empty_cell_typed_on_two_workstations(two: Any) -> None:
    first, second, draft = two
    assessments.set_value(first, draft, "hip.flexion", "left", "active", 120, expected=None)
    with pytest.raises(ConflictError, match="changed elsewhere to 120"):
        assessments.set_value(second, draft, "hip.flexion", "left", "active", 110, expected=None)
    assert assessments.get_assessment(second, draft).value("hip.flexion", "left", "active") == 120


@pytest.mark.postgres
def test_two_first_saves_of_one_cell_at_the_same_moment_on_a_server(pg_url: str) -> None:
    """The race itself: the second workstation has read the cell empty when the first saves
    the same cell. Write units on a server take the clinic's write lock with their BEGIN
    (as SQLite's BEGIN IMMEDIATE does), so the first waits for the second's unit to end and
    is then refused: both had seen the cell empty, the second's value stands."""
    first = ServiceContext(db=open_database(pg_url), actor=THERAPIST)
    second = ServiceContext(db=open_database(pg_url), actor=THERAPIST)
    try:
        client = clients.create_client(first, clients.ClientInput("V-2", "Vera", "Versions"))
        draft = assessments.create_assessment(first, client.id, date(2026, 3, 2)).id
        outcome: list[BaseException | None] = []

        def first_saves() -> None:
            try:
                assessments.set_value(
                    first, draft, "hip.flexion", "left", "active", 120, expected=None
                )
                outcome.append(None)
            except BaseException as exc:
                outcome.append(exc)

        saver = threading.Thread(target=first_saves)

        @event.listens_for(second.db.engine, "after_cursor_execute")
        def meanwhile(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if (
                not saver.is_alive()
                and not outcome
                and statement.lstrip().startswith("SELECT")
                and "measurement" in (statement.split("FROM", 1)[-1][:40])
            ):
                saver.start()  # the second has just read the cell: empty
                _wait_for_a_lock_wait(second)  # the first is now waiting for the second

        assessments.set_value(second, draft, "hip.flexion", "left", "active", 110, expected=None)
        saver.join(30)
        assert len(outcome) == 1 and isinstance(outcome[0], ConflictError), outcome
        assert "changed elsewhere" in str(outcome[0])
        stored = assessments.get_assessment(first, draft)
        assert stored.value("hip.flexion", "left", "active") == 110
    finally:
        first.db.dispose()
        second.db.dispose()


def _wait_for_a_lock_wait(ctx: ServiceContext, timeout: float = 20) -> None:
    """Until another session on the server waits for a lock (what `first_saves` does)."""
    deadline = time.monotonic() + timeout
    with ctx.db.engine.connect() as conn:
        while time.monotonic() < deadline:
            waiting = conn.exec_driver_sql(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
            ).scalar_one()
            conn.rollback()
            if waiting:
                return
    raise AssertionError("the first workstation never waited for the second")
