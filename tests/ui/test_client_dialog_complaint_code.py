"""The client dialog's presenting complaint: a combo box beside the free-text complaint, saved
as its code ("not coded" saves ""), shown again when the client is edited, in Spanish too."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.client_dialog import ClientDialog
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations
from tests.conftest import THERAPIST
from tests.ui.keys import press, type_text


def _combo(dialog: ClientDialog) -> QComboBox:
    combo = dialog.fields["complaint_code"]
    assert isinstance(combo, QComboBox)
    return combo


def _open(
    ctx: ServiceContext, qtbot: QtBot, client: clients.ClientRecord | None = None
) -> ClientDialog:
    dialog = ClientDialog(ctx.as_actor(THERAPIST), client)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.line("chart_number").hasFocus)
    return dialog


def test_a_new_client_is_saved_with_the_chosen_complaint(ctx: ServiceContext, qtbot: QtBot) -> None:
    dialog = _open(ctx, qtbot)
    type_text(qtbot, "CMP-1")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Ada")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Heelstrike")
    combo = _combo(dialog)
    assert combo.currentText() == "not coded" and combo.currentData() == ""
    # Alt+P, the label's mnemonic, reaches the combo; the keyboard chooses the item.
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(combo.hasFocus)
    for _ in range(combo.count()):
        if combo.currentData() == "plantar_heel":
            break
        press(qtbot, Qt.Key.Key_Down)
    assert combo.currentText() == "Plantar heel pain"
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.saved is not None)
    assert dialog.saved is not None and dialog.saved.complaint_code == "plantar_heel"
    (found,) = clients.search_clients(ctx, "CMP-1")
    assert found.complaint_code == "plantar_heel"


def test_not_coded_saves_an_empty_code_and_an_edit_shows_the_saved_one(
    ctx: ServiceContext, qtbot: QtBot
) -> None:
    plain = clients.create_client(ctx, clients.ClientInput("CMP-2", "Bea", "Quickfoot"))
    dialog = _open(ctx, qtbot, plain)
    assert _combo(dialog).currentData() == ""
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved is not None)
    assert dialog.saved is not None and dialog.saved.complaint_code == ""

    coded = clients.create_client(
        ctx, clients.ClientInput("CMP-3", "Cy", "Trochanter", complaint_code="lateral_hip_gluteal")
    )
    again = _open(ctx, qtbot, coded)
    assert _combo(again).currentText() == "Lateral hip pain (gluteal tendinopathy)"


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[str]:
    language = install_translations(qapp, "es")
    yield language
    remove_translations(qapp)


def test_the_complaint_reads_in_spanish(ctx: ServiceContext, qtbot: QtBot, spanish: str) -> None:
    assert spanish == "es"
    dialog = _open(ctx, qtbot)
    assert dialog.labels["complaint_code"].text() == "Cuad&ro clínico:"
    combo = _combo(dialog)
    words = [combo.itemText(i) for i in range(combo.count())]
    assert words[0] == "sin codificar"
    assert "Tendón de Aquiles, inserción" in words and "Dolor plantar del talón" in words
    assert [combo.itemData(i) for i in range(combo.count())][1:3] == [
        "achilles_midportion",
        "achilles_insertional",
    ]
