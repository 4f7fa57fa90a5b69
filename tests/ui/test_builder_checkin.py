"""The check-in typed from a returned sheet by keyboard (done, pain, Tab, ...; the EARS; Ctrl+S),
then the next program proposed in the builder with a reason per drill."""

from __future__ import annotations

import os
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord, shown_code
from mobileathlete_desktop.services import checkins, clients
from mobileathlete_desktop.services import programs as program_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.chart_image import ChartImage
from mobileathlete_desktop.ui.program_builder import ProgramBuilder
from mobileathlete_desktop.ui.program_builder.checkin_dialog import CheckinDialog
from tests.conftest import THERAPIST
from tests.ui.keys import focused, press, type_text
from tests.ui.test_program_builder import open_builder

ITEMS = (
    ProgramItemRecord("control.clamshell", 3, 15, per_side=True, sessions_per_week=3),
    ProgramItemRecord("strength.single_leg_calf_raise", 3, 12, sessions_per_week=3),
    ProgramItemRecord("control.hip_hike", 3, 12, frequency="daily"),
)


@pytest.fixture
def client_id(ctx: ServiceContext) -> int:
    return clients.create_client(ctx, clients.ClientInput("CI-1", "Ines", "Checkwell")).id


@pytest.fixture
def program(ctx: ServiceContext, client_id: int) -> ProgramRecord:
    return program_service.save_program(
        ctx.as_actor(THERAPIST),
        ProgramRecord(None, client_id, date(2026, 3, 2), "Hips", ITEMS, weeks=4),
    )


def shown(qtbot: QtBot, dialog: CheckinDialog) -> None:
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def type_sheet(qtbot: QtBot, dialog: CheckinDialog, rows: list[tuple[str, str]]) -> None:
    """Per drill: the sessions done, Tab, the pain, Enter (as read off the returned sheet)."""
    dialog.table.setFocus()
    dialog.table.setCurrentCell(0, 2)
    for row, (done, pain) in enumerate(rows):
        dialog.table.setCurrentCell(row, 2)
        type_text(qtbot, done)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, pain)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda r=row, p=pain: dialog.table.item(r, 3).text() == p)


def test_a_returned_sheet_is_typed_in_by_keyboard(
    ctx: ServiceContext, client_id: int, program: ProgramRecord, qtbot: QtBot
) -> None:
    dialog = CheckinDialog(ctx.as_actor(THERAPIST), client_id, program_service.exercise_library())
    qtbot.addWidget(dialog)
    shown(qtbot, dialog)
    assert dialog.code_edit.text() == shown_code(program.code)
    prescribed = [dialog.table.item(r, 1).text() for r in range(3)]
    assert prescribed == ["12", "12", "28"]  # 3 a week, 3 a week, daily over 4 weeks
    type_sheet(qtbot, dialog, [("12", "1"), ("10", "7"), ("6", "2")])
    assert "Adherence: 54 %" in dialog.totals.text()  # 28 of 52 sessions
    for spin, score in zip(dialog.ears, "432434", strict=True):
        spin.setFocus()
        spin.selectAll()
        type_text(qtbot, score)
    assert "EARS 20 of 24" in dialog.totals.text()
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.saved is not None
    (saved,) = checkins.list_checkins(ctx, client_id)
    assert [(i.done, i.pain) for i in saved.items] == [(12, 1), (10, 7), (6, 2)]
    assert saved.ears_total == 20 and saved.program_id == program.id


def test_a_code_that_is_not_a_program_is_said_and_nothing_is_saved(
    ctx: ServiceContext, client_id: int, program: ProgramRecord, qtbot: QtBot
) -> None:
    dialog = CheckinDialog(ctx.as_actor(THERAPIST), client_id, None)
    qtbot.addWidget(dialog)
    shown(qtbot, dialog)
    dialog.code_edit.setFocus()
    dialog.code_edit.selectAll()
    type_text(qtbot, "AAAAAA")
    press(qtbot, Qt.Key.Key_Return)
    assert "No program with code AAAAAA" in dialog.status.text()
    dialog.table.setFocus()
    dialog.table.setCurrentCell(0, 3)
    type_text(qtbot, "x")
    press(qtbot, Qt.Key.Key_Return)  # the cell commits on the next turn of the event loop
    qtbot.waitUntil(lambda: dialog.table.item(0, 3).text() == "x")
    assert "not a whole number" in dialog.totals.text()
    assert dialog.save() is None and "Not saved" in dialog.status.text()
    assert checkins.list_checkins(ctx, client_id) == []


