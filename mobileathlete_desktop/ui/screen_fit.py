"""Window sizes taken from the screen: no window larger than the area the desktop leaves
(at 1366×768, or with 150 % scaling, a fixed 1280×780 window hid its own buttons)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QVBoxLayout, QWidget

SHARE = 0.95  # of the available width and height, leaving the frame and a margin visible


def fitted_size(preferred: QSize, available: QSize, share: float = SHARE) -> QSize:
    """The preferred size, capped at `share` of the available area."""
    return QSize(
        min(preferred.width(), int(available.width() * share)),
        min(preferred.height(), int(available.height() * share)),
    )


def screen_under(widget: QWidget) -> QScreen:
    """The screen under the middle of the widget's window, else the primary one.

    Not QWidget.screen(): PySide makes the QScreen that call returns the widget's child on
    the Python side (shiboken's return-value heuristic), so when the widget is freed by
    Python's collector in a reference cycle, the collector can clear the screen's wrapper
    first, which hands it ownership and deletes the application's QScreen; the next window
    shown or closed then reads freed memory (the test run's segfaults in QCursor::pos and
    QScreen::virtualSiblings). QGuiApplication's own look-ups parent nothing."""
    middle = widget.window().geometry().center()  # a window's geometry is on the desktop
    return QGuiApplication.screenAt(middle) or QGuiApplication.primaryScreen()


def available_area(widget: QWidget) -> QRect:
    """The screen area the desktop leaves for windows (no task bar or panels), on the
    widget's screen, or its parent's while it is not shown yet."""
    parent = widget.parentWidget()
    on = parent if parent is not None and not widget.isVisible() else widget
    return screen_under(on).availableGeometry()


def fit_to_screen(widget: QWidget, preferred: QSize) -> QSize:
    """Resizes a window to its preferred size or the screen's, whichever is smaller, keeps
    it inside the available area, and returns the size given."""
    area = available_area(widget)
    size = fitted_size(preferred, area.size())
    widget.resize(size)
    frame = widget.frameGeometry()
    if frame.width() and not area.contains(frame):
        x = max(area.left(), min(frame.left(), area.right() - size.width()))
        y = max(area.top(), min(frame.top(), area.bottom() - size.height()))
        widget.move(x, y)
    return size


def scrolling(content: QWidget) -> QScrollArea:
    """The content in a frameless scroll area that scrolls only when it has to."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    return area


def scroll_inside(window: QWidget, content: QWidget) -> QScrollArea:
    """Puts the window's one content widget (a loaded form) in a scroll area, so a window
    smaller than its content still reaches all of it."""
    layout = window.layout()
    assert isinstance(layout, QVBoxLayout)
    index = layout.indexOf(content)
    layout.removeWidget(content)
    area = scrolling(content)
    layout.insertWidget(max(index, 0), area, 1)
    return area


def scroll_tab_pages(tabs: QTabWidget) -> None:
    """Puts each page of a tab widget in its own scroll area (same title and place), so a
    long page scrolls inside the tab while the window's buttons and status stay in view."""
    for index in range(tabs.count()):
        page = tabs.widget(index)
        assert page is not None
        title = tabs.tabText(index)
        tabs.removeTab(index)
        tabs.insertTab(index, scrolling(page), title)
