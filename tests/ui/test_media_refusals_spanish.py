"""The Image/video window's unit refusal in the window's language: an angle saved into a
measure recorded in cm is refused by services/media ("tool_unit"), and the window says so
naming the measure as its list does, in Spanish in a Spanish window and in English in an
English one (the command line keeps the service's English: tests/services/test_media); a
photo too big to open is refused in Spanish too.

The window lists only the measures of its tool's unit, so no click reaches this refusal
today; the tests put a cm measure in the list (a list gone stale) to reach the service's
check through the window's Save."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services import media as media_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations
from mobileathlete_desktop.ui.measure_grid import window_lang
from mobileathlete_desktop.ui.media import guidance
from mobileathlete_desktop.ui.media.window import MediaWindow
from tests.ui.test_media_canvas import VERTEX, arm_end, click, photo

CM_MEASURE = "wblt.distance"


@pytest.fixture(autouse=True)
def guidance_not_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: set[str] = set()
    monkeypatch.setattr(guidance, "seen", lambda code: code in seen)
    monkeypatch.setattr(guidance, "mark_seen", seen.add)


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[str]:
    language = install_translations(qapp, "es")
    yield language
    remove_translations(qapp)


def _saved_into_a_cm_measure(ctx: ServiceContext, qtbot: QtBot, tmp_path: Path) -> MediaWindow:
    client = clients.create_client(ctx, clients.ClientInput("PH-1", "Pho", "Toh"))
    visit = assessments.create_assessment(ctx, client.id, date(2026, 3, 2)).id
    window = MediaWindow(ctx, visit, ("knee.flexion", "left", "active"))
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    qtbot.waitExposed(window)
    first, second = arm_end(0), arm_end(60)
    window.open_file(photo(tmp_path / "k.jpg", [(VERTEX, first), (VERTEX, second)]))
    qtbot.waitUntil(lambda: not window.canvas.image.isNull(), timeout=10_000)
    for at in (first, VERTEX, second):
        click(qtbot, window, at)
    assert window.reading() is not None and window.reading().unit == "deg"  # type: ignore[union-attr]
    measure = ctx.catalogue.measures[CM_MEASURE]
    window.measure_combo.addItem(measure.label_in(window_lang()), CM_MEASURE)  # a stale list
    window.measure_combo.setCurrentIndex(window.measure_combo.count() - 1)
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.status.text().startswith("⚠"), timeout=10_000)
    assert assessments.get_assessment(ctx, visit).measurements == ()
    assert media_service.list_stills(ctx, visit) == ()
    return window


def test_an_angle_into_a_cm_measure_is_refused_in_spanish(
    spanish: str, ctx: ServiceContext, qtbot: QtBot, tmp_path: Path
) -> None:
    window = _saved_into_a_cm_measure(ctx, qtbot, tmp_path)
    label = ctx.catalogue.measures[CM_MEASURE].label_in("es")
    assert window.status.text() == f"⚠ {label} se registra en cm; esta herramienta mide un ángulo"


def test_the_same_refusal_reads_english_in_an_english_window(
    ctx: ServiceContext, qtbot: QtBot, tmp_path: Path
) -> None:
    window = _saved_into_a_cm_measure(ctx, qtbot, tmp_path)
    label = ctx.catalogue.measures[CM_MEASURE].label
    assert window.status.text() == f"⚠ {label} is recorded in cm; this tool measures an angle"


def test_a_photo_too_big_to_open_is_refused_in_spanish(
    spanish: str, ctx: ServiceContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    client = clients.create_client(ctx, clients.ClientInput("PH-1", "Pho", "Toh"))
    visit = assessments.create_assessment(ctx, client.id, date(2026, 3, 2)).id
    window = MediaWindow(ctx, visit, ("knee.flexion", "left", "active"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    huge = tmp_path / "enorme.jpg"
    with huge.open("wb") as file:  # a sparse 41 MB file: only its size is read
        file.truncate(media_service.MAX_INPUT_BYTES + 1024 * 1024)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(huge), ""))
    qtbot.mouseClick(window.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.status.text().startswith("⚠"), timeout=10_000)
    assert window.status.text() == (
        "⚠ enorme.jpg ocupa 41,0 MB: una imagen puede ocupar como máximo 40,0 MB (tómela con "
        "menos resolución)"
    )
    assert window.canvas.image.isNull()