def test_the_builder_checks_in_then_proposes_the_next_program(
    ctx: ServiceContext,
    client_id: int,
    program: ProgramRecord,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    builder: ProgramBuilder = open_builder(ctx, client_id, store, qtbot)

    def run(dialog: CheckinDialog) -> int:  # the modal dialog, driven by its keyboard
        shown(qtbot, dialog)
        type_sheet(qtbot, dialog, [("12", "1"), ("10", "7"), ("6", "2")])
        dialog.save()
        return 1

    monkeypatch.setattr(CheckinDialog, "exec", run)
    qtbot.mouseClick(builder.checkin_button, Qt.MouseButton.LeftButton)
    assert builder.checking_in is not None  # the sheet read on the thread pool first
    qtbot.waitUntil(lambda: builder.status.text() == "Check-in saved · adherence 54 %")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(builder.propose_button, Qt.MouseButton.LeftButton)
    assert builder.proposing is not None  # worked out on the thread pool
    qtbot.waitUntil(lambda: builder.proposing is None)
    codes = [i.exercise_code for i in builder.model.items]
    assert codes == [
        "control.side_lying_hip_abduction",
        "strength.calf_raise_straight_knee",
        "control.hip_hike",
    ]
    said = builder.status.text().split(" · ")
    # The calf raise at 7/10: the review flag comes first, the drill named once.
    assert said[0] == (
        "Single-leg calf raise: pain or difficulty 7/10, above 5/10: program flagged for "
        "review (the client is asked to contact you before the next session)"
    )
    assert "1 moved on, 1 made easier, 1 kept, 0 held back, 0 dropped" in said[1]
    why = builder.model.index(1, builder.model.columnCount() - 1).data()
    # Said on the new drill's line: what it was made easier from.
    assert why == (
        "made easier from Single-leg calf raise, which was done 10 of 12 sessions (83 %), pain "
        "or difficulty 7/10"
    )
    assert builder.dirty and builder.program is None  # unsaved until the therapist saves


def test_adherence_over_time_is_charted_from_the_check_in(
    ctx: ServiceContext, client_id: int, program: ProgramRecord, qtbot: QtBot
) -> None:
    library = program_service.exercise_library()
    first = CheckinDialog(ctx.as_actor(THERAPIST), client_id, library)
    qtbot.addWidget(first)
    shown(qtbot, first)
    type_sheet(qtbot, first, [("12", "1"), ("10", "7"), ("6", "2")])
    assert first.save() is not None
    again = CheckinDialog(ctx.as_actor(THERAPIST), client_id, library)
    qtbot.addWidget(again)
    shown(qtbot, again)
    qtbot.mouseClick(again.history_button, Qt.MouseButton.LeftButton)
    chart = again.history_dialog
    assert chart is not None and chart.isVisible()  # at once, the chart drawn meanwhile
    qtbot.waitUntil(lambda: again.history_drawn == 1, timeout=20_000)
    (image,) = chart.findChildren(ChartImage)
    assert image.width() > 400 and image.picture.drawn_by != os.getpid()  # the chart process
    assert image.accessibleName() == "Adherence at each check-in beside the LEFS"
    assert image.picture.suptitle.startswith("Home program and outcome")
    assert len(image.picture.axes) == 2  # the LEFS over the adherence bars


def test_check_in_and_propose_without_a_program_say_so_and_read_off_the_ui_thread(
    ctx: ServiceContext,
    client_id: int,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    builder: ProgramBuilder = open_builder(ctx, client_id, store, qtbot)
    threads: list[int] = []
    real = checkins.checkin_sheet

    def sheet(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(checkins, "checkin_sheet", sheet)
    monkeypatch.setattr(CheckinDialog, "exec", lambda _d: pytest.fail("no sheet to type"))
    qtbot.mouseClick(builder.checkin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: builder.checking_in is None)
    assert threads and threading.get_ident() not in threads
    assert builder.status.text() == "⚠ No saved program to check in: save a program first"
    qtbot.mouseClick(builder.propose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: builder.proposing is None)
    assert builder.status.text() == "⚠ No check-in yet: check in the current program first"
    assert builder.model.rowCount() == 0 and not builder.dirty
