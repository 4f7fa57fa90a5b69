"""Today's work on the empty main page: the day's clients and the drafts still unsigned."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from mobileathlete_desktop.services import assessments as assessment_service
from mobileathlete_desktop.services.assessments import WorkItem, Worklist
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mobileathlete_desktop.ui.jobs import Job

ASSESSMENT_ROLE = Qt.ItemDataRole.UserRole
CLIENT_ROLE = Qt.ItemDataRole.UserRole + 1
KINDS = {  # a visit's kind in the middle of a line
    "initial": QT_TRANSLATE_NOOP("TodayPanel", "initial"),
    "reassessment": QT_TRANSLATE_NOOP("TodayPanel", "reassessment"),
    "discharge": QT_TRANSLATE_NOOP("TodayPanel", "discharge"),
    "screen": QT_TRANSLATE_NOOP("TodayPanel", "screen"),
    "addendum": QT_TRANSLATE_NOOP("TodayPanel", "addendum"),
}


def _line(item: WorkItem, *, with_date: bool) -> str:
    when = f"{item.date.isoformat()} · " if with_date else ""
    if item.status == "draft":
        status = QCoreApplication.translate("TodayPanel", "draft, not signed")
    elif item.status == "signed":
        status = QCoreApplication.translate("TodayPanel", "signed")
    else:
        status = item.status
    kind = KINDS.get(item.kind)
    kind = QCoreApplication.translate("TodayPanel", kind) if kind else item.kind
    who = f" · {item.therapist}" if item.therapist else ""
    return f"{item.client_name} — {item.chart_number} · {when}{kind}, {status}{who}"


class TodayPanel(QWidget):
    """Two short lists; Enter or a double click opens the client and the assessment."""

    open_client = Signal(int)
    open_assessment = Signal(int)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.today = QListWidget()
        self.today.setAccessibleName(self.tr("Today's clients"))
        self.drafts_label = QLabel(self.tr("Unsigned drafts from earlier days"))
        self.drafts = QListWidget()
        self.drafts.setAccessibleName(self.tr("Unsigned drafts"))
        for view in (self.today, self.drafts):
            view.itemActivated.connect(self._activated)
            view.setMaximumHeight(view.fontMetrics().height() * 9)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.today)
        layout.addWidget(self.drafts_label)
        layout.addWidget(self.drafts)
        self._fresh = False  # read since it was last shown (one query per showing, not three)
        self._generation = 0
        self._job: Job[Worklist] | None = None
        if not ctx.actor.can("assessments.read"):
            self.setVisible(False)  # setVisible(True) here would open it as a window
        self.refresh()

    def refresh(self, day: date | None = None) -> None:
        """Reads the worklist again (after a visit is created, signed or archived), off the UI
        thread: on a large clinic the read takes tens of milliseconds, and the main window
        is usable meanwhile. An answer overtaken by a newer read is dropped."""
        if not self.ctx.actor.can("assessments.read"):
            return
        day = day or date.today()
        ctx = self.ctx
        self._generation += 1
        generation = self._generation
        self._fresh = True
        self._job = Job(
            self,
            lambda _control: assessment_service.worklist(ctx, day),
            lambda work: self._show(generation, day, work),
        ).run()

    def _show(self, generation: int, day: date, work: Worklist) -> None:
        if generation != self._generation:
            return
        self._fill(self.today, work.today, with_date=False)
        self._fill(self.drafts, work.drafts, with_date=True)
        seen = len({i.client_id for i in work.today})
        if seen == 0:
            heading = self.tr("Today, {day}: no assessment yet")
        elif seen == 1:
            heading = self.tr("Today, {day}: 1 client")
        else:
            heading = self.tr("Today, {day}: {n} clients")
        self.heading.setText(heading.format(day=day.isoformat(), n=seen))
        self.today.setVisible(bool(work.today))
        self.drafts_label.setVisible(bool(work.drafts))
        self.drafts.setVisible(bool(work.drafts))

    def showEvent(self, event: QShowEvent) -> None:
        # Shown again when no client is on the page: what was signed meanwhile has moved on.
        super().showEvent(event)
        if not self._fresh:
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._fresh = False

    @staticmethod
    def _fill(view: QListWidget, items: tuple[WorkItem, ...], *, with_date: bool) -> None:
        view.clear()
        for work in items:
            row = QListWidgetItem(_line(work, with_date=with_date))
            row.setData(ASSESSMENT_ROLE, work.assessment_id)
            row.setData(CLIENT_ROLE, work.client_id)
            view.addItem(row)

    def _activated(self, row: QListWidgetItem) -> None:
        self.open_client.emit(int(row.data(CLIENT_ROLE)))
        self.open_assessment.emit(int(row.data(ASSESSMENT_ROLE)))
