"""The empty main page lists today's clients and the unsigned drafts; Enter opens one."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.main_window import MainWindow
from tests.conftest import THERAPIST
from tests.ui.keys import press


def test_todays_clients_and_older_drafts_are_listed_and_open_with_enter(
    ctx: ServiceContext, admin_ctx: ServiceContext, qtbot: QtBot
) -> None:
    therapist = ctx.as_actor(THERAPIST)
    today = date.today()
    ana = clients.create_client(ctx, clients.ClientInput("T-1", "Ana", "Quickstep"))
    bo = clients.create_client(ctx, clients.ClientInput("T-2", "Bo", "Longrun"))
    cy = clients.create_client(ctx, clients.ClientInput("T-3", "Cy", "Archived"))
    signed = assessments.create_assessment(therapist, ana.id, today)
    assessments.sign_assessment(therapist, signed.id)
    assessments.create_assessment(therapist, bo.id, today, kind="reassessment")
    old = assessments.create_assessment(therapist, bo.id, today - timedelta(days=7))
    assessments.create_assessment(therapist, cy.id, today)
    clients.archive_client(admin_ctx, cy.id)

    window = MainWindow(therapist)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel = window.today
    qtbot.waitUntil(panel.isVisible)
    # Read off the UI thread: the lists fill in once the answer is back.
    qtbot.waitUntil(lambda: panel.heading.text() == f"Today, {today.isoformat()}: 2 clients")
    lines = [panel.today.item(r).text() for r in range(panel.today.count())]
    assert lines == [
        "Longrun, Bo — T-2 · reassessment, draft, not signed · Test Therapist",
        "Quickstep, Ana — T-1 · initial, signed · Test Therapist",
    ]
    week_ago = (today - timedelta(days=7)).isoformat()
    assert [panel.drafts.item(r).text() for r in range(panel.drafts.count())] == [
        f"Longrun, Bo — T-2 · {week_ago} · initial, draft, not signed · Test Therapist"
    ]

    panel.drafts.setFocus()
    panel.drafts.setCurrentRow(0)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: old.id in window.editors)
    qtbot.waitUntil(lambda: "Bo Longrun" in window.page.title.text())
    assert not panel.isVisible()  # a client is on the page now
    window.editors[old.id].close()
