"""The audit trail is append-only in the database, and `check` finds a tampered chain."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.orm import sessionmaker

from mobileathlete_desktop.cli import main
from mobileathlete_desktop.services.audit import record_event, verify_chain
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import Database, make_engine, resolve_url
from mobileathlete_desktop.storage.migrations_runner import alembic_config


def triggers(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'"))
    finally:
        conn.close()


@pytest.fixture
def audited(ctx: ServiceContext) -> ServiceContext:
    with ctx.db.session() as session:
        for n in range(3):
            record_event(session, ctx.actor, "test.event", detail={"n": n})
    return ctx


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_event SET username = 'someone-else' WHERE id = 2",
        "DELETE FROM audit_event WHERE id = 2",
        "DELETE FROM audit_event",
    ],
)
def test_the_database_refuses_to_change_or_delete_events(
    audited: ServiceContext, statement: str
) -> None:
    with pytest.raises(SQLAlchemyDatabaseError, match="append-only"), audited.db.session() as s:
        s.execute(text(statement))
    with audited.db.session() as session:
        assert session.execute(text("SELECT count(*) FROM audit_event")).scalar() == 3
        assert verify_chain(session) == []


def test_new_and_migrated_databases_have_the_same_triggers(db: Database, tmp_path: Path) -> None:
    created = triggers(Path(str(db.path)))
    url = resolve_url(tmp_path / "migrated.sqlite3")
    engine = make_engine(url)
    command.upgrade(alembic_config(Database(url, engine, sessionmaker(engine))), "head")
    engine.dispose()
    assert set(created) == {"audit_event_no_update", "audit_event_no_delete"}
    assert triggers(tmp_path / "migrated.sqlite3") == created


def tamper(path: Path, statement: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER audit_event_no_update")
    conn.execute("DROP TRIGGER audit_event_no_delete")
    conn.execute(statement)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("statement", "found"),
    [
        ("UPDATE audit_event SET username = 'mallory' WHERE id = 2", "content changed"),
        ("DELETE FROM audit_event WHERE id = 2", "chain broken"),
    ],
)
def test_check_finds_an_edited_or_deleted_event(
    audited: ServiceContext,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    statement: str,
    found: str,
) -> None:
    audited.db.dispose()
    assert main(["--db", str(db_path), "check"]) == 0
    capsys.readouterr()
    tamper(db_path, statement)
    assert main(["--db", str(db_path), "check"]) == 1
    out = capsys.readouterr().out
    assert "audit event" in out and found in out
    assert "audit trail unprotected" in out
