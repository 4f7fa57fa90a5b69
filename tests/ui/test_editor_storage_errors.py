"""A value the database could not store stays in its cell, marked "not stored", and Enter on the
cell tries again; the status line never says "Saved" for it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.errors import StorageBusy
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from mobileathlete_desktop.ui.measure_grid import CellKey
from tests.ui.keys import press, saves_done, type_text

HIP = CellKey("hip.flexion", "left", "active")


@pytest.fixture
def editor(therapist_ctx: ServiceContext, qtbot: QtBot) -> AssessmentEditor:
    client = clients.create_client(
        therapist_ctx, clients.ClientInput("S-1", "Testa", "Runnerton", date(1996, 4, 1))
    )
    draft = assessments.create_assessment(
        therapist_ctx, client.id, date(2026, 3, 2), template="runner_screen"
    )
    editor = AssessmentEditor(therapist_ctx, draft.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.views[0].setFocus()
    qtbot.waitUntil(lambda: editor.views[0].hasFocus())
    return editor


def busy_once(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The next save fails as a database held by another workstation past the busy timeout."""
    real = assessments.set_value
    failures: list[str] = []

    def set_value(*args: Any, **kwargs: Any) -> Any:
        if not failures:
            failures.append("busy")
            raise StorageBusy("database is locked")
        return real(*args, **kwargs)

    monkeypatch.setattr(assessments, "set_value", set_value)
    return failures


def test_a_busy_database_keeps_the_typed_value_marked_and_enter_retries(
    editor: AssessmentEditor,
    qtbot: QtBot,
    therapist_ctx: ServiceContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    failures = busy_once(monkeypatch)
    grid = editor.grids[0]
    type_text(qtbot, "120")
    press(qtbot, Qt.Key.Key_Tab)
    saves_done(qtbot)
    assert failures
    # The cell still shows 120, marked (red, italic, a tooltip with the reason and the way on).
    assert "120" in grid.cell_text(HIP) and "not stored" in grid.cell_text(HIP)
    index = grid.index_of(HIP)
    assert grid.data(index, Qt.ItemDataRole.FontRole).italic()
    tip = grid.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "120 not stored" in tip and "busy" in tip and "Enter" in tip
    status = editor.status.text()
    assert "not stored" in status and "busy" in status and "✓" not in status
    stored = assessments.get_assessment(therapist_ctx, editor.assessment_id)
    assert stored.value("hip.flexion", "left", "active") is None

    press(qtbot, Qt.Key.Key_Left)  # back to the cell (the next cell's editor was untouched)
    assert grid.key(editor.views[0].currentIndex()) == HIP
    press(qtbot, Qt.Key.Key_Return)  # tries again: stored now
    saves_done(qtbot)
    assert HIP in grid.values
    stored = assessments.get_assessment(therapist_ctx, editor.assessment_id)
    assert stored.value("hip.flexion", "left", "active") == 120
    assert "not stored" not in grid.cell_text(HIP) and "120" in grid.cell_text(HIP)
    assert not grid.data(index, Qt.ItemDataRole.FontRole)
    assert "Saved" in editor.status.text() and "✓" in editor.status.text()


def test_notes_changed_on_another_workstation_are_not_overwritten(
    editor: AssessmentEditor, qtbot: QtBot, therapist_ctx: ServiceContext
) -> None:
    assessments.set_notes(therapist_ctx, editor.assessment_id, "Written at the front desk")
    notes = editor.parts.notes
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus)
    qtbot.keyClicks(notes, "Typed in the treatment room")
    qtbot.waitUntil(lambda: "changed elsewhere" in editor.status.text(), timeout=5_000)
    assert "not stored" in editor.status.text() and "✓" not in editor.status.text()
    assert notes.toPlainText() == "Typed in the treatment room"  # kept, not blanked
    stored = assessments.get_assessment(therapist_ctx, editor.assessment_id)
    assert stored.notes == "Written at the front desk"


def test_a_background_job_that_finds_the_database_busy_says_so(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    from mobileathlete_desktop.ui.jobs import show_failure

    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_failure(parent, StorageBusy("database is locked"))
    assert box is not None
    assert box.text() == "The clinic database is busy; try again in a moment."
    box.close()
