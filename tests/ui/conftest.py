"""Fixtures shared by the window tests.

`window` is the main window signed in as a therapist (the default `ctx`); `admin_window`
the same clinic seen by an admin (archiving, imports, users, backups, the audit log).
Leftover windows and unfinished background work fail a test (tests/conftest.py).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui import garbage
from mobileathlete_desktop.ui.main_window import MainWindow


# Python's garbage collector as in the program (ui/app.py installs ui/garbage.py): automatic
# collection off, collected on the UI thread from the event loop, never on a pool thread or
# inside a paint (either crashed the suite). Only for this folder's tests.
@pytest.fixture(scope="package", autouse=True)
def garbage_collector(qapp: QApplication) -> Iterator[garbage.GarbageCollector]:
    """The window tests' collector (ui/garbage.py), as the program installs it."""
    collector = garbage.install(qapp)
    yield collector
    collector.uninstall()
    collector.setParent(None)  # not left as the application's child for later tests to find
    collector.deleteLater()


@pytest.fixture(autouse=True)
def collected_before_each_test(garbage_collector: garbage.GarbageCollector) -> None:
    """What the previous test left in reference cycles goes now, at a safe point: its windows
    are closed, its background work is finished, and nothing is being painted."""
    gc.collect()


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
