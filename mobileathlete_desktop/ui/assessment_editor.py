"""The assessment editor: a visit's measures laid out by template, saved as they are typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
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
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.domain.catalogue import Measure, Mode
from mobileathlete_desktop.domain.records import AssessmentRecord, ClientRecord, FindingRecord
from mobileathlete_desktop.domain.scoring import (
    FMS_CLEARING,
    FMS_TESTS,
    YBALANCE_REACHES,
    fms_scores,
    fms_total,
    ybalance_composite_for,
)
from mobileathlete_desktop.domain.validation import InvalidValue, parse_measure_value
from mobileathlete_desktop.services import assessments as assessment_service
from mobileathlete_desktop.services import clients as client_service
from mobileathlete_desktop.services import templates as template_service
from mobileathlete_desktop.services.context import ConflictError, InputError, ServiceContext
from mobileathlete_desktop.ui.assessment_commands import SavedChange, sign_question
from mobileathlete_desktop.ui.forms import child, load_form
from mobileathlete_desktop.ui.lefs_panel import LefsPanel
from mobileathlete_desktop.ui.live_findings import LiveFindingsPanel, put_beside
from mobileathlete_desktop.ui.measure_grid import (
    HINT,
    CellKey,
    GridColumn,
    MeasureGridModel,
    MeasureGridView,
)
from mobileathlete_desktop.ui.motor_control_panel import MotorControlPanel, mnemonic_letters
from mobileathlete_desktop.ui.psfs_panel import PsfsPanel
from mobileathlete_desktop.ui.screen_fit import fit_to_screen, scroll_tab_pages

NOTES_SAVE_DELAY_MS = 600
SIGNED_MESSAGE = "This assessment is signed: add an addendum to correct it"
DEFAULT_TEMPLATE = "runner_screen"
BALANCE_CODES = ("wblt.distance", "balance.single_leg", *YBALANCE_REACHES, "limb.length")


def _label(measure: Measure) -> str:
    unit = f" ({measure.unit_label})" if measure.unit_label and measure.unit != "deg" else ""
    return measure.label + unit


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
        self.hint.setText(HINT)
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
        self.changed.connect(self.live_findings.refresh)
        self.findings_split = put_beside(self.tabs, self.live_findings)
        fit_to_screen(self, QSize(1500, 780))

        self.undo_stack = QUndoStack(self)
        undo = QAction("Undo", self, shortcut=QKeySequence("Ctrl+Z"))
        undo.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        undo.triggered.connect(self.undo_stack.undo)
        redo = QAction("Redo", self)
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        redo.triggered.connect(self.undo_stack.redo)
        self.addActions([undo, redo])

        self.grids: list[MeasureGridModel] = []
        self.views: list[MeasureGridView] = []
        self.motor: MotorControlPanel | None = None
        self.lefs: LefsPanel | None = None
        self.psfs: PsfsPanel | None = None
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText("Free-text notes (saved as you type)")
        self._notes_saved = ""
        self._notes_timer = QTimer(self, singleShot=True, interval=NOTES_SAVE_DELAY_MS)
        self._notes_timer.timeout.connect(self.save_notes)
        self.notes.textChanged.connect(self._notes_timer.start)
        self.composite_label = QLabel()
        self.composite_label.setAccessibleName("Y-balance composite")
        self.fms_total_label = QLabel()
        self.fms_total_label.setAccessibleName("Movement screen total")
        self._fms_final: dict[str, int | None] = {}
        self._layout_codes: tuple[str, ...] | None = None
        self._focus_placed = False
        self.record: AssessmentRecord
        self.client: ClientRecord

        self.templates = template_service.list_templates(ctx)
        for t in self.templates:
            self.template_combo.addItem(t.name, t.code)
        self.template_combo.activated.connect(self._template_chosen)
        self.show_last.toggled.connect(self._show_last_toggled)
        self.sign_button.clicked.connect(self.sign)
        self.addendum_button.clicked.connect(self.add_addendum)
        self.reload()

    # -- hooks a test may replace (pytest-qt's advice for modal questions) ------------------

    @classmethod
    def confirm(cls, parent: QWidget, text: str) -> bool:
        """Asks a yes/no question."""
        answer = QMessageBox.question(parent, "Mobile Athlete", text)
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def ask_reason(cls, parent: QWidget) -> str | None:
        """Asks why an addendum is needed; None when cancelled."""
        text, ok = QInputDialog.getText(parent, "Addendum", "Reason for the correction:")
        return text if ok else None

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Reads the assessment again and shows it (the draft resumes where it was left)."""
        self.record = assessment_service.get_assessment(self.ctx, self.assessment_id)
        self.client = client_service.get_client(self.ctx, self.record.client_id, audit=False)
        previous = assessment_service.previous_assessment(self.ctx, self.assessment_id)
        code = self.record.template or DEFAULT_TEMPLATE
        template = next((t for t in self.templates if t.code == code), None)
        codes = template.measures if template else tuple(m.code for m in self.ctx.catalogue)
        index = self.template_combo.findData(code)
        self.template_combo.setCurrentIndex(max(index, 0))
        if codes != self._layout_codes:
            self._build(codes)
        values = {CellKey(m.code, m.side, m.mode): m.value for m in self.record.measurements}
        pain = {CellKey(m.code, m.side, m.mode): m.pain for m in self.record.measurements}
        before = (
            {CellKey(m.code, m.side, m.mode): m.value for m in previous.measurements}
            if previous
            else {}
        )
        for grid in self.grids:
            grid.load(values, pain, before)
        if self.motor is not None:
            for test in self.motor.tests:
                for side in test.sides:
                    found = next(
                        (
                            f
                            for f in self.record.findings
                            if f.test_code == test.code and f.side == side
                        ),
                        FindingRecord(test.code, side),
                    )
                    self.motor.show_finding(found)
        if self.lefs is not None:
            lefs = next((o for o in self.record.outcomes if o.instrument == "lefs"), None)
            self.lefs.show_answers(lefs.answers if lefs else ())
        if self.psfs is not None:
            self._show_psfs()
        self.notes.blockSignals(True)
        self.notes.setPlainText(self.record.notes)
        self.notes.blockSignals(False)
        self._notes_saved = self.record.notes
        self._show_computed(self.record)
        self._show_state()
        self.live_findings.refresh(self.assessment_id)

    def _show_interpretation(self, result: Any) -> None:
        for grid in self.grids:
            grid.set_interpretation(result)

    def _norm(self, measure: Measure, mode: Mode) -> Any:
        age = self.client.age_on(self.record.date)
        return measure.norm_for(self.client.norm_sex, age, mode)

    def _norm_text(self, measure: Measure) -> str:
        active = self._norm(measure, "active") if "active" in measure.modes else None
        passive = self._norm(measure, "passive") if "passive" in measure.modes else None
        unit = measure.unit_label
        if active is None and passive is None:
            return "no norm for age/sex"
        if active is None or passive is None or active is passive:
            norm = active if active is not None else passive
            assert norm is not None
            return f"{norm.mean:g}{unit}"
        return f"A {active.mean:g}{unit} · P {passive.mean:g}{unit}"

    def _build(self, codes: tuple[str, ...]) -> None:
        """Lays out the template's measures (codes missing from the catalogue are skipped)."""
        self._layout_codes = codes
        self.grids.clear()
        self.views.clear()
        catalogue = self.ctx.catalogue
        measures = [catalogue[c] for c in codes if c in catalogue]
        for name in ("rom_tab", "balance_tab", "motor_tab", "fms_tab", "outcomes_tab"):
            tab = child(self.tabs, QWidget, name)
            layout = tab.layout()
            assert layout is not None
            while layout.count():
                item = layout.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None and widget not in (
                    self.notes,
                    self.composite_label,
                    self.fms_total_label,
                ):
                    widget.deleteLater()
        rom = [m for m in measures if m.kind == "rom" and "active" in m.modes]
        self._add_grid(
            "rom_tab",
            rom,
            [
                GridColumn("Measure", info=_label),
                GridColumn("Norm", info=self._norm_text),
                GridColumn("Left active", "left", "active"),
                GridColumn("Left passive", "left", "passive"),
                GridColumn("Right active", "right", "active"),
                GridColumn("Right passive", "right", "passive"),
            ],
            "Range of motion grid",
        )
        balance = [m for m in measures if m.code in BALANCE_CODES]
        self._add_grid(
            "balance_tab",
            balance,
            [
                GridColumn("Measure", info=_label),
                GridColumn("Left", "left", "none"),
                GridColumn("Right", "right", "none"),
            ],
            "Lunge and balance grid",
            below=self.composite_label
            if any(m.code in YBALANCE_REACHES for m in balance)
            else None,
        )
        tests = [m for m in measures if m.kind == "test" and m.faults]
        self.motor = MotorControlPanel(tests, self._letters_in_use()) if tests else None
        if self.motor is not None:
            self.motor.finding_edited.connect(self._finding_edited)
            self._tab_layout("motor_tab").addWidget(self.motor)
        fms = [m for m in measures if m.code.startswith("fms.") and not m.computed]
        self._add_grid(
            "fms_tab",
            fms,
            [
                GridColumn("Test", info=lambda m: m.label),
                GridColumn("Left", "left", "none"),
                GridColumn("Right", "right", "none"),
                GridColumn("Score", "none", "none"),
                GridColumn("Counts as", info=self._fms_final_text),
            ],
            "Movement screen grid",
            below=self.fms_total_label if fms else None,
        )
        outcomes = self._tab_layout("outcomes_tab")
        nprs = [m for m in measures if m.code == "nprs"]
        self._add_grid(
            "outcomes_tab",
            nprs,
            [GridColumn("Measure", info=_label), GridColumn("Value", "none", "none")],
            "Pain grid",
        )
        if self.views and nprs:
            self.views[-1].setMaximumHeight(self.views[-1].sizeHintForRow(0) * 3 + 10)
        if "lefs.total" in codes:
            self.lefs = LefsPanel()
            self.lefs.answers_edited.connect(self._lefs_edited)
            self.lefs.refused.connect(lambda text: self.say(text, error=True))
            outcomes.addWidget(self.lefs)
        else:
            self.lefs = None
        self.psfs = PsfsPanel() if "psfs.average" in codes else None
        if self.psfs is not None:
            self.psfs.edited.connect(self._psfs_edited)
            self.psfs.refused.connect(lambda text: self.say(text, error=True))
            outcomes.addWidget(self.psfs)
        notes_label = QLabel("&Notes")
        notes_label.setBuddy(self.notes)
        outcomes.addWidget(notes_label)
        outcomes.addWidget(self.notes, 1)
        for i, name in enumerate(("rom_tab", "balance_tab", "motor_tab", "fms_tab")):
            self.tabs.setTabVisible(i, self._tab_layout(name).count() > 0)

    def _letters_in_use(self) -> set[str]:
        """The Alt-letters of the window's own controls (the motor tests take others)."""
        texts = [self.tabs.tabText(i) for i in range(self.tabs.count())]
        texts += [button.text() for button in self.findChildren(QAbstractButton)]
        texts += [label.text() for label in self.findChildren(QLabel) if label.buddy()]
        return mnemonic_letters([*texts, "&Notes"])

    def _tab_layout(self, name: str) -> QVBoxLayout:
        layout = child(self.tabs, QWidget, name).layout()
        assert isinstance(layout, QVBoxLayout)
        return layout

    def _add_grid(
        self,
        tab: str,
        measures: list[Measure],
        columns: list[GridColumn],
        name: str,
        below: QWidget | None = None,
    ) -> None:
        if not measures:
            return
        model = MeasureGridModel(measures, columns, self)
        model.set_interpretation(self.live_findings.result)
        model.edit_requested.connect(lambda key, text, m=model: self._value_typed(m, key, text))
        model.pain_requested.connect(lambda key, m=model: self._pain_toggled(m, key))
        view = MeasureGridView(model, name)
        self.grids.append(model)
        self.views.append(view)
        layout = self._tab_layout(tab)
        layout.addWidget(view, 1)
        if below is not None:
            layout.addWidget(below)

    # -- state -----------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        """Whether the assessment is signed (and so locked)."""
        return self.record.status == "signed"

    def _show_state(self) -> None:
        r = self.record
        kind = "Addendum" if r.kind == "addendum" else f"{r.kind.capitalize()} assessment"
        self.title.setText(
            f"{self.client.full_name} · {self.client.chart_number} — {kind}, "
            f"{r.date.isoformat()} · {r.therapist}"
        )
        self.setWindowTitle(f"{kind} {r.date.isoformat()} — {self.client.full_name}")
        if r.status == "signed":
            when = r.signed_at.strftime("%Y-%m-%d %H:%M") if r.signed_at else ""
            text = (
                f"Signed by {r.signed_by} on {when} UTC — read-only. "
                "To correct it, add an addendum (Alt+D); this signed version stays as it is."
            )
        else:
            text = (
                "✎ Draft — every entry is saved as you type; "
                "close at any time and reopen to continue."
            )
        if r.addendum_of is not None:
            original = assessment_service.get_assessment(self.ctx, r.addendum_of)
            when = original.signed_at.strftime("%Y-%m-%d %H:%M") if original.signed_at else ""
            text += (
                f"  Addendum to the assessment of {original.date.isoformat()} signed by "
                f"{original.signed_by} on {when} UTC, which is kept unchanged."
            )
            reason = assessment_service.addendum_reason(self.ctx, r.id)
            if reason:
                text += f" Reason: “{reason}”."
        self.banner.setText(text)
        locked = self.read_only
        for grid in self.grids:
            grid.set_read_only(locked)
        if self.motor is not None:
            self.motor.set_read_only(locked)
        if self.lefs is not None:
            self.lefs.set_read_only(locked)
        if self.psfs is not None:
            self.psfs.set_read_only(locked)
        self.notes.setReadOnly(locked)
        self.template_combo.setEnabled(not locked)
        self.sign_button.setEnabled(not locked)
        self.addendum_button.setEnabled(locked)

    def say(self, text: str, *, error: bool = False) -> None:
        """Shows a one-line status under the sections."""
        self.status.setText(("⚠ " if error else "✓ ") + text)
        self.status.setStyleSheet("color: #b00020;" if error else "")

    # -- values ----------------------------------------------------------------------------

    def _grid_for(self, key: CellKey) -> MeasureGridModel | None:
        return next((g for g in self.grids if g.index_of(key).isValid()), None)

    def _value_typed(self, grid: MeasureGridModel, key: CellKey, text: str) -> None:
        if self.read_only:  # the grid passes typing on so that it is answered, not ignored
            self.say(SIGNED_MESSAGE, error=True)
            return
        measure = self.ctx.catalogue[key.code]
        before = grid.values.get(key)
        if text:
            try:
                after: float | None = parse_measure_value(measure, text)
            except InvalidValue as exc:
                grid.set_error(key, str(exc))
                self.say(f"{exc} — not stored", error=True)
                return
        else:
            after = None
        if after == before:
            grid.set_value(key, before)
            return
        if self._save_value(key, after):
            self.undo_stack.push(
                SavedChange(
                    f"{measure.label} {key.side} {key.mode}",
                    before,
                    after,
                    lambda v, k=key: self._save_value(k, v),  # type: ignore[misc]
                )
            )

    def _save_value(self, key: CellKey, value: Any) -> bool:
        grid = self._grid_for(key)
        if grid is None:
            return False
        measure = self.ctx.catalogue[key.code]
        try:
            saved = assessment_service.set_value(
                self.ctx,
                self.assessment_id,
                key.code,
                key.side,
                key.mode,
                value,
                expected=grid.values.get(key),
            )
        except ConflictError as exc:
            fresh = assessment_service.get_assessment(self.ctx, self.assessment_id)
            grid.set_value(key, fresh.value(key.code, key.side, key.mode))
            grid.set_error(key, str(exc))
            self.say(str(exc), error=True)
            return False
        except (InputError, PermissionError) as exc:
            grid.set_error(key, str(exc))
            self.say(str(exc), error=True)
            return False
        grid.set_value(
            key, None if saved is None else saved.value, None if saved is None else saved.pain
        )
        shown = "cleared" if value is None else f"{value:g} {measure.unit_label}".rstrip()
        self.say(f"Saved {measure.label} {key.side} {key.mode}: {shown}".replace(" none", ""))
        if key.code in (*YBALANCE_REACHES, "limb.length") or key.code.startswith("fms."):
            self._show_computed(assessment_service.update_computed(self.ctx, self.assessment_id))
        self.changed.emit(self.assessment_id)
        return True

    def _pain_toggled(self, grid: MeasureGridModel, key: CellKey) -> None:
        if self.read_only:
            self.say(SIGNED_MESSAGE, error=True)
            return
        if key not in grid.values:
            self.say("Enter a value before marking it painful", error=True)
            return
        before = grid.pain.get(key, False)
        if self._save_pain(key, not before):
            self.undo_stack.push(
                SavedChange(
                    "painful",
                    before,
                    not before,
                    lambda p, k=key: self._save_pain(k, bool(p)),  # type: ignore[misc]
                )
            )

    def _save_pain(self, key: CellKey, pain: bool) -> bool:
        grid = self._grid_for(key)
        if grid is None:
            return False
        try:
            assessment_service.set_pain(
                self.ctx, self.assessment_id, key.code, key.side, key.mode, pain
            )
        except (InputError, PermissionError) as exc:
            self.say(str(exc), error=True)
            return False
        grid.set_pain(key, pain)
        label = self.ctx.catalogue[key.code].label
        self.say(f"{label} {key.side} {key.mode}: {'painful' if pain else 'not painful'}")
        self.changed.emit(self.assessment_id)
        return True

    def _show_computed(self, record: AssessmentRecord) -> None:
        parts = []
        for side in ("left", "right"):
            value = ybalance_composite_for(record, side)
            parts.append(f"{side} {value:g} %" if value is not None else f"{side} —")
        self.composite_label.setText(
            "Y-balance composite ((A + PM + PL) / (3 × limb length) × 100): " + " · ".join(parts)
        )
        bilateral = {m.code: m.bilateral for m in self.ctx.catalogue}
        self._fms_final = dict(fms_scores(record, bilateral))
        self._fms_clearing = {
            code: max(
                (v for s in ("none", "left", "right") if (v := record.value(code, s)) is not None),
                default=None,
            )
            for code in FMS_CLEARING
        }
        total = fms_total(self._fms_final)
        scored = sum(1 for t in FMS_TESTS if self._fms_final.get(t) is not None)
        self.fms_total_label.setText(
            f"<b>Movement screen total: {total} / 21</b>"
            if total is not None
            else f"Movement screen total: — ({scored} of {len(FMS_TESTS)} tests scored)"
        )
        for grid in self.grids:
            grid.refresh_info_columns()

    def _fms_final_text(self, measure: Measure) -> str:
        if measure.code in FMS_CLEARING:
            linked = self.ctx.catalogue.get(FMS_CLEARING[measure.code])
            name = linked.label if linked else FMS_CLEARING[measure.code]
            result = getattr(self, "_fms_clearing", {}).get(measure.code)
            if result is None:
                return "—"
            return f"positive: {name} scores 0" if result >= 1 else "negative"
        score = self._fms_final.get(measure.code)
        if score is None:
            return "—"
        return f"{score} (lower side)" if measure.bilateral else str(score)

    # -- findings, LEFS, notes -------------------------------------------------------------

    def _finding_edited(self, finding: FindingRecord) -> None:
        before = next(
            (
                f
                for f in self.record.findings
                if f.test_code == finding.test_code and f.side == finding.side
            ),
            FindingRecord(finding.test_code, finding.side),
        )
        if self._save_finding(finding):
            self.undo_stack.push(SavedChange("finding", before, finding, self._apply_finding))

    def _apply_finding(self, finding: object) -> bool:
        assert isinstance(finding, FindingRecord)
        if self.motor is not None:
            self.motor.show_finding(finding)
        return self._save_finding(finding)

    def _save_finding(self, finding: FindingRecord) -> bool:
        try:
            assessment_service.set_finding(
                self.ctx,
                self.assessment_id,
                finding.test_code,
                finding.side,
                faults=finding.faults,
                rating=finding.rating,
            )
        except (InputError, PermissionError) as exc:
            self.say(str(exc), error=True)
            return False
        others = [
            f
            for f in self.record.findings
            if (f.test_code, f.side) != (finding.test_code, finding.side)
        ]
        self.record = _with_findings(self.record, (*others, finding))
        label = self.ctx.catalogue[finding.test_code].label
        self.say(f"Saved {label} {finding.side}: {', '.join(finding.faults) or 'no faults'}")
        self.changed.emit(self.assessment_id)
        return True

    def _lefs_edited(self, answers: tuple[int | None, ...]) -> None:
        stored = next((o for o in self.record.outcomes if o.instrument == "lefs"), None)
        before = stored.answers if stored else (None,) * len(answers)
        if self._save_lefs(answers):
            self.undo_stack.push(SavedChange("LEFS", before, answers, self._apply_lefs))

    def _apply_lefs(self, answers: object) -> bool:
        assert isinstance(answers, tuple)
        if self.lefs is not None:
            self.lefs.show_answers(answers)
        return self._save_lefs(answers)

    def _save_lefs(self, answers: tuple[int | None, ...]) -> bool:
        try:
            outcome = assessment_service.set_lefs_answers(
                self.ctx, self.assessment_id, list(answers)
            )
        except (InputError, PermissionError) as exc:
            self.say(str(exc), error=True)
            return False
        others = [o for o in self.record.outcomes if o.instrument != "lefs"]
        self.record = _with_outcomes(self.record, (*others, outcome))
        self.say("Saved LEFS answers")
        self.changed.emit(self.assessment_id)
        return True

    def _show_psfs(self) -> None:
        assert self.psfs is not None
        saved = next((o for o in self.record.outcomes if o.instrument == "psfs"), None)
        offer = None
        if saved is None and not self.read_only:
            offer = assessment_service.psfs_offer(self.ctx, self.assessment_id)
        if offer is not None:
            self.psfs.show_psfs(offer.activities, (), offered_from=offer.visit.isoformat())
        else:
            self.psfs.show_psfs(saved.labels if saved else (), saved.answers if saved else ())

    def _psfs_edited(self, activities: tuple[str, ...], ratings: tuple[int | None, ...]) -> None:
        stored = next((o for o in self.record.outcomes if o.instrument == "psfs"), None)
        before = (stored.labels, stored.answers) if stored else ((), ())
        if self._save_psfs((activities, ratings)):
            self.undo_stack.push(
                SavedChange("PSFS", before, (activities, ratings), self._apply_psfs)
            )

    def _apply_psfs(self, entry: object) -> bool:
        assert isinstance(entry, tuple)
        if self.psfs is not None:
            self.psfs.show_psfs(*entry)
        return self._save_psfs(entry)

    def _save_psfs(self, entry: tuple[Any, ...]) -> bool:
        activities, ratings = entry
        try:
            outcome = assessment_service.set_psfs(
                self.ctx, self.assessment_id, list(activities), list(ratings)
            )
        except (InputError, PermissionError) as exc:
            self.say(f"{exc} — not stored", error=True)
            return False
        others = [o for o in self.record.outcomes if o.instrument != "psfs"]
        self.record = _with_outcomes(self.record, (*others, outcome))
        if self.psfs is not None:
            self.psfs.mark_saved(outcome.labels, outcome.answers)
        average = self.psfs.average_value() if self.psfs is not None else None
        if average is not None:
            self.say(f"Saved PSFS: average {average:g} of {len(outcome.labels)} activities")
        else:
            rated = sum(r is not None for r in outcome.answers)
            self.say(
                f"Saved PSFS ({len(outcome.labels)} activities named, {rated} rated): "
                "no average until 3–5 activities are named and rated"
            )
        self.changed.emit(self.assessment_id)
        return True

    def save_notes(self) -> None:
        """Saves the notes if they changed since the last save."""
        self._notes_timer.stop()
        text = self.notes.toPlainText()
        if text == self._notes_saved or self.read_only:
            return
        try:
            assessment_service.set_notes(self.ctx, self.assessment_id, text)
        except (InputError, PermissionError) as exc:
            self.say(str(exc), error=True)
            return
        self._notes_saved = text
        self.say("Saved notes")
        self.changed.emit(self.assessment_id)

    # -- header actions --------------------------------------------------------------------

    def _template_chosen(self, index: int) -> None:
        code = self.template_combo.itemData(index)
        if self.read_only or code == (self.record.template or DEFAULT_TEMPLATE):
            return
        assessment_service.set_template(self.ctx, self.assessment_id, code)
        self.reload()
        self.say(f"Template: {self.template_combo.currentText()} (values already entered are kept)")

    def _show_last_toggled(self, show: bool) -> None:
        for grid in self.grids:
            grid.set_show_previous(show)

    def sign(self) -> None:
        """Signs and locks the assessment after a confirmation."""
        self.save_notes()
        if self.motor is not None:
            self.motor.flush()
        not_stored = [
            f"{self.ctx.catalogue[key.code].label} {key.side} {key.mode}".replace(" none", "")
            for grid in self.grids
            for key in grid.errors
        ]
        empty = assessment_service.empty_parts(self.ctx, self.assessment_id)
        if not self.confirm(self, sign_question(empty, not_stored)):
            return
        try:
            assessment_service.sign_assessment(self.ctx, self.assessment_id)
        except (InputError, PermissionError) as exc:
            self.say(str(exc), error=True)
            return
        self.undo_stack.clear()
        self.reload()
        self.say(f"Signed by {self.record.signed_by}")
        self.changed.emit(self.assessment_id)

    def add_addendum(self) -> None:
        """Starts an addendum to this signed assessment and shows it in this window."""
        reason = self.ask_reason(self)
        if reason is None:
            return
        try:
            addendum = assessment_service.create_addendum(self.ctx, self.assessment_id, reason)
        except (InputError, PermissionError) as exc:
            self.say(str(exc), error=True)
            return
        self.assessment_id = addendum.id
        self.undo_stack.clear()
        self.reload()
        self.say("Addendum started: correct the values, then sign it")
        self.addendum_created.emit(addendum.id)
        self.changed.emit(addendum.id)

    def focus_first_empty_cell(self) -> None:
        """Puts the cursor in the first cell with no value yet (its tab shown), so typing
        starts at once; the first grid's first cell when every cell is filled."""
        if not self.views:
            return
        found = next(
            ((view, cell) for view in self.views if (cell := view.first_empty_cell())), None
        )
        view, cell = found or (self.views[0], None)
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
        self.save_notes()
        if self.motor is not None:
            self.motor.flush()
        self.closed.emit(self.assessment_id)
        super().closeEvent(event)


def _with_findings(
    record: AssessmentRecord, findings: tuple[FindingRecord, ...]
) -> AssessmentRecord:
    from dataclasses import replace

    return replace(record, findings=findings)


def _with_outcomes(record: AssessmentRecord, outcomes: tuple[Any, ...]) -> AssessmentRecord:
    from dataclasses import replace

    return replace(record, outcomes=outcomes)


SaveFunction = Callable[[object], bool]
