"""Locking the window after idle time: drafts stay, the password brings them back."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QInputEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services import accounts
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.jobs import Job
from mobileathlete_desktop.ui.refusals import refusal_text

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        # A key that is a shortcut (Ctrl+Shift+P, Ctrl+S...) reaches the program as a
        # ShortcutOverride and, when the shortcut takes it, never as a KeyPress: it is input
        # too (the lock neither restarted its clock nor stepped aside for it).
        QEvent.Type.ShortcutOverride,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


WATCH_PAUSE_MS = 5_000
"""After input is seen, how long the lock stops watching (at most a tenth of its timeout):
an application-wide event filter in Python is called for every event of every window (900
while an assessment window was built, each a call into Python that must take the
interpreter), and input in the meantime tells the lock nothing new. It may lock up to this
much early after the last input: never late."""


class LockOverlay(QFrame):
    """Covers the whole window (hiding client data) and asks for the password again."""

    def __init__(self, parent: QWidget, username: str) -> None:
        super().__init__(parent)
        self.setObjectName("lockOverlay")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lockOverlay { background: #20303a; } QLabel { color: white; }")
        self.title = QLabel(
            self.tr("<h2>Locked</h2>Signed in as <b>{name}</b>. Type your password.").format(
                name=username
            )
        )
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password to unlock"))
        self.password.setMaximumWidth(280)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setMaximumWidth(280)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Unlock message"))
        self.message.setStyleSheet("color: #ffb4b4")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.password, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.message)
        layout.addStretch(2)
        self.hide()

    def cover(self) -> None:
        """Shows over the whole parent with the cursor in the password box."""
        parent = self.parentWidget()
        assert parent is not None
        self.setGeometry(parent.rect())
        self.message.clear()
        self.password.clear()
        self.show()
        self.raise_()
        self.password.setFocus()


class IdleLock(QObject):
    """Watches the application's input; after `timeout_ms` without any, locks the program.

    Locking covers the main window and hides every other window of the program (an open
    assessment, the program builder, reports...), so no client data stays on screen; a
    dialog waiting for an answer (which cannot be hidden without answering it) is covered
    by its own password box instead. While locked, input anywhere outside a password box
    is swallowed. Nothing is closed or cleared, so a half-typed note survives; unlocking
    (audited as "unlock", with the same lock-out after wrong passwords as a sign-in) shows
    the hidden windows again as they were.
    """

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QWidget, ctx: ServiceContext, timeout_ms: int) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.overlay = self._new_overlay(window)
        self.covers: list[LockOverlay] = []  # on modal dialogs, while locked
        self.hidden: list[QWidget] = []  # other windows hidden while locked
        self._active: QWidget | None = None
        self.timer = QTimer(self, singleShot=True, interval=max(1, timeout_ms))
        self.timer.timeout.connect(self.lock)
        self.is_locked = False
        self._job: Job[Actor] | None = None
        self.lock_now = QAction(self.tr("Lock now"), window)
        self.lock_now.setShortcut(QKeySequence("Ctrl+L"))
        # Ctrl+L works from any window of the program (an assessment, the builder...).
        self.lock_now.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_now.triggered.connect(self.lock)
        window.addAction(self.lock_now)
        # Watching input: the filter is installed, or comes back when _resume times out.
        self._resume = QTimer(
            self, singleShot=True, interval=max(1, min(WATCH_PAUSE_MS, timeout_ms // 10))
        )
        self._resume.timeout.connect(self._watch)
        self._watching = False
        self._watch()
        self.timer.start()

    def _watch(self) -> None:
        """Watches the application's events again."""
        self._resume.stop()
        app = QApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True

    def _pause_watching(self) -> None:
        """Input seen (the idle clock restarted): the events go unwatched for a moment."""
        app = QApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
            self._watching = False
        self._resume.start()

    @classmethod
    def for_clinic(cls, window: QWidget, ctx: ServiceContext) -> IdleLock:
        """A lock with the clinic's setting (Clinic.idle_lock_minutes, 10 by default)."""
        return cls(window, ctx, accounts.idle_lock_minutes(ctx.db) * 60_000)

    def _new_overlay(self, parent: QWidget) -> LockOverlay:
        overlay = LockOverlay(parent, self.ctx.actor.display_name or self.ctx.actor.username)
        overlay.unlock_button.clicked.connect(lambda: self.try_unlock(overlay))
        overlay.password.returnPressed.connect(lambda: self.try_unlock(overlay))
        return overlay

    def _overlays(self) -> list[LockOverlay]:
        return [self.overlay, *self.covers]

    def _in_overlay(self, watched: QObject) -> bool:
        return isinstance(watched, QWidget) and any(
            watched is o or o.isAncestorOf(watched) for o in self._overlays()
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Restarts the idle clock on input; while locked, blocks input outside the overlays."""
        if not self.is_locked and not isinstance(event, QInputEvent):
            # Most events are no input: told apart without event.type(), which makes a Python
            # enum at every call (15 µs an event with the rest: 35 ms of the UI thread while
            # the program builder was built, 2,300 events).
            return False
        kind = event.type()
        if kind == QEvent.Type.Resize and self.is_locked:
            for overlay in self._overlays():
                if watched is overlay.parentWidget():
                    overlay.setGeometry(overlay.parentWidget().rect())  # type: ignore[union-attr]
        if kind not in INPUT_EVENTS:
            return False
        if not self.is_locked:
            self.timer.start()
            self._pause_watching()
            return False
        return isinstance(watched, QWidget) and not self._in_overlay(watched)

    def _other_windows(self) -> list[QWidget]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if w is not self.window and w.isVisible() and w.isWindow()
        ]

    def lock(self) -> None:
        """Covers the main window and hides or covers every other one now (also what the
        timer does)."""
        if self.is_locked:
            return
        self.is_locked = True
        self.timer.stop()
        self._watch()  # every event, while locked: input outside a password box is swallowed
        self._active = QApplication.activeWindow()
        answering: QWidget | None = None
        for other in self._other_windows():
            if other.windowModality() != Qt.WindowModality.NonModal:
                # Hiding a dialog that waits for an answer would answer it: cover it.
                cover = self._new_overlay(other)
                self.covers.append(cover)
                cover.cover()
                answering = other
            else:
                self.hidden.append(other)
                other.hide()
        self.overlay.cover()
        if answering is not None:  # the main window is blocked by it: type the password here
            answering.activateWindow()
            self.covers[-1].password.setFocus()
        else:
            self.window.activateWindow()
        accounts.record_session_event(self.ctx, "session.lock")
        self.locked.emit()

    def try_unlock(self, overlay: LockOverlay | None = None) -> None:
        """Checks the password in the background; unlocks or says why not."""
        overlay = overlay or self.overlay
        password = overlay.password.text()
        for each in self._overlays():
            each.unlock_button.setEnabled(False)
        username = self.ctx.actor.username
        ctx = self.ctx
        self._job = (
            Job(
                self.window,
                lambda _c: accounts.sign_in(ctx, username, password, action="unlock"),
                self._unlocked,
            )
            .failure(lambda error: self._refused(overlay, error))
            .run()
        )

    def _unlocked(self, _actor: object) -> None:
        self.overlay.unlock_button.setEnabled(True)
        self.overlay.hide()
        for cover in self.covers:
            cover.hide()
            cover.deleteLater()
        self.covers.clear()
        self.is_locked = False
        hidden, self.hidden = self.hidden, []
        for other in hidden:
            if shiboken6.isValid(other):
                other.show()
        active = self._active
        if active is not None and shiboken6.isValid(active) and active.isVisible():
            active.activateWindow()
            active.raise_()
        self._active = None
        self.timer.start()
        self.unlocked.emit()

    def _refused(self, overlay: LockOverlay, error: Exception) -> None:
        for each in self._overlays():
            each.unlock_button.setEnabled(True)
        overlay.password.clear()
        overlay.message.setText(refusal_text(error))

    def stop(self) -> None:
        """Stops watching (the window is closing)."""
        self.timer.stop()
        self._resume.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._watching = False
