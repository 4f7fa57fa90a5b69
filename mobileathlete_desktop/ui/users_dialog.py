"""Clinic ▸ Users (admins): the accounts, and adding, deactivating, resetting and unlocking."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.services import accounts
from mobileathlete_desktop.services.accounts import UserRecord
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.jobs import Job
from mobileathlete_desktop.ui.record_table import RecordTableModel
from mobileathlete_desktop.ui.screen_fit import fit_to_screen

COLUMNS = ("User name", "Name", "Role", "Active", "Locked")
ERROR_STYLE = "color: #b00020"

_Index = QModelIndex | QPersistentModelIndex


def _minimum_hint(role: str) -> str:
    least = accounts.MIN_ADMIN_PASSWORD if role == "admin" else accounts.MIN_PASSWORD
    return f"At least {least} characters for {'an admin' if role == 'admin' else 'a therapist'}."


class UserListModel(RecordTableModel[UserRecord]):
    """The clinic's accounts as rows (records from the service, never database rows)."""

    columns = COLUMNS

    def row_of(self, username: str) -> int:
        """The row of an account, or -1."""
        for row, user in enumerate(self.rows):
            if user.username == username:
                return row
        return -1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        user = self.record(index)
        if user is None or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        return (
            user.username,
            user.display_name,
            user.role.capitalize(),
            "Yes" if user.active else "No (cannot sign in)",
            "Locked" if user.locked else "",
        )[index.column()]


class _PasswordForm(QDialog):
    """A small form whose service call (a password hash) runs off the UI thread."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._job: Job[object] | None = None
        self.message = QLabel()
        self.message.setAccessibleName("Message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def submit(self) -> None:
        """Checks the form and runs the service call."""
        raise NotImplementedError

    def _run(self, call: Callable[[], object]) -> None:
        self.buttons.setEnabled(False)
        self._job = Job(self, lambda _c: call(), self._done).failure(self._refused).run()

    def _done(self, _result: object) -> None:
        self.buttons.setEnabled(True)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.show_problem(str(error))

    def show_problem(self, text: str, focus: QLineEdit | None = None) -> None:
        """Says what is wrong (in red) and puts the cursor where it can be fixed."""
        self.message.setText(text)
        self.message.show()
        if focus is not None:
            focus.setFocus()
            focus.selectAll()

    def _checked(self, role: str, password: QLineEdit, repeat: QLineEdit) -> bool:
        problem = accounts.password_problem(role, password.text())
        if problem:
            self.show_problem(problem, password)
            return False
        if password.text() != repeat.text():
            repeat.clear()
            self.show_problem("The two passwords differ", repeat)
            return False
        return True


class NewUserDialog(_PasswordForm):
    """User name, full name, role and a temporary password (typed twice)."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created: UserRecord | None = None
        self.setWindowTitle("Add a user — Mobile Athlete")
        self.username = QLineEdit()
        self.username.setAccessibleName("User name")
        self.display_name = QLineEdit()
        self.display_name.setAccessibleName("Full name")
        self.display_name.setPlaceholderText("as shown on screen and in print, e.g. Ana Ruiz, PT")
        self.role = QComboBox()
        self.role.setAccessibleName("Role")
        self.role.addItem("Therapist (records, signs, builds programs)", "therapist")
        self.role.addItem("Admin (users, backups, reports, audit trail)", "admin")
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Temporary password")
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName("Temporary password again")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.role.currentIndexChanged.connect(lambda _i: self._show_hint())
        self._show_hint()
        form = QFormLayout()
        form.addRow("&User name", self.username)
        form.addRow("Full &name", self.display_name)
        form.addRow("R&ole", self.role)
        form.addRow("&Temporary password", self.password)
        form.addRow("Password a&gain", self.repeat)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add user")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)  # below the form: a wrapped label in a form row gets cut
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def set_role(self, role: str) -> None:
        """Chooses the role (therapist or admin)."""
        self.role.setCurrentIndex(max(0, self.role.findData(role)))

    def _show_hint(self) -> None:
        self.hint.setText(
            _minimum_hint(str(self.role.currentData()))
            + " Tell it to them in person; they sign in with it."
        )

    def submit(self) -> None:
        """Adds the account through the service (admins only, audited)."""
        if not self.username.text().strip():
            self.show_problem("Type a user name (letters, digits, . _ -)", self.username)
            return
        role = str(self.role.currentData())
        if not self._checked(role, self.password, self.repeat):
            return
        username, name, password = (
            self.username.text(),
            self.display_name.text(),
            self.password.text(),
        )
        self._run(lambda: accounts.create_user(self.ctx, username, name, role, password))

    def _done(self, result: object) -> None:
        self.created = result if isinstance(result, UserRecord) else None
        super()._done(result)


class PasswordDialog(_PasswordForm):
    """A new password for another user (reset), or one's own (the current one asked first)."""

    def __init__(self, ctx: ServiceContext, user: UserRecord, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.user = user
        self.own = user.id == ctx.actor.user_id or (
            ctx.actor.user_id is None and user.username == ctx.actor.username
        )
        self.current = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password)
        self.current.setAccessibleName("Current password")
        self.current.setVisible(self.own)  # a hidden child when not asked, not a window
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("New password")
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName("New password again")
        form = QFormLayout()
        if self.own:
            self.setWindowTitle("Change my password — Mobile Athlete")
            intro = "Your own password: type the current one first."
            form.addRow("&Current password", self.current)
        else:
            self.setWindowTitle(f"Reset the password of {user.username} — Mobile Athlete")
            intro = (
                f"A new temporary password for <b>{user.display_name or user.username}</b> "
                f"({user.role}). It also lifts a lock-out. Tell it to them in person."
            )
        form.addRow("&New password", self.password)
        form.addRow("Password a&gain", self.repeat)
        text = QLabel(f"{intro}<br>{_minimum_hint(user.role)}")
        text.setWordWrap(True)
        ok = "Change my password" if self.own else "Set the new password"
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def submit(self) -> None:
        """Sets the password through the service (audited)."""
        if not self._checked(self.user.role, self.password, self.repeat):
            return
        password = self.password.text()
        if self.own:
            current = self.current.text()
            self._run(lambda: accounts.change_own_password(self.ctx, current, password))
        else:
            username = self.user.username
            self._run(lambda: accounts.reset_password(self.ctx, username, password))


