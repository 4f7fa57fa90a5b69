"""A date field: typed as YYYY-MM-DD, or picked from a calendar that drops down (Alt+↓ or F4)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit

from mobileathlete_desktop.domain.validation import InvalidValue, parse_iso_date

# Why not QDateEdit: its sections skip one when a dash follows a section it completed by
# itself (typing "1994-06-01" gave 1994-01-06), it turns an impossible "1994-13-01" silently
# into another date, and it cannot be left empty (an unknown date of birth). A line edit keeps
# the typed ISO date and its worded refusals; the calendar only fills it in.
POPUP_KEYS = (Qt.Key.Key_F4,)


def calendar_icon() -> QIcon:
    """A small calendar page drawn here (no icon theme is needed on any platform)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#555555"))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRect(QRect(1, 2, 13, 12))
    painter.fillRect(QRect(2, 3, 12, 3), QColor("#b00020"))
    for row in range(2):
        for col in range(3):
            painter.fillRect(QRect(3 + 4 * col, 8 + 3 * row, 2, 2), QColor("#555555"))
    painter.end()
    return QIcon(pixmap)


class CalendarPopup(QObject):
    """Gives a line edit that holds a YYYY-MM-DD date a calendar that drops down under it.

    The trailing calendar button, Alt+↓ or F4 opens it on the date typed (else today);
    Enter or a click writes the chosen date into the field, Escape closes it. Typing keeps
    working as in any text field, and the dialog parses and checks the text as before.
    """

    def __init__(self, field: QLineEdit, what: str) -> None:
        super().__init__(field)
        self.field = field
        self.what = what
        field.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.action = field.addAction(calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        self.action.setToolTip(self.tr("Choose from a calendar (Alt+↓)"))
        self.action.triggered.connect(self.drop_down)
        field.installEventFilter(self)
        self.calendar: QCalendarWidget | None = None

    def drop_down(self) -> None:
        """Drops the calendar down under the field, on the date shown (else today)."""
        if self.calendar is not None:
            return
        calendar = QCalendarWidget(self.field)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar.setAccessibleName(
            self.tr("{what}: calendar (Enter chooses, Escape closes)").format(what=self.what)
        )
        calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        calendar.setGridVisible(True)
        try:
            text = self.field.text().strip()
            shown = parse_iso_date(text, self.what) if text else date.today()
        except InvalidValue:
            shown = date.today()
        calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        calendar.activated.connect(self._picked)  # Enter or a double click
        calendar.clicked.connect(self._picked)
        # Escape or a click outside closes the popup; forget it then (unless a newer one is up).
        calendar.destroyed.connect(lambda *_a, c=calendar: self._closed(c))
        calendar.adjustSize()
        calendar.move(self.field.mapToGlobal(QPoint(0, self.field.height())))
        self.calendar = calendar
        calendar.show()
        calendar.setFocus()

    def _picked(self, picked: QDate) -> None:
        chosen = picked.toPython()
        assert isinstance(chosen, date)
        self.field.setText(chosen.isoformat())
        if self.calendar is not None:
            self.calendar.close()  # deleted later (WA_DeleteOnClose)
            self.calendar = None
        self.field.setFocus(Qt.FocusReason.PopupFocusReason)
        self.field.editingFinished.emit()

    def _closed(self, calendar: QCalendarWidget) -> None:
        if self.calendar is calendar:
            self.calendar = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            alt_down = event.key() == Qt.Key.Key_Down and bool(
                event.modifiers() & Qt.KeyboardModifier.AltModifier
            )
            if alt_down or event.key() in POPUP_KEYS:
                self.drop_down()
                return True
        return False


def read_date(field: QLineEdit, what: str) -> date | None:
    """The date in a field; None when it is empty; InvalidValue (naming `what`) otherwise."""
    text = field.text().strip()
    return parse_iso_date(text, what) if text else None
