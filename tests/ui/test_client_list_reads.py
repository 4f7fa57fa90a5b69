"""The client list reads the clinic once when the window opens, and again for a new order."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui import client_list_model
from mobileathlete_desktop.ui.main_window import MainWindow


def test_a_new_window_searches_once_and_a_header_click_searches_again(
    ctx: ServiceContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n, family in enumerate(("Stridewell", "Paceford", "Tempo")):
        clients.create_client(ctx, clients.ClientInput(f"C-{n}", "Ada", family, date(1990, 1, 1)))
    searches: list[str] = []
    real = client_list_model.client_service.search_clients
    monkeypatch.setattr(
        client_list_model.client_service,
        "search_clients",
        lambda *a, **k: searches.append(k.get("order", "")) or real(*a, **k),
    )
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert len(searches) == 1  # was 4: the view's set-up sorts re-ran the search
    assert [window.model.client_at(r).family_name for r in range(3)] == [  # type: ignore[union-attr]
        "Paceford",
        "Stridewell",
        "Tempo",
    ]
    header = window.table.horizontalHeader()
    first_column = QPoint(header.sectionViewportPosition(0) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=first_column)
    qtbot.waitUntil(lambda: len(searches) == 2)
    assert [window.model.client_at(r).family_name for r in range(3)] == [  # type: ignore[union-attr]
        "Tempo",
        "Stridewell",
        "Paceford",
    ]
