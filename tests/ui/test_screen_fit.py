"""Every window fits the screen area the desktop leaves (QScreen.availableGeometry), and can
be made small enough for 1366×768 at 150 % scaling without hiding its buttons."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QPushButton, QScrollArea
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services import accounts, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui import screen_fit
from mobileathlete_desktop.ui.main_window import MainWindow
from mobileathlete_desktop.ui.screen_fit import available_area, fitted_size
from tests.conftest import ADMIN, THERAPIST
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
    # and it can shrink to a 150 %-scaled 1366×768 screen (content scrolls inside): at 150 %
    # the program builder could not be made shorter than 495 of 482 pixels
    least = shown.minimumSizeHint().expandedTo(shown.minimumSize())
    assert least.width() <= SCALED.width(), least
    assert least.height() <= SCALED.height(), least


@pytest.fixture
def scaled_screen(monkeypatch: pytest.MonkeyPatch) -> QRect:
    """Windows size themselves for a 1366×768 screen at 150 % (910×512, a 30-pixel panel)."""
    area = QRect(QPoint(0, 0), SCALED)
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: area)
    return area


@pytest.mark.parametrize("name", ["main window", *WINDOWS])
def test_every_window_opens_within_a_150_percent_screen(
    name: str, ctx: ServiceContext, tmp_path: Path, qtbot: QtBot, scaled_screen: QRect
) -> None:
    clients.create_client(ctx, clients.ClientInput("C-1", "Ada", "Stridewell", date(1990, 1, 1)))
    shown = MainWindow(ctx) if name == "main window" else WINDOWS[name](ctx, tmp_path)
    qtbot.addWidget(shown, before_close_func=lambda w: setattr(w, "dirty", False))
    # the client form was 713×653 whatever the screen: its Save button was off-screen
    assert shown.width() <= scaled_screen.width(), (name, shown.size())
    assert shown.height() <= scaled_screen.height(), (name, shown.size())


def _page_scrolls_sideways(window: MainWindow) -> bool:
    area = next(a for a in window.findChildren(QScrollArea) if a.widget() is window.page)
    return area.horizontalScrollBar().isVisible()


@pytest.mark.parametrize("role", [ADMIN, THERAPIST])
def test_a_client_page_needs_no_sideways_scrolling_at_150_percent(
    role: Actor, ctx: ServiceContext, qtbot: QtBot, scaled_screen: QRect
) -> None:
    """At 150 % the page's buttons (Home program…, Report…) and the Progress tab's controls
    were wider than the page: it scrolled sideways and the buttons were cut."""
    client = clients.create_client(
        ctx, clients.ClientInput("C-1", "Ada", "Stridewell", date(1990, 1, 1))
    )
    window = MainWindow(ctx.as_actor(role))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.page.client_shown):
        window.select_client(client.id)
    assert window.page.buttons.isVisible()
    qtbot.waitUntil(lambda: not _page_scrolls_sideways(window))
    window.page.show_progress()
    qtbot.waitUntil(lambda: not _page_scrolls_sideways(window))
    buttons = [b for b in window.page.buttons.findChildren(QPushButton) if b.isVisible()]
    page_width = window.page.width()
    assert all(b.geometry().right() < page_width for b in buttons)


def test_a_new_clinic_s_next_steps_leave_the_page_unscrolled_at_1366x768(
    ctx: ServiceContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 1366×768 the page scrolled sideways under an admin's next-steps panel."""
    area = QRect(0, 0, 1366, 738)
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: area)
    accounts.create_first_admin(ctx.db, "North PT", "boss", "Boss Admin", "boss-secret")
    boss = ctx.as_actor(accounts.sign_in(ctx, "boss", "boss-secret"))
    client = clients.create_client(
        boss, clients.ClientInput("C-1", "Ada", "Stridewell", date(1990, 1, 1))
    )
    window = MainWindow(boss)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.next_steps.isVisible()
    with qtbot.waitSignal(window.page.client_shown):
        window.select_client(client.id)
    qtbot.waitUntil(lambda: not _page_scrolls_sideways(window))


def test_the_editor_title_wraps_instead_of_being_cut_at_150_percent(
    ctx: ServiceContext, tmp_path: Path, qtbot: QtBot, scaled_screen: QRect
) -> None:
    clients.create_client(
        ctx, clients.ClientInput("C-1", "Maximiliana", "Stridewell-Longname", date(1990, 1, 1))
    )
    editor = WINDOWS["assessment editor"](ctx, tmp_path)
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "dirty", False))
    editor.show()
    qtbot.waitExposed(editor)
    title = editor.title  # type: ignore[attr-defined]
    # The whole title is shown (wrapped onto more lines when the window is narrow).
    assert title.wordWrap()
    needed = title.heightForWidth(title.width())
    assert title.height() >= needed > 0, (title.height(), needed, title.text())
    assert editor.width() <= scaled_screen.width()


# A window only Python's collector frees (a reference cycle), fitted to the screen, then
# collected while the main window, fitted before it, lives on. In a fresh process: a deleted
# screen brings the process down at the next window shown or closed.
_COLLECTED = """
import gc
from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from mobileathlete_desktop.ui.screen_fit import available_area, fit_to_screen

app = QApplication([])
gc.disable()
gone = []
QGuiApplication.primaryScreen().destroyed.connect(lambda: gone.append(1))
main = QWidget()
fit_to_screen(main, QSize(1100, 780))

class Forgotten(QDialog):
    def __init__(self):
        super().__init__()
        self.me = self
        fit_to_screen(self, QSize(1280, 780))
        available_area(self)

Forgotten().show()
app.processEvents()
gc.collect()
print("screen deleted" if gone else "screen kept", flush=True)
other = QDialog()
other.show()
app.processEvents()
other.close()
print("closed", flush=True)
"""


def test_a_fitted_window_freed_by_the_collector_leaves_the_screen_alone() -> None:
    """The test run crashed now and then closing a window (QCursor::pos reading a freed
    QScreen under the offscreen platform's setVisible(false)): QWidget.screen() made the
    application's QScreen the window's child on the Python side, and the collector, freeing
    that window in a cycle, could hand the screen's wrapper ownership and delete the QScreen."""
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", _COLLECTED],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.stdout.split("\n")[:2] == ["screen kept", "closed"], (
        done.stdout + done.stderr[-3000:]
    )
    assert done.returncode == 0, done.stderr[-3000:]
