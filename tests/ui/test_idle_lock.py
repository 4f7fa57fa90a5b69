"""The idle lock: covers the window after idle time, keeps drafts, needs the password again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services.accounts import create_first_admin
from mobileathlete_desktop.services.audit import AuditFilter, find_events
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.idle_lock import IdleLock


@pytest.fixture
def signed_in(ctx: ServiceContext) -> ServiceContext:
    admin = create_first_admin(ctx.db, "North PT", "boss", "Boss Admin", "boss-secret")
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
        qtbot.keyClicks(lock.overlay.password, "boss-secret")
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


def test_the_lock_hides_every_window_of_the_program_and_unlock_brings_them_back(
    ctx: ServiceContext, qtbot: QtBot, tmp_path: Path
) -> None:
    from mobileathlete_desktop.services import assessments, clients
    from mobileathlete_desktop.services.accounts import create_user, sign_in
    from mobileathlete_desktop.ui.main_window import MainWindow
    from mobileathlete_desktop.ui.measure_grid import CellKey
    from mobileathlete_desktop.ui.program_builder import ProgramBuilder

    admin = create_first_admin(ctx.db, "North PT", "boss", "Boss Admin", "secret-secret")
    create_user(ctx.as_actor(admin.actor()), "ana", "Ana Therapist", "therapist", "ana-password")
    signed = ctx.as_actor(sign_in(ctx, "ana", "ana-password"))
    client = clients.create_client(
        signed, clients.ClientInput("L-1", "Lena", "Lockwood", date(1990, 1, 1))
    )
    draft = assessments.create_assessment(signed, client.id, date(2026, 3, 2))
    main = MainWindow(signed)
    qtbot.addWidget(main)
    main.show()
    lock = IdleLock(main, signed, timeout_ms=600_000)
    try:
        editor = main.open_assessment(draft.id)
        qtbot.addWidget(editor)
        store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        builder = ProgramBuilder(signed, client.id, store=store)
        qtbot.addWidget(builder, before_close_func=lambda w: setattr(w, "dirty", False))
        builder.show()
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow)
        with qtbot.waitSignal(lock.locked):  # Ctrl+L from the editor, not the main window
            qtbot.keyClick(editor.views[0], Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert not editor.isVisible() and not builder.isVisible()
        assert lock.overlay.isVisible() and lock.overlay.geometry() == main.rect()
        qtbot.keyClicks(editor.views[0], "123")  # swallowed: nothing reaches the grid
        qtbot.keyClick(editor.views[0], Qt.Key.Key_Tab)
        cell = CellKey("hip.flexion", "left", "active")
        assert cell not in editor.grids[0].values
        assert assessments.get_assessment(signed, draft.id).measurements == ()
        assert not editor.isVisible()
        qtbot.keyClicks(lock.overlay.password, "ana-password")
        with qtbot.waitSignal(lock.unlocked, timeout=10_000):
            qtbot.keyClick(lock.overlay.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: editor.isVisible() and builder.isVisible())
        assert not lock.overlay.isVisible()
        qtbot.waitUntil(editor.isActiveWindow)  # the window in use before the lock
    finally:
        lock.stop()


def test_a_question_waiting_for_an_answer_is_covered_and_takes_the_password(
    signed_in: ServiceContext, window: tuple[QWidget, QLineEdit], qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QDialog

    win, _draft = window
    question = QDialog(win)
    question.setWindowModality(Qt.WindowModality.ApplicationModal)
    question.setWindowTitle("Save before printing?")
    question.resize(300, 120)
    question.show()
    qtbot.waitExposed(question)
    lock = IdleLock(win, signed_in, timeout_ms=600_000)
    try:
        lock.lock()
        assert question.isVisible()  # not answered by being hidden
        [cover] = lock.covers
        assert cover.isVisible() and cover.geometry() == question.rect()
        qtbot.keyClicks(cover.password, "boss-secret")
        with qtbot.waitSignal(lock.unlocked, timeout=10_000):
            qtbot.keyClick(cover.password, Qt.Key.Key_Return)
        assert question.isVisible() and lock.covers == []
    finally:
        lock.stop()
        question.close()


def test_after_input_the_lock_leaves_the_other_events_alone_then_watches_again(
    signed_in: ServiceContext,
    window: tuple[QWidget, QLineEdit],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Its filter is in Python and sees every event of the program: after a key it steps
    # aside for a moment (a tenth of the timeout, 5 s at most), so the window that key opens
    # is built without a call into the lock per event; a key after that moment still counts.
    win, draft = window
    seen: list[int] = []
    watch = IdleLock.eventFilter
    monkeypatch.setattr(
        IdleLock,
        "eventFilter",
        lambda self, w, e: seen.append(int(e.type().value)) or watch(self, w, e),
    )
    lock = IdleLock(win, signed_in, timeout_ms=2_000)  # watches again after 200 ms
    try:
        qtbot.keyClick(draft, Qt.Key.Key_A)
        assert seen, "the key was seen"
        seen.clear()
        other = QWidget()  # a window built and shown right after the key: many events
        qtbot.addWidget(other)
        QVBoxLayout(other).addWidget(QLineEdit("a field"))
        other.show()
        qtbot.waitExposed(other)
        assert seen == []
        qtbot.waitUntil(lambda: lock._watching, timeout=2_000)
        before = lock.timer.remainingTime()
        qtbot.waitUntil(lambda: lock.timer.remainingTime() < before - 100, timeout=2_000)
        waited = lock.timer.remainingTime()
        qtbot.keyClick(draft, Qt.Key.Key_B)  # a key after the moment restarts the clock
        assert lock.timer.remainingTime() > waited + 50 and not lock.is_locked
    finally:
        lock.stop()


def test_a_shortcut_key_is_input_the_lock_restarts_its_clock_and_steps_aside(
    signed_in: ServiceContext, window: tuple[QWidget, QLineEdit], qtbot: QtBot
) -> None:
    # A shortcut key (F5 here; Delete, F1...) reaches the program as a ShortcutOverride and,
    # taken by the shortcut, never as a key press: the lock took it for no input, so its
    # clock ran on and its filter, in Python, watched every event of what the key opened. (A
    # shortcut with Ctrl or Shift was seen by its modifier's own key press.)
    win, draft = window
    opened: list[bool] = []
    action = QAction("Home program", win)
    action.setShortcut(QKeySequence("F5"))
    action.triggered.connect(lambda: opened.append(True))
    win.addAction(action)
    lock = IdleLock(win, signed_in, timeout_ms=1_000)
    try:
        qtbot.waitUntil(lambda: lock.timer.remainingTime() < 700, timeout=2_000)
        assert lock._watching
        qtbot.keyClick(draft, Qt.Key.Key_F5)
        assert opened == [True]
        assert lock.timer.remainingTime() > 850 and not lock._watching
        assert not lock.is_locked
    finally:
        lock.stop()
