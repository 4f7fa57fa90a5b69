"""A workstation waiting on the clinic server: a held row ends in "busy", not a hang."""

from __future__ import annotations

import time
from datetime import date

import pytest
from sqlalchemy import text

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.errors import StorageBusy
from mobileathlete_desktop.storage import database
from mobileathlete_desktop.storage.database import open_database

THERAPIST = Actor(username="pt", display_name="Pat Physio", role="therapist")

pytestmark = pytest.mark.postgres


def test_a_row_held_elsewhere_ends_in_a_busy_message(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "LOCK_TIMEOUT_MS", 300)
    mine = ServiceContext(db=open_database(pg_url), actor=THERAPIST)
    other = open_database(pg_url)
    try:
        client = clients.create_client(
            mine, clients.ClientInput(chart_number="W-1", given_name="Wai", family_name="Tester")
        )
        visit = assessments.create_assessment(mine, client.id, date(2026, 3, 1))
        assessments.set_value(mine, visit.id, "hip.flexion", "left", "active", 110)
        with other.engine.connect() as holder:
            # Another workstation sits on the row (an open transaction holding its lock).
            holder.execute(
                text("SELECT id FROM measurement WHERE assessment_id = :a FOR UPDATE"),
                {"a": visit.id},
            )
            started = time.monotonic()
            with pytest.raises(StorageBusy):
                assessments.set_value(mine, visit.id, "hip.flexion", "left", "active", 112)
            waited = time.monotonic() - started
            holder.rollback()
        assert waited < 5, f"waited {waited:.1f} s for a held row"
        # Once the other workstation lets go, the same save goes through.
        assessments.set_value(mine, visit.id, "hip.flexion", "left", "active", 112)
        assert (
            assessments.get_assessment(mine, visit.id).value("hip.flexion", "left", "active") == 112
        )
    finally:
        mine.db.dispose()
        other.dispose()


def test_server_sessions_carry_the_waits(pg_url: str) -> None:
    db = open_database(pg_url)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SHOW lock_timeout")).scalar_one() == "10s"
            assert (
                conn.execute(text("SHOW idle_in_transaction_session_timeout")).scalar_one()
                == "1min"
            )
            assert conn.execute(text("SHOW timezone")).scalar_one() == "UTC"
    finally:
        db.dispose()
