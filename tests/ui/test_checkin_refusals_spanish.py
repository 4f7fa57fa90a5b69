"""The check-in's refusals in a Spanish window: a number out of its range is said under the
totals as it is typed (and again when Ctrl+S does not save), a typed code that is no program,
no program's code or another client's program is said in Spanish (services/programs and
services/checkins name their rules, ui/refusals says them), and the builder's "nothing to check
in" too; an English window says the same in English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord, shown_code
from mobileathlete_desktop.services import checkins, clients
from mobileathlete_desktop.services import programs as program_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations
from mobileathlete_desktop.ui.program_builder.checkin_dialog import CheckinDialog
from tests.conftest import THERAPIST
from tests.ui.keys import focused, press, type_text
from tests.ui.test_program_builder import open_builder

ITEMS = (
    ProgramItemRecord("control.clamshell", 3, 15, per_side=True, sessions_per_week=3),
    ProgramItemRecord("strength.single_leg_calf_raise", 3, 12, sessions_per_week=3),
)


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[str]:
    language = install_translations(qapp, "es")
    yield language
    remove_translations(qapp)


def _client(ctx: ServiceContext, chart: str) -> int:
    return clients.create_client(ctx, clients.ClientInput(chart, "Ines", "Checkwell")).id


def _program(ctx: ServiceContext, client_id: int) -> ProgramRecord:
    record = ProgramRecord(None, client_id, date(2026, 3, 2), "Hips", ITEMS, weeks=4)
    return program_service.save_program(ctx.as_actor(THERAPIST), record)


def _dialog(ctx: ServiceContext, client_id: int, qtbot: QtBot) -> CheckinDialog:
    dialog = CheckinDialog(ctx.as_actor(THERAPIST), client_id, program_service.exercise_library())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _type_first_row(qtbot: QtBot, dialog: CheckinDialog, done: str, pain: str) -> None:
    dialog.table.setFocus()
    dialog.table.setCurrentCell(0, 2)
    type_text(qtbot, done)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, pain)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.item(0, 3).text() == pain)


def _find(qtbot: QtBot, dialog: CheckinDialog, code: str) -> str:
    dialog.code_edit.setFocus()
    dialog.code_edit.selectAll()
    type_text(qtbot, code)
    press(qtbot, Qt.Key.Key_Return)
    return dialog.status.text()


def test_a_number_out_of_range_reads_spanish_as_typed_and_is_not_saved(
    spanish: str, ctx: ServiceContext, qtbot: QtBot
) -> None:
    client_id = _client(ctx, "CI-1")
    _program(ctx, client_id)
    dialog = _dialog(ctx, client_id, qtbot)
    drill = dialog.table.item(0, 0).text()
    assert drill == "Almeja con banda elástica"
    _type_first_row(qtbot, dialog, "12", "11")
    said = f"Fila 1 ({drill}): el dolor o la dificultad debe estar entre 0 y 10"
    assert dialog.totals.text() == f"⚠ {said}"
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.status.text() == f"⚠ No se ha guardado: {said}"
    assert dialog.saved is None and checkins.list_checkins(ctx, client_id) == []

    _type_first_row(qtbot, dialog, "", "4")
    dialog.table.setCurrentCell(0, 2)
    type_text(qtbot, "500")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.item(0, 2).text() == "500")
    assert dialog.totals.text() == (
        f"⚠ Fila 1 ({drill}): las sesiones hechas deben estar entre 0 y 400"
    )


def test_a_number_out_of_range_reads_english_in_an_english_window(
    ctx: ServiceContext, qtbot: QtBot
) -> None:
    client_id = _client(ctx, "CI-1")
    _program(ctx, client_id)
    dialog = _dialog(ctx, client_id, qtbot)
    drill = dialog.table.item(0, 0).text()
    _type_first_row(qtbot, dialog, "12", "11")
    assert dialog.totals.text() == f"⚠ Row 1 ({drill}): pain or difficulty must be 0–10"


def test_codes_that_name_no_program_of_this_client_read_spanish(
    spanish: str, ctx: ServiceContext, qtbot: QtBot
) -> None:
    client_id = _client(ctx, "CI-1")
    _program(ctx, client_id)
    other = _program(ctx, _client(ctx, "CI-2"))
    dialog = _dialog(ctx, client_id, qtbot)
    assert _find(qtbot, dialog, "ab1") == (
        "⚠ «ab1» no es un código de programa (6 letras y dígitos)"
    )
    assert _find(qtbot, dialog, "AAAAAA") == "⚠ No hay ningún programa con el código AAAAAA"
    code = shown_code(other.code or "")
    assert _find(qtbot, dialog, code) == (
        f"⚠ El programa {code} es de otro cliente: escriba el código del programa de este cliente"
    )


def test_the_builder_with_nothing_to_check_in_says_so_in_spanish(
    spanish: str, ctx: ServiceContext, qtbot: QtBot, tmp_path: Path
) -> None:
    client_id = _client(ctx, "CI-1")
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    builder = open_builder(ctx, client_id, store, qtbot)
    qtbot.mouseClick(builder.checkin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: builder.checking_in is None)
    assert builder.status.text() == (
        "⚠ No hay ningún programa guardado para el seguimiento: guarde primero un programa"
    )
    qtbot.mouseClick(builder.propose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: builder.proposing is None)
    assert builder.status.text() == (
        "⚠ Aún no hay seguimiento: haga primero el seguimiento del programa actual"
    )
