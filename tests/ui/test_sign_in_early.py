"""The sign-in dialog before the clinic is open: it shows at once, waits for the clinic when
Enter comes first, and fills in the clinic without moving what the person types in."""

from __future__ import annotations

import argparse
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.commands import gui
from mobileathlete_desktop.ui.sign_in_dialog import OpenedClinic, SignInDialog

from ..conftest import ClinicTemplates


@pytest.fixture
def demo_path(tmp_path: Path, clinic_templates: ClinicTemplates) -> Path:
    return clinic_templates.copy(tmp_path / "clinic.sqlite3", clients=2)


@pytest.fixture
def held_open(demo_path: Path) -> Iterator[tuple[threading.Event, Callable[[], OpenedClinic]]]:
    """An opener that waits for the test's go before opening the clinic (a slow disk)."""
    go = threading.Event()
    opened: list[OpenedClinic] = []

    def opener() -> OpenedClinic:
        assert go.wait(30)
        clinic = gui.open_in_background(argparse.Namespace(db=str(demo_path), demo=False))
        opened.append(clinic)
        return clinic

    yield go, opener
    go.set()
    for clinic in opened:
        clinic.ctx.db.dispose()


def test_dialog_is_up_before_the_clinic_opens_and_enter_waits_for_it(
    held_open: tuple[threading.Event, Callable[[], OpenedClinic]], qtbot: QtBot
) -> None:
    go, opener = held_open
    dialog = SignInDialog(demo_expected=True)
    qtbot.addWidget(dialog)
    dialog.open_in_background(opener)
    with qtbot.waitSignal(dialog.shown, timeout=10_000):
        dialog.show()
    assert dialog.ctx is None and dialog.location.text() == "Opening the clinic…"
    where = dialog.username.geometry(), dialog.password.geometry(), dialog.size()
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "demo")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    # Enter before the clinic is open: it waits, and says so.
    assert not dialog.sign_in_button.isEnabled()
    assert dialog.sign_in_button.text() == "Opening the clinic…"
    assert dialog.actor is None and dialog.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        go.set()
    assert dialog.actor is not None and dialog.actor.username == "admin"
    assert dialog.demo_hint.isVisibleTo(dialog) and "clinic.sqlite3" in dialog.location.text()
    # The demo hint had its room kept: nothing the person typed into moved.
    assert (dialog.username.geometry(), dialog.password.geometry(), dialog.size()) == where


def test_the_clinic_opened_first_then_enter_signs_in_at_once(
    held_open: tuple[threading.Event, Callable[[], OpenedClinic]], qtbot: QtBot
) -> None:
    go, opener = held_open
    go.set()
    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    dialog.open_in_background(opener)
    with qtbot.waitSignal(dialog.clinic_ready, timeout=20_000):
        dialog.show()
    assert dialog.sign_in_button.text() == "Sign in" and dialog.sign_in_button.isEnabled()
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "wrong")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.message.isVisible, timeout=10_000)
    assert "Wrong user name or password" in dialog.message.text()
    qtbot.keyClicks(dialog.password, "demo")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_no_heavy_module_is_needed_to_show_the_dialog() -> None:
    """The dialog's module loads no service (the window path shows it before SQLAlchemy)."""
    import subprocess
    import sys

    code = (
        "import sys; import mobileathlete_desktop.ui.sign_in_dialog, "
        "mobileathlete_desktop.commands.gui, mobileathlete_desktop.cli; "
        "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', "
        "'mobileathlete_desktop.services', 'mobileathlete_desktop.storage'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_enter_while_the_window_s_modules_load_waits_then_signs_in(
    held_open: tuple[threading.Event, Callable[[], OpenedClinic]], qtbot: QtBot
) -> None:
    """The clinic is ready to sign in with once the window's modules are in (commands/gui.py
    imports them on the UI thread through `before_ready`): Enter meanwhile waits for them."""
    go, opener = held_open
    go.set()
    held: list[Callable[[], None]] = []
    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    dialog.before_ready = held.append
    dialog.open_in_background(opener)
    dialog.show()
    qtbot.waitUntil(lambda: bool(held), timeout=20_000)
    assert "clinic.sqlite3" in dialog.location.text()  # open, said at once
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "demo")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert not dialog.sign_in_button.isEnabled() and dialog.actor is None
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        held[0]()
    assert dialog.actor is not None and dialog.actor.username == "admin"
