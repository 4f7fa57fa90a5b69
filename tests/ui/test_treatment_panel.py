"""The editor's Treatment tab: entered by keyboard (Enter adds, F2 changes, Delete removes),
bad entries and storage errors said by the entry row, read-only once signed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.treatments import TreatmentEntry
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services import treatments as service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.errors import StorageBusy
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from mobileathlete_desktop.ui.treatment_panel import TreatmentPanel
from tests.ui.keys import focused, press, type_text

ALT = Qt.KeyboardModifier.AltModifier
MOB = TreatmentEntry("mobilisation", "talocrural", "pa", 3, "left", 8)
CUE = TreatmentEntry("cue", method="cadence", note="+5 %")


@pytest.fixture
def draft_id(ctx: ServiceContext) -> int:
    client = clients.create_client(
        ctx, clients.ClientInput("TP-1", "Testa", "Treated", date(1990, 1, 1), "female")
    )
    return assessments.create_assessment(ctx, client.id, date(2026, 3, 2)).id


@pytest.fixture
def open_panel(ctx: ServiceContext, qtbot: QtBot) -> Callable[[int], TreatmentPanel]:
    def make(assessment_id: int) -> TreatmentPanel:
        editor = AssessmentEditor(ctx, assessment_id)
        qtbot.addWidget(editor)
        editor.show()
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow)
        press(qtbot, Qt.Key.Key_A, ALT)  # Tre&atment
        qtbot.waitUntil(lambda: editor.tabs.currentWidget() is editor.treatment_page)
        panel = editor.treatment
        if panel.entry_row.kind.isEnabled():  # a signed visit's entry row takes no focus
            panel.entry_row.kind.setFocus()
            qtbot.waitUntil(panel.entry_row.kind.hasFocus)
        return panel

    return make


def stored(ctx: ServiceContext, assessment_id: int) -> list[TreatmentEntry]:
    return [t.entry for t in service.list_treatments(ctx, assessment_id)]


def tab(qtbot: QtBot) -> None:
    press(qtbot, Qt.Key.Key_Tab)


def test_a_mobilisation_is_typed_and_enter_adds_it(
    ctx: ServiceContext, draft_id: int, open_panel: Callable[[int], TreatmentPanel], qtbot: QtBot
) -> None:
    panel = open_panel(draft_id)
    tab(qtbot)  # the kind stays Joint mobilisation
    type_text(qtbot, "Ankle (talocrural)")
    tab(qtbot)
    type_text(qtbot, "pa glide")  # a label in any case is the code
    tab(qtbot)
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Down)  # —, I, II, III
    tab(qtbot)
    press(qtbot, Qt.Key.Key_Down)  # left
    tab(qtbot)
    type_text(qtbot, "8")
    press(qtbot, Qt.Key.Key_Return)
    assert stored(ctx, draft_id) == [MOB]
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 1).text() == "Ankle (talocrural) left"
    assert panel.table.item(0, 3).text() == "III"
    assert panel.entry_row.minutes.text() == "" and not panel.error.isVisible()
    assert focused() is panel.entry_row.kind  # ready for the next one


def test_a_cue_in_own_words_from_the_note_field(
    ctx: ServiceContext, draft_id: int, open_panel: Callable[[int], TreatmentPanel], qtbot: QtBot
) -> None:
    panel = open_panel(draft_id)
    panel.entry_row.kind.setCurrentIndex(panel.entry_row.kind.findData("cue"))
    assert not panel.entry_row.site.isEnabled() and not panel.entry_row.grade.isEnabled()
    panel.entry_row.method.setFocus()
    type_text(qtbot, "Lean from the ankles")
    panel.entry_row.note.setFocus()
    type_text(qtbot, "on the treadmill")
    press(qtbot, Qt.Key.Key_Enter)
    assert stored(ctx, draft_id) == [
        TreatmentEntry("cue", method="Lean from the ankles", note="on the treadmill")
    ]


@pytest.mark.parametrize(
    ("minutes", "said"),
    [
        ("abc", "Minutes must be a whole number from 0 to 120, not abc"),
        ("-5", "not -5"),
        ("500", "not 500"),
        ("7.5", "not 7.5"),
    ],
)
def test_bad_minutes_are_said_by_the_row_and_kept_there(
    ctx: ServiceContext,
    draft_id: int,
    open_panel: Callable[[int], TreatmentPanel],
    qtbot: QtBot,
    minutes: str,
    said: str,
) -> None:
    panel = open_panel(draft_id)
    panel.entry_row.site.setEditText("hip")
    panel.entry_row.minutes.setFocus()
    type_text(qtbot, minutes)
    press(qtbot, Qt.Key.Key_Return)
    assert panel.error.isVisible() and said in panel.error.text()
    assert panel.entry_row.minutes.text() == minutes
    assert stored(ctx, draft_id) == []


def test_a_missing_joint_and_a_long_note_are_refused(
    ctx: ServiceContext, draft_id: int, open_panel: Callable[[int], TreatmentPanel], qtbot: QtBot
) -> None:
    panel = open_panel(draft_id)
    press(qtbot, Qt.Key.Key_Return)
    assert "say which joint" in panel.error.text()
    panel.entry_row.site.setEditText("hip")
    panel.entry_row.note.setText("x" * 5000)
    panel.entry_row.note.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert "The note is too long (at most 500 characters)" in panel.error.text()
    assert stored(ctx, draft_id) == []
    # Only grades I-V can be chosen: grade 7 cannot even be typed.
    assert [panel.entry_row.grade.itemText(i) for i in range(panel.entry_row.grade.count())] == [
        "—",
        "I",
        "II",
        "III",
        "IV",
        "V",
    ]


def test_f2_changes_a_treatment_and_delete_removes_one(
    ctx: ServiceContext, draft_id: int, open_panel: Callable[[int], TreatmentPanel], qtbot: QtBot
) -> None:
    service.add_treatment(ctx, draft_id, MOB)
    service.add_treatment(ctx, draft_id, CUE)
    panel = open_panel(draft_id)
    panel.table.setFocus()
    panel.table.selectRow(0)
    press(qtbot, Qt.Key.Key_F2)
    assert panel.entry_row.add_button.text() == "Save change"
    assert panel.entry_row.minutes.text() == "8"
    panel.entry_row.minutes.setFocus()
    panel.entry_row.minutes.selectAll()
    type_text(qtbot, "12")
    press(qtbot, Qt.Key.Key_Return)
    assert stored(ctx, draft_id)[0].minutes == 12
    assert panel.entry_row.add_button.text() == "Add"
    panel.table.setFocus()
    panel.table.selectRow(1)
    press(qtbot, Qt.Key.Key_Delete)
    assert [t.kind for t in stored(ctx, draft_id)] == ["mobilisation"]
    assert panel.table.rowCount() == 1


def test_a_change_made_elsewhere_meanwhile_is_not_overwritten(
    ctx: ServiceContext, draft_id: int, open_panel: Callable[[int], TreatmentPanel], qtbot: QtBot
) -> None:
    made = service.add_treatment(ctx, draft_id, MOB)
    panel = open_panel(draft_id)
    panel.table.setFocus()
    panel.table.selectRow(0)
    press(qtbot, Qt.Key.Key_F2)
    elsewhere = TreatmentEntry("mobilisation", "talocrural", "pa", 4, "left", 8)
    service.update_treatment(ctx, draft_id, made.id, elsewhere, expected=MOB)
    panel.entry_row.minutes.setFocus()
    panel.entry_row.minutes.selectAll()
    type_text(qtbot, "20")
    press(qtbot, Qt.Key.Key_Return)
    assert "changed or removed elsewhere" in panel.error.text()
    assert stored(ctx, draft_id) == [elsewhere]
    assert panel.table.item(0, 3).text() == "IV"


def test_a_busy_database_keeps_what_was_typed_for_enter_to_retry(
    ctx: ServiceContext,
    draft_id: int,
    open_panel: Callable[[int], TreatmentPanel],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel = open_panel(draft_id)
    real = service.add_treatment
    busy = [True]

    def add(*args: object, **kwargs: object) -> object:
        if busy.pop() if busy else False:
            raise StorageBusy("The clinic database is busy")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(service, "add_treatment", add)
    panel.entry_row.site.setEditText("hip")
    panel.entry_row.minutes.setFocus()
    type_text(qtbot, "6")
    press(qtbot, Qt.Key.Key_Return)
    assert "busy" in panel.error.text() and "not stored; press Enter to try again" in (
        panel.error.text()
    )
    assert panel.entry_row.minutes.text() == "6" and stored(ctx, draft_id) == []
    press(qtbot, Qt.Key.Key_Return)
    assert stored(ctx, draft_id) == [TreatmentEntry("mobilisation", "hip", minutes=6)]
    assert not panel.error.isVisible()


def test_a_signed_visit_shows_its_treatments_read_only(
    ctx: ServiceContext, draft_id: int, open_panel: Callable[[int], TreatmentPanel], qtbot: QtBot
) -> None:
    service.add_treatment(ctx, draft_id, MOB)
    assessments.sign_assessment(ctx, draft_id)
    panel = open_panel(draft_id)
    assert panel.table.rowCount() == 1
    assert not any(
        w.isEnabled() for w in [*panel.entry_row.entry_widgets, panel.entry_row.add_button]
    )
    panel.table.setFocus()
    panel.table.selectRow(0)
    press(qtbot, Qt.Key.Key_Delete)
    assert "signed" in panel.error.text()
    press(qtbot, Qt.Key.Key_F2)
    assert panel.editing is None
    assert stored(ctx, draft_id) == [MOB]


def test_signing_with_a_treatment_typed_but_not_added_says_so(
    ctx: ServiceContext,
    draft_id: int,
    open_panel: Callable[[int], TreatmentPanel],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel = open_panel(draft_id)
    editor = panel.window()
    assert isinstance(editor, AssessmentEditor)
    asked: list[str] = []
    monkeypatch.setattr(AssessmentEditor, "confirm", lambda *a: asked.append(a[-1]) or False)
    editor.sign()
    assert "Treatment tab" not in asked[-1]
    panel.entry_row.site.setFocus()
    type_text(qtbot, "hip")
    editor.sign()
    assert "the treatment typed on the Treatment tab (Enter adds it)" in asked[-1]
    assert assessments.get_assessment(ctx, draft_id).status == "draft"


def test_the_tab_shows_its_entry_row_and_list_as_it_first_shows(
    ctx: ServiceContext, draft_id: int, qtbot: QtBot
) -> None:
    """The Treatment tab is built when first shown (not with the editor's window): the
    entry row, the hint and the visit's treatments are there in the same turn, none a turn
    later; the error line and Cancel change stay hidden."""
    service.add_treatment(ctx, draft_id, MOB)
    editor = AssessmentEditor(ctx, draft_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.tabs.setCurrentWidget(editor.treatment_page)  # shown now, no event loop turn
    panel = editor.treatment
    assert all(
        w.isVisible()
        for w in [*panel.entry_row.entry_widgets, panel.entry_row.add_button, panel.hint]
    )
    assert panel.table.isVisible() and panel.table.rowCount() == 1
    assert panel.table.item(0, 1).text() == "Ankle (talocrural) left"
    assert not panel.error.isVisible() and not panel.entry_row.cancel_button.isVisible()
    assert all(w.isEnabled() for w in [*panel.entry_row.entry_widgets, panel.entry_row.add_button])


def test_tab_from_the_list_goes_on_to_the_buttons_beside_the_tabs(
    draft_id: int, open_panel: Callable[[int], TreatmentPanel], qtbot: QtBot
) -> None:
    """Made when the tab first shows, the entry row and the list keep their place in the
    window's Tab order (Qt puts late widgets last: Tab went to the top of the window)."""
    panel = open_panel(draft_id)
    editor = panel.window()
    assert isinstance(editor, AssessmentEditor)
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus)
    press(qtbot, Qt.Key.Key_Tab)
    after = editor.checkin_button if editor.checkin_button.isVisible() else editor.media_button
    qtbot.waitUntil(after.hasFocus)
    press(qtbot, Qt.Key.Key_Backtab)
    qtbot.waitUntil(panel.table.hasFocus)
