"""Every window fits the screen area the desktop leaves (QScreen.availableGeometry), and can
be made small enough for 1366×768 at 150 % scaling without hiding its buttons."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.main_window import MainWindow
from mobileathlete_desktop.ui.screen_fit import available_area, fitted_size
from tests.ui.test_mnemonics import WINDOWS

# 1366×768 at 150 %: 910×512 logical pixels, less a panel of ~30.
SCALED = QSize(910, 482)


@pytest.mark.parametrize(
    ("preferred", "available", "expected"),
    [
        (QSize(1100, 780), QSize(1366, 738), QSize(1100, 701)),
        (QSize(1280, 780), QSize(910, 482), QSize(864, 457)),
        (QSize(400, 300), QSize(1920, 1050), QSize(400, 300)),
    ],
)
def test_a_window_is_capped_at_95_percent_of_the_available_area(
    preferred: QSize, available: QSize, expected: QSize
) -> None:
    assert fitted_size(preferred, available) == expected


@pytest.mark.parametrize("name", ["main window", *WINDOWS])
def test_every_window_fits_the_available_screen_area(
    name: str, window: MainWindow, ctx: ServiceContext, tmp_path: Path, qtbot: QtBot
) -> None:
    shown = window if name == "main window" else WINDOWS[name](ctx, tmp_path)
    if shown is not window:
        qtbot.addWidget(shown, before_close_func=lambda w: setattr(w, "dirty", False))
    shown.show()
    qtbot.waitExposed(shown)
    area = available_area(shown)
    assert shown.width() <= area.width() and shown.height() <= area.height()
    assert area.contains(shown.geometry())
    # and it can shrink to a 150 %-scaled 1366×768 screen (content scrolls inside)
    least = shown.minimumSizeHint()
    assert least.width() <= SCALED.width(), least
