"""The builder reads the clinic's own drill pictures only for the drills it shows."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QPixmap
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import drill_images as drill_image_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui import service_adapter as svc
from mobileathlete_desktop.ui.program_builder import ProgramBuilder, drill_pictures
from tests.conftest import THERAPIST
from tests.ui.test_program_builder import client_id, open_builder, store  # noqa: F401


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Sequence[str] | None]:
    """The drill codes of every read of the clinic's pictures (None: all of them)."""
    calls: list[Sequence[str] | None] = []
    real = drill_image_service.drill_images

    def counting(ctx: ServiceContext, codes: Sequence[str] | None = None) -> dict[str, bytes]:
        calls.append(None if codes is None else list(codes))
        return real(ctx, codes)

    monkeypatch.setattr(drill_image_service, "drill_images", counting)
    return calls


def red_picture(tmp_path: Path) -> bytes:
    path = tmp_path / "ours.png"
    Image.new("RGB", (60, 40), "red").save(path)
    return path.read_bytes()


def test_opening_the_builder_reads_only_the_pictures_of_drills_on_screen(
    ctx: ServiceContext,
    client_id: int,  # noqa: F811
    store: QSettings,  # noqa: F811
    qtbot: QtBot,
    tmp_path: Path,
    reads: list[Sequence[str] | None],
) -> None:
    listed = [e.code for e in svc.search_library(svc.exercise_library(), "", "", "")]
    first, later = listed[0], listed[len(listed) * 2 // 3]
    for code in (first, later):
        drill_image_service.set_drill_image(ctx, code, red_picture(tmp_path), "ours.png")
    reads.clear()

    builder = open_builder(ctx, client_id, store, qtbot)
    builder.library_list.viewport().repaint()
    qtbot.waitUntil(lambda: not builder.pictures.reading)  # read on the thread pool

    assert None not in reads, "opening the builder read every clinic picture"
    read = {code for codes in reads if codes is not None for code in codes}
    assert first in read and later not in read
    assert len(read) < len(listed) // 2
    icon = builder.library_model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    top = icon.pixmap(QSize(56, 56)).toImage()
    assert top.pixelColor(top.width() // 2, top.height() // 2).red() > 200

    # A drill further down has its picture read when the therapist gets to it.
    builder.library_list.setCurrentIndex(builder.library_model.index(listed.index(later), 0))
    qtbot.waitUntil(lambda: any(codes and later in codes for codes in reads))
    qtbot.waitUntil(builder.drawn_picture_button.isEnabled)
    shown = builder.detail_picture.pixmap().toImage()
    assert shown.pixelColor(shown.width() // 2, shown.height() // 2).red() > 200


def test_filtering_again_reads_no_picture_twice(
    ctx: ServiceContext,
    client_id: int,  # noqa: F811
    store: QSettings,  # noqa: F811
    qtbot: QtBot,
    reads: list[Sequence[str] | None],
) -> None:
    builder = open_builder(ctx, client_id, store, qtbot)
    builder.library_list.viewport().repaint()
    builder.search.setText("bird dog")
    builder.search.clear()
    builder.library_list.viewport().repaint()
    qtbot.waitUntil(lambda: not builder.pictures.reading)
    read = [code for codes in reads if codes is not None for code in codes]
    assert read and len(read) == len(set(read))


def test_own_pictures_are_read_off_the_ui_thread_and_rows_show_their_figure_meanwhile(
    ctx: ServiceContext,
    client_id: int,  # noqa: F811
    store: QSettings,  # noqa: F811
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The clinic's pictures are read on the thread pool, once the window's first frame is on
    screen; until then a row shows its drawn figure (never a blank square), painted on the UI
    thread for the rows shown only; a keystroke in the search draws the details of the first
    drill found (it drew them for every row of the list, 150-400 ms)."""
    threads: set[int] = set()
    real_read = drill_image_service.drill_images
    read_when_painted: list[bool] = []

    def reading(ctx: ServiceContext, codes: Sequence[str] | None = None) -> dict[str, bytes]:
        threads.add(threading.get_ident())
        read_when_painted.append(builder.opening.first_frame)
        return real_read(ctx, codes)

    painted: list[int] = []
    real_paint = drill_pictures.drill_image

    def painting(svg: str | None, size: QSize = drill_pictures.ICON) -> Any:
        if svg is not None and size == drill_pictures.ICON:
            painted.append(threading.get_ident())
        return real_paint(svg, size)

    monkeypatch.setattr(drill_image_service, "drill_images", reading)
    monkeypatch.setattr(drill_pictures, "drill_image", painting)
    builder = ProgramBuilder(ctx.as_actor(THERAPIST), client_id, store=store)
    qtbot.addWidget(builder, before_close_func=lambda w: setattr(w, "dirty", False))
    builder.show()
    builder.library_list.viewport().repaint()
    assert not threads, "a picture was read before the window's first frame"
    # Before any read: the first row shows its figure (dark lines on white), not a blank.
    icon = builder.library_model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    image = icon.pixmap(QSize(56, 56)).toImage()
    colours = {image.pixelColor(x, y).name() for x in range(56) for y in range(56)}
    assert len(colours) > 2, "the row's picture is blank"
    qtbot.waitUntil(lambda: bool(threads) and not builder.pictures.reading)
    assert threading.get_ident() not in threads
    assert read_when_painted and all(read_when_painted)
    assert painted and set(painted) == {threading.get_ident()}
    assert len(painted) < len(builder.library_model.exercises), "icons painted for hidden rows"
    details: list[object] = []
    monkeypatch.setattr(
        builder.pictures, "pixmap", lambda exercise, size: details.append(exercise) or QPixmap()
    )
    builder.search.setFocus()
    qtbot.keyClicks(builder.search, "b")
    assert 1 <= len(details) <= 2  # the first drill found (again when its picture came)
