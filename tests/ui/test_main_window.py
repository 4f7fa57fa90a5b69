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


def test_a_long_list_loads_a_page_at_a_time_as_it_scrolls(
    ctx: ServiceContext, qtbot: QtBot
) -> None:
    from mobileathlete_desktop.storage.models import Client
    from mobileathlete_desktop.ui.client_list_model import PAGE

    with ctx.db.session() as session:
        session.add_all(
            Client(chart_number=f"L-{i:04d}", given_name="Synth", family_name=f"Pager{i:04d}")
            for i in range(PAGE * 2 + 50)
        )
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.model.rowCount() == PAGE
    qtbot.waitUntil(lambda: win.count_label.text() == f"{PAGE * 2 + 50} clients")
    # Ctrl+End in the list goes to the last row, which fetches the next page each time.
    win.table.setFocus()

    def end_reached() -> bool:
        qtbot.keyClick(win.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        return win.model.rowCount() == PAGE * 2 + 50

    qtbot.waitUntil(end_reached)
    assert win.model.client_at(PAGE * 2 + 49).chart_number == "L-0249"  # type: ignore[union-attr]
    # Sorting by chart number, descending, is done by the database over every match.
    win.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert win.model.client_at(0).chart_number == "L-0249"  # type: ignore[union-attr]
    assert win.model.rowCount() == PAGE
