"""Damage met after the window is up (a large clinic file is checked in full only then, and a
bad page can meet any query) stops the work and hands over to the recovery screen."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.commands import gui
from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services.clients import search_clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.demo import create_demo_clinic
from mobileathlete_desktop.services.errors import DatabaseDamagedError
from mobileathlete_desktop.storage import database
from mobileathlete_desktop.storage.backup import online_backup
from mobileathlete_desktop.storage.database import open_database
from mobileathlete_desktop.ui import recovery_dialog
from mobileathlete_desktop.ui.jobs import show_failure
from mobileathlete_desktop.ui.sign_in_dialog import SignInDialog

ADMIN = Actor(username="admin", display_name="Ada Admin", role="admin")


def _damage_a_table(path: Path, table: str) -> None:
    """Writes garbage over the first page of one table, as a failing disk sector would."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()[0]
    finally:
        conn.close()
    with path.open("r+b") as raw:
        raw.seek((root - 1) * page_size)
        raw.write(b"\xde\xad" * (page_size // 2))


def _damaged_box(qtbot: QtBot) -> QMessageBox:
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "damaged" and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown, timeout=10_000)
    return found[0]


def test_damage_found_by_the_full_check_after_start_leads_to_the_recovery_screen(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "clinic.sqlite3"
    db = open_database(path)
    create_demo_clinic(ServiceContext.system(db), clients=2)
    online_backup(path, tmp_path / "backups" / "clinic-daily-20260301-080000.sqlite3")
    # A large clinic is checked page by page only after the window is up.
    monkeypatch.setattr(database, "FULL_CHECK_MAX_BYTES", path.stat().st_size + 1)
    db.engine.dispose()
    _damage_a_table(path, "measurement")  # the client list still reads; the check will not
    monkeypatch.setattr(database, "FULL_CHECK_MAX_BYTES", 0)
    monkeypatch.setattr(SignInDialog, "ask", classmethod(lambda cls, c, parent=None: ADMIN))
    window = gui.start_session(ServiceContext.system(db))
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    try:
        box = _damaged_box(qtbot)
        assert "The clinic file is damaged" in box.text()
        assert "recovery screen" in box.text()
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not window.isVisible())
        assert window.recovery_needed is not None
        assert "damaged" in window.recovery_needed or "integrity" in window.recovery_needed
        # No daily backup was taken of the damaged file over the good one.
        assert [p.name for p in (tmp_path / "backups").iterdir()] == [
            "clinic-daily-20260301-080000.sqlite3"
        ]
    finally:
        window.idle_lock.stop()  # type: ignore[attr-defined]
        db.dispose()

    offered: list[str] = []
    monkeypatch.setattr(
        recovery_dialog, "ask_restore", lambda r, e: offered.append(e) or r.backups[0]
    )
    reopened = gui.recover_after_damage(argparse.Namespace(db=str(path), demo=False))
    assert reopened is not None
    try:
        assert offered and ("damaged" in offered[0] or "integrity" in offered[0])
        assert len(search_clients(ServiceContext.system(reopened))) == 2
        assert len(list(tmp_path.glob("clinic.damaged-*.sqlite3"))) == 1
    finally:
        reopened.dispose()


def test_a_damaged_page_met_by_any_background_job_goes_to_the_window(
    admin_window: object, qtbot: QtBot
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    assert show_failure(parent, DatabaseDamagedError("Database is damaged (malformed)")) is None
    box = _damaged_box(qtbot)
    box.done(0)
    assert admin_window.recovery_needed == "Database is damaged (malformed)"  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not admin_window.isVisible())  # type: ignore[attr-defined]


def test_without_a_window_a_damaged_page_is_said_in_a_box(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_failure(parent, DatabaseDamagedError("Database is damaged (malformed)"))
    assert box is not None
    box.close()
