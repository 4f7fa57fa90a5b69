"""The main window opens the program builder (Ctrl+Shift+P) and the Reports view (Ctrl+R)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.ui.main_window import MainWindow
from mobileathlete_desktop.ui.program_builder import ProgramBuilder
from mobileathlete_desktop.ui.reports_view import ReportsView

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_home_program_needs_a_client_then_opens_the_builder_for_them(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.search.clearFocus()
    window.table.clearSelection()
    window.page.client_id = None
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | SHIFT)
    assert "Choose a client first" in window.statusBar().currentMessage()
    window.select_client(clients.find_by_chart(window.ctx, "C-1").id)
    qtbot.waitUntil(lambda: "Ada Stridewell" in window.page.title.text())
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | SHIFT)
    builder = window.findChild(ProgramBuilder)
    assert builder is not None
    qtbot.waitUntil(builder.isVisible)
    assert "Ada Stridewell (C-1)" in builder.windowTitle()
    builder.close()


def test_reports_open_empty_from_the_menu_and_with_the_client_from_their_page(
    window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    view = window.findChild(ReportsView)
    assert view is not None
    qtbot.waitUntil(view.isVisible)
    assert view.chosen_ids() == []
    view.close()
    client_id = clients.find_by_chart(window.ctx, "C-1").id
    window.select_client(client_id)
    qtbot.waitUntil(window.page.report_button.isVisible)
    window.page.report_button.click()
    qtbot.waitUntil(lambda: window.reports_view.isVisible())
    assert window.reports_view.chosen_ids() == [client_id]
    window.reports_view.close()
