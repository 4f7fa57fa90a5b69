"""The Progress tab: charts drawn in the chart process, picked by keyboard, read by hover or
table, exported through the (monkeypatched) file dialog, no matplotlib in the window."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.client_page import ClientPage
from mobileathlete_desktop.ui.progress_view import ProgressView
from tests.reports.helpers import add_runner
from tests.ui.keys import press

DF = "ankle.dorsiflexion.knee_flexed"
VISITS = {
    date(2025, 1, 10): {(DF, "left", "active"): 30.0, (DF, "right", "active"): 22.0},
    date(2025, 2, 7): {(DF, "left", "active"): 31.0, (DF, "right", "active"): 26.0},
    date(2025, 3, 7): {
        (DF, "left", "active"): 31.0,
        (DF, "right", "active"): 29.0,
        ("hip.flexion", "left", "active"): 118.0,
    },
}


@pytest.fixture
def page(ctx: ServiceContext, qtbot: QtBot) -> ClientPage:
    client = add_runner(ctx, "P-1", "Ada", "Stridewell", VISITS)
    page = ClientPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    with qtbot.waitSignal(page.client_shown):
        page.show_client(client.id)
    return page


def shown(view: ProgressView, kind: str, what: str | None = None) -> bool:
    data = view.data
    return (
        data is not None
        and not view.loading
        and data.kind == kind
        and (what is None or data.what == what)
        and view.canvas is not None
        and view.canvas.picture is data.picture
    )


def point_at(qtbot: QtBot, view: ProgressView, x: float, y: float) -> None:
    """Moves the pointer onto the chart at (x, y): its device pixels from the bottom left."""
    picture = view.canvas.picture
    spot = QPoint(round(x / picture.ratio), round((picture.height - y) / picture.ratio))
    qtbot.mouseMove(view.canvas, spot)


def open_progress(page: ClientPage, qtbot: QtBot) -> ProgressView:
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # the tab's mnemonic
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.progress)
    view = page.progress
    # The first chart may wait for the chart process to start (seconds on a busy machine).
    qtbot.waitUntil(lambda: shown(view, "measure"), timeout=60_000)
    return view


def test_progress_shows_the_measure_with_most_visits(page: ClientPage, qtbot: QtBot) -> None:
    assert page.progress.data is None  # nothing is built until the tab is opened
    view = open_progress(page, qtbot)
    assert view.data is not None and (view.data.what, view.data.mode) == (DF, "active")
    assert os.getpid() != view.data.picture.drawn_by  # drawn by the chart process
    ax = view.data.picture.axes[0]
    assert ax.title == "Ankle dorsiflexion, knee flexed (active) — Ada Stridewell"
    assert {"Left", "Right"} <= set(ax.labels)  # one series a side
    # The right side's three points lie on the chart, in its data area, left to right.
    right = [v for v in view.data.values if v.cells[1] == "right"]
    spots = [ax.to_pixels(v.x, v.y) for v in right]
    x0, y0, x1, y1 = ax.extents
    assert all(x0 < px < x1 and y0 < py < y1 for px, py in spots)
    assert [px for px, _ in spots] == sorted(px for px, _ in spots)
    # The picture is the room's size (the chart fills the tab), opaque, not blank.
    assert view.canvas.width() <= view.chart_area.viewport().width()
    pixels = view.data.picture.rgba
    assert len(pixels) == view.data.picture.width * view.data.picture.height * 4
    assert pixels[3::4].count(255) == len(pixels) // 4 and pixels.count(255) < len(pixels) * 0.95
    # The table beneath lists the same six points, in date order.
    assert view.table.rowCount() == 6
    cells = [[view.table.item(r, c).text() for c in range(4)] for r in range(6)]
    assert cells[0] == ["2025-01-10", "left", "30°", "draft"]
    assert cells[5] == ["2025-03-07", "right", "29°", "draft"]
    assert [view.measure.itemText(i) for i in range(view.measure.count())] == [
        "Hip flexion (active) — 1 visit",
        "Ankle dorsiflexion, knee flexed (active) — 3 visits",
    ]
    assert view.measure.accessibleName() == "Measure"
    assert view.kind.accessibleName() == "Chart kind"


def test_the_measure_and_kind_are_picked_by_keyboard(page: ClientPage, qtbot: QtBot) -> None:
    view = open_progress(page, qtbot)
    view.measure.setFocus()
    qtbot.waitUntil(view.measure.hasFocus)
    press(qtbot, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: shown(view, "measure", "hip.flexion"), timeout=15_000)
    assert view.data is not None
    assert view.data.picture.axes[0].title.startswith("Hip flexion (active)")
    assert view.table.rowCount() == 1  # one visit, left only
    assert "One visit so far" in view.status.text()
    assert "Only the left side was recorded" in view.status.text()

    view.kind.setFocus()
    qtbot.waitUntil(view.kind.hasFocus)
    press(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: shown(view, "asymmetry"), timeout=15_000)
    assert not view.measure.isEnabled()
    assert view.data is not None
    labels = view.data.picture.axes[0].yticklabels
    assert labels == ("Ankle dorsiflexion, knee flexed (active)",)
    # An angle is said as its difference in degrees, not as a percentage (29 of 31).
    assert view.table.item(0, 3).text() == "2° difference, right less"

    press(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: shown(view, "profile"), timeout=15_000)
    press(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: shown(view, "outcomes"), timeout=15_000)
    assert "No outcome scores recorded." in view.status.text()


def test_hovering_a_point_reads_it_out(page: ClientPage, qtbot: QtBot) -> None:
    view = open_progress(page, qtbot)
    assert view.data is not None
    ax = view.data.picture.axes[0]
    target = next(v for v in view.data.values if v.cells[:2] == ("2025-02-07", "right"))
    x, y = ax.to_pixels(target.x, target.y)
    point_at(qtbot, view, x + 3, y - 2)
    qtbot.waitUntil(lambda: view.hover.text() == "2025-02-07 · right · 26° · draft")
    point_at(qtbot, view, x + 60, y + 60)
    qtbot.waitUntil(lambda: view.hover.text().startswith("Point at a value"))
    # The keyboard's way to the same read-out: moving through the table.
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    view.table.setCurrentCell(0, 0)
    assert view.hover.text() == "2025-01-10 · left · 30° · draft"
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Down)
    assert view.hover.text() == "2025-02-07 · right · 26° · draft"


def test_export_writes_the_chart_and_audits_it(
    page: ClientPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import select

    from mobileathlete_desktop.storage.models import AuditEvent

    view = open_progress(page, qtbot)
    target = tmp_path / "ankle"
    asked: list[str] = []

    def dialog(_parent: object, _title: str, suggested: str, _filters: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), "SVG drawing (*.svg)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    svg = tmp_path / "ankle.svg"
    qtbot.waitUntil(svg.exists)
    assert asked == [f"P-1_{DF}.png"]
    assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    assert view.status.text() == f"Exported to {svg}"
    with page.ctx.db.session() as session:
        event = session.execute(
            select(AuditEvent).where(AuditEvent.action == "chart.export")
        ).scalar_one()
        assert event.detail["file"] == "ankle.svg" and event.detail["chart"] == DF
    # The chart on screen stays as it was after saving.
    assert shown(view, "measure", DF)
    # A PNG is the chart as shown, at 150 dpi (1.5 × the screen's 100 for the same layout).
    from PySide6.QtGui import QImage

    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(tmp_path / "a.png"), ""))
    )
    assert view.export() == tmp_path / "a.png"
    image = QImage(str(tmp_path / "a.png"))
    assert view.canvas is not None
    assert abs(image.width() - view.canvas.width() * 1.5) <= 1

    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_a: (str(tmp_path / "gone" / "a.png"), "")),
    )
    assert view.export() is None
    assert view.status.text().startswith("Not exported:") and "does not exist" in view.status.text()


def test_a_client_without_assessments_gets_a_message_not_a_crash(
    ctx: ServiceContext, qtbot: QtBot
) -> None:
    client = add_runner(ctx, "P-2", "Bea", "Empty")
    view = ProgressView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.set_client(client.id)
    qtbot.waitUntil(lambda: shown(view, "measure"), timeout=60_000)
    assert view.measure.count() == 0 and not view.measure.isEnabled()
    assert view.table.rowCount() == 0
    assert view.status.text() == "No assessments recorded yet."
    assert view.data is not None and view.data.picture.axes[0].title == "Progress — Bea Empty"


def test_the_window_shows_a_client_and_its_chart_without_matplotlib(db_path: Path) -> None:
    """matplotlib is never imported by the window: its charts are drawn in the chart
    process."""
    code = f"""
