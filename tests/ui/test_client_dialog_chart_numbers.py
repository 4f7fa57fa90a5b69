"""The client dialog refuses a chart number the clinic has in another case, in words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.client_dialog import ClientDialog
from tests.conftest import THERAPIST
from tests.ui.keys import press, type_text


def test_demo_0002_is_refused_beside_DEMO_0002(ctx: ServiceContext, qtbot: QtBot) -> None:
    clients.create_client(ctx, clients.ClientInput("DEMO-0002", "Ada", "Stridewell"))
    dialog = ClientDialog(ctx.as_actor(THERAPIST))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.line("chart_number").hasFocus)
    type_text(qtbot, "demo-0002")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Bea")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Quickfoot")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "without regard to case" in dialog.problems.text())
    assert "DEMO-0002" in dialog.problems.text()
    assert dialog.labels["chart_number"].text().startswith("⚠")
    assert dialog.isVisible() and dialog.saved is None
    assert len(clients.search_clients(ctx, "0002")) == 1
