"""The Image/video window on a photo: points placed with the mouse on a synthetic picture with
known angles read them within 0.5°, dragged and nudged points follow, a calibrated line
measures distances, and Save stores the value with the instrument `photo` and the still."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services import media as media_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.media import guidance
from mobileathlete_desktop.ui.media.window import MediaWindow
from tests.ui.keys import press

VERTEX = QPointF(400, 320)


def arm_end(angle_deg: float, length: float = 260) -> QPointF:
    """The end of an arm from VERTEX at `angle_deg` counter-clockwise on screen."""
    rad = math.radians(angle_deg)
    return QPointF(VERTEX.x() + length * math.cos(rad), VERTEX.y() - length * math.sin(rad))


def photo(path: Path, lines: list[tuple[QPointF, QPointF]]) -> Path:
    """A synthetic 800×600 'photo' with dark segments drawn on it, saved as JPEG."""
    image = QImage(800, 600, QImage.Format.Format_RGB32)
    image.fill(QColor(170, 180, 190))
    painter = QPainter(image)
    painter.setPen(QPen(QColor(30, 30, 30), 9))
    for a, b in lines:
        painter.drawLine(a, b)
    painter.end()
    image.save(str(path), "JPEG", 92)  # type: ignore[call-overload]
    return path


@pytest.fixture(autouse=True)
def guidance_not_remembered(monkeypatch: pytest.MonkeyPatch) -> Iterator[set[str]]:
    """The 'shown once' memory of the set-up guidance kept per test, not in QSettings."""
    seen: set[str] = set()
    monkeypatch.setattr(guidance, "seen", lambda code: code in seen)
    monkeypatch.setattr(guidance, "mark_seen", seen.add)
    yield seen


@pytest.fixture
def visit(ctx: ServiceContext) -> int:
    client = clients.create_client(ctx, clients.ClientInput("PH-1", "Pho", "Toh"))
    return assessments.create_assessment(ctx, client.id, date(2026, 3, 2)).id


def open_window(ctx: ServiceContext, visit: int, qtbot: QtBot, picture: Path) -> MediaWindow:
    window = MediaWindow(ctx, visit, ("knee.flexion", "left", "active"))
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    qtbot.waitExposed(window)
    window.open_file(picture)
    qtbot.waitUntil(lambda: not window.canvas.image.isNull(), timeout=10_000)
    return window


def click(qtbot: QtBot, window: MediaWindow, at: QPointF) -> None:
    canvas = window.canvas
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.mapFromScene(at))


@pytest.mark.parametrize("angle", [35.0, 90.0, 128.0])
def test_three_points_clicked_on_a_known_angle_read_it_within_half_a_degree(
    ctx: ServiceContext, visit: int, qtbot: QtBot, tmp_path: Path, angle: float
) -> None:
    first, second = arm_end(-10), arm_end(-10 + angle)
    window = open_window(
        ctx, visit, qtbot, photo(tmp_path / "knee.jpg", [(VERTEX, first), (VERTEX, second)])
    )
    assert window.reading_label.text() == "—"
    for at in (first, VERTEX, second):
        click(qtbot, window, at)
    read = window.reading()
    assert read is not None and read.value == pytest.approx(angle, abs=0.5)
    assert window.reading_label.text() == f"{read.value:.1f}°"
    window.supplementary_box.setChecked(True)
    assert window.reading().value == pytest.approx(180 - angle, abs=0.5)  # type: ignore[union-attr]


def test_goniometer_and_vertical_tools_with_signs(
    ctx: ServiceContext, visit: int, qtbot: QtBot, tmp_path: Path
) -> None:
    stationary, moving = arm_end(0), arm_end(-25)
    window = open_window(ctx, visit, qtbot, photo(tmp_path / "g.jpg", [(VERTEX, stationary)]))
    window.tool_buttons["goniometer"].click()
    for at in (VERTEX, stationary, moving):
        click(qtbot, window, at)
    assert window.reading().value == pytest.approx(25, abs=0.5)  # type: ignore[union-attr]
    window.signed_box.setChecked(True)
    assert window.reading().value == pytest.approx(-25, abs=0.5)  # type: ignore[union-attr]
    window.tool_buttons["vertical"].click()  # two points: the shin, leaning 12° forward
    window.canvas.clear_points()
    low = QPointF(300, 500)
    top = QPointF(300 + 300 * math.tan(math.radians(12)), 200)
    click(qtbot, window, low)
    click(qtbot, window, top)
    assert window.reading().value == pytest.approx(12, abs=0.5)  # type: ignore[union-attr]


def test_points_dragged_with_the_mouse_and_nudged_with_the_keys(
    ctx: ServiceContext, visit: int, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_window(ctx, visit, qtbot, photo(tmp_path / "p.jpg", []))
    canvas = window.canvas
    for at in (arm_end(0), VERTEX, arm_end(90)):
        click(qtbot, window, at)
    assert window.reading().value == pytest.approx(90, abs=0.5)  # type: ignore[union-attr]
    end = canvas.handles[2]
    start = canvas.mapFromScene(end.pos())
    target = canvas.mapFromScene(arm_end(135))
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 11):  # a drag in small moves, as a hand makes it
        at = start + (target - start) * step / 10
        qtbot.mouseMove(canvas.viewport(), QPoint(round(at.x()), round(at.y())))
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=target)
    assert window.reading().value == pytest.approx(135, abs=0.8)  # type: ignore[union-attr]
    canvas.scene().clearSelection()
    end.setSelected(True)
    canvas.setFocus()
    before = end.pos()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert end.pos() == before + QPointF(1, 0)
    qtbot.keyClick(canvas, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    assert end.pos() == before + QPointF(1, -10)


def test_a_calibrated_line_measures_a_distance_in_cm(
    ctx: ServiceContext, visit: int, qtbot: QtBot, tmp_path: Path
) -> None:
    ruler = (QPointF(100, 550), QPointF(500, 550))  # 400 px stands for 20 cm
    window = open_window(ctx, visit, qtbot, photo(tmp_path / "wall.jpg", [ruler]))
    window.tool_buttons["distance"].click()
    assert window.measure_combo.currentData() in {
        m.code for m in ctx.catalogue.measures.values() if m.unit == "cm"
    }
    window.reference_button.click()
    click(qtbot, window, ruler[0])
    click(qtbot, window, ruler[1])
    window.reference_cm.setValue(20.0)
    click(qtbot, window, QPointF(200, 100))
    click(qtbot, window, QPointF(200, 400))  # 300 px
    read = window.reading()
    assert read is not None and read.unit == "cm"
    assert read.value == pytest.approx(15.0, abs=0.2)


def test_save_stores_the_value_with_photo_and_the_still_and_guidance_shows_once(
    ctx: ServiceContext,
    visit: int,
    qtbot: QtBot,
    tmp_path: Path,
    guidance_not_remembered: set[str],
) -> None:
    first, second = arm_end(0), arm_end(60)
    window = open_window(
        ctx, visit, qtbot, photo(tmp_path / "k.jpg", [(VERTEX, first), (VERTEX, second)])
    )
    assert window.guidance_box.isVisible()  # first time for knee flexion
    window.got_it.click()
    assert not window.guidance_box.isVisible() and "knee.flexion" in guidance_not_remembered
    for at in (first, VERTEX, second):
        click(qtbot, window, at)
    window.side_combo.setCurrentIndex(window.side_combo.findData("right"))
    with qtbot.waitSignal(window.saved, timeout=10_000):
        window.save_button.click()
    [m] = assessments.get_assessment(ctx, visit).measurements
    assert (m.code, m.side, m.mode, m.instrument) == ("knee.flexion", "right", "active", "photo")
    assert m.value == pytest.approx(60, abs=0.5)
    [still] = media_service.list_stills(ctx, visit)
    assert still.annotation["tool"] == "three_point" and len(still.annotation["points"]) == 3
    drawn = QImage.fromData(media_service.image_bytes(ctx, still.id))
    assert (drawn.width(), drawn.height()) == (800, 600)
    assert "Saved" in window.status.text()
    again = MediaWindow(ctx, visit, ("knee.flexion", "left", "active"))
    qtbot.addWidget(again)
    assert not again.guidance_box.isVisible()  # shown once per measure


def test_a_kept_still_opens_again_with_its_points_and_can_be_removed(
    ctx: ServiceContext, visit: int, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mobileathlete_desktop.ui.media.stills_list import StillsList

    window = open_window(ctx, visit, qtbot, photo(tmp_path / "r.jpg", []))
    assert not window.stills.isVisible()  # none kept yet
    window.tool_buttons["goniometer"].click()
    window.signed_box.setChecked(True)
    placed = (VERTEX, arm_end(-20), arm_end(10))
    for at in placed:
        click(qtbot, window, at)
    with qtbot.waitSignal(window.saved, timeout=10_000):
        window.save_button.click()
    assert window.stills.items.count() == 1 and window.stills.isVisible()
    window.canvas.clear_points()
    window.tool_buttons["three_point"].click()
    window.stills.items.setCurrentRow(0)
    window.stills.open_button.click()
    assert window.canvas.tool == "goniometer" and window.signed_box.isChecked()
    assert window.measure_combo.currentData() == "knee.flexion"
    assert window.reading().value == pytest.approx(30, abs=0.5)  # type: ignore[union-attr]
    for handle, at in zip(window.canvas.handles, placed, strict=True):
        assert abs(handle.pos().x() - at.x()) < 1.5 and abs(handle.pos().y() - at.y()) < 1.5
    monkeypatch.setattr(StillsList, "confirm", classmethod(lambda cls, parent, text: True))
    window.stills.remove_button.click()
    assert media_service.list_stills(ctx, visit) == () and not window.stills.isVisible()
    assert len(assessments.get_assessment(ctx, visit).measurements) == 1  # the value stays


def test_a_signed_visit_measures_but_saves_nothing(
    ctx: ServiceContext, visit: int, qtbot: QtBot, tmp_path: Path
) -> None:
    assessments.sign_assessment(ctx, visit)
    window = open_window(ctx, visit, qtbot, photo(tmp_path / "s.jpg", []))
    assert not window.save_button.isEnabled()
    assert "signed" in window.status.text()


def test_the_editor_opens_the_window_on_the_cell_in_focus_and_shows_the_saved_value(
    ctx: ServiceContext, visit: int, qtbot: QtBot, tmp_path: Path
) -> None:
    from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor

    editor = AssessmentEditor(ctx, visit)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    view, grid = editor.views[0], editor.grids[0]
    cell = next(
        grid.index(row, col)
        for row in range(grid.rowCount())
        for col in range(grid.columnCount())
        if (key := grid.key(grid.index(row, col))) and key.code == "knee.flexion"
    )
    view.setCurrentIndex(cell)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    wanted = grid.key(cell)
    assert wanted is not None
    press(
        qtbot,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    media = editor.media_window
    assert isinstance(media, MediaWindow) and media.isVisible()
    assert (
        media.measure_combo.currentData(),
        media.side_combo.currentData(),
        media.mode_combo.currentData(),
    ) == (wanted.code, wanted.side, wanted.mode)
    media.open_file(photo(tmp_path / "e.jpg", []))
    qtbot.waitUntil(lambda: not media.canvas.image.isNull(), timeout=10_000)
    for at in (arm_end(0), VERTEX, arm_end(45)):
        media.canvas.place(at)
    with qtbot.waitSignal(editor.changed, timeout=10_000):
        media.save_button.click()
    [m] = editor.record.measurements  # the editor read the visit again
    assert (m.code, m.side, m.mode, m.instrument) == (
        wanted.code,
        wanted.side,
        wanted.mode,
        "photo",
    )
    media.close()


def test_a_loupe_follows_the_mouse_while_points_are_placed(
    ctx: ServiceContext, visit: int, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_window(ctx, visit, qtbot, photo(tmp_path / "l.jpg", [(VERTEX, arm_end(0))]))
    canvas = window.canvas
    qtbot.mouseMove(canvas.viewport(), canvas.mapFromScene(VERTEX))
    assert canvas.loupe.isVisible()
    magnified = canvas.loupe.pixmap().toImage()
    assert magnified.width() == canvas.loupe.width()
    below_cross = magnified.height() // 2 + 6
    # The arm runs right from the vertex: dark on the right of the loupe, background on the left.
    assert magnified.pixelColor(magnified.width() - 5, below_cross).red() < 80
    assert magnified.pixelColor(5, below_cross).red() > 140
    for at in (arm_end(0), VERTEX, arm_end(70)):
        click(qtbot, window, at)
    qtbot.mouseMove(canvas.viewport(), canvas.mapFromScene(QPointF(100, 100)))
    assert not canvas.loupe.isVisible()  # every point placed: no loupe in the way


def test_the_annotated_still_of_a_large_photo_is_at_most_1280_px(
    ctx: ServiceContext, visit: int, qtbot: QtBot, tmp_path: Path
) -> None:
    big = QImage(2000, 1500, QImage.Format.Format_RGB32)
    big.fill(QColor(120, 130, 140))
    big.save(str(tmp_path / "big.png"))
    window = open_window(ctx, visit, qtbot, tmp_path / "big.png")
    drawn = window.canvas.render_annotated()
    assert (drawn.width(), drawn.height()) == (1280, 960)


def test_points_can_be_placed_and_moved_without_a_mouse(
    ctx: ServiceContext, visit: int, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_window(ctx, visit, qtbot, photo(tmp_path / "k.jpg", []))
    canvas = window.canvas
    window.tool_buttons["horizontal"].click()
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Return)  # the first point, in the middle, selected
    first = canvas.handles[0]
    assert first.isSelected()
    for _ in range(10):
        qtbot.keyClick(canvas, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)  # 100 px left
    qtbot.keyClick(canvas, Qt.Key.Key_Return)  # the second, in the middle again
    second = canvas.handles[1]
    for _ in range(10):
        qtbot.keyClick(canvas, Qt.Key.Key_Up)  # 10 px up: the line rises to the right
    assert first.pos().x() == pytest.approx(second.pos().x() - 100)
    expected = math.degrees(math.atan2(10, 100))
    assert window.reading().value == pytest.approx(expected, abs=0.1)  # type: ignore[union-attr]
