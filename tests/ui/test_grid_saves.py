"""The grid's saves run off the UI thread: a typed value shows at once, saves are stored in the
order typed, a refused or failed save puts the cell back as stored and says so, and closing or
signing the editor stores what is still queued first."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, audit, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from mobileathlete_desktop.ui.measure_grid import CellKey
from tests.ui.keys import press, saves_done, type_text

LEFT_ACTIVE = CellKey("hip.flexion", "left", "active")
LEFT_PASSIVE = CellKey("hip.flexion", "left", "passive")


class HeldSaves:
    """Holds every save of a value on the worker until `release()` (a slow clinic server)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.gate = threading.Event()
        self.started: list[float | None] = []
        real = assessments.set_value

        def held(*args: Any, **kwargs: Any) -> Any:
            self.started.append(args[5])
            assert self.gate.wait(30), "the test never released the saves"
            return real(*args, **kwargs)

        monkeypatch.setattr(assessments, "set_value", held)

    def release(self) -> None:
        self.gate.set()


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldSaves]:
    saves = HeldSaves(monkeypatch)
    yield saves
    saves.release()  # a failing test never leaves a worker waiting


@pytest.fixture
def editor(therapist_ctx: ServiceContext, qtbot: QtBot) -> AssessmentEditor:
    client = clients.create_client(
        therapist_ctx, clients.ClientInput("G-1", "Gina", "Saves", date(1994, 2, 3), "female")
    )
    draft = assessments.create_assessment(
        therapist_ctx, client.id, date(2026, 3, 2), template="runner_screen"
    )
    editor = AssessmentEditor(therapist_ctx, draft.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.views[0].setFocus()
    qtbot.waitUntil(lambda: editor.views[0].hasFocus())
    return editor


def stored(ctx: ServiceContext, editor: AssessmentEditor, key: CellKey) -> float | None:
    return assessments.get_assessment(ctx, editor.assessment_id).value(key.code, key.side, key.mode)


def typed_in(qtbot: QtBot, editor: AssessmentEditor, key: CellKey, text: str) -> None:
    """Puts the cursor on a cell and types a value with Enter, as fast as keys go."""
    view, grid = editor.views[0], editor.grids[0]
    view.setCurrentIndex(grid.index_of(key))
    type_text(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)


def test_values_typed_faster_than_they_are_stored_are_all_stored_in_order(
    editor: AssessmentEditor,
    qtbot: QtBot,
    therapist_ctx: ServiceContext,
    admin_ctx: ServiceContext,
    held: HeldSaves,
) -> None:
    grid = editor.grids[0]
    saved: list[int] = []
    editor.changed.connect(saved.append)
    typed_in(qtbot, editor, LEFT_ACTIVE, "101")
    typed_in(qtbot, editor, LEFT_PASSIVE, "120")
    typed_in(qtbot, editor, LEFT_ACTIVE, "102")  # the same cell again: waits for the first
    # Shown at once, while the first save is still held on the worker.
    assert grid.values[LEFT_ACTIVE] == 102 and grid.values[LEFT_PASSIVE] == 120
    assert "102" in grid.cell_text(LEFT_ACTIVE) and not grid.errors
    qtbot.waitUntil(lambda: len(held.started) == 1)
    assert held.started == [101.0] and saved == []  # one at a time, in the order typed
    held.release()
    saves_done(qtbot)
    assert held.started == [101.0, 120.0, 102.0]
    assert len(saved) == 3
    assert stored(therapist_ctx, editor, LEFT_ACTIVE) == 102
    assert stored(therapist_ctx, editor, LEFT_PASSIVE) == 120
    trail = [
        (
            e.detail["code"],
            e.detail["side"],
            e.detail["mode"],
            e.detail["before"],
            e.detail["after"],
        )
        for e in audit.find_events(admin_ctx, audit.AuditFilter(action="measurement.set"))
    ]
    assert trail == [
        ("hip.flexion", "left", "active", None, 101.0),
        ("hip.flexion", "left", "passive", None, 120.0),
        ("hip.flexion", "left", "active", 101.0, 102.0),
    ]
    assert "Saved" in editor.status.text()
    # Undo goes back one entry at a time, also through the queue.
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert grid.values[LEFT_ACTIVE] == 101  # shown at once
    saves_done(qtbot)
    assert stored(therapist_ctx, editor, LEFT_ACTIVE) == 101


def test_a_refused_save_puts_the_stored_value_back_and_says_so(
    editor: AssessmentEditor,
    qtbot: QtBot,
    therapist_ctx: ServiceContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    grid = editor.grids[0]
    typed_in(qtbot, editor, LEFT_ACTIVE, "101")
    saves_done(qtbot)
    real = assessments.set_value

    def front_desk_first(*args: Any, **kwargs: Any) -> Any:
        # Another workstation stores 95 just before this save reaches the database.
        real(therapist_ctx, editor.assessment_id, "hip.flexion", "left", "active", 95.0)
        monkeypatch.setattr(assessments, "set_value", real)
        return real(*args, **kwargs)

    monkeypatch.setattr(assessments, "set_value", front_desk_first)
    saved: list[int] = []
    editor.changed.connect(saved.append)
    typed_in(qtbot, editor, LEFT_ACTIVE, "110")
    assert grid.values[LEFT_ACTIVE] == 110  # shown at once
    saves_done(qtbot)
    assert stored(therapist_ctx, editor, LEFT_ACTIVE) == 95  # nothing of ours stored
    assert saved == []  # and nothing said to be saved
    assert grid.values[LEFT_ACTIVE] == 95  # the cell as stored, marked
    assert editor.record.value("hip.flexion", "left", "active") == 95  # the findings' too
    assert LEFT_ACTIVE in grid.errors and "not stored" in grid.cell_text(LEFT_ACTIVE)
    status = editor.status.text()
    assert status.startswith("⚠") and "changed elsewhere to 95" in status


def test_closing_the_editor_stores_the_values_still_queued_first(
    editor: AssessmentEditor, qtbot: QtBot, therapist_ctx: ServiceContext, held: HeldSaves
) -> None:
    typed_in(qtbot, editor, LEFT_ACTIVE, "101")
    typed_in(qtbot, editor, LEFT_PASSIVE, "120")
    assert editor.entries.saves.busy
    QTimer.singleShot(0, held.release)  # the server answers while the window waits
    editor.close()
    assert not editor.entries.saves.busy
    assert stored(therapist_ctx, editor, LEFT_ACTIVE) == 101
    assert stored(therapist_ctx, editor, LEFT_PASSIVE) == 120


def test_signing_stores_the_values_still_queued_first(
    editor: AssessmentEditor,
    qtbot: QtBot,
    therapist_ctx: ServiceContext,
    held: HeldSaves,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def confirm(_parent: object, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(AssessmentEditor, "confirm", staticmethod(confirm))
    typed_in(qtbot, editor, LEFT_ACTIVE, "101")
    QTimer.singleShot(0, held.release)
    editor.sign()
    record = assessments.get_assessment(therapist_ctx, editor.assessment_id)
    assert record.status == "signed"
    assert record.value("hip.flexion", "left", "active") == 101
    assert asked and "NOT stored" not in asked[0]
    assert editor.read_only and editor.grids[0].values[LEFT_ACTIVE] == 101
