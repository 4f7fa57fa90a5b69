"""The store: creation at head, safety settings, migrations, and refusing bad databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from mobileathlete_desktop.storage.database import (
    Database,
    DatabaseDamagedError,
    DatabaseError,
    DatabaseNewerError,
    open_database,
    resolve_url,
)
from mobileathlete_desktop.storage.migrations_runner import (
    alembic_config,
    current_revision,
    head_revision,
)
from mobileathlete_desktop.storage.models import Base


def test_new_database_is_created_and_stamped_at_head(db: Database) -> None:
    assert current_revision(db) == head_revision(db)
    with db.engine.connect() as conn:
        tables = {
            r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
        }
    assert {"client", "assessment", "measurement", "audit_event", "user"} <= tables


@pytest.mark.parametrize(
    ("pragma", "expected"),
    [("foreign_keys", 1), ("journal_mode", "wal"), ("synchronous", 2), ("busy_timeout", 10000)],
)
def test_sqlite_connections_are_safe(db: Database, pragma: str, expected: object) -> None:
    with db.engine.connect() as conn:
        assert conn.execute(text(f"PRAGMA {pragma}")).scalar() == expected


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), db.session() as session:
        session.execute(
            text(
                "INSERT INTO assessment (client_id, therapist_name, date, kind, status, "
                "template, notes, signed_by, created_at, updated_at, version) VALUES "
                "(999, '', '2026-01-01', 'initial', 'draft', '', '', '', "
                "'2026-01-01', '2026-01-01', 1)"
            )
        )


def test_migrations_from_empty_match_the_models(tmp_path: Path) -> None:
    """Running every migration on an empty database gives exactly the schema of the models."""
    from sqlalchemy.orm import sessionmaker

    from mobileathlete_desktop.storage.database import make_engine

    url = resolve_url(tmp_path / "migrated.sqlite3")
    engine = make_engine(url)
    db = Database(url=url, engine=engine, sessions=sessionmaker(engine))
    command.upgrade(alembic_config(db), "head")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_reopening_keeps_data(db_path: Path, db: Database) -> None:
    with db.session() as session:
        session.execute(
            text(
                "INSERT INTO clinic (name, address, phone, email, is_demo, "
                "idle_lock_minutes, backup_folder, default_language, created_at) "
                "VALUES ('Kept', '', '', '', 0, 10, '', 'en', '2026-01-01')"
            )
        )
    db.dispose()
    again = open_database(db_path)
    with again.session() as session:
        assert session.execute(text("SELECT name FROM clinic")).scalar() == "Kept"
    again.dispose()


def test_a_database_from_a_newer_program_is_refused(db_path: Path, db: Database) -> None:
    with db.session() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    db.dispose()
    with pytest.raises(DatabaseNewerError, match="newer version"):
        open_database(db_path)


@pytest.mark.parametrize(
    "content",
    [b"this is not a database at all" * 100, bytes(range(256)) * 40],
    ids=["text", "random-bytes"],
)
def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(content)
    with pytest.raises(DatabaseDamagedError, match="Not a SQLite database"):
        open_database(path)
    assert path.read_bytes() == content


def test_a_truncated_database_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "cut.sqlite3"
    db = open_database(path)
    db.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DatabaseError):
        open_database(path)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("/no/such/folder/clinic.sqlite3", "Folder does not exist"),
        ("nosuchdriver://x/y", "Cannot use database"),
    ],
)
def test_unusable_locations_get_a_clear_message(target: str, message: str) -> None:
    with pytest.raises(DatabaseError, match=message):
        open_database(target)


def test_tables_created_by_someone_else_are_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="did not create"):
        open_database(path)


def _damaged_inside(tmp_path: Path) -> Path:
    """A database whose header and schema are fine but one of its later pages is garbage."""
    path = tmp_path / "inside.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    conn.execute("CREATE INDEX t_v ON t (v)")
    conn.executemany("INSERT INTO t (v) VALUES (?)", [(f"value {i:06d}",) for i in range(5000)])
    conn.commit()
    conn.close()
    data = bytearray(path.read_bytes())
    page = 4096
    start = len(data) - 3 * page  # a page of the index, well after the schema page
    data[start + 16 : start + page - 16] = b"\xa5" * (page - 32)
    path.write_bytes(bytes(data))
    return path


def test_a_large_file_is_checked_in_full_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mobileathlete_desktop.storage import database

    path = _damaged_inside(tmp_path)
    with pytest.raises(DatabaseDamagedError, match="integrity check"):
        open_database(path, migrate=False)
    # Pretend it is a big clinic file: opening stays fast (header, length, schema only)...
    monkeypatch.setattr(database, "FULL_CHECK_MAX_BYTES", 1024)
    db = open_database(path, migrate=False)
    try:
        # ...and the full check, run later off the start-up path, still finds the damage.
        assert "integrity check" in (database.quick_check(db) or "")
    finally:
        db.dispose()
    with pytest.raises(DatabaseDamagedError):
        open_database(path, migrate=False, full_check=True)


def test_a_truncated_large_file_is_caught_without_the_full_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mobileathlete_desktop.storage import database

    monkeypatch.setattr(database, "FULL_CHECK_MAX_BYTES", 1024)
    path = tmp_path / "cut.sqlite3"
    open_database(path).dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 4096])
    with pytest.raises(DatabaseDamagedError, match="header says"):
        open_database(path)


def test_the_fast_path_head_is_alembics_head(tmp_path: Path) -> None:
    from mobileathlete_desktop.storage.migrations_runner import HEAD_REVISION, head_revision

    db = open_database(tmp_path / "head.sqlite3")
    try:
        assert head_revision(db) == HEAD_REVISION
    finally:
        db.dispose()
