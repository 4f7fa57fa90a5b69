"""The Reports view reads the day's clients in one query on the thread pool: the statement
count does not grow with the clients seen, the window answers meanwhile, a list overtaken by
another is not shown, and a view closed meanwhile hears nothing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.reports import batch
from mobileathlete_desktop.ui.reports_view import ReportsView
from tests.conftest import ADMIN
from tests.reports.helpers import add_clinic, add_runner
from tests.ui.test_reports_view import ANKLE, listed, open_view, pick_day, store  # noqa: F401

DAY = date(2026, 3, 10)
NEXT_DAY = date(2026, 3, 11)


class Statements:
    """Counts the SQL statements run on the clinic while it is on."""

    def __init__(self) -> None:
        self.count = 0
        self.on = False

    def hit(self, *_args: Any) -> None:
        if self.on:
            self.count += 1


@pytest.fixture
def statements(ctx: ServiceContext) -> Iterator[Statements]:
    counter = Statements()
    event.listen(ctx.db.engine, "before_cursor_execute", counter.hit)
    yield counter
    event.remove(ctx.db.engine, "before_cursor_execute", counter.hit)


def statements_to_list(
    ctx: ServiceContext,
    qtbot: QtBot,
    settings: QSettings,
    counter: Statements,
) -> int:
    view = open_view(ctx, qtbot, settings)
    counter.count, counter.on = 0, True
    pick_day(qtbot, view, DAY)
    counter.on = False
    return counter.count


def test_listing_the_days_clients_takes_as_many_statements_for_many_clients_as_for_one(
    ctx: ServiceContext,
    qtbot: QtBot,
    store: QSettings,  # noqa: F811
    statements: Statements,
) -> None:
    add_clinic(ctx)
    add_runner(ctx, "ST-0", "Solo", "Firstly", {DAY: {ANKLE: 30}})
    one = statements_to_list(ctx, qtbot, store, statements)
    for n in range(1, 9):
        add_runner(ctx, f"ST-{n}", f"Runner{n}", f"Family{n}", {DAY: {ANKLE: 20 + n}})
    nine = statements_to_list(ctx, qtbot, store, statements)
    assert nine == one  # one query, not one a client (N+1)
    assert one <= 3


@pytest.fixture
def slow_listing(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[date, threading.Event]]:
    """A read of the clients seen up to a day waits for that day's gate (opened by the
    test; pool threads may start the reads in either order)."""
    gates = {DAY: threading.Event(), NEXT_DAY: threading.Event()}
    real = batch.clients_seen_between

    def waiting(ctx: ServiceContext, first: date, last: date) -> Any:
        assert gates[last].wait(10)
        return real(ctx, first, last)

    monkeypatch.setattr(batch, "clients_seen_between", waiting)
    yield gates
    for gate in gates.values():
        gate.set()


def seen_clinic(ctx: ServiceContext) -> None:
    add_clinic(ctx)
    add_runner(ctx, "RV-1", "Alpha", "Testerby", {DAY: {ANKLE: 30}})
    add_runner(ctx, "RV-3", "Gamma", "Elsewhen", {date(2026, 3, 11): {ANKLE: 28}})


def test_the_list_comes_later_and_the_window_answers_meanwhile(
    ctx: ServiceContext,
    qtbot: QtBot,
    store: QSettings,  # noqa: F811
    slow_listing: dict[date, threading.Event],
) -> None:
    seen_clinic(ctx)
    view = open_view(ctx, qtbot, store)
    view.first.setText(DAY.isoformat())
    view.last.setText(DAY.isoformat())
    qtbot.mouseClick(view.list_seen, Qt.MouseButton.LeftButton)
    assert view.listing is not None and listed(view) == {}
    assert "Looking for" in view.status.text()
    view.per_client.setChecked(True)  # the window answers while the list is read
    assert view.per_client.isChecked()
    slow_listing[DAY].set()
    qtbot.waitUntil(lambda: view.listing is None)
    assert listed(view) == {"Testerby, Alpha — RV-1 (1990-04-02)": True}
    assert "1 client seen 2026-03-10" in view.status.text()


def test_a_list_overtaken_by_another_is_not_shown(
    ctx: ServiceContext,
    qtbot: QtBot,
    store: QSettings,  # noqa: F811
    slow_listing: dict[date, threading.Event],
) -> None:
    seen_clinic(ctx)
    view = open_view(ctx, qtbot, store)
    view.first.setText(DAY.isoformat())
    view.last.setText(DAY.isoformat())
    first = view.list_clients_seen()
    view.last.setText(NEXT_DAY.isoformat())
    second = view.list_clients_seen()
    assert first is not None and second is not None
    slow_listing[NEXT_DAY].set()
    qtbot.waitUntil(lambda: not second.running)
    assert len(listed(view)) == 2
    slow_listing[DAY].set()  # the first (one day) answers last: not shown
    qtbot.waitUntil(lambda: not first.running)
    assert len(listed(view)) == 2 and "2026-03-11" in view.status.text()


def test_a_view_closed_while_listing_hears_nothing(
    ctx: ServiceContext,
    qtbot: QtBot,
    tmp_path: Path,
    slow_listing: dict[date, threading.Event],
) -> None:
    seen_clinic(ctx)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    view = ReportsView(ctx.as_actor(ADMIN), store=settings)  # as the main window opens it
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    view.show()
    view.first.setText(DAY.isoformat())
    view.last.setText(DAY.isoformat())
    job = view.list_clients_seen()
    assert job is not None
    with qtbot.waitSignal(view.destroyed):
        view.close()
    slow_listing[DAY].set()
    pool = QThreadPool.globalInstance()
    qtbot.waitUntil(lambda: pool.activeThreadCount() == 0, timeout=10_000)
    qtbot.waitUntil(lambda: job.control.outcome is None)  # the answer taken, unheard
