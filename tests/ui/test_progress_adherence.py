"""The Progress tab charts the home program done at each check-in beside the LEFS (issue 20),
with its table, picked by keyboard like every other chart."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.services.checkins import checkin_sheet, save_checkin
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.programs import save_program
from mobileathlete_desktop.ui.client_page import ClientPage
from tests.reports.helpers import add_runner
from tests.ui.test_progress_view import open_progress, shown

ITEMS = (
    ProgramItemRecord("control.clamshell", 3, 15, per_side=True, sessions_per_week=3),
    ProgramItemRecord("control.hip_hike", 3, 12, frequency="daily"),
)


def test_adherence_beside_the_lefs_in_the_progress_tab(ctx: ServiceContext, qtbot: QtBot) -> None:
    client = add_runner(
        ctx,
        "AD-1",
        visits={
            date(2026, 3, 2): {("hip.flexion", "left", "active"): 110.0},
            date(2026, 3, 16): {("hip.flexion", "left", "active"): 115.0},
        },
    )
    program = save_program(
        ctx, ProgramRecord(None, client.id, date(2026, 3, 2), "Hips", ITEMS, weeks=2)
    )
    _, sheet = checkin_sheet(ctx, client.id, program_id=program.id, on=date(2026, 3, 16))
    save_checkin(
        ctx,
        replace(
            sheet,
            items=(replace(sheet.items[0], done=6, pain=1), replace(sheet.items[1], done=3)),
            ears=(4, 4, 3, 3, 4, 2),
        ),
    )
    page = ClientPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    with qtbot.waitSignal(page.client_shown):
        page.show_client(client.id)
    view = open_progress(page, qtbot)
    view.kind.setFocus()
    while view.kind.currentData() != "adherence":
        qtbot.keyClick(view.kind, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: shown(view, "adherence"), timeout=15_000)
    assert view.data is not None
    assert len(view.data.picture.axes) == 2  # the LEFS above, the sessions done below
    assert view.table.rowCount() == 1
    row = [view.table.item(0, c).text() for c in range(view.table.columnCount())]
    assert row == ["2026-03-16", "9 of 20", "45 %", "20"]
    assert not view.measure.isEnabled()  # a measure is not chosen for this chart
