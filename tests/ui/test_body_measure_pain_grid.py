"""P on a body measurement's cell (limb length) in the editor's grid: the mark shows, the save
is refused, the cell is put back not painful and the status says why in the window's words."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from mobileathlete_desktop.ui.measure_grid import CellKey
from tests.ui.keys import press, saves_done, type_text

LIMB = CellKey("limb.length", "left", "none")


def test_p_on_limb_length_is_refused_and_said(therapist_ctx: ServiceContext, qtbot: QtBot) -> None:
    client = clients.create_client(
        therapist_ctx, clients.ClientInput("G-1", "Gina", "Limbs", date(1994, 2, 3), "female")
    )
    draft = assessments.create_assessment(
        therapist_ctx, client.id, date(2026, 3, 2), template="runner_screen"
    )
    editor = AssessmentEditor(therapist_ctx, draft.id)
    qtbot.addWidget(editor)
    editor.show()
    found = [
        (view, grid)
        for view, grid in zip(editor.views, editor.grids, strict=True)
        if grid.index_of(LIMB).isValid()
    ]
    assert found, "limb length is on the runner screen"
    view, grid = found[0]
    pages = [editor.tabs.widget(i) for i in range(editor.tabs.count())]
    editor.tabs.setCurrentIndex(next(i for i, p in enumerate(pages) if p and p.isAncestorOf(view)))
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(grid.index_of(LIMB))
    type_text(qtbot, "91")
    press(qtbot, Qt.Key.Key_Return)
    saves_done(qtbot)
    view.setCurrentIndex(grid.index_of(LIMB))
    press(qtbot, Qt.Key.Key_P)
    saves_done(qtbot)
    qtbot.waitUntil(lambda: grid.pain.get(LIMB, False) is False)
    status = editor.status.text()
    assert status.startswith("⚠"), status
    assert "Limb length" in status and "body measurement" in status, status
    assert "mark the test that hurt instead" in status and "not stored" in status, status
    stored = assessments.get_assessment(therapist_ctx, draft.id)
    assert stored.measurement("limb.length", "left", "none").pain is False  # type: ignore[union-attr]
    editor.close()
