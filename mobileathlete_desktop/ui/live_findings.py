"""The editor's live findings: the open visit re-interpreted after each stored entry, shown
beside the grid (below it on a narrow window) while the client is still on the plinth."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QSplitter, QWidget

from mobileathlete_desktop.domain.interpretation import AssessmentInterpretation
from mobileathlete_desktop.domain.records import AssessmentRecord, ClientHistory
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.findings import interpret_record, read_and_interpret
from mobileathlete_desktop.ui.findings_panel import (
    FindingRow,
    FindingsPanel,
    rows_from,
    visit_words,
)
from mobileathlete_desktop.ui.jobs import Job

# Below this width (logical pixels) the findings go under the grid: the range-of-motion grid
# needs about 800 px for its six columns with markers, the findings about 320.
BESIDE_MIN_WIDTH = 1120
BESIDE_SHARE = 0.3
BESIDE_WIDTH = (320, 460)
BELOW_SHARE = 0.28
BELOW_MIN_HEIGHT = 110
# A burst of saves (a therapist typing down the grid) is interpreted once, a moment after the
# last one, so the interpretation never competes with the keystroke being stored.
REFRESH_DELAY_MS = 150

# What a refresh's worker hands back: the history read, the interpretation, and its glance
# lines as the panel's rows (worked out there too: not on the UI thread).
Answer = tuple[ClientHistory, AssessmentInterpretation, list[FindingRow]]


class LiveFindingsPanel(FindingsPanel):
    """Findings of the visit being typed, grouped by priority; `refresh` after each save.

    The interpretation (a history load and the rules) runs off the UI thread; a refresh asked
    while one runs is done once it ends, with whatever was stored by then, and the overtaken
    answer is not shown. After `stop` (the editor closed) nothing more is interpreted or shown.
    A refresh given the visit's record (a grid save: the editor's record holds what it stored)
    interprets it with the client's history read by the last full refresh, asking the
    database nothing; any other refresh reads the visit and the history again.
    """

    interpreted = Signal(object)  # AssessmentInterpretation: the grids take their markers

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__(
            heading=QCoreApplication.translate("LiveFindingsPanel", "Findings as typed"),
            empty=QCoreApplication.translate("LiveFindingsPanel", "Nothing flagged so far"),
            accessible_name=QCoreApplication.translate("LiveFindingsPanel", "Findings as typed"),
        )
        self.ctx = ctx
        self.result: AssessmentInterpretation | None = None
        self._job: Job[Answer] | None = None
        self._wanted: int | None = None
        self._again = False
        self._asked = 0  # refreshes asked so far: an answer to an older one is overtaken
        self._record: AssessmentRecord | None = None  # the visit as the editor holds it
        self._history: ClientHistory | None = None  # read by the last full refresh
        self._full = False  # a refresh asked since the last start reads the visit again
        self._stopped = False
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(REFRESH_DELAY_MS)
        self._delay.timeout.connect(self._kick)
        self.setToolTip("")
        self.list.setToolTip("")

    @property
    def busy(self) -> bool:
        """Whether an interpretation is on its way (or about to start)."""
        return self._job is not None or self._delay.isActive()

    def refresh(self, assessment_id: int, record: AssessmentRecord | None = None) -> None:
        """Interprets the visit again (in the background, a moment after the last save) and
        shows it when done; with `record` (the visit as stored, held by the editor) the
        visit is not read again."""
        if record is None or record.id != assessment_id or assessment_id != self._wanted:
            self._full = True
        self._record = record
        self._wanted = assessment_id
        self._asked += 1
        self._stopped = False
        self._delay.start()

    def stop(self) -> None:
        """Interprets nothing more and shows no answer still on its way (the editor closed)."""
        self._stopped = True
        self._delay.stop()
        self._again = False
        if self._job is not None:
            self._job.cancel()

    def _kick(self) -> None:
        if self._job is not None:
            self._again = True
            return
        self._start()

    def _start(self) -> None:
        assessment_id = self._wanted
        assert assessment_id is not None
        ctx = self.ctx
        asked = self._asked
        self._again = False
        record, history = self._record, self._history
        if self._full or record is None or history is None:
            # The visit (unless given) and the history read again: a first refresh, another
            # kind of save, or a reload (another window's change, an addendum).
            def work(_control: object) -> Answer:
                read, result = read_and_interpret(ctx, assessment_id, record)
                return read, result, rows_from(result, short=True)
        else:

            def work(_control: object) -> Answer:
                assert record is not None and history is not None
                result = interpret_record(ctx, history, record)
                return history, result, rows_from(result, short=True)

        self._full = False
        self._job = (
            Job(self, work, lambda r: self._done(asked, r))
            .failure(self._failed)
            .cancelled(self._finish_call)
            .run()
        )

    def _finish_call(self) -> None:
        self._job = None
        if self._again:
            self._start()

    def _done(self, asked: int, answer: Answer) -> None:
        history, result, rows = answer
        if result.assessment is not None and result.assessment.id == self._wanted:
            self._history = history  # the other visits, for the next refreshes
        self._finish_call()
        if self._stopped or asked != self._asked:
            return  # the editor closed, or a save since: the newer answer is the one to show
        if result.assessment is None or result.assessment.id != self._wanted:
            return  # the window moved on to an addendum meanwhile
        self.result = result
        # show_interpretation(result, lead, short=True), its rows made on the worker.
        visit = self.tr("Findings as typed — {visit}").format(visit=visit_words(result.assessment))
        self.set_rows(rows, visit, result.notes)
        self.interpreted.emit(result)

    def _failed(self, error: Exception) -> None:
        self._finish_call()
        if self._stopped:
            return
        self.set_rows(
            [FindingRow(self.tr("⚠ Not interpreted"), str(error))], self.tr("Findings as typed")
        )


class BesideOrBelow(QSplitter):
    """The grid's tabs and the findings side by side, or one above the other when the window
    is too narrow for both (a 1366-pixel screen at 150 %); the therapist may drag the divider."""

    def __init__(self, main: QWidget, side: QWidget) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setChildrenCollapsible(False)
        self.addWidget(main)
        self.addWidget(side)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 0)
        self._placed: Qt.Orientation | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.place(event.size().width(), event.size().height())

    def place(self, width: int, height: int) -> None:
        """Puts the findings beside the grid or below it for this size of the area."""
        wanted = Qt.Orientation.Horizontal if width >= BESIDE_MIN_WIDTH else Qt.Orientation.Vertical
        if wanted == self._placed:
            return
        self._placed = wanted
        self.setOrientation(wanted)
        if wanted == Qt.Orientation.Horizontal:
            low, high = BESIDE_WIDTH
            side = max(low, min(high, int(width * BESIDE_SHARE)))
            self.setSizes([width - side, side])
        else:
            side = max(BELOW_MIN_HEIGHT, int(height * BELOW_SHARE))
            self.setSizes([height - side, side])


def put_beside(main: QWidget, side: QWidget) -> BesideOrBelow:
    """Puts `side` beside (or below) `main` where `main` was in its parent's box layout."""
    parent = main.parentWidget()
    layout = parent.layout() if parent is not None else None
    assert isinstance(layout, QBoxLayout), "the main widget must sit in a box layout"
    index = layout.indexOf(main)
    stretch = layout.stretch(index)
    layout.removeWidget(main)
    split = BesideOrBelow(main, side)
    layout.insertWidget(index, split, max(stretch, 1))
    return split
