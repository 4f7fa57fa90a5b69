"""The Progress tab's profile table says what the chart shows, in the window's language: the
percent of the norm for a range that starts at zero, and for a signed angle (Thomas, whose
zero is a reference position) its difference from the norm, read by hovering its bar on the
chart's lower panel. Worked case: hip flexion 118° against AAOS 1965's 120° (98%), Thomas
−5° against Ferber 2010's 10.6 ± 9.61° (−15.6°, −1.6 SD)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.client_page import ClientPage
from mobileathlete_desktop.ui.progress_view import ProgressView
from tests.reports.helpers import add_runner
from tests.ui.keys import press
from tests.ui.test_progress_spanish import spanish  # noqa: F401  (a fixture)
from tests.ui.test_progress_view import point_at, shown

VISITS = {
    date(2025, 3, 7): {
        ("hip.flexion", "left", "active"): 118.0,
        ("thomas.hip_extension", "left", "passive"): -5.0,
    },
}


def _page(ctx: ServiceContext, qtbot: QtBot) -> ClientPage:
    client = add_runner(ctx, "P-PT", "Ada", "Stridewell", VISITS)
    page = ClientPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    with qtbot.waitSignal(page.client_shown):
        page.show_client(client.id)
    return page


def _profile(page: ClientPage, qtbot: QtBot, mnemonic: Qt.Key) -> ProgressView:
    qtbot.keyClick(page, mnemonic, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.progress)
    view = page.progress
    qtbot.waitUntil(lambda: view.data is not None and not view.loading, timeout=60_000)
    view.kind.setFocus()
    qtbot.waitUntil(view.kind.hasFocus)
    for _ in range(5):
        if shown(view, "profile"):
            break
        press(qtbot, Qt.Key.Key_Down)
        qtbot.waitUntil(lambda: view.data is not None and not view.loading, timeout=15_000)
    qtbot.waitUntil(lambda: shown(view, "profile"), timeout=15_000)
    return view


def _rows(view: ProgressView) -> list[list[str]]:
    return [
        [view.table.item(r, c).text() for c in range(view.table.columnCount())]
        for r in range(view.table.rowCount())
    ]


def test_the_profile_table_has_the_signed_angle_as_its_difference_from_the_norm(
    ctx: ServiceContext, qtbot: QtBot
) -> None:
    page = _page(ctx, qtbot)
    view = _profile(page, qtbot, Qt.Key.Key_P)
    header = view.table.horizontalHeaderItem(4).text()
    assert header == "Against the norm"
    rows = _rows(view)
    thomas = next(r for r in rows if r[0].startswith("Thomas"))
    assert thomas[3] == "-5°"
    assert thomas[4].startswith("\u221215.6° (\u22121.6 SD) from the norm 10.6° ± 9.6°")
    assert "ferber-2010" in thomas[4]
    flexion = next(r for r in rows if r[0].startswith("Hip flexion"))
    assert "% of " in flexion[4] and "%" not in thomas[4]
    # Hovering the Thomas bar on the lower panel reads the same line.
    assert view.data is not None
    target = next(v for v in view.data.values if v.series == "difference")
    lower = view.data.picture.axes[-1]
    x, y = lower.to_pixels(target.x / 2, target.y)
    point_at(qtbot, view, x, y)
    qtbot.waitUntil(lambda: view.hover.text() == target.text)
    assert "from the norm" in view.hover.text()


@pytest.mark.usefixtures("spanish")
def test_the_spanish_profile_table_says_the_norm_in_spanish(
    ctx: ServiceContext, qtbot: QtBot
) -> None:
    page = _page(ctx, qtbot)
    view = _profile(page, qtbot, Qt.Key.Key_U)  # "Evol&ución"
    assert view.table.horizontalHeaderItem(4).text() == "Frente a la norma"
    rows = _rows(view)
    thomas = next(r for r in rows if "Thomas" in r[0])
    assert "respecto a la norma" in thomas[4]
    assert "(\u22121.6 DE)" in thomas[4]  # desviaciones estándar, as the chart says it
    assert any(r[4].startswith("98 % de 120°") for r in rows)
