"""The program table's columns share the width the table has, so that every column is in view
without scrolling sideways on a 1366×768 laptop (a Notes column off-screen hid the pain caution
the handout prints): the short ones (numbers, the tick box) as wide as the longest word of
their title, which wraps onto two lines; the text ones (drill, load, frequency, notes, why)
share the rest, their text wrapped onto at most two lines, elided after that, the whole text in
the cell's tooltip. Rows are two lines high, however long a reason."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

from mobileathlete_desktop.ui.program_builder.program_model import (
    DISTANCE,
    DURATION,
    FREQUENCY,
    HOLD,
    LOAD,
    NAME,
    NOTES,
    REASON,
    REST,
    SIDE,
    TEMPO,
    ProgramModel,
)

# Doses a drill may not have: hidden, when empty, in a table too narrow for every column.
OPTIONAL = (HOLD, DISTANCE, DURATION, REST, LOAD, TEMPO)
# The text columns share what is left in these proportions, none narrower than its least.
SHARES = {NAME: 4.0, LOAD: 1.5, FREQUENCY: 2.5, NOTES: 4.0, REASON: 2.0}
LEAST = {NAME: 84, LOAD: 50, FREQUENCY: 66, NOTES: 90, REASON: 60}
LINES = 2
"""Lines of text a row shows (a longer text is elided; its tooltip says it all)."""
WRAPPED = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap


def _two_lines(metrics: QFontMetrics, title: str) -> int:
    """The least width that holds the title on at most two lines, broken between words."""
    words = title.split()
    widths = [metrics.horizontalAdvance(w) for w in words]
    best = metrics.horizontalAdvance(title)
    for cut in range(1, len(words)):
        first = metrics.horizontalAdvance(" ".join(words[:cut]))
        second = metrics.horizontalAdvance(" ".join(words[cut:]))
        best = min(best, max(first, second))
    return max([best, *widths])


def least_width(table: QTableView, column: int) -> int:
    """A short column's width (its title on two lines, or its widest value, "5000"); a text
    column's least."""
    if column in LEAST:
        return LEAST[column]
    header = table.horizontalHeader()
    title = str(table.model().headerData(column, Qt.Orientation.Horizontal))
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    value = table.fontMetrics().horizontalAdvance("5000")
    if column == SIDE:
        value = table.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, table)
    return max(_two_lines(header.fontMetrics(), title), value) + 2 * margin + 2


def empty_column(model: ProgramModel, column: int) -> bool:
    """No drill of the program has a value in this column."""
    return not any(model.index(row, column).data() for row in range(model.rowCount()))


def shared(columns: list[int], room: int, least: dict[int, int]) -> dict[int, int]:
    """The text columns' widths: `room` in proportion to their SHARES, a column whose share
    would be below its least given its least and the others sharing what is left."""
    widths: dict[int, int] = {}
    sharing = list(columns)
    while sharing:
        total = sum(SHARES[c] for c in sharing)
        short = [c for c in sharing if room * SHARES[c] / total < least[c]]
        if not short:
            widths.update({c: int(room * SHARES[c] / total) for c in sharing})
            break
        for column in short:
            widths[column] = least[column]
            room -= least[column]
            sharing.remove(column)
    return widths


def fit_columns(table: QTableView, every_column: bool = False) -> None:
    """Gives the columns the table's width (see the module's docstring). When not all of them
    fit (150 % scaling on a small screen), the dose columns no drill uses are hidden, then
    Why (its reasons are listed under the table too), unless `every_column`; when even so
    the least widths do not fit, the table scrolls sideways rather than squeeze text out of
    sight."""
    header = table.horizontalHeader()
    model = table.model()
    if not isinstance(model, ProgramModel):
        return
    room = table.viewport().width()
    columns = list(range(model.columnCount()))
    least = {c: least_width(table, c) for c in columns}
    hidden: set[int] = set()
    if not every_column and sum(least.values()) > room:
        hidden = {c for c in OPTIONAL if empty_column(model, c)}
        if sum(w for c, w in least.items() if c not in hidden) > room:
            hidden.add(REASON)
    for column in columns:
        if table.isColumnHidden(column) != (column in hidden):
            table.setColumnHidden(column, column in hidden)
    shown = [c for c in columns if c not in hidden]
    widths = {c: least[c] for c in shown if c not in SHARES}
    text = [c for c in shown if c in SHARES]
    widths.update(shared(text, room - sum(widths.values()), least))
    spare = room - sum(widths.values())
    if text and spare > 0:  # rounding: the last text column takes the pixels left
        widths[text[-1]] += spare
    for column, width in widths.items():
        if header.sectionSize(column) != width:
            header.resizeSection(column, width)
    # The titles wrap (Distance / (m)): the header as high as the tallest.
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    tallest = 0
    for column in shown:
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        box = QRect(0, 0, max(widths[column] - 2 * margin, 1), 10_000)
        tallest = max(tallest, header.fontMetrics().boundingRect(box, WRAPPED, title).height())
    header.setMinimumHeight(tallest + 2 * margin + 4)


def row_height(table: QTableView) -> int:
    """Two lines of the table's text and the cell's margins."""
    return table.fontMetrics().lineSpacing() * LINES + 10


class ColumnFitter(QObject):
    """Fits the columns whenever the table's visible area changes size or the drills change
    (a hidden dose column is shown once a drill has a value in it)."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.every_column = False  # the therapist asked for every column (scrolling sideways)
        self._fitting = False
        header = table.horizontalHeader()
        header.setDefaultAlignment(WRAPPED)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(row_height(table))
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.viewport().installEventFilter(self)
        model = table.model()
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.dataChanged,
        ):
            signal.connect(self.fit)
        self.fit()

    def fit(self, *_args: object) -> None:
        """Fits the columns to the table's width (again if fitting changed that width)."""
        if self._fitting:
            return
        self._fitting = True
        try:
            for _ in range(3):
                room = self.table.viewport().width()
                fit_columns(self.table, self.every_column)
                if self.table.viewport().width() == room:
                    break
        finally:
            self._fitting = False

    def show_every_column(self, on: bool) -> None:
        """Every column shown (on), or the empty dose columns hidden when they do not fit."""
        self.every_column = on
        self.fit()

    def hidden_columns(self) -> list[int]:
        """The columns hidden to fit the table's width."""
        model = self.table.model()
        return [c for c in range(model.columnCount()) if self.table.isColumnHidden(c)]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
