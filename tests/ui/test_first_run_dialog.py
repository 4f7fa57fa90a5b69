"""First start: the clinic and its first admin are created from the dialog."""

from __future__ import annotations

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
    fill(dialog, qtbot, "secret", "secret")
    dialog.grab().save("/tmp/trust-first-run.png")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.create_admin()
    assert dialog.actor is not None and dialog.actor.role == "admin"
    assert sign_in(ctx, "boss", "secret").display_name == "Boss Admin"


def test_passwords_that_differ_create_nothing(ctx: ServiceContext, qtbot: QtBot) -> None:
    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, qtbot, "secret", "secreT")
    dialog.create_admin()
    assert dialog.message.text() == "The two passwords differ"
    assert not has_users(ctx.db)
