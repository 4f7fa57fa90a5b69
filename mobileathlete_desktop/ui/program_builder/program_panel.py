"""The builder's program: title, date, the drills in order with their dosage, the reasons
for recommended drills and notes for the client; adding, removing and moving drills."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.domain.checkin_reasons import summary_text
from mobileathlete_desktop.domain.exercises import ExerciseLibrary
from mobileathlete_desktop.domain.programs import (
    DEFAULT_WEEKS,
    MAX_WEEKS,
    program_time,
    time_text,
)
from mobileathlete_desktop.support.languages import language_code
from mobileathlete_desktop.ui import service_adapter as svc
from mobileathlete_desktop.ui.program_builder.complaint_hold import ComplaintHold
from mobileathlete_desktop.ui.program_builder.program_columns import ColumnFitter
from mobileathlete_desktop.ui.program_builder.program_model import NAME, ProgramModel

MANY_DRILLS = 4
"""Above this many drills the builder warns: clients do fewer drills more faithfully."""


class ProgramPanel(QGroupBox):
    """The program being built; Delete removes a drill, Ctrl+Up / Ctrl+Down move it."""

    # The drills, their dosage, the title or the notes changed.
    changed = Signal()
    # A line for the builder's status.
    said = Signal(str)

    def __init__(self, library: ExerciseLibrary | None, client_name: str, can_write: bool) -> None:
        super().__init__()
        self.setTitle(self.tr("Program for {name}").format(name=client_name))
        self.library = library
        self.can_write = can_write
        # The drills the client's coded complaint holds back (read when the builder opens).
        self.hold = ComplaintHold()
        self.title_edit = QLineEdit(self.tr("Home program"))
        self.title_edit.setAccessibleName(self.tr("Program title"))
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setAccessibleName(self.tr("Program date"))
        self.weeks_edit = QSpinBox()
        self.weeks_edit.setRange(1, MAX_WEEKS)
        self.weeks_edit.setValue(DEFAULT_WEEKS)
        self.weeks_edit.setAccessibleName(self.tr("Weeks until the next visit"))
        self.weeks_edit.setToolTip(
            self.tr("The handout's tracker has a column of boxes for each week until then.")
        )
        self.model = ProgramModel(library, self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Program drills"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setDragEnabled(can_write)
        self.table.setAcceptDrops(can_write)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        # Arrows choose a cell and Tab moves on to the buttons (a dosage being typed still
        # goes to the next cell with Tab, and the next Tab leaves).
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        # Every column in view at the table's width, rows two lines high (program_columns).
        self.columns = ColumnFitter(self.table)
        # Too narrow for every column, the empty dose columns are hidden: the titles' (and the
        # table's: Menu key, Shift+F10) menu shows them all, the table then scrolling sideways.
        self.every_column = QAction(self.tr("Show every dose column"), self.table)
        self.every_column.setCheckable(True)
        self.every_column.toggled.connect(self.columns.show_every_column)
        for menu_on in (self.table, self.table.horizontalHeader()):
            menu_on.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            menu_on.customContextMenuRequested.connect(
                lambda at, on=menu_on: self._column_menu(on, at)
            )
        if not can_write:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.recommend_button = QPushButton(self.tr("&Recommend"))
        self.recommend_button.setAccessibleName(
            self.tr("Recommend drills from the latest assessment")
        )
        self.recommend_button.setToolTip(
            self.tr(
                "Adds the drills suggested by the latest assessment, with the reason for each. "
                "Keep, remove, reorder or re-dose them as you see fit."
            )
        )
        self.remove_button = QPushButton(self.tr("Remove (Del)"))
        self.up_button = QPushButton(self.tr("Up (Ctrl+↑)"))
        self.down_button = QPushButton(self.tr("Down (Ctrl+↓)"))
        self.remove_button.setAccessibleName(self.tr("Remove drill"))
        self.up_button.setAccessibleName(self.tr("Move drill up"))
        self.down_button.setAccessibleName(self.tr("Move drill down"))
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        row_buttons = QHBoxLayout()
        for button in (self.recommend_button, self.remove_button, self.up_button):
            row_buttons.addWidget(button)
        row_buttons.addWidget(self.down_button)
        row_buttons.addStretch(1)

        # How long the program takes, worked out from the doses as they are typed.
        self.time_label = QLabel()
        self.time_label.setAccessibleName(self.tr("Time the program takes"))
        self.time_label.setTextFormat(Qt.TextFormat.PlainText)
        self.time_label.setToolTip(
            self.tr(
                "Estimated from the doses: about 3 s a repetition (or the tempo's seconds), "
                "holds and times as given, about 1 s a metre, both sides when done on each "
                "side, and the rest between sets (30 s when none is given). Warming up and "
                "moving between drills are not counted."
            )
        )
        self.many_warning = QLabel()
        self.many_warning.setWordWrap(True)
        self.many_warning.setAccessibleName(self.tr("Number of drills"))
        self.many_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.many_warning.setStyleSheet("color: #9a3412;")
        self.many_warning.hide()
        self.order_hint = QLabel(
            self.tr("The handout prints the drills in this order: put the most important first.")
        )
        self.order_hint.setWordWrap(True)
        self.order_hint.setEnabled(False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Why these drills"))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.hide()
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Program notes"))
        self.notes.setPlaceholderText(self.tr("Notes for the client (printed on the handout)"))
        self.notes.setMaximumHeight(70)
        self.notes.setTabChangesFocus(True)

        heading = QHBoxLayout()
        title_label = QLabel(self.tr("&Title"))
        title_label.setBuddy(self.title_edit)
        date_label = QLabel(self.tr("&Date"))
        date_label.setBuddy(self.date_edit)
        heading.addWidget(title_label)
        heading.addWidget(self.title_edit, 1)
        heading.addWidget(date_label)
        heading.addWidget(self.date_edit)
        weeks_label = QLabel(self.tr("&Weeks to next visit"))
        weeks_label.setBuddy(self.weeks_edit)
        heading.addWidget(weeks_label)
        heading.addWidget(self.weeks_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addLayout(row_buttons)
        layout.addWidget(self.many_warning)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.time_label)
        layout.addWidget(self.order_hint)
        layout.addWidget(self.summary)
        notes_label = QLabel(self.tr("N&otes for the client"))
        notes_label.setBuddy(self.notes)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes)

        # Role: only those who may write programs edit and recommend.
        for button in (self.recommend_button, self.remove_button, self.up_button):
            button.setAutoDefault(False)
        self.down_button.setAutoDefault(False)
        for widget in (
            self.recommend_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.title_edit,
            self.date_edit,
            self.weeks_edit,
        ):
            widget.setEnabled(can_write)
        self.notes.setReadOnly(not can_write)

        # Keyboard
        remove = self.tr("Remove drill")
        self._table_action(remove, QKeySequence.StandardKey.Delete, self.remove_current)
        self._table_action(remove, "Backspace", self.remove_current)
        self._table_action(self.tr("Move drill up"), "Ctrl+Up", lambda: self.move_current(-1))
        self._table_action(self.tr("Move drill down"), "Ctrl+Down", lambda: self.move_current(1))
        self.model.rowsInserted.connect(lambda *_a: self.changed.emit())
        self.model.rowsRemoved.connect(lambda *_a: self.changed.emit())
        self.model.rowsMoved.connect(lambda *_a: self.changed.emit())
        self.model.dataChanged.connect(lambda *_a: self.changed.emit())
        self.model.refused.connect(self.said)
        self.model.dropped.connect(self._say_added)
        self.model.modelReset.connect(self.update_buttons)
        self.notes.textChanged.connect(self.changed)
        self.weeks_edit.valueChanged.connect(lambda _v: self.changed.emit())
        self.changed.connect(self.update_dose_lines)
        self.model.modelReset.connect(self.update_dose_lines)
        self.title_edit.textEdited.connect(lambda _t: self.changed.emit())
        self.table.selectionModel().currentChanged.connect(lambda *_a: self.update_buttons())

    def _column_menu(self, widget: QWidget, at: QPoint) -> None:
        menu = QMenu(widget)
        menu.addAction(self.every_column)
        menu.exec(widget.mapToGlobal(at))

    def _table_action(self, text: str, keys: Any, slot: Any) -> None:
        action = QAction(text.strip(), self.table, shortcut=QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        action.setEnabled(self.can_write)
        self.table.addAction(action)

    # -- editing ---------------------------------------------------------------------------

    def _insert_row(self) -> int:
        current = self.table.currentIndex()
        return current.row() + 1 if current.isValid() else self.model.rowCount()

    def add_drills(self, codes: list[str]) -> None:
        """Adds drills by code with their default dosage, after the selected line."""
        drills = [self.library.get(c) for c in codes] if self.library else []
        lang = language_code(QLocale().name())
        items = [svc.default_item(d, lang) for d in drills if d is not None]
        row = self._insert_row()
        self.model.insert(row, items)
        if items:
            self.select(row + len(items) - 1)
            self._say_added([i.exercise_code for i in items])

    def _say_added(self, codes: list[str]) -> None:
        """Says which drills were added and, at once, why each one the client's coded
        complaint holds back will be left out of the handout (the handout's own warning)."""
        names = ", ".join(self.model.name_of(code) for code in codes)
        said = [self.tr("Added {drills}").format(drills=names)]
        lang = language_code(QLocale().name())
        for code in dict.fromkeys(codes):
            if self.hold.holds(code):
                said.append("⚠ " + self.hold.words(code, self.library, lang))
        self.said.emit(" · ".join(said))

    def select(self, row: int) -> None:
        """Makes the drill on that line the current one, scrolled into view."""
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, NAME))
            self.table.scrollTo(self.model.index(row, NAME))

    def remove_current(self) -> None:
        """Removes the selected drill (Delete)."""
        row = self.table.currentIndex().row()
        if row < 0 or not self.can_write:
            return
        name = self.model.name_of(self.model.items[row].exercise_code)
        self.model.remove(row)
        self.select(min(row, self.model.rowCount() - 1))
        self.said.emit(self.tr("Removed {drill}").format(drill=name))

    def move_current(self, step: int) -> None:
        """Moves the selected drill up or down (Ctrl+Up / Ctrl+Down), keeping it selected."""
        index = self.table.currentIndex()
        row = index.row()
        if row < 0 or not self.can_write:
            return
        if self.model.move(row, row + step):
            self.table.setCurrentIndex(self.model.index(row + step, max(index.column(), 0)))

    def show_summary(self, summary: str) -> None:
        """Shows why the recommended drills were chosen (hidden when there is no reason)."""
        said = summary_text(summary, language_code(QLocale().name()))  # a check-in's in words
        lines = [line for line in said.splitlines() if line.strip()]
        self.summary.setText(
            self.tr("Why these drills:") + "\n" + "\n".join(f"• {x}" for x in lines)
        )
        self.summary.setVisible(bool(lines))

    def summary_text(self) -> str:
        """The reasons of the drills shown, each once, as saved with the program."""
        reasons = dict.fromkeys(i.reason for i in self.model.items if i.reason)
        return "\n".join(reasons)

    def update_dose_lines(self) -> None:
        """The minutes a session and a week, and the warning above MANY_DRILLS drills."""
        items = self.model.items
        lang = language_code(QLocale().name())
        self.time_label.setText(time_text(program_time(items), lang) if items else "")
        count = len(items)
        self.many_warning.setText(
            self.tr(
                "⚠ {count} drills. Clients keep up with fewer drills more often: consider "
                "three or four, the most important first. (A suggestion; the program can be "
                "saved as it is.)"
            ).format(count=count)
        )
        self.many_warning.setVisible(count > MANY_DRILLS)

    def update_buttons(self) -> None:
        """Remove, Up and Down work on a selected line."""
        has_row = self.table.currentIndex().isValid()
        for button in (self.remove_button, self.up_button, self.down_button):
            button.setEnabled(self.can_write and has_row)

    def commit_editor(self) -> None:
        """Stores a dosage still being typed in a cell."""
        # A cell still being typed in is part of what the therapist means to save.
        editor = QApplication.focusWidget()
        if editor is not None and self.table.isAncestorOf(editor) and editor is not self.table:
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
