"""Clients in the main window: keyboard entry, bad input said in place, search, open, archive."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.main_window import MainWindow
from tests.ui.keys import press, tab_to, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def fill_new_client(window: MainWindow, qtbot: QtBot, chart: str, born: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | SHIFT)
    qtbot.waitUntil(
        lambda: window.client_dialog is not None and window.client_dialog.isActiveWindow()
    )
    dialog = window.client_dialog
    assert dialog is not None
    tab_to(qtbot, dialog.line("chart_number"))
    type_text(qtbot, chart)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Testa")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Runnerton")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, born)
    tab_to(qtbot, dialog.line("weekly_distance_km"))
    type_text(qtbot, "45")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "7")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Marathon")
    press(qtbot, Qt.Key.Key_Return)


def test_a_client_is_created_by_keyboard_and_shown(
    window: MainWindow, qtbot: QtBot, ctx: ServiceContext
) -> None:
    fill_new_client(window, qtbot, "C-2", "1994-06-01")
    qtbot.waitUntil(lambda: "Testa Runnerton" in window.page.title.text())
    saved = clients.find_by_chart(ctx, "C-2")
    assert saved.weekly_distance_km == 45 and saved.goal_event == "Marathon"
    assert window.model.rowCount() == 2
    assert "45 km/week" in window.page.profile.text()


@pytest.mark.parametrize(
    ("chart", "born", "field", "message"),
    [
        ("C-1", "1994-06-01", "chart_number", "already used"),
        ("C-3", (date.today() + timedelta(days=2)).isoformat(), "date_of_birth", "future"),
        ("C-3", "1994-13-01", "date_of_birth", "not a real date"),
    ],
)
def test_bad_client_input_is_said_beside_the_field_and_nothing_is_saved(
    window: MainWindow,
    qtbot: QtBot,
    ctx: ServiceContext,
    chart: str,
    born: str,
    field: str,
    message: str,
) -> None:
    fill_new_client(window, qtbot, chart, born)
    dialog = window.client_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: message in dialog.problems.text())
    assert dialog.isVisible()
    assert message in dialog.fields[field].toolTip()
    assert dialog.labels[field].text().startswith("⚠")
    assert clients.count_clients(ctx) == 1


def test_search_as_you_type_then_enter_opens_and_ctrl_n_starts_an_assessment(
    window: MainWindow, qtbot: QtBot, ctx: ServiceContext
) -> None:
    clients.create_client(ctx, clients.ClientInput("C-9", "Bo", "Fleetfoot", date(1988, 5, 5)))
    window.refresh_clients()
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    type_text(qtbot, "1988")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Bo Fleetfoot" in window.page.title.text())
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(
        lambda: window.assessment_dialog is not None and window.assessment_dialog.isActiveWindow()
    )
    dialog = window.assessment_dialog
    assert dialog is not None
    assert dialog.kind.currentText() == "initial"
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.editors) == 1)
    editor = next(iter(window.editors.values()))
    assert "Bo Fleetfoot" in editor.title.text()
    qtbot.waitUntil(lambda: window.page.assessments.rowCount() == 1)
    assert "Draft" in window.page.assessments.item(0, 3).text()
    editor.close()


def test_a_future_assessment_date_is_refused_in_the_dialog(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.select_client(window.model.client_at(0).id)  # type: ignore[union-attr]
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(
        lambda: window.assessment_dialog is not None and window.assessment_dialog.isActiveWindow()
    )
    dialog = window.assessment_dialog
    assert dialog is not None
    type_text(qtbot, (date.today() + timedelta(days=1)).isoformat())
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "future" in dialog.problems.text())
    assert dialog.isVisible() and dialog.created is None


def test_sorting_by_chart_and_archiving_hides_a_client(
    admin_window: MainWindow, qtbot: QtBot, ctx: ServiceContext
) -> None:
    window = admin_window  # archiving is an admin's job
    clients.create_client(ctx, clients.ClientInput("A-0", "Cy", "Zephyr", date(1985, 1, 1)))
    window.refresh_clients()
    assert window.model.client_at(0).family_name == "Stridewell"  # type: ignore[union-attr]
    window.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert window.model.client_at(0).chart_number == "A-0"  # type: ignore[union-attr]
    window.select_client(window.model.client_at(0).id)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "Cy Zephyr" in window.page.title.text())
    qtbot.mouseClick(window.page.archive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.show_archived.setChecked(True)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
