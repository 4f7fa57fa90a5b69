"""A value the database could not store, or another workstation changed meanwhile, said in the
window's language: a busy clinic database (services/errors StorageBusy) and a value changed
elsewhere (services/assessments, "value_changed_elsewhere") read Spanish in a Spanish
assessment editor, in the status line and in the cell's mark; English in an English one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.errors import StorageBusy
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations
from tests.ui.keys import saves_done, type_text
from tests.ui.test_grid_saves import LEFT_ACTIVE, stored, typed_in
from tests.ui.test_grid_saves import editor as editor

__all__ = ["editor"]  # the fixture, used by name


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[str]:
    language = install_translations(qapp, "es")
    yield language
    remove_translations(qapp)


def _busy_once(monkeypatch: pytest.MonkeyPatch) -> None:
    real = assessments.set_value

    def set_value(*args: Any, **kwargs: Any) -> Any:
        monkeypatch.setattr(assessments, "set_value", real)
        raise StorageBusy("database is locked")

    monkeypatch.setattr(assessments, "set_value", set_value)


def _changed_elsewhere_first(ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch) -> None:
    real = assessments.set_value

    def front_desk_first(*args: Any, **kwargs: Any) -> Any:
        # Another workstation stores 95 just before this save reaches the database.
        real(ctx, args[1], "hip.flexion", "left", "active", 95.0)
        monkeypatch.setattr(assessments, "set_value", real)
        return real(*args, **kwargs)

    monkeypatch.setattr(assessments, "set_value", front_desk_first)


def test_a_busy_database_is_said_in_spanish(
    spanish: str,
    editor: AssessmentEditor,
    qtbot: QtBot,
    therapist_ctx: ServiceContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _busy_once(monkeypatch)
    typed_in(qtbot, editor, LEFT_ACTIVE, "101")
    saves_done(qtbot)
    assert stored(therapist_ctx, editor, LEFT_ACTIVE) is None
    status = editor.status.text()
    assert "La base de datos de la clínica está ocupada" in status, status
    assert "busy" not in status
    assert "ocupada" in editor.grids[0].errors[LEFT_ACTIVE], editor.grids[0].errors


def test_a_value_changed_elsewhere_is_said_in_spanish(
    spanish: str,
    editor: AssessmentEditor,
    qtbot: QtBot,
    therapist_ctx: ServiceContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    typed_in(qtbot, editor, LEFT_ACTIVE, "101")
    saves_done(qtbot)
    _changed_elsewhere_first(therapist_ctx, monkeypatch)
    typed_in(qtbot, editor, LEFT_ACTIVE, "110")
    saves_done(qtbot)
    assert stored(therapist_ctx, editor, LEFT_ACTIVE) == 95
    status = editor.status.text()
    assert status.endswith("se cambió en otro puesto a 95; su valor no se ha guardado"), status
    assert status.startswith("⚠ Flexión de cadera"), status


def test_the_same_reads_english_in_an_english_window(
    editor: AssessmentEditor,
    qtbot: QtBot,
    therapist_ctx: ServiceContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    typed_in(qtbot, editor, LEFT_ACTIVE, "101")
    saves_done(qtbot)
    _changed_elsewhere_first(therapist_ctx, monkeypatch)
    typed_in(qtbot, editor, LEFT_ACTIVE, "110")
    saves_done(qtbot)
    status = editor.status.text()
    assert status.endswith("was changed elsewhere to 95; your value was not saved"), status


def test_notes_changed_elsewhere_are_said_in_spanish(
    spanish: str, editor: AssessmentEditor, qtbot: QtBot, therapist_ctx: ServiceContext
) -> None:
    notes = editor.parts.notes
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus)
    type_text(qtbot, "Corre 30 km")
    qtbot.waitUntil(lambda: editor.entries.notes_saved == "Corre 30 km", timeout=5_000)
    assessments.set_notes(therapist_ctx, editor.assessment_id, "Escrito en recepción")
    type_text(qtbot, " a la semana")
    qtbot.waitUntil(lambda: editor.status.text().startswith("⚠"), timeout=5_000)
    assert editor.status.text() == (
        "⚠ Las notas se cambiaron en otro puesto: vuelva a cargar para ver el otro valor; las "
        "suyas no se han guardado — no se ha guardado"
    )
    assert notes.toPlainText() == "Corre 30 km a la semana"  # kept in the box
