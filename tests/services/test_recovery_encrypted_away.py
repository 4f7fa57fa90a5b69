"""Issue 23, defect 2: where the plain clinic file was removed after an encrypted copy was
made (its `.moved-to-encrypted` note beside the old path), the window's open path refuses to
make a new, empty clinic and names the encrypted copy; restoring a backup there lifts it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from mobileathlete_desktop.services.recovery import CannotOpen, open_with_recovery
from mobileathlete_desktop.storage.backup import online_backup, restore_file
from mobileathlete_desktop.storage.clinic_files import encrypted_note_path, write_encrypted_note
from mobileathlete_desktop.storage.database import DatabaseEncryptedAwayError, open_database
from tests.conftest import ClinicTemplates


@pytest.fixture
def encrypted_away(tmp_path: Path, clinic_templates: ClinicTemplates) -> tuple[Path, Path]:
    """A clinic with a backup taken, then its plain file removed for an encrypted copy."""
    path = clinic_templates.copy(tmp_path / "clinic.sqlite3", clients=2)
    online_backup(path, tmp_path / "kept" / "clinic-manual-20260301-080000.sqlite3")
    encrypted = tmp_path / "secret" / "clinic-encrypted.sqlite3"
    write_encrypted_note(path, encrypted, now=datetime(2026, 3, 2, 9, 30))
    path.unlink()
    return path, encrypted


def test_the_window_open_path_names_the_encrypted_copy_and_creates_nothing(
    encrypted_away: tuple[Path, Path],
) -> None:
    path, encrypted = encrypted_away
    offered: list[object] = []
    with pytest.raises(CannotOpen) as caught:
        open_with_recovery(str(path), offer=lambda r, e: offered.append(r) or True)
    assert str(caught.value) == (
        f"This clinic was encrypted on 2026-03-02 to {encrypted} and the plain file removed; "
        f"start with --db {encrypted} (and its key in MOBILEATHLETE_DB_KEY)"
    )
    assert offered == []  # not a damaged file: no backup is offered in its place
    assert not path.exists()
    with pytest.raises(DatabaseEncryptedAwayError):
        open_database(path)  # every opener, with or without migrating
    with pytest.raises(DatabaseEncryptedAwayError):
        open_database(path, migrate=False)
    assert not path.exists()


def test_restoring_a_backup_at_the_old_path_removes_the_note(
    encrypted_away: tuple[Path, Path], tmp_path: Path
) -> None:
    path, _encrypted = encrypted_away
    restore_file(tmp_path / "kept" / "clinic-manual-20260301-080000.sqlite3", path)
    assert not encrypted_note_path(path).exists()
    open_with_recovery(str(path)).dispose()
