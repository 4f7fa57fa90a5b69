"""A client's page: profile, the list of assessments and the latest findings at a glance.

The page is read in one service call off the UI thread (services.overview); its history also
feeds the Progress tab, which reads nothing again. A newer choice of client wins: an answer
for a client no longer wanted is dropped.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.domain.records import AssessmentRecord, ClientRecord
from mobileathlete_desktop.services import overview as overview_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.overview import ClientOverview
from mobileathlete_desktop.ui.findings_panel import FindingsPanel
from mobileathlete_desktop.ui.flow_layout import FlowLayout
from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mobileathlete_desktop.ui.jobs import Job, JobControl, show_failure
from mobileathlete_desktop.ui.progress_view import ProgressView

ASSESSMENT_COLUMNS = (
    QT_TRANSLATE_NOOP("ClientPage", "Date"),
    QT_TRANSLATE_NOOP("ClientPage", "Kind"),
    QT_TRANSLATE_NOOP("ClientPage", "Therapist"),
    QT_TRANSLATE_NOOP("ClientPage", "Status"),
    QT_TRANSLATE_NOOP("ClientPage", "Values"),
)
KINDS = {
    "initial": QT_TRANSLATE_NOOP("ClientPage", "Initial"),
    "reassessment": QT_TRANSLATE_NOOP("ClientPage", "Reassessment"),
    "discharge": QT_TRANSLATE_NOOP("ClientPage", "Discharge"),
    "screen": QT_TRANSLATE_NOOP("ClientPage", "Screen"),
    "addendum": QT_TRANSLATE_NOOP("ClientPage", "Addendum"),
}


class ClientPage(QWidget):
    """Shows one client; empty with a hint until a client is chosen."""

    open_assessment = Signal(int)
    new_assessment = Signal()
    edit_client = Signal()
    archive_client = Signal()
    home_program = Signal()
    client_report = Signal()
    client_shown = Signal(int)
    """The page now shows this client (their record, visits and findings are loaded)."""

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.client_id: int | None = None
        """The client the page is for (as soon as chosen, before their record arrives)."""
        self.client: ClientRecord | None = None
        """Their record once loaded; None while another client's page is still shown."""
        self.loaded: ClientOverview | None = None
        self._job: Job[ClientOverview] | None = None
        self._generation = 0
        self.title = QLabel(self.tr("No client selected"))
        self.title.setAccessibleName(self.tr("Client name"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)  # a long name wraps on a narrow page
        self.profile = QLabel(self.tr("Choose a client on the left, or search with Ctrl+F."))
        self.profile.setWordWrap(True)
        self.profile.setAccessibleName(self.tr("Client profile"))
        self.new_button = QPushButton(self.tr("&New assessment (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("&Edit client (Ctrl+E)"))
        self.archive_button = QPushButton(self.tr("Arch&ive"))
        self.program_button = QPushButton(self.tr("Home pro&gram… (Ctrl+Shift+P)"))
        self.report_button = QPushButton(self.tr("&Report…"))
        for button, signal in (
            (self.new_button, self.new_assessment),
            (self.edit_button, self.edit_client),
            (self.archive_button, self.archive_client),
            (self.program_button, self.home_program),
            (self.report_button, self.client_report),
        ):
            button.clicked.connect(signal.emit)
        # The role decides what is offered; the services refuse the rest anyway.
        self.new_button.setVisible(ctx.actor.can("assessments.write"))
        self.edit_button.setVisible(ctx.actor.can("clients.write"))
        self.archive_button.setVisible(ctx.actor.can("clients.archive"))
        self.program_button.setVisible(
            ctx.actor.can("programs.write") or ctx.actor.can("handouts.print")
        )
        self.report_button.setVisible(ctx.actor.can("reports.print"))
        self.buttons = QWidget()
        # Wraps onto a second line on a narrow page (150 % scaling) rather than scrolling.
        buttons = FlowLayout(self.buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.new_button,
            self.edit_button,
            self.program_button,
            self.report_button,
            self.archive_button,
        ):
            buttons.addWidget(button)
        self.assessments = QTableWidget(0, len(ASSESSMENT_COLUMNS))
        self.assessments.setAccessibleName(self.tr("Assessments"))
        self.assessments.setHorizontalHeaderLabels([self.tr(c) for c in ASSESSMENT_COLUMNS])
        self.assessments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.assessments.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.assessments.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.assessments.verticalHeader().hide()
        self.assessments.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.assessments.setTabKeyNavigation(False)
        self.assessments.activated.connect(self._activated)
        self.assessments_label = QLabel(self.tr("&Assessments"))
        self.assessments_label.setBuddy(self.assessments)
        self.findings = FindingsPanel()
        self.overview = QWidget()
        overview = QVBoxLayout(self.overview)
        overview.setContentsMargins(0, 0, 0, 0)
        overview.addWidget(self.profile)
        overview.addWidget(self.buttons)
        overview.addWidget(self.assessments_label)
        overview.addWidget(self.assessments, 2)
        overview.addWidget(self.findings, 1)
        # Charts live on their own tab; matplotlib loads only when it is first opened.
        self.progress = ProgressView(ctx)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Client views"))
        self.tabs.addTab(self.overview, self.tr("&Overview"))
        self.tabs.addTab(self.progress, self.tr("&Progress"))
        self.tabs.tabBar().hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self._row_ids: list[int] = []
        for widget in (self.buttons, self.assessments_label, self.assessments, self.findings):
            widget.hide()

    def _activated(self) -> None:
        row = self.assessments.currentRow()
        if 0 <= row < len(self._row_ids):
            self.open_visit(self._row_ids[row])

    def open_visit(self, assessment_id: int) -> None:
        """Reads what the editor shows off the UI thread, then asks for the editor with it
        in hand (`open_assessment`); if the read fails, the editor is asked for anyway and
        reads (and says what is wrong) itself."""
        ctx = self.ctx

        def read(_control: JobControl) -> object:
            # Imported here, on the worker: the editor's modules may not be loaded yet.
            from mobileathlete_desktop.ui.assessment_editor.opening import read_opening

            return read_opening(ctx, assessment_id)

        Job(self, read, self._opening_read).failure(
            lambda _exc: self.open_assessment.emit(assessment_id)
        ).run()

    def _opening_read(self, opening: object) -> None:
        from mobileathlete_desktop.ui.assessment_editor.opening import EditorOpening, handed_over

        assert isinstance(opening, EditorOpening)
        with handed_over(opening):
            self.open_assessment.emit(opening.record.id)

    @property
    def loading(self) -> bool:
        """Whether the page is reading a client."""
        return self._job is not None and self._job.running

    def show_client(self, client_id: int, *, audit: bool = True) -> None:
        """Reads a client off the UI thread, then shows them (opening a record is audited by
        the service); asked again before the answer came, the newer client wins."""
        if client_id != self.client_id:
            self.client = None  # no edit of the previous client while this one loads
        self.client_id = client_id
        self._generation += 1
        generation = self._generation
        ctx = self.ctx
        job: Job[ClientOverview] = Job(
            self,
            lambda _control: overview_service.client_overview(ctx, client_id, audit=audit),
            lambda overview: self._loaded(generation, overview),
        )
        self._job = job.failure(lambda exc: self._not_loaded(generation, exc)).run()

    def _not_loaded(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            show_failure(self, exc)

    def _loaded(self, generation: int, overview: ClientOverview) -> None:
        if generation != self._generation:
            return  # a client chosen since: their answer is the one to show
        client = overview.client
        self.loaded = overview
        self.client = client
        title = f"{client.full_name}  ·  {client.chart_number}"
        if client.archived:
            title = self.tr("{title}  (archived)").format(title=title)
        self.title.setText(title)
        self.profile.setText(self._profile_html(client))
        self.archive_button.setText(
            self.tr("Unarch&ive") if client.archived else self.tr("Arch&ive")
        )
        rows = overview.assessments
        self._row_ids = [a.id for a in rows]
        self.assessments.setRowCount(len(rows))
        for r, a in enumerate(rows):
            status = self.tr("Signed (locked)") if a.status == "signed" else self.tr("✎ Draft")
            kind = self.tr(KINDS[a.kind]) if a.kind in KINDS else a.kind.capitalize()
            if a.addendum_of is not None:
                kind = self.tr("Addendum (correction)")
            cells = (a.date.isoformat(), kind, a.therapist, status, str(a.values))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
                self.assessments.setItem(r, c, item)
        self.assessments.resizeColumnsToContents()
        self.assessments.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.assessments_label.setText(
            self.tr("&Assessments ({n}) — Enter opens").format(n=len(rows))
        )
        # Flags of the latest assessment, as the summary and the report state them.
        if overview.findings is None:
            self.findings.set_rows([])
        else:
            self.findings.show_interpretation(overview.findings)
        for widget in (self.buttons, self.assessments_label, self.assessments, self.findings):
            widget.show()
        self.tabs.tabBar().show()
        self.progress.set_client(client.id, overview.history)
        self.client_shown.emit(client.id)

    def follow_visit(self, record: AssessmentRecord) -> bool:
        """Shows an open editor's record of a visit in the visit's row (its number of values),
        with no read; False when that is not enough and the page must be read again: a visit
        not listed (a new addendum), its status, date or kind changed (signed), or no page of
        its client shown. The findings and Progress keep the last read until the page is read
        again (the main window does so when it is looked at: ui/main_window.py)."""
        loaded = self.loaded
        if loaded is None or self.client_id != record.client_id:
            return False
        if loaded.client.id != record.client_id:  # another client's page, still shown
            return False
        row = next((r for r, a in enumerate(loaded.assessments) if a.id == record.id), None)
        if row is None:
            return False
        listed = loaded.assessments[row]
        if (listed.status, listed.date, listed.kind) != (record.status, record.date, record.kind):
            return False
        values = len(record.measurements)  # as the page's read counts them
        if values != listed.values:
            rows = list(loaded.assessments)
            rows[row] = replace(listed, values=values)
            self.loaded = replace(loaded, assessments=tuple(rows))
            item = QTableWidgetItem(str(values))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, str(values))
            self.assessments.setItem(row, ASSESSMENT_COLUMNS.index("Values"), item)
        return True

    def show_progress(self) -> None:
        """Brings the Progress tab forward (its charts load on first showing)."""
        self.tabs.setCurrentWidget(self.progress)

    @staticmethod
    def _profile_html(client: ClientRecord) -> str:
        return profile_html(client)


SEXES = {
    "female": QT_TRANSLATE_NOOP("ClientPage", "female"),
    "male": QT_TRANSLATE_NOOP("ClientPage", "male"),
    "other": QT_TRANSLATE_NOOP("ClientPage", "other"),
    "unknown": QT_TRANSLATE_NOOP("ClientPage", "not recorded"),
}
LEGS = {
    "left": QT_TRANSLATE_NOOP("ClientPage", "left"),
    "right": QT_TRANSLATE_NOOP("ClientPage", "right"),
    "unknown": QT_TRANSLATE_NOOP("ClientPage", "not recorded"),
}
# The coded presenting complaint (domain.records.COMPLAINT_CODES) in the words of the client
# dialog's list (its context, so one translation serves both).
COMPLAINTS = {
    "achilles_midportion": QT_TRANSLATE_NOOP("ClientForm", "Achilles tendon, mid-portion"),
    "achilles_insertional": QT_TRANSLATE_NOOP("ClientForm", "Achilles tendon, insertional"),
    "plantar_heel": QT_TRANSLATE_NOOP("ClientForm", "Plantar heel pain"),
    "patellofemoral": QT_TRANSLATE_NOOP("ClientForm", "Patellofemoral pain"),
    "lateral_hip_gluteal": QT_TRANSLATE_NOOP(
        "ClientForm", "Lateral hip pain (gluteal tendinopathy)"
    ),
    "itb": QT_TRANSLATE_NOOP("ClientForm", "Iliotibial band syndrome"),
    "mtss": QT_TRANSLATE_NOOP("ClientForm", "Shin pain (medial tibial stress)"),
    "hamstring_proximal": QT_TRANSLATE_NOOP("ClientForm", "Proximal hamstring pain"),
    "other": QT_TRANSLATE_NOOP("ClientForm", "Other"),
}


def _years(value: float) -> str:
    if value == 1:
        return QCoreApplication.translate("ClientPage", "1 year")
    return QCoreApplication.translate("ClientPage", "{n} years").format(n=f"{value:g}")


def profile_html(client: ClientRecord) -> str:
    """The client's profile as a two-column table, in the window's language."""

    def _t(text: str) -> str:
        return QCoreApplication.translate("ClientPage", text)

    age = client.age_on(date.today())
    if client.date_of_birth is None:
        born = QCoreApplication.translate("ClientPage", "date of birth not recorded")
    elif age is None:
        born = client.date_of_birth.isoformat()
    else:
        born = f"{client.date_of_birth.isoformat()} ({_years(age)})"
    running = (
        QCoreApplication.translate("ClientPage", "{km} km/week").format(
            km=f"{client.weekly_distance_km:g}"
        )
        if client.weekly_distance_km is not None
        else "",
        _years(client.years_running) if client.years_running is not None else "",
        client.goal_event,
        client.footwear,
    )
    lines = [
        (QCoreApplication.translate("ClientPage", "Born"), born),
        (QCoreApplication.translate("ClientPage", "Sex"), _t(SEXES.get(client.sex, client.sex))),
        (
            QCoreApplication.translate("ClientPage", "Dominant leg"),
            _t(LEGS.get(client.dominant_leg, client.dominant_leg)),
        ),
        (
            QCoreApplication.translate("ClientPage", "Running"),
            ", ".join(part for part in running if part) or "—",
        ),
        *(
            # The complaint as coded, above the therapist's own words; nothing when not coded.
            [
                (
                    QCoreApplication.translate("ClientPage", "Presenting complaint"),
                    QCoreApplication.translate("ClientForm", COMPLAINTS[client.complaint_code]),
                )
            ]
            if client.complaint_code in COMPLAINTS
            else []
        ),
        (QCoreApplication.translate("ClientPage", "Complaint"), client.complaint or "—"),
        (QCoreApplication.translate("ClientPage", "Injury history"), client.injury_history or "—"),
        (
            QCoreApplication.translate("ClientPage", "Contact"),
            " · ".join(p for p in (client.phone, client.email) if p) or "—",
        ),
    ]
    body = "".join(
        f"<tr><td style='padding-right:12px'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
        for k, v in lines
    )
    return f"<table>{body}</table>"
