"""The client count under the list: a long list's count is read off the UI thread, and only
the newest search's count is shown."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThreadPool
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.models import Client
from mobileathlete_desktop.ui import main_window
from mobileathlete_desktop.ui.client_list_model import PAGE
from mobileathlete_desktop.ui.main_window import MainWindow


def test_a_long_list_is_counted_off_the_ui_thread_and_the_newest_count_wins(
    ctx: ServiceContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ctx.db.session() as session:
        session.add_all(
            Client(chart_number=f"K-{i:04d}", given_name="Synth", family_name=f"Counter{i:04d}")
            for i in range(PAGE + 20)
        )
        session.add_all(
            Client(chart_number=f"M-{i:04d}", given_name="Synth", family_name=f"Many{i:04d}")
            for i in range(PAGE + 5)
        )
    counted_on: list[str] = []
    release = threading.Event()
    real = main_window.client_service.count_clients

    def count(*args: object, **kwargs: object) -> int:
        counted_on.append(threading.current_thread().name)
        if args[1] == "counter":  # the first search's count comes last
            assert release.wait(10)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(main_window.client_service, "count_clients", count)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.count_label.text() == f"{2 * PAGE + 25} clients")
    window.search.setFocus()
    qtbot.keyClicks(window.search, "counter")
    qtbot.waitUntil(lambda: window.model.rowCount() == PAGE and len(counted_on) == 2)
    # The list is up at once; its count says "more than a page" until it comes.
    assert window.count_label.text() == f"{PAGE}+ clients"
    window.search.selectAll()
    qtbot.keyClicks(window.search, "many")
    qtbot.waitUntil(lambda: window.count_label.text() == f"{PAGE + 5} clients")
    release.set()  # the older search's count arrives now: not shown over the newer one
    assert QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.processEvents()  # its answer, posted to the UI thread, is delivered
    assert len(counted_on) == 3
    assert window.count_label.text() == f"{PAGE + 5} clients"
    assert threading.main_thread().name not in counted_on
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
