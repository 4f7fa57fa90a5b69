"""Recovering from a damaged clinic file and restoring a backup: one use case for CLI and window."""

from __future__ import annotations

from pathlib import Path

import pytest

from mobileathlete_desktop.domain.permissions import Actor, PermissionDenied
from mobileathlete_desktop.services.clients import ClientInput, create_client, search_clients
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.services.recovery import (
    CannotOpen,
    DamagedSetAside,
    open_with_recovery,
    restore_from_backup,
)
from mobileathlete_desktop.storage.backup import online_backup
from mobileathlete_desktop.storage.database import open_database

GARBAGE = b"\x00garbage" * 1000
ADMIN = Actor(username="admin", display_name="Admin", role="admin")
THERAPIST = Actor(username="pt", display_name="Pat", role="therapist")


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A clinic file with one client and a good daily backup, then damaged."""
    path = tmp_path / "clinic.sqlite3"
    db = open_database(path)
    create_client(ServiceContext.system(db), ClientInput("R-1", "Resta", "Ored"))
    online_backup(path, tmp_path / "backups" / "clinic-daily-20260301-080000.sqlite3")
    db.dispose()
    path.write_bytes(GARBAGE)
    return path


def test_without_an_offer_the_damaged_file_is_set_aside_and_the_backup_named(
    damaged: Path,
) -> None:
    with pytest.raises(DamagedSetAside) as caught:
        open_with_recovery(str(damaged))
    recovery = caught.value.recovery
    assert not damaged.exists() and recovery.moved_to.read_bytes() == GARBAGE
    assert recovery.backup is not None
    assert f"restore {recovery.backup.path}" in str(caught.value)
    assert not caught.value.offered


def test_an_accepted_offer_restores_the_backup_and_opens_it(damaged: Path) -> None:
    asked: list[str] = []
    db = open_with_recovery(str(damaged), offer=lambda _r, error: asked.append(error) or True)
    try:
        assert [c.chart_number for c in search_clients(ServiceContext.system(db))] == ["R-1"]
    finally:
        db.dispose()
    assert len(asked) == 1 and "damaged" in asked[0].lower()


def test_a_file_that_may_be_encrypted_is_left_where_it_is(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    path.write_bytes(bytes(range(256)) * 64)  # random-looking: what SQLCipher leaves
    with pytest.raises(CannotOpen, match="MOBILEATHLETE_DB_KEY"):
        open_with_recovery(str(path), offer=lambda _r, _e: True)
    assert path.exists()


def backup_of_clinic(tmp_path: Path) -> tuple[Path, Path]:
    path = tmp_path / "clinic.sqlite3"
    db = open_database(path)
    create_client(ServiceContext.system(db), ClientInput("B-1", "Backed", "Up"))
    backup = online_backup(path, tmp_path / "backups" / "clinic-manual-20260301-080000.sqlite3")
    create_client(ServiceContext.system(db), ClientInput("L-1", "Later", "One"))
    db.dispose()
    return path, backup


def test_restore_from_backup_keeps_the_current_file_aside(tmp_path: Path) -> None:
    path, backup = backup_of_clinic(tmp_path)
    done = restore_from_backup(str(path), backup, lambda _db: ADMIN)
    assert done.signed_in_against == path and done.kept_aside is not None
    db = open_database(path)
    try:
        assert [c.chart_number for c in search_clients(ServiceContext.system(db))] == ["B-1"]
    finally:
        db.dispose()


def test_restore_by_a_therapist_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    path, backup = backup_of_clinic(tmp_path)
    before = path.read_bytes()
    with pytest.raises(PermissionDenied):
        restore_from_backup(str(path), backup, lambda _db: THERAPIST)
    assert path.read_bytes() == before


def test_restore_of_a_file_that_is_no_backup_changes_nothing(tmp_path: Path) -> None:
    path, _backup = backup_of_clinic(tmp_path)
    other = tmp_path / "notes.txt"
    other.write_text("not a backup")
    with pytest.raises(InputError, match="nothing was changed"):
        restore_from_backup(str(path), other, lambda _db: ADMIN)
