"""After the first start the admin sees the next steps, each done from its button, until done."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from mobileathlete_desktop.services import accounts
from mobileathlete_desktop.services.clients import ClientInput, create_client
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.models import Clinic
from mobileathlete_desktop.ui.main_window import MainWindow
from tests.conftest import THERAPIST


@pytest.fixture
def boss(ctx: ServiceContext) -> ServiceContext:
    """The first admin of a brand-new clinic, just signed in."""
    accounts.create_first_admin(ctx.db, "North PT", "boss", "Boss Admin", "boss-secret")
    return ctx.as_actor(accounts.sign_in(ctx, "boss", "boss-secret"))


def open_window(ctx: ServiceContext, qtbot: QtBot) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_a_new_clinic_shows_three_steps_that_go_once_done(
    boss: ServiceContext, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_window(boss, qtbot)
    panel = window.next_steps
    assert panel.isVisible()
    assert "No therapist accounts yet" in panel.therapists_state.text()
    assert "No clients yet" in panel.import_state.text()
    assert "beside the database" in panel.backup_state.text()

    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: hasattr(window, "users_dialog") and window.users_dialog.isVisible())
    accounts.create_user(boss, "tess", "Tess PT", "therapist", "secret")
    window.users_dialog.close()
    qtbot.waitUntil(lambda: panel.therapists_state.text() == "✓ 1 therapist can sign in")

    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.backups_dialog.isActiveWindow())
    dialog = window.backups_dialog
    dialog.folder.selectAll()
    qtbot.keyClicks(dialog.folder, str(tmp_path / "usb"))
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.backup_state.text() == f"✓ Backups go to {tmp_path / 'usb'}")
    assert panel.isVisible()

    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: hasattr(window, "import_dialog") and window.import_dialog.isVisible())
    window.import_dialog.close()
    create_client(boss, ClientInput("C-1", "Ada", "Stridewell"))
    panel.refresh()
    assert not panel.isVisible()  # every step done


def test_the_steps_can_be_hidden(boss: ServiceContext, qtbot: QtBot) -> None:
    window = open_window(boss, qtbot)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not window.next_steps.isVisible())
    window.next_steps.refresh()
    assert not window.next_steps.isVisible()


def test_no_steps_for_a_therapist_or_in_the_demo_clinic(boss: ServiceContext, qtbot: QtBot) -> None:
    therapist = open_window(boss.as_actor(THERAPIST), qtbot)
    assert not therapist.next_steps.isVisibleTo(therapist)
    with boss.db.session() as session:
        session.execute(update(Clinic).values(is_demo=True))
    admin = open_window(boss, qtbot)
    assert not admin.next_steps.isVisibleTo(admin)
