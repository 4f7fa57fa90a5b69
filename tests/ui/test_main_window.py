"""The main window: opens on the clinic, searches as you type, Ctrl+F and Enter open a client."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(ctx: ServiceContext, qtbot: QtBot) -> MainWindow:
    for chart, given, family in (
        ("W-1", "Ada", "Stridewell"),
        ("W-2", "Bo", "Fleetfoot"),
        ("W-3", "Cy", "Longstride"),
    ):
        made = clients.create_client(
            ctx, clients.ClientInput(chart, given, family, date(1990, 1, 1), "female")
        )
    assessments.create_assessment(ctx, made.id, date(2026, 1, 5), kind="initial")
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_window_lists_every_client(window: MainWindow) -> None:
    assert window.model.rowCount() == 3
    assert window.count_label.text() == "3 clients"


def test_typing_narrows_the_list_and_enter_opens_the_client(
    window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "longst")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Cy Longstride" in window.page.title.text())
    assert "W-3" in window.page.title.text()
    assert window.page.assessments.rowCount() == 1
    assert window.page.assessments.item(0, 1).text() == "Initial"


def test_search_with_no_match_says_so(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.search, "zzz")
    qtbot.waitUntil(lambda: window.count_label.text() == "0 clients")
    assert window.page.client_id is None
