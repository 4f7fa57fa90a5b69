"""The template editor: a clinic template copied, reordered by keys, saved and used."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import audit, clients, templates
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from mobileathlete_desktop.ui.new_assessment_dialog import NewAssessmentDialog
from mobileathlete_desktop.ui.template_editor import TemplateEditor
from tests.ui.keys import press, type_text

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def answer_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Questions (discard changes? delete?) are answered yes unless a test says otherwise."""
    monkeypatch.setattr(TemplateEditor, "confirm", classmethod(lambda cls, p, t: True))


@pytest.fixture
def open_dialog(qtbot: QtBot) -> Callable[..., TemplateEditor]:
    def make(ctx: ServiceContext, select: str = "") -> TemplateEditor:
        dialog = TemplateEditor(ctx, select=select)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        return dialog

    return make


def test_a_clinic_template_is_copied_reordered_by_keys_saved_and_used(
    open_dialog: Callable[..., TemplateEditor],
    therapist_ctx: ServiceContext,
    ctx: ServiceContext,
    admin_ctx: ServiceContext,
    qtbot: QtBot,
) -> None:
    dialog = open_dialog(therapist_ctx, "hip")
    hip = templates.get_template(therapist_ctx, "hip")
    assert hip is not None and hip.measures[-1] == "psfs.average"
    assert dialog.measure_codes() == list(hip.measures)
    assert not dialog.save_button.isEnabled()  # a built-in template is not changed

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.name.hasFocus)
    type_text(qtbot, "Hip runner")  # replaces the selected "Hip (clinic)"
    # Alt+M to the measures; the third (internal rotation) goes to the top with Alt+Up twice.
    press(qtbot, Qt.Key.Key_M, ALT)
    qtbot.waitUntil(dialog.measures.hasFocus)
    dialog.measures.setCurrentRow(0)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Up, ALT)
    press(qtbot, Qt.Key.Key_Up, ALT)
    # Delete removes the last measure, the PSFS.
    press(qtbot, Qt.Key.Key_End)
    press(qtbot, Qt.Key.Key_Delete)
    # Alt+F, type to search, Enter adds the first match after the current measure.
    press(qtbot, Qt.Key.Key_F, ALT)
    type_text(qtbot, "plantarflex")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: "Saved Hip runner" in dialog.status.text())

    listed = [t for t in templates.list_templates(therapist_ctx) if not t.builtin]
    assert [t.name for t in listed] == ["Hip runner"]
    expected = [hip.measures[2], hip.measures[0], hip.measures[1], *hip.measures[3:-1]]
    assert list(listed[0].measures) == [*expected, "ankle.plantarflexion"]
    assert dialog.measure_codes() == list(listed[0].measures)
    events = audit.find_events(admin_ctx, audit.AuditFilter(action="template.save"))
    assert events[-1].detail["code"] == "clinic.hip_runner"

    # A new assessment offers it; the editor lays the visit out by it.
    client = clients.create_client(
        ctx, clients.ClientInput("T-9", "Tam", "Pace", date(1991, 1, 1), "male")
    )
    new = NewAssessmentDialog(therapist_ctx, client.id, first_visit=True)
    qtbot.addWidget(new)
    new.template.setCurrentIndex(new.template.findData("clinic.hip_runner"))
    new.create_draft()
    assert new.created is not None and new.created.template == "clinic.hip_runner"
    editor = AssessmentEditor(therapist_ctx, new.created.id)
    qtbot.addWidget(editor)
    assert editor.template_combo.currentText() == "Hip runner"
    rom = editor.grids[0]
    assert rom.measures[0].code == "hip.internal_rotation"
    assert editor.psfs is None and editor.lefs is not None


def test_rename_keeps_the_code_and_delete_asks_first(
    open_dialog: Callable[..., TemplateEditor],
    therapist_ctx: ServiceContext,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved = templates.save_template(therapist_ctx, "Calf check", ["nprs", "ankle.plantarflexion"])
    dialog = open_dialog(therapist_ctx, saved.code)
    assert dialog.save_button.isEnabled()
    dialog.name.setFocus()
    dialog.name.selectAll()
    type_text(qtbot, "Calf and ankle")
    press(qtbot, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: "Saved Calf and ankle" in dialog.status.text())
    renamed = templates.get_template(therapist_ctx, saved.code)
    assert renamed is not None and renamed.name == "Calf and ankle"

    monkeypatch.setattr(TemplateEditor, "confirm", classmethod(lambda cls, p, t: False))
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert templates.get_template(therapist_ctx, saved.code) is not None
    monkeypatch.setattr(TemplateEditor, "confirm", classmethod(lambda cls, p, t: True))
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Deleted Calf and ankle" in dialog.status.text())
    assert templates.get_template(therapist_ctx, saved.code) is None


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "name is required"), ("Knee", "taken by a built-in"), ("!!!", "letter or digit")],
)
def test_a_bad_name_is_refused_in_the_status_line(
    open_dialog: Callable[..., TemplateEditor],
    therapist_ctx: ServiceContext,
    qtbot: QtBot,
    name: str,
    message: str,
) -> None:
    dialog = open_dialog(therapist_ctx, "hip")
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.name.hasFocus)
    press(qtbot, Qt.Key.Key_Delete)
    type_text(qtbot, name)
    press(qtbot, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: message in dialog.status.text())
    assert "not saved" in dialog.status.text()
    assert [t for t in templates.list_templates(therapist_ctx) if not t.builtin] == []


def test_removing_every_measure_is_refused(
    open_dialog: Callable[..., TemplateEditor], therapist_ctx: ServiceContext, qtbot: QtBot
) -> None:
    saved = templates.save_template(therapist_ctx, "Tiny", ["nprs"])
    dialog = open_dialog(therapist_ctx, saved.code)
    dialog.measures.setFocus()
    dialog.measures.setCurrentRow(0)
    press(qtbot, Qt.Key.Key_Delete)
    assert dialog.measure_codes() == []
    press(qtbot, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: "at least one measure" in dialog.status.text())
    assert templates.get_template(therapist_ctx, saved.code).measures == ("nprs",)  # type: ignore[union-attr]


def test_an_admin_sees_templates_but_does_not_change_them(
    open_dialog: Callable[..., TemplateEditor], admin_ctx: ServiceContext
) -> None:

    dialog = open_dialog(admin_ctx)
    assert dialog.measure_codes()  # the first template is shown
    assert not dialog.copy_button.isEnabled() and not dialog.save_button.isEnabled()
    assert "only therapists" in dialog.hint.text()
