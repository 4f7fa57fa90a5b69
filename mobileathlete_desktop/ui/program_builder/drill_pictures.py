"""Drill pictures for the builder, read and drawn on the thread pool only when a drill is shown,
then kept."""

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


# What a job brings for a page of drills: the own pictures it used (by code; None: none),
# the figures drawn (SVG text) and the icon images painted.
Drawn = tuple[dict[str, bytes | None], dict[str, str | None], dict[str, QImage]]

# Each drill's drawn figure as SVG text (None: it cannot be drawn), by code, as the UI thread
# has received it from a picture job (illustrations.figure_svg keeps the drawing itself).
_DRAWN: dict[str, str | None] = {}


class DrillPictures(QObject):
    """Each drill's picture: the clinic's own when it has one, else the drawn figure.

    Nothing is read when the builder opens: a drill's own picture is read from the database
    and its figure drawn the first time the drill is shown (a list row scrolled into view,
    or the drill chosen), a page of drills at a time, on the thread pool; until then the
    drill shows a blank picture, and `ready` says which drills have theirs now. Icons are
    painted once (on the UI thread) and kept.
    """

    # The drill codes whose pictures were just read and drawn.
    ready = Signal(list)

    def __init__(self, ctx: Any, window: QWidget, read: PictureReader | None = None) -> None:
        super().__init__(window)  # the window is not held here: no cycle keeps it alive
        self._read = read or (lambda codes: svc.drill_images(ctx, codes))
        self._own: dict[str, bytes | None] = {}  # read so far; None: no own picture
        self._icons: dict[str, QIcon] = {}
        self._icon_images: dict[str, QImage] = {}  # drawn on the thread pool, not painted yet
        self._pending: set[str] = set()  # being read and drawn on the thread pool
        self._blank: QIcon | None = None

    def known(self, code: str) -> bool:
        """Whether the drill's own picture was read and its figure drawn."""
        return code in self._own and code in _DRAWN

    @property
    def reading(self) -> bool:
        """Whether pictures are being read and drawn on the thread pool."""
        return bool(self._pending)

    def request(self, exercises: Sequence[Exercise]) -> None:
        """Reads the own pictures (one query) and draws the figures of those drills not done
        yet, on the thread pool; `ready` follows."""
        wanted = [e for e in exercises if not self.known(e.code) and e.code not in self._pending]
        if not wanted:
            return
        wanted = list({e.code: e for e in wanted}.values())
        codes = [e.code for e in wanted]
        unread = [c for c in codes if c not in self._own]
        known = {c: self._own[c] for c in codes if c in self._own}
        read = self._read
        self._pending.update(codes)

        def work(_control: JobControl) -> Drawn:
            own: dict[str, bytes | None] = {**known, **read(unread)} if unread else dict(known)
            drawn: dict[str, str | None] = {}
            images: dict[str, QImage] = {}
            for exercise in wanted:
                code = exercise.code
                svg = svc.drill_svg(exercise)  # kept per process (illustrations.figure_svg)
                drawn[code] = svg
                data = own.get(code)
                image = own_image(data, ICON) if data else None
                images[code] = image if image is not None else drill_image(svg, ICON)
            return {c: own.get(c) for c in codes}, drawn, images

        def done(result: Drawn) -> None:
            self._arrived(codes, *result)

        def failed(exc: Exception) -> None:  # shown with the drawn figure; logged
            log.warning("Could not read the drills' own pictures", exc_info=exc)
            self._arrived(codes, {**known, **dict.fromkeys(unread)}, {}, {})

        window = self.parent()
        assert isinstance(window, QWidget)
        Job(window, work, done).failure(failed).run()

    def _arrived(
        self,
        codes: list[str],
        own: dict[str, bytes | None],
        drawn: dict[str, str | None],
        images: dict[str, QImage],
    ) -> None:
        _DRAWN.update(drawn)
        for code in codes:
            if code not in self._own:
                self._own[code] = own.get(code)
            elif self._own[code] is not own.get(code):  # stored meanwhile (set_own)
                images.pop(code, None)
            _DRAWN.setdefault(code, None)
            self._icons.pop(code, None)
            if code in images:
                self._icon_images[code] = images[code]
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
        self._icon_images.pop(code, None)

    def pixmap(self, exercise: Exercise, size: QSize) -> QPixmap:
        """The clinic's own picture when it has one, else the drawn figure (blank until they
        are read: asked for here)."""
        if not self.known(exercise.code):
            self.request([exercise])
            return drill_pixmap(None, size)
        own = self._own.get(exercise.code)
        if own is not None:
            pixmap = QPixmap()
            if pixmap.loadFromData(own):
                return pixmap.scaled(
                    size,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
        return drill_pixmap(_DRAWN.get(exercise.code), size)

    def icon(self, exercise: Exercise) -> QIcon:
        """The drill's list icon, painted the first time it is asked for once its picture is
        read (blank until then)."""
        icon = self._icons.get(exercise.code)
        if icon is None:
            if not self.known(exercise.code):
                self.request([exercise])
                if self._blank is None:
                    self._blank = QIcon(drill_pixmap(None, ICON))
                return self._blank
            image = self._icon_images.pop(exercise.code, None)
            pixmap = QPixmap.fromImage(image) if image else self.pixmap(exercise, ICON)
            icon = QIcon(pixmap)
            self._icons[exercise.code] = icon
        return icon
