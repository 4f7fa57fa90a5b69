"""Tab and Shift+Tab leave every grid and list; an opened assessment starts in its first empty
cell; a motor-control rating is saved once, where the therapist settles, not at each arrow."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.records import FindingRecord
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from mobileathlete_desktop.ui.main_window import MainWindow
from mobileathlete_desktop.ui.measure_grid import CellKey
from mobileathlete_desktop.ui.program_builder import ProgramBuilder
from tests.conftest import THERAPIST
from tests.ui.keys import focused, press, saves_done, tab_to, type_text

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def client_id(ctx: ServiceContext) -> int:
    return clients.create_client(
        ctx, clients.ClientInput("K-1", "Testa", "Runnerton", date(1996, 4, 1), "female")
    ).id


@pytest.fixture
def draft_id(therapist_ctx: ServiceContext, client_id: int) -> int:
    return assessments.create_assessment(
        therapist_ctx, client_id, date(2026, 3, 2), template="runner_screen"
    ).id


@pytest.fixture
def open_editor(therapist_ctx: ServiceContext, qtbot: QtBot) -> Callable[[int], AssessmentEditor]:
    def make(assessment_id: int) -> AssessmentEditor:
        editor = AssessmentEditor(therapist_ctx, assessment_id)
        qtbot.addWidget(editor)
        editor.show()
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow)
        return editor

    return make


def inside(widget: QWidget) -> bool:
    now = QApplication.focusWidget()
    return now is not None and (now is widget or widget.isAncestorOf(now))


def test_a_new_assessment_opens_with_the_cursor_in_the_first_cell(
    open_editor: Callable[[int], AssessmentEditor], draft_id: int, qtbot: QtBot
) -> None:
    editor = open_editor(draft_id)
    qtbot.waitUntil(lambda: inside(editor.views[0]))
    assert not editor.template_combo.hasFocus()
    type_text(qtbot, "120")
    press(qtbot, Qt.Key.Key_Return)
    assert editor.grids[0].values[CellKey("hip.flexion", "left", "active")] == 120


def test_a_resumed_assessment_opens_at_its_first_empty_cell(
    open_editor: Callable[[int], AssessmentEditor],
    therapist_ctx: ServiceContext,
    draft_id: int,
    qtbot: QtBot,
) -> None:
    for mode in ("active", "passive"):
        assessments.set_value(therapist_ctx, draft_id, "hip.flexion", "left", mode, 120)
    editor = open_editor(draft_id)
    qtbot.waitUntil(lambda: inside(editor.views[0]))
    view = editor.views[0]
    assert editor.grids[0].key(view.currentIndex()) == CellKey("hip.flexion", "right", "active")


def test_tab_after_the_pain_score_moves_on_to_the_lefs_answers(
    open_editor: Callable[[int], AssessmentEditor],
    therapist_ctx: ServiceContext,
    draft_id: int,
    qtbot: QtBot,
) -> None:
    editor = open_editor(draft_id)
    qtbot.waitUntil(lambda: inside(editor.views[0]))
    press(qtbot, Qt.Key.Key_O, ALT)
    pain = editor.views[-1]
    tab_to(qtbot, pain)
    type_text(qtbot, "3")
    press(qtbot, Qt.Key.Key_Tab)
    assert editor.lefs is not None
    qtbot.waitUntil(lambda: inside(editor.lefs.items[0]))  # type: ignore[union-attr]
    for _ in range(3):
        type_text(qtbot, "4")
        press(qtbot, Qt.Key.Key_Tab)
    saves_done(qtbot)  # the pain score's save runs off the UI thread
    record = assessments.get_assessment(therapist_ctx, draft_id)
    assert record.value("nprs") == 3
    assert editor.lefs.answers()[:3] == (4, 4, 4)
    # Shift+Tab from the first answer goes back to the pain grid, and out of it again.
    tab_to(qtbot, editor.lefs.items[0])
    press(qtbot, Qt.Key.Key_Backtab, SHIFT)
    assert inside(pain)


def test_tab_past_the_last_cell_while_typing_leaves_the_grid(
    open_editor: Callable[[int], AssessmentEditor], draft_id: int, qtbot: QtBot
) -> None:
    editor = open_editor(draft_id)
    view = editor.views[0]
    qtbot.waitUntil(lambda: inside(view))
    last = view.first_empty_cell()
    cells = [
        i
        for i in (
            view.model().index(r, c)
            for r in range(view.model().rowCount())
            for c in range(view.model().columnCount())
        )
        if editor.grids[0].key(i)
    ]
    view.setCurrentIndex(cells[-1])
    type_text(qtbot, "5")
    press(qtbot, Qt.Key.Key_Tab)
    assert not inside(view) and last is not None
    # and backwards: Shift+Tab while typing in the first cell leaves it the other way
    view.setFocus()
    view.setCurrentIndex(cells[0])
    type_text(qtbot, "100")
    press(qtbot, Qt.Key.Key_Backtab, SHIFT)
    assert not inside(view)
    assert editor.grids[0].values[CellKey("hip.flexion", "left", "active")] == 100


def test_tab_and_shift_tab_leave_the_client_list(window: MainWindow, qtbot: QtBot) -> None:
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Tab)
    assert not inside(window.table)
    window.table.setFocus()
    press(qtbot, Qt.Key.Key_Backtab, SHIFT)
    assert not inside(window.table)


def test_tab_leaves_the_program_drills_table(
    ctx: ServiceContext, client_id: int, tmp_path: Path, qtbot: QtBot
) -> None:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    builder = ProgramBuilder(ctx.as_actor(THERAPIST), client_id, store=store)
    qtbot.addWidget(builder, before_close_func=lambda w: setattr(w, "dirty", False))
    builder.show()
    builder.activateWindow()
    qtbot.waitUntil(builder.isActiveWindow)
    builder.add_drills(["control.bird_dog", "mobility.leg_swing_front_back"])
    builder.table.setFocus()
    qtbot.waitUntil(builder.table.hasFocus)
    press(qtbot, Qt.Key.Key_Tab)
    assert not inside(builder.table)
    builder.table.setFocus()
    press(qtbot, Qt.Key.Key_Backtab, SHIFT)
    assert not inside(builder.table)
    for view in (builder.library_list,):
        view.setFocus()
        press(qtbot, Qt.Key.Key_Tab)
        assert not inside(view)


def test_a_rating_walked_with_the_arrows_is_saved_once_as_the_box_is_left(
    open_editor: Callable[[int], AssessmentEditor],
    therapist_ctx: ServiceContext,
    draft_id: int,
    qtbot: QtBot,
) -> None:
    editor = open_editor(draft_id)
    assert editor.motor is not None
    saved: list[FindingRecord] = []
    editor.motor.finding_edited.connect(saved.append)
    press(qtbot, Qt.Key.Key_M, ALT)
    rating = editor.motor.ratings[("sls", "left")]
    tab_to(qtbot, rating)
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Down)
    assert saved == []  # nothing stored for the values passed through
    chosen = rating.currentText()
    press(qtbot, Qt.Key.Key_Tab)
    assert [f.rating for f in saved] == [chosen]
    [finding] = [
        f for f in assessments.get_assessment(therapist_ctx, draft_id).findings if f.side == "left"
    ]
    assert finding.rating == chosen


def test_a_rating_left_in_a_focused_box_is_saved_after_a_pause_or_on_close(
    open_editor: Callable[[int], AssessmentEditor],
    therapist_ctx: ServiceContext,
    draft_id: int,
    qtbot: QtBot,
) -> None:
    editor = open_editor(draft_id)
    assert editor.motor is not None
    press(qtbot, Qt.Key.Key_M, ALT)
    rating = editor.motor.ratings[("sls", "right")]
    tab_to(qtbot, rating)
    press(qtbot, Qt.Key.Key_Down)
    with qtbot.waitSignal(editor.motor.finding_edited, timeout=5_000):
        pass
    press(qtbot, Qt.Key.Key_Down)
    editor.close()
    [finding] = [
        f for f in assessments.get_assessment(therapist_ctx, draft_id).findings if f.side == "right"
    ]
    assert finding.rating == rating.currentText()


def test_each_motor_test_has_its_own_alt_letter(
    open_editor: Callable[[int], AssessmentEditor], draft_id: int, qtbot: QtBot
) -> None:
    editor = open_editor(draft_id)
    assert editor.motor is not None
    press(qtbot, Qt.Key.Key_M, ALT)
    squat, step = editor.motor.boxes["sls"], editor.motor.boxes["stepdown"]
    assert squat.title() == "S&ingle-leg squat" and step.title() == "St&ep-down test"
    press(qtbot, Qt.Key.Key_E, ALT)
    assert inside(step)
    press(qtbot, Qt.Key.Key_I, ALT)
    assert inside(squat)
    assert focused() is editor.motor.faults[("sls", "left", "knee_valgus")] or inside(squat)
