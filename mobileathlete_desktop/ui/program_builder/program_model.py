"""The program's drills in order as a table model: dosage edited in the cells, rows moved by
drag and drop, drills dropped in from the library."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QLocale,
    QMimeData,
    QModelIndex,
    Qt,
    Signal,
)

from mobileathlete_desktop.domain.checkin_reasons import reason_text
from mobileathlete_desktop.domain.dose_words import frequency_text
from mobileathlete_desktop.domain.exercises import ExerciseLibrary
from mobileathlete_desktop.domain.programs import MAX_SESSIONS, sessions_from_text
from mobileathlete_desktop.support.languages import language_code
from mobileathlete_desktop.ui import service_adapter as svc
from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mobileathlete_desktop.ui.service_adapter import ProgramItemRecord

if TYPE_CHECKING:
    from mobileathlete_desktop.services.programs import PainCautions

DRILL_MIME = "application/x-mobileathlete-drills"
ROW_MIME = "application/x-mobileathlete-program-rows"

# The column titles in English; the header shows them in the window's language.
COLUMNS = (
    QT_TRANSLATE_NOOP("ProgramModel", "Drill"),
    QT_TRANSLATE_NOOP("ProgramModel", "Sets"),
    QT_TRANSLATE_NOOP("ProgramModel", "Reps"),
    QT_TRANSLATE_NOOP("ProgramModel", "Hold (s)"),
    QT_TRANSLATE_NOOP("ProgramModel", "Distance (m)"),
    QT_TRANSLATE_NOOP("ProgramModel", "Time (s)"),
    QT_TRANSLATE_NOOP("ProgramModel", "Rest (s)"),
    QT_TRANSLATE_NOOP("ProgramModel", "Each side"),
    QT_TRANSLATE_NOOP("ProgramModel", "Load"),
    QT_TRANSLATE_NOOP("ProgramModel", "Tempo"),
    QT_TRANSLATE_NOOP("ProgramModel", "Days a week"),
    QT_TRANSLATE_NOOP("ProgramModel", "Frequency"),
    QT_TRANSLATE_NOOP("ProgramModel", "Notes"),
    QT_TRANSLATE_NOOP("ProgramModel", "Why"),
)
(
    NAME,
    SETS,
    REPS,
    HOLD,
    DISTANCE,
    DURATION,
    REST,
    SIDE,
    LOAD,
    TEMPO,
    DAYS,
    FREQUENCY,
    NOTES,
    REASON,
) = range(len(COLUMNS))
NUMBER_FIELDS = {
    SETS: "sets",
    REPS: "reps",
    HOLD: "hold_s",
    DISTANCE: "distance_m",
    DURATION: "duration_s",
    REST: "rest_s",
    DAYS: "sessions_per_week",
}
# The largest number each accepts (the service checks the same).
NUMBER_LIMITS = {SETS: 600, REPS: 600, HOLD: 600, DISTANCE: 5000, DURATION: 3600, REST: 600}
NUMBER_LIMITS[DAYS] = MAX_SESSIONS
TEXT_FIELDS = {LOAD: "load", TEMPO: "tempo", FREQUENCY: "frequency", NOTES: "notes"}
TEXT_LIMITS = {LOAD: 120, TEMPO: 40, FREQUENCY: 120}


class ProgramModel(QAbstractTableModel):
    """The program's drills in order, with editable dosage; rows move by drag and drop."""

    # A typed value that was not stored, in words for the status line.
    refused = Signal(str)
    # Drills dropped in from the library (their codes, in order), for the status line.
    dropped = Signal(list)

    def __init__(self, library: ExerciseLibrary | None, parent: Any = None) -> None:
        super().__init__(parent)
        self.library = library
        self.items: list[ProgramItemRecord] = []
        # What the latest assessment found painful, and the handout's language: the Notes
        # column shows each drill's notes as the handout prints them (the pain caution).
        self.cautions: PainCautions | None = None
        self.lang = "en"
        self._printed: tuple[list[ProgramItemRecord], list[str]] = ([], [])

    def set_cautions(self, cautions: PainCautions | None, lang: str | None = None) -> None:
        """Shows each drill's notes as the handout prints them in `lang` from now on (None:
        as typed). The drills themselves are unchanged: saving keeps the therapist's own
        notes, and the handout adds the caution when it prints."""
        self.cautions = cautions
        self.lang = lang or self.lang
        self._printed = ([], [])
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()  # repainted and re-measured, not an edit of the program

    def set_language(self, lang: str) -> None:
        """The handout's language changed: the notes are shown in it."""
        if lang != self.lang:
            self.set_cautions(self.cautions, lang)

    def printed_notes(self, row: int) -> str:
        """A drill's notes as the handout prints them (the pain caution by a drill that moves
        a test painful at the latest assessment), worked out once for the drills shown."""
        items, notes = self._printed
        if items != self.items:
            cautions = self.cautions
            printed = self.items if cautions is None else cautions.on(self.items, self.lang)
            notes = [i.notes for i in printed]
            self._printed = (list(self.items), notes)
        return notes[row]

    # reading
    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return QCoreApplication.translate("ProgramModel", COLUMNS[section])
            return str(section + 1)
        return None

    @staticmethod
    def frequency_of(item: ProgramItemRecord) -> str:
        """The drill's frequency in the window's language ("3 veces por semana" in a Spanish
        window for a program saved with "3 times a week"; words it does not know as typed)."""
        return frequency_text(item.frequency, language_code(QLocale().name()))

    @staticmethod
    def reason_of(item: ProgramItemRecord) -> str:
        """The drill's reason in the window's language (a check-in's, saved as its code)."""
        return reason_text(item.reason, language_code(QLocale().name()))

    def name_of(self, code: str) -> str:
        exercise = None if self.library is None else self.library.get(code)
        lang = language_code(QLocale().name())
        return exercise.name(lang) if exercise is not None else code

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == NAME:
                return self.name_of(item.exercise_code)
            if column in NUMBER_FIELDS:
                value = getattr(item, NUMBER_FIELDS[column])
                if role == Qt.ItemDataRole.EditRole:
                    return "" if value is None else str(value)
                return "" if value is None else str(value)
            if column == NOTES and role == Qt.ItemDataRole.DisplayRole:
                return self.printed_notes(index.row())
            if column == FREQUENCY:
                return self.frequency_of(item)
            if column in TEXT_FIELDS:
                return getattr(item, TEXT_FIELDS[column])
            if column == REASON:
                return self.reason_of(item)
        if role == Qt.ItemDataRole.CheckStateRole and column == SIDE:
            return Qt.CheckState.Checked if item.per_side else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole text of a cell that may be elided (rows are two lines high).
            if column == REASON and item.reason:
                return self.reason_of(item)
            if column == NOTES:
                notes = self.printed_notes(index.row())
                if notes == item.notes:
                    return notes or None
                caution = self.tr(
                    "The handout prints these notes with the pain caution: this drill moves a "
                    "motion or test marked painful at the latest assessment."
                )
                return f"{notes}\n\n{caution}"
            if column == FREQUENCY:
                return self.frequency_of(item) or None
            if column in (LOAD, TEMPO):
                return getattr(item, TEXT_FIELDS[column]) or None
            if column == NAME:
                lang = language_code(QLocale().name())
                tip = f"{self.name_of(item.exercise_code)}: {svc.dosage_text(item, lang)}"
                notes = self.printed_notes(index.row())  # the caution too, as printed
                tip = f"{tip}\n{notes}" if notes else tip
                return f"{tip}\n{self.reason_of(item)}" if item.reason else tip  # Why may be hidden
        if role == Qt.ItemDataRole.AccessibleTextRole and column == SIDE:
            return self.tr("each side") if item.per_side else self.tr("both together")
        return None

    def flags(self, index: Any) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        base |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in NUMBER_FIELDS or index.column() in TEXT_FIELDS:
            base |= Qt.ItemFlag.ItemIsEditable
        if index.column() == SIDE:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Any, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, column = index.row(), index.column()
        item = self.items[row]
        if role == Qt.ItemDataRole.CheckStateRole and column == SIDE:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            self.items[row] = replace(item, per_side=checked)
        elif role == Qt.ItemDataRole.EditRole and column in NUMBER_FIELDS:
            text = str(value).strip()
            high = NUMBER_LIMITS[column]
            if not text:
                number = None
            elif text.isdigit() and 1 <= int(text) <= high:
                number = int(text)
            else:
                # The cell keeps its value; say why rather than silently dropping the typing.
                field = QCoreApplication.translate("ProgramModel", COLUMNS[column])
                kept = getattr(item, NUMBER_FIELDS[column])
                message = self.tr(
                    "⚠ {field} {typed} not stored for {drill}: give a whole number from 1 to {high}"
                ).format(
                    field=field,
                    typed=repr(text),
                    drill=self.name_of(item.exercise_code),
                    high=high,
                )
                if kept is not None:
                    message += " " + self.tr("(kept {value})").format(value=kept)
                self.refused.emit(message)
                return False
            self.items[row] = replace(item, **{NUMBER_FIELDS[column]: number})
        elif role == Qt.ItemDataRole.EditRole and column in TEXT_FIELDS:
            text = str(value).strip()[: TEXT_LIMITS.get(column, 4000)]
            if column == FREQUENCY and text == self.frequency_of(item):
                return True  # the frequency as shown, not retyped: the saved words are kept
            changed = replace(item, **{TEXT_FIELDS[column]: text})
            if column == FREQUENCY:
                # "twice a week" typed as the frequency sets the days a week to match.
                days = sessions_from_text(text)
                if days is not None:
                    changed = replace(changed, sessions_per_week=days)
            self.items[row] = changed
        else:
            return False
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return True

    # changing
    def set_items(self, items: list[ProgramItemRecord]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def insert(self, row: int, items: list[ProgramItemRecord]) -> None:
        row = max(0, min(row, len(self.items)))
        if not items:
            return
        self.beginInsertRows(QModelIndex(), row, row + len(items) - 1)
        self.items[row:row] = items
        self.endInsertRows()

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.items[row]
        self.endRemoveRows()

    def move(self, row: int, to: int) -> bool:
        """Moves one row so that it ends up at index `to`."""
        if not (0 <= row < len(self.items) and 0 <= to < len(self.items)) or row == to:
            return False
        destination = to + 1 if to > row else to
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self.items.insert(to, self.items.pop(row))
        self.endMoveRows()
        return True

    # drag and drop
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME, DRILL_MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(ROW_MIME, QByteArray(json.dumps(rows).encode()))
        return data

    def canDropMimeData(self, data: Any, action: Any, row: int, column: int, parent: Any) -> bool:
        return bool(data.hasFormat(ROW_MIME) or data.hasFormat(DRILL_MIME))

    def dropMimeData(self, data: Any, action: Any, row: int, column: int, parent: Any) -> bool:
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.items)
        if data.hasFormat(DRILL_MIME):
            codes = json.loads(bytes(data.data(DRILL_MIME).data()).decode())
            drills = [self.library.get(c) for c in codes] if self.library else []
            lang = language_code(QLocale().name())
            items = [svc.default_item(d, lang) for d in drills if d is not None]
            self.insert(row, items)
            if items:
                self.dropped.emit([i.exercise_code for i in items])
            return True
        if data.hasFormat(ROW_MIME):
            rows = json.loads(bytes(data.data(ROW_MIME).data()).decode())
            if len(rows) == 1:
                source = rows[0]
                self.move(source, row - 1 if row > source else row)
            # Returning False tells the view not to delete the source rows itself.
            return False
        return False
