"""A left-right difference typed into the grid is said in degrees, by the domain's rule, in the
grid's tooltip and the live findings, in English and in a Spanish window (never a percentage
of the other side for an angle)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations
from mobileathlete_desktop.ui.measure_grid import CellKey
from tests.ui.keys import enter_cells
from tests.ui.test_live_findings import client_id, editor, go_to, lines, open_editor

__all__ = ["client_id", "editor", "open_editor"]  # fixtures shared with the live findings

LEFT = CellKey("thomas.hip_extension", "left", "passive")
RIGHT = CellKey("thomas.hip_extension", "right", "passive")


def _type_thomas(editor: AssessmentEditor, qtbot: QtBot) -> None:
    go_to(editor, qtbot, LEFT)
    enter_cells(qtbot, ["-28"])
    go_to(editor, qtbot, RIGHT)
    enter_cells(qtbot, ["4"])


def test_a_thomas_asymmetry_is_said_in_degrees(editor: AssessmentEditor, qtbot: QtBot) -> None:
    _type_thomas(editor, qtbot)
    grid = editor.grids[0]
    qtbot.waitUntil(lambda: "↔" in grid.cell_text(LEFT))
    said = grid.cell_description(LEFT)
    assert "-28°, 32° less than right" in said
    assert "measurement error 30.5°" in said
    assert "%" not in said
    qtbot.waitUntil(lambda: any("32° less than right" in t for t in lines(editor)))


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[str]:
    language = install_translations(qapp, "es")
    yield language
    remove_translations(qapp)


@pytest.fixture
def spanish_editor(
    spanish: str,
    open_editor: Callable[[int], AssessmentEditor],
    therapist_ctx: ServiceContext,
    client_id: int,
) -> AssessmentEditor:
    from datetime import date

    from mobileathlete_desktop.services import assessments

    draft = assessments.create_assessment(
        therapist_ctx, client_id, date(2026, 4, 13), kind="reassessment", template="runner_screen"
    )
    return open_editor(draft.id)


def test_the_spanish_grid_says_the_difference_in_spanish(
    spanish_editor: AssessmentEditor, qtbot: QtBot
) -> None:
    _type_thomas(spanish_editor, qtbot)
    grid = spanish_editor.grids[0]
    qtbot.waitUntil(lambda: "↔" in grid.cell_text(LEFT))
    said = grid.cell_description(LEFT)
    assert "Prueba de Thomas (ángulo de cadera), lado izquierdo: pasivo -28°" in said
    assert "32° menos que el lado derecho" in said
    assert "error de medida de 30.5°" in said
    assert "less than" not in said
