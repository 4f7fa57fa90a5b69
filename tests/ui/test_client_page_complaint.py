"""The client's page shows the coded presenting complaint (domain.records.COMPLAINT_CODES) in
the dialog's words above the therapist's own, in Spanish too; a client whose complaint is not
coded shows nothing more than before (sports-PT review: the code was saved but never shown)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.client_page import ClientPage
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations


def _shown(ctx: ServiceContext, qtbot: QtBot, client_id: int) -> str:
    page = ClientPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    with qtbot.waitSignal(page.client_shown, timeout=30_000):
        page.show_client(client_id)
    return page.profile.text()


def _client(ctx: ServiceContext, chart: str, code: str) -> int:
    data = clients.ClientInput(
        chart, "Ada", "Heelstrike", complaint="Left heel pain, first steps", complaint_code=code
    )
    return clients.create_client(ctx, data).id


def test_the_coded_complaint_is_shown_above_the_free_text(
    ctx: ServiceContext, qtbot: QtBot
) -> None:
    shown = _shown(ctx, qtbot, _client(ctx, "PC-1", "plantar_heel"))
    assert "<b>Presenting complaint</b></td><td>Plantar heel pain</td>" in shown
    assert shown.index("Presenting complaint") < shown.index("Left heel pain, first steps")


def test_an_uncoded_complaint_shows_nothing_new(ctx: ServiceContext, qtbot: QtBot) -> None:
    shown = _shown(ctx, qtbot, _client(ctx, "PC-2", ""))
    assert "Presenting complaint" not in shown
    assert "Left heel pain, first steps" in shown


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[str]:
    language = install_translations(qapp, "es")
    yield language
    remove_translations(qapp)


def test_the_coded_complaint_reads_in_spanish(
    ctx: ServiceContext, qtbot: QtBot, spanish: str
) -> None:
    assert spanish == "es"
    shown = _shown(ctx, qtbot, _client(ctx, "PC-3", "lateral_hip_gluteal"))
    assert (
        "<b>Cuadro clínico</b></td><td>Dolor lateral de cadera (tendinopatía glútea)</td>" in shown
    )
    assert "<b>Motivo de consulta</b>" in shown  # the free text keeps its own row
