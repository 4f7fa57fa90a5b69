"""The sign-in dialog shown before the main window (names the demo accounts only in the demo)."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services import accounts
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.services.errors import StorageBusy, StorageError
from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mobileathlete_desktop.ui.jobs import Job

log = logging.getLogger(__name__)

DEMO_HINT = QT_TRANSLATE_NOOP(
    "SignInDialog",
    "This is the demo clinic (synthetic clients). Sign in as <b>admin</b> or "
    "<b>therapist</b>, password <b>demo</b>.",
)


class SignInDialog(QDialog):
    """User name and password; the password check runs off the UI thread."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self._job: Job[Actor] | None = None
        self.setWindowTitle(self.tr("Sign in — Mobile Athlete"))
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Sign-in message"))
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.message.hide()
        self.demo_hint = QLabel(self.tr(DEMO_HINT))
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setVisible(accounts.clinic_is_demo(ctx.db))
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        title = QLabel(f"<h3>Mobile Athlete</h3>{ctx.db.location}")
        title.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(self.demo_hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)

    def try_sign_in(self) -> None:
        """Checks the password in the background; accepts on success, says why otherwise."""
        username, password = self.username.text(), self.password.text()
        if not username.strip():
            self._show(self.tr("Type your user name"))
            self.username.setFocus()
            return
        self.buttons.setEnabled(False)
        ctx = self.ctx
        self._job = (
            Job(self, lambda _c: accounts.sign_in(ctx, username, password), self._signed_in)
            .failure(self._refused)
            .run()
        )

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.buttons.setEnabled(True)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self._show(self._why(error))

    def _why(self, error: Exception) -> str:
        """One sentence for the person: never a SQL statement or a traceback."""
        if isinstance(error, StorageBusy):
            return self.tr("The clinic database is busy; try again in a moment.")
        if isinstance(error, (StorageError, InputError, PermissionError)):
            return str(error)  # the service's own sentence (wrong password, disk full...)
        log.error("Sign-in failed", exc_info=error)
        return self.tr("Signing in failed unexpectedly; the details are in the program's log.")

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    @classmethod
    def ask(cls, ctx: ServiceContext, parent: QWidget | None = None) -> Actor | None:
        """Shows the dialog until someone signs in (the actor) or cancels (None)."""
        dialog = cls(ctx, parent)
        dialog.exec()
        return dialog.actor