class UsersDialog(QDialog):
    """The accounts with their role and state; each action goes through the accounts service."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form: _PasswordForm | None = None
        self.setWindowTitle("Users — Mobile Athlete")
        self.model = UserListModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("Users")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # arrows choose a user; Tab moves on
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        label = QLabel("&Users (↑ ↓ to choose)")
        label.setBuddy(self.table)
        self.add_button = QPushButton("&Add user…")
        self.active_button = QPushButton("&Deactivate")
        self.password_button = QPushButton("&Reset password…")
        self.unlock_button = QPushButton("U&nlock")
        self.add_button.clicked.connect(self.add_user)
        self.active_button.clicked.connect(self.toggle_active)
        self.password_button.clicked.connect(self.change_password)
        self.unlock_button.clicked.connect(self.unlock)
        self.message = QLabel()
        self.message.setAccessibleName("Message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        side = QVBoxLayout()
        for button in (self.add_button, self.active_button, self.password_button):
            side.addWidget(button)
        side.addWidget(self.unlock_button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(middle, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        fit_to_screen(self, QSize(760, 420))
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter in the list must not deactivate or add anyone
        self.refresh()
        self.table.setFocus()

    # -- list ---------------------------------------------------------------------------------

    def refresh(self, keep: str | None = None) -> None:
        """Reloads the accounts, keeping the chosen one (or `keep`) chosen."""
        current = self.current_user()
        keep = keep or (current.username if current else None)
        try:
            users = accounts.list_users(self.ctx)
        except PermissionError as exc:
            self._say(str(exc), error=True)
            users = []
        self.model.set_rows(users)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        row = self.model.row_of(keep) if keep else -1
        if users:
            self.table.setCurrentIndex(self.model.index(max(row, 0), 0))
        self._update_buttons()

    def current_user(self) -> UserRecord | None:
        """The chosen account."""
        index = self.table.currentIndex()
        return self.model.record(index)

    def select(self, username: str) -> None:
        """Chooses an account by user name."""
        row = self.model.row_of(username)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _is_self(self, user: UserRecord) -> bool:
        actor = self.ctx.actor
        return user.id == actor.user_id or (
            actor.user_id is None and user.username == actor.username
        )

    def _update_buttons(self) -> None:
        user = self.current_user()
        allowed = self.ctx.actor.can("users.manage")
        self.add_button.setEnabled(allowed)
        for button in (self.active_button, self.password_button, self.unlock_button):
            button.setEnabled(allowed and user is not None)
        if user is None:
            return
        own = self._is_self(user)
        self.active_button.setText("&Deactivate" if user.active else "R&eactivate")
        self.active_button.setEnabled(allowed and not (own and user.active))
        self.active_button.setToolTip(
            "You cannot deactivate your own account" if own else "An inactive user cannot sign in"
        )
        self.password_button.setText("Change &my password…" if own else "&Reset password…")
        self.unlock_button.setEnabled(allowed and user.locked)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(("⚠ " if error else "") + text)

    # -- actions ------------------------------------------------------------------------------

    def add_user(self) -> None:
        """Opens the new-user form; the list shows the account once added."""
        form = NewUserDialog(self.ctx, self)
        self.form = form
        form.accepted.connect(lambda: self._added(form))
        form.open()

    def _added(self, form: NewUserDialog) -> None:
        if form.created is None:
            return
        user = form.created
        self.refresh(keep=user.username)
        self._say(f"Added {user.username} ({user.role}). They sign in with the password you set.")
        self.table.setFocus()

    def toggle_active(self) -> None:
        """Deactivates the chosen account (or reactivates an inactive one)."""
        user = self.current_user()
        if user is None:
            return
        try:
            done = accounts.set_active(self.ctx, user.username, not user.active)
        except (PermissionError, ValueError) as exc:
            self._say(str(exc), error=True)
            return
        self.refresh(keep=done.username)
        if done.active:
            self._say(f"{done.username} can sign in again.")
        else:
            self._say(f"{done.username} can no longer sign in; their records and work stay.")
        self.table.setFocus()

    def change_password(self) -> None:
        """Resets the chosen user's password, or changes one's own (asks the current one)."""
        user = self.current_user()
        if user is None:
            return
        form = PasswordDialog(self.ctx, user, self)
        self.form = form
        form.accepted.connect(lambda: self._password_set(form))
        form.open()

    def _password_set(self, form: PasswordDialog) -> None:
        self.refresh(keep=form.user.username)
        if form.own:
            self._say("Your password is changed; use it from the next sign-in.")
        else:
            self._say(f"{form.user.username} has a new password (and is not locked).")
        self.table.setFocus()

    def unlock(self) -> None:
        """Lifts the chosen account's lock-out."""
        user = self.current_user()
        if user is None:
            return
        try:
            accounts.unlock_account(self.ctx, user.username)
        except (PermissionError, ValueError) as exc:
            self._say(str(exc), error=True)
            return
        self.refresh(keep=user.username)
        self._say(f"{user.username} is unlocked and can sign in now.")
        self.table.setFocus()
