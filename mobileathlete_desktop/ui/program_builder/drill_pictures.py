"""Drill pictures for the builder, read and drawn on the thread pool only when a drill is shown,
then kept."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from mobileathlete_desktop.domain.exercises import Exercise
from mobileathlete_desktop.ui import service_adapter as svc
from mobileathlete_desktop.ui.jobs import Job, JobControl

log = logging.getLogger(__name__)

ICON = QSize(56, 56)

# Reads the clinic's own pictures of the given drill codes (bytes by code; no entry: none).
PictureReader = Callable[[Sequence[str]], dict[str, bytes]]


def drill_pixmap(svg: str | None, size: QSize = ICON) -> QPixmap:
    """The drill's figure drawn on white at the given size (blank when there is none)."""
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.white)
    if svg:
        renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
        if renderer.isValid():
            painter = QPainter(pixmap)
            renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
            renderer.render(painter)
            painter.end()
    return pixmap


# Each drill's drawn figure as SVG text (None: it cannot be drawn), by code, for the whole
# process: the figures never change, and drawing them takes a few ms each.
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
        codes = list(dict.fromkeys(e.code for e in wanted))
        unread = [c for c in codes if c not in self._own]
        undrawn = [e for e in wanted if e.code not in _DRAWN]
        read = self._read
        self._pending.update(codes)

        def work(_control: JobControl) -> tuple[dict[str, bytes], dict[str, str | None]]:
            own = read(unread) if unread else {}
            return own, {e.code: svc.drill_svg(e) for e in undrawn}

        def done(result: tuple[dict[str, bytes], dict[str, str | None]]) -> None:
            own, drawn = result
            self._arrived(codes, {c: own.get(c) for c in unread}, drawn)

        def failed(exc: Exception) -> None:  # shown with the drawn figure; logged
            log.warning("Could not read the drills' own pictures", exc_info=exc)
            self._arrived(codes, dict.fromkeys(unread), {})

        window = self.parent()
        assert isinstance(window, QWidget)
        Job(window, work, done).failure(failed).run()

    def _arrived(
        self, codes: list[str], own: dict[str, bytes | None], drawn: dict[str, str | None]
    ) -> None:
        _DRAWN.update(drawn)
        for code in codes:
            self._own.setdefault(code, own.get(code))
            _DRAWN.setdefault(code, None)
            self._icons.pop(code, None)
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
            icon = QIcon(self.pixmap(exercise, ICON))
            self._icons[exercise.code] = icon
        return icon
