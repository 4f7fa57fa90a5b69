"""After a value is typed, the grid repaints only what changed (issue 22, no frozen frame):
the typed row's cells and info columns, never every row; the findings of a save that was
overtaken by a newer one are not shown, and a closed editor hears nothing more."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui import live_findings
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from mobileathlete_desktop.ui.measure_grid import CellKey, MeasureGridModel
from tests.ui.keys import enter_cells, press, tab_to, type_text

FLEX_ACTIVE = CellKey("hip.flexion", "left", "active")
FLEX_PASSIVE = CellKey("hip.flexion", "left", "passive")


@pytest.fixture
def draft_id(ctx: ServiceContext, therapist_ctx: ServiceContext) -> int:
    client = clients.create_client(
        ctx, clients.ClientInput("G-1", "Gia", "Gridley", date(1994, 2, 3), "female")
    )
    return assessments.create_assessment(
        therapist_ctx, client.id, date(2026, 5, 4), template="runner_screen"
    ).id


@pytest.fixture
def editor(therapist_ctx: ServiceContext, qtbot: QtBot, draft_id: int) -> AssessmentEditor:
    editor = AssessmentEditor(therapist_ctx, draft_id)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.views[0].setFocus()
    qtbot.waitUntil(lambda: editor.views[0].hasFocus())
    qtbot.waitUntil(
        lambda: editor.live_findings.result is not None and not editor.live_findings.busy
    )
    return editor


def repainted_rows(grid: MeasureGridModel) -> list[int]:
    """Collects the rows of every repaint the grid asks for from now on."""
    rows: list[int] = []

    def heard(top: QModelIndex, bottom: QModelIndex, *_roles: Any) -> None:
        rows.extend(range(top.row(), bottom.row() + 1))

    grid.dataChanged.connect(heard)
    return rows


def texts(grid: MeasureGridModel, column: int) -> list[str]:
    return [grid.data(grid.index(r, column)) for r in range(grid.rowCount())]


def test_a_typed_value_repaints_its_row_only_and_its_findings_follow(
    editor: AssessmentEditor, qtbot: QtBot
) -> None:
    grid, view = editor.grids[0], editor.views[0]
    view.grab()  # painted once, as on screen
    norms_before = texts(grid, 1)
    rows = repainted_rows(grid)
    assert view.currentIndex() == grid.index_of(FLEX_ACTIVE)
    enter_cells(qtbot, ["100"], Qt.Key.Key_Return)
    assert grid.values[FLEX_ACTIVE] == 100
    # The findings arrive off the UI thread and mark the typed cell (below its norm).
    qtbot.waitUntil(lambda: grid.finding_row(FLEX_ACTIVE) is not None)
    qtbot.waitUntil(lambda: not editor.live_findings.busy)
    assert grid.cell_text(FLEX_ACTIVE).startswith("100°")
    assert grid.cell_flags(FLEX_ACTIVE), "the value's finding is shown on its cell"
    assert set(rows) == {grid.index_of(FLEX_ACTIVE).row()}, "only the typed row was repainted"
    assert texts(grid, 1) == norms_before  # the other rows keep their info


def test_a_movement_screen_score_updates_its_counts_as_cell_and_no_other_row(
    editor: AssessmentEditor, qtbot: QtBot
) -> None:
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    grid, view = editor.grids[2], editor.views[2]
    tab_to(qtbot, view)
    counts_as = next(c for c, col in enumerate(grid.columns) if col.title == "Counts as")
    view.grab()
    before = texts(grid, counts_as)
    assert before[0] == "—"
    rows = repainted_rows(grid)
    first = grid.key(view.currentIndex())
    assert first is not None and grid.index_of(first).row() == 0
    enter_cells(qtbot, ["2"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: texts(grid, counts_as)[0] != "—")
    qtbot.waitUntil(lambda: not editor.live_findings.busy)
    after = texts(grid, counts_as)
    assert after[0].startswith("2")
    assert after[1:] == before[1:]
    assert set(rows) == {0}, "the score's row only, its Counts as cell included"


def test_a_closed_editor_hears_no_findings(editor: AssessmentEditor, qtbot: QtBot) -> None:
    heard: list[object] = []
    editor.live_findings.interpreted.connect(heard.append)
    grid = editor.grids[0]
    enter_cells(qtbot, ["100"], Qt.Key.Key_Return)
    assert grid.values[FLEX_ACTIVE] == 100 and editor.live_findings.busy
    editor.close()
    qtbot.waitUntil(lambda: not editor.live_findings.busy)
    assert heard == []
    assert grid.finding_row(FLEX_ACTIVE) is None


def test_findings_overtaken_by_a_newer_save_are_not_shown(
    editor: AssessmentEditor, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = live_findings.interpret_record
    gate = threading.Event()
    calls: list[int] = []

    def held_back(ctx: ServiceContext, history: Any, record: Any) -> Any:
        result = real(ctx, history, record)  # what was stored when this refresh began
        calls.append(record.id)
        if len(calls) == 1:
            gate.wait(30)  # answers only after the next save was asked for
        return result

    qtbot.waitUntil(lambda: not editor.live_findings.busy)  # the opening's read is done
    monkeypatch.setattr(live_findings, "interpret_record", held_back)
    heard: list[Any] = []
    editor.live_findings.interpreted.connect(heard.append)
    grid = editor.grids[0]
    enter_cells(qtbot, ["100"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(calls) == 1)  # the first refresh is under way, held
    assert editor.views[0].currentIndex() == grid.index_of(FLEX_PASSIVE)
    enter_cells(qtbot, ["125"], Qt.Key.Key_Return)
    assert grid.values[FLEX_PASSIVE] == 125
    gate.set()
    qtbot.waitUntil(lambda: len(calls) == 2 and not editor.live_findings.busy)
    keys = [{(r.code, r.side, r.mode) for r in result.rows} for result in heard]
    assert keys, "the newer save's findings are shown"
    assert all(("hip.flexion", "left", "passive") in shown for shown in keys), (
        "an answer without the newer value was shown"
    )
    assert grid.finding_row(FLEX_PASSIVE) is not None


def test_a_grid_column_widens_when_its_cells_grow(editor: AssessmentEditor, qtbot: QtBot) -> None:
    grid, view = editor.grids[0], editor.views[0]
    column = grid.index_of(FLEX_ACTIVE).column()
    narrow = view.columnWidth(column)
    grid.set_error(FLEX_ACTIVE, "the database is busy", "123.5 and a long typed text")
    assert view.columnWidth(column) > narrow
    assert view.columnWidth(column) >= view.sizeHintForIndex(grid.index_of(FLEX_ACTIVE)).width()


def test_a_repaint_while_a_value_is_typed_keeps_what_is_typed(
    editor: AssessmentEditor, qtbot: QtBot
) -> None:
    grid, view = editor.grids[0], editor.views[0]
    enter_cells(qtbot, ["101", "120"], Qt.Key.Key_Return)
    active, passive = grid.index_of(FLEX_ACTIVE), grid.index_of(FLEX_PASSIVE)
    # Typing over a stored value: its finding arrives (the cell repaints) between two keys.
    view.setFocus()
    view.setCurrentIndex(active)
    type_text(qtbot, "1")
    grid.dataChanged.emit(active, active)
    type_text(qtbot, "02")
    press(qtbot, Qt.Key.Key_Return)
    assert grid.values[FLEX_ACTIVE] == 102 and FLEX_ACTIVE not in grid.errors
    # An editor opened on a stored value (F2) and repainted before the first key: typing
    # still replaces the value.
    view.setFocus()
    view.setCurrentIndex(passive)
    press(qtbot, Qt.Key.Key_F2)
    grid.dataChanged.emit(grid.index(passive.row(), 0), grid.index(passive.row(), 5))
    type_text(qtbot, "95")
    press(qtbot, Qt.Key.Key_Return)
    assert grid.values[FLEX_PASSIVE] == 95 and FLEX_PASSIVE not in grid.errors
