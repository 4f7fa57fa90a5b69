"""Opening the window: first run or sign-in, role-gated menu, lock (recovery: tests/ui)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.commands import gui
from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services.accounts import has_users
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.demo import create_demo_clinic
from mobileathlete_desktop.services.session import Database
from mobileathlete_desktop.ui.first_run_dialog import FirstRunDialog
from mobileathlete_desktop.ui.sign_in_dialog import SignInDialog


@pytest.mark.parametrize(("user", "sees_audit"), [("admin", True), ("therapist", False)])
def test_signed_in_window_shows_only_what_the_role_allows(
    db: Database,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    user: str,
    sees_audit: bool,
) -> None:
    ctx = ServiceContext.system(db)  # what the window starts with, before anyone signs in
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
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = ServiceContext.system(db)
    asked: list[str] = []
    monkeypatch.setattr(
        FirstRunDialog, "ask", classmethod(lambda cls, c, parent=None: asked.append("first"))
    )
    monkeypatch.setattr(
        SignInDialog, "ask", classmethod(lambda cls, c, parent=None: asked.append("sign-in"))
    )
    assert gui.start_session(ctx) is None
    assert asked == ["first"] and not has_users(ctx.db)
