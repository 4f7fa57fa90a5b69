"""Drill pictures for the builder, read and drawn only when a drill is shown, then kept."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from mobileathlete_desktop.domain.exercises import Exercise
from mobileathlete_desktop.ui import service_adapter as svc

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


class DrillPictures:
    """Each drill's picture: the clinic's own when it has one, else the drawn figure.

    Nothing is read when the builder opens: a drill's own picture is read from the database
    the first time the drill is shown (a list row scrolled into view, or the drill chosen),
    a page of drills at a time, and its icon is drawn once and kept.
    """

    def __init__(self, ctx: Any, read: PictureReader | None = None) -> None:
        self._read = read or (lambda codes: svc.drill_images(ctx, codes))
        self._own: dict[str, bytes | None] = {}  # read so far; None: no own picture
        self._icons: dict[str, QIcon] = {}

    def read(self, codes: Sequence[str]) -> None:
        """Reads the own pictures of those drills not read yet, in one query."""
        wanted = [code for code in dict.fromkeys(codes) if code not in self._own]
        if not wanted:
            return
        found = self._read(wanted)
        for code in wanted:
            self._own[code] = found.get(code)

    def own(self, code: str) -> bytes | None:
        """The clinic's own picture of the drill, or None when it uses the drawn figure."""
        self.read([code])
        return self._own[code]

    def set_own(self, code: str, data: bytes | None) -> None:
        """Remembers a picture just stored for the drill (None: back to the drawn figure)."""
        self._own[code] = data
        self._icons.pop(code, None)

    def pixmap(self, exercise: Exercise, size: QSize) -> QPixmap:
        """The clinic's own picture when it has one, else the drawn figure."""
        own = self.own(exercise.code)
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
        """The drill's list icon, drawn the first time it is asked for."""
        icon = self._icons.get(exercise.code)
        if icon is None:
            icon = QIcon(self.pixmap(exercise, ICON))
            self._icons[exercise.code] = icon
        return icon
