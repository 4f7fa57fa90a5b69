"""The assessment editor's refusals outside the grid, in a Spanish window: a PSFS activity
named twice or a rating without its activity (the service's rules, said by ui/refusals) and a
bad treatment entry (the treatments' own words in the window's language); nothing is stored."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, clients, templates
from mobileathlete_desktop.services import treatments as treatment_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations
from mobileathlete_desktop.ui.template_editor import TemplateEditor
from tests.ui.keys import press, tab_to, type_text

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[str]:
    language = install_translations(qapp, "es")
    yield language
    remove_translations(qapp)


@pytest.fixture
def draft_id(ctx: ServiceContext) -> int:
    client = clients.create_client(
        ctx, clients.ClientInput("O-1", "Ona", "Miles", date(1992, 3, 3), "female")
    )
    return assessments.create_assessment(
        ctx, client.id, date(2026, 1, 5), template="runner_screen"
    ).id


def _editor(ctx: ServiceContext, qtbot: QtBot, assessment_id: int) -> AssessmentEditor:
    editor = AssessmentEditor(ctx, assessment_id)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def _psfs(ctx: ServiceContext, assessment_id: int) -> tuple[tuple[str, ...], ...]:
    record = assessments.get_assessment(ctx, assessment_id)
    found = next((o for o in record.outcomes if o.instrument == "psfs"), None)
    return (found.labels, found.answers) if found else ((), ())  # type: ignore[return-value]


def test_a_psfs_activity_named_twice_is_refused_in_spanish(
    spanish: str, therapist_ctx: ServiceContext, draft_id: int, qtbot: QtBot
) -> None:
    editor = _editor(therapist_ctx, qtbot, draft_id)
    press(qtbot, Qt.Key.Key_O, ALT)  # the Outcomes tab (Escalas y notas)
    psfs = editor.psfs
    assert psfs is not None
    tab_to(qtbot, psfs.activities[0])
    for name, rating in (("Correr", "3"), ("correr", "4")):
        type_text(qtbot, name)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, rating)
        press(qtbot, Qt.Key.Key_Tab)
    sentence = "PSFS: «correr» aparece dos veces — no se ha guardado"
    qtbot.waitUntil(lambda: editor.status.text() == f"⚠ {sentence}")
    assert _psfs(therapist_ctx, draft_id) == (("Correr",), (3,))


def test_a_psfs_rating_without_its_activity_is_refused_in_spanish(
    spanish: str, therapist_ctx: ServiceContext, draft_id: int, qtbot: QtBot
) -> None:
    editor = _editor(therapist_ctx, qtbot, draft_id)
    press(qtbot, Qt.Key.Key_O, ALT)
    psfs = editor.psfs
    assert psfs is not None
    tab_to(qtbot, psfs.ratings[0])
    type_text(qtbot, "5")
    press(qtbot, Qt.Key.Key_Tab)
    sentence = "PSFS, fila 1: escriba la actividad antes de puntuarla — no se ha guardado"
    qtbot.waitUntil(lambda: editor.status.text() == f"⚠ {sentence}")
    assert _psfs(therapist_ctx, draft_id) == ((), ())


def test_bad_treatment_minutes_are_refused_in_spanish(
    spanish: str, ctx: ServiceContext, draft_id: int, qtbot: QtBot
) -> None:
    editor = _editor(ctx, qtbot, draft_id)
    press(qtbot, Qt.Key.Key_T, ALT)  # &Tratamiento
    qtbot.waitUntil(lambda: editor.tabs.currentWidget() is editor.treatment_page)
    panel = editor.treatment
    panel.entry_row.kind.setFocus()
    qtbot.waitUntil(panel.entry_row.kind.hasFocus)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "talocrural")
    tab_to(qtbot, panel.entry_row.minutes)
    type_text(qtbot, "diez")
    press(qtbot, Qt.Key.Key_Return)
    assert panel.error.isVisible()
    assert panel.error.text() == ("⚠ Los minutos deben ser un número entero de 0 a 120, no diez"), (
        panel.error.text()
    )
    assert treatment_service.list_treatments(ctx, draft_id) == ()


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("", "Nombre de la plantilla: este dato es obligatorio — no se ha guardado"),
        (
            "Knee",
            "El nombre de plantilla «Knee» ya lo tiene una plantilla de serie (Knee) — no se "
            "ha guardado",
        ),
        ("!!!", "Nombre de la plantilla: necesita al menos una letra o una cifra — no se ha "),
    ],
)
def test_a_bad_template_name_is_refused_in_spanish(
    spanish: str,
    therapist_ctx: ServiceContext,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    sentence: str,
) -> None:
    # Closing with the unsaved copy asks whether to discard it: yes.
    monkeypatch.setattr(TemplateEditor, "confirm", classmethod(lambda cls, p, t: True))
    dialog = TemplateEditor(therapist_ctx, select="hip")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.name.hasFocus)
    press(qtbot, Qt.Key.Key_Delete)
    type_text(qtbot, name)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sentence in dialog.status.text())
    assert [t for t in templates.list_templates(therapist_ctx) if not t.builtin] == []


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("", "Una adenda necesita un motivo: indique qué corrige"),
        ("x" * 501, "El motivo es demasiado largo (como máximo 500 caracteres)"),
    ],
)
def test_an_addendum_without_a_fitting_reason_is_refused_in_spanish(
    spanish: str,
    therapist_ctx: ServiceContext,
    draft_id: int,
    qtbot: QtBot,
    typed: str,
    sentence: str,
) -> None:
    assessments.sign_assessment(therapist_ctx, draft_id)
    client_id = assessments.get_assessment(therapist_ctx, draft_id).client_id
    editor = _editor(therapist_ctx, qtbot, draft_id)

    def answer() -> None:
        asked = QApplication.activeModalWidget()
        assert isinstance(asked, QInputDialog), asked
        field = asked.findChild(QLineEdit)
        assert field is not None
        qtbot.keyClicks(field, typed)
        qtbot.keyClick(field, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    editor.add_addendum()
    assert editor.status.text() == f"⚠ {sentence}"
    assert len(assessments.list_assessments(therapist_ctx, client_id)) == 1


def test_the_builder_says_a_service_refusal_in_spanish(
    spanish: str, therapist_ctx: ServiceContext, draft_id: int
) -> None:
    """The program builder says a service's refusal through service_adapter.describe: a
    title too long (the rule named by the domain) reads Spanish; nothing is saved."""
    from mobileathlete_desktop.domain.programs import ProgramRecord
    from mobileathlete_desktop.services import programs
    from mobileathlete_desktop.services.context import InputError
    from mobileathlete_desktop.ui import service_adapter

    client_id = assessments.get_assessment(therapist_ctx, draft_id).client_id
    program = ProgramRecord(None, client_id, date(2026, 1, 5), "Semana " + "x" * 300)
    with pytest.raises(InputError) as refused:
        programs.save_program(therapist_ctx, program)
    assert str(refused.value) == "Title is too long: 307 characters, at most 200"
    assert service_adapter.describe(refused.value) == (
        "Título: 307 caracteres, y se admiten como máximo 200"
    )
    assert programs.list_programs(therapist_ctx, client_id) == []
