"""Findings beside the grid: what has been typed is interpreted after each save, grouped by
priority in the editor's panel and marked on the grid's rows, by the reports' own rules."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from mobileathlete_desktop.ui.live_findings import BESIDE_MIN_WIDTH
from mobileathlete_desktop.ui.measure_grid import CellKey
from tests.ui.keys import enter_cells, press

EXT_ACTIVE = CellKey("hip.extension", "left", "active")
EXT_PASSIVE = CellKey("hip.extension", "left", "passive")
FLEX_PASSIVE = CellKey("hip.flexion", "left", "passive")


@pytest.fixture
def client_id(ctx: ServiceContext) -> int:
    return clients.create_client(
        ctx, clients.ClientInput("L-1", "Lia", "Quickstep", date(1995, 6, 1), "female")
    ).id


@pytest.fixture
def open_editor(therapist_ctx: ServiceContext, qtbot: QtBot) -> Callable[[int], AssessmentEditor]:
    def make(assessment_id: int) -> AssessmentEditor:
        editor = AssessmentEditor(therapist_ctx, assessment_id)
        qtbot.addWidget(editor)
        editor.show()
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow)
        editor.views[0].setFocus()
        qtbot.waitUntil(lambda: editor.views[0].hasFocus())
        qtbot.waitUntil(lambda: editor.live_findings.result is not None)
        return editor

    return make


@pytest.fixture
def editor(
    open_editor: Callable[[int], AssessmentEditor],
    therapist_ctx: ServiceContext,
    client_id: int,
) -> AssessmentEditor:
    draft = assessments.create_assessment(
        therapist_ctx, client_id, date(2026, 4, 13), kind="reassessment", template="runner_screen"
    )
    return open_editor(draft.id)


def lines(editor: AssessmentEditor) -> list[str]:
    return editor.live_findings.texts()


def go_to(editor: AssessmentEditor, qtbot: QtBot, key: CellKey) -> None:
    """Walks to a cell with the arrow keys from the first cell, as a therapist would."""
    view, grid = editor.views[0], editor.grids[0]
    target = grid.index_of(key)
    press(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(target.row() - view.currentIndex().row()):
        press(qtbot, Qt.Key.Key_Down)
    while view.currentIndex().column() < target.column():
        press(qtbot, Qt.Key.Key_Right)
    while view.currentIndex().column() > target.column():
        press(qtbot, Qt.Key.Key_Left)
    assert view.currentIndex() == target


def test_a_control_deficit_typed_is_listed_and_marked_on_its_row(
    editor: AssessmentEditor, qtbot: QtBot
) -> None:
    assert editor.live_findings.heading.text() == (
        "Findings as typed — the re-assessment of 2026-04-13, draft"
    )
    assert lines(editor) == ["Nothing flagged so far"]
    go_to(editor, qtbot, EXT_ACTIVE)
    enter_cells(qtbot, ["8", "20"])
    qtbot.waitUntil(
        lambda: any(t.startswith("◆ Control deficit: Hip extension, left") for t in lines(editor))
    )
    shown = lines(editor)
    assert shown[0] == "Control and movement faults"
    row = next(i for i, t in enumerate(shown) if t.startswith("◆"))
    assert "active 8°, passive 20°" in shown[row]
    assert "measurement error" in editor.live_findings.tooltips()[row]  # the reason on hover
    grid = editor.grids[0]
    assert grid.cell_text(EXT_ACTIVE) == "8° ◆"
    assert "control deficit" in grid.cell_description(EXT_ACTIVE)
    assert "◆" not in grid.cell_text(EXT_PASSIVE)


def test_clearing_a_value_takes_its_finding_away(editor: AssessmentEditor, qtbot: QtBot) -> None:
    go_to(editor, qtbot, EXT_ACTIVE)
    enter_cells(qtbot, ["8", "20"])
    qtbot.waitUntil(lambda: "◆" in editor.grids[0].cell_text(EXT_ACTIVE))
    go_to(editor, qtbot, EXT_ACTIVE)
    press(qtbot, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: lines(editor) == ["Nothing flagged so far"])
    assert EXT_ACTIVE not in editor.grids[0].values
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo brings it back
    qtbot.waitUntil(lambda: any(t.startswith("◆") for t in lines(editor)))


def test_a_real_change_since_the_last_visit_is_marked_and_listed_as_progress(
    open_editor: Callable[[int], AssessmentEditor],
    therapist_ctx: ServiceContext,
    client_id: int,
    qtbot: QtBot,
) -> None:
    earlier = assessments.create_assessment(therapist_ctx, client_id, date(2026, 3, 2))
    for key, value in ((FLEX_PASSIVE, 100.0), (EXT_PASSIVE, 20.0)):
        assessments.set_value(therapist_ctx, earlier.id, key.code, key.side, key.mode, value)
    assessments.sign_assessment(therapist_ctx, earlier.id)
    draft = assessments.create_assessment(
        therapist_ctx, client_id, date(2026, 4, 13), kind="reassessment", template="runner_screen"
    )
    editor = open_editor(draft.id)
    grid = editor.grids[0]
    go_to(editor, qtbot, FLEX_PASSIVE)
    enter_cells(qtbot, ["125"])  # 25° more: beyond the goniometer's error
    go_to(editor, qtbot, EXT_PASSIVE)
    enter_cells(qtbot, ["22"])  # 2° more: within it, no marker
    qtbot.waitUntil(lambda: grid.cell_text(FLEX_PASSIVE) == "125° ↑")
    qtbot.waitUntil(lambda: not editor.live_findings.busy)
    assert grid.cell_text(EXT_PASSIVE) == "22°"
    assert "since 2026-03-02" in grid.cell_description(FLEX_PASSIVE)
    shown = lines(editor)
    assert shown[0] == "Progress"
    assert shown[1].startswith("↑ Improved: Left hip flexion (passive) 125°")
    go_to(editor, qtbot, FLEX_PASSIVE)
    enter_cells(qtbot, ["90"])  # 10° less than last visit: worse, listed first
    qtbot.waitUntil(
        lambda: (
            grid.cell_text(FLEX_PASSIVE).startswith("90° ") and "↓" in grid.cell_text(FLEX_PASSIVE)
        )
    )
    qtbot.waitUntil(lambda: lines(editor)[:1] == ["Worse or painful"])


def test_asymmetry_is_marked_on_the_shorter_side(editor: AssessmentEditor, qtbot: QtBot) -> None:
    right = CellKey("hip.flexion", "right", "passive")
    go_to(editor, qtbot, FLEX_PASSIVE)
    enter_cells(qtbot, ["125", "", "100"])
    qtbot.waitUntil(lambda: "↔" in editor.grids[0].cell_text(right))
    assert "↔" not in editor.grids[0].cell_text(FLEX_PASSIVE)
    assert any(t.startswith("↔ Asymmetry") for t in lines(editor))


def test_the_findings_sit_beside_the_grid_or_below_it_on_a_narrow_window(
    editor: AssessmentEditor, qtbot: QtBot
) -> None:
    split = editor.findings_split
    editor.resize(BESIDE_MIN_WIDTH + 120, 700)
    qtbot.waitUntil(lambda: split.orientation() == Qt.Orientation.Horizontal)
    assert editor.live_findings.width() >= 300
    editor.resize(900, 700)
    qtbot.waitUntil(lambda: split.orientation() == Qt.Orientation.Vertical)
    assert editor.live_findings.height() >= 100
    assert editor.tabs.height() > editor.live_findings.height()


def test_an_addendum_being_typed_is_interpreted_in_its_originals_place(
    open_editor: Callable[[int], AssessmentEditor],
    therapist_ctx: ServiceContext,
    client_id: int,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    earlier = assessments.create_assessment(therapist_ctx, client_id, date(2026, 3, 2))
    assessments.set_value(therapist_ctx, earlier.id, "hip.flexion", "left", "passive", 100)
    assessments.sign_assessment(therapist_ctx, earlier.id)
    visit = assessments.create_assessment(
        therapist_ctx, client_id, date(2026, 4, 13), kind="reassessment", template="runner_screen"
    )
    assessments.set_value(therapist_ctx, visit.id, "hip.flexion", "left", "passive", 125)
    assessments.sign_assessment(therapist_ctx, visit.id)
    editor = open_editor(visit.id)
    qtbot.waitUntil(lambda: "↑" in editor.grids[0].cell_text(FLEX_PASSIVE))  # signed, still read
    monkeypatch.setattr(AssessmentEditor, "ask_reason", classmethod(lambda cls, parent: "typo"))
    qtbot.mouseClick(editor.addendum_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "addendum of 2026-04-13" in editor.live_findings.heading.text())
    editor.views[0].setFocus()
    go_to(editor, qtbot, FLEX_PASSIVE)
    enter_cells(qtbot, ["90"])  # the correction: worse than the visit before the original
    qtbot.waitUntil(lambda: lines(editor)[:1] == ["Worse or painful"])
    assert "since 2026-03-02" in editor.live_findings.tooltips()[1]


def test_the_findings_lines_are_made_off_the_ui_thread_as_the_panel_showed_them(
    editor: AssessmentEditor, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The glance lines of each refresh are worked out on the refresh's worker, not on the
    UI thread after it; what the panel shows is what show_interpretation shows."""
    import threading

    from mobileathlete_desktop.ui import live_findings
    from mobileathlete_desktop.ui.findings_panel import FindingsPanel

    made_on: list[bool] = []
    real = live_findings.rows_from

    def rows_from(*args: object, **kwargs: object) -> object:
        made_on.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(live_findings, "rows_from", rows_from)
    go_to(editor, qtbot, EXT_ACTIVE)
    enter_cells(qtbot, ["8", "20"])
    qtbot.waitUntil(lambda: any(t.startswith("◆ Control deficit") for t in lines(editor)))
    assert made_on and not any(made_on)
    panel = editor.live_findings
    shown = (panel.heading.text(), lines(editor), panel.tooltips(), panel.notes.text())
    assert panel.result is not None
    FindingsPanel.show_interpretation(
        panel, panel.result, panel.tr("Findings as typed — {visit}"), short=True
    )
    assert (panel.heading.text(), lines(editor), panel.tooltips(), panel.notes.text()) == shown
