"""A client's page: profile, running background and the list of assessments."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.domain.records import ClientRecord
from mobileathlete_desktop.services import assessments as assessment_service
from mobileathlete_desktop.services import clients as client_service
from mobileathlete_desktop.services.context import ServiceContext

ASSESSMENT_COLUMNS = ("Date", "Kind", "Therapist", "Status", "Values")


class ClientPage(QWidget):
    """Shows one client; empty with a hint until a client is chosen."""

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.client_id: int | None = None
        self.title = QLabel("No client selected")
        self.title.setAccessibleName("Client name")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.profile = QLabel("Choose a client on the left, or search with Ctrl+F.")
        self.profile.setWordWrap(True)
        self.profile.setAccessibleName("Client profile")
        self.assessments = QTableWidget(0, len(ASSESSMENT_COLUMNS))
        self.assessments.setAccessibleName("Assessments")
        self.assessments.setHorizontalHeaderLabels(list(ASSESSMENT_COLUMNS))
        self.assessments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.assessments.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.assessments.verticalHeader().hide()
        self.assessments.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.assessments_label = QLabel("Assessments")
        self.assessments_label.setBuddy(self.assessments)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.profile)
        layout.addWidget(self.assessments_label)
        layout.addWidget(self.assessments, 1)
        self.assessments_label.hide()
        self.assessments.hide()

    def show_client(self, client_id: int) -> None:
        """Loads and shows a client (opening a record is audited by the service)."""
        client = client_service.get_client(self.ctx, client_id)
        self.client_id = client_id
        self.title.setText(f"{client.full_name}  ·  {client.chart_number}")
        self.profile.setText(self._profile_html(client))
        rows = assessment_service.list_assessments(self.ctx, client_id)
        self.assessments.setRowCount(len(rows))
        for r, a in enumerate(rows):
            status = "Signed" if a.status == "signed" else "Draft"
            cells = (a.date.isoformat(), a.kind.capitalize(), a.therapist, status, str(a.values))
            for c, text in enumerate(cells):
                self.assessments.setItem(r, c, QTableWidgetItem(text))
        self.assessments_label.setText(f"Assessments ({len(rows)})")
        self.assessments_label.show()
        self.assessments.show()

    @staticmethod
    def _profile_html(client: ClientRecord) -> str:
        age = client.age_on(date.today())
        born = (
            f"{client.date_of_birth.isoformat()} ({age} years)"
            if client.date_of_birth
            else "date of birth not recorded"
        )
        lines = [
            ("Born", born),
            ("Sex", client.sex),
            ("Dominant leg", client.dominant_leg),
            (
                "Running",
                ", ".join(
                    part
                    for part in (
                        f"{client.weekly_distance_km:g} km/week"
                        if client.weekly_distance_km is not None
                        else "",
                        f"{client.years_running:g} years"
                        if client.years_running is not None
                        else "",
                        client.goal_event,
                        client.footwear,
                    )
                    if part
                )
                or "—",
            ),
            ("Complaint", client.complaint or "—"),
            ("Injury history", client.injury_history or "—"),
            ("Contact", " · ".join(p for p in (client.phone, client.email) if p) or "—"),
        ]
        body = "".join(
            f"<tr><td style='padding-right:12px'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
            for k, v in lines
        )
        return f"<table>{body}</table>"
