"""The audit trail window (admins): filter by client, user, day and action; export CSV."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.services import audit
from mobileathlete_desktop.services.audit import AuditFilter, AuditRecord
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mobileathlete_desktop.ui.jobs import Job
from mobileathlete_desktop.ui.record_table import RecordTableModel
from mobileathlete_desktop.ui.screen_fit import fit_to_screen

COLUMNS = (
    QT_TRANSLATE_NOOP("AuditTableModel", "When (local time)"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Who"),
    QT_TRANSLATE_NOOP("AuditTableModel", "What happened"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Chart"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Action"),
)
WHEN, WHO, WHAT, CHART, ACTION = range(len(COLUMNS))
ROW_LIMIT = 20_000

_Index = QModelIndex | QPersistentModelIndex


class AuditTableModel(RecordTableModel[AuditRecord]):
    """Audit events as rows (records from the service, never database rows)."""

    columns = COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        title = super().headerData(section, orientation, role)
        return QCoreApplication.translate("AuditTableModel", title) if title else title

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        event = self.record(index)
        if event is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == WHAT and role == Qt.ItemDataRole.ToolTipRole:
            # The sentence in full, then the stored record it was made from.
            raw = " ".join(p for p in (event.action, event.entity, event.entity_id) if p)
            if event.detail:
                raw += " " + json.dumps(event.detail, default=str, ensure_ascii=False)
            return f"{event.description}\n\n{raw}"
        values = (
            local_time(event.at),
            event.who or event.username,
            event.description[:200],
            event.chart_number,
            event.action,
        )
        return values[column] if 0 <= column < len(values) else None


def local_time(at: datetime) -> str:
    """A stored UTC time as this computer's local time, to the second."""
    aware = at if at.tzinfo else at.replace(tzinfo=UTC)
    return aware.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class AuditView(QDialog):
    """Filters, the table of events, and Export CSV; loading runs off the UI thread."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        ctx.actor.require("audit.read")
        self.ctx = ctx
        self._job: Job[list[AuditRecord]] | None = None
        self.setWindowTitle(self.tr("Audit trail — Mobile Athlete"))
        fit_to_screen(self, QSize(1000, 600))
        self.chart = QLineEdit(placeholderText=self.tr("Chart number"))
        self.chart.setAccessibleName(self.tr("Filter by chart number"))
        self.user = QLineEdit(placeholderText=self.tr("User"))
        self.user.setAccessibleName(self.tr("Filter by user"))
        self.action = QLineEdit(placeholderText=self.tr("Action, e.g. signin"))
        self.action.setAccessibleName(self.tr("Filter by action"))
        self.use_since = QCheckBox(self.tr("Since"))
        self.since = QDateEdit(QDate.currentDate().addDays(-30))
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setEnabled(False)
        self.use_since.toggled.connect(self.since.setEnabled)
        self.apply_button = QPushButton(self.tr("Show"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # arrows walk the events; Tab moves on
        self.table.setAccessibleName(self.tr("Audit events"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in (WHEN, WHO, CHART, ACTION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Audit status"))
        filters = QHBoxLayout()
        for widget in (self.chart, self.user, self.action, self.use_since, self.since):
            filters.addWidget(widget)
        filters.addWidget(self.apply_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.apply_button.clicked.connect(self.refresh)
        for box in (self.chart, self.user, self.action):
            box.returnPressed.connect(self.refresh)
        self.export_button.clicked.connect(self.choose_export_file)
        self.refresh()

    def current_filter(self) -> AuditFilter:
        """The filter the fields describe."""
        since: date | None = None
        if self.use_since.isChecked():
            qd = self.since.date()
            since = date(qd.year(), qd.month(), qd.day())
        return AuditFilter(
            chart_number=self.chart.text(),
            username=self.user.text(),
            since=since,
            action=self.action.text(),
        )

    def refresh(self) -> None:
        """Loads the matching events in the background."""
        flt = self.current_filter()
        self.status.setText(self.tr("Loading…"))
        self.apply_button.setEnabled(False)
        ctx = self.ctx
        self._job = (
            Job(
                self,
                lambda _c: audit.find_events(ctx, flt, limit=ROW_LIMIT, newest_first=True),
                self._loaded,
            )
            .failure(self._failed)
            .run()
        )

    def _loaded(self, events: list[AuditRecord]) -> None:
        self.apply_button.setEnabled(True)
        self.model.set_rows(events)
        n = len(events)
        if n >= ROW_LIMIT:
            text = self.tr(
                "{count} events, newest first, in local time (the newest {limit}; narrow the "
                "filter)"
            )
        elif n == 1:
            text = self.tr("1 event, newest first, in local time")
        else:
            text = self.tr("{count} events, newest first, in local time")
        locale = QLocale()
        self.status.setText(text.format(count=locale.toString(n), limit=locale.toString(ROW_LIMIT)))

    def _failed(self, error: Exception) -> None:
        self.apply_button.setEnabled(True)
        self.status.setText(self.tr("Cannot load the audit trail: {problem}").format(problem=error))

    def choose_export_file(self) -> None:
        """Asks where to save, then exports."""
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export audit trail"), "audit.csv", self.tr("CSV (*.csv)")
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        """Writes the filtered events to CSV (the export itself is audited)."""
        try:
            count = audit.export_csv(self.ctx, path, self.current_filter())
        except Exception as exc:  # shown to the admin, who can choose another place
            self.status.setText(self.tr("Not exported: {problem}").format(problem=exc))
            return
        text = (
            self.tr("Exported 1 event to {path}")
            if count == 1
            else self.tr("Exported {count} events to {path}")
        )
        self.status.setText(text.format(count=QLocale().toString(count), path=path))
