"""The Progress tab in a Spanish window draws Spanish charts: the title names the measure as
the catalogue says it in Spanish, the key, axis, notes and month names are Spanish, and
hovering an outcome panel (found by its now Spanish title) still reads the value out."""

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
from tests.reports.helpers import add_runner
from tests.ui.keys import press
from tests.ui.test_progress_view import point_at, shown

DF = "ankle.dorsiflexion.knee_flexed"
VISITS = {
    date(2025, 1, 10): {(DF, "left", "active"): 30.0, (DF, "right", "active"): 22.0},
    date(2025, 2, 7): {(DF, "left", "active"): 31.0, (DF, "right", "active"): 26.0},
    date(2025, 3, 7): {
        (DF, "left", "active"): 31.0,
        (DF, "right", "active"): 29.0,
        ("nprs", "none", "none"): 3.0,
    },
    date(2025, 4, 4): {("nprs", "none", "none"): 2.0},
}


@pytest.fixture
def spanish(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("MOBILEATHLETE_LANG", "es")
    language = install_translations(qapp)
    yield language
    remove_translations(qapp)
    gc.collect()


@pytest.fixture
def page(ctx: ServiceContext, qtbot: QtBot, spanish: str) -> ClientPage:
    client = add_runner(ctx, "P-ES", "Ada", "Stridewell", VISITS)
    page = ClientPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    with qtbot.waitSignal(page.client_shown):
        page.show_client(client.id)
    return page


def test_the_spanish_progress_tab_draws_spanish_charts(
    ctx: ServiceContext, page: ClientPage, qtbot: QtBot
) -> None:
    qtbot.keyClick(page, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # "Evol&ución"
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.progress)
    view = page.progress
    qtbot.waitUntil(lambda: shown(view, "measure"), timeout=60_000)
    assert view.data is not None
    measure = ctx.catalogue.get(DF)
    assert measure is not None and measure.label_in("es") != measure.label
    ax = view.data.picture.axes[0]
    assert ax.title == f"{measure.label_in('es')} (activo) — Ada Stridewell"
    assert {"Izquierdo", "Derecho"} <= set(ax.labels)
    assert ax.xlabel == "Fecha de la consulta"
    months = set(ax.xticklabels)
    assert "feb" in months and "Feb" not in months
    assert "CMD95" in view.status.text()  # the chart's note, read out beside it
    # The measure picker names it in Spanish too.
    assert view.measure.currentText() == f"{measure.label_in('es')} (activo) — 3 visitas"

    # The outcome scores: panels titled in Spanish, and hovering a point still reads it.
    view.kind.setFocus()
    qtbot.waitUntil(view.kind.hasFocus)
    for _ in range(3):  # measure → asymmetry → profile → outcomes
        press(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: shown(view, "outcomes"), timeout=15_000)
    assert view.data is not None
    nprs = ctx.catalogue.get("nprs")
    assert nprs is not None
    panel = next(a for a in view.data.picture.axes if a.left_title)
    assert panel.left_title.startswith(nprs.label_in("es"))
    assert "Escalas de resultados" in view.data.picture.suptitle
    target = view.data.values[-1]
    x, y = panel.to_pixels(target.x, target.y)
    point_at(qtbot, view, x + 2, y - 2)
    qtbot.waitUntil(lambda: view.hover.text().startswith("2025-04-04"))
