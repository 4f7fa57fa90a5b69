"""Storage errors reach a person as one sentence: a busy, full, read-only or unreachable
database is a StorageError, never a SQL statement; nothing of the failed work is stored."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from mobileathlete_desktop.cli import main
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.errors import (
    StorageBusy,
    StorageFull,
    StorageReadOnly,
    StorageUnavailable,
    storage_error,
)
from mobileathlete_desktop.storage import database
from tests.conftest import THERAPIST, ClinicTemplates


@pytest.fixture
def held(db_path: Path, db: database.Database) -> Iterator[sqlite3.Connection]:
    """Another workstation holding the clinic's write lock (until the test commits it)."""
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        yield other
    finally:
        other.close()


def test_a_save_that_waits_past_the_busy_timeout_is_one_sentence(
    ctx: ServiceContext,
    db_path: Path,
    held: sqlite3.Connection,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = clients.create_client(ctx, clients.ClientInput("B-1", "Bea", "Busy"))
    draft = assessments.create_assessment(ctx, client.id, date(2026, 3, 2)).id
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    other = database.open_database(db_path, migrate=False)
    try:
        second = ServiceContext(db=other, actor=THERAPIST)
        held.execute("BEGIN IMMEDIATE")
        with pytest.raises(StorageBusy) as caught:
            assessments.set_value(second, draft, "hip.flexion", "left", "active", 120)
        assert str(caught.value) == "The clinic database is busy; try again in a moment."
        assert caught.value.reason == "database is locked"
        held.execute("COMMIT")
        assert (
            assessments.get_assessment(second, draft).value("hip.flexion", "left", "active") is None
        )
        assessments.set_value(second, draft, "hip.flexion", "left", "active", 120)  # free again
    finally:
        other.dispose()


def test_the_command_line_says_busy_in_one_line(
    tmp_path: Path,
    clinic_templates: ClinicTemplates,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = clinic_templates.copy(tmp_path / "demo.sqlite3", clients=1)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        code = main(["--db", str(path), "users", "add", "tess", "--role", "therapist"])
    finally:
        other.close()
    err = capsys.readouterr().err
    assert code != 0
    lines = [line for line in err.splitlines() if line.strip()]
    assert any("The clinic database is busy; try again in a moment." in line for line in lines)
    assert "SQL" not in err and "Traceback" not in err and len(err) < 300, err


def _operational(message: str, sqlstate: str | None = None) -> OperationalError:
    orig = sqlite3.OperationalError(message)
    if sqlstate is not None:
        orig.sqlstate = sqlstate  # type: ignore[attr-defined]
    return OperationalError("INSERT INTO measurement ...", {}, orig)


@pytest.mark.parametrize(
    ("message", "sqlstate", "kind"),
    [
        ("database is locked", None, StorageBusy),
        ("database or disk is full", None, StorageFull),
        ("attempt to write a readonly database", None, StorageReadOnly),
        ("disk I/O error", None, StorageUnavailable),
        ("canceling statement due to lock timeout", "55P03", StorageBusy),
        ("could not receive data from server", "08006", StorageUnavailable),
        ("could not extend file: No space left on device", "53100", StorageFull),
    ],
)
def test_driver_errors_map_to_one_sentence(
    message: str, sqlstate: str | None, kind: type[Exception]
) -> None:
    mapped = storage_error(_operational(message, sqlstate))
    assert isinstance(mapped, kind)
    assert "\n" not in str(mapped) and "SQL" not in str(mapped) and str(mapped).endswith(".")


def test_constraint_failures_and_bugs_are_not_storage_errors() -> None:
    clash = IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed"))
    assert storage_error(clash) is None
    assert storage_error(_operational("no such column: foo")) is None
