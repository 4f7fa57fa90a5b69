"""The measure grid's table model: one row a measure, one column a side/mode cell.

The model never saves anything itself: typed text is handed to the editor (signal
`edit_requested`), which validates, saves through the service and reports back with
`set_value` / `set_error`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from mobileathlete_desktop.domain.catalogue import Measure, Mode, Side
from mobileathlete_desktop.domain.interpretation import AssessmentInterpretation, Interpretation
from mobileathlete_desktop.ui.findings_panel import FLAG_MARKS
from mobileathlete_desktop.ui.measure_grid.markers import (
    CELL_FLAGS,
    ERROR_MARK,
    GOOD_NEWS,
    PAIN_MARK,
    flag_reason,
    mode_words,
    side_words,
    window_lang,
)

Index = QModelIndex | QPersistentModelIndex
_ANSWERED = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
    }
)
"""The roles data() answers for some cell; every other role is None at once."""


@dataclass(frozen=True)
class CellKey:
    """Where a value lives: measure code, side and mode."""

    code: str
    side: Side
    mode: Mode


@dataclass(frozen=True)
class GridColumn:
    """A value column (side and mode) or, with `info`, a read-only text column."""

    title: str
    side: Side | None = None
    mode: Mode = "none"
    info: Callable[[Measure], str] | None = None


def _cell_key(measure: Measure, column: GridColumn) -> CellKey | None:
    """The value a column holds on a measure's row (None: a label, or a side/mode it lacks).
    A retired mode (the Thomas test's "active") keeps its cell, read-only: old values show."""
    if column.side is None or column.side not in measure.sides:
        return None
    if column.mode not in measure.recorded_modes or measure.computed:
        return None
    return CellKey(measure.code, column.side, column.mode)


class MeasureGridModel(QAbstractTableModel):
    """Values of a set of measures for one assessment, with their findings, pain and errors.

    The findings (norm, control deficit, asymmetry, change) are the flags of the assessment's
    interpretation (`set_interpretation`), the rows the reports print; a cell whose value
    changed since that interpretation shows none until the next one arrives.
    """

    edit_requested = Signal(object, str)  # CellKey, typed text ("" clears)
    pain_requested = Signal(object)  # CellKey

    def __init__(
        self,
        measures: Sequence[Measure],
        columns: Sequence[GridColumn],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.measures = list(measures)
        self.columns = list(columns)
        self.values: dict[CellKey, float] = {}
        self.pain: dict[CellKey, bool] = {}
        self.errors: dict[CellKey, str] = {}
        self.typed: dict[CellKey, str] = {}
        """Text typed in a cell in error and not stored ("" for a clear): kept, shown and
        offered again, so Enter on the cell tries again (`retry`)."""
        self.previous: dict[CellKey, float] = {}
        self.interpreted: dict[CellKey, Interpretation] = {}
        self.show_previous = False
        self.read_only = False
        self._keys: dict[tuple[int, int], CellKey] = {
            (r, c): key
            for r, measure in enumerate(self.measures)
            for c, column in enumerate(self.columns)
            if (key := _cell_key(measure, column)) is not None
        }
        """The cell at each (row, column) that holds a value: one look-up a paint, not a
        catalogue check of every cell each time the view asks."""
        self._cells = {key: where for where, key in self._keys.items()}
        self._by_code = {m.code: m for m in self.measures}
        self.positions: list[tuple[int, int]] = sorted(
            where for where, key in self._keys.items() if key.mode in self._by_code[key.code].modes
        )
        """The (row, column) of each cell that takes a value, row by row (the Tab order; a
        retired mode's read-only cell is skipped)."""
        self._info_shown: dict[tuple[int, int], str] = {}
        """The text of each info cell as the view last asked for it (absent: never asked)."""

    # -- what the editor calls ------------------------------------------------------------

    def key(self, index: Index) -> CellKey | None:
        """The cell behind an index, or None for a label column or a cell the measure lacks."""
        if not index.isValid():
            return None
        return self._keys.get((index.row(), index.column()))

    def index_of(self, key: CellKey) -> QModelIndex:
        """The index showing a cell (invalid if this grid does not show it)."""
        where = self._cells.get(key)
        return QModelIndex() if where is None else self.index(*where)

    def measure(self, code: str) -> Measure | None:
        """The measure with that code in this grid."""
        return self._by_code.get(code)

    def load(
        self,
        values: dict[CellKey, float],
        pain: dict[CellKey, bool],
        previous: dict[CellKey, float],
    ) -> None:
        """Replaces every value (on opening or after another window's change)."""
        self.beginResetModel()
        self.values = {k: v for k, v in values.items() if k in self._cells}
        self.pain = {k: p for k, p in pain.items() if k in self.values}
        self.previous = previous
        self.errors.clear()
        self.typed.clear()
        self.endResetModel()

    def set_value(self, key: CellKey, value: float | None, pain: bool | None = None) -> None:
        """Shows a saved value (None: empty) and clears the cell's error."""
        if value is None:
            self.values.pop(key, None)
            self.pain.pop(key, None)
        else:
            self.values[key] = value
            if pain is not None:
                self.pain[key] = pain
        self.errors.pop(key, None)
        self.typed.pop(key, None)
        self._changed(key)

    def set_pain(self, key: CellKey, pain: bool) -> None:
        """Shows the painful mark on a cell (or removes it)."""
        self.pain[key] = pain
        self._changed(key)

    def set_error(self, key: CellKey, message: str, typed: str | None = None) -> None:
        """Marks a cell whose typed text was not stored, with the reason; with `typed`, the
        cell keeps showing that text (marked not stored) for `retry`."""
        self.errors[key] = message
        if typed is not None:
            self.typed[key] = typed
        self._changed(key)

    def retry(self, key: CellKey) -> bool:
        """Offers a cell's text that was not stored to be saved again (False: none kept)."""
        if key not in self.errors or key not in self.typed:
            return False
        self.edit_requested.emit(key, self.typed[key])
        return True

    def set_interpretation(self, result: AssessmentInterpretation | None) -> None:
        """Takes the cells' findings from an interpretation of this assessment (None: none);
        only the cells whose finding changed are repainted."""
        rows = result.rows if result is not None else ()
        before = self.interpreted
        self.interpreted = {
            key: r for r in rows if (key := CellKey(r.code, r.side, r.mode)) in self._cells
        }
        self._cells_changed(
            key
            for key in before.keys() | self.interpreted.keys()
            if before.get(key) != self.interpreted.get(key)
        )

    def set_show_previous(self, show: bool) -> None:
        """Shows or hides last visit's value in each cell."""
        self.show_previous = show
        self._all_changed()

    def set_read_only(self, read_only: bool) -> None:
        """Locks the grid (a signed assessment)."""
        if read_only != self.read_only:
            self.read_only = read_only
            self._all_changed()

    def refresh_info(self) -> None:
        """Repaints the read-only text columns (e.g. a computed score)."""
        self._all_changed()

    def _changed(self, key: CellKey) -> None:
        self._cells_changed((key,))

    def _cells_changed(self, keys: Iterable[CellKey]) -> None:
        """Repaints these cells, and the info columns of their rows whose text changed."""
        spans: dict[int, list[int]] = {}
        for key in keys:
            where = self._cells.get(key)
            if where is not None:
                spans.setdefault(where[0], []).append(where[1])
        for row, columns in spans.items():
            columns.extend(self._info_changed(row))
            self.dataChanged.emit(self.index(row, min(columns)), self.index(row, max(columns)))

    def _info_changed(self, row: int) -> list[int]:
        """The info columns of a row whose text is no longer what the view was given (a cell
        the view never asked for needs no repaint: it asks when it first paints it)."""
        changed = []
        measure = self.measures[row]
        for c, col in enumerate(self.columns):
            shown = self._info_shown.get((row, c))
            if col.info is not None and shown is not None and col.info(measure) != shown:
                del self._info_shown[(row, c)]  # the view asks again, and data() notes it
                changed.append(c)
        return changed

    def refresh_info_columns(self) -> None:
        """Repaints the info cells whose text changed (e.g. a computed score), not the rest."""
        for row in range(len(self.measures)):
            columns = self._info_changed(row)
            if columns:
                self.dataChanged.emit(self.index(row, min(columns)), self.index(row, max(columns)))

    def _all_changed(self) -> None:
        if self.measures and self.columns:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.measures) - 1, len(self.columns) - 1)
            )

    # -- flags and text --------------------------------------------------------------------

    def finding_row(self, key: CellKey) -> Interpretation | None:
        """The interpretation row of a cell, if it judged the value the cell now holds."""
        row = self.interpreted.get(key)
        if row is None or key not in self.values or row.value != self.values[key]:
            return None
        return row

    def cell_flags(self, key: CellKey) -> list[str]:
        """The cell's flags shown as markers, in CELL_FLAGS order."""
        row = self.finding_row(key)
        if row is None:
            return []
        return [flag for flag in CELL_FLAGS if flag in row.flags]

    def markers(self, key: CellKey) -> list[tuple[str, str]]:
        """The cell's findings as (symbol, the domain's reason), from its interpretation row."""
        row = self.finding_row(key)
        if row is None:
            return []
        measure = self.measure(key.code)
        return [
            (FLAG_MARKS[flag], flag_reason(row, flag, measure)) for flag in self.cell_flags(key)
        ]

    def cell_text(self, key: CellKey) -> str:
        """What the cell shows: the value with its markers, or the error."""
        measure = self.measure(key.code)
        unit = measure.unit_label if measure and measure.unit == "deg" else ""
        parts: list[str] = []
        if key in self.errors and self.typed.get(key):
            parts.append(
                self.tr("{value} {mark} not stored").format(value=self.typed[key], mark=ERROR_MARK)
            )
        elif key in self.errors:
            parts.append(self.tr("{mark} not stored").format(mark=ERROR_MARK))
        elif key in self.values:
            parts.append(f"{self.values[key]:g}{unit}")
            parts.extend(mark for mark, _words in self.markers(key))
            if self.pain.get(key):
                parts.append(PAIN_MARK)
        if self.show_previous and key in self.previous:
            parts.append(self.tr("(last {value})").format(value=f"{self.previous[key]:g}"))
        return " ".join(parts)

    def cell_description(self, key: CellKey) -> str:
        """A full sentence for tooltips and screen readers."""
        measure = self.measure(key.code)
        label = measure.label_in(window_lang()) if measure else key.code
        where = " ".join(p for p in (side_words(key.side), mode_words(key.mode)) if p)
        head = f"{label}, {where}" if where else label
        if key in self.errors and key in self.typed:
            return self.tr(
                "{cell}: {value} not stored — {reason} Press Enter on the cell to try again."
            ).format(cell=head, value=self.typed[key] or "—", reason=self.errors[key])
        if key in self.errors:
            return self.tr("{cell}: not stored — {reason}").format(
                cell=head, reason=self.errors[key]
            )
        if key not in self.values:
            text = self.tr("{cell}: empty").format(cell=head)
        else:
            unit = measure.unit_label if measure else ""
            text = f"{head}: {self.values[key]:g} {unit}".rstrip()
            for _mark, words in self.markers(key):
                text += f"; {words}"
            if self.pain.get(key):
                text += "; " + self.tr("painful")
        if key in self.previous:
            text += "; " + self.tr("last visit {value}").format(value=f"{self.previous[key]:g}")
        return text

    # -- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.measures)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        key = self.key(index)
        if key is not None and not self.read_only and key.mode in self._by_code[key.code].modes:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def shown_text(self, row: int, column: int) -> tuple[str, bool]:
        """What the cell at (row, column) shows (data's DisplayRole) and whether in italics
        (its FontRole: a value not stored), without a model index: the view measures its
        columns from these (MeasureGridView.fit_columns)."""
        col = self.columns[column]
        measure = self.measures[row]
        if col.info is not None:
            text = col.info(measure)
            self._info_shown[(row, column)] = text
            return text, False
        key = self._keys.get((row, column))
        if key is None:
            return "—", False
        return self.cell_text(key), key in self.errors

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None  # the roles a paint asks for and no cell has (icon, check box...)
        column = self.columns[index.column()]
        measure = self.measures[index.row()]
        key = self.key(index)
        if column.info is not None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.shown_text(index.row(), index.column())[0]
            if role == Qt.ItemDataRole.ToolTipRole:
                return measure.protocol_in(window_lang()) or None
            return None
        if key is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return "—"
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self.tr("not measured on this side")
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(0, 0, 0, 18))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(key)
        if role == Qt.ItemDataRole.EditRole:
            if key in self.typed and key in self.errors:
                return self.typed[key]
            value = self.values.get(key)
            return "" if value is None else f"{value:g}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_description(key)
        if role == Qt.ItemDataRole.ForegroundRole:
            if key in self.errors or any(f not in GOOD_NEWS for f in self.cell_flags(key)):
                return QBrush(QColor("#b00020"))
            return None
        if role == Qt.ItemDataRole.FontRole and key in self.errors:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        key = self.key(index)
        if key is None or self.read_only or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value).strip()
        current = self.values.get(key)
        if key not in self.errors and text == ("" if current is None else f"{current:g}"):
            return False  # unchanged: nothing to save
        self.edit_requested.emit(key, text)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None
