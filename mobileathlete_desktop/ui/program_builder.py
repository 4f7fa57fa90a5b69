"""The program builder: a client's home program from the drill library, printed as a handout.

Left, the library (search, category, region); right, the program in order with its dosage.
Enter or a double-click adds a drill, Delete removes one, Ctrl+Up / Ctrl+Down move it, and
drag and drop does both. "Recommend" adds the drills suggested by the latest assessment with
the reason for each; the therapist keeps, removes, reorders or re-doses them as they see fit.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QDate,
    QMimeData,
    QModelIndex,
    QSettings,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QIcon,
    QKeySequence,
    QPainter,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.domain.exercises import Exercise, ExerciseLibrary
from mobileathlete_desktop.ui import print_support
from mobileathlete_desktop.ui import service_adapter as svc
from mobileathlete_desktop.ui.background import BackgroundCall
from mobileathlete_desktop.ui.screen_fit import fit_to_screen, scrolling
from mobileathlete_desktop.ui.service_adapter import ProgramItemRecord, ProgramRecord

DRILL_MIME = "application/x-mobileathlete-drills"
ROW_MIME = "application/x-mobileathlete-program-rows"
HANDOUT_FOLDER_KEY = "handouts/folder"
PICTURE_FOLDER_KEY = "drills/picture_folder"
ICON = QSize(56, 56)
LANGUAGES = (("English", "en"), ("Español", "es"))

COLUMNS = ("Drill", "Sets", "Reps", "Hold (s)", "Each side", "Frequency", "Notes", "Why")
NAME, SETS, REPS, HOLD, SIDE, FREQUENCY, NOTES, REASON = range(len(COLUMNS))
NUMBER_FIELDS = {SETS: "sets", REPS: "reps", HOLD: "hold_s"}
TEXT_FIELDS = {FREQUENCY: "frequency", NOTES: "notes"}


def drill_pixmap(svg: str | None, size: QSize = ICON) -> QPixmap:
    """The drill's figure drawn on white at the given size (blank when there is none)."""
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.white)
    if svg:
        renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
        if renderer.isValid():
            painter = QPainter(pixmap)
            renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
            renderer.render(painter)
            painter.end()
    return pixmap


class ProgramModel(QAbstractTableModel):
    """The program's drills in order, with editable dosage; rows move by drag and drop."""

    # A typed value that was not stored, in words for the status line.
    refused = Signal(str)

    def __init__(self, library: ExerciseLibrary | None, parent: Any = None) -> None:
        super().__init__(parent)
        self.library = library
        self.items: list[ProgramItemRecord] = []

    # reading
    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return COLUMNS[section]
            return str(section + 1)
        return None

    def name_of(self, code: str) -> str:
        exercise = None if self.library is None else self.library.get(code)
        return exercise.name("en") if exercise is not None else code

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
            if column in TEXT_FIELDS:
                return getattr(item, TEXT_FIELDS[column])
            if column == REASON:
                return item.reason
        if role == Qt.ItemDataRole.CheckStateRole and column == SIDE:
            return Qt.CheckState.Checked if item.per_side else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == REASON and item.reason:
                return item.reason
            if column == NAME:
                return f"{self.name_of(item.exercise_code)}: {svc.dosage_text(item)}"
        if role == Qt.ItemDataRole.AccessibleTextRole and column == SIDE:
            return "each side" if item.per_side else "both together"
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
            if not text:
                number = None
            elif text.isdigit() and 1 <= int(text) <= 600:
                number = int(text)
            else:
                # The cell keeps its value; say why rather than silently dropping the typing.
                field = COLUMNS[column].lower()
                kept = getattr(item, NUMBER_FIELDS[column])
                self.refused.emit(
                    f"⚠ {field.capitalize()} {text!r} not stored for "
                    f"{self.name_of(item.exercise_code)}: give a whole number from 1 to 600"
                    + (f" (kept {kept})" if kept is not None else "")
                )
                return False
            self.items[row] = replace(item, **{NUMBER_FIELDS[column]: number})
        elif role == Qt.ItemDataRole.EditRole and column in TEXT_FIELDS:
            self.items[row] = replace(item, **{TEXT_FIELDS[column]: str(value).strip()})
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
            self.insert(row, [svc.default_item(d) for d in drills if d is not None])
            return True
        if data.hasFormat(ROW_MIME):
            rows = json.loads(bytes(data.data(ROW_MIME).data()).decode())
            if len(rows) == 1:
                source = rows[0]
                self.move(source, row - 1 if row > source else row)
            # Returning False tells the view not to delete the source rows itself.
            return False
        return False


