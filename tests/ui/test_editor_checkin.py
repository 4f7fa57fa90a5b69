"""The home program's check-in from the assessment at the next visit (issue 20): Ctrl+Shift+K
opens the returned tracker's sheet for the latest program; what is saved goes with the visit."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.programs import ProgramRecord
from mobileathlete_desktop.services import assessments, checkins, clients
from mobileathlete_desktop.services import programs as program_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from mobileathlete_desktop.ui.program_builder.checkin_dialog import CheckinDialog
from tests.conftest import THERAPIST
from tests.ui.test_builder_checkin import ITEMS


@pytest.fixture
def client_id(ctx: ServiceContext) -> int:
    return clients.create_client(ctx, clients.ClientInput("CI-2", "Ines", "Checkwell")).id


def open_editor(ctx: ServiceContext, qtbot: QtBot, assessment_id: int) -> AssessmentEditor:
    editor = AssessmentEditor(ctx, assessment_id)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def test_the_check_in_is_typed_from_the_visit_and_saved_with_it(
    ctx: ServiceContext, client_id: int, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    therapist = ctx.as_actor(THERAPIST)
    program = program_service.save_program(
        therapist, ProgramRecord(None, client_id, date(2026, 3, 2), "Hips", ITEMS, weeks=4)
    )
    visit = assessments.create_assessment(therapist, client_id, date.today(), kind="reassessment")
    seen: list[str] = []

    def returned_sheet(dialog: CheckinDialog) -> int:  # what the therapist types, then Ctrl+S
        seen.append(dialog.code_edit.text())
        for row, (done, pain) in enumerate([("12", "1"), ("12", "2"), ("20", "0")]):
            dialog.table.item(row, 2).setText(done)
            dialog.table.item(row, 3).setText(pain)
        dialog.save()
        return 1

    monkeypatch.setattr(CheckinDialog, "exec", returned_sheet)
    editor = open_editor(therapist, qtbot, visit.id)
    assert editor.checkin_button.isVisible()
    qtbot.keyClick(
        editor,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: "check-in saved" in editor.status.text())
    (saved,) = checkins.list_checkins(ctx, client_id)
    assert saved.program_id == program.id and saved.assessment_id == visit.id
    assert [(i.done, i.pain) for i in saved.items] == [(12, 1), (12, 2), (20, 0)]
    assert seen and seen[0]  # the latest program found, its code shown


def test_without_a_saved_program_the_visit_says_so(
    ctx: ServiceContext, client_id: int, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    therapist = ctx.as_actor(THERAPIST)
    visit = assessments.create_assessment(therapist, client_id, date.today())
    monkeypatch.setattr(CheckinDialog, "exec", lambda _d: pytest.fail("no sheet to type"))
    editor = open_editor(therapist, qtbot, visit.id)
    editor.checkin_button.click()
    assert editor.status.text().startswith("⚠")
    assert checkins.list_checkins(ctx, client_id) == []
