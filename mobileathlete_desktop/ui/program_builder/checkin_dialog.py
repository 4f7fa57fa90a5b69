"""The check-in at the next visit: the returned tracker typed in by keyboard in seconds
(sessions done and pain or difficulty per drill), the EARS item scores, and adherence so far,
all labelled as the client's own report."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.domain.checkins import (
    EARS_ITEM_MAX,
    EARS_ITEMS,
    EARS_MAX,
    CheckinItemRecord,
    CheckinRecord,
    ears_total,
    overall_adherence,
)
from mobileathlete_desktop.domain.exercises import ExerciseLibrary
from mobileathlete_desktop.domain.programs import ProgramRecord, shown_code
from mobileathlete_desktop.support.languages import language_code
from mobileathlete_desktop.ui import service_adapter as svc
from mobileathlete_desktop.ui.jobs import Job, show_failure

DRILL, PRESCRIBED, DONE, PAIN = range(4)
NOT_ASKED = -1  # an EARS spin box's special value: the item was not scored
# What each number of the sheet may be (domain.checkins.check refuses the same on saving).
LIMITS = {PRESCRIBED: (1, 400), DONE: (0, 400), PAIN: (0, 10)}


class CheckinDialog(QDialog):
    """Types a program's returned tracker in: Tab goes done, pain, next drill's done..."""

    def __init__(
        self,
        ctx: Any,
        client_id: int,
        library: ExerciseLibrary | None,
        parent: QWidget | None = None,
        found: tuple[ProgramRecord, CheckinRecord] | None = None,
    ) -> None:
        """`found`: the program and its blank sheet, read already (off the UI thread, as the
        builder does); else the latest saved program is read here."""
        super().__init__(parent)
        self.ctx = ctx
        self.client_id = client_id
        self.library = library
        self.program: ProgramRecord | None = None
        self.sheet: CheckinRecord | None = None
        self.saved: CheckinRecord | None = None
        self.setWindowTitle(self.tr("Program check-in"))
        self.code_edit = QLineEdit()
        self.code_edit.setAccessibleName(self.tr("Program code"))
        self.code_edit.setPlaceholderText(self.tr("Code on the handout, or scan its QR code"))
        self.find_button = QPushButton(self.tr("&Find"))
        self.find_button.setAutoDefault(False)
        self.program_label = QLabel()
        self.program_label.setWordWrap(True)
        self.program_label.setTextFormat(Qt.TextFormat.PlainText)
        self_report = QLabel(
            self.tr(
                "Self-report: what the client says and ticked on the returned sheet, not "
                "observed in the clinic."
            )
        )
        self_report.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Sessions done and pain per drill"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Drill"),
                self.tr("Prescribed"),
                self.tr("Done"),
                self.tr("Pain or difficulty (0–10)"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DRILL, QHeaderView.ResizeMode.Stretch)
        for column in (PRESCRIBED, DONE, PAIN):  # never narrower than the (Spanish) title
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.itemChanged.connect(lambda _i: self.update_totals())
        self.ears: list[QSpinBox] = []
        ears_grid = QGridLayout()
        ears_title = QLabel(
            self.tr(
                "Exercise Adherence Rating Scale (EARS): each item as scored on the form, "
                "0–4 (higher is better adherence)"
            )
        )
        ears_title.setWordWrap(True)
        for number in range(EARS_ITEMS):
            spin = QSpinBox()
            spin.setRange(NOT_ASKED, EARS_ITEM_MAX)
            spin.setSpecialValueText("—")
            spin.setValue(NOT_ASKED)
            spin.setAccessibleName(self.tr("EARS item {number}").format(number=number + 1))
            spin.valueChanged.connect(lambda _v: self.update_totals())
            label = QLabel(self.tr("Item {number}").format(number=number + 1))
            label.setBuddy(spin)
            ears_grid.addWidget(label, 0, number)
            ears_grid.addWidget(spin, 1, number)
            self.ears.append(spin)
        self.totals = QLabel()
        self.totals.setAccessibleName(self.tr("Adherence and EARS total"))
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.totals.setWordWrap(True)  # a refused number says why, at length in Spanish
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.history_button = QPushButton(self.tr("&Adherence over time…"))
        self.history_button.setAutoDefault(False)
        self.history_button.clicked.connect(self.show_history)
        self.history_dialog: QDialog | None = None
        self.history_drawn = 0
        self.save_button = QPushButton(self.tr("&Save check-in (Ctrl+S)"))
        self.close_button = QPushButton(self.tr("Close"))
        for button in (self.save_button, self.close_button):
            button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.find_button.clicked.connect(self.find_program)
        self.code_edit.returnPressed.connect(self.find_program)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)

        top = QHBoxLayout()
        code_label = QLabel(self.tr("Program &code"))
        code_label.setBuddy(self.code_edit)
        top.addWidget(code_label)
        top.addWidget(self.code_edit, 1)
        top.addWidget(self.find_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.program_label)
        layout.addWidget(self_report)
        layout.addWidget(self.table, 1)
        layout.addWidget(ears_title)
        layout.addLayout(ears_grid)
        layout.addWidget(self.totals)
        # Its own line, the dialog's width: a refusal between the buttons was cut short.
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(720, 520)
        if found is not None:
            self.show_sheet(*found)
        else:
            self.load("")

    # -- loading ----------------------------------------------------------------------------

    def _name(self, code: str) -> str:
        exercise = self.library.get(code) if self.library is not None else None
        return exercise.name(language_code(QLocale().name())) if exercise else code

    def find_program(self) -> None:
        """Loads the program whose code is typed (Enter)."""
        self.load(self.code_edit.text())

    def load(self, code: str) -> bool:
        """Shows the program (by code, else the latest saved) with a blank sheet."""
        try:
            program, sheet = svc.checkin_sheet(self.ctx, self.client_id, code=code)
        except (PermissionError, ValueError, LookupError) as exc:
            self.status.setText(f"⚠ {svc.describe(exc)}")
            return False
        self.show_sheet(program, sheet)
        return True

    def show_sheet(self, program: ProgramRecord, sheet: CheckinRecord) -> None:
        """Shows the program with its blank sheet, the first Done cell current."""
        self.program, self.sheet = program, sheet
        self.code_edit.setText(shown_code(program.code))
        self.program_label.setText(
            self.tr("{title} of {date}, code {code}").format(
                title=program.title, date=program.date, code=shown_code(program.code)
            )
        )
        self.table.blockSignals(True)
        self.table.setRowCount(len(sheet.items))
        for row, item in enumerate(sheet.items):
            name = QTableWidgetItem(self._name(item.exercise_code))
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, DRILL, name)
            self.table.setItem(row, PRESCRIBED, QTableWidgetItem(str(item.prescribed)))
            self.table.setItem(row, DONE, QTableWidgetItem(""))
            self.table.setItem(row, PAIN, QTableWidgetItem(""))
        self.table.blockSignals(False)
        self.status.setText("")
        self.update_totals()
        if sheet.items:
            self.table.setCurrentCell(0, DONE)

    # -- reading what was typed -------------------------------------------------------------

    def _number(self, row: int, column: int) -> int | None:
        cell = self.table.item(row, column)
        text = cell.text().strip() if cell is not None else ""
        if not text:
            return None
        if not text.isdigit():
            raise ValueError(
                self.tr("Row {row}: “{typed}” is not a whole number").format(
                    row=row + 1, typed=text
                )
            )
        low, high = LIMITS[column]
        if not low <= int(text) <= high:
            words = {
                PRESCRIBED: self.tr(
                    "Row {row} ({drill}): sessions prescribed must be {low}–{high}"
                ),
                DONE: self.tr("Row {row} ({drill}): sessions done must be {low}–{high}"),
                PAIN: self.tr("Row {row} ({drill}): pain or difficulty must be {low}–{high}"),
            }
            drill = self.table.item(row, DRILL)
            raise ValueError(
                words[column].format(
                    row=row + 1, drill=drill.text() if drill else "", low=low, high=high
                )
            )
        return int(text)

    def current(self) -> CheckinRecord | None:
        """The check-in as typed (ValueError for a cell that is not a number)."""
        if self.sheet is None:
            return None
        items = []
        for row, item in enumerate(self.sheet.items):
            prescribed = self._number(row, PRESCRIBED)
            items.append(
                CheckinItemRecord(
                    item.exercise_code,
                    prescribed if prescribed is not None else item.prescribed,
                    self._number(row, DONE),
                    self._number(row, PAIN),
                )
            )
        answers = tuple(None if s.value() == NOT_ASKED else s.value() for s in self.ears)
        asked = answers if any(a is not None for a in answers) else ()
        return replace(self.sheet, items=tuple(items), ears=asked, date=date.today())

    def update_totals(self) -> None:
        """Adherence over the drills typed so far, and the EARS total when all six are in."""
        try:
            checkin = self.current()
        except ValueError as exc:
            self.totals.setText(f"⚠ {exc}")
            return
        if checkin is None:
            self.totals.setText("")
            return
        share = overall_adherence(checkin.items)
        parts = [
            self.tr("Adherence: {percent} % of the sessions prescribed").format(
                percent=round(share * 100)
            )
            if share is not None
            else self.tr("Adherence: type the sessions done")
        ]
        total = ears_total(checkin.ears) if len(checkin.ears) == EARS_ITEMS else None
        if total is not None:
            parts.append(self.tr("EARS {total} of {most}").format(total=total, most=EARS_MAX))
        self.totals.setText(" · ".join(parts))

    def show_history(self) -> bool:
        """The client's adherence at each check-in beside the LEFS, in a window of its own.

        The window opens at once; the history and check-ins are read on the thread pool and
        the chart drawn in the chart process (charts/process.py, as the Progress tab's), in
        the window's language, then shown as its pixels (no matplotlib on this thread)."""
        from mobileathlete_desktop.charts import process as chart_process
        from mobileathlete_desktop.ui.chart_data import ChartData, build_chart_data
        from mobileathlete_desktop.ui.chart_image import ChartImage
        from mobileathlete_desktop.ui.jobs import Job, JobControl

        chart_process.warm()
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Adherence over time (self-report)"))
        # The Progress tab's words while its chart is drawn (one message, one translation).
        waiting = QLabel(QCoreApplication.translate("ProgressView", "Loading the chart…"))
        waiting.setWordWrap(True)
        layout = QVBoxLayout(dialog)
        layout.addWidget(waiting)
        self.history_dialog = dialog
        self.history_drawn = 0
        ctx, client_id = self.ctx, self.client_id
        ratio = self.devicePixelRatioF() or 1.0

        def work(_control: JobControl) -> ChartData:
            return build_chart_data(ctx, client_id, "adherence", "", None, ratio=ratio)

        def drawn(data: ChartData) -> None:
            if self.history_dialog is not dialog:
                return  # asked again meanwhile: that window shows it
            chart = ChartImage(data.picture)
            chart.setAccessibleName(self.tr("Adherence at each check-in beside the LEFS"))
            layout.replaceWidget(waiting, chart)
            waiting.deleteLater()
            self.history_drawn = len(data.values)
            dialog.adjustSize()

        def failed(exc: Exception) -> None:
            said = f"⚠ {svc.describe(exc)}"
            self.status.setText(said)
            if self.history_dialog is dialog:
                waiting.setText(said)

        self._history_job = Job(self, work, drawn).failure(failed).run()
        dialog.show()
        return True

    def save(self) -> CheckinRecord | None:
        """Saves the check-in (Ctrl+S) and closes the dialog."""
        try:
            checkin = self.current()
            if checkin is None:
                return None
            saved = svc.save_checkin(self.ctx, checkin)
        except (PermissionError, ValueError, LookupError) as exc:
            self.status.setText(self.tr("⚠ Not saved: {error}").format(error=svc.describe(exc)))
            return None
        self.saved = saved
        self.accept()
        return saved


# -- the builder's check-in row --------------------------------------------------------------


def checkin_buttons(builder: Any) -> tuple[QPushButton, QPushButton]:
    """The builder's Check-in… and Propose next buttons."""
    checkin = QPushButton(QCoreApplication.translate("CheckinRow", "Check-&in…"))
    checkin.setToolTip(
        QCoreApplication.translate(
            "CheckinRow",
            "Type in the returned tracker: sessions done and pain per drill, and the EARS.",
        )
    )
    propose = QPushButton(QCoreApplication.translate("CheckinRow", "Propose ne&xt"))
    propose.setToolTip(
        QCoreApplication.translate(
            "CheckinRow",
            "The next program from the latest check-in: drills done without much pain move on, "
            "drills that hurt are made easier, the rest are kept; each with its reason.",
        )
    )
    return checkin, propose


def check_in(builder: Any) -> Job[tuple[ProgramRecord, CheckinRecord]]:
    """The builder's check-in: the latest saved program and its blank sheet read on the thread
    pool (issue 22), then the dialog on it, then a status line."""
    ctx, client_id = builder.ctx, builder.client_id

    def found(sheet: tuple[ProgramRecord, CheckinRecord]) -> None:
        builder.checking_in = None
        dialog = CheckinDialog(ctx, client_id, builder.library, builder, found=sheet)
        builder.checkin_dialog = dialog
        # Typed in after this answer's delivery, not inside it (the dialog is modal).
        QTimer.singleShot(0, dialog, lambda: _type_in(builder, dialog))

    def not_found(exc: Exception) -> None:
        builder.checking_in = None
        if not isinstance(exc, (PermissionError, ValueError, LookupError)):
            show_failure(builder, exc)
        builder._say(f"⚠ {svc.describe(exc)}")

    job: Job[tuple[ProgramRecord, CheckinRecord]] = Job(
        builder, lambda _control: svc.checkin_sheet(ctx, client_id), found
    ).failure(not_found)
    builder.checking_in = job
    return job.run()


def _type_in(builder: Any, dialog: CheckinDialog) -> CheckinRecord | None:
    dialog.exec()
    saved = dialog.saved
    if saved is not None:
        share = saved.adherence
        said = QCoreApplication.translate("CheckinRow", "Check-in saved")
        if share is not None:
            said += " · " + QCoreApplication.translate(
                "CheckinRow", "adherence {percent} %"
            ).format(percent=round(share * 100))
        if saved.ears_total is not None:
            said += " · " + QCoreApplication.translate("CheckinRow", "EARS {total} of 24").format(
                total=saved.ears_total
            )
        builder._say(said)
    return saved


def propose_next(builder: Any) -> Job[tuple[ProgramRecord, list[Any]]]:
    """Works out the next program from the latest check-in on the thread pool (issue 22), then
    shows it in the builder, unsaved (asking first when the drills shown are unsaved)."""
    lang = language_code(QLocale().name())
    ctx, client_id = builder.ctx, builder.client_id

    def failed(exc: Exception) -> None:
        builder.proposing = None
        if not isinstance(exc, (PermissionError, ValueError, LookupError)):
            show_failure(builder, exc)
        builder._say(f"⚠ {svc.describe(exc)}")

    job: Job[tuple[ProgramRecord, list[Any]]] = Job(
        builder,
        lambda _control: svc.proposed_program(ctx, client_id, lang=lang),
        lambda proposed: _proposed(builder, *proposed),
    ).failure(failed)
    builder.proposing = job
    return job.run()


def _proposed(builder: Any, program: ProgramRecord, changes: list[Any]) -> None:
    builder.proposing = None
    if (
        builder.dirty
        and builder.model.items
        and not builder._confirm(
            QCoreApplication.translate("CheckinRow", "Replace the program?"),
            QCoreApplication.translate(
                "CheckinRow", "Replace the drills shown with the proposed next program?"
            ),
        )
    ):
        return
    builder.show_program(program, saved=False)
    actions = ("progress", "regress", "hold", "pause", "drop")
    counts = {a: sum(c.action == a for c in changes) for a in actions}
    said = QCoreApplication.translate(
        "CheckinRow",
        "Proposed from the latest check-in: {progress} moved on, {regress} made easier, "
        "{hold} kept, {pause} held back, {drop} dropped (reasons in the Why column "
        "and the status): edit as you see fit, then save",
    ).format(**counts)
    # A review flag first (the client was told to call before the next session); a drill held
    # back or flagged is named by its reason already, a dropped one is named here.
    flagged = [c.reason for c in changes if c.action == "review"]
    paused = [c.reason for c in changes if c.action == "pause"]
    dropped = [f"{builder.model.name_of(c.was)}: {c.reason}" for c in changes if c.action == "drop"]
    builder._say(" · ".join([*flagged, said, *paused, *dropped]))