class LibraryModel(QStandardItemModel):
    """The library's drills as list rows (icon, name, category) that drag as drill codes."""

    def mimeTypes(self) -> list[str]:
        return [DRILL_MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        codes = [self.itemFromIndex(i).data(Qt.ItemDataRole.UserRole) for i in indexes]
        data = QMimeData()
        data.setData(DRILL_MIME, QByteArray(json.dumps(codes).encode()))
        return data


class ProgramBuilder(QDialog):
    """Builds, saves and prints one client's home program."""

    saved = Signal(object)

    def __init__(
        self,
        ctx: Any,
        client_id: int,
        parent: QWidget | None = None,
        store: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.client_id = client_id
        self.store = store if store is not None else print_support.settings()
        self.client = svc.get_client(ctx, client_id)
        self.library = svc.exercise_library()
        self.program: ProgramRecord | None = None  # the saved program shown, if any
        self.assessment_id: int | None = None
        self.dirty = False
        self.can_write = ctx.actor.can("programs.write")
        self.can_print = ctx.actor.can("handouts.print")
        self._icons: dict[str, QIcon] = {}
        self._own_pictures = svc.drill_images(ctx)
        self.writing: BackgroundCall | None = None
        self.preview_dialog: Any = None
        self.setWindowTitle(f"Home program — {self.client.full_name} ({self.client.chart_number})")
        fit_to_screen(self, QSize(1280, 780))
        self.setSizeGripEnabled(True)
        self._build()
        self._load_latest()
        self.refresh_library()

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        # Library
        self.search = QLineEdit(placeholderText="Search drills (English or Spanish)")
        self.search.setAccessibleName("Search drills")
        self.search.setClearButtonEnabled(True)
        self.category = QComboBox()
        self.category.setAccessibleName("Category")
        self.category.addItem("All categories", "")
        for name in svc.CATEGORIES:
            self.category.addItem(name.capitalize(), name)
        self.region = QComboBox()
        self.region.setAccessibleName("Region")
        self.region.addItem("All regions", "")
        for region in svc.REGIONS:
            self.region.addItem(region.capitalize(), region)
        self.library_model = LibraryModel(self)
        self.library_list = QListView()
        self.library_list.setAccessibleName("Exercise library")
        self.library_list.setModel(self.library_model)
        self.library_list.setIconSize(ICON)
        self.library_list.setUniformItemSizes(True)
        self.library_list.setSpacing(2)
        self.library_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.library_list.setDragEnabled(self.can_write)
        self.library_list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.library_count = QLabel()
        self.library_count.setAccessibleName("Drills found")
        self.detail = QLabel("Choose a drill to see how it is done.")
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName("Drill details")
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail_picture = QLabel()
        self.detail_picture.setFixedSize(120, 120)
        self.detail_picture.setAccessibleName("Drill picture")
        self.add_button = QPushButton("&Add to program  (Enter)")
        self.add_button.setAccessibleName("Add drill to program")
        self.add_button.clicked.connect(self.add_current)

        filters = QHBoxLayout()
        filters.addWidget(self.category)
        filters.addWidget(self.region)
        left = QGroupBox("Exercise li&brary")
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.library_list, 1)
        left_layout.addWidget(self.library_count)
        self.own_picture_button = QPushButton("Own pi&cture…")
        self.own_picture_button.setToolTip(
            "Use the clinic's own PNG or JPEG picture for this drill (builder and handouts)"
        )
        self.own_picture_button.clicked.connect(self.choose_own_picture)
        self.drawn_picture_button = QPushButton("Drawn &figure")
        self.drawn_picture_button.setToolTip("Go back to the drawn figure for this drill")
        self.drawn_picture_button.clicked.connect(self.clear_own_picture)
        for button in (self.own_picture_button, self.drawn_picture_button):
            button.setVisible(self.can_write)
            button.setAutoDefault(False)
        picture_column = QVBoxLayout()
        picture_column.addWidget(self.detail_picture)
        picture_column.addWidget(self.own_picture_button)
        picture_column.addWidget(self.drawn_picture_button)
        picture_column.addStretch(1)
        details = QHBoxLayout()
        details.addLayout(picture_column)
        details.addWidget(self.detail, 1)
        left_layout.addLayout(details)
        left_layout.addWidget(self.add_button)

        # Program
        self.title_edit = QLineEdit("Home program")
        self.title_edit.setAccessibleName("Program title")
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setAccessibleName("Program date")
        self.model = ProgramModel(self.library, self)
        self.table = QTableView()
        self.table.setAccessibleName("Program drills")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setDragEnabled(self.can_write)
        self.table.setAcceptDrops(self.can_write)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        self.table.setWordWrap(True)
        # Arrows choose a cell and Tab moves on to the buttons (a dosage being typed still
        # goes to the next cell with Tab, and the next Tab leaves).
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (NAME, 210),
            (SETS, 44),
            (REPS, 44),
            (HOLD, 62),
            (SIDE, 72),
            (FREQUENCY, 100),
            (NOTES, 130),
        ):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if not self.can_write:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.recommend_button = QPushButton("&Recommend")
        self.recommend_button.setAccessibleName("Recommend drills from the latest assessment")
        self.recommend_button.setToolTip(
            "Adds the drills suggested by the latest assessment, with the reason for each. "
            "Keep, remove, reorder or re-dose them as you see fit."
        )
        self.remove_button = QPushButton("Remove (Del)")
        self.up_button = QPushButton("Up (Ctrl+↑)")
        self.down_button = QPushButton("Down (Ctrl+↓)")
        self.remove_button.setAccessibleName("Remove drill")
        self.up_button.setAccessibleName("Move drill up")
        self.down_button.setAccessibleName("Move drill down")
        self.recommend_button.clicked.connect(self.recommend)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        row_buttons = QHBoxLayout()
        for button in (self.recommend_button, self.remove_button, self.up_button):
            row_buttons.addWidget(button)
        row_buttons.addWidget(self.down_button)
        row_buttons.addStretch(1)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Why these drills")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.hide()
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Program notes")
        self.notes.setPlaceholderText("Notes for the client (printed on the handout)")
        self.notes.setMaximumHeight(70)
        self.notes.setTabChangesFocus(True)
        self.status = QLabel()
        self.status.setAccessibleName("Status")
        self.status.setWordWrap(True)

        heading = QHBoxLayout()
        title_label = QLabel("&Title")
        title_label.setBuddy(self.title_edit)
        date_label = QLabel("&Date")
        date_label.setBuddy(self.date_edit)
        heading.addWidget(title_label)
        heading.addWidget(self.title_edit, 1)
        heading.addWidget(date_label)
        heading.addWidget(self.date_edit)
        right = QGroupBox(f"Program for {self.client.full_name}")
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(heading)
        right_layout.addLayout(row_buttons)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.summary)
        notes_label = QLabel("N&otes for the client")
        notes_label.setBuddy(self.notes)
        right_layout.addWidget(notes_label)
        right_layout.addWidget(self.notes)

        # Each side scrolls on its own when the window is short (150 % scaling on a small
        # screen), so Save and Close below stay in view.
        splitter = QSplitter()
        splitter.addWidget(scrolling(left))
        splitter.addWidget(scrolling(right))
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 900])
        splitter.setChildrenCollapsible(False)

        # Bottom buttons
        self.language = QComboBox()
        self.language.setAccessibleName("Handout language")
        for label, code in LANGUAGES:
            self.language.addItem(label, code)
        self.load_template_button = QPushButton("Load t&emplate…")
        self.save_template_button = QPushButton("Save as te&mplate…")
        self.preview_button = QPushButton("Pre&view handout…")
        self.print_button = QPushButton("&Print handout…")
        self.pdf_button = QPushButton("Save hando&ut PDF…")
        self.save_button = QPushButton("&Save program (Ctrl+S)")
        self.close_button = QPushButton("Close")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        for button in (
            self.add_button,
            self.recommend_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.load_template_button,
            self.save_template_button,
            self.preview_button,
            self.print_button,
            self.pdf_button,
            self.close_button,
        ):
            button.setAutoDefault(False)
        self.load_template_button.clicked.connect(self.load_template)
        self.save_template_button.clicked.connect(self.save_template)
        self.preview_button.clicked.connect(self.preview_handout)
        self.print_button.clicked.connect(self.print_handout)
        self.pdf_button.clicked.connect(self.save_handout_pdf)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close)
        # Two rows, so that Save and Close stay on screen in a narrow window.
        handout_row = QHBoxLayout()
        handout_label = QLabel("Handout &language")
        handout_label.setBuddy(self.language)
        handout_row.addWidget(handout_label)
        handout_row.addWidget(self.language)
        handout_row.addWidget(self.preview_button)
        handout_row.addWidget(self.print_button)
        handout_row.addWidget(self.pdf_button)
        handout_row.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.load_template_button)
        bottom.addWidget(self.save_template_button)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(handout_row)
        layout.addLayout(bottom)

        # Role: only those who may write programs edit, recommend and save.
        for widget in (
            self.add_button,
            self.recommend_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.load_template_button,
            self.save_template_button,
            self.save_button,
            self.title_edit,
            self.date_edit,
        ):
            widget.setEnabled(self.can_write)
        self.notes.setReadOnly(not self.can_write)
        for widget in (self.preview_button, self.print_button, self.pdf_button):
            widget.setEnabled(self.can_print)

        # Keyboard
        self.search.textChanged.connect(lambda _t: self.refresh_library())
        self.search.returnPressed.connect(self.add_current)
        self.category.currentIndexChanged.connect(lambda _i: self.refresh_library())
        self.region.currentIndexChanged.connect(lambda _i: self.refresh_library())
        self.library_list.activated.connect(lambda _index: self.add_current())
        self.library_list.doubleClicked.connect(lambda _index: None)  # activated covers it
        self.library_list.selectionModel().currentChanged.connect(
            lambda current, _previous: self._show_detail(current)
        )
        self.search.installEventFilter(self)
        self._table_action("Remove drill", QKeySequence.StandardKey.Delete, self.remove_current)
        self._table_action("Remove drill ", "Backspace", self.remove_current)
        self._table_action("Move drill up", "Ctrl+Up", lambda: self.move_current(-1))
        self._table_action("Move drill down", "Ctrl+Down", lambda: self.move_current(1))
        save = QAction("Save program", self, shortcut=QKeySequence(QKeySequence.StandardKey.Save))
        save.triggered.connect(self.save)
        save.setEnabled(self.can_write)
        self.addAction(save)
        print_action = QAction(
            "Print handout", self, shortcut=QKeySequence(QKeySequence.StandardKey.Print)
        )
        print_action.triggered.connect(self.print_handout)
        print_action.setEnabled(self.can_print)
        self.addAction(print_action)
        find = QAction("Search drills", self, shortcut=QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(self.focus_search)
        self.addAction(find)
        self.model.rowsInserted.connect(lambda *_a: self._changed())
        self.model.rowsRemoved.connect(lambda *_a: self._changed())
        self.model.rowsMoved.connect(lambda *_a: self._changed())
        self.model.dataChanged.connect(lambda *_a: self._changed())
        self.model.refused.connect(self._say)
        self.model.modelReset.connect(self._update_buttons)
        self.notes.textChanged.connect(self._changed)
        self.title_edit.textEdited.connect(lambda _t: self._changed())
        self.table.selectionModel().currentChanged.connect(lambda *_a: self._update_buttons())
        self.setTabOrder(self.search, self.category)
        self.setTabOrder(self.category, self.region)
        self.setTabOrder(self.region, self.library_list)
        self.setTabOrder(self.library_list, self.add_button)
        self.setTabOrder(self.add_button, self.title_edit)
        self.search.setFocus()

    def focus_search(self) -> None:
        """Puts the cursor in the drill search with its text selected (Ctrl+F)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _table_action(self, text: str, keys: Any, slot: Any) -> None:
        action = QAction(text.strip(), self.table, shortcut=QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        action.setEnabled(self.can_write)
        self.table.addAction(action)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        # Up / Down in the search box move through the results without leaving it.
        from PySide6.QtCore import QEvent

        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        ):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = self.library_list.currentIndex().row() + step
            if 0 <= row < self.library_model.rowCount():
                self.library_list.setCurrentIndex(self.library_model.index(row, 0))
            return True
        return super().eventFilter(watched, event)

    # -- library ---------------------------------------------------------------------------

    def _picture(self, exercise: Exercise, size: QSize) -> QPixmap:
        """The clinic's own picture when it has one, else the drawn figure."""
        own = self._own_pictures.get(exercise.code)
        if own is not None:
            pixmap = QPixmap()
            if pixmap.loadFromData(own):
                return pixmap.scaled(
                    size,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
        return drill_pixmap(svc.drill_svg(exercise), size)

    def _icon(self, exercise: Exercise) -> QIcon:
        icon = self._icons.get(exercise.code)
        if icon is None:
            icon = QIcon(self._picture(exercise, ICON))
            self._icons[exercise.code] = icon
        return icon

    def choose_own_picture(self) -> None:
        """Asks for a PNG or JPEG and uses it for the current drill from now on."""
        exercise = self.current_exercise()
        if exercise is None:
            return
        folder = str(self.store.value(PICTURE_FOLDER_KEY, "") or Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self, f"Picture for {exercise.name('en')}", folder, "Pictures (*.png *.jpg *.jpeg)"
        )
        if not name:
            return
        path = Path(name)
        self.store.setValue(PICTURE_FOLDER_KEY, str(path.parent))
        try:
            data = path.read_bytes()
            svc.set_drill_image(self.ctx, exercise.code, data, path.name)
        except (OSError, PermissionError, ValueError, LookupError) as exc:
            self._say(f"⚠ Picture not used: {svc.describe(exc)}")
            return
        self._own_pictures[exercise.code] = data
        self._picture_changed(exercise, f"{path.name} is now the picture for {exercise.name('en')}")

    def clear_own_picture(self) -> None:
        """Goes back to the drawn figure for the current drill."""
        exercise = self.current_exercise()
        if exercise is None or exercise.code not in self._own_pictures:
            return
        try:
            svc.set_drill_image(self.ctx, exercise.code, None)
        except (PermissionError, ValueError, LookupError) as exc:
            self._say(f"⚠ {svc.describe(exc)}")
            return
        del self._own_pictures[exercise.code]
        self._picture_changed(exercise, f"{exercise.name('en')} shows the drawn figure again")

    def _picture_changed(self, exercise: Exercise, message: str) -> None:
        self._icons.pop(exercise.code, None)
        row = self.library_list.currentIndex().row()
        item = self.library_model.item(row)
        if item is not None:
            item.setIcon(self._icon(exercise))
        self._show_detail(self.library_list.currentIndex())
        self._say(message)

    def refresh_library(self) -> None:
        """Re-runs the library search with the words and filters."""
        found = svc.search_library(
            self.library, self.search.text(), self.category.currentData(), self.region.currentData()
        )
        self.library_model.clear()
        for exercise in found:
            item = QStandardItem(self._icon(exercise), exercise.name("en"))
            item.setData(exercise.code, Qt.ItemDataRole.UserRole)
            item.setToolTip(
                f"{exercise.name('es')} · {exercise.category} · {exercise.dosage.describe()}"
            )
            item.setData(
                f"{exercise.name('en')}, {exercise.category}", Qt.ItemDataRole.AccessibleTextRole
            )
            item.setDragEnabled(True)
            item.setDropEnabled(False)
            self.library_model.appendRow(item)
        if self.library is None:
            self.library_count.setText("The exercise library is not installed.")
        else:
            self.library_count.setText(f"{len(found)} of {len(self.library)} drills")
        if found:
            self.library_list.setCurrentIndex(self.library_model.index(0, 0))
        else:
            self._show_detail(QModelIndex())

    def current_exercise(self) -> Exercise | None:
        index = self.library_list.currentIndex()
        if not index.isValid() or self.library is None:
            return None
        return self.library.get(str(index.data(Qt.ItemDataRole.UserRole)))

    def _show_detail(self, index: QModelIndex) -> None:
        exercise = None
        if index.isValid() and self.library is not None:
            exercise = self.library.get(str(index.data(Qt.ItemDataRole.UserRole)))
        if exercise is None:
            self.detail.setText("No drill matches." if self.library else "")
            self.detail_picture.clear()
            return
        from html import escape

        cues = "".join(f"<li>{escape(c)}</li>" for c in exercise.cues("en")[:3])
        self.detail.setText(
            f"<b>{escape(exercise.name('en'))}</b> <i>({escape(exercise.name('es'))})</i><br>"
            f"{escape(exercise.category.capitalize())} · {escape(', '.join(exercise.regions))}"
            f"<br>{escape(exercise.dosage.describe())}<ul style='margin-left:-20px'>{cues}</ul>"
        )
        self.detail_picture.setPixmap(self._picture(exercise, QSize(120, 120)))
        self.drawn_picture_button.setEnabled(exercise.code in self._own_pictures)

    # -- editing ---------------------------------------------------------------------------

    def _insert_row(self) -> int:
        current = self.table.currentIndex()
        return current.row() + 1 if current.isValid() else self.model.rowCount()

    def add_current(self) -> None:
        """Adds the highlighted library drill after the selected program line (Enter)."""
        exercise = self.current_exercise()
        if exercise is None or not self.can_write:
            return
        self.add_drills([exercise.code])

    def add_drills(self, codes: list[str]) -> None:
        """Adds drills by code with their default dosage, after the selected line."""
        drills = [self.library.get(c) for c in codes] if self.library else []
        items = [svc.default_item(d) for d in drills if d is not None]
        row = self._insert_row()
        self.model.insert(row, items)
        if items:
            self._select(row + len(items) - 1)
            names = ", ".join(self.model.name_of(i.exercise_code) for i in items)
            self._say(f"Added {names}")

    def _select(self, row: int) -> None:
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
        self._select(min(row, self.model.rowCount() - 1))
        self._say(f"Removed {name}")

    def move_current(self, step: int) -> None:
        """Moves the selected drill up or down (Ctrl+Up / Ctrl+Down), keeping it selected."""
        index = self.table.currentIndex()
        row = index.row()
        if row < 0 or not self.can_write:
            return
        if self.model.move(row, row + step):
            self.table.setCurrentIndex(self.model.index(row + step, max(index.column(), 0)))

    def recommend(self) -> None:
        """Adds the drills recommended from the latest assessment (not already in the program),
        with the reason for each; nothing already chosen is removed or reordered."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            program, warnings = svc.recommended_program(
                self.ctx, self.client_id, lang=str(self.language.currentData())
            )
        except (PermissionError, ValueError, LookupError) as exc:
            self._say(f"⚠ {svc.describe(exc)}")
            return
        finally:
            QApplication.restoreOverrideCursor()
        have = {i.exercise_code for i in self.model.items}
        new = [i for i in program.items if i.exercise_code not in have]
        self.model.insert(self.model.rowCount(), new)
        self.assessment_id = program.assessment_id or self.assessment_id
        self._show_summary(program.summary)
        added = f"Recommended {len(new)} drill{'s' if len(new) != 1 else ''}"
        if len(new) < len(program.items):
            added += f" ({len(program.items) - len(new)} already in the program)"
        self._say(" · ".join([added + ": a suggestion, edit as you see fit", *warnings]))
        if new:
            self._select(self.model.rowCount() - len(new))

    def _show_summary(self, summary: str) -> None:
        lines = [line for line in summary.splitlines() if line.strip()]
        self.summary.setText("Why these drills:\n" + "\n".join(f"• {x}" for x in lines))
        self.summary.setVisible(bool(lines))

    def _changed(self) -> None:
        self.dirty = True
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_row = self.table.currentIndex().isValid()
        for button in (self.remove_button, self.up_button, self.down_button):
            button.setEnabled(self.can_write and has_row)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # -- loading and saving ----------------------------------------------------------------

    def _load_latest(self) -> None:
        try:
            latest = svc.latest_program(self.ctx, self.client_id)
        except PermissionError as exc:
            self._say(f"⚠ {exc}")
            return
        if latest is not None:
            self.show_program(latest)
            self._say(f"Latest saved program of {latest.date}: {len(latest.items)} drills")
        else:
            self._say("No saved program yet: add drills, or press Recommend.")
        self.dirty = False

    def show_program(self, program: ProgramRecord, saved: bool = True) -> None:
        """Shows a program's drills, title, notes and reasons."""
        self.model.set_items(list(program.items))
        self.title_edit.setText(program.title or "Home program")
        if program.date and not program.is_template:
            self.date_edit.setDate(QDate(program.date.year, program.date.month, program.date.day))
        self.notes.setPlainText(program.notes)
        self.assessment_id = program.assessment_id
        self._show_summary(program.summary)
        self.program = program if saved and program.id is not None else None
        self.dirty = not saved

    def current_record(self, *, template: bool = False, title: str = "") -> ProgramRecord:
        """What the builder shows, as a program record to save."""
        on = self.date_edit.date()
        return ProgramRecord(
            id=None,
            client_id=self.client_id,
            date=None if template else date(on.year(), on.month(), on.day()),
            title=title or self.title_edit.text().strip() or "Home program",
            items=tuple(self.model.items),
            notes=self.notes.toPlainText().strip(),
            summary=self._summary_text(),
            therapist="",
            is_template=template,
            assessment_id=None if template else self.assessment_id,
        )

    def _summary_text(self) -> str:
        reasons = dict.fromkeys(i.reason for i in self.model.items if i.reason)
        return "\n".join(reasons)

    def save(self) -> ProgramRecord | None:
        """Saves the program as the client's dated home program (Ctrl+S)."""
        if not self.can_write:
            return None
        self._commit_editor()
        try:
            saved = svc.save_program(self.ctx, self.current_record())
        except (PermissionError, ValueError, LookupError) as exc:
            self._say(f"⚠ Not saved: {svc.describe(exc)}")
            return None
        self.program = saved
        self.dirty = False
        self._say(f"Saved home program of {saved.date} with {len(saved.items)} drills")
        self.saved.emit(saved)
        return saved

    def _commit_editor(self) -> None:
        # A cell still being typed in is part of what the therapist means to save.
        editor = QApplication.focusWidget()
        if editor is not None and self.table.isAncestorOf(editor) and editor is not self.table:
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def save_template(self) -> ProgramRecord | None:
        """Saves the drills as a reusable template under a name (e.g. "Runner hip program")."""
        self._commit_editor()
        if not self.model.items:
            self._say("⚠ Add drills before saving a template.")
            return None
        name, ok = QInputDialog.getText(
            self, "Save as template", "Template name:", text="Runner hip program"
        )
        if not ok or not name.strip():
            return None
        try:
            saved = svc.save_program(self.ctx, self.current_record(template=True, title=name))
        except (PermissionError, ValueError, LookupError) as exc:
            self._say(f"⚠ Template not saved: {svc.describe(exc)}")
            return None
        self._say(f"Saved template “{saved.title}” with {len(saved.items)} drills")
        return saved

    def load_template(self) -> None:
        """Replaces the drills with a template's (asks first when there are unsaved changes)."""
        try:
            templates = svc.list_templates(self.ctx)
        except PermissionError as exc:
            self._say(f"⚠ {exc}")
            return
        if not templates:
            self._say("No templates yet: build a program and use Save as template.")
            return
        names = [f"{t.title} ({len(t.items)} drills)" for t in templates]
        choice, ok = QInputDialog.getItem(self, "Load template", "Template:", names, 0, False)
        if not ok or choice not in names:
            return
        template = templates[names.index(choice)]
        if self.model.items and not self._confirm(
            "Replace the program?",
            f"Replace the {self.model.rowCount()} drills shown with “{template.title}”?",
        ):
            return
        program = svc.program_from_template(self.ctx, template.id or 0, self.client_id)
        self.show_program(program, saved=False)
        self.title_edit.setText(template.title)
        self._say(f"Loaded template “{template.title}”: save to keep it for this client")

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    # -- handouts --------------------------------------------------------------------------

    def _program_to_print(self) -> int | bool | None:
        """The saved program's id to print; saves unsaved changes first (asking). False when
        the user declined, None when printing the latest saved/recommended program."""
        if self.can_write and (self.dirty or self.program is None) and self.model.items:
            if not self._confirm(
                "Save before printing?",
                "The handout prints a saved program. Save this program for the client now?",
            ):
                return False
            saved = self.save()
            if saved is None:
                return False
            return saved.id
        return self.program.id if self.program is not None else None

    def _write_handout(
        self, path: Path, then: Callable[[], None], temp: print_support.TempPdf | None = None
    ) -> bool:
        """Saves unsaved changes (asking), then writes the handout on the thread pool and calls
        `then` on the UI thread when it is written. False when nothing was started."""
        if self.writing is not None:
            return False
        program_id = self._program_to_print()
        if program_id is False:
            if temp is not None:
                temp.remove()
            return False
        lang = str(self.language.currentData())
        ctx, client_id = self.ctx, self.client_id
        chosen = program_id if isinstance(program_id, int) else None

        def work() -> svc.HandoutResult:
            return svc.write_handout(ctx, client_id, path, program_id=chosen, lang=lang)

        def finished(result: object) -> None:
            self._writing_done()
            assert isinstance(result, svc.HandoutResult)
            notes = "; ".join(result.warnings)
            self._say(f"Handout written ({lang})" + (f" — note: {notes}" if notes else ""))
            then()

        def failed(error: object) -> None:
            self._writing_done()
            if temp is not None:
                temp.remove()
            self._say(f"⚠ Handout not written: {svc.describe(error)}")

        call = BackgroundCall(work, self)
        call.finished.connect(finished)
        call.failed.connect(failed)
        self.writing = call
        self._say("Writing the handout…")
        for button in self._handout_buttons():
            button.setEnabled(False)
        call.start()
        return True

    def _handout_buttons(self) -> tuple[QPushButton, ...]:
        return (self.preview_button, self.print_button, self.pdf_button)

    def _writing_done(self) -> None:
        self.writing = None
        for button in self._handout_buttons():
            button.setEnabled(self.can_print)

    def save_handout_pdf(self) -> bool:
        """Writes the handout to a PDF file chosen by the user (in the background)."""
        lang = str(self.language.currentData())
        suggested = f"{self.client.chart_number}_home_program_{lang}.pdf"
        path = print_support.save_file_name(
            self, self.store, HANDOUT_FOLDER_KEY, "Save handout PDF", suggested
        )
        if path is None:
            return False
        problem = print_support.folder_problem(path.parent)
        if problem:
            self._say(f"⚠ {problem}")
            return False
        return self._write_handout(path, lambda: self._say(f"Saved {path}"))

    def preview_handout(self) -> bool:
        """Shows the handout in a print preview (printing from there)."""
        temp = print_support.TempPdf("handout")

        def show() -> None:
            self.preview_dialog = print_support.open_preview(temp, self, "Handout preview")
            if self.preview_dialog is None:
                self._say("The handout opened in your PDF viewer (no renderer for a preview).")

        return self._write_handout(temp.path, show, temp)

    def print_handout(self) -> bool:
        """Writes the handout, then the print dialog (printer, page range) and prints it (Ctrl+P).
        False when nothing was started (the user declined to save, or a handout is being
        written)."""
        temp = print_support.TempPdf("handout")
        return self._write_handout(temp.path, lambda: self._print_written(temp), temp)

    def _print_written(self, temp: print_support.TempPdf) -> None:
        def record(printer: str, pages: int) -> None:
            svc.record_printed(self.ctx, "handout", [self.client_id], printer=printer, pages=pages)

        try:
            self._say(
                print_support.print_with_dialog(
                    self, self.store, temp.path, "Print handout", record, " of the handout"
                )
            )
        finally:
            temp.remove()

    # -- closing ---------------------------------------------------------------------------

    def reject(self) -> None:
        # Escape, Close and the window's close button all come here (QDialog.closeEvent).
        if self.dirty and self.can_write and self.model.items:
            answer = QMessageBox.question(
                self,
                "Unsaved program",
                "Save the program before closing?",
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and self.save() is None:
                return
        super().reject()


__all__ = ["ProgramBuilder", "ProgramModel", "drill_pixmap"]
