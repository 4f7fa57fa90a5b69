"""The measure grid's view and cell editor: Tab and Enter walk the cells row by row, arrows
leave an untouched editor, P toggles painful, Delete clears."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from mobileathlete_desktop.ui.measure_grid.model import MeasureGridModel

PAIN_KEY = Qt.Key.Key_P
_WIDTHS: dict[tuple[object, ...], dict[tuple[str, bool, bool], int]] = {}
"""Cell widths measured so far, by look (style, font, screen) then (text, italics, centred)."""
_WIDTHS_KEPT = 4000  # a look's widths are measured afresh beyond this many texts
ARROWS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)


class _EnterMovesOn(QStyledItemDelegate):
    """Enter, like Tab, stores the value and moves on; arrows and undo leave a cell editor.

    After Tab the next cell's editor is already open; if nothing was typed in it yet, an
    arrow key moves to another cell and Ctrl+Z undoes the last saved value, as a
    therapist expects, instead of acting inside the empty editor.
    """

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        """Fills a cell editor from the model, except while a value is typed in it: the cell's
        findings or another cell of its row repainted meanwhile never replace (or unselect)
        what is being typed ("1", a repaint, "02" stored 10102 before)."""
        if isinstance(editor, QLineEdit):
            if editor.isModified():
                return
            value = index.data(Qt.ItemDataRole.EditRole)
            text = "" if value is None else str(value)
            if editor.text() != text:
                editor.setText(text)
                editor.selectAll()  # typing replaces it, as when the editor opened
            return
        super().setEditorData(editor, index)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        view = self.parent()
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and isinstance(editor, QWidget)
            and isinstance(view, MeasureGridView)
        ):
            forward = event.key() == Qt.Key.Key_Tab and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            if not view.has_cell_after(forward):
                # Tab past the last cell stores the value and leaves the grid (it used to
                # stay, so the next answers typed overwrote this cell).
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                view.leave(forward)
                return True
        if isinstance(editor, QLineEdit) and isinstance(event, QKeyEvent):
            untouched = not editor.isModified()
            if (
                event.type() == QEvent.Type.ShortcutOverride
                and untouched
                and (
                    event.matches(QKeySequence.StandardKey.Undo)
                    or event.matches(QKeySequence.StandardKey.Redo)
                    or QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+Shift+Z")
                )
            ):
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
                event.ignore()
                return True
            if event.type() == QEvent.Type.KeyPress and event.key() in ARROWS:
                vertical = event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
                if untouched or vertical:
                    if not untouched:
                        self.commitData.emit(editor)
                    self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                    view = self.parent()
                    if isinstance(view, QWidget):
                        QApplication.sendEvent(
                            view, QKeyEvent(event.type(), event.key(), event.modifiers())
                        )
                    return True
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(editor, QWidget)
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
            return True
        return super().eventFilter(editor, event)


class MeasureGridView(QTableView):
    """The grid's view: Tab/Enter walk the cells row by row, P toggles painful, Delete clears."""

    def __init__(self, model: MeasureGridModel, accessible_name: str) -> None:
        super().__init__()
        self.grid = model
        self.setModel(model)
        self.setAccessibleName(accessible_name)
        self.setItemDelegate(_EnterMovesOn(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setTabKeyNavigation(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        # Fitted here, not by the header (ResizeToContents): the header measured every row of
        # every column again at each repainted cell, 2-5 ms a save on the UI thread.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        if model.columns:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(90)
        self.setWordWrap(False)
        self._fit_wanted = True
        model.modelReset.connect(self.fit_columns)  # the values loaded: measured once
        model.dataChanged.connect(self._widen_for)

    def fit_columns(self) -> None:
        """Sizes the columns (the first stretches) to their contents once the values are
        loaded; a grid on a tab not shown yet is measured when it first shows.

        The widths Qt's resizeColumnToContents gives (the widest cell as the delegate sizes
        it, the grid line, at least the header's hint), but each text is measured once per
        style and font (`_cell_width`): Qt asked the model for eight roles of every cell
        of every column, ~600 calls into Python on the runner screen's range of motion tab,
        the largest part of the window's opening turn (issue 22)."""
        self._fit_wanted = not self.isVisible()
        if self._fit_wanted:
            return
        self.ensurePolished()
        header = self.horizontalHeader()
        rows = [r for r in range(self.grid.rowCount()) if not self.isRowHidden(r)]
        grid_line = 1 if self.showGrid() else 0
        widths = self._widths()
        for c in range(1, self.grid.columnCount()):
            content = max((self._cell_width(r, c, widths) for r in rows), default=0) + grid_line
            header.resizeSection(
                c, max(content, 0 if header.isHidden() else header.sectionSizeHint(c))
            )

    def _widths(self) -> dict[tuple[str, bool, bool], int]:
        """The cell widths measured so far for the view's style, font and screen."""
        look = (
            self.style().name(),
            self.font().key(),
            self.devicePixelRatioF(),
            self.logicalDpiX(),
        )
        widths = _WIDTHS.get(look)
        if widths is None or len(widths) > _WIDTHS_KEPT:
            widths = _WIDTHS[look] = {}
        return widths

    def _cell_width(
        self, row: int, column: int, widths: dict[tuple[str, bool, bool], int] | None = None
    ) -> int:
        """The width the delegate's sizeHint gives the cell, from its text and font (the only
        roles that size a cell of this model), measured by the style once per text."""
        text, italic = self.grid.shown_text(row, column)
        centred = self.grid.columns[column].info is None
        if widths is None:
            widths = self._widths()
        found = widths.get((text, italic, centred))
        if found is None:
            # The option QStyledItemDelegate.initStyleOption makes from the cell's roles.
            option = QStyleOptionViewItem()
            self.initViewItemOption(option)
            if italic:
                font = QFont(option.font)
                font.setItalic(True)
                option.font = font
                option.fontMetrics = QFontMetrics(font)
            if centred:
                option.displayAlignment = Qt.AlignmentFlag.AlignCenter
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
            option.text = text
            item = QStyle.ContentsType.CT_ItemViewItem
            found = self.style().sizeFromContents(item, option, QSize(), self).width()
            widths[(text, italic, centred)] = found
        return found

    def showEvent(self, event: QShowEvent) -> None:
        if self._fit_wanted:
            self.fit_columns()
        super().showEvent(event)

    def _widen_for(self, top_left: QModelIndex, bottom_right: QModelIndex, *_roles: Any) -> None:
        """Widens a column whose repainted cells no longer fit (markers added), measuring
        only those cells; a column never narrows while values are typed."""
        if self._fit_wanted:
            return  # not shown yet: measured as a whole when it shows
        widths = self._widths()
        for c in range(max(top_left.column(), 1), bottom_right.column() + 1):
            needed = max(
                self._cell_width(r, c, widths)
                for r in range(top_left.row(), bottom_right.row() + 1)
            )
            needed += 1 if self.showGrid() else 0  # as Qt counts the grid line
            if needed > self.columnWidth(c):
                self.setColumnWidth(c, needed)

    def _editable_cells(self) -> list[QModelIndex]:
        model = self.grid
        return [model.index(r, c) for r, c in model.positions]

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        action = QAbstractItemView.CursorAction
        if cursorAction in (action.MoveNext, action.MovePrevious):
            # The editable cells' positions, in order: only the cell moved to is made an
            # index (Enter after each value made one per cell of the grid, ~2 ms of the UI
            # thread on the runner screen).
            positions = self.grid.positions
            current = self.currentIndex()
            here = (current.row(), current.column()) if current.isValid() else (-1, -1)
            if cursorAction == action.MoveNext:
                found = next((pos for pos in positions if pos > here), None)
            else:
                found = next((pos for pos in reversed(positions) if pos < here), None)
            return QModelIndex() if found is None else self.grid.index(*found)
        return super().moveCursor(cursorAction, modifiers)

    def has_cell_after(self, forward: bool) -> bool:
        """Whether Tab (forward) or Shift+Tab has an editable cell to go to in this grid."""
        action = QAbstractItemView.CursorAction
        step = action.MoveNext if forward else action.MovePrevious
        return self.moveCursor(step, Qt.KeyboardModifier.NoModifier).isValid()

    def leave(self, forward: bool) -> None:
        """Gives the focus to the next (or previous) widget of the window."""
        # QWidget's own focus chain: the view's override would try the cells again.
        QWidget.focusNextPrevChild(self, forward)

    def first_empty_cell(self) -> QModelIndex | None:
        """The first editable cell with no value yet (None when every cell is filled)."""
        for index in self._editable_cells():
            key = self.grid.key(index)
            if key is not None and self.grid.values.get(key) is None:
                return index
        return None

    # Qt's item view repaints its whole viewport when it gains or loses focus (the selection's
    # active and inactive colours): typing a value gives focus to the cell's editor and Enter
    # takes it back, so every entry repainted every visible cell twice (~1,000 calls of the
    # model's data(), ~16 ms of the UI thread per value, contending with the save). Only the
    # current and selected cells look different with focus: those are repainted.

    def focusInEvent(self, event: Any) -> None:
        QAbstractScrollArea.focusInEvent(self, event)
        current = self.currentIndex()
        if not current.isValid():
            cells = self._editable_cells()
            if cells:
                self.setCurrentIndex(cells[0])
            current = self.currentIndex()
        self.setAttribute(
            Qt.WidgetAttribute.WA_InputMethodEnabled,
            current.isValid() and bool(current.flags() & Qt.ItemFlag.ItemIsEditable),
        )
        self._repaint_focus_cells()

    def focusOutEvent(self, event: Any) -> None:
        QAbstractScrollArea.focusOutEvent(self, event)
        self._repaint_focus_cells()

    def _repaint_focus_cells(self) -> None:
        for index in (self.currentIndex(), *self.selectedIndexes()):
            if index.isValid():
                self.update(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        key = self.grid.key(self.currentIndex())
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if not editing and key is not None and plain:
            if event.key() == PAIN_KEY:
                self.grid.pain_requested.emit(key)
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                # Also when signed: the editor answers with why nothing changes.
                self.grid.edit_requested.emit(key, "")
                return
            if self.grid.read_only and event.text().isprintable() and event.text().strip():
                self.grid.edit_requested.emit(key, event.text())
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.grid.retry(key):  # a value that was not stored: Enter tries again
                    return
                nxt = self.moveCursor(QAbstractItemView.CursorAction.MoveNext, event.modifiers())
                if nxt.isValid():
                    self.setCurrentIndex(nxt)
                return
        super().keyPressEvent(event)
