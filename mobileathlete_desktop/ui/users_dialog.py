"""Clinic ▸ Users (admins): the accounts, and adding, deactivating, resetting and unlocking."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from mobileathlete_desktop.services import accounts
from mobileathlete_desktop.services.accounts import UserRecord
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.forms import child, load_form
from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP, role_name
from mobileathlete_desktop.ui.jobs import Job
from mobileathlete_desktop.ui.record_table import RecordTableModel
from mobileathlete_desktop.ui.refusals import refusal_text
from mobileathlete_desktop.ui.screen_fit import fit_to_screen

COLUMNS = (
    QT_TRANSLATE_NOOP("UserListModel", "User name"),
    QT_TRANSLATE_NOOP("UserListModel", "Name"),
    QT_TRANSLATE_NOOP("UserListModel", "Role"),
    QT_TRANSLATE_NOOP("UserListModel", "Active"),
    QT_TRANSLATE_NOOP("UserListModel", "Locked"),
)
ROLES = ("therapist", "admin")  # the codes of the new-user form's role items, in its order
ERROR_STYLE = "color: #b00020"

_Index = QModelIndex | QPersistentModelIndex


def _minimum_hint(role: str) -> str:
    if role == "admin":
        text = QCoreApplication.translate("Users", "At least {count} characters for an admin.")
        return text.format(count=accounts.MIN_ADMIN_PASSWORD)
    text = QCoreApplication.translate("Users", "At least {count} characters for a therapist.")
    return text.format(count=accounts.MIN_PASSWORD)


class UserListModel(RecordTableModel[UserRecord]):
    """The clinic's accounts as rows (records from the service, never database rows)."""

    columns = COLUMNS

    def row_of(self, username: str) -> int:
        """The row of an account, or -1."""
        for row, user in enumerate(self.rows):
            if user.username == username:
                return row
        return -1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        title = super().headerData(section, orientation, role)
        return QCoreApplication.translate("UserListModel", title) if title else title

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
            role_name(user.role).capitalize(),
            self.tr("Yes") if user.active else self.tr("No (cannot sign in)"),
            self.tr("Locked") if user.locked else "",
        )[index.column()]


