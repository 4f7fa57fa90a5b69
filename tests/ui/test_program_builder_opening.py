"""The program builder's opening: its first frame is built and painted before the latest saved
program is read, so that read's worker does not take the interpreter from the UI thread while
it draws (issue 22)."""

from __future__ import annotations

import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QBoxLayout, QScrollArea, QSplitter
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui import service_adapter
from mobileathlete_desktop.ui.program_builder import ProgramBuilder
from tests.conftest import THERAPIST


@pytest.fixture
def client_id(ctx: ServiceContext) -> int:
    made = clients.create_client(
        ctx, clients.ClientInput("PB-O1", "Ines", "Brookfield", date(1990, 2, 3), "female")
    )
    return made.id


@pytest.fixture
def store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


class Timeline:
    """When the builder's reads started and ended (and whether its frame was painted then)."""

    def __init__(self) -> None:
        self.events: list[tuple[str, float]] = []
        self.painted_at_read: bool | None = None
        self.builder: ProgramBuilder | None = None  # whose first frame is looked at
        self.lock = threading.Lock()

    def note(self, what: str) -> None:
        with self.lock:
            self.events.append((what, time.perf_counter()))

    def at(self, what: str) -> float:
        return next(t for name, t in self.events if name == what)

    def names(self) -> list[str]:
        return [name for name, _t in self.events]


@pytest.fixture
def timeline(monkeypatch: pytest.MonkeyPatch) -> Timeline:
    seen = Timeline()
    latest_program = service_adapter.latest_program

    def reading_latest(ctx: Any, client_id: int) -> Any:
        seen.note("latest started")
        if seen.builder is not None:
            seen.painted_at_read = seen.builder.opening.first_frame
        try:
            return latest_program(ctx, client_id)
        finally:
            seen.note("latest ended")

    monkeypatch.setattr(service_adapter, "latest_program", reading_latest)
    return seen


def _builder(
    ctx: ServiceContext, client_id: int, store: QSettings, qtbot: QtBot, seen: Timeline
) -> ProgramBuilder:
    builder = ProgramBuilder(ctx.as_actor(THERAPIST), client_id, store=store)
    qtbot.addWidget(builder, before_close_func=lambda w: setattr(w, "dirty", False))
    seen.builder = builder
    return builder


def test_a_shown_builder_reads_its_program_after_its_first_frame(
    ctx: ServiceContext, client_id: int, store: QSettings, qtbot: QtBot, timeline: Timeline
) -> None:
    builder = _builder(ctx, client_id, store, qtbot, timeline)
    builder.show()
    # Nothing is read while the window is built and shown.
    assert "latest started" not in timeline.names()
    assert builder.loading is not None and not builder.loading.running
    qtbot.waitUntil(lambda: builder.loading is None)
    assert timeline.painted_at_read is True  # the first frame was on screen before the read
    assert "No saved program yet" in builder.status.text()


def test_a_builder_shown_on_the_next_turn_reads_after_its_first_frame(
    ctx: ServiceContext, client_id: int, store: QSettings, qtbot: QtBot, timeline: Timeline
) -> None:
    # The main window shows a builder on the turn after it is built (ui.main_window): the
    # read started at once then, as the window was not visible yet, beside its first frames.
    builder = _builder(ctx, client_id, store, qtbot, timeline)
    QTimer.singleShot(0, builder.show)
    qtbot.waitUntil(lambda: builder.loading is None)
    assert timeline.painted_at_read is True
    assert "No saved program yet" in builder.status.text()


def test_a_builder_never_shown_still_reads_its_program(
    ctx: ServiceContext, client_id: int, store: QSettings, qtbot: QtBot, timeline: Timeline
) -> None:
    builder = _builder(ctx, client_id, store, qtbot, timeline)
    qtbot.waitUntil(lambda: builder.loading is None)
    assert "latest ended" in timeline.names()


def test_closing_before_the_first_frame_reads_nothing(
    ctx: ServiceContext, client_id: int, store: QSettings, qtbot: QtBot, timeline: Timeline
) -> None:
    builder = _builder(ctx, client_id, store, qtbot, timeline)
    builder.show()
    builder.close()  # Escape at once: the read is dropped before it starts
    qtbot.waitUntil(lambda: builder.opening.started)  # the deferred start came, and found it closed
    assert builder.loading is None
    assert "latest started" not in timeline.names()


def test_a_narrow_window_stacks_the_library_filters_instead_of_scrolling_sideways(
    ctx: ServiceContext, client_id: int, store: QSettings, qtbot: QtBot, timeline: Timeline
) -> None:
    # 150 % scaling on a 1366x768 laptop leaves the builder about 865x486: the two filters
    # side by side made the library panel scroll sideways (Spanish: 49-95 px).
    builder = _builder(ctx, client_id, store, qtbot, timeline)
    builder.show()
    panel = builder.library_panel
    viewport = panel.parentWidget()
    assert viewport is not None
    area = viewport.parentWidget()  # the panel's scroll area
    assert isinstance(area, QScrollArea)
    splitter = builder.findChild(QSplitter)
    assert splitter is not None
    builder.resize(1280, 729)
    splitter.setSizes([380, 900])
    qtbot.waitUntil(lambda: panel._filters.direction() == QBoxLayout.Direction.LeftToRight)
    builder.resize(865, 486)
    splitter.setSizes([240, 625])
    qtbot.waitUntil(lambda: panel._filters.direction() == QBoxLayout.Direction.TopToBottom)
    qtbot.waitUntil(lambda: area.horizontalScrollBar().maximum() == 0)
    assert builder.category.width() >= builder.category.sizeHint().width()  # names not cut


def test_closing_after_the_first_frame_but_before_the_reads_reads_no_picture(
    ctx: ServiceContext,
    client_id: int,
    store: QSettings,
    qtbot: QtBot,
    timeline: Timeline,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Shown and painted (the drills' pictures asked for and held), then closed before the
    # reads start: nothing is read for a window going away (a picture job on a closed
    # builder ran into the test's teardown).
    from mobileathlete_desktop.services import drill_images

    pictures_read: list[object] = []
    real = drill_images.drill_images
    monkeypatch.setattr(
        drill_images,
        "drill_images",
        lambda *a, **k: pictures_read.append(a) or real(*a, **k),
    )
    builder = _builder(ctx, client_id, store, qtbot, timeline)
    builder.show()
    builder.library_list.viewport().repaint()
    assert builder.pictures.reading  # asked for, held until the reads start
    builder.close()
    qtbot.waitUntil(lambda: builder.opening.started)
    assert "latest started" not in timeline.names()
    assert pictures_read == []
