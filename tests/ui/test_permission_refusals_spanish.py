"""A role's refused action in the window's language: an admin who opens a therapist's draft and
types a value is told, in a Spanish window, that the role does not allow it (the domain's
English, "… (admin) may not assessments write", stays the command line's); every action a role
can be refused has its words."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.permissions import PERMISSIONS, ROLES, Actor, PermissionDenied
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations
from mobileathlete_desktop.ui.measure_grid import CellKey
from mobileathlete_desktop.ui.refusals import refusal_text
from tests.conftest import ADMIN
from tests.ui.keys import press, saves_done, type_text

KNEE = CellKey("knee.flexion", "left", "active")


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[str]:
    language = install_translations(qapp, "es")
    yield language
    remove_translations(qapp)


def _admin_types_a_value(ctx: ServiceContext, qtbot: QtBot) -> AssessmentEditor:
    client = clients.create_client(
        ctx, clients.ClientInput("R-1", "Rosa", "Rango", date(1990, 1, 5), "female")
    )
    draft = assessments.create_assessment(
        ctx, client.id, date(2026, 3, 2), template="runner_screen"
    )
    editor = AssessmentEditor(ctx.as_actor(ADMIN), draft.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    view, grid = next(
        (v, g)
        for v, g in zip(editor.views, editor.grids, strict=True)
        if g.index_of(KNEE).isValid()
    )
    pages = [editor.tabs.widget(i) for i in range(editor.tabs.count())]
    editor.tabs.setCurrentIndex(next(i for i, p in enumerate(pages) if p and p.isAncestorOf(view)))
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(grid.index_of(KNEE))
    type_text(qtbot, "120")
    press(qtbot, Qt.Key.Key_Return)
    saves_done(qtbot)
    assert assessments.get_assessment(ctx, draft.id).measurements == ()  # nothing stored
    return editor


def test_an_admin_typing_into_a_draft_is_refused_in_spanish(
    spanish: str, therapist_ctx: ServiceContext, qtbot: QtBot
) -> None:
    editor = _admin_types_a_value(therapist_ctx, qtbot)
    status = editor.status.text()
    assert "Su función (administrador/a) no le permite registrar o cambiar evaluaciones" in status
    assert "may not" not in status, status


def test_the_same_refusal_reads_english_in_an_english_window(
    therapist_ctx: ServiceContext, qtbot: QtBot
) -> None:
    editor = _admin_types_a_value(therapist_ctx, qtbot)
    status = editor.status.text()
    assert "Your role (admin) does not allow you to record or change assessments" in status


def test_every_refusable_action_of_either_role_has_spanish_words(spanish: str) -> None:
    for action, allowed in PERMISSIONS.items():
        for role in set(ROLES) - allowed:
            with pytest.raises(PermissionDenied) as refused:
                Actor("someone", "Some One", role).require(action)
            said = refusal_text(refused.value)
            assert said.startswith("Su función ("), (action, said)
            assert "may not" not in said and action.replace(".", " ") not in said, (action, said)


def test_a_refused_job_is_said_in_the_window_language(spanish: str, qtbot: QtBot) -> None:
    # A job of the window refused by a role (any job that reaches the default failure path)
    # says so in Spanish in a Spanish window, not in the domain's English.
    from PySide6.QtWidgets import QWidget

    from mobileathlete_desktop.ui.jobs import show_failure

    parent = QWidget()
    qtbot.addWidget(parent)
    refused = PermissionDenied("Ana (admin) may not assessments write")
    box = show_failure(parent, refused)
    assert box is not None
    assert box.text() == refusal_text(refused)
    assert "no le permite" in box.text() and "may not" not in box.text()
    box.close()
