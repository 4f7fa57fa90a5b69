"""A drawn chart on screen: the chart process' pixels shown as they are (no matplotlib in the
window), and the pointer's place in them told in the chart's own pixels for its read-out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QWidget

from mobileathlete_desktop.charts.picture import ChartPicture


class ChartImage(QWidget):
    """Shows a ChartPicture at its device pixel ratio (sharp on a high-density screen).

    `pointed(x, y)` says where the pointer is, in the picture's device pixels from its bottom
    left (as matplotlib counts, so `AxesMap` reads them); `left` when it leaves."""

    pointed = Signal(float, float)
    left = Signal()

    def __init__(self, picture: ChartPicture, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = picture
        # QImage reads the bytes in place: the picture keeps them alive as long as this.
        self.image = QImage(
            picture.rgba,
            picture.width,
            picture.height,
            picture.width * 4,
            QImage.Format.Format_RGBA8888,
        )
        self.image.setDevicePixelRatio(picture.ratio)
        self.setFixedSize(
            round(picture.width / picture.ratio), round(picture.height / picture.ratio)
        )
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # it paints every pixel

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        # The figure's white under the picture too: at a fractional ratio (150 %) its last
        # device row can fall half outside the pixels drawn.
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.drawImage(0, 0, self.image)
        painter.end()

    def mouseMoveEvent(self, event: Any) -> None:
        pos = event.position()
        ratio = self.picture.ratio
        self.pointed.emit(pos.x() * ratio, self.picture.height - pos.y() * ratio)

    def leaveEvent(self, event: Any) -> None:
        self.left.emit()
        super().leaveEvent(event)
