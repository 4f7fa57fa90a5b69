"""First start: the clinic and its first admin are created from the dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services.accounts import has_users, sign_in
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.first_run_dialog import FirstRunDialog


def fill(dialog: FirstRunDialog, qtbot: QtBot, password: str, repeat: str) -> None:
    qtbot.keyClicks(dialog.clinic, "North Track PT")
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, "boss")
    qtbot.keyClicks(dialog.display_name, "Boss Admin")
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClicks(dialog.repeat, repeat)


def test_first_admin_is_created_and_signed_in(ctx: ServiceContext, qtbot: QtBot) -> None:
    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, qtbot, "track and field", "track and field")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.role == "admin"
    assert sign_in(ctx, "boss", "track and field").display_name == "Boss Admin"


def test_passwords_that_differ_create_nothing(ctx: ServiceContext, qtbot: QtBot) -> None:
    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, qtbot, "track and field", "track and fielD")
    dialog.create_admin()
    assert dialog.message.text() == "The two passwords differ"
    assert not has_users(ctx.db)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("demo", "An admin's password must be at least 10 characters (this one has 4)"),
        ("123456789", "An admin's password must be at least 10 characters (this one has 9)"),
    ],
)
def test_a_short_admin_password_is_refused_with_the_rule(
    ctx: ServiceContext, qtbot: QtBot, password: str, message: str
) -> None:
    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, qtbot, password, password)
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert dialog.message.isVisible() and message in dialog.message.text()
    assert dialog.password.hasFocus() or not dialog.isActiveWindow()
    assert not has_users(ctx.db) and dialog.actor is None
