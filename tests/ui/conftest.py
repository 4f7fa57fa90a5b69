"""Fixtures shared by the window tests.

`window` is the main window signed in as a therapist (the default `ctx`); `admin_window`
the same clinic seen by an admin (archiving, imports, users, backups, the audit log).
Leftover windows and unfinished background work fail a test (tests/conftest.py).
"""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.main_window import MainWindow


def _open_window(ctx: ServiceContext, qtbot: QtBot) -> MainWindow:
    clients.create_client(ctx, clients.ClientInput("C-1", "Ada", "Stridewell", date(1990, 1, 1)))
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


@pytest.fixture
def window(ctx: ServiceContext, qtbot: QtBot) -> MainWindow:
    """The main window for a therapist, active, on a clinic with one client (C-1, Ada
    Stridewell)."""
    return _open_window(ctx, qtbot)


@pytest.fixture
def admin_window(admin_ctx: ServiceContext, qtbot: QtBot) -> MainWindow:
    """The main window for an admin, active, on a clinic with one client (C-1)."""
    return _open_window(admin_ctx, qtbot)
