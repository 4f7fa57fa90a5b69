"""A row of buttons that wraps onto the next line when the window is narrow (at 150 %
scaling the client page's buttons were wider than the page and it scrolled sideways)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem


class FlowLayout(QLayout):
    """Lays widgets left to right, starting a new line when the next one does not fit; as
    narrow as its widest widget.

    Qt asks a height-for-width layout its height many times per layout pass (20 times for
    one client's page: every label, table and button row around it asks again), each a call
    from C++ into Python that re-measured every button. So the shown items and their size
    hints are read once, and the height found for a width is kept, until Qt invalidates the
    layout: a button shown, hidden, re-texted or re-styled (its updateGeometry), an item
    added or removed, the spacing or margins changed.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._hints: list[tuple[QLayoutItem, QSize]] | None = None
        self._heights: dict[int, int] = {}
        self.setSpacing(6)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def addWidget(self, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self.invalidate()
        return item

    def invalidate(self) -> None:
        """Forgets the measured hints and heights (Qt calls it whenever they may change)."""
        self._hints = None
        self._heights.clear()
        super().invalidate()

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), move=False)
        return height

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """All on one line."""
        hints = self._measured()
        width = sum(hint.width() for _item, hint in hints)
        width += self.spacing() * max(0, len(hints) - 1)
        height = max((hint.height() for _item, hint in hints), default=0)
        margins = self.contentsMargins()
        return QSize(width, height) + QSize(
            margins.left() + margins.right(), margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """One widget a line."""
        size = QSize()
        for item, _hint in self._measured():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _measured(self) -> list[tuple[QLayoutItem, QSize]]:
        """The shown items with their size hints, read once per invalidation."""
        if self._hints is None:
            self._hints = [(item, item.sizeHint()) for item in self._items if not item.isEmpty()]
        return self._hints

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        gap = self.spacing()
        for item, hint in self._measured():
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()
