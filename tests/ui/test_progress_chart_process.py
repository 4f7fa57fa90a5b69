"""The Progress tab's first chart imports matplotlib on its worker, not on the UI thread
(the first import took 0.8-1.2 s and froze the window: bench/workday.py)."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui import progress_view
from mobileathlete_desktop.ui.client_page import ClientPage
from tests.reports.helpers import add_runner

DF = "ankle.dorsiflexion.knee_flexed"
VISITS = {
    date(2025, 1, 10): {(DF, "left", "active"): 30.0},
    date(2025, 2, 7): {(DF, "left", "active"): 33.0},
}


def test_first_chart_imports_matplotlib_off_the_ui_thread(
    ctx: ServiceContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = progress_view.import_matplotlib
    on_ui: list[bool] = []

    def watched() -> None:
        on_ui.append(threading.current_thread() is threading.main_thread())
        real()

    # As in a fresh process: nothing imported yet (a cached import makes the real one quick).
    monkeypatch.setattr(progress_view, "CHARTS_IMPORTED", threading.Event())
    monkeypatch.setattr(progress_view, "import_matplotlib", watched)
    client = add_runner(ctx, "P-1", "Ada", "Stridewell", VISITS)
    page = ClientPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    with qtbot.waitSignal(page.client_shown):
        page.show_client(client.id)
    beats: list[int] = []
    heartbeat = QTimer(page, interval=5)  # the UI thread keeps answering meanwhile
    heartbeat.timeout.connect(lambda: beats.append(1))
    heartbeat.start()
    with qtbot.waitSignal(page.progress.chart_shown, timeout=20_000):
        page.show_progress()
    heartbeat.stop()
    assert on_ui == [False]  # imported once, by the chart's worker
    assert page.progress.canvas is not None and page.progress.data is not None
    # A second chart kind imports nothing again.
    with qtbot.waitSignal(page.progress.chart_shown, timeout=20_000):
        page.progress.kind.setCurrentIndex(1)
    assert on_ui == [False]
