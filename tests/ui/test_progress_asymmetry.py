"""The Progress tab's symmetry chart says each pair as the domain does: a hop test as its limb
symmetry index, a Thomas angle as its difference in degrees (1° against 4° is never "25%"),
each read out by hovering its bar on its own panel, in English and in a Spanish window."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.client_page import ClientPage
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations
from mobileathlete_desktop.ui.progress_view import ProgressView
from tests.reports.helpers import add_runner
from tests.ui.keys import press
from tests.ui.test_progress_view import point_at, shown

THOMAS = "thomas.hip_extension"
VISITS = {
    date(2025, 3, 7): {
        ("hop.single", "left", "none"): 80.0,
        ("hop.single", "right", "none"): 100.0,
        (THOMAS, "left", "passive"): 1.0,
        (THOMAS, "right", "passive"): 4.0,
    },
}


def _page(ctx: ServiceContext, qtbot: QtBot) -> ClientPage:
    client = add_runner(ctx, "P-SYM", "Ada", "Stridewell", VISITS)
    page = ClientPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    with qtbot.waitSignal(page.client_shown):
        page.show_client(client.id)
    return page


def _symmetry_chart(page: ClientPage, qtbot: QtBot, mnemonic: Qt.Key) -> ProgressView:
    qtbot.keyClick(page, mnemonic, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.progress)
    view = page.progress
    qtbot.waitUntil(lambda: shown(view, "measure"), timeout=60_000)
    view.kind.setFocus()
    qtbot.waitUntil(view.kind.hasFocus)
    press(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: shown(view, "asymmetry"), timeout=15_000)
    return view


def _hover_bar(qtbot: QtBot, view: ProgressView, panel: int, x: float) -> None:
    assert view.data is not None
    ax = view.data.picture.axes[panel]
    px, py = ax.to_pixels(x, 0.0)
    point_at(qtbot, view, px, py)


@pytest.fixture
def spanish(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("MOBILEATHLETE_LANG", "es")
    language = install_translations(qapp)
    yield language
    remove_translations(qapp)
    gc.collect()


def test_a_hop_reads_as_its_lsi_and_a_thomas_angle_as_degrees(
    ctx: ServiceContext, qtbot: QtBot
) -> None:
    page = _page(ctx, qtbot)
    view = _symmetry_chart(page, qtbot, Qt.Key.Key_P)
    assert view.data is not None
    lsi_axes, degree_axes = view.data.picture.axes
    assert lsi_axes.yticklabels == ("Single hop for distance",)
    assert degree_axes.yticklabels == ("Thomas test (hip angle) (passive)",)
    assert degree_axes.xlabel == "Side-to-side difference (°)"
    cells = [
        [view.table.item(r, c).text() for c in range(view.table.columnCount())]
        for r in range(view.table.rowCount())
    ]
    assert cells[0][:4] == ["Single hop for distance", "", "L 80 cm / R 100 cm", "LSI 80%"]
    assert cells[0][4].startswith("asymmetric, left weaker (under the 90% threshold")
    assert cells[1][2:4] == ["L 1° / R 4°", "3° difference, left less"]
    assert cells[1][4].startswith("within threshold (within the ")
    assert not any("25%" in cell for row in cells for cell in row)
    # Each bar reads out from its own panel: the hop's on top, the Thomas angle's below.
    _hover_bar(qtbot, view, 0, 40.0)
    qtbot.waitUntil(lambda: "LSI 80%" in view.hover.text())
    _hover_bar(qtbot, view, 1, 1.5)
    qtbot.waitUntil(lambda: "3° difference, left less" in view.hover.text())


def test_the_spanish_window_says_the_difference_in_spanish(
    ctx: ServiceContext, qtbot: QtBot, spanish: str
) -> None:
    page = _page(ctx, qtbot)
    view = _symmetry_chart(page, qtbot, Qt.Key.Key_U)  # "Evol&ución"
    assert view.data is not None
    assert view.data.picture.axes[1].xlabel == "Diferencia entre lados (°)"
    assert view.table.horizontalHeaderItem(3).text() == "Simetría"
    assert view.table.item(1, 3).text() == "3° menos a la izquierda"
    assert "dentro del error de medición" in view.table.item(1, 4).text()
    assert view.table.item(0, 3).text() == "LSI 80%"
