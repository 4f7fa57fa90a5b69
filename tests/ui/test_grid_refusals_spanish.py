"""A value or pain mark the grid refuses is said in the window's language: a knee flexion of
400°, text in a number cell and P on limb length, in a Spanish window (the domain's rule,
domain/validation, decides; ui/value_problems says it), and the same in English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations
from mobileathlete_desktop.ui.measure_grid import CellKey
from tests.ui.keys import press, saves_done, type_text

KNEE = CellKey("knee.flexion", "left", "active")
LIMB = CellKey("limb.length", "left", "none")


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[str]:
    language = install_translations(qapp, "es")
    yield language
    remove_translations(qapp)


def _editor(ctx: ServiceContext, qtbot: QtBot) -> tuple[AssessmentEditor, int]:
    client = clients.create_client(
        ctx, clients.ClientInput("R-1", "Rosa", "Rango", date(1990, 1, 5), "female")
    )
    draft = assessments.create_assessment(
        ctx, client.id, date(2026, 3, 2), template="runner_screen"
    )
    editor = AssessmentEditor(ctx, draft.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor, draft.id


def _go_to(editor: AssessmentEditor, qtbot: QtBot, key: CellKey) -> None:
    found = [
        (view, grid)
        for view, grid in zip(editor.views, editor.grids, strict=True)
        if grid.index_of(key).isValid()
    ]
    assert found, f"{key.code} is on the runner screen"
    view, grid = found[0]
    pages = [editor.tabs.widget(i) for i in range(editor.tabs.count())]
    editor.tabs.setCurrentIndex(next(i for i, p in enumerate(pages) if p and p.isAncestorOf(view)))
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(grid.index_of(key))


def _enter(editor: AssessmentEditor, qtbot: QtBot, key: CellKey, text: str) -> str:
    _go_to(editor, qtbot, key)
    type_text(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)
    saves_done(qtbot)
    return editor.status.text()


def test_refusals_read_spanish_in_a_spanish_window(
    spanish: str, therapist_ctx: ServiceContext, qtbot: QtBot
) -> None:
    editor, draft_id = _editor(therapist_ctx, qtbot)
    status = _enter(editor, qtbot, KNEE, "400")
    assert "Flexión de rodilla" in status, status
    assert "400° está fuera del intervalo posible (0–" in status, status
    assert "no se ha guardado" in status and "outside" not in status, status

    status = _enter(editor, qtbot, KNEE, "1o5")
    assert "«1o5» no es un número" in status and "not a number" not in status, status

    _enter(editor, qtbot, LIMB, "91")
    _go_to(editor, qtbot, LIMB)
    press(qtbot, Qt.Key.Key_P)
    saves_done(qtbot)
    status = editor.status.text()
    assert "es una medida corporal" in status and "marque la prueba que causó dolor" in status
    assert "body measurement" not in status, status
    stored = assessments.get_assessment(therapist_ctx, draft_id)
    assert stored.measurement("knee.flexion", "left", "active") is None
    assert stored.measurement("limb.length", "left", "none").pain is False  # type: ignore[union-attr]
    editor.close()


def test_refusals_read_english_in_an_english_window(
    therapist_ctx: ServiceContext, qtbot: QtBot
) -> None:
    editor, _ = _editor(therapist_ctx, qtbot)
    status = _enter(editor, qtbot, KNEE, "400")
    assert "Knee flexion" in status and "400° is outside 0–" in status, status
    assert "not stored" in status, status
    editor.close()
