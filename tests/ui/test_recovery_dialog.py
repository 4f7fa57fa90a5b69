"""The window's recovery of a damaged clinic file: what it offers, what it says, what it keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

from mobileathlete_desktop.services.backups import Recovery
from mobileathlete_desktop.services.clients import ClientInput, create_client, search_clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.backup import online_backup
from mobileathlete_desktop.storage.database import open_database
from mobileathlete_desktop.ui import recovery_dialog

GARBAGE = b"\x00garbage" * 1000


def clinic_with_backup(tmp_path: Path) -> Path:
    path = tmp_path / "clinic.sqlite3"
    db = open_database(path)
    create_client(ServiceContext.system(db), ClientInput("G-1", "Testa", "Runnerton"))
    online_backup(path, tmp_path / "backups" / "clinic-daily-20260301-080000.sqlite3")
    db.dispose()
    path.write_bytes(GARBAGE)
    return path


def test_damaged_file_is_moved_aside_and_the_chosen_backup_restored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = clinic_with_backup(tmp_path)
    offered: list[Recovery] = []
    monkeypatch.setattr(recovery_dialog, "ask_restore", lambda r, e: offered.append(r) or True)
    reopened = recovery_dialog.open_clinic_or_recover(str(path))
    assert reopened is not None
    assert [c.chart_number for c in search_clients(ServiceContext.system(reopened))] == ["G-1"]
    reopened.dispose()
    [recovery] = offered
    assert recovery.backup is not None and recovery.backup.taken_at.day == 1
    assert recovery.moved_to.read_bytes() == GARBAGE


def test_a_declined_backup_is_not_restored_and_nothing_more_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = clinic_with_backup(tmp_path)
    said: list[str] = []
    monkeypatch.setattr(recovery_dialog, "ask_restore", lambda r, e: False)
    monkeypatch.setattr(recovery_dialog, "say", said.append)
    assert recovery_dialog.open_clinic_or_recover(str(path)) is None
    assert said == [] and not path.exists()
    assert [p.read_bytes() for p in tmp_path.glob("clinic.damaged-*.sqlite3")] == [GARBAGE]


def test_damaged_file_without_a_backup_is_left_aside_and_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "clinic.sqlite3"
    path.write_bytes(GARBAGE)
    said: list[str] = []
    monkeypatch.setattr(recovery_dialog, "say", said.append)
    assert recovery_dialog.open_clinic_or_recover(str(path)) is None
    assert "No good backup" in said[0] and not path.exists()
    assert len(list(tmp_path.glob("clinic.damaged-*.sqlite3"))) == 1


def test_a_missing_folder_is_said_and_nothing_is_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(recovery_dialog, "say", said.append)
    target = tmp_path / "nowhere" / "clinic.sqlite3"
    assert recovery_dialog.open_clinic_or_recover(str(target)) is None
    assert said[0].startswith("The clinic database cannot be opened.") and "nowhere" in said[0]
    assert not target.parent.exists()


def test_the_recovery_screen_lists_the_good_backups_with_dates_and_returns_the_chosen_one(
    tmp_path: Path, qtbot: object
) -> None:
    from PySide6.QtCore import Qt

    path = clinic_with_backup(tmp_path)
    older = online_backup(
        tmp_path / "backups" / "clinic-daily-20260301-080000.sqlite3",
        tmp_path / "backups" / "clinic-weekly-20260215-080000.sqlite3",
    )
    captured: list[Recovery] = []

    def show(recovery: Recovery, error: str) -> object:
        captured.append(recovery)
        dialog = recovery_dialog.RecoveryDialog(recovery, error)
        qtbot.addWidget(dialog)  # type: ignore[attr-defined]
        texts = [dialog.backups.item(i).text() for i in range(dialog.backups.count())]
        assert len(texts) == 2 and "2026" in texts[0] and "weekly" in texts[1]
        dialog.backups.setCurrentRow(1)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        assert dialog.result() == dialog.DialogCode.Accepted
        return dialog.chosen()

    reopened = recovery_dialog.open_with_recovery(str(path), offer=show)
    reopened.dispose()
    assert captured[0].backups[1].path == older


def test_a_window_start_after_the_file_was_set_aside_shows_the_recovery_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = clinic_with_backup(tmp_path)
    monkeypatch.setattr(recovery_dialog, "ask_restore", lambda r, e: False)
    monkeypatch.setattr(recovery_dialog, "say", lambda _text: None)
    assert recovery_dialog.open_clinic_or_recover(str(path)) is None  # declined: set aside
    asked: list[str] = []
    monkeypatch.setattr(recovery_dialog, "ask_restore", lambda r, e: asked.append(e) or True)
    reopened = recovery_dialog.open_clinic_or_recover(str(path))  # the next start
    assert reopened is not None and asked and "set aside on" in asked[0]
    assert [c.chart_number for c in search_clients(ServiceContext.system(reopened))] == ["G-1"]
    reopened.dispose()
