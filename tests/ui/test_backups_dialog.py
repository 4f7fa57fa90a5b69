"""Clinic ▸ Backups: the folder, Back up now, the list, and restoring with a dated confirmation."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import backups
from mobileathlete_desktop.services.clients import ClientInput, create_client
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage import backup as storage_backup
from mobileathlete_desktop.storage.models import Clinic
from mobileathlete_desktop.ui.backups_dialog import BackupsDialog, size_text, when
from mobileathlete_desktop.ui.main_window import MainWindow
from tests.conftest import ADMIN


@pytest.fixture
def admin(ctx: ServiceContext) -> ServiceContext:
    """An admin of a clinic with one client, T-1."""
    with ctx.db.session() as session:
        session.add(Clinic(name="Backup Test Clinic"))
    create_client(ctx, ClientInput("T-1", "Testa", "Runnerton"))
    return ctx.as_actor(ADMIN)


def open_dialog(ctx: ServiceContext, qtbot: QtBot) -> BackupsDialog:
    dialog = BackupsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def alt(qtbot: QtBot, window: QWidget, key: Qt.Key) -> None:
    """Alt+letter (a button's mnemonic clicks it a moment later: wait for what it does)."""
    qtbot.keyClick(window.focusWidget() or window, key, Qt.KeyboardModifier.AltModifier)


def listed(dialog: BackupsDialog) -> list[tuple[str, ...]]:
    model = dialog.model
    return [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def charts(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in conn.execute("SELECT chart_number FROM client"))
    finally:
        conn.close()


def dated_backup(ctx: ServiceContext, stamp: str) -> Path:
    folder = backups.backup_folder(ctx)
    return backups.make_backup(ctx, folder / f"clinic-manual-{stamp}.sqlite3")


@pytest.mark.parametrize(
    ("size", "text"), [(100, "1 kB"), (250_000, "244 kB"), (5 << 20, "5.0 MB"), (3 << 30, "3.0 GB")]
)
def test_sizes_read_as_a_person_would(size: int, text: str) -> None:
    assert size_text(size) == text


def test_back_up_now_lists_the_new_backup_newest_first(
    admin: ServiceContext, qtbot: QtBot, qtmodeltester: object
) -> None:
    dated_backup(admin, "20250101-090000")
    dialog = open_dialog(admin, qtbot)
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
    assert [row[:2] for row in listed(dialog)] == [("Wed 1 Jan 2025, 09:00", "Made by hand")]
    alt(qtbot, dialog, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: len(listed(dialog)) == 2, timeout=10_000)
    assert "Backup written and checked" in dialog.message.text()
    assert not dialog.progress.isVisible() and dialog.backup_button.isEnabled()
    newest = listed(dialog)[0]
    assert newest[1] == "Made by hand" and newest[2].endswith("kB")
    assert newest[3].startswith("clinic-manual-") and "2025" not in newest[3]
    assert dialog.list_label.text() == "&Backups, newest first (2)"


def test_a_full_disk_is_said_and_leaves_nothing(
    admin: ServiceContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage_backup.os, "replace", full)
    dialog = open_dialog(admin, qtbot)
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not made" in dialog.message.text(), timeout=10_000)
    assert "No space left on device" in dialog.message.text()
    assert "b00020" in dialog.message.styleSheet()
    assert listed(dialog) == [] and list(backups.backup_folder(admin).glob("*")) == []
    assert dialog.backup_button.isEnabled() and not dialog.progress.isVisible()


def test_a_typed_folder_is_checked_and_saved(
    admin: ServiceContext, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = open_dialog(admin, qtbot)
    before = backups.backup_folder(admin)
    assert dialog.folder.text() == str(before)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    alt(qtbot, dialog, Qt.Key.Key_F)
    qtbot.waitUntil(dialog.folder.hasFocus)
    dialog.folder.selectAll()
    qtbot.keyClicks(dialog.folder, str(blocker / "backups"))
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    assert "Cannot use" in dialog.message.text() and "Not a directory" in dialog.message.text()
    assert backups.backup_folder(admin) == before and dialog.folder.hasFocus()
    dialog.folder.selectAll()
    qtbot.keyClicks(dialog.folder, str(tmp_path / "other disk" / "clinic"))
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    assert backups.backup_folder(admin) == tmp_path / "other disk" / "clinic"
    assert dialog.message.text() == f"Backups now go to {tmp_path / 'other disk' / 'clinic'}."
    assert not dialog.busy and listed(dialog) == []  # Enter set the folder and nothing else


def test_browse_uses_the_chosen_folder(
    admin: ServiceContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(BackupsDialog, "choose_folder", staticmethod(lambda *_: str(tmp_path)))
    dialog = open_dialog(admin, qtbot)
    alt(qtbot, dialog, Qt.Key.Key_W)
    qtbot.waitUntil(lambda: backups.backup_folder(admin) == tmp_path)


def confirm_box(dialog: BackupsDialog, qtbot: QtBot) -> QMessageBox:
    qtbot.waitUntil(lambda: dialog.confirm is not None and dialog.confirm.isVisible())
    assert dialog.confirm is not None
    return dialog.confirm


def test_restore_names_the_date_and_the_window_closes_after(
    admin: ServiceContext, qtbot: QtBot
) -> None:
    made = dated_backup(admin, "20260303-140500")
    create_client(admin, ClientInput("T-2", "Later", "Runner"))
    window = MainWindow(admin)
    qtbot.addWidget(window)
    window.show()
    window.backups_action.trigger()
    qtbot.waitUntil(lambda: window.backups_dialog.isActiveWindow())
    dialog = window.backups_dialog
    assert listed(dialog)[0][0] == "Tue 3 Mar 2026, 14:05"
    alt(qtbot, dialog, Qt.Key.Key_R)
    box = confirm_box(dialog, qtbot)
    assert box.text() == "Restore the backup taken Tue 3 Mar 2026, 14:05?"
    assert "anything saved after Tue 3 Mar 2026, 14:05 is not in it" in box.informativeText()
    assert "closes when the restore is done" in box.informativeText()
    qtbot.mouseClick(dialog.restore_yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.done_box is not None and dialog.done_box.isVisible(), timeout=10_000
    )
    assert dialog.done_box is not None and "before-restore" in dialog.done_box.informativeText()
    db_path = Path(str(admin.db.path))
    assert charts(db_path) == ["T-1"]
    [aside] = db_path.parent.glob("clinic.before-restore-*.sqlite3")
    assert charts(aside) == ["T-1", "T-2"]
    with qtbot.waitSignal(dialog.restored):
        qtbot.keyClick(dialog.done_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert made.exists()


def test_keeping_the_current_data_restores_nothing(admin: ServiceContext, qtbot: QtBot) -> None:
    dated_backup(admin, "20260303-140500")
    create_client(admin, ClientInput("T-2", "Later", "Runner"))
    dialog = open_dialog(admin, qtbot)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter on a backup asks to restore it
    box = confirm_box(dialog, qtbot)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.message.text() == "Nothing was restored.")
    assert charts(Path(str(admin.db.path))) == ["T-1", "T-2"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"SQLite format 3\x00" + b"\x00" * 84 + b"junk" * 300, "Not a usable backup"),
        (b"a spreadsheet, not a backup", "not a SQLite database"),
    ],
)
def test_a_corrupt_file_chosen_for_restore_changes_nothing(
    admin: ServiceContext,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: bytes,
    message: str,
) -> None:
    bad = tmp_path / "clinic-manual-20260101-120000.sqlite3"
    bad.write_bytes(content)
    monkeypatch.setattr(BackupsDialog, "choose_file", staticmethod(lambda *_: str(bad)))
    dialog = open_dialog(admin, qtbot)
    alt(qtbot, dialog, Qt.Key.Key_I)
    qtbot.waitUntil(lambda: "Nothing was changed" in dialog.message.text(), timeout=10_000)
    assert message in dialog.message.text() and dialog.confirm is None
    assert charts(Path(str(admin.db.path))) == ["T-1"]
    assert not list(Path(str(admin.db.path)).parent.glob("*before-restore*"))


def test_dates_are_local_and_plain() -> None:
    from datetime import datetime

    assert when(datetime(2026, 12, 24, 7, 3)) == "Thu 24 Dec 2026, 07:03"
