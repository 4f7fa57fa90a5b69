"""A point the therapist placed on the picture, and how a reading is written."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem

from mobileathlete_desktop.domain.image_angles import Point, Reading

HANDLE_PX = 9  # a point's circle on screen, whatever the zoom


class Handle(QGraphicsEllipseItem):
    """A point the therapist placed: dragged with the mouse, nudged with the arrow keys."""

    def __init__(self, canvas: Any, at: QPointF, colour: QColor) -> None:
        r = HANDLE_PX / 2
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.canvas = canvas
        self.setPos(at)
        self.setPen(QPen(QColor("black"), 1.5))
        self.setBrush(QBrush(colour))
        self.setZValue(10)
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setCursor(Qt.CursorShape.SizeAllCursor)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and isinstance(
            value, QPointF
        ):
            return self.canvas.clamped(value)  # never off the picture
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self.canvas.points_moved()
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.setPen(QPen(QColor("white" if self.isSelected() else "black"), 2.5))
        return super().itemChange(change, value)

    def point(self) -> Point:
        """Where it is, in image pixels."""
        return Point(self.pos().x(), self.pos().y())


def length(a: QPointF, b: QPointF) -> float:
    """The distance between two scene points."""
    return math.hypot(b.x() - a.x(), b.y() - a.y())


def reading_text(read: Reading) -> str:
    """A reading as drawn and shown: '42.0°', '-12.5°', '15.3 cm'."""
    return f"{read.value:.1f} cm" if read.unit == "cm" else f"{read.value:.1f}°"
