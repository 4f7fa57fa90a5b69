"""The assessment's parts on the editor's tabs, laid out by template: measure grids, motor
control tests, LEFS, PSFS and notes, and the scores computed from their values."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from mobileathlete_desktop.domain.catalogue import Measure, Mode
from mobileathlete_desktop.domain.records import AssessmentRecord, FindingRecord
from mobileathlete_desktop.domain.scoring import (
    YBALANCE_REACHES,
)
from mobileathlete_desktop.ui.assessment_editor.computed_scores import ComputedScores
from mobileathlete_desktop.ui.forms import child
from mobileathlete_desktop.ui.lefs_panel import LefsPanel
from mobileathlete_desktop.ui.measure_grid.markers import window_lang
from mobileathlete_desktop.ui.measure_grid.model import CellKey, GridColumn, MeasureGridModel
from mobileathlete_desktop.ui.measure_grid.view import MeasureGridView
from mobileathlete_desktop.ui.motor_control_panel import MotorControlPanel, mnemonic_letters
from mobileathlete_desktop.ui.psfs_panel import PsfsPanel

if TYPE_CHECKING:
    from mobileathlete_desktop.ui.assessment_editor.window import AssessmentEditor


TAB_BUILD_GAP_MS = 16
"""Between two tabs built later (and before the first): a zero timer fired in the same pass
of the event loop as the window's first paint, and the two made one 48-61 ms frozen frame
(bench workday, 53 ms of the UI thread's own work); a frame apart, each is its own turn."""


def notes_label_text() -> str:
    """The notes' label, with its Alt-letter."""
    return QCoreApplication.translate("AssessmentEditor", "&Notes")


BALANCE_CODES = ("wblt.distance", "balance.single_leg", *YBALANCE_REACHES, "limb.length")
# Typed-in measures no other tab shows (hop tests, heel rises, dynamometry, body mass, Beighton,
# cadence: catalogue 2026.4) join the lunge and balance grid, by side or as one value.
_GRID_KINDS = ("distance", "time", "count", "force", "mass", "score", "rate")


def _in_balance_grid(measure: Measure) -> bool:
    if measure.code in BALANCE_CODES:
        return True
    return (
        measure.kind in _GRID_KINDS
        and not (measure.computed or measure.faults or measure.code.startswith("fms."))
        and measure.region != "outcome"
        and measure.code != "nprs"
    )


def _label(measure: Measure, lang: str) -> str:
    unit = f" ({measure.unit_label})" if measure.unit_label and measure.unit != "deg" else ""
    return measure.label_in(lang) + unit


def _place(layout: QVBoxLayout, widget: QWidget, stretch: int = 0) -> None:
    """Adds `widget` to a tab's layout, shown at once when the tab already shows (a tab shown
    before it was built: Qt would show what is added to it only a turn later)."""
    layout.addWidget(widget, stretch)
    page = layout.parentWidget()
    explicitly_hidden = widget.isHidden() and widget.testAttribute(
        Qt.WidgetAttribute.WA_WState_ExplicitShowHide
    )
    if page is not None and page.isVisible() and not explicitly_hidden:
        widget.show()


class EditorParts:
    """The editor's grids and panels: built for a template, filled from a record, locked
    when signed. What is typed in them goes to the editor's entries (`editor.entries`).

    The range of motion tab, shown first, is built with the window; the other tabs a moment
    later, one a turn of the event loop (`_build_next`), so that opening the window is not one
    long freeze. Asking for a part (`grids`, `views`, `motor`, `lefs`, `psfs`) builds them
    first (`finish_build`); `built_grids` and `built_views` are those built so far. A grid
    built later takes the findings, the last visit shown or not, the record and the lock.
    """

    def __init__(self, editor: AssessmentEditor) -> None:
        self.editor = editor
        self.ctx = editor.ctx
        self.tabs = editor.tabs
        self._grids: list[MeasureGridModel] = []
        self._views: list[MeasureGridView] = []
        self._motor: MotorControlPanel | None = None
        self._lefs: LefsPanel | None = None
        self._psfs: PsfsPanel | None = None
        self._later: list[Callable[[], None]] = []  # the tabs still to build, in order
        self._later_tabs: list[str] = []  # their names, in the same order
        self._shown: tuple[AssessmentRecord, AssessmentRecord | None] | None = None
        self._locked = False
        # A tab shown before its turn came (Alt+O at once) is built then, with the rest.
        self.tabs.currentChanged.connect(self._tab_shown)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(QCoreApplication.translate("AssessmentEditor", "Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(
            QCoreApplication.translate("AssessmentEditor", "Free-text notes (saved as you type)")
        )
        self.scores = ComputedScores(self.ctx.catalogue)
        self.composite_label = self.scores.composite_label
        self.fms_total_label = self.scores.fms_total_label
        for label in (self.composite_label, self.fms_total_label, self.notes):
            # Laid out only when the template has those measures (the notes when the outcomes
            # tab is built, a few turns after the window): gone with the editor either way.
            editor.destroyed.connect(label.deleteLater)
        self.layout_codes: tuple[str, ...] | None = None
        self.lang = window_lang()
        """The window's language when the grids were laid out (their labels are in it)."""

    # -- the parts (built first if still waiting) --------------------------------------------

    @property
    def grids(self) -> list[MeasureGridModel]:
        """The measure grids, in tab order."""
        self.finish_build()
        return self._grids

    @property
    def views(self) -> list[MeasureGridView]:
        """The grids' views, in the order of `grids`."""
        self.finish_build()
        return self._views

    @property
    def motor(self) -> MotorControlPanel | None:
        """The motor control tests, when the template has any."""
        self.finish_build()
        return self._motor

    @property
    def lefs(self) -> LefsPanel | None:
        """The LEFS questionnaire, when the template has it."""
        self.finish_build()
        return self._lefs

    @property
    def psfs(self) -> PsfsPanel | None:
        """The PSFS, when the template has it."""
        self.finish_build()
        return self._psfs

    @property
    def waiting(self) -> bool:
        """Whether some tabs are still to be built."""
        return bool(self._later)

    @property
    def built_views(self) -> list[MeasureGridView]:
        """The views built so far (asking builds nothing)."""
        return self._views

    @property
    def built_grids(self) -> list[MeasureGridModel]:
        """The grids built so far, in the order of `built_views` (asking builds nothing)."""
        return self._grids

    def _label(self, measure: Measure) -> str:
        return _label(measure, self.lang)

    def _name(self, measure: Measure) -> str:
        return measure.label_in(self.lang)

    # -- showing a record ------------------------------------------------------------------

    def load(self, record: AssessmentRecord, previous: AssessmentRecord | None) -> None:
        """Shows the record's values, findings and outcomes (last visit's values beside);
        parts built later show it when built."""
        self._shown = (record, previous)
        self._load_into(self._grids, record, previous, panels=True)
        self.notes.blockSignals(True)
        self.notes.setPlainText(record.notes)
        self.notes.blockSignals(False)

    def _load_into(
        self,
        grids: list[MeasureGridModel],
        record: AssessmentRecord,
        previous: AssessmentRecord | None,
        *,
        panels: bool | list[Any],
    ) -> None:
        """Shows the record on `grids` and on the panels (all: True; or those listed)."""
        values = {CellKey(m.code, m.side, m.mode): m.value for m in record.measurements}
        pain = {CellKey(m.code, m.side, m.mode): m.pain for m in record.measurements}
        before = (
            {CellKey(m.code, m.side, m.mode): m.value for m in previous.measurements}
            if previous
            else {}
        )
        for grid in grids:
            grid.load(values, pain, before)
        if not panels:
            return
        shown = [self._motor, self._lefs, self._psfs] if panels is True else panels
        if self._motor is not None and self._motor in shown:
            for test in self._motor.tests:
                for side in test.sides:
                    found = next(
                        (f for f in record.findings if f.test_code == test.code and f.side == side),
                        FindingRecord(test.code, side),
                    )
                    self._motor.show_finding(found)
        if self._lefs is not None and self._lefs in shown:
            lefs = next((o for o in record.outcomes if o.instrument == "lefs"), None)
            self._lefs.show_answers(lefs.answers if lefs else ())
        if self._psfs is not None and self._psfs in shown:
            self.editor.entries.show_psfs()

    def set_read_only(self, locked: bool) -> None:
        """Locks every part (a signed assessment) or unlocks them (parts built later too)."""
        self._locked = locked
        self._lock(self._grids, panels=True)
        self.notes.setReadOnly(locked)

    def _panels(self) -> list[Any]:
        """The panels built so far (motor control, LEFS, PSFS)."""
        return [p for p in (self._motor, self._lefs, self._psfs) if p is not None]

    def _lock(self, grids: list[MeasureGridModel], *, panels: bool | list[Any]) -> None:
        for grid in grids:
            grid.set_read_only(self._locked)
        if not panels:
            return
        for panel in [self._motor, self._lefs, self._psfs] if panels is True else panels:
            if panel is not None:
                panel.set_read_only(self._locked)

    def _norm(self, measure: Measure, mode: Mode) -> Any:
        client, record = self.editor.client, self.editor.record
        age = client.age_on(record.date)
        return measure.norm_for(client.norm_sex, age, mode)

    def _norm_text(self, measure: Measure) -> str:
        active = self._norm(measure, "active") if "active" in measure.modes else None
        passive = self._norm(measure, "passive") if "passive" in measure.modes else None
        unit = measure.unit_label
        if active is None and passive is None:
            return QCoreApplication.translate("AssessmentEditor", "no norm for age/sex")
        if active is None or passive is None or active is passive:
            norm = active if active is not None else passive
            assert norm is not None
            return f"{norm.mean:g}{unit}"
        return QCoreApplication.translate(
            "AssessmentEditor", "A {active} · P {passive}", "active and passive norms"
        ).format(active=f"{active.mean:g}{unit}", passive=f"{passive.mean:g}{unit}")

    def show_computed(self, record: AssessmentRecord) -> None:
        """Shows the Y-balance composite and movement screen total of the record."""
        self.scores.show(record)
        for grid in self._grids:
            grid.refresh_info_columns()

    def _fms_final_text(self, measure: Measure) -> str:
        return self.scores.final_text(measure, self.lang)

    # -- layout ----------------------------------------------------------------------------

    def build(self, codes: tuple[str, ...]) -> None:
        """Lays out the template's measures (codes missing from the catalogue are skipped):
        the range of motion tab now, the other tabs in `finish_build`."""
        self.layout_codes = codes
        self.lang = window_lang()
        self._later.clear()  # an earlier layout's tabs still waiting are not built
        self._later_tabs.clear()
        self._grids.clear()
        self._views.clear()
        self._motor = self._lefs = self._psfs = None
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
        # Every range of motion, passive-only ones too (modified Ober: its active cells stay "—").
        rom = [m for m in measures if m.kind == "rom"]
        self._add_grid(
            "rom_tab",
            rom,
            [
                GridColumn(
                    QCoreApplication.translate("AssessmentEditor", "Measure"), info=self._label
                ),
                GridColumn(
                    QCoreApplication.translate("AssessmentEditor", "Norm"), info=self._norm_text
                ),
                GridColumn(
                    QCoreApplication.translate("AssessmentEditor", "Left active"), "left", "active"
                ),
                GridColumn(
                    QCoreApplication.translate("AssessmentEditor", "Left passive"),
                    "left",
                    "passive",
                ),
                GridColumn(
                    QCoreApplication.translate("AssessmentEditor", "Right active"),
                    "right",
                    "active",
                ),
                GridColumn(
                    QCoreApplication.translate("AssessmentEditor", "Right passive"),
                    "right",
                    "passive",
                ),
            ],
            QCoreApplication.translate("AssessmentEditor", "Range of motion grid"),
        )
        balance = [m for m in measures if _in_balance_grid(m)]
        tests = [m for m in measures if m.kind == "test" and m.faults]
        fms = [m for m in measures if m.code.startswith("fms.") and not m.computed]
        nprs = [m for m in measures if m.code == "nprs"]
        for i, shown in enumerate((rom, balance, tests, fms)):
            self.tabs.setTabVisible(i, bool(shown))
        self._later = [
            functools.partial(self._build_balance, balance),
            functools.partial(self._build_motor, tests),
            functools.partial(self._build_fms, fms),
            functools.partial(self._build_outcomes, nprs, codes),
        ]
        self._later_tabs = ["balance_tab", "motor_tab", "fms_tab", "outcomes_tab"]
        QTimer.singleShot(TAB_BUILD_GAP_MS, self.editor, self._build_next)

    def finish_build(self) -> None:
        """Builds the tabs still waiting (at once when a part is asked for), and shows the
        record, the lock and the computed scores on them."""
        while self._later:
            self._build(self._take_step())

    def _tab_shown(self, _index: int) -> None:
        """Builds the tabs still waiting when one of them is shown before its turn."""
        shown = self.tabs.currentWidget()
        if shown is not None and any(
            shown is page or shown.isAncestorOf(page)
            for page in (child(self.tabs, QWidget, name) for name in self._later_tabs)
        ):
            self.finish_build()

    def _build_next(self) -> None:
        """Builds the next tab waiting, then lets the event loop run before the one after:
        one tab a turn, each a few milliseconds, rather than all four in one freeze (issue 22:
        with the window's first paint, ~25-35 ms of the UI thread in one turn)."""
        if self._later:
            self._build(self._take_step())
        if self._later:
            QTimer.singleShot(TAB_BUILD_GAP_MS, self.editor, self._build_next)

    def _take_step(self) -> Callable[[], None]:
        self._later_tabs.pop(0)
        return self._later.pop(0)

    def _build(self, step: Callable[[], None]) -> None:
        """Runs one tab's building step and shows the record and the lock on what it made."""
        first = len(self._grids)
        before = self._panels()
        step()
        made = [panel for panel in self._panels() if panel not in before]
        if self._shown is not None:
            self._load_into(self._grids[first:], *self._shown, panels=made)
        self._lock(self._grids[first:], panels=made)

    def _build_balance(self, balance: list[Measure]) -> None:
        one_value = (
            [GridColumn(QCoreApplication.translate("AssessmentEditor", "Value"), "none", "none")]
            if any(not m.bilateral for m in balance)
            else []
        )
        self._add_grid(
            "balance_tab",
            balance,
            [
                GridColumn(
                    QCoreApplication.translate("AssessmentEditor", "Measure"), info=self._label
                ),
                GridColumn(QCoreApplication.translate("AssessmentEditor", "Left"), "left", "none"),
                GridColumn(
                    QCoreApplication.translate("AssessmentEditor", "Right"), "right", "none"
                ),
                *one_value,
            ],
            QCoreApplication.translate("AssessmentEditor", "Lunge and balance grid"),
            below=self.composite_label
            if any(m.code in YBALANCE_REACHES for m in balance)
            else None,
        )

    def _build_motor(self, tests: list[Measure]) -> None:
        self._motor = MotorControlPanel(tests, self._letters_in_use()) if tests else None
        if self._motor is not None:
            self._motor.finding_edited.connect(self.editor.entries.finding_edited)
            _place(self._tab_layout("motor_tab"), self._motor)

    def _build_fms(self, fms: list[Measure]) -> None:
        self._add_grid(
            "fms_tab",
            fms,
            [
                GridColumn(QCoreApplication.translate("AssessmentEditor", "Test"), info=self._name),
                GridColumn(QCoreApplication.translate("AssessmentEditor", "Left"), "left", "none"),
                GridColumn(
                    QCoreApplication.translate("AssessmentEditor", "Right"), "right", "none"
                ),
                GridColumn(QCoreApplication.translate("AssessmentEditor", "Score"), "none", "none"),
                GridColumn(
                    QCoreApplication.translate("AssessmentEditor", "Counts as"),
                    info=self._fms_final_text,
                ),
            ],
            QCoreApplication.translate("AssessmentEditor", "Movement screen grid"),
            below=self.fms_total_label if fms else None,
        )

    def _build_outcomes(self, nprs: list[Measure], codes: tuple[str, ...]) -> None:
        entries = self.editor.entries
        outcomes = self._tab_layout("outcomes_tab")
        self._add_grid(
            "outcomes_tab",
            nprs,
            [
                GridColumn(
                    QCoreApplication.translate("AssessmentEditor", "Measure"), info=self._label
                ),
                GridColumn(QCoreApplication.translate("AssessmentEditor", "Value"), "none", "none"),
            ],
            QCoreApplication.translate("AssessmentEditor", "Pain grid"),
        )
        if self._views and nprs:
            self._views[-1].setMaximumHeight(self._views[-1].sizeHintForRow(0) * 3 + 10)
        say = self.editor.say
        if "lefs.total" in codes:
            self._lefs = LefsPanel()
            self._lefs.answers_edited.connect(entries.lefs_edited)
            self._lefs.refused.connect(lambda text: say(text, error=True))
            _place(outcomes, self._lefs)
        self._psfs = PsfsPanel() if "psfs.average" in codes else None
        if self._psfs is not None:
            self._psfs.edited.connect(entries.psfs_edited)
            self._psfs.refused.connect(lambda text: say(text, error=True))
            _place(outcomes, self._psfs)
        notes_label = QLabel(notes_label_text())
        notes_label.setBuddy(self.notes)
        _place(outcomes, notes_label)
        _place(outcomes, self.notes, 1)

    def _letters_in_use(self) -> set[str]:
        """The Alt-letters of the window's own controls (the motor tests take others)."""
        window = self.editor
        texts = [self.tabs.tabText(i) for i in range(self.tabs.count())]
        texts += [button.text() for button in window.findChildren(QAbstractButton)]
        texts += [label.text() for label in window.findChildren(QLabel) if label.buddy()]
        return mnemonic_letters([*texts, notes_label_text()])

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
        entries = self.editor.entries
        model = MeasureGridModel(measures, columns, self.editor)
        model.set_interpretation(self.editor.live_findings.result)
        model.show_previous = self.editor.show_last.isChecked()
        model.edit_requested.connect(lambda key, text, m=model: entries.value_typed(m, key, text))
        model.pain_requested.connect(lambda key, m=model: entries.pain_toggled(m, key))
        view = MeasureGridView(model, name)
        self._grids.append(model)
        self._views.append(view)
        layout = self._tab_layout(tab)
        _place(layout, view, 1)
        if below is not None:
            _place(layout, below)
