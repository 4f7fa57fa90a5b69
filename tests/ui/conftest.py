"""Fixtures shared by the window tests."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(ctx: ServiceContext, qtbot: QtBot) -> MainWindow:
    """The main window, active, on a clinic with one client (C-1, Ada Stridewell)."""
    clients.create_client(ctx, clients.ClientInput("C-1", "Ada", "Stridewell", date(1990, 1, 1)))
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win
