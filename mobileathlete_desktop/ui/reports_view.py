"""The Reports view for clinic admins: choose clients (by visit date or by name) and the report
(the two-page progress summary, the full record, or a referral letter, in English or Spanish),
then preview, print or save, one PDF for all or one file each.

Reports are written by services.reports (the same interpretation and charts as the window) on
the thread pool, with progress shown and a Cancel button (ui.reports_batch); a cancelled or
failed batch leaves no half-written file under the final name.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QLocale, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QWidget,
)

from mobileathlete_desktop.domain.records import ClientRecord
from mobileathlete_desktop.domain.validation import InvalidValue
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui import print_support, reports_batch
from mobileathlete_desktop.ui import service_adapter as svc
from mobileathlete_desktop.ui.date_field import CalendarPopup, read_date
from mobileathlete_desktop.ui.forms import child, form_class, load_form
from mobileathlete_desktop.ui.i18n import window_language
from mobileathlete_desktop.ui.jobs import Job, show_failure
from mobileathlete_desktop.ui.refusals import refusal_text
from mobileathlete_desktop.ui.screen_fit import fit_to_screen

LANGUAGES = (("English", "en"), ("Español", "es"))
# The report type list, in the form's order.
SUMMARY_ROW, LETTER_ROW = 0, 1
SEARCH_LIMIT = 50
SEARCH_DELAY_MS = 150
# The compiled form, loaded with this module (ahead of time by ui.prewarm while the window
# idles), not when the view first opens.
form_class("reports_view")


def client_label(client: ClientRecord) -> str:
    """ "Family, Given — chart (date of birth)" as listed."""
    born = f" ({client.date_of_birth.isoformat()})" if client.date_of_birth else ""
    return f"{client.family_name}, {client.given_name} — {client.chart_number}{born}"


class ReportsView(QDialog):
    """Pick clients, then preview, print or save their progress reports."""

    def __init__(
        self,
        ctx: ServiceContext,
        parent: QWidget | None = None,
        *,
        store: QSettings | None = None,
        client_ids: Sequence[int] = (),
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store = store if store is not None else print_support.settings()
        self.setWindowTitle(self.tr("Client reports"))
        fit_to_screen(self, QSize(720, 620))
        self.chosen: dict[int, str] = {}
        self.job: Job[svc.BatchResult] | None = None
        # The day's clients or a search being read, if any (a later one overtakes it).
        self.listing: Job[Any] | None = None
        self.preview_dialog: Any = None
        self._build()
        for client_id in client_ids:
            self._choose(svc.get_client(ctx, client_id), True)
        self._show_list(list(self.chosen))
        self._update()

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        form = load_form("reports_view", self)
        today = date.today().isoformat()
        self.first = child(form, QLineEdit, "first")
        self.last = child(form, QLineEdit, "last")
        self.calendars = [
            CalendarPopup(self.first, self.tr("First date")),
            CalendarPopup(self.last, self.tr("Second date")),
        ]
        for edit in (self.first, self.last):
            edit.setText(today)
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0000-00-00") + 48)
            edit.returnPressed.connect(self.list_clients_seen)
        self.list_seen = child(form, QPushButton, "list_seen")
        self.list_seen.clicked.connect(self.list_clients_seen)

        self.search = child(form, QLineEdit, "search")
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.find_clients)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.find_clients)

        self.clients = child(form, QListWidget, "clients")
        self.clients.itemChanged.connect(self._ticked)
        self.all_button = child(form, QPushButton, "all_button")
        self.all_button.clicked.connect(lambda: self._tick_all(True))
        self.none_button = child(form, QPushButton, "none_button")
        self.none_button.clicked.connect(lambda: self._tick_all(False))
        self.count = child(form, QLabel, "count")

        self.kind = child(form, QComboBox, "kind")
        self.full_record = child(form, QCheckBox, "full_record")
        self.kind.currentIndexChanged.connect(lambda _i: self._update())
        self.language = child(form, QComboBox, "language")
        for label, code in LANGUAGES:
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(window_language())))

        self.one_file = child(form, QRadioButton, "one_file")
        self.per_client = child(form, QRadioButton, "per_client")
        self.progress = child(form, QProgressBar, "progress")
        self.status = child(form, QLabel, "status")

        self.preview_button = child(form, QPushButton, "preview_button")
        self.preview_button.clicked.connect(self.preview)
        self.print_button = child(form, QPushButton, "print_button")
        self.print_button.clicked.connect(self.print_reports)
        self.save_button = child(form, QPushButton, "save_button")
        self.save_button.clicked.connect(self.save_reports)
        self.cancel_button = child(form, QPushButton, "cancel_button")
        self.cancel_button.clicked.connect(self.cancel)
        close_box = child(form, QDialogButtonBox, "close_box")
        self.close_button = close_box.button(QDialogButtonBox.StandardButton.Close)
        close_box.rejected.connect(self.reject)
        # Enter in the search box searches; it must not also press a button of the dialog.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)

        shortcuts = (
            (self.tr("Print"), QKeySequence.StandardKey.Print, self.print_reports),
            (self.tr("Save"), QKeySequence.StandardKey.Save, self.save_reports),
            (self.tr("Find"), QKeySequence.StandardKey.Find, self.search.setFocus),
        )
        for text, key, slot in shortcuts:
            action = QAction(text, self, shortcut=QKeySequence(key))
            action.triggered.connect(slot)
            self.addAction(action)

    # -- choosing clients ------------------------------------------------------------------

    def _choose(self, client: ClientRecord, on: bool) -> None:
        if on:
            self.chosen[client.id] = client_label(client)
        else:
            self.chosen.pop(client.id, None)

    def _show_list(self, ids: Sequence[int], labels: dict[int, str] | None = None) -> None:
        """Lists the chosen clients first, then the other ids given (unticked)."""
        labels = labels or {}
        self.clients.blockSignals(True)
        self.clients.clear()
        shown = list(self.chosen) + [i for i in ids if i not in self.chosen]
        for client_id in shown:
            text = self.chosen.get(client_id) or labels.get(client_id, str(client_id))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, client_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = client_id in self.chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.clients.addItem(item)
        self.clients.blockSignals(False)
        if self.clients.count():
            self.clients.setCurrentRow(0)
        self._update()

    def _ticked(self, item: QListWidgetItem) -> None:
        client_id = int(item.data(Qt.ItemDataRole.UserRole))
        if item.checkState() == Qt.CheckState.Checked:
            self.chosen[client_id] = item.text()
        else:
            self.chosen.pop(client_id, None)
        self._update()

    def _tick_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for row in range(self.clients.count()):
            self.clients.item(row).setCheckState(state)

    def list_clients_seen(self) -> Job[list[ClientRecord]] | None:
        """Ticks every client with an assessment in the date range (the day's batch), read in
        one query on the thread pool; returns the job (None: the dates are wrong)."""
        self.listing = None  # whatever was being read before is not shown
        try:
            first = read_date(self.first, "First date")
            last = read_date(self.last, "Second date")
        except InvalidValue as exc:
            self._say(f"⚠ {refusal_text(exc)}")
            return None
        if first is None or last is None:
            self._say(self.tr("⚠ Give both dates (YYYY-MM-DD, or Alt+↓ for a calendar)."))
            return None
        if last < first:
            self._say(self.tr("⚠ The second date is before the first."))
            return None
        ctx = self.ctx
        job: Job[list[ClientRecord]] = Job(
            self,
            lambda _control: svc.clients_seen_between(ctx, first, last),
            lambda found: self._seen(job, found, first, last),
        )
        job.failure(lambda exc: self._not_listed(job, exc))
        self.listing = job  # a later list or search overtakes this one
        self._say(self.tr("Looking for the clients seen…"))
        return job.run()

    def _seen(self, job: Job[Any], found: list[ClientRecord], first: date, last: date) -> None:
        if job is not self.listing:
            return
        self.listing = None
        self.chosen.clear()
        for client in found:
            self._choose(client, True)
        self._show_list([c.id for c in found])
        self._say(self._seen_text(len(found), first, last))

    def _not_listed(self, job: Job[Any], exc: Exception) -> None:
        if job is not self.listing:
            return
        self.listing = None
        if not isinstance(exc, (PermissionError, ValueError, LookupError, OSError)):
            show_failure(self, exc)  # a bug: logged, said in a box
        self._say(f"⚠ {svc.describe(exc)}")

    def _seen_text(self, count: int, first: date, last: date) -> str:
        """How many clients were seen on that day or in that span, as a sentence."""
        one_day = first == last
        if count == 0:
            text = (
                self.tr("No client was assessed {first}.")
                if one_day
                else self.tr("No client was assessed {first} to {last}.")
            )
        elif count == 1:
            text = (
                self.tr("1 client seen {first}.")
                if one_day
                else self.tr("1 client seen {first} to {last}.")
            )
        else:
            text = (
                self.tr("{count} clients seen {first}.")
                if one_day
                else self.tr("{count} clients seen {first} to {last}.")
            )
        return text.format(
            count=QLocale().toString(count), first=first.isoformat(), last=last.isoformat()
        )

    def find_clients(self) -> Job[list[ClientRecord]] | None:
        """Lists clients matching the search (ticked ones stay at the top), read on the
        thread pool; returns the job (None: nothing to search for)."""
        self.listing = None
        text = self.search.text().strip()
        if not text:
            self._show_list([])
            return None
        ctx = self.ctx
        job: Job[list[ClientRecord]] = Job(
            self,
            lambda _control: svc.search_clients(ctx, text, limit=SEARCH_LIMIT),
            lambda found: self._found(job, found, text),
        )
        job.failure(lambda exc: self._not_listed(job, exc))
        self.listing = job
        return job.run()

    def _found(self, job: Job[Any], found: list[ClientRecord], text: str) -> None:
        if job is not self.listing:
            return
        self.listing = None
        self._show_list([c.id for c in found], {c.id: client_label(c) for c in found})
        if not found:
            self._say(self.tr("No client matches “{text}”.").format(text=text))

    def chosen_ids(self) -> list[int]:
        """The ticked clients, in list order."""
        return list(self.chosen)

    # -- state -----------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def _update(self) -> None:
        n = len(self.chosen)
        busy = self.job is not None
        ticked = self.tr("1 client ticked") if n == 1 else self.tr("{count} clients ticked")
        self.count.setText(ticked.format(count=QLocale().toString(n)))
        for button in (self.preview_button, self.print_button, self.save_button):
            button.setEnabled(n > 0 and not busy)
        controls: tuple[QWidget, ...] = (
            self.list_seen,
            self.search,
            self.clients,
            self.kind,
            self.language,
            self.one_file,
            self.per_client,
        )
        for widget in (*controls, self.first, self.last, self.all_button, self.none_button):
            widget.setEnabled(not busy)
        # A letter is one page: it has no full record.
        self.full_record.setEnabled(not busy and self.kind.currentIndex() == SUMMARY_ROW)
        self.cancel_button.setVisible(busy)
        self.close_button.setEnabled(not busy)

    def report_kind(self) -> str:
        """ "summary", "full" or "letter", as chosen."""
        if self.kind.currentIndex() == LETTER_ROW:
            return "letter"
        return "full" if self.full_record.isChecked() else "summary"

    def report_language(self) -> str:
        """The language chosen for the reports ("en", "es")."""
        return str(self.language.currentData())

    # -- writing ---------------------------------------------------------------------------

    def cancel(self) -> None:
        """Stops the batch after the report being written (finished files are kept)."""
        reports_batch.cancel(self)

    def save_reports(self) -> None:
        """Saves the reports: one PDF (file dialog) or one per client (folder dialog)."""
        reports_batch.save_reports(self)

    def suggested_name(self) -> str:
        return reports_batch.suggested_name(self)

    def preview(self) -> None:
        """Writes the reports to a temporary PDF and shows a print preview."""
        reports_batch.preview(self)

    def print_reports(self) -> None:
        """Writes the reports, then the print dialog (printer, page range), then prints."""
        reports_batch.print_reports(self)

    def reject(self) -> None:
        if self.job is not None:  # Escape during a batch cancels it rather than closing
            self.cancel()
            return
        super().reject()


__all__ = ["ReportsView", "client_label"]
