"""The database's health as a service: the full check's report and the start-up upkeep."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mobileathlete_desktop.services.checks import check_database, upkeep
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.demo import create_demo_clinic
from mobileathlete_desktop.services.session import Database, DatabaseDamagedError, DatabaseError


def test_a_healthy_clinic_reports_its_state_and_no_problem(db: Database, db_path: Path) -> None:
    ctx = ServiceContext.system(db)
    create_demo_clinic(ctx, clients=1)
    ctx.db.dispose()
    report = check_database(str(db_path))
    assert report.healthy and report.problems == ()
    assert report.location == str(db_path)
    assert report.state[:1] == ("users: 2",) and report.state[2] == "last daily backup: never"
    assert report.state[3].startswith(f"backups in {db_path.parent / 'backups'}: 0")


def test_an_unguarded_trail_and_a_dangling_row_are_problems(db: Database, db_path: Path) -> None:
    ctx = ServiceContext.system(db)
    create_demo_clinic(ctx, clients=1)
    ctx.db.dispose()
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("DROP TRIGGER audit_event_no_update")
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("UPDATE assessment SET client_id = 9999 WHERE id = 1")
    conn.close()
    report = check_database(str(db_path))
    assert not report.healthy
    assert "audit trail unprotected: missing triggers audit_event_no_update" in report.problems
    assert any("point at missing records" in p for p in report.problems)


def test_a_database_that_cannot_be_opened_is_a_database_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError):
        check_database(str(tmp_path / "no folder" / "clinic.sqlite3"))


def test_upkeep_of_a_large_damaged_file_says_damage_and_takes_no_backup(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mobileathlete_desktop.storage import database

    ctx = ServiceContext.system(db)  # the window's start-up upkeep acts as the program
    create_demo_clinic(ctx, clients=1)
    monkeypatch.setattr(database, "FULL_CHECK_MAX_BYTES", 0)
    monkeypatch.setattr(database, "quick_check", lambda db: "Database fails its integrity check")
    with pytest.raises(DatabaseDamagedError, match="fails its integrity check"):
        upkeep(ctx)
    assert ctx.db.path is not None
    assert not list((ctx.db.path.parent / "backups").glob("*-daily-*.sqlite3"))
    monkeypatch.setattr(database, "quick_check", lambda db: None)
    assert upkeep(ctx) == []
    assert list((ctx.db.path.parent / "backups").glob("*-daily-*.sqlite3"))
