"""Drill pictures for the builder: the drawn figures, and the clinic's own pictures read on the
thread pool only when a drill is shown, then kept."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from mobileathlete_desktop.domain.exercises import Exercise
from mobileathlete_desktop.ui import service_adapter as svc
from mobileathlete_desktop.ui.jobs import Job, JobControl

log = logging.getLogger(__name__)

ICON = QSize(56, 56)

# Reads the clinic's own pictures of the given drill codes (bytes by code; no entry: none).
PictureReader = Callable[[Sequence[str]], dict[str, bytes]]


def drill_image(svg: str | None, size: QSize = ICON) -> QImage:
    """The drill's figure drawn on white at the given size (blank when there is none), as an
    image: safe to draw on a worker thread (a QImage, not a pixmap)."""
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    if svg:
        renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
        if renderer.isValid():
            painter = QPainter(image)
            renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
            renderer.render(painter)
            painter.end()
    return image


def own_image(data: bytes, size: QSize) -> QImage | None:
    """The clinic's own picture scaled to fit `size` (None when it cannot be read); safe on a
    worker thread."""
    image = QImage()
    if not image.loadFromData(data):
        return None
    return image.scaled(
        size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def drill_pixmap(svg: str | None, size: QSize = ICON) -> QPixmap:
    """The drill's figure drawn on white at the given size (blank when there is none)."""
    return QPixmap.fromImage(drill_image(svg, size))


# What a job brings for a page of drills: the own pictures it read (by code; None: none) and
# those pictures scaled to an icon.
Read = tuple[dict[str, bytes | None], dict[str, QImage]]


class DrillPictures(QObject):
    """Each drill's picture: the clinic's own when it has one, else the drawn figure.

    The drawn figures are drawn once per process, most of them ahead of time (ui.prewarm), and
    a row's icon is painted from its figure on the UI thread when the row is first shown (a
    quarter of a millisecond each; painting on a worker thread raced the window's teardown).
    The clinic's own pictures are read from the database a page of drills at a time, on the
    thread pool, the first time a drill of the page is shown: until then, and for drills
    without one, the drill shows its drawn figure; `ready` says which drills' own pictures were
    just read. While the window opens the reads wait (`hold`, then `release` once its first
    frame is on screen), so no worker takes the interpreter from the UI thread meanwhile.
    """

    # The drill codes whose own pictures were just read.
    ready = Signal(list)

    def __init__(self, ctx: Any, window: QWidget, read: PictureReader | None = None) -> None:
        super().__init__(window)  # the window is not held here: no cycle keeps it alive
        self._read = read or (lambda codes: svc.drill_images(ctx, codes))
        self._own: dict[str, bytes | None] = {}  # read so far; None: no own picture
        self._icons: dict[str, QIcon] = {}  # painted (the drawn figure until the own is read)
        self._own_images: dict[str, QImage] = {}  # own pictures scaled on the thread pool
        self._pending: set[str] = set()  # being read on the thread pool
        self._held: dict[str, Exercise] | None = None  # asked for while held, in order

    def known(self, code: str) -> bool:
        """Whether the drill's own picture was read (or found missing)."""
        return code in self._own

    @property
    def reading(self) -> bool:
        """Whether own pictures are being read on the thread pool, or wait to be."""
        return bool(self._pending) or bool(self._held)

    def hold(self) -> None:
        """Reads nothing until `release` (the drills show their drawn figures meanwhile)."""
        if self._held is None:
            self._held = {}

    def release(self) -> None:
        """Reads what was asked for while held (one job), and from now on as it is asked."""
        held, self._held = self._held, None
        if held:
            self.request(list(held.values()))

    def request(self, exercises: Sequence[Exercise]) -> None:
        """Reads the own pictures of those drills not read yet (one query, on the thread
        pool); `ready` follows."""
        wanted = [e for e in exercises if not self.known(e.code) and e.code not in self._pending]
        if not wanted:
            return
        if self._held is not None:
            self._held.update((e.code, e) for e in wanted)
            return
        codes = list(dict.fromkeys(e.code for e in wanted))
        read = self._read
        self._pending.update(codes)

        def work(_control: JobControl) -> Read:
            own: dict[str, bytes | None] = {c: None for c in codes}
            own.update(read(codes))
            images: dict[str, QImage] = {}
            for code, data in own.items():
                image = own_image(data, ICON) if data else None
                if image is not None:
                    images[code] = image
            return own, images

        def done(result: Read) -> None:
            self._arrived(codes, *result)

        def failed(exc: Exception) -> None:  # shown with the drawn figure; logged
            log.warning("Could not read the drills' own pictures", exc_info=exc)
            self._arrived(codes, dict.fromkeys(codes), {})

        window = self.parent()
        assert isinstance(window, QWidget)
        Job(window, work, done).failure(failed).run()

    def _arrived(
        self, codes: list[str], own: dict[str, bytes | None], images: dict[str, QImage]
    ) -> None:
        for code in codes:
            if code not in self._own:
                self._own[code] = own.get(code)
                if own.get(code) is not None:
                    self._icons.pop(code, None)  # the drawn figure it showed meanwhile
                if code in images:
                    self._own_images[code] = images[code]
            # else: stored meanwhile (set_own), which wins over what the job read
        self._pending.difference_update(codes)
        self.ready.emit(codes)

    def own(self, code: str) -> bytes | None:
        """The clinic's own picture of the drill, or None when it uses the drawn figure (or
        it is not read yet)."""
        return self._own.get(code)

    def set_own(self, code: str, data: bytes | None) -> None:
        """Remembers a picture just stored for the drill (None: back to the drawn figure)."""
        self._own[code] = data
        self._icons.pop(code, None)
        self._own_images.pop(code, None)

    def pixmap(self, exercise: Exercise, size: QSize) -> QPixmap:
        """The clinic's own picture when it has one, else the drawn figure (the drawn figure
        until the own picture is read: asked for here)."""
        if not self.known(exercise.code):
            self.request([exercise])
        own = self._own.get(exercise.code)
        if own is not None:
            pixmap = QPixmap()
            if pixmap.loadFromData(own):
                return pixmap.scaled(
                    size,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
        return drill_pixmap(svc.drill_svg(exercise), size)

    def icon(self, exercise: Exercise) -> QIcon:
        """The drill's list icon, painted the first time it is asked for (the drawn figure
        until the drill's own picture is read: asked for here)."""
        code = exercise.code
        icon = self._icons.get(code)
        if icon is not None:
            return icon
        if not self.known(code):
            self.request([exercise])
            icon = QIcon(drill_pixmap(svc.drill_svg(exercise), ICON))
        else:
            image = self._own_images.pop(code, None)
            picture = QPixmap.fromImage(image) if image is not None else self.pixmap(exercise, ICON)
            icon = QIcon(picture)
        self._icons[code] = icon
        return icon
