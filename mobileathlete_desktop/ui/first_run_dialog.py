"""First start: name the clinic and create its first admin account."""

from __future__ import annotations

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
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.jobs import Job
from mobileathlete_desktop.ui.refusals import refusal_text


class FirstRunDialog(QDialog):
    """Clinic name and the first admin's user name, name and password (typed twice)."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self._job: Job[accounts.UserRecord] | None = None
        self.setWindowTitle(self.tr("Welcome — Mobile Athlete"))
        self.clinic = QLineEdit()
        self.clinic.setAccessibleName(self.tr("Clinic name"))
        self.username = QLineEdit("admin")
        self.username.setAccessibleName(self.tr("Admin user name"))
        self.display_name = QLineEdit()
        self.display_name.setAccessibleName(self.tr("Admin full name"))
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        least = accounts.MIN_ADMIN_PASSWORD
        self.password.setPlaceholderText(self.tr("at least {n} characters").format(n=least))
        self.password.setToolTip(
            self.tr(
                "An admin's password has at least {n} characters: the account reaches every "
                "record, the users and the backups. A short sentence is easy to remember."
            ).format(n=least)
        )
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Password again"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.message.hide()
        intro = QLabel(
            self.tr(
                "<h3>A new clinic</h3>This database has no users yet. Create the first "
                "administrator: they add therapists, set backups and read the audit trail."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Clinic name"), self.clinic)
        form.addRow(self.tr("Admin &user name"), self.username)
        form.addRow(self.tr("Admin full &name"), self.display_name)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("Password &again"), self.repeat)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Create and sign in")
        )
        self.buttons.accepted.connect(self.create_admin)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def create_admin(self) -> None:
        """Creates the clinic and admin (hashing off the UI thread) and signs them in."""
        if not self.clinic.text().strip():
            self._show(self.tr("Type the clinic's name"))
            return
        problem = accounts.password_refusal("admin", self.password.text())
        if problem:
            self._show(
                self.tr("{problem}. A short sentence is easy to remember.").format(
                    problem=refusal_text(problem)
                )
            )
            self.password.setFocus()
            self.password.selectAll()
            return
        if self.password.text() != self.repeat.text():
            self._show(self.tr("The two passwords differ"))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        clinic, user = self.clinic.text(), self.username.text()
        name, password = self.display_name.text(), self.password.text()
        self.buttons.setEnabled(False)
        db = self.ctx.db
        self._job = (
            Job(
                self,
                lambda _c: accounts.create_first_admin(db, clinic, user, name, password),
                self._created,
            )
            .failure(self._refused)
            .run()
        )

    def _created(self, record: accounts.UserRecord) -> None:
        self.actor = record.actor()
        self.buttons.setEnabled(True)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self._show(refusal_text(error))

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    @classmethod
    def ask(cls, ctx: ServiceContext, parent: QWidget | None = None) -> Actor | None:
        """Shows the dialog; the new admin as the actor, or None if cancelled."""
        dialog = cls(ctx, parent)
        dialog.exec()
        return dialog.actor
