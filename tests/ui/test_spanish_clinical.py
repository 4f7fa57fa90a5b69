"""The clinical windows in Spanish (mobileathlete_clinical_es.qm): the assessment editor and
its grid, the progress table, the program builder with its plurals and the template editor;
measure labels and drill names come from the data's Spanish, the grid's keys stay the same."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from mobileathlete_desktop.ui.chart_data import plotted_values
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations
from mobileathlete_desktop.ui.program_builder import ProgramBuilder
from mobileathlete_desktop.ui.template_editor import TemplateEditor
from tests.conftest import THERAPIST
from tests.reports.helpers import add_runner
from tests.ui.keys import press, saves_done, type_text
from tests.ui.mnemonics import duplicates_on_every_tab
from tests.ui.test_program_builder import save_and_wait


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[str]:
    """The Spanish translations installed for one test, English again afterwards."""
    language = install_translations(qapp, "es")
    yield language
    remove_translations(qapp)


@pytest.fixture
def client_id(ctx: ServiceContext) -> int:
    made = clients.create_client(
        ctx, clients.ClientInput("ES-1", "Lucía", "Carrera", date(1991, 6, 2), "female")
    )
    return made.id


def _editor(ctx: ServiceContext, client_id: int, qtbot: QtBot) -> AssessmentEditor:
    draft = assessments.create_assessment(
        ctx.as_actor(THERAPIST), client_id, date(2026, 3, 2), template="runner_screen"
    )
    editor = AssessmentEditor(ctx.as_actor(THERAPIST), draft.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def test_the_editor_speaks_spanish_and_p_still_marks_pain(
    spanish: str, ctx: ServiceContext, client_id: int, qtbot: QtBot
) -> None:
    assert spanish == "es"
    editor = _editor(ctx, client_id, qtbot)
    rom = editor.grids[0]
    headers = [rom.headerData(c, Qt.Orientation.Horizontal) for c in range(rom.columnCount())]
    assert headers == [
        "Medida",
        "Norma",
        "Izq. activo",
        "Izq. pasivo",
        "Der. activo",
        "Der. pasivo",
    ]
    first = rom.measures[0]
    assert first.label_in("es") != first.label  # the catalogue has its Spanish
    assert rom.data(rom.index(0, 0)).startswith(first.label_in("es"))
    assert editor.banner.text().startswith("✎ Borrador")
    assert "P: doloroso sí/no" in editor.hint.text()
    assert editor.windowTitle().startswith("Evaluación inicial 2026-03-02")

    # Typing a value and P (the same key in every language) marks it painful.
    view = editor.views[0]
    view.setFocus()
    cell = view.first_empty_cell()
    assert cell is not None
    view.setCurrentIndex(cell)
    type_text(qtbot, "30")
    press(qtbot, Qt.Key.Key_Return)
    key = rom.key(cell)
    assert key is not None
    qtbot.waitUntil(lambda: rom.values.get(key) == 30)
    view.setCurrentIndex(cell)
    press(qtbot, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: rom.pain.get(key) is True)
    saves_done(qtbot)  # the status says it once stored
    assert editor.status.text().endswith(": doloroso")
    assert "doloroso" in rom.cell_description(key)
    editor.close()


def test_the_progress_table_reads_spanish(spanish: str, ctx: ServiceContext, qtbot: QtBot) -> None:
    dorsiflexion = "ankle.dorsiflexion.knee_flexed"
    client = add_runner(
        ctx,
        "P-1",
        "Ada",
        "Stridewell",
        {date(2025, 1, 10): {(dorsiflexion, "left", "active"): 30.0}},
    )
    history = assessments.load_history(ctx, client.id)
    headers, values = plotted_values(history, "measure", dorsiflexion, "active", ctx.catalogue)
    assert headers == ("Fecha", "Lado", "Valor", "Visita")
    assert values[0].cells == ("2025-01-10", "izquierdo", "30°", "borrador")


def test_the_program_builder_speaks_spanish_with_plurals(
    spanish: str, ctx: ServiceContext, client_id: int, qtbot: QtBot, tmp_path: Path
) -> None:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    builder = ProgramBuilder(ctx.as_actor(THERAPIST), client_id, store=store)
    qtbot.addWidget(builder, before_close_func=lambda w: setattr(w, "dirty", False))
    builder.show()
    assert builder.windowTitle() == "Programa de ejercicios en casa — Lucía Carrera (ES-1)"
    model = builder.model
    assert [model.headerData(c, Qt.Orientation.Horizontal, 0) for c in range(3)] == [
        "Ejercicio",
        "Series",
        "Rep.",
    ]
    assert builder.save_button.text() == "&Guardar programa (Ctrl+S)"
    qtbot.waitUntil(lambda: builder.loading is None)  # the latest saved program, read on the pool
    assert builder.status.text().startswith("Aún no hay ningún programa guardado")
    # Drill names in the window's language; the handout starts in it (the client record keeps
    # no language), the therapist choosing another for the client.
    assert builder.library is not None
    first = builder.library.get(str(builder.library_model.item(0).data(Qt.ItemDataRole.UserRole)))
    assert first is not None
    assert builder.library_model.item(0).text() == first.name("es") != first.name("en")
    assert builder.language.currentData() == "es"

    codes = [e.code for e in list(builder.library)[:3]]
    builder.add_drills(codes[:1])
    save_and_wait(builder, qtbot)
    assert builder.status.text().endswith("con 1 ejercicio")
    builder.add_drills(codes[1:])
    save_and_wait(builder, qtbot)
    assert builder.status.text().endswith("con 3 ejercicios")
    assert model.name_of(codes[0]) == builder.library.get(codes[0]).name("es")  # type: ignore[union-attr]
    builder.close()


def test_the_spanish_template_editor_offers_each_alt_letter_once(
    spanish: str, ctx: ServiceContext, qtbot: QtBot
) -> None:
    dialog = TemplateEditor(ctx.as_actor(THERAPIST))
    qtbot.addWidget(dialog, before_close_func=lambda w: setattr(w, "dirty", False))
    dialog.show()
    assert dialog.windowTitle() == "Plantillas de evaluación"
    assert dialog.save_button.text() == "&Guardar"
    assert duplicates_on_every_tab(dialog) == {}
    shown = [dialog.measures.item(i).text() for i in range(dialog.measures.count())]
    labels = {m.label_in("es") for m in ctx.catalogue}
    assert shown and set(shown) <= labels


def test_the_window_is_english_again_after_the_spanish_tests(
    ctx: ServiceContext, client_id: int, qtbot: QtBot
) -> None:
    editor = _editor(ctx, client_id, qtbot)
    rom = editor.grids[0]
    assert rom.headerData(2, Qt.Orientation.Horizontal) == "Left active"
    assert "P: painful on/off" in editor.hint.text()
    editor.close()


def test_english_counts_read_one_drill_and_three_drills(
    ctx: ServiceContext, client_id: int, qtbot: QtBot, tmp_path: Path
) -> None:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    builder = ProgramBuilder(ctx.as_actor(THERAPIST), client_id, store=store)
    qtbot.addWidget(builder, before_close_func=lambda w: setattr(w, "dirty", False))
    assert builder.library is not None
    codes = [e.code for e in list(builder.library)[:3]]
    builder.add_drills(codes[:1])
    save_and_wait(builder, qtbot)
    assert builder.status.text().endswith("with 1 drill")
    builder.add_drills(codes[1:])
    save_and_wait(builder, qtbot)
    assert builder.status.text().endswith("with 3 drills")
    builder.close()
