"""The idle lock: covers the window after idle time, keeps drafts, needs the password again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services.accounts import create_first_admin
from mobileathlete_desktop.services.audit import AuditFilter, find_events
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.idle_lock import IdleLock


@pytest.fixture
def signed_in(ctx: ServiceContext) -> ServiceContext:
    admin = create_first_admin(ctx.db, "North PT", "boss", "Boss Admin", "secret")
    return ctx.as_actor(admin.actor())


@pytest.fixture
def window(qtbot: QtBot) -> tuple[QWidget, QLineEdit]:
    win = QWidget()
    draft = QLineEdit()
    draft.setAccessibleName("Note draft")
    QVBoxLayout(win).addWidget(draft)
    win.resize(500, 300)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win, draft


def test_locks_when_idle_keeps_the_draft_and_unlocks_with_the_password(
    signed_in: ServiceContext, window: tuple[QWidget, QLineEdit], qtbot: QtBot
) -> None:
    win, draft = window
    qtbot.keyClicks(draft, "half-typed note")
    lock = IdleLock(win, signed_in, timeout_ms=50)
    try:
        with qtbot.waitSignal(lock.locked, timeout=5_000):
            pass
        assert lock.overlay.isVisible() and lock.overlay.geometry() == win.rect()
        win.grab().save("/tmp/trust-idle-lock.png")
        qtbot.keyClicks(lock.overlay.password, "wrong")
        qtbot.keyClick(lock.overlay.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Wrong" in lock.overlay.message.text(), timeout=10_000)
        assert lock.is_locked
        qtbot.keyClicks(draft, " typed while locked")  # swallowed: the window is locked
        assert draft.text() == "half-typed note"
        qtbot.keyClicks(lock.overlay.password, "secret")
        with qtbot.waitSignal(lock.unlocked, timeout=10_000):
            qtbot.mouseClick(lock.overlay.unlock_button, Qt.MouseButton.LeftButton)
        assert not lock.overlay.isVisible() and draft.text() == "half-typed note"
        actions = [e.action for e in find_events(signed_in, AuditFilter(username="boss"))]
        assert actions[-3:] == ["session.lock", "unlock.failed", "unlock"]
    finally:
        lock.stop()


def test_input_postpones_the_lock(
    signed_in: ServiceContext, window: tuple[QWidget, QLineEdit], qtbot: QtBot
) -> None:
    win, draft = window
    lock = IdleLock(win, signed_in, timeout_ms=400)
    try:
        remaining = []
        for _ in range(5):
            qtbot.keyClick(draft, Qt.Key.Key_A)
            remaining.append(lock.timer.remainingTime())
        assert not lock.is_locked and all(r > 300 for r in remaining)
        with qtbot.waitSignal(lock.locked, timeout=5_000):
            pass
    finally:
        lock.stop()


def test_ctrl_l_locks_at_once(
    signed_in: ServiceContext, window: tuple[QWidget, QLineEdit], qtbot: QtBot
) -> None:
    win, draft = window
    lock = IdleLock(win, signed_in, timeout_ms=600_000)
    try:
        with qtbot.waitSignal(lock.locked, timeout=5_000):
            qtbot.keyClick(draft, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert lock.overlay.isVisible()
    finally:
        lock.stop()
