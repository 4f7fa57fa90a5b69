"""The assessment editor window: the header form (title, template, sign, addendum, banner),
the parts on its tabs and the live findings beside them, signing and addenda."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QWidget,
)

from mobileathlete_desktop.domain.records import AssessmentRecord, ClientRecord
from mobileathlete_desktop.services import assessments as assessment_service
from mobileathlete_desktop.services import templates as template_service
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.ui.assessment_commands import sign_question
from mobileathlete_desktop.ui.assessment_editor.entries import EditorEntries
from mobileathlete_desktop.ui.assessment_editor.opening import (
    EditorOpening,
    read_opening,
)
from mobileathlete_desktop.ui.assessment_editor.opening import take as take_opening
from mobileathlete_desktop.ui.assessment_editor.parts import EditorParts
from mobileathlete_desktop.ui.forms import child, load_form
from mobileathlete_desktop.ui.lefs_panel import LefsPanel
from mobileathlete_desktop.ui.live_findings import LiveFindingsPanel, put_beside
from mobileathlete_desktop.ui.measure_grid.markers import cell_words, hint_text, window_lang
from mobileathlete_desktop.ui.measure_grid.model import MeasureGridModel
from mobileathlete_desktop.ui.measure_grid.view import MeasureGridView
from mobileathlete_desktop.ui.motor_control_panel import MotorControlPanel
from mobileathlete_desktop.ui.psfs_panel import PsfsPanel
from mobileathlete_desktop.ui.refusals import refusal_text
from mobileathlete_desktop.ui.screen_fit import fit_to_screen, scroll_tab_pages, scrolling
from mobileathlete_desktop.ui.template_editor import template_name
from mobileathlete_desktop.ui.treatment_panel import TreatmentPanel

DEFAULT_TEMPLATE = "runner_screen"


class AssessmentEditor(QWidget):
    """One assessment in its own window; no Save button — every entry is saved at once."""

    changed = Signal(int)  # assessment id: something was saved (the client page refreshes)
    addendum_created = Signal(int)  # id of the new addendum now shown
    closed = Signal(int)

    def __init__(self, ctx: ServiceContext, assessment_id: int) -> None:
        super().__init__()
        self.ctx = ctx
        self.assessment_id = assessment_id
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        form = load_form("assessment_editor", self)
        self.title = child(form, QLabel, "title")
        self.template_combo = child(form, QComboBox, "template")
        self.show_last = child(form, QCheckBox, "show_last")
        self.sign_button = child(form, QPushButton, "sign")
        self.addendum_button = child(form, QPushButton, "addendum")
        self.banner = child(form, QLabel, "banner")
        self.tabs = child(form, QTabWidget, "tabs")
        self.hint = child(form, QLabel, "hint")
        self.status = child(form, QLabel, "status")
        self.hint.setText(hint_text())
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        # On a narrow screen (150% on 1366x768) the title wraps onto a second line rather than
        # being cut mid-word; it never makes the window wider than the screen.
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.title.setMinimumWidth(1)
        self.title.setWordWrap(True)
        # The title takes the header's free room (not shared with its spacer), so it wraps
        # only when the screen is really too narrow for it.
        header = form.findChild(QHBoxLayout, "header")
        if header is not None:
            header.setStretchFactor(self.title, 1)
        scroll_tab_pages(self.tabs)
        # What has been typed, interpreted after each save, beside the grid (issue 17).
        self.live_findings = LiveFindingsPanel(ctx)
        self.live_findings.interpreted.connect(self._show_interpretation)
        self.said = 0  # status lines shown so far
        self.error_said = 0  # the number of the last one that was an error
        self.record_is_current = False
        """Set while `changed` is emitted for a grid save: `record` holds what it stored."""
        self.changed.connect(self._refresh_findings)
        self.findings_split = put_beside(self.tabs, self.live_findings)
        fit_to_screen(self, QSize(1500, 780))

        self.undo_stack = QUndoStack(self)
        undo = QAction(self.tr("Undo"), self, shortcut=QKeySequence("Ctrl+Z"))
        undo.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        undo.triggered.connect(self.undo_stack.undo)
        redo = QAction(self.tr("Redo"), self)
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        redo.triggered.connect(self.undo_stack.redo)
        self.addActions([undo, redo])

        self.record: AssessmentRecord
        self.client: ClientRecord
        self.entries = EditorEntries(self)
        self.parts = EditorParts(self)
        self.notes.textChanged.connect(self.entries.notes_timer.start)
        self._focus_placed = False

        opening = take_opening(assessment_id)  # read off the UI thread by the client page
        self.templates = (
            list(opening.templates) if opening else template_service.list_templates(ctx)
        )
        for t in self.templates:
            self.template_combo.addItem(template_name(t), t.code)
        self.template_combo.activated.connect(self._template_chosen)
        self.show_last.toggled.connect(self._show_last_toggled)
        self.sign_button.clicked.connect(self.sign)
        self.addendum_button.clicked.connect(self.add_addendum)
        # The treatment given (issue 18): its own tab, added before the parts choose Alt-letters.
        self.treatment = TreatmentPanel(ctx)
        self.treatment.saved.connect(lambda: self.changed.emit(self.assessment_id))
        # In a scroll area as the other pages are: on a short screen it scrolls, never squeezed.
        self.treatment_page = scrolling(self.treatment)
        self.tabs.addTab(self.treatment_page, self.tr("Tre&atment"))
        # Angles from photos and video (issue 19): a window of its own, aimed at the cell in focus.
        self.media_window: Any = None
        self.media_button = QPushButton(self.tr("Image/video…"))
        self.media_button.setToolTip(
            self.tr("Measure an angle or a distance on a photo or a video (Ctrl+Shift+I)")
        )
        self.media_button.clicked.connect(self.open_media)
        media_key = QAction(self, shortcut=QKeySequence("Ctrl+Shift+I"))
        media_key.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        media_key.triggered.connect(self.open_media)
        self.addAction(media_key)
        # The home program's check-in at this visit (issue 20): the returned tracker typed in.
        self.checkin_button = QPushButton(self.tr("Check-in…"))
        self.checkin_button.setToolTip(
            self.tr(
                "Type in the home program's returned tracker: sessions done, pain, EARS "
                "(Ctrl+Shift+K)"
            )
        )
        self.checkin_button.clicked.connect(self.open_checkin)
        checkin_key = QAction(self, shortcut=QKeySequence("Ctrl+Shift+K"))
        checkin_key.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        checkin_key.triggered.connect(self.open_checkin)
        self.addAction(checkin_key)
        # Beside the tabs, not in the header: the header already fills a 150 %-scaled screen.
        corner = QWidget()
        corner_row = QHBoxLayout(corner)
        corner_row.setContentsMargins(0, 0, 0, 0)
        corner_row.addWidget(self.checkin_button)
        corner_row.addWidget(self.media_button)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        # Only once in the window: shown before, the button was a window of its own for a
        # moment (made, laid out and painted: ~7 ms of the opening, a flash on screen).
        self.checkin_button.setVisible(ctx.actor.can("programs.write"))
        self.reload(opening)

    # -- hooks a test may replace (pytest-qt's advice for modal questions) ------------------

    @classmethod
    def confirm(cls, parent: QWidget, text: str) -> bool:
        """Asks a yes/no question."""
        answer = QMessageBox.question(parent, "Mobile Athlete", text)
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def ask_reason(cls, parent: QWidget) -> str | None:
        """Asks why an addendum is needed; None when cancelled."""
        text, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("AssessmentEditor", "Addendum"),
            QCoreApplication.translate("AssessmentEditor", "Reason for the correction:"),
        )
        return text if ok else None

    # -- loading ---------------------------------------------------------------------------

    def reload(self, opening: EditorOpening | None = None) -> None:
        """Reads the assessment again and shows it (the draft resumes where it was left);
        with `opening`, shows what was just read for it instead."""
        self.entries.flush_saves()  # the grid's saves still queued are stored first
        if opening is None or opening.record.id != self.assessment_id:
            opening = read_opening(self.ctx, self.assessment_id, templates=False)
        self.record = opening.record
        self.client = opening.client
        previous = opening.previous
        self.entries.psfs_offer_read = (
            (self.assessment_id, opening.psfs_offer) if opening.psfs_offer_read else None
        )
        code = self.record.template or DEFAULT_TEMPLATE
        template = next((t for t in self.templates if t.code == code), None)
        codes = template.measures if template else tuple(m.code for m in self.ctx.catalogue)
        index = self.template_combo.findData(code)
        self.template_combo.setCurrentIndex(max(index, 0))
        if codes != self.parts.layout_codes:
            self.parts.build(codes)
        self.parts.load(self.record, previous)
        self.entries.notes_saved = self.record.notes
        self.parts.show_computed(self.record)
        self._show_state()
        self.treatment.show_visit(self.assessment_id, read_only=self.read_only)
        self.live_findings.refresh(self.assessment_id)

    def _refresh_findings(self, assessment_id: int) -> None:
        # A grid save keeps `record` as stored: interpreted as it is, the visit not read again.
        self.live_findings.refresh(assessment_id, self.record if self.record_is_current else None)

    def _show_interpretation(self, result: Any) -> None:
        # The grids built so far: one built later takes the panel's result as it is made.
        for grid in self.parts.built_grids:
            grid.set_interpretation(result)

    # -- the parts, by the names the editor has always had ----------------------------------

    @property
    def grids(self) -> list[MeasureGridModel]:
        """The measure grids shown, in tab order."""
        return self.parts.grids

    @property
    def views(self) -> list[MeasureGridView]:
        """The views of the measure grids, in the order of `grids`."""
        return self.parts.views

    @property
    def motor(self) -> MotorControlPanel | None:
        """The motor control tests, when the template has any."""
        return self.parts.motor

    @property
    def lefs(self) -> LefsPanel | None:
        """The LEFS questionnaire, when the template has it."""
        return self.parts.lefs

    @property
    def psfs(self) -> PsfsPanel | None:
        """The PSFS, when the template has it."""
        return self.parts.psfs

    @property
    def notes(self) -> QPlainTextEdit:
        """The free-text notes."""
        return self.parts.notes

    @property
    def composite_label(self) -> QLabel:
        """The Y-balance composite line."""
        return self.parts.composite_label

    @property
    def fms_total_label(self) -> QLabel:
        """The movement screen total line."""
        return self.parts.fms_total_label

    # -- state -----------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        """Whether the assessment is signed (and so locked)."""
        return self.record.status == "signed"

    def _show_state(self) -> None:
        r = self.record
        kind = self._kind_words(r.kind)
        self.title.setText(
            f"{self.client.full_name} · {self.client.chart_number} — {kind}, "
            f"{r.date.isoformat()} · {r.therapist}"
        )
        self.setWindowTitle(f"{kind} {r.date.isoformat()} — {self.client.full_name}")
        if r.status == "signed":
            when = r.signed_at.strftime("%Y-%m-%d %H:%M") if r.signed_at else ""
            text = self.tr(
                "Signed by {name} on {when} UTC — read-only. "
                "To correct it, add an addendum (Alt+D); this signed version stays as it is."
            ).format(name=r.signed_by, when=when)
        else:
            text = self.tr(
                "✎ Draft — every entry is saved as you type; "
                "close at any time and reopen to continue."
            )
        if r.addendum_of is not None:
            original = assessment_service.get_assessment(self.ctx, r.addendum_of)
            when = original.signed_at.strftime("%Y-%m-%d %H:%M") if original.signed_at else ""
            text += "  " + self.tr(
                "Addendum to the assessment of {date} signed by {name} on {when} UTC, "
                "which is kept unchanged."
            ).format(date=original.date.isoformat(), name=original.signed_by, when=when)
            reason = assessment_service.addendum_reason(self.ctx, r.id)
            if reason:
                text += " " + self.tr("Reason: “{reason}”.").format(reason=reason)
        self.banner.setText(text)
        locked = self.read_only
        self.parts.set_read_only(locked)
        self.template_combo.setEnabled(not locked)
        self.sign_button.setEnabled(not locked)
        self.addendum_button.setEnabled(locked)

    def _kind_words(self, kind: str) -> str:
        """The kind of visit as the title names it ("Initial assessment")."""
        words = {
            "initial": self.tr("Initial assessment"),
            "reassessment": self.tr("Reassessment"),
            "discharge": self.tr("Discharge assessment"),
            "screen": self.tr("Screen assessment"),
            "addendum": self.tr("Addendum"),
        }
        return words.get(kind, f"{kind.capitalize()} assessment")

    def say(self, text: str, *, error: bool = False) -> None:
        """Shows a one-line status under the sections."""
        self.said += 1
        if error:
            self.error_said = self.said
        self.status.setText(("⚠ " if error else "✓ ") + text)
        self.status.setStyleSheet("color: #b00020;" if error else "")

    def save_notes(self) -> None:
        """Saves the notes if they changed since the last save."""
        self.entries.save_notes()

    # -- header actions --------------------------------------------------------------------

    def _template_chosen(self, index: int) -> None:
        code = self.template_combo.itemData(index)
        if self.read_only or code == (self.record.template or DEFAULT_TEMPLATE):
            return
        self.entries.flush_saves()
        assessment_service.set_template(self.ctx, self.assessment_id, code)
        self.reload()
        self.say(
            self.tr("Template: {name} (values already entered are kept)").format(
                name=self.template_combo.currentText()
            )
        )

    def _show_last_toggled(self, show: bool) -> None:
        for grid in self.parts.built_grids:  # one built later takes the box's state
            grid.set_show_previous(show)

    def sign(self) -> None:
        """Signs and locks the assessment after a confirmation (the grid's saves still queued
        are stored first)."""
        self.entries.flush_saves()
        self.save_notes()
        if self.motor is not None:
            self.motor.flush()
        lang = window_lang()
        not_stored = [
            cell_words(self.ctx.catalogue[key.code].label_in(lang), key.side, key.mode)
            for grid in self.grids
            for key in grid.errors
        ]
        if self.treatment.unsaved():
            not_stored.append(self.tr("the treatment typed on the Treatment tab (Enter adds it)"))
        empty = assessment_service.empty_parts(self.ctx, self.assessment_id)
        if not self.confirm(self, sign_question(empty, not_stored)):
            return
        try:
            assessment_service.sign_assessment(self.ctx, self.assessment_id)
        except (InputError, PermissionError) as exc:
            self.say(refusal_text(exc), error=True)
            return
        self.undo_stack.clear()
        self.reload()
        self.say(self.tr("Signed by {name}").format(name=self.record.signed_by))
        self.changed.emit(self.assessment_id)

    def add_addendum(self) -> None:
        """Starts an addendum to this signed assessment and shows it in this window."""
        reason = self.ask_reason(self)
        if reason is None:
            return
        try:
            addendum = assessment_service.create_addendum(self.ctx, self.assessment_id, reason)
        except (InputError, PermissionError) as exc:
            self.say(refusal_text(exc), error=True)
            return
        self.assessment_id = addendum.id
        self.undo_stack.clear()
        self.reload()
        self.say(self.tr("Addendum started: correct the values, then sign it"))
        self.addendum_created.emit(addendum.id)
        self.changed.emit(addendum.id)

    def open_checkin(self) -> Any:
        """The check-in of the client's latest home program (or one found by its code), typed
        from the returned sheet at this visit; returns the check-in saved, or None."""
        from mobileathlete_desktop.ui import service_adapter as svc
        from mobileathlete_desktop.ui.program_builder.checkin_dialog import CheckinDialog

        if not self.ctx.actor.can("programs.write"):
            return None
        dialog = CheckinDialog(self.ctx, self.record.client_id, svc.exercise_library(), self)
        self.checkin_dialog = dialog
        if dialog.program is None:  # no program saved yet: said in the status line
            self.say(dialog.status.text(), error=True)
            dialog.deleteLater()
            return None
        dialog.exec()
        saved = dialog.saved
        dialog.deleteLater()
        if saved is not None:
            self.say(self.tr("Home program check-in saved (self-report)"))
        return saved

    def open_media(self) -> None:
        """The Image/video window on this visit (issue 19), aimed at the grid cell in focus."""
        from mobileathlete_desktop.ui.media.window import MediaWindow

        cell = next(
            (
                (key.code, key.side, key.mode)
                for view, grid in zip(self.views, self.grids, strict=True)
                if view.isVisible() and (key := grid.key(view.currentIndex()))
            ),
            None,
        )
        media = self.media_window
        if media is None or media.assessment_id != self.assessment_id:
            if media is not None:
                media.close()
            media = MediaWindow(self.ctx, self.assessment_id, cell, parent=self)
            media.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            media.destroyed.connect(lambda: setattr(self, "media_window", None))
            media.saved.connect(self._media_saved)
            self.media_window = media
        elif cell is not None:
            media.choose_cell(*cell)
        media.show()
        media.raise_()
        media.activateWindow()

    def _media_saved(self, assessment_id: int) -> None:
        self.reload()
        self.say(self.tr("Value measured on a picture saved, with its still"))
        self.changed.emit(assessment_id)

    def focus_first_empty_cell(self) -> None:
        """Puts the cursor in the first cell with no value yet (its tab shown), so typing
        starts at once; the first grid's first cell when every cell is filled."""
        # The tabs built so far first (the first tab's grid): the others are built only when
        # none of these has an empty cell left.
        found: tuple[MeasureGridView, QModelIndex | None] | None = next(
            ((view, cell) for view in self.parts.built_views if (cell := view.first_empty_cell())),
            None,
        )
        if found is None and self.parts.waiting:
            # Looked for again once the other tabs are built (queued after their building),
            # rather than building them now, in the same freeze as the window.
            QTimer.singleShot(0, self, self.focus_first_empty_cell)
            return
        if found is None:
            views = self.views
            if not views:
                return
            found = next(
                ((view, cell) for view in views if (cell := view.first_empty_cell())),
                (views[0], None),
            )
        view, cell = found
        page = view.parentWidget()
        while page is not None and self.tabs.indexOf(page) < 0:
            page = page.parentWidget()
        if page is not None:
            self.tabs.setCurrentWidget(page)
        if cell is not None:
            view.setCurrentIndex(cell)
            view.scrollTo(cell)
        view.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._focus_placed:
            self._focus_placed = True
            self.focus_first_empty_cell()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.entries.flush_saves()  # the grid's saves still queued are stored before it goes
        self.save_notes()
        if self.motor is not None:
            self.motor.flush()
        self.live_findings.stop()  # a closed editor hears no more findings
        self.closed.emit(self.assessment_id)
        super().closeEvent(event)
