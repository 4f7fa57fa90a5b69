"""Opening the window: recovery of a damaged file, first run or sign-in, role-gated menu, lock."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.commands import gui
from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services.accounts import has_users
from mobileathlete_desktop.services.backups import Recovery
from mobileathlete_desktop.services.clients import ClientInput, create_client, search_clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.demo import create_demo_clinic
from mobileathlete_desktop.storage.backup import online_backup
from mobileathlete_desktop.storage.database import open_database
from mobileathlete_desktop.ui.first_run_dialog import FirstRunDialog
from mobileathlete_desktop.ui.sign_in_dialog import SignInDialog


def args_for(path: Path) -> argparse.Namespace:
    return argparse.Namespace(db=str(path), demo=False, user=None)


def test_damaged_file_is_moved_aside_and_the_chosen_backup_restored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "clinic.sqlite3"
    db = open_database(path)
    create_client(ServiceContext(db), ClientInput("G-1", "Testa", "Runnerton"))
    online_backup(path, tmp_path / "backups" / "clinic-daily-20260301-080000.sqlite3")
    db.dispose()
    path.write_bytes(b"\x00garbage" * 1000)
    offered: list[Recovery] = []
    monkeypatch.setattr(gui, "ask_restore", lambda r, e: offered.append(r) or True)
    reopened = gui.open_clinic(args_for(path))
    assert reopened is not None
    assert [c.chart_number for c in search_clients(ServiceContext(reopened))] == ["G-1"]
    reopened.dispose()
    [recovery] = offered
    assert recovery.backup is not None and recovery.backup.taken_at.day == 1
    assert recovery.moved_to.read_bytes() == b"\x00garbage" * 1000


def test_damaged_file_without_restore_is_left_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "clinic.sqlite3"
    path.write_bytes(b"\x00garbage" * 1000)
    said: list[str] = []
    monkeypatch.setattr(gui, "_say", said.append)
    assert gui.open_clinic(args_for(path)) is None
    assert "No good backup" in said[0] and not path.exists()
    assert len(list(tmp_path.glob("clinic.damaged-*.sqlite3"))) == 1


@pytest.mark.parametrize(("user", "sees_audit"), [("admin", True), ("therapist", False)])
def test_signed_in_window_shows_only_what_the_role_allows(
    ctx: ServiceContext,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    user: str,
    sees_audit: bool,
) -> None:
    create_demo_clinic(ctx, clients=2)
    role = "admin" if user == "admin" else "therapist"
    actor = Actor(username=user, display_name=user, role=role)
    monkeypatch.setattr(SignInDialog, "ask", classmethod(lambda cls, c, parent=None: actor))
    window = gui.start_session(ctx)
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert window.ctx.actor == actor
        assert window.audit_action.isVisible() is sees_audit
        assert f"Signed in as {user}" in window.statusBar().currentMessage()
        assert window.idle_lock.timer.interval() == 10 * 60_000  # type: ignore[attr-defined]
        assert ctx.db.path is not None
        # The daily backup is taken in the background once the window is up.
        qtbot.waitUntil(
            lambda: bool(list((ctx.db.path.parent / "backups").glob("*-daily-*.sqlite3"))),
            timeout=10_000,
        )
    finally:
        window.idle_lock.stop()  # type: ignore[attr-defined]


def test_a_new_database_starts_with_the_first_run_dialog(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        FirstRunDialog, "ask", classmethod(lambda cls, c, parent=None: asked.append("first"))
    )
    monkeypatch.setattr(
        SignInDialog, "ask", classmethod(lambda cls, c, parent=None: asked.append("sign-in"))
    )
    assert gui.start_session(ctx) is None
    assert asked == ["first"] and not has_users(ctx.db)


def test_upkeep_of_a_large_damaged_file_warns_and_takes_no_backup(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mobileathlete_desktop.storage import database

    create_demo_clinic(ctx, clients=1)
    monkeypatch.setattr(database, "FULL_CHECK_MAX_BYTES", 0)
    monkeypatch.setattr(database, "quick_check", lambda db: "Database fails its integrity check")
    problems = gui._upkeep(ctx)
    assert len(problems) == 1 and "restore the newest good backup" in problems[0]
    assert ctx.db.path is not None
    assert not list((ctx.db.path.parent / "backups").glob("*-daily-*.sqlite3"))
    monkeypatch.setattr(database, "quick_check", lambda db: None)
    assert gui._upkeep(ctx) == []
    assert list((ctx.db.path.parent / "backups").glob("*-daily-*.sqlite3"))
