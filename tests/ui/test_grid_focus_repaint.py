"""Typing a value in the grid repaints the cells it changes, not the whole grid: Qt's item view
repaints its viewport whenever it gains or loses focus, and a typed value moves focus to the
cell's editor and back, so every entry painted every visible cell twice (~1,000 calls of the
model's data(), ~16 ms of the UI thread per value). What is on screen after an entry must
still be exactly what a full repaint draws (the selected cell's colours with and without
focus included)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from mobileathlete_desktop.ui.measure_grid import CellKey
from mobileathlete_desktop.ui.measure_grid.model import MeasureGridModel
from mobileathlete_desktop.ui.screen_fit import screen_under
from tests.ui.test_grid_saves import stored, typed_in

LEFT_ACTIVE = CellKey("hip.flexion", "left", "active")
RIGHT_ACTIVE = CellKey("hip.flexion", "right", "active")


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the grid model's data() calls (patched before the grid is made: PySide finds a
    Python override when the object is made)."""
    count = [0]
    real = MeasureGridModel.data

    def counted(self: MeasureGridModel, *args: object) -> object:
        count[0] += 1
        return real(self, *args)

    monkeypatch.setattr(MeasureGridModel, "data", counted)
    return count


@pytest.fixture
def editor(therapist_ctx: ServiceContext, qtbot: QtBot, calls: list[int]) -> AssessmentEditor:
    client = clients.create_client(
        therapist_ctx, clients.ClientInput("F-1", "Fern", "Focus", date(1994, 2, 3), "female")
    )
    draft = assessments.create_assessment(
        therapist_ctx, client.id, date(2026, 3, 2), template="runner_screen"
    )
    editor = AssessmentEditor(therapist_ctx, draft.id)
    qtbot.addWidget(editor)
    editor.resize(1200, 700)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.views[0].setFocus()
    qtbot.waitUntil(lambda: editor.views[0].hasFocus())
    return editor


def on_screen(editor: AssessmentEditor) -> QImage:
    """The grid's viewport as the window's backing store holds it (what the screen shows)."""
    view = editor.views[0]
    QApplication.processEvents()
    corner = view.viewport().mapTo(editor, view.viewport().rect().topLeft())
    # screen_under, not windowHandle().screen(): see ui/screen_fit.screen_under
    shot = screen_under(editor).grabWindow(
        editor.winId(),
        corner.x(),
        corner.y(),
        view.viewport().width(),
        view.viewport().height(),
    )
    return shot.toImage()


def test_an_entry_paints_its_cells_not_the_grid(
    therapist_ctx: ServiceContext, editor: AssessmentEditor, qtbot: QtBot, calls: list[int]
) -> None:
    view, grid = editor.views[0], editor.grids[0]
    view.viewport().repaint()  # a full paint, to know what one costs
    full = calls[0]
    calls[0] = 0
    with qtbot.waitSignal(editor.changed, timeout=10_000):
        typed_in(qtbot, editor, LEFT_ACTIVE, "101")
    QApplication.processEvents()
    assert stored(therapist_ctx, editor, LEFT_ACTIVE) == 101
    assert full > 200  # the grid's visible cells, each asked several roles
    assert calls[0] < full / 3, f"one entry asked data() {calls[0]} times; a full paint {full}"
    assert grid.index_of(LEFT_ACTIVE).data() is not None


def test_the_screen_after_entries_is_what_a_full_repaint_draws(
    editor: AssessmentEditor, qtbot: QtBot
) -> None:
    view = editor.views[0]
    for key, text in ((LEFT_ACTIVE, "101"), (RIGHT_ACTIVE, "97")):
        with qtbot.waitSignal(editor.changed, timeout=10_000):
            typed_in(qtbot, editor, key, text)
        shown = on_screen(editor)
        view.viewport().repaint()
        assert on_screen(editor) == shown, f"after typing {text}, the grid on screen was stale"
    # Focus leaving the grid (the selected cell turns to its unfocused colours) and coming back.
    editor.findChildren(QLineEdit)[0].setFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    shown = on_screen(editor)
    view.viewport().repaint()
    assert on_screen(editor) == shown, "the grid on screen was stale after focus left it"
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    shown = on_screen(editor)
    view.viewport().repaint()
    assert on_screen(editor) == shown, "the grid on screen was stale after focus came back"


def test_enter_and_tab_move_through_the_grid_making_one_index(
    editor: AssessmentEditor, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enter and Tab go to the next editable cell, Shift+Tab to the one before, none past
    the first and last; finding it makes an index of that cell only (each Enter made one per
    cell of the grid)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractItemView

    view = editor.views[0]
    grid = view.grid
    first, second, last = grid.positions[0], grid.positions[1], grid.positions[-1]
    assert len(grid.positions) > 10
    view.setCurrentIndex(grid.index(*first))
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert (view.currentIndex().row(), view.currentIndex().column()) == second
    QTest.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert (view.currentIndex().row(), view.currentIndex().column()) == first

    made: list[tuple[int, int]] = []
    real = grid.index

    def index(row: int, column: int, *args: object) -> object:
        made.append((row, column))
        return real(row, column, *args)

    monkeypatch.setattr(grid, "index", index)
    action = QAbstractItemView.CursorAction
    no = Qt.KeyboardModifier.NoModifier
    assert not view.moveCursor(action.MovePrevious, no).isValid()
    found = view.moveCursor(action.MoveNext, no)
    assert (found.row(), found.column()) == second
    assert made == [second]
    view.setCurrentIndex(real(*last))
    made.clear()
    assert not view.moveCursor(action.MoveNext, no).isValid()
    assert made == []
