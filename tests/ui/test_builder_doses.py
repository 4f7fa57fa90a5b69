"""The builder's doses: typed by keyboard into their cells, the minutes a session and a week
kept up to date, the warning above four drills, the weeks until the next visit, and a
handout sized for a phone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.programs import program_time, time_text
from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services import programs as program_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.program_builder import ProgramBuilder
from mobileathlete_desktop.ui.program_builder.program_model import (
    DAYS,
    DISTANCE,
    FREQUENCY,
    REST,
)
from tests.ui.keys import press, type_text
from tests.ui.test_program_builder import add_by_keyboard, open_builder


@pytest.fixture
def client_id(ctx: ServiceContext) -> int:
    made = clients.create_client(
        ctx, clients.ClientInput("PB-1", "Lena", "Swiftmoor", date(1992, 5, 4), "female")
    )
    return made.id


@pytest.fixture
def store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def builder(ctx: ServiceContext, client_id: int, store: QSettings, qtbot: QtBot) -> ProgramBuilder:
    return open_builder(ctx, client_id, store, qtbot)


def type_into(builder: ProgramBuilder, qtbot: QtBot, row: int, column: int, text: str) -> None:
    builder.table.setFocus()
    builder.table.setCurrentIndex(builder.model.index(row, column))
    type_text(qtbot, text)  # any key starts editing the cell
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: builder.table.state() != QAbstractItemView.State.EditingState)


def test_more_than_four_drills_warn_without_blocking(
    ctx: ServiceContext, client_id: int, builder: ProgramBuilder, qtbot: QtBot
) -> None:
    warning = builder.program_panel.many_warning
    for words in ("bird dog", "clamshell", "knee-to-wall", "glute bridge"):
        add_by_keyboard(builder, qtbot, words)
    assert builder.model.rowCount() == 4 and warning.isHidden()
    add_by_keyboard(builder, qtbot, "side plank")
    assert builder.model.rowCount() == 5 and not warning.isHidden()
    assert warning.text().startswith("⚠ 5 drills") and "three or four" in warning.text()
    # Only a warning: the program saves as it is.
    with qtbot.waitSignal(builder.saved):  # saved on the thread pool
        qtbot.keyClick(builder, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = program_service.latest_program(ctx, client_id)
    assert saved is not None and len(saved.items) == 5
    builder.table.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    assert builder.model.rowCount() == 4 and warning.isHidden()


def test_doses_typed_in_cells_update_the_minutes(
    ctx: ServiceContext, client_id: int, store: QSettings, builder: ProgramBuilder, qtbot: QtBot
) -> None:
    add_by_keyboard(builder, qtbot, "side steps with a band")
    band = builder.model.items[0]
    # The library's distance comes with the drill, and its "3 times a week" as days a week.
    assert (band.distance_m, band.sessions_per_week) == (10, 3)
    label = builder.program_panel.time_label
    assert label.text() == time_text(program_time(builder.model.items))
    before = label.text()
    type_into(builder, qtbot, 0, DISTANCE, "40")
    type_into(builder, qtbot, 0, REST, "90")
    item = builder.model.items[0]
    assert (item.distance_m, item.rest_s) == (40, 90)
    # 3 × 40 m at 1 s a metre + 2 rests of 90 s = 300 s: 5 min; 3 days a week: 15 min.
    assert label.text() == "About 5 minutes a session, about 15 minutes a week" != before
    type_into(builder, qtbot, 0, FREQUENCY, "twice a week")
    assert builder.model.items[0].sessions_per_week == 2
    assert label.text() == "About 5 minutes a session, about 10 minutes a week"
    type_into(builder, qtbot, 0, DAYS, "9")  # more than 7 days: refused in words
    assert builder.model.items[0].sessions_per_week == 2
    assert "1 to 7" in builder.status.text()

    builder.program_panel.weeks_edit.setFocus()
    builder.program_panel.weeks_edit.selectAll()
    type_text(qtbot, "6")
    with qtbot.waitSignal(builder.saved):  # saved on the thread pool
        qtbot.keyClick(builder, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = program_service.latest_program(ctx, client_id)
    assert saved is not None and saved.weeks == 6 and saved.items[0].rest_s == 90
    builder.close()
    again = open_builder(ctx, client_id, store, qtbot)
    assert again.program_panel.weeks_edit.value() == 6
    assert again.program_panel.time_label.text() == label.text()


def test_the_handout_can_be_saved_sized_for_a_phone(
    builder: ProgramBuilder, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "phone.pdf"
    suggested: list[str] = []

    def ask(_parent: object, _title: str, name: str, _filter: str) -> tuple[str, str]:
        suggested.append(Path(name).name)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    add_by_keyboard(builder, qtbot, "bird dog")
    qtbot.mouseClick(builder.phone_box, Qt.MouseButton.LeftButton)
    assert builder.phone_box.isChecked()
    assert builder.save_handout_pdf()
    qtbot.waitUntil(lambda: builder.writing is None, timeout=20_000)
    assert suggested == ["PB-1_home_program_en_phone.pdf"]
    box = PdfReader(target).pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (
        90,
        160,
    )
