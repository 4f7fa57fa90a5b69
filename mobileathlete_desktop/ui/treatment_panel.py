"""The visit's treatment: what the clinic did (mobilisation, soft tissue, neuromuscular
re-education, cues), entered by keyboard and saved at once.

One entry row (kind, joint or region, direction or technique, grade, side, minutes, note):
Enter adds the treatment, or saves the one being changed. In the list below, Enter or F2
takes a treatment back into the entry row to change it, Delete removes it. A refused entry
or a save the database could not take is said under the entry row, and what was typed stays
there to try again. A signed visit shows its treatments read-only.

Saves go through the service as they are made, like the editor's other parts (values,
findings), on the UI thread: one small transaction each.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.domain.treatments import (
    InvalidTreatment,
    TreatmentRecord,
    grade_label,
    kind_label,
    method_label,
    side_label,
    site_label,
)
from mobileathlete_desktop.services import treatments as treatment_service
from mobileathlete_desktop.services.context import ConflictError, InputError, ServiceContext
from mobileathlete_desktop.services.session import DatabaseError
from mobileathlete_desktop.ui import focus_chain
from mobileathlete_desktop.ui.built_when_shown import BuiltWhenShown
from mobileathlete_desktop.ui.measure_grid.markers import window_lang
from mobileathlete_desktop.ui.refusals import refusal_text
from mobileathlete_desktop.ui.treatment_entry import TreatmentEntryRow, popup_open

COLUMNS = 6  # kind, where, how, grade, minutes, note
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class TreatmentPanel(BuiltWhenShown, QWidget):
    """The entry row, the visit's treatments, and what went wrong (the error line)."""

    saved = Signal()  # a treatment was added, changed or removed

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.assessment_id: int | None = None
        self.treatments: tuple[TreatmentRecord, ...] = ()
        self.editing: TreatmentRecord | None = None
        self.read_only = False
        self._built = False

    # -- built when first shown ------------------------------------------------------------

    def build(self) -> None:
        """Builds the entry row and the list, and shows the visit's treatments (read now).

        The Treatment tab is never the one an editor opens on: built with the window, its
        widgets and its read of the visit's treatments added 5-10 ms (and a request to a
        clinic server) to the freeze of opening the runner screen. So it is built when the
        tab is first shown, or when anything of it is asked for (a test, `unsaved`)."""
        if self._built:
            return
        self._built = True
        self._build_widgets()
        if self.isVisible():  # built from showEvent: Qt would show the widgets a turn later
            for widget in self.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            ):
                if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
                    widget.show()
        if self.assessment_id is not None:
            self._show_visit_built()

    def _build_widgets(self) -> None:
        self.entry_row = TreatmentEntryRow()
        self.entry_row.add_button.clicked.connect(self.submit)
        self.entry_row.cancel_button.clicked.connect(self.cancel_change)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setAccessibleName(self.tr("Treatment not saved"))
        self.error.hide()
        self.hint = QLabel(
            self.tr(
                "Enter adds the treatment. In the list: Enter or F2 changes a treatment, "
                "Delete removes it."
            )
        )
        self.hint.setWordWrap(True)

        self.table = QTableWidget(0, COLUMNS)
        self.table.setAccessibleName(self.tr("Treatments given in this visit"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("Joint / region"),
                self.tr("Direction / technique / cue"),
                self.tr("Grade"),
                self.tr("Minutes"),
                self.tr("Note"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.change_selected())

        layout = QVBoxLayout(self)
        layout.addWidget(self.entry_row)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        # Tab goes through the entry as it reads (kind, where, how, grade, side, minutes,
        # note), not in the order the two lines were laid out; in the window's Tab order
        # where they were when made with the panel (made when first shown: see build).
        row = self.entry_row
        focus_chain.in_place(
            self, [*row.entry_widgets, row.add_button, row.cancel_button, self.table]
        )

        for entry_widget in row.entry_widgets:
            entry_widget.installEventFilter(self)
        for box in (row.site, row.method):
            edit = box.lineEdit()
            assert edit is not None
            edit.installEventFilter(self)
        self.table.installEventFilter(self)

    # -- showing a visit -------------------------------------------------------------------

    def show_visit(self, assessment_id: int, *, read_only: bool) -> None:
        """Lists the visit's treatments (read-only when it is signed); before the panel is
        built, its build reads and lists them."""
        changed_visit = assessment_id != self.assessment_id
        self.assessment_id = assessment_id
        self.read_only = read_only
        if not self._built:
            return
        if changed_visit:
            self.cancel_change()
        self._show_visit_built()

    def _show_visit_built(self) -> None:
        read_only = self.read_only
        self._hide_error()
        self.reload()
        self.entry_row.set_read_only(read_only)
        self.hint.setVisible(not read_only)

    def reload(self) -> None:
        """Reads the visit's treatments again and shows them."""
        if self.assessment_id is None:
            return
        try:
            self.treatments = treatment_service.list_treatments(self.ctx, self.assessment_id)
        except DatabaseError as exc:
            self._show_error(refusal_text(exc))
            return
        lang = window_lang()
        self.table.setRowCount(len(self.treatments))
        for r, t in enumerate(self.treatments):
            where = " ".join(
                p for p in (site_label(t.kind, t.site, lang), side_label(t.side, lang)) if p
            )
            cells = (
                kind_label(t.kind, lang),
                where,
                method_label(t.kind, t.method, lang) if t.method else "",
                grade_label(t.grade),
                "" if t.minutes is None else str(t.minutes),
                t.note,
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)

    # -- saving the entry row --------------------------------------------------------------

    def submit(self) -> None:
        """Adds the entry row's treatment (or saves the one being changed)."""
        if self.assessment_id is None:
            return
        if self.read_only:
            self._show_error(self.tr("This assessment is signed: add an addendum to correct it"))
            return
        try:
            entry = self.entry_row.entry()
        except InvalidTreatment as exc:
            self._show_error(str(exc))
            return
        changing, assessment_id = self.editing, self.assessment_id

        def store() -> None:
            if changing is None:
                treatment_service.add_treatment(self.ctx, assessment_id, entry)
            else:
                treatment_service.update_treatment(
                    self.ctx, assessment_id, changing.id, entry, expected=changing.entry
                )

        stored = self._ran(
            store,
            conflict=self.tr(
                "This treatment was changed or removed elsewhere meanwhile: the list now "
                "shows what is stored. Yours was not saved."
            ),
            # Nothing was stored: what was typed stays in the row for Enter to try again.
            failed=self.tr("{reason} — not stored; press Enter to try again."),
            before_reload=self.cancel_change,
        )
        if not stored:
            return
        self._hide_error()
        self.editing = None
        self.entry_row.show_editing(False)
        self.entry_row.clear_details()
        self.reload()
        self.saved.emit()
        self.entry_row.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    def unsaved(self) -> bool:
        """Whether a treatment is typed in the entry row (or being changed) but not saved."""
        if not self._built:
            return False  # nothing typed: the entry row was never shown
        return not self.read_only and (self.editing is not None or self.entry_row.typed())

    # -- changing and removing listed treatments -------------------------------------------

    def _selected(self) -> TreatmentRecord | None:
        row = self.table.currentRow()
        return self.treatments[row] if 0 <= row < len(self.treatments) else None

    def change_selected(self) -> None:
        """Takes the selected treatment into the entry row, to change it."""
        chosen = self._selected()
        if chosen is None or self.read_only:
            return
        self.editing = chosen
        self.entry_row.load(chosen)
        self.entry_row.show_editing(True)
        self.entry_row.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel_change(self) -> None:
        """Leaves the treatment being changed as it is stored and empties the entry row."""
        if self.editing is not None:
            self.editing = None
            self.entry_row.clear_details()
        self.entry_row.show_editing(False)

    def remove_selected(self) -> None:
        """Removes the selected treatment (refused when it changed elsewhere meanwhile)."""
        chosen = self._selected()
        if chosen is None or self.assessment_id is None:
            return
        if self.read_only:
            self._show_error(self.tr("This assessment is signed: add an addendum to correct it"))
            return
        row, assessment_id = self.table.currentRow(), self.assessment_id
        removed = self._ran(
            lambda: treatment_service.remove_treatment(
                self.ctx, assessment_id, chosen.id, expected=chosen.entry
            ),
            conflict=self.tr(
                "This treatment was changed or removed elsewhere meanwhile: the list now "
                "shows what is stored. Nothing was removed."
            ),
            failed=self.tr("{reason} — not removed; press Delete to try again."),
        )
        if not removed:
            return
        if self.editing is not None and self.editing.id == chosen.id:
            self.cancel_change()
        self._hide_error()
        self.reload()
        self.table.selectRow(min(row, self.table.rowCount() - 1))
        self.saved.emit()

    # -- what went wrong -------------------------------------------------------------------

    def _ran(
        self,
        call: Callable[[], object],
        *,
        conflict: str,
        failed: str,
        before_reload: Callable[[], None] | None = None,
    ) -> bool:
        """Runs a save or removal; False after saying, under the row, why it did not happen:
        changed elsewhere (`conflict`, the list reloaded), refused (the service's words), or
        not stored (`failed`, with the storage error's sentence as {reason})."""
        try:
            call()
        except ConflictError:
            if before_reload is not None:
                before_reload()
            self.reload()
            self._show_error(conflict)
            return False
        except (InputError, PermissionError) as exc:
            self._show_error(refusal_text(exc))
            return False
        except DatabaseError as exc:
            self._show_error(failed.format(reason=refusal_text(exc)))
            return False
        return True

    def _show_error(self, text: str) -> None:
        self.error.setText("⚠ " + text)
        self.error.show()

    def _hide_error(self) -> None:
        self.error.clear()
        self.error.hide()

    # -- keys ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.table:
                if key == Qt.Key.Key_Delete:
                    self.remove_selected()
                    return True
                if key in (*ENTER_KEYS, Qt.Key.Key_F2):
                    self.change_selected()
                    return True
            elif key in ENTER_KEYS and not popup_open(watched):
                self.submit()
                return True
            elif key == Qt.Key.Key_Escape and self.editing is not None:
                self.cancel_change()
                return True
        return super().eventFilter(watched, event)