import sys
from PySide6.QtWidgets import QApplication
from mobileathlete_desktop.storage.database import open_database
from mobileathlete_desktop.services.context import ServiceContext
from tests.reports.helpers import add_runner
app = QApplication([])
ctx = ServiceContext.system(open_database({str(db_path)!r}))
client = add_runner(ctx, "P-3", visits={{}})
from mobileathlete_desktop.ui.main_window import MainWindow
win = MainWindow(ctx)
win.show()
win.page.show_client(client.id)
while win.page.client is None:
    app.processEvents()
print("matplotlib" in sys.modules)
win.page.show_progress()
app.processEvents()
print("matplotlib" in sys.modules or win.page.progress.loading)
from PySide6.QtCore import QThreadPool
QThreadPool.globalInstance().waitForDone(30000)
app.processEvents()
print(win.page.progress.data is not None, "matplotlib" in sys.modules)
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    # The chart was drawn (by the chart process): the window's process never imported it.
    assert out.stdout.split() == ["False", "True", "True", "False"], out.stderr


def test_a_chart_is_laid_out_to_fill_the_room_and_a_long_profile_scrolls() -> None:
    from mobileathlete_desktop.ui.chart_data import fitted_size

    # A time chart a little taller than the room is fitted to it (no scroll bars).
    assert fitted_size((700, 420), (850, 400)) == (850, 400)
    # Never stretched beyond 1.6× wide / 1.3× tall, nor squeezed below 0.75×.
    assert fitted_size((700, 420), (2000, 2000)) == (1120, 546)
    assert fitted_size((700, 420), (300, 350)) == (525, 350)
    # A 40-row profile keeps its height and leaves the vertical scroll bar its width.
    assert fitted_size((770, 1436), (760, 356), scrollbar=16) == (744, 1436)


def test_a_long_chart_note_is_cut_at_a_word_with_the_whole_note_on_hover() -> None:
    from mobileathlete_desktop.ui.progress_view import brief

    note = "No norm for this client: " + ", ".join(f"Measure {n}" for n in range(40))
    short = brief(note)
    assert len(short) < len(note) and short.endswith("… (hover for all)")
    assert note.startswith(short.removesuffix(" … (hover for all)"))
    assert brief("No error bars.") == "No error bars."
