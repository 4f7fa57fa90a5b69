"""Locking the window after idle time: drafts stay, the password brings them back."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.services import accounts
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.background import BackgroundCall

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class LockOverlay(QFrame):
    """Covers the whole window (hiding client data) and asks for the password again."""

    def __init__(self, parent: QWidget, username: str) -> None:
        super().__init__(parent)
        self.setObjectName("lockOverlay")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lockOverlay { background: #20303a; } QLabel { color: white; }")
        self.title = QLabel(f"<h2>Locked</h2>Signed in as <b>{username}</b>. Type your password.")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Password to unlock")
        self.password.setMaximumWidth(280)
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setMaximumWidth(280)
        self.message = QLabel()
        self.message.setAccessibleName("Unlock message")
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
    """Watches the application's input; after `timeout_ms` without any, locks the window.

    Nothing in the window is closed or cleared, so a half-typed note survives; while
    locked, input outside the overlay is swallowed. Unlocking checks the password like a
    sign-in (audited as "unlock", with the same lock-out after wrong passwords).
    """

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QWidget, ctx: ServiceContext, timeout_ms: int) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.overlay = LockOverlay(window, ctx.actor.display_name or ctx.actor.username)
        self.overlay.unlock_button.clicked.connect(self.try_unlock)
        self.overlay.password.returnPressed.connect(self.try_unlock)
        self.timer = QTimer(self, singleShot=True, interval=max(1, timeout_ms))
        self.timer.timeout.connect(self.lock)
        self.is_locked = False
        self._call: BackgroundCall | None = None
        self.lock_now = QAction("Lock now", window)
        self.lock_now.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_now.triggered.connect(self.lock)
        window.addAction(self.lock_now)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.timer.start()

    @classmethod
    def for_clinic(cls, window: QWidget, ctx: ServiceContext) -> IdleLock:
        """A lock with the clinic's setting (Clinic.idle_lock_minutes, 10 by default)."""
        return cls(window, ctx, accounts.idle_lock_minutes(ctx.db) * 60_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Restarts the idle clock on input; while locked, blocks input outside the overlay."""
        if watched is self.window and event.type() == QEvent.Type.Resize and self.is_locked:
            self.overlay.setGeometry(self.window.rect())
        if event.type() not in INPUT_EVENTS:
            return False
        if not self.is_locked:
            self.timer.start()
            return False
        inside = isinstance(watched, QWidget) and (
            watched is self.overlay or self.overlay.isAncestorOf(watched)
        )
        return not inside and isinstance(watched, QWidget) and self.window.isAncestorOf(watched)

    def lock(self) -> None:
        """Covers the window now (also what the timer does)."""
        if self.is_locked:
            return
        self.is_locked = True
        self.timer.stop()
        self.overlay.cover()
        accounts.record_session_event(self.ctx, "session.lock")
        self.locked.emit()

    def try_unlock(self) -> None:
        """Checks the password in the background; unlocks or says why not."""
        password = self.overlay.password.text()
        self.overlay.unlock_button.setEnabled(False)
        username = self.ctx.actor.username
        self._call = BackgroundCall(
            lambda: accounts.sign_in(self.ctx, username, password, action="unlock"), self
        )
        self._call.finished.connect(self._unlocked)
        self._call.failed.connect(self._refused)
        self._call.start()

    def _unlocked(self, _actor: object) -> None:
        self.overlay.unlock_button.setEnabled(True)
        self.overlay.hide()
        self.is_locked = False
        self.timer.start()
        self.unlocked.emit()

    def _refused(self, error: Exception) -> None:
        self.overlay.unlock_button.setEnabled(True)
        self.overlay.password.clear()
        self.overlay.message.setText(str(error))

    def stop(self) -> None:
        """Stops watching (the window is closing)."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
