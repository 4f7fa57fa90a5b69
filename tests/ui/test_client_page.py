"""The client's page reads a client off the UI thread in one service call: its history also
feeds the Progress tab, and a client chosen while another loads wins."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, overview
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.client_page import ClientPage
from tests.reports.helpers import add_runner

DF = "ankle.dorsiflexion.knee_flexed"
VISITS = {
    date(2025, 1, 10): {(DF, "left", "active"): 30.0, (DF, "right", "active"): 22.0},
    date(2025, 2, 7): {(DF, "left", "active"): 31.0, (DF, "right", "active"): 26.0},
}


@pytest.fixture
def page(ctx: ServiceContext, qtbot: QtBot) -> ClientPage:
    page = ClientPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


def test_choosing_a_client_reads_their_history_once_for_page_and_charts(
    ctx: ServiceContext, page: ClientPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = add_runner(ctx, "CP-1", "Ada", "Stridewell", VISITS)
    reads: list[int] = []

    def counting(real: Any) -> Any:
        def counted(*args: Any, **kwargs: Any) -> Any:
            reads.append(args[1])
            return real(*args, **kwargs)

        return counted

    # The page reads the list and the history together; the charts must read neither again.
    monkeypatch.setattr(assessments, "load_history", counting(assessments.load_history))
    monkeypatch.setattr(overview, "list_and_history", counting(overview.list_and_history))
    with qtbot.waitSignal(page.client_shown):
        page.show_client(client.id)
    assert "Ada Stridewell" in page.title.text()
    assert page.assessments.rowCount() == 2
    assert page.findings.heading.text().startswith("Findings from")
    page.show_progress()
    # The first chart may wait for the chart process to start (seconds on a busy machine).
    qtbot.waitUntil(
        lambda: page.progress.data is not None and not page.progress.loading, timeout=60_000
    )
    page.progress.kind.setCurrentIndex(2)  # another chart of the same client
    qtbot.waitUntil(lambda: page.progress.data.kind == "profile" and not page.progress.loading)  # type: ignore[union-attr]
    assert reads == [client.id]


def test_a_client_chosen_while_another_loads_wins(
    ctx: ServiceContext, page: ClientPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = add_runner(ctx, "CP-A", "Slow", "Loader", VISITS)
    quick = add_runner(ctx, "CP-B", "Quick", "Answer", VISITS)
    real = overview.client_overview
    shown_quick = threading.Event()
    answered: list[int] = []

    def held(ctx: ServiceContext, client_id: int, **kwargs: Any) -> Any:
        if client_id == slow.id:
            shown_quick.wait(10)  # the first client's answer comes last
        answered.append(client_id)
        return real(ctx, client_id, **kwargs)

    monkeypatch.setattr(overview, "client_overview", held)
    page.show_client(slow.id)
    with qtbot.waitSignal(page.client_shown) as signal:
        page.show_client(quick.id)
    assert signal.args == [quick.id]
    shown_quick.set()
    qtbot.waitUntil(lambda: answered == [quick.id, slow.id])
    qtbot.waitUntil(lambda: not page.loading)
    assert "Quick Answer" in page.title.text()
    assert page.client is not None and page.client.id == quick.id
    assert page.progress.client_id == quick.id


def test_a_client_that_cannot_be_read_is_said_in_a_message(
    ctx: ServiceContext, page: ClientPage, qtbot: QtBot
) -> None:
    page.show_client(999)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in page.findChildren(QMessageBox)))
    box = next(b for b in page.findChildren(QMessageBox) if b.isVisible())
    assert "999" in box.text()
    assert page.client is None and page.title.text() == "No client selected"
    box.close()
