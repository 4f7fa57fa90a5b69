"""The assessment editor: keyboard entry saved at once, bad values refused, undo, sign, addendum."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import open_database
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from mobileathlete_desktop.ui.measure_grid import CellKey
from tests.conftest import THERAPIST
from tests.ui.keys import enter_cells, press, saves_done, tab_to, type_text

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ROM_CODES = [
    "hip.flexion",
    "hip.extension",
    "hip.internal_rotation",
    "hip.external_rotation",
    "knee.flexion",
    "knee.extension",
    "ankle.dorsiflexion.knee_extended",
    "ankle.dorsiflexion.knee_flexed",
    "hallux.extension",
    "slr",
    "thomas.hip_extension",
]


@pytest.fixture
def client_id(ctx: ServiceContext) -> int:
    return clients.create_client(
        ctx, clients.ClientInput("E-1", "Testa", "Runnerton", date(1996, 4, 1), "female")
    ).id


@pytest.fixture
def draft_id(therapist_ctx: ServiceContext, client_id: int) -> int:
    return assessments.create_assessment(
        therapist_ctx, client_id, date(2026, 3, 2), template="runner_screen"
    ).id


@pytest.fixture
def open_editor(therapist_ctx: ServiceContext, qtbot: QtBot) -> Callable[..., AssessmentEditor]:
    def make(assessment_id: int, ctx: ServiceContext = therapist_ctx) -> AssessmentEditor:
        editor = AssessmentEditor(ctx, assessment_id)
        qtbot.addWidget(editor)
        editor.show()
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow)
        editor.views[0].setFocus()
        qtbot.waitUntil(lambda: editor.views[0].hasFocus())
        return editor

    return make


@pytest.fixture
def editor(open_editor: Callable[..., AssessmentEditor], draft_id: int) -> AssessmentEditor:
    return open_editor(draft_id)


def stored(
    ctx: ServiceContext, assessment_id: int, code: str, side: str = "none", mode: str = "none"
) -> float | None:
    return assessments.get_assessment(ctx, assessment_id).value(code, side, mode)  # type: ignore[arg-type]


def test_a_full_runner_screen_is_entered_by_keyboard_alone(
    editor: AssessmentEditor, qtbot: QtBot, therapist_ctx: ServiceContext, draft_id: int
) -> None:
    # Range of motion: four cells a row, Tab walks left active → left passive → right…
    # (the Thomas test's retired active cells are read-only and skipped: passive only).
    grid = editor.grids[0]
    keys = [
        key
        for r in range(grid.rowCount())
        for c in range(grid.columnCount())
        if (key := grid.key(grid.index(r, c))) is not None
        and grid.flags(grid.index(r, c)) & Qt.ItemFlag.ItemIsEditable
    ]
    assert CellKey("thomas.hip_extension", "left", "active") not in keys
    assert CellKey("thomas.hip_extension", "left", "passive") in keys
    assert [k.code for k in keys[::4][: len(ROM_CODES)]][:4] == ROM_CODES[:4]
    typed = {key: str(5 + i % 20) for i, key in enumerate(keys)}  # within every bound
    typed[CellKey("thomas.hip_extension", "right", "passive")] = "-6"  # below horizontal
    enter_cells(qtbot, list(typed.values()))
    last = keys[-1]
    qtbot.waitUntil(
        lambda: stored(therapist_ctx, draft_id, last.code, last.side, last.mode) is not None
    )
    record = assessments.get_assessment(therapist_ctx, draft_id)
    assert record.value("thomas.hip_extension", "right", "passive") == -6
    assert record.value("hip.flexion", "left", "active") == 5
    assert record.value("hip.flexion", "right", "passive") == 8
    for key, text in typed.items():
        assert record.value(key.code, key.side, key.mode) == float(text)
    assert len(record.measurements) == len(keys)
    assert editor.views[0].hasFocus() is False  # Tab past the last cell moved on

    # Lunge & balance: Alt+B opens the tab; Enter moves on like Tab.
    press(qtbot, Qt.Key.Key_B, ALT)
    tab_to(qtbot, editor.views[1])
    enter_cells(
        qtbot,
        ["11", "9.5", "20", "18", "60", "58", "100", "96", "95", "90", "85", "85"],
        Qt.Key.Key_Return,
    )
    qtbot.waitUntil(lambda: "left 100 %" in editor.composite_label.text())
    assert "right 95.7 %" in editor.composite_label.text()
    assert stored(therapist_ctx, draft_id, "ybalance.composite", "right") == 95.7

    # Motor control: Space ticks a fault, arrow keys choose a rating.
    press(qtbot, Qt.Key.Key_M, ALT)
    assert editor.motor is not None
    valgus = editor.motor.faults[("sls", "left", "knee_valgus")]
    tab_to(qtbot, valgus)
    press(qtbot, Qt.Key.Key_Space)
    rating = editor.motor.ratings[("sls", "left")]
    tab_to(qtbot, rating)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: rating.currentText() == "fair")
    press(qtbot, Qt.Key.Key_Tab)  # the rating settled on is saved as the box is left
    finding = next(
        f for f in assessments.get_assessment(therapist_ctx, draft_id).findings if f.side == "left"
    )
    assert finding.faults == ("knee_valgus",) and finding.rating == "fair"

    # Movement screen: a positive shoulder clearing test scores shoulder mobility 0.
    press(qtbot, Qt.Key.Key_S, ALT)
    tab_to(qtbot, editor.views[2])
    enter_cells(
        qtbot, ["2", "2", "3", "3", "3", "3", "2", "2", "2", "3", "2", "2", "1", "0", "0", "0"]
    )
    qtbot.waitUntil(lambda: "14 / 21" in editor.fms_total_label.text())
    assert stored(therapist_ctx, draft_id, "fms.total") == 14

    # Outcomes: NPRS, the 20 LEFS items, notes.
    press(qtbot, Qt.Key.Key_O, ALT)
    tab_to(qtbot, editor.views[3])
    enter_cells(qtbot, ["3"], Qt.Key.Key_Return)
    assert editor.lefs is not None
    tab_to(qtbot, editor.lefs.items[0])
    for _ in range(20):
        type_text(qtbot, "3")
        press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "60 / 80" in editor.lefs.total.text())
    tab_to(qtbot, editor.notes)
    type_text(qtbot, "Left knee sore downhill")
    qtbot.waitUntil(
        lambda: (
            assessments.get_assessment(therapist_ctx, draft_id).notes == "Left knee sore downhill"
        )
    )
    final = assessments.get_assessment(therapist_ctx, draft_id)
    assert final.value("nprs") == 3
    assert final.value("lefs.total") == 60


@pytest.mark.parametrize(
    ("typed", "message"),
    [("abc", "not a number"), ("400", "outside 0–160"), ("-5", "outside 0–160")],
)
def test_a_bad_value_is_refused_in_place_and_nothing_else_changes(
    editor: AssessmentEditor,
    qtbot: QtBot,
    therapist_ctx: ServiceContext,
    draft_id: int,
    typed: str,
    message: str,
) -> None:
    enter_cells(qtbot, ["120", typed])
    grid = editor.grids[0]
    bad = CellKey("hip.flexion", "left", "passive")
    qtbot.waitUntil(lambda: bad in grid.errors)
    assert message in editor.status.text()
    enter_cells(qtbot, ["118"])
    assert "not stored" in grid.cell_text(bad)
    assert message in grid.cell_description(bad)  # the tooltip says what is wrong
    record = assessments.get_assessment(therapist_ctx, draft_id)
    assert record.value("hip.flexion", "left", "passive") is None
    assert record.value("hip.flexion", "left", "active") == 120
    assert record.value("hip.flexion", "right", "active") == 118


def test_undo_and_redo_save_through_the_service(
    editor: AssessmentEditor, qtbot: QtBot, therapist_ctx: ServiceContext, draft_id: int
) -> None:
    enter_cells(qtbot, ["120", "130"])
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(
        lambda: stored(therapist_ctx, draft_id, "hip.flexion", "left", "passive") is None
    )
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(
        lambda: stored(therapist_ctx, draft_id, "hip.flexion", "left", "active") is None
    )
    press(qtbot, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: stored(therapist_ctx, draft_id, "hip.flexion", "left", "active") == 120)
    assert editor.grids[0].values[CellKey("hip.flexion", "left", "active")] == 120


def test_p_marks_a_value_painful_and_delete_clears_it(
    editor: AssessmentEditor, qtbot: QtBot, therapist_ctx: ServiceContext, draft_id: int
) -> None:
    assert "P: painful" in editor.hint.text()
    enter_cells(qtbot, ["120"])
    press(qtbot, Qt.Key.Key_Left)
    press(qtbot, Qt.Key.Key_P)
    key = CellKey("hip.flexion", "left", "active")
    assert editor.grids[0].pain.get(key) is True  # shown at once, stored off the UI thread
    saves_done(qtbot)
    record = assessments.get_assessment(therapist_ctx, draft_id)
    measurement = record.measurement("hip.flexion", "left", "active")
    assert measurement is not None and measurement.pain
    assert "✱" in editor.grids[0].cell_text(key) and "painful" in editor.grids[0].cell_description(
        key
    )
    press(qtbot, Qt.Key.Key_Delete)
    qtbot.waitUntil(
        lambda: stored(therapist_ctx, draft_id, "hip.flexion", "left", "active") is None
    )


def test_below_norm_and_control_deficit_are_flagged_with_a_symbol_and_words(
    editor: AssessmentEditor, qtbot: QtBot
) -> None:
    # Active 100°, passive 140°: passive is normal, so the short active range is a control
    # deficit (gap 40° beyond the goniometer's error), not "below norm" (the domain's rule).
    enter_cells(qtbot, ["100", "140", "90", "92"])
    grid = editor.grids[0]
    low, fine = CellKey("hip.flexion", "left", "active"), CellKey("hip.flexion", "left", "passive")
    qtbot.waitUntil(lambda: CellKey("hip.flexion", "right", "passive") in grid.values)
    qtbot.waitUntil(lambda: not editor.live_findings.busy)  # the markers come with it
    assert "◆" in grid.cell_text(low) and "control deficit" in grid.cell_description(low)
    assert "▼" not in grid.cell_text(low) and "▼" not in grid.cell_text(fine)
    # Right side: active 90°, passive 92°: both short, a length limit on the passive reading.
    limited = CellKey("hip.flexion", "right", "passive")
    assert "▼" in grid.cell_text(limited) and "below norm" in grid.cell_description(limited)
    assert "◆" not in grid.cell_text(CellKey("hip.flexion", "right", "active"))


def test_a_change_made_in_another_window_is_shown_not_overwritten(
    editor: AssessmentEditor, qtbot: QtBot, therapist_ctx: ServiceContext, draft_id: int
) -> None:
    enter_cells(qtbot, ["120"])
    assessments.set_value(therapist_ctx, draft_id, "hip.flexion", "left", "active", 125)
    press(qtbot, Qt.Key.Key_Left)
    type_text(qtbot, "110")
    press(qtbot, Qt.Key.Key_Tab)
    key = CellKey("hip.flexion", "left", "active")
    qtbot.waitUntil(lambda: "changed elsewhere" in editor.status.text())
    assert stored(therapist_ctx, draft_id, "hip.flexion", "left", "active") == 125
    assert editor.grids[0].values[key] == 125


def test_closing_without_saving_and_reopening_on_a_new_connection_resumes_the_draft(
    open_editor: Callable[..., AssessmentEditor],
    qtbot: QtBot,
    draft_id: int,
    db_path: Path,
) -> None:
    first = open_editor(draft_id)
    enter_cells(qtbot, ["120", "130"])
    press(qtbot, Qt.Key.Key_O, ALT)
    tab_to(qtbot, first.notes)
    type_text(qtbot, "tight calves")
    first.close()  # no Save button, no waiting for the notes timer
    database = open_database(db_path)
    try:
        ctx = ServiceContext(db=database, actor=THERAPIST)
        second = open_editor(draft_id, ctx)
        grid = second.grids[0]
        assert grid.values[CellKey("hip.flexion", "left", "active")] == 120
        assert grid.values[CellKey("hip.flexion", "left", "passive")] == 130
        assert second.notes.toPlainText() == "tight calves"
        second.close()
    finally:
        database.dispose()


def test_sign_locks_and_an_addendum_keeps_the_original(
    editor: AssessmentEditor,
    qtbot: QtBot,
    therapist_ctx: ServiceContext,
    draft_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    enter_cells(qtbot, ["120"])
    monkeypatch.setattr(AssessmentEditor, "confirm", classmethod(lambda cls, parent, text: True))
    monkeypatch.setattr(AssessmentEditor, "ask_reason", classmethod(lambda cls, parent: "typo"))
    press(qtbot, Qt.Key.Key_G, ALT)  # Si&gn…
    qtbot.waitUntil(lambda: "Signed by Test Therapist" in editor.banner.text())
    assert "read-only" in editor.banner.text()
    assert not editor.grids[0].flags(editor.grids[0].index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    assert not editor.sign_button.isEnabled() and editor.addendum_button.isEnabled()

    original = draft_id
    qtbot.mouseClick(editor.addendum_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.assessment_id != original)
    assert "Addendum to the assessment" in editor.banner.text()
    editor.views[0].setFocus()
    editor.views[0].setCurrentIndex(editor.grids[0].index(0, 2))
    type_text(qtbot, "125")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(
        lambda: stored(therapist_ctx, editor.assessment_id, "hip.flexion", "left", "active") == 125
    )
    assert stored(therapist_ctx, original, "hip.flexion", "left", "active") == 120
    assert assessments.get_assessment(therapist_ctx, original).status == "signed"


def test_show_last_visit_puts_the_previous_value_in_each_cell(
    therapist_ctx: ServiceContext,
    client_id: int,
    open_editor: Callable[..., AssessmentEditor],
    qtbot: QtBot,
) -> None:
    before = assessments.create_assessment(therapist_ctx, client_id, date(2026, 1, 5))
    assessments.set_value(therapist_ctx, before.id, "hip.flexion", "left", "active", 101)
    now = assessments.create_assessment(therapist_ctx, client_id, date(2026, 2, 5))
    editor = open_editor(now.id)
    key = CellKey("hip.flexion", "left", "active")
    assert "last 101" not in editor.grids[0].cell_text(key)
    qtbot.keyClick(editor, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(editor.show_last.isChecked)
    assert "(last 101)" in editor.grids[0].cell_text(key)


def test_a_template_lays_out_only_its_measures(
    therapist_ctx: ServiceContext, client_id: int, open_editor: Callable[..., AssessmentEditor]
) -> None:
    hip = assessments.create_assessment(therapist_ctx, client_id, date(2026, 1, 5), template="hip")
    editor = open_editor(hip.id)
    codes = [m.code for m in editor.grids[0].measures]
    assert codes[:5] == [
        "hip.flexion",
        "hip.extension",
        "hip.internal_rotation",
        "hip.external_rotation",
        "hip.abduction",
    ]
    assert "knee.flexion" not in codes
    assert not editor.tabs.isTabVisible(1)  # no lunge or balance in the hip template


@pytest.mark.parametrize("key", [Qt.Key.Key_1, Qt.Key.Key_Delete])
def test_typing_into_a_signed_assessment_says_how_to_correct_it(
    open_editor: Callable[..., AssessmentEditor],
    qtbot: QtBot,
    therapist_ctx: ServiceContext,
    draft_id: int,
    key: Qt.Key,
) -> None:
    assessments.set_value(therapist_ctx, draft_id, "hip.flexion", "left", "active", 110)
    assessments.sign_assessment(therapist_ctx, draft_id)
    editor = open_editor(draft_id)
    editor.views[0].setCurrentIndex(editor.grids[0].index(0, 2))
    press(qtbot, key)
    qtbot.waitUntil(lambda: "signed: add an addendum" in editor.status.text())
    assert "This assessment is signed: add an addendum to correct it" in editor.status.text()
    assert stored(therapist_ctx, draft_id, "hip.flexion", "left", "active") == 110


def test_the_sign_dialog_says_what_is_empty_or_not_stored_and_an_addendum_shows_its_reason(
    editor: AssessmentEditor,
    qtbot: QtBot,
    therapist_ctx: ServiceContext,
    draft_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    enter_cells(qtbot, ["120", "400"])  # the second is refused: typed but not stored
    qtbot.waitUntil(lambda: bool(editor.grids[0].errors))
    asked: list[str] = []

    def confirm(_cls: object, _parent: object, text: str) -> bool:
        asked.append(text)
        return len(asked) > 1  # the first time the therapist goes back to the grid

    monkeypatch.setattr(AssessmentEditor, "confirm", classmethod(confirm))
    press(qtbot, Qt.Key.Key_G, ALT)
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert "Typed but NOT stored (refused): Hip flexion left passive" in asked[0]
    assert "• Partly filled: Hip flexion (left passive, right active, right passive)" in asked[0]
    assert "• No value: Hip extension" in asked[0]
    assert "• Not rated: Single-leg squat" in asked[0]
    assert asked[0].endswith("later corrections are addenda.")
    assert assessments.get_assessment(therapist_ctx, draft_id).status == "draft"
    press(qtbot, Qt.Key.Key_G, ALT)
    qtbot.waitUntil(lambda: "Signed by" in editor.banner.text())

    monkeypatch.setattr(AssessmentEditor, "ask_reason", classmethod(lambda cls, parent: " "))
    qtbot.mouseClick(editor.addendum_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "needs a reason" in editor.status.text())
    assert editor.assessment_id == draft_id
    monkeypatch.setattr(
        AssessmentEditor, "ask_reason", classmethod(lambda cls, parent: "wrong side measured")
    )
    qtbot.mouseClick(editor.addendum_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.assessment_id != draft_id)
    assert "Reason: “wrong side measured”." in editor.banner.text()
