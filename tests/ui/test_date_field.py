"""Date fields: typed as YYYY-MM-DD, or picked from a calendar that drops down (Alt+↓, F4)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCalendarWidget, QWidget
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.client_dialog import ClientDialog
from mobileathlete_desktop.ui.new_assessment_dialog import NewAssessmentDialog
from tests.conftest import THERAPIST
from tests.ui.keys import focused, press, type_text

ALT = Qt.KeyboardModifier.AltModifier


def shown(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def calendar_has_focus() -> bool:
    widget = focused()
    while widget is not None and not isinstance(widget, QCalendarWidget):
        widget = widget.parentWidget()
    return widget is not None and widget.isVisible()


@pytest.mark.parametrize(
    ("key", "modifier", "moves", "expected"),
    [
        (Qt.Key.Key_Down, ALT, [Qt.Key.Key_Right], date(1994, 6, 2)),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier, [Qt.Key.Key_Down], date(1994, 6, 8)),
    ],
)
def test_the_calendar_drops_down_on_the_typed_birth_date_and_enter_picks(
    ctx: ServiceContext,
    qtbot: QtBot,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier,
    moves: list[Qt.Key],
    expected: date,
) -> None:
    dialog = ClientDialog(ctx)
    shown(qtbot, dialog)
    field = dialog.line("date_of_birth")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    type_text(qtbot, "1994-06-01")  # typing works as before
    press(qtbot, key, modifier)
    qtbot.waitUntil(calendar_has_focus)
    for move in moves:
        press(qtbot, move)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(field.hasFocus)
    assert field.text() == expected.isoformat()
    assert dialog.birth_calendar.calendar is None  # closed


def test_escape_closes_the_calendar_and_keeps_the_date(ctx: ServiceContext, qtbot: QtBot) -> None:
    dialog = ClientDialog(ctx)
    shown(qtbot, dialog)
    field = dialog.line("date_of_birth")
    field.setText("1990-01-31")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    press(qtbot, Qt.Key.Key_Down, ALT)
    qtbot.waitUntil(calendar_has_focus)
    calendar = dialog.birth_calendar.calendar
    assert calendar is not None and calendar.selectedDate().toPython() == date(1990, 1, 31)
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.birth_calendar.calendar is None)
    assert field.text() == "1990-01-31"


def test_a_new_assessment_dated_from_the_calendar(ctx: ServiceContext, qtbot: QtBot) -> None:
    client = clients.create_client(
        ctx, clients.ClientInput("D-1", "Testa", "Runnerton", date(1996, 4, 1))
    )
    therapist = ctx.as_actor(THERAPIST)
    dialog = NewAssessmentDialog(therapist, client.id, first_visit=True)
    shown(qtbot, dialog)
    qtbot.waitUntil(dialog.date.hasFocus)
    assert dialog.date.text() == date.today().isoformat()
    press(qtbot, Qt.Key.Key_Down, ALT)
    qtbot.waitUntil(calendar_has_focus)
    press(qtbot, Qt.Key.Key_Left)  # yesterday
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.date.hasFocus)
    press(qtbot, Qt.Key.Key_Return)  # OK
    qtbot.waitUntil(lambda: dialog.created is not None)
    assert dialog.created is not None
    assert dialog.created.date == date.today() - timedelta(days=1)
    assert [a.date for a in assessments.list_assessments(therapist, client.id)] == [
        date.today() - timedelta(days=1)
    ]
