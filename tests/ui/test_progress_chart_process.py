"""The Progress tab's charts are drawn in the chart process (charts/process.py), never with
matplotlib on the window's threads: matplotlib's drawing held the GIL long enough to freeze
the window 55-75 ms (bench/workday.py). When that process dies the chart still comes (drawn
on a worker, or by a new process); closing the window ends it."""

from __future__ import annotations

import logging
import os
import signal
import threading
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.charts import picture as chart_picture
from mobileathlete_desktop.charts import process as chart_process
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.client_page import ClientPage
from tests.reports.helpers import add_runner

DF = "ankle.dorsiflexion.knee_flexed"
VISITS = {
    date(2025, 1, 10): {(DF, "left", "active"): 30.0},
    date(2025, 2, 7): {(DF, "left", "active"): 33.0},
}


@pytest.fixture
def page(ctx: ServiceContext, qtbot: QtBot) -> ClientPage:
    client = add_runner(ctx, "P-1", "Ada", "Stridewell", VISITS)
    page = ClientPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    with qtbot.waitSignal(page.client_shown):
        page.show_client(client.id)
    return page


def next_kind(page: ClientPage, qtbot: QtBot) -> None:
    view = page.progress
    with qtbot.waitSignal(view.chart_shown, timeout=60_000):
        view.kind.setCurrentIndex((view.kind.currentIndex() + 1) % view.kind.count())


def test_charts_are_drawn_by_the_chart_process(page: ClientPage, qtbot: QtBot) -> None:
    with qtbot.waitSignal(page.progress.chart_shown, timeout=60_000):
        page.show_progress()
    first = page.progress.data
    assert first is not None and page.progress.canvas is not None
    child = chart_process.CHARTS.pid
    assert child is not None and first.picture.drawn_by == child != os.getpid()
    next_kind(page, qtbot)  # the same process draws the next one
    assert page.progress.data is not None and page.progress.data.picture.drawn_by == child


def test_a_killed_chart_process_does_not_cost_the_next_chart(
    page: ClientPage, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    with qtbot.waitSignal(page.progress.chart_shown, timeout=60_000):
        page.show_progress()
    killed = chart_process.CHARTS.pid
    assert killed is not None
    os.kill(killed, signal.SIGKILL)
    with caplog.at_level(logging.WARNING, logger="mobileathlete_desktop.charts.process"):
        next_kind(page, qtbot)  # drawn here (the process was found dead) or by a new one
        assert page.progress.data is not None and page.progress.data.kind == "asymmetry"
        assert page.progress.data.picture.drawn_by != killed
        next_kind(page, qtbot)
    assert "the chart process died" in caplog.text
    # A new process draws again.
    drawn_by = page.progress.data.picture.drawn_by
    assert drawn_by == chart_process.CHARTS.pid and drawn_by not in (killed, os.getpid())
    assert page.progress.data.kind == "profile"


def test_without_the_process_charts_are_drawn_on_a_worker_not_the_ui_thread(
    page: ClientPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    chart_process.stop()
    monkeypatch.setattr(chart_process.CHARTS, "deaths", chart_process.MAX_DEATHS)  # gave up
    real = chart_picture.draw_picture
    on_ui: list[bool] = []

    def watched(request: chart_picture.ChartRequest) -> chart_picture.ChartPicture:
        on_ui.append(threading.current_thread() is threading.main_thread())
        return real(request)

    monkeypatch.setattr(chart_process, "draw_picture", watched)
    with qtbot.waitSignal(page.progress.chart_shown, timeout=60_000):
        page.show_progress()
    assert on_ui == [False]
    assert page.progress.data is not None and page.progress.data.picture.drawn_by == os.getpid()
    assert chart_process.CHARTS.pid is None


def test_closing_the_window_ends_the_chart_process(page: ClientPage, qtbot: QtBot) -> None:
    import multiprocessing

    with qtbot.waitSignal(page.progress.chart_shown, timeout=60_000):
        page.show_progress()
    child = chart_process.CHARTS.pid
    assert child is not None
    assert any(p.pid == child for p in multiprocessing.active_children())
    page.close()
    assert chart_process.CHARTS.pid is None
    assert not any(p.pid == child for p in multiprocessing.active_children())
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)  # ended and reaped, not a zombie
