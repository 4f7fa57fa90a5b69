"""The builder reads the latest saved program and saves on the thread pool (issue 22): the window
opens and answers meanwhile, says it is saving, loses nothing when a save fails, and keeps what
the therapist did before the latest program came."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.services import clients as client_service
from mobileathlete_desktop.services import programs as program_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.errors import StorageError
from mobileathlete_desktop.ui.main_window import MainWindow
from mobileathlete_desktop.ui.program_builder import ProgramBuilder
from tests.conftest import THERAPIST
from tests.ui.test_program_builder import (  # noqa: F401
    add_by_keyboard,
    client_id,
    open_builder,
    save_and_wait,
    store,
)


class Gate:
    """Stands in for a service call: records the thread it ran on, waits for the test."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.go = threading.Event()
        self.threads: list[int] = []
        self.fail: Exception | None = None

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.threads.append(threading.get_ident())
        assert self.go.wait(10), "the test never let the call finish"
        if self.fail is not None:
            raise self.fail
        return self.real(*args, **kwargs)


@pytest.fixture
def gated_latest(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    gate = Gate(program_service.latest_program)
    monkeypatch.setattr(program_service, "latest_program", gate)
    yield gate
    gate.go.set()  # never leave a pool thread waiting


@pytest.fixture
def gated_save(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    gate = Gate(program_service.save_program)
    monkeypatch.setattr(program_service, "save_program", gate)
    yield gate
    gate.go.set()


def _saved_program(ctx: ServiceContext, client: int) -> ProgramRecord:
    item = ProgramItemRecord("control.bird_dog", sets=3, reps=8)
    return program_service.save_program(
        ctx.as_actor(THERAPIST),
        ProgramRecord(
            id=None,
            client_id=client,
            date=None,
            title="Saved before",
            items=(item,),
            notes="",
            summary="",
            therapist="",
        ),
    )


def _builder(ctx: ServiceContext, client: int, settings: QSettings, qtbot: QtBot) -> ProgramBuilder:
    builder = ProgramBuilder(ctx.as_actor(THERAPIST), client, store=settings)
    qtbot.addWidget(builder, before_close_func=lambda w: setattr(w, "dirty", False))
    builder.show()
    return builder


def test_the_latest_program_is_read_on_the_pool_and_shown_when_it_comes(
    ctx: ServiceContext,
    client_id: int,  # noqa: F811
    store: QSettings,  # noqa: F811
    qtbot: QtBot,
    gated_latest: Gate,
) -> None:
    _saved_program(ctx, client_id)
    builder = _builder(ctx, client_id, store, qtbot)
    # Open and answering before the program is read: it says it is reading.
    assert builder.isVisible() and builder.model.rowCount() == 0
    assert builder.status.text() == "Reading the latest saved program…"
    gated_latest.go.set()
    qtbot.waitUntil(lambda: builder.loading is None)
    assert gated_latest.threads and threading.get_ident() not in gated_latest.threads
    assert [i.exercise_code for i in builder.model.items] == ["control.bird_dog"]
    assert builder.title_edit.text() == "Saved before" and not builder.dirty
    assert builder.program is not None and builder.status.text().startswith("Latest saved")


def test_drills_added_before_the_latest_program_came_are_kept(
    ctx: ServiceContext,
    client_id: int,  # noqa: F811
    store: QSettings,  # noqa: F811
    qtbot: QtBot,
    gated_latest: Gate,
) -> None:
    saved = _saved_program(ctx, client_id)
    builder = _builder(ctx, client_id, store, qtbot)
    builder.activateWindow()
    qtbot.waitUntil(builder.isActiveWindow)
    add_by_keyboard(builder, qtbot, "knee-to-wall")
    gated_latest.go.set()
    qtbot.waitUntil(lambda: builder.loading is None)
    assert [i.exercise_code for i in builder.model.items] == ["mobility.knee_to_wall_rock"]
    assert builder.dirty and builder.program is None
    assert builder.status.text() == (
        f"The latest saved program ({saved.date}) was not shown: the program was changed meanwhile."
    )


def test_save_runs_on_the_pool_says_so_and_keeps_later_changes_unsaved(
    ctx: ServiceContext,
    client_id: int,  # noqa: F811
    store: QSettings,  # noqa: F811
    qtbot: QtBot,
    gated_save: Gate,
) -> None:
    builder = open_builder(ctx, client_id, store, qtbot)
    add_by_keyboard(builder, qtbot, "bird dog")
    qtbot.keyClick(builder, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert builder.status.text() == "Saving the program…" and builder.saving is not None
    add_by_keyboard(builder, qtbot, "clamshell")  # the window answers meanwhile
    qtbot.keyClick(builder, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # not twice
    with qtbot.waitSignal(builder.saved) as blocker:
        gated_save.go.set()
    assert len(gated_save.threads) == 1 and threading.get_ident() not in gated_save.threads
    saved = blocker.args[0]
    assert [i.exercise_code for i in saved.items] == ["control.bird_dog"]
    assert builder.program == saved and builder.saving is None
    assert builder.dirty  # the clamshell came after the save began: not saved yet
    assert builder.status.text().startswith("Saved home program of")
    again = save_and_wait(builder, qtbot)
    assert len(again.items) == 2 and not builder.dirty


def test_a_failed_save_loses_nothing_and_closing_still_asks(
    ctx: ServiceContext,
    client_id: int,  # noqa: F811
    store: QSettings,  # noqa: F811
    qtbot: QtBot,
    gated_save: Gate,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    builder = open_builder(ctx, client_id, store, qtbot)
    add_by_keyboard(builder, qtbot, "bird dog")
    builder.title_edit.setText("After the match")
    gated_save.fail = StorageError("The clinic server cannot be reached")
    gated_save.go.set()
    builder.save()
    qtbot.waitUntil(lambda: builder.saving is None)
    box = builder.findChild(QMessageBox)
    said = str(gated_save.fail)
    assert box is not None and box.text() == said  # in a box, and logged
    box.close()
    assert builder.status.text() == f"⚠ Not saved: {said}"
    assert builder.program is None and builder.dirty
    assert builder.title_edit.text() == "After the match" and builder.model.rowCount() == 1
    assert program_service.latest_program(ctx, client_id) is None
    asked: list[str] = []

    def question(_parent: Any, title: str, *_a: Any, **_k: Any) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    builder.close()
    assert asked == ["Unsaved program"] and builder.isVisible()


def test_closing_while_saving_waits_for_the_save(
    ctx: ServiceContext,
    client_id: int,  # noqa: F811
    store: QSettings,  # noqa: F811
    qtbot: QtBot,
    gated_save: Gate,
) -> None:
    builder = open_builder(ctx, client_id, store, qtbot)
    add_by_keyboard(builder, qtbot, "bird dog")
    builder.save()
    qtbot.keyClick(builder, Qt.Key.Key_Escape)
    assert builder.isVisible()  # not closed over a save still running
    gated_save.go.set()
    qtbot.waitUntil(lambda: not builder.isVisible())
    saved = program_service.latest_program(ctx, client_id)
    assert saved is not None and [i.exercise_code for i in saved.items] == ["control.bird_dog"]


def test_the_main_window_opens_the_builder_without_reading_the_client_again(
    ctx: ServiceContext,
    client_id: int,  # noqa: F811
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = MainWindow(ctx.as_actor(THERAPIST))
    qtbot.addWidget(window)
    window.show()
    window.page.show_client(client_id)
    qtbot.waitUntil(lambda: window.page.client is not None and not window.page.loading)
    read: list[int] = []
    real = client_service.get_client
    monkeypatch.setattr(
        client_service, "get_client", lambda c, i, **k: read.append(i) or real(c, i, **k)
    )
    window.program_action.trigger()
    builder = window.program_builder
    qtbot.waitUntil(builder.isVisible)  # shown on the next turn, once built
    assert "Lena Swiftmoor (PB-1)" in builder.windowTitle()
    assert read == []
    qtbot.waitUntil(lambda: builder.loading is None)
    builder.close()


def test_templates_are_read_on_the_pool_and_a_failed_template_save_is_said(
    ctx: ServiceContext,
    client_id: int,  # noqa: F811
    store: QSettings,  # noqa: F811
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    builder = open_builder(ctx, client_id, store, qtbot)
    listing = Gate(program_service.list_templates)
    monkeypatch.setattr(program_service, "list_templates", listing)
    builder.load_template()
    assert builder.templating is not None  # the window answers meanwhile
    listing.go.set()
    qtbot.waitUntil(lambda: builder.templating is None)
    assert listing.threads and threading.get_ident() not in listing.threads
    assert builder.status.text() == "No templates yet: build a program and use Save as template."
    add_by_keyboard(builder, qtbot, "bird dog")
    saving = Gate(program_service.save_program)
    saving.fail = ValueError("Title is too long")
    saving.go.set()
    monkeypatch.setattr(program_service, "save_program", saving)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Runner hip program", True))
    assert builder.save_template() is not None
    qtbot.waitUntil(lambda: builder.templating is None)
    assert builder.status.text() == "⚠ Template not saved: Title is too long"
    assert builder.model.rowCount() == 1
