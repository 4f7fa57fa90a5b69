"""Clinic ▸ Users: adding, deactivating, resetting and unlocking accounts by keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import accounts
from mobileathlete_desktop.services.accounts import SignInFailed, create_first_admin, sign_in
from mobileathlete_desktop.services.audit import AuditFilter, find_events
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.main_window import MainWindow
from mobileathlete_desktop.ui.users_dialog import NewUserDialog, PasswordDialog, UsersDialog
from tests.conftest import ADMIN, THERAPIST


@pytest.fixture
def boss(ctx: ServiceContext) -> ServiceContext:
    """Signed in as 'boss', the first admin, beside a therapist 'tess' (password 'secret')."""
    admin = create_first_admin(ctx.db, "North PT", "boss", "Boss Admin", "boss-secret")
    accounts.create_user(ctx.as_actor(admin.actor()), "tess", "Tess PT", "therapist", "secret")
    return ctx.as_actor(sign_in(ctx, "boss", "boss-secret"))


def open_dialog(ctx: ServiceContext, qtbot: QtBot) -> UsersDialog:
    dialog = UsersDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def alt(qtbot: QtBot, window: QWidget, key: Qt.Key) -> None:
    """Alt+letter (a button's mnemonic clicks it a moment later: wait for what it does)."""
    focus = window.focusWidget() or window
    qtbot.keyClick(focus, key, Qt.KeyboardModifier.AltModifier)


def rows(dialog: UsersDialog) -> list[tuple[str, ...]]:
    model = dialog.model
    return [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def form_of(dialog: UsersDialog, qtbot: QtBot, kind: type) -> NewUserDialog | PasswordDialog:
    qtbot.waitUntil(lambda: isinstance(dialog.form, kind) and dialog.form.isVisible())
    form = dialog.form
    assert isinstance(form, NewUserDialog | PasswordDialog)
    return form


def test_users_are_listed_with_role_active_and_locked(
    boss: ServiceContext, qtbot: QtBot, qtmodeltester: object
) -> None:
    dialog = open_dialog(boss, qtbot)
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
    assert rows(dialog) == [
        ("boss", "Boss Admin", "Admin", "Yes", ""),
        ("tess", "Tess PT", "Therapist", "Yes", ""),
    ]
    assert dialog.table.hasFocus()


def test_a_therapist_is_added_by_keyboard(boss: ServiceContext, qtbot: QtBot) -> None:
    dialog = open_dialog(boss, qtbot)
    alt(qtbot, dialog, Qt.Key.Key_A)
    form = form_of(dialog, qtbot, NewUserDialog)
    assert isinstance(form, NewUserDialog)
    qtbot.waitUntil(form.username.hasFocus)
    qtbot.keyClicks(form.username, "Ana")
    alt(qtbot, form, Qt.Key.Key_N)
    qtbot.keyClicks(form.display_name, "Ana Ruiz, PT")
    alt(qtbot, form, Qt.Key.Key_T)
    qtbot.keyClicks(form.password, "run4")
    alt(qtbot, form, Qt.Key.Key_G)
    qtbot.keyClicks(form.repeat, "run4")
    assert "At least 4 characters for a therapist" in form.hint.text()
    with qtbot.waitSignal(form.accepted, timeout=10_000):
        qtbot.keyClick(form.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ("ana", "Ana Ruiz, PT", "Therapist", "Yes", "") in rows(dialog))
    assert dialog.current_user() is not None and dialog.current_user().username == "ana"  # type: ignore[union-attr]
    assert "Added ana (therapist)" in dialog.message.text()
    assert sign_in(boss, "ana", "run4").role == "therapist"
    created = find_events(boss, AuditFilter(action="user.create", username="boss"))
    assert {"username": "ana", "role": "therapist"} in [e.detail for e in created]


@pytest.mark.parametrize(
    ("username", "password", "repeat", "message"),
    [
        ("ada", "short-one", "short-one", "An admin's password must be at least 10 characters"),
        ("ada", "long enough 1", "long enough 2", "The two passwords differ"),
        ("tess", "long enough 1", "long enough 1", "User name tess is taken"),
        ("", "long enough 1", "long enough 1", "Type a user name"),
    ],
)
def test_a_new_admin_is_refused_with_the_reason_and_the_form_stays(
    boss: ServiceContext, qtbot: QtBot, username: str, password: str, repeat: str, message: str
) -> None:
    dialog = open_dialog(boss, qtbot)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    form = form_of(dialog, qtbot, NewUserDialog)
    assert isinstance(form, NewUserDialog)
    qtbot.keyClicks(form.username, username)
    form.role.setFocus()
    qtbot.keyClick(form.role, Qt.Key.Key_Down)  # therapist → admin
    assert form.role.currentData() == "admin" and "10 characters" in form.hint.text()
    qtbot.keyClicks(form.password, password)
    qtbot.keyClicks(form.repeat, repeat)
    qtbot.keyClick(form.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: message in form.message.text(), timeout=10_000)
    assert form.isVisible() and form.created is None
    assert [r[0] for r in rows(dialog)] == ["boss", "tess"]


def test_deactivate_and_reactivate_a_therapist(boss: ServiceContext, qtbot: QtBot) -> None:
    dialog = open_dialog(boss, qtbot)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.current_user().username == "tess"  # type: ignore[union-attr]
    alt(qtbot, dialog, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: rows(dialog)[1][3] == "No (cannot sign in)")
    assert "tess can no longer sign in" in dialog.message.text()
    assert dialog.active_button.text() == "R&eactivate"
    with pytest.raises(SignInFailed):
        sign_in(boss, "tess", "secret")
    alt(qtbot, dialog, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: rows(dialog)[1][3] == "Yes")
    assert sign_in(boss, "tess", "secret").username == "tess"


def test_ones_own_account_cannot_be_deactivated_or_reset_without_the_current_password(
    boss: ServiceContext, qtbot: QtBot
) -> None:
    dialog = open_dialog(boss, qtbot)
    assert dialog.current_user().username == "boss"  # type: ignore[union-attr]
    assert not dialog.active_button.isEnabled()
    assert dialog.password_button.text() == "Change &my password…"
    alt(qtbot, dialog, Qt.Key.Key_M)
    form = form_of(dialog, qtbot, PasswordDialog)
    assert isinstance(form, PasswordDialog) and form.own
    qtbot.keyClicks(form.current, "not it")
    qtbot.keyClicks(form.password, "a brand new one")
    qtbot.keyClicks(form.repeat, "a brand new one")
    qtbot.keyClick(form.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "current password is wrong" in form.message.text(), timeout=10_000)
    form.current.clear()
    qtbot.keyClicks(form.current, "boss-secret")
    with qtbot.waitSignal(form.accepted, timeout=10_000):
        qtbot.keyClick(form.repeat, Qt.Key.Key_Return)
    assert "Your password is changed" in dialog.message.text()
    assert sign_in(boss, "boss", "a brand new one").username == "boss"


def test_the_last_active_admin_cannot_be_deactivated(ctx: ServiceContext, qtbot: QtBot) -> None:
    create_first_admin(ctx.db, "North PT", "boss", "Boss Admin", "boss-secret")
    dialog = open_dialog(ctx.as_actor(ADMIN), qtbot)  # an admin other than boss
    assert dialog.current_user().username == "boss"  # type: ignore[union-attr]
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    assert "boss is the last active admin; add another admin first" in dialog.message.text()
    assert rows(dialog)[0][3] == "Yes"


def test_a_locked_account_is_shown_and_unlocked(boss: ServiceContext, qtbot: QtBot) -> None:
    for _ in range(accounts.MAX_FAILED_SIGN_INS):
        with pytest.raises(SignInFailed):
            sign_in(boss, "tess", "guess")
    dialog = open_dialog(boss, qtbot)
    assert rows(dialog)[1][4] == "Locked"
    assert not dialog.unlock_button.isEnabled()  # boss is chosen, and not locked
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.unlock_button.isEnabled()
    alt(qtbot, dialog, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: rows(dialog)[1][4] == "")
    assert "tess is unlocked" in dialog.message.text()
    assert sign_in(boss, "tess", "secret").username == "tess"
    assert find_events(boss, AuditFilter(action="user.unlock"))


def test_a_reset_gives_a_therapist_a_temporary_password(boss: ServiceContext, qtbot: QtBot) -> None:
    dialog = open_dialog(boss, qtbot)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.password_button.text() == "&Reset password…"
    alt(qtbot, dialog, Qt.Key.Key_R)
    form = form_of(dialog, qtbot, PasswordDialog)
    assert isinstance(form, PasswordDialog) and not form.own and not form.current.isVisible()
    qtbot.keyClicks(form.password, "temp-1")
    qtbot.keyClicks(form.repeat, "temp-1")
    with qtbot.waitSignal(form.accepted, timeout=10_000):
        qtbot.keyClick(form.repeat, Qt.Key.Key_Return)
    assert "tess has a new password" in dialog.message.text()
    assert sign_in(boss, "tess", "temp-1").username == "tess"


@pytest.mark.parametrize(("role", "shown"), [(ADMIN, True), (THERAPIST, False)])
def test_users_and_backups_are_in_the_clinic_menu_for_admins_only(
    ctx: ServiceContext, qtbot: QtBot, role: object, shown: bool
) -> None:
    window = MainWindow(ctx.as_actor(role))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    assert window.users_action.isVisible() is shown
    assert window.backups_action.isVisible() is shown
    if shown:
        window.users_action.trigger()
        qtbot.waitUntil(lambda: window.users_dialog.isVisible())
        window.users_dialog.close()


def test_a_therapist_who_gets_the_dialog_anyway_sees_no_accounts(
    boss: ServiceContext, qtbot: QtBot
) -> None:
    dialog = open_dialog(boss.as_actor(THERAPIST), qtbot)
    said = dialog.message.text()
    assert rows(dialog) == [] and "Your role (therapist) does not allow you to manage users" in said
    assert not dialog.add_button.isEnabled()
