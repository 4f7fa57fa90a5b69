"""The picture with the angle tools on it: points placed and dragged with the mouse, nudged
with the keyboard, a zoomed loupe while placing, and the reading drawn beside the angle.

Scene coordinates are the picture's pixels (the pixmap sits at 0,0), so the points handed to
domain.image_angles are image coordinates whatever the zoom.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
    QWidget,
)

from mobileathlete_desktop.domain.image_angles import (
    POINTS_NEEDED,
    Annotation,
    Calibration,
    GeometryError,
    Reading,
    Tool,
    suggest_points,
)
from mobileathlete_desktop.ui.media.handles import Handle, length, reading_text

LOUPE_PX = 150  # the loupe's side on screen
ANNOTATED_MAX_PX = 1280  # the annotated PNG's longest side (a report prints it 480 px at most)
LOUPE_ZOOM = 4
TOOL_COLOUR = QColor("#ffd400")  # yellow reads on skin, clothing and most backgrounds
REFERENCE_COLOUR = QColor("#00c8ff")


class AngleCanvas(QGraphicsView):
    """Shows one picture and the active tool's points, lines and reading."""

    changed = Signal()  # a point was placed, moved or removed, or the reading choices changed
    step_requested = Signal(int)  # arrow keys with no point selected: a frame back or on

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setBackgroundBrush(QColor("#202020"))
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Picture: click to place the points"))
        self.image = QImage()
        self._pixmap = QGraphicsPixmapItem()
        self._pixmap.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._pixmap)
        self.tool: Tool = "three_point"
        self.signed = False
        self.use_supplementary = False
        self.handles: list[Handle] = []
        self.reference: list[Handle] = []
        self.reference_cm: float | None = None
        self.placing_reference = False
        self._drawing: list[QGraphicsItem] = []
        self._user_zoomed = False
        self.loupe = QLabel(self.viewport())
        self.loupe.setFixedSize(LOUPE_PX, LOUPE_PX)
        self.loupe.setStyleSheet("border: 2px solid #ffd400; background: black;")
        self.loupe.hide()

    # -- the picture -------------------------------------------------------------------------

    def set_image(self, image: QImage, *, keep_points: bool = False) -> None:
        """Shows a picture (a photo, or a video frame) fitted to the view; the points go
        unless `keep_points` (stepping through a video keeps them on the new frame)."""
        same_size = image.size() == self.image.size()
        self.image = image
        self._pixmap.setPixmap(QPixmap.fromImage(image))
        self.scene().setSceneRect(QRectF(image.rect()))
        if not (keep_points and same_size):
            self.clear_points()
            self.clear_reference()
            self._user_zoomed = False
            self.fit()
            for p in suggest_points(image, self.tool):  # none until a model is supplied
                self._add_handle(QPointF(p.x, p.y))
        self._redraw()

    def fit(self) -> None:
        """The whole picture in view."""
        if not self.image.isNull():
            self.fitInView(self._pixmap, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._user_zoomed:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms about the mouse; the wheel alone scrolls."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            factor = 1.25 if event.angleDelta().y() > 0 else 0.8
            self._user_zoomed = True
            self.scale(factor, factor)
            event.accept()
            return
        super().wheelEvent(event)

    def zoom(self, factor: float) -> None:
        """Zooms in (>1) or out (<1) about the centre; 0 fits the picture again."""
        if factor == 0:
            self._user_zoomed = False
            self.fit()
        else:
            self._user_zoomed = True
            self.scale(factor, factor)

    def clamped(self, at: QPointF) -> QPointF:
        """A point kept on the picture."""
        w, h = max(0, self.image.width() - 1), max(0, self.image.height() - 1)
        return QPointF(min(max(at.x(), 0.0), w), min(max(at.y(), 0.0), h))

    # -- tools and points ------------------------------------------------------------------

    def set_tool(self, tool: Tool) -> None:
        """Chooses the tool; points beyond what it needs go."""
        self.tool = tool
        self.placing_reference = False
        while len(self.handles) > POINTS_NEEDED[tool]:
            self.scene().removeItem(self.handles.pop())
        self._redraw()

    def set_reading_choices(self, *, signed: bool, supplementary: bool) -> None:
        """Signed or unsigned, and the angle or its supplement."""
        self.signed, self.use_supplementary = signed, supplementary
        self._redraw()

    def clear_points(self) -> None:
        """Removes the tool's points (the reference line stays)."""
        for h in self.handles:
            self.scene().removeItem(h)
        self.handles = []
        self._redraw()

    def clear_reference(self) -> None:
        """Removes the calibration line."""
        for h in self.reference:
            self.scene().removeItem(h)
        self.reference = []
        self._redraw()

    def start_reference(self) -> None:
        """The next two clicks mark a line of known length (the old one goes)."""
        self.clear_reference()
        self.placing_reference = True
        self._redraw()

    def set_reference_cm(self, cm: float | None) -> None:
        """The real length of the reference line."""
        self.reference_cm = cm if cm and cm > 0 else None
        self._redraw()

    def needed(self) -> int:
        """Points still to place for the tool (or the reference line while marking it)."""
        if self.placing_reference:
            return 2 - len(self.reference)
        return POINTS_NEEDED[self.tool] - len(self.handles)

    def place(self, at: QPointF) -> bool:
        """Places the next point at `at` (image pixels); False when none is needed."""
        if self.image.isNull() or self.needed() <= 0:
            return False
        at = self.clamped(at)
        if self.placing_reference:
            self.reference.append(self._new_handle(at, REFERENCE_COLOUR))
            if len(self.reference) == 2:
                self.placing_reference = False
        else:
            self._add_handle(at)
        self._redraw()
        return True

    def _new_handle(self, at: QPointF, colour: QColor) -> Handle:
        handle = Handle(self, at, colour)
        self.scene().addItem(handle)
        return handle

    def _add_handle(self, at: QPointF) -> None:
        self.handles.append(self._new_handle(self.clamped(at), TOOL_COLOUR))

    def points_moved(self) -> None:
        """A point was dragged or nudged."""
        self._redraw()

    def calibration(self) -> Calibration | None:
        """The reference line with its length, when both are given."""
        if len(self.reference) < 2 or self.reference_cm is None:
            return None
        try:
            return Calibration(
                self.reference[0].point(), self.reference[1].point(), self.reference_cm
            )
        except GeometryError:
            return None

    def annotation(self) -> Annotation:
        """What is drawn, as the domain keeps it."""
        return Annotation(
            tool=self.tool,
            points=tuple(h.point() for h in self.handles),
            signed=self.signed,
            use_supplementary=self.use_supplementary,
            calibration=self.calibration(),
        )

    def reading(self) -> Reading | None:
        """The tool's reading, or None while points are missing or coincide."""
        if self.needed() > 0 and not self.placing_reference:
            return None
        if len(self.handles) < POINTS_NEEDED[self.tool]:
            return None
        try:
            return self.annotation().reading()
        except GeometryError:
            return None

    def show_annotation(self, annotation: Annotation) -> None:
        """Puts a stored annotation back on the picture (to look at it again)."""
        self.clear_points()
        self.clear_reference()
        self.tool = annotation.tool
        self.signed, self.use_supplementary = annotation.signed, annotation.use_supplementary
        for p in annotation.points:
            self._add_handle(QPointF(p.x, p.y))
        if annotation.calibration is not None:
            c = annotation.calibration
            self.reference = [
                self._new_handle(QPointF(c.a.x, c.a.y), REFERENCE_COLOUR),
                self._new_handle(QPointF(c.b.x, c.b.y), REFERENCE_COLOUR),
            ]
            self.reference_cm = c.cm
        self._redraw()

    # -- drawing -----------------------------------------------------------------------------

    def _pen(self, colour: QColor, dashed: bool = False) -> QPen:
        pen = QPen(colour, 2.5)
        pen.setCosmetic(True)  # the same width on screen at any zoom
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def _line(self, a: QPointF, b: QPointF, colour: QColor, dashed: bool = False) -> None:
        path = QPainterPath(a)
        path.lineTo(b)
        self._path(path, colour, dashed)

    def _path(self, path: QPainterPath, colour: QColor, dashed: bool = False) -> None:
        item = QGraphicsPathItem(path)
        item.setPen(self._pen(colour, dashed))
        item.setZValue(5)
        self.scene().addItem(item)
        self._drawing.append(item)

    def _label(self, text: str, at: QPointF) -> None:
        label = QGraphicsSimpleTextItem(text)
        font = QFont()
        font.setPixelSize(18)
        font.setBold(True)
        label.setFont(font)
        label.setBrush(QBrush(TOOL_COLOUR))
        outline = QPen(QColor("black"), 1)
        label.setPen(outline)
        label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        label.setPos(at)
        label.setZValue(12)
        self.scene().addItem(label)
        self._drawing.append(label)

    def _arc(self, centre: QPointF, first: QPointF, second: QPointF) -> None:
        """A small arc at `centre` from the arm towards `first` round to the arm to `second`."""
        radius = max(12.0, 0.25 * min(length(centre, first), length(centre, second)))
        a1 = math.degrees(math.atan2(-(first.y() - centre.y()), first.x() - centre.x()))
        a2 = math.degrees(math.atan2(-(second.y() - centre.y()), second.x() - centre.x()))
        sweep = (a2 - a1 + 540) % 360 - 180
        rect = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        path = QPainterPath()
        path.arcMoveTo(rect, a1)
        path.arcTo(rect, a1, sweep)
        self._path(path, TOOL_COLOUR)

    def _redraw(self) -> None:
        for item in self._drawing:
            self.scene().removeItem(item)
        self._drawing = []
        if len(self.reference) == 2:
            a, b = self.reference[0].pos(), self.reference[1].pos()
            self._line(a, b, REFERENCE_COLOUR)
            if self.reference_cm:
                self._label(f"{self.reference_cm:g} cm", (a + b) / 2 + QPointF(6, 6))
        pts = [h.pos() for h in self.handles]
        if self.tool in ("three_point", "goniometer") and len(pts) >= 2:
            # three-point: end, vertex, end; goniometer: axis, stationary end, moving end
            centre = pts[1] if self.tool == "three_point" else pts[0]
            ends = [p for p in pts if p is not centre]
            for end in ends:
                self._line(centre, end, TOOL_COLOUR)
            if len(pts) == 3:
                self._arc(centre, ends[0], ends[1])
        elif self.tool in ("vertical", "horizontal", "distance") and len(pts) == 2:
            self._line(pts[0], pts[1], TOOL_COLOUR)
            if self.tool != "distance":
                low = (
                    max(pts, key=lambda p: p.y())
                    if self.tool == "vertical"
                    else min(pts, key=lambda p: p.x())
                )
                span = length(pts[0], pts[1])
                ref = QPointF(0, -span) if self.tool == "vertical" else QPointF(span, 0)
                self._line(low, low + ref, REFERENCE_COLOUR, dashed=True)
        read = self.reading()
        if read is not None and pts:
            anchor = pts[1] if self.tool == "three_point" else pts[0]
            self._label(reading_text(read), anchor + QPointF(10, 10))
        self.changed.emit()

    def render_annotated(self, max_side: int = ANNOTATED_MAX_PX) -> QImage:
        """The picture with everything drawn on it, at its own size or scaled down to
        `max_side` (a PNG of a photo is large; the points are kept on the source anyway)."""
        size = self.image.size()
        longest = max(size.width(), size.height(), 1)
        if longest > max_side:
            size = size * (max_side / longest)
        out = QImage(size, QImage.Format.Format_RGB32)
        out.fill(QColor("black"))
        selected = [h for h in self.handles + self.reference if h.isSelected()]
        for h in selected:
            h.setSelected(False)
        painter = QPainter(out)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.scene().render(painter, QRectF(out.rect()), QRectF(self.image.rect()))
        painter.end()
        for h in selected:
            h.setSelected(True)
        return out

    # -- mouse and keyboard ----------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            item = self.itemAt(event.position().toPoint())
            if not isinstance(item, Handle) and self.needed() > 0:
                self.place(self.mapToScene(event.position().toPoint()))
                self.loupe.hide()
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        dragging = bool(event.buttons() & Qt.MouseButton.LeftButton)
        if self.needed() > 0 or dragging:
            self._show_loupe(event.position().toPoint())
        else:
            self.loupe.hide()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self.needed() <= 0:
            self.loupe.hide()

    def leaveEvent(self, event: object) -> None:
        self.loupe.hide()
        super().leaveEvent(event)  # type: ignore[arg-type]

    def _show_loupe(self, at: QPoint) -> None:
        """A magnified view of the picture under the mouse, in the corner away from it."""
        if self.image.isNull():
            return
        centre = self.mapToScene(at)
        side = LOUPE_PX // LOUPE_ZOOM
        source = QRect(int(centre.x()) - side // 2, int(centre.y()) - side // 2, side, side)
        piece = self.image.copy(source).scaled(
            LOUPE_PX,
            LOUPE_PX,
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.FastTransformation,
        )
        painter = QPainter(piece)
        painter.setPen(QPen(TOOL_COLOUR, 1))
        mid = LOUPE_PX // 2
        painter.drawLine(mid, 0, mid, LOUPE_PX)
        painter.drawLine(0, mid, LOUPE_PX, mid)
        painter.end()
        self.loupe.setPixmap(QPixmap.fromImage(piece))
        left = at.x() > self.viewport().width() // 2
        self.loupe.move(8 if left else self.viewport().width() - LOUPE_PX - 8, 8)
        self.loupe.show()
        self.loupe.raise_()

    def selected_handle(self) -> Handle | None:
        """The point chosen for nudging, if any."""
        chosen = [h for h in self.handles + self.reference if h.isSelected()]
        return chosen[0] if chosen else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrow keys nudge the selected point 1 px (Shift: 10 px); with no point selected,
        Left/Right ask for the previous/next video frame. Enter places the next point in the
        middle of the view (selected, to be nudged), Tab picks the next point, Escape lets it
        go; + and - zoom, 0 fits."""
        key = event.key()
        moves = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        handle = self.selected_handle()
        if key in moves and handle is not None:
            step = 10 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            dx, dy = moves[key]  # type: ignore[index]
            handle.setPos(handle.pos() + QPointF(dx * step, dy * step))
            event.accept()
            return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 10 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            self.step_requested.emit(step if key == Qt.Key.Key_Right else -step)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.needed() > 0:
            # Without a mouse: a point in the middle of the view, selected to be nudged.
            middle = self.mapToScene(self.viewport().rect().center())
            marking_reference = self.placing_reference
            if self.place(middle):
                self.scene().clearSelection()
                (self.reference if marking_reference else self.handles)[-1].setSelected(True)
            event.accept()
            return
        if key == Qt.Key.Key_Tab and self.handles:
            items = self.handles + self.reference
            index = items.index(handle) + 1 if handle in items else 0
            self.scene().clearSelection()
            items[index % len(items)].setSelected(True)
            event.accept()
            return
        if key == Qt.Key.Key_Escape and handle is not None:
            self.scene().clearSelection()
            event.accept()
            return
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom(0.8)
        elif key == Qt.Key.Key_0:
            self.zoom(0)
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab stays in the picture while it has points (it picks the next point)."""
        if self.handles:
            return False
        return super().focusNextPrevChild(next)
