"""The grid's columns are fitted to their cells as Qt's resizeColumnToContents fits them, each
text measured once per style and font, the model's data() not asked (issue 22: fitting the
range of motion tab asked it ~600 times on the UI thread while the editor opened)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.catalogue import Mode, Side
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from mobileathlete_desktop.ui.measure_grid import CellKey, MeasureGridModel, MeasureGridView

# (code, side, mode, this visit's value, the last visit's)
VALUES: list[tuple[str, Side, Mode, float, float]] = [
    ("hip.flexion", "left", "active", 145, 120),
    ("hip.flexion", "right", "active", 98, 120),
    ("hip.extension", "left", "active", 2, 15),
    ("knee.flexion", "right", "passive", 151, 140),
    ("fms.deep_squat", "none", "none", 2, 3),
    ("nprs", "none", "none", 3, 6),
]


@pytest.fixture
def editor(therapist_ctx: ServiceContext, ctx: ServiceContext, qtbot: QtBot) -> AssessmentEditor:
    client = clients.create_client(
        ctx, clients.ClientInput("W-1", "Wren", "Widthers", date(1991, 3, 4), "female")
    )
    before = assessments.create_assessment(
        therapist_ctx, client.id, date(2026, 4, 1), template="runner_screen"
    )
    for code, side, mode, _value, last in VALUES:
        assessments.set_value(therapist_ctx, before.id, code, side, mode, last)
    assessments.sign_assessment(therapist_ctx, before.id)
    visit = assessments.create_assessment(
        therapist_ctx, client.id, date(2026, 5, 4), kind="reassessment", template="runner_screen"
    )
    for code, side, mode, value, _last in VALUES:
        assessments.set_value(therapist_ctx, visit.id, code, side, mode, value)
    assessments.set_pain(therapist_ctx, visit.id, "hip.flexion", "left", "active", True)
    editor = AssessmentEditor(therapist_ctx, visit.id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(
        lambda: editor.live_findings.result is not None and not editor.live_findings.busy
    )
    return editor


def qt_widths(view: MeasureGridView) -> list[int]:
    """The widths Qt's own fitting gives the value and info columns (not the first)."""
    for column in range(1, view.grid.columnCount()):
        view.resizeColumnToContents(column)
    return [view.columnWidth(c) for c in range(1, view.grid.columnCount())]


def fitted_widths(view: MeasureGridView) -> list[int]:
    view.horizontalHeader().resizeSection(1, 1)  # nothing left from before
    view.fit_columns()
    return [view.columnWidth(c) for c in range(1, view.grid.columnCount())]


def test_columns_are_fitted_as_qt_fits_them_markers_last_visit_and_errors(
    editor: AssessmentEditor, qtbot: QtBot
) -> None:
    rom = editor.grids[0]
    assert rom.markers(CellKey("hip.flexion", "left", "active")), "a cell with its findings"
    shown = 0
    for phase in ("values and findings", "last visit shown", "a value not stored"):
        if phase == "last visit shown":
            editor.show_last.setChecked(True)
        if phase == "a value not stored":  # in italics, wider than any value
            rom.set_error(CellKey("hip.flexion", "right", "passive"), "busy", "123.5 typed")
        for tab in range(editor.tabs.count()):
            editor.tabs.setCurrentIndex(tab)
            for view, grid in zip(editor.views, editor.grids, strict=True):
                if not view.isVisible():
                    continue
                shown += 1
                for row in range(grid.rowCount()):
                    for column in range(1, grid.columnCount()):
                        qt = view.sizeHintForIndex(grid.index(row, column)).width()
                        assert view._cell_width(row, column) == qt, (phase, row, column)
                assert fitted_widths(view) == qt_widths(view), (phase, view.accessibleName())
    assert shown == 3 * 4, "every grid compared in each phase"


class CountingModel(MeasureGridModel):
    """The grid's model, counting the roles the view asks of it."""

    asked: list[int]

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        self.asked.append(role)
        return super().data(index, role)


def test_fitting_asks_the_model_nothing_per_cell(
    editor: AssessmentEditor, therapist_ctx: ServiceContext, qtbot: QtBot
) -> None:
    rom = editor.grids[0]
    grid = CountingModel(rom.measures, rom.columns)
    grid.asked = []
    grid.load(rom.values, rom.pain, rom.previous)
    view = MeasureGridView(grid, "Range of motion grid")
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert grid.rowCount() > 10
    grid.asked.clear()
    view.fit_columns()
    assert grid.asked == [], "no data() asked per cell"
    fitted = [view.columnWidth(c) for c in range(grid.columnCount())]
    assert qt_widths(view) == fitted[1:]
    assert len(grid.asked) > 8 * grid.rowCount(), "Qt's fitting asks roles of every cell"
