"""Today's work on the empty main page: the day's clients and the drafts still unsigned."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from mobileathlete_desktop.services import assessments as assessment_service
from mobileathlete_desktop.services.assessments import WorkItem
from mobileathlete_desktop.services.context import ServiceContext

ASSESSMENT_ROLE = Qt.ItemDataRole.UserRole
CLIENT_ROLE = Qt.ItemDataRole.UserRole + 1


def _line(item: WorkItem, *, with_date: bool) -> str:
    when = f"{item.date.isoformat()} · " if with_date else ""
    status = "draft, not signed" if item.status == "draft" else item.status
    who = f" · {item.therapist}" if item.therapist else ""
    return f"{item.client_name} — {item.chart_number} · {when}{item.kind}, {status}{who}"


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
        self.today.setAccessibleName("Today's clients")
        self.drafts_label = QLabel("Unsigned drafts from earlier days")
        self.drafts = QListWidget()
        self.drafts.setAccessibleName("Unsigned drafts")
        for view in (self.today, self.drafts):
            view.itemActivated.connect(self._activated)
            view.setMaximumHeight(view.fontMetrics().height() * 9)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.today)
        layout.addWidget(self.drafts_label)
        layout.addWidget(self.drafts)
        self.setVisible(ctx.actor.can("assessments.read"))
        self.refresh()

    def refresh(self, day: date | None = None) -> None:
        """Reads the worklist again (after a visit is created, signed or archived)."""
        if not self.ctx.actor.can("assessments.read"):
            return
        day = day or date.today()
        work = assessment_service.worklist(self.ctx, day)
        self._fill(self.today, work.today, with_date=False)
        self._fill(self.drafts, work.drafts, with_date=True)
        seen = len({i.client_id for i in work.today})
        self.heading.setText(
            f"Today, {day.isoformat()}: "
            + (f"{seen} client{'s' if seen != 1 else ''}" if seen else "no assessment yet")
        )
        self.today.setVisible(bool(work.today))
        self.drafts_label.setVisible(bool(work.drafts))
        self.drafts.setVisible(bool(work.drafts))

    def showEvent(self, event: QShowEvent) -> None:
        # Shown again when no client is on the page: what was signed meanwhile has moved on.
        super().showEvent(event)
        self.refresh()

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