class _PasswordForm(QDialog):
    """A small form whose service call (a password hash) runs off the UI thread."""

    def __init__(self, parent: QWidget | None, form_name: str) -> None:
        super().__init__(parent)
        self._job: Job[object] | None = None
        self.page = load_form(form_name, self)
        self.password = child(self.page, QLineEdit, "password")
        self.repeat = child(self.page, QLineEdit, "repeat")
        self.message = child(self.page, QLabel, "message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.buttons = child(self.page, QDialogButtonBox, "buttons")
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
        self.show_problem(refusal_text(error))

    def show_problem(self, text: str, focus: QLineEdit | None = None) -> None:
        """Says what is wrong (in red) and puts the cursor where it can be fixed."""
        self.message.setText(text)
        self.message.show()
        if focus is not None:
            focus.setFocus()
            focus.selectAll()

    def _checked(self, role: str, password: QLineEdit, repeat: QLineEdit) -> bool:
        problem = accounts.password_refusal(role, password.text())
        if problem:
            self.show_problem(refusal_text(problem), password)
            return False
        if password.text() != repeat.text():
            repeat.clear()
            self.show_problem(self.tr("The two passwords differ"), repeat)
            return False
        return True


class NewUserDialog(_PasswordForm):
    """User name, full name, role and a temporary password (typed twice)."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, "new_user")
        self.ctx = ctx
        self.created: UserRecord | None = None
        self.setWindowTitle(self.tr("Add a user — Mobile Athlete"))
        self.username = child(self.page, QLineEdit, "username")
        self.display_name = child(self.page, QLineEdit, "display_name")
        # The example in the box reads in full, in every language.
        example = self.display_name.placeholderText()
        self.display_name.setMinimumWidth(self.fontMetrics().horizontalAdvance(example) + 24)
        self.role = child(self.page, QComboBox, "role")
        for index, code in enumerate(ROLES[: self.role.count()]):
            self.role.setItemData(index, code)
        self.hint = child(self.page, QLabel, "hint")
        self.role.currentIndexChanged.connect(lambda _i: self._show_hint())
        self._show_hint()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add user"))
        self.username.setFocus()

    def set_role(self, role: str) -> None:
        """Chooses the role (therapist or admin)."""
        self.role.setCurrentIndex(max(0, self.role.findData(role)))

    def _show_hint(self) -> None:
        self.hint.setText(
            self.tr("{minimum} Tell it to them in person; they sign in with it.").format(
                minimum=_minimum_hint(str(self.role.currentData()))
            )
        )

    def submit(self) -> None:
        """Adds the account through the service (admins only, audited)."""
        if not self.username.text().strip():
            self.show_problem(self.tr("Type a user name (letters, digits, . _ -)"), self.username)
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
        super().__init__(parent, "password")
        self.ctx = ctx
        self.user = user
        self.own = user.id == ctx.actor.user_id or (
            ctx.actor.user_id is None and user.username == ctx.actor.username
        )
        self.current = child(self.page, QLineEdit, "current")
        fields = self.page.findChild(QFormLayout, "fields")
        assert fields is not None
        fields.setRowVisible(self.current, self.own)  # the current password: one's own only
        if self.own:
            self.setWindowTitle(self.tr("Change my password — Mobile Athlete"))
            intro = self.tr("Your own password: type the current one first.")
            ok = self.tr("Change my password")
        else:
            self.setWindowTitle(
                self.tr("Reset the password of {username} — Mobile Athlete").format(
                    username=user.username
                )
            )
            intro = self.tr(
                "A new temporary password for <b>{name}</b> ({role}). It also lifts a "
                "lock-out. Tell it to them in person."
            ).format(
                name=html.escape(user.display_name or user.username), role=role_name(user.role)
            )
            ok = self.tr("Set the new password")
        child(self.page, QLabel, "intro").setText(f"{intro}<br>{_minimum_hint(user.role)}")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
        self.setMinimumWidth(420)
        (self.current if self.own else self.password).setFocus()

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
        self.setWindowTitle(self.tr("Users — Mobile Athlete"))
        form = load_form("users_dialog", self)
        self.model = UserListModel(self)
        self.table = child(form, QTableView, "table")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.add_button = child(form, QPushButton, "add_button")
        self.active_button = child(form, QPushButton, "active_button")
        self.password_button = child(form, QPushButton, "password_button")
        self.unlock_button = child(form, QPushButton, "unlock_button")
        self.add_button.clicked.connect(self.add_user)
        self.active_button.clicked.connect(self.toggle_active)
        self.password_button.clicked.connect(self.change_password)
        self.unlock_button.clicked.connect(self.unlock)
        self.message = child(form, QLabel, "message")
        child(form, QDialogButtonBox, "close_box").rejected.connect(self.reject)
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
            self._say(refusal_text(exc), error=True)
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
        self.active_button.setText(
            self.tr("&Deactivate") if user.active else self.tr("R&eactivate")
        )
        self.active_button.setEnabled(allowed and not (own and user.active))
        self.active_button.setToolTip(
            self.tr("You cannot deactivate your own account")
            if own
            else self.tr("An inactive user cannot sign in")
        )
        self.password_button.setText(
            self.tr("Change &my password…") if own else self.tr("&Reset password…")
        )
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
        self._say(
            self.tr("Added {username} ({role}). They sign in with the password you set.").format(
                username=user.username, role=role_name(user.role)
            )
        )
        self.table.setFocus()

    def toggle_active(self) -> None:
        """Deactivates the chosen account (or reactivates an inactive one)."""
        user = self.current_user()
        if user is None:
            return
        try:
            done = accounts.set_active(self.ctx, user.username, not user.active)
        except (PermissionError, ValueError) as exc:
            self._say(refusal_text(exc), error=True)
            return
        self.refresh(keep=done.username)
        if done.active:
            self._say(self.tr("{username} can sign in again.").format(username=done.username))
        else:
            self._say(
                self.tr("{username} can no longer sign in; their records and work stay.").format(
                    username=done.username
                )
            )
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
            self._say(self.tr("Your password is changed; use it from the next sign-in."))
        else:
            self._say(
                self.tr("{username} has a new password (and is not locked).").format(
                    username=form.user.username
                )
            )
        self.table.setFocus()

    def unlock(self) -> None:
        """Lifts the chosen account's lock-out."""
        user = self.current_user()
        if user is None:
            return
        try:
            accounts.unlock_account(self.ctx, user.username)
        except (PermissionError, ValueError) as exc:
            self._say(refusal_text(exc), error=True)
            return
        self.refresh(keep=user.username)
        self._say(
            self.tr("{username} is unlocked and can sign in now.").format(username=user.username)
        )
        self.table.setFocus()
