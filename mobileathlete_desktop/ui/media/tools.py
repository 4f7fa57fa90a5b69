"""The tools' names and hints as the window shows them, and images as file bytes."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage

from mobileathlete_desktop.domain.image_angles import Tool
from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP

TOOL_NAMES: dict[Tool, str] = {
    "three_point": QT_TRANSLATE_NOOP("MediaWindow", "Three-point angle"),
    "goniometer": QT_TRANSLATE_NOOP("MediaWindow", "Goniometer (stationary, moving arm)"),
    "vertical": QT_TRANSLATE_NOOP("MediaWindow", "Angle to the vertical"),
    "horizontal": QT_TRANSLATE_NOOP("MediaWindow", "Angle to the horizontal"),
    "distance": QT_TRANSLATE_NOOP("MediaWindow", "Distance (cm)"),
}
TOOL_HINTS: dict[Tool, str] = {
    "three_point": QT_TRANSLATE_NOOP("MediaWindow", "Click an end, the joint, the other end."),
    "goniometer": QT_TRANSLATE_NOOP(
        "MediaWindow", "Click the axis, the stationary arm's end, the moving arm's end."
    ),
    "vertical": QT_TRANSLATE_NOOP("MediaWindow", "Click both ends of the segment."),
    "horizontal": QT_TRANSLATE_NOOP("MediaWindow", "Click both ends of the segment."),
    "distance": QT_TRANSLATE_NOOP(
        "MediaWindow", "Mark the reference line first, then click both ends."
    ),
}


def png_bytes(image: QImage, fmt: str = "PNG", quality: int = -1) -> bytes:
    """A QImage encoded as PNG (or JPEG) bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, fmt, quality)  # type: ignore[call-overload]  # str works, bytes not
    buffer.close()
    return bytes(data.data())
