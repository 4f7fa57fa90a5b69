"""The editor's motor control tab, built when first shown: its boxes are there in the same
turn, with the visit's faults ticked and ratings chosen, locked once signed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.records import FindingRecord
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from tests.ui.keys import press

ALT = Qt.KeyboardModifier.AltModifier


@pytest.mark.parametrize("signed", [False, True])
def test_the_tab_shows_the_visits_findings_as_it_first_shows(
    therapist_ctx: ServiceContext, qtbot: QtBot, signed: bool
) -> None:
    client = clients.create_client(
        therapist_ctx, clients.ClientInput("M-1", "Testa", "Squatter", date(1994, 2, 1))
    )
    visit = assessments.create_assessment(
        therapist_ctx, client.id, date(2026, 3, 2), template="runner_screen"
    ).id
    assessments.set_finding(
        therapist_ctx, visit, "sls", "left", faults=("knee_valgus",), rating="fair"
    )
    if signed:
        assessments.sign_assessment(therapist_ctx, visit)
    editor = AssessmentEditor(therapist_ctx, visit)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    motor = editor.motor
    assert motor is not None
    press(qtbot, Qt.Key.Key_M, ALT)  # &Motor control
    assert motor.isVisible()
    assert all(box.isVisible() for box in motor.boxes.values())
    valgus = motor.faults[("sls", "left", "knee_valgus")]
    assert valgus.isVisible() and valgus.isChecked()
    assert motor.ratings[("sls", "left")].currentText() == "fair"
    assert not motor.faults[("sls", "right", "knee_valgus")].isChecked()
    assert motor.ratings[("sls", "right")].currentText() == "not rated"
    controls = [*motor.faults.values(), *motor.ratings.values()]
    assert all(c.isEnabled() is not signed for c in controls)
    assert motor.finding(motor.tests[0], "left") == FindingRecord(
        "sls", "left", ("knee_valgus",), "fair"
    )
