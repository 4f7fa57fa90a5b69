"""Clinic ▸ Backups (admins): the backup folder, a backup now, and restoring one."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QWidget,
)

from mobileathlete_desktop.services import backups
from mobileathlete_desktop.services.backups import BackupCancelled, BackupListing
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.forms import child, load_form
from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mobileathlete_desktop.ui.jobs import Job, JobControl
from mobileathlete_desktop.ui.record_table import RecordTableModel
from mobileathlete_desktop.ui.refusals import refusal_text
from mobileathlete_desktop.ui.screen_fit import fit_to_screen

COLUMNS = (
    QT_TRANSLATE_NOOP("BackupListModel", "Taken"),
    QT_TRANSLATE_NOOP("BackupListModel", "Kind"),
    QT_TRANSLATE_NOOP("BackupListModel", "Size"),
    QT_TRANSLATE_NOOP("BackupListModel", "File"),
)
KINDS = {
    "manual": QT_TRANSLATE_NOOP("BackupListModel", "Made by hand"),
    "daily": QT_TRANSLATE_NOOP("BackupListModel", "Daily"),
    "weekly": QT_TRANSLATE_NOOP("BackupListModel", "Weekly"),
    "before-migration": QT_TRANSLATE_NOOP("BackupListModel", "Before an update"),
    "other": QT_TRANSLATE_NOOP("BackupListModel", "Other"),
}
ERROR_STYLE = "color: #b00020"

_Index = QModelIndex | QPersistentModelIndex


def when(taken: datetime) -> str:
    """A backup's local date and time as a person reads it: 'Tue 3 Mar 2026, 14:05' (the
    pattern and the names in the window's language)."""
    # A Qt date pattern (QLocale::toString): each language orders day, month and year its way.
    pattern = QCoreApplication.translate("BackupsDialog", "ddd d MMM yyyy, HH:mm")
    moment = QDateTime(taken.year, taken.month, taken.day, taken.hour, taken.minute, taken.second)
    return QLocale().toString(moment, pattern)


def size_text(size: int) -> str:
    """A file size in kB, MB or GB (the decimal mark of the window's language)."""
    locale = QLocale()
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20)):
        if size >= scale:
            return f"{locale.toString(size / scale, 'f', 1)} {unit}"
    return f"{locale.toString(max(1, round(size / 1024)))} kB"


class BackupListModel(RecordTableModel[BackupListing]):
    """Backups on hand, newest first (records from the service)."""

    columns = COLUMNS

    def find(self, path: Path) -> BackupListing | None:
        """The listed backup at that path, if it is listed."""
        return next((b for b in self.rows if b.path == path), None)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        title = super().headerData(section, orientation, role)
        return QCoreApplication.translate("BackupListModel", title) if title else title

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        backup = self.record(index)
        if backup is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (
                when(backup.taken_at),
                QCoreApplication.translate("BackupListModel", KINDS.get(backup.kind, backup.kind)),
                size_text(backup.size),
                backup.path.name,
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(backup.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BackupsDialog(QDialog):
    """The backup folder, Back up now (with progress and Stop), the backups and Restore."""

    restored = Signal(object)
    """A backup was restored (its path): the program must start again."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._job: Job[Any] | None = None
        self.confirm: QMessageBox | None = None
        self.done_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Backups — Mobile Athlete"))
        form = load_form("backups_dialog", self)
        self.folder = child(form, QLineEdit, "folder")
        self.folder.returnPressed.connect(self.use_folder)
        self.browse_button = child(form, QPushButton, "browse_button")
        self.browse_button.clicked.connect(self.browse)
        self.use_button = child(form, QPushButton, "use_button")
        self.use_button.clicked.connect(self.use_folder)
        self.backup_button = child(form, QPushButton, "backup_button")
        self.backup_button.clicked.connect(self.back_up_now)
        self.stop_button = child(form, QPushButton, "stop_button")
        self.stop_button.clicked.connect(self.stop)
        self.progress = child(form, QProgressBar, "progress")
        self.model = BackupListModel(self)
        self.table = child(form, QTableView, "table")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self.restore_chosen())
        self.list_label = child(form, QLabel, "list_label")
        self.restore_button = child(form, QPushButton, "restore_button")
        self.restore_button.clicked.connect(self.restore_chosen)
        self.restore_file_button = child(form, QPushButton, "restore_file_button")
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.message = child(form, QLabel, "message")
        self.close_box = child(form, QDialogButtonBox, "close_box")
        self.close_box.rejected.connect(self.reject)
        fit_to_screen(self, QSize(820, 480))
        # Enter means the field it is typed in (a folder, a backup in the list), never
        # whichever button Qt would make the default: no Enter starts a backup by surprise.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.server = ctx.db.path is None
        if self.server:
            for widget in (self.folder, self.browse_button, self.use_button, self.backup_button):
                widget.setEnabled(False)
            self.restore_button.setEnabled(False)
            self.restore_file_button.setEnabled(False)
            self._say(self.tr("This clinic is on a database server: back it up on the server."))
        else:
            self.folder.setText(str(backups.backup_folder(ctx)))
            self.refresh()
        self.backup_button.setFocus()

    # -- helpers ------------------------------------------------------------------------------

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(("⚠ " if error else "") + text)

    def _busy(self, busy: bool, *, can_stop: bool = False) -> None:
        for widget in (
            self.folder,
            self.browse_button,
            self.use_button,
            self.backup_button,
            self.restore_button,
            self.restore_file_button,
            self.table,
            self.close_box,
        ):
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)  # busy until the first report says how much
        self.stop_button.setVisible(busy and can_stop)
        if busy and can_stop:
            self.stop_button.setFocus()

    @property
    def busy(self) -> bool:
        """Whether a backup or restore is running."""
        return self.progress.isVisible()

    def _start(self, call: Any, done: Any, failed: Any, *, can_stop: bool) -> None:
        self._busy(True, can_stop=can_stop)

        def work(control: JobControl) -> Any:
            def progress(copied: int, total: int) -> None:
                # The copy hears (pages copied, pages in all) and stops when this raises.
                if control.cancelled:
                    raise BackupCancelled("Backup stopped; nothing was kept")
                control.progress(copied, total)

            return call(progress)

        self._job = Job(self, work, done).failure(failed).on_progress(self._moved).run()

    def _moved(self, done: int, total: int | None, _text: str) -> None:
        self.progress.setRange(0, max(total or 0, 1))
        self.progress.setValue(done)

    def refresh(self) -> None:
        """Lists the backups on hand, newest first."""
        try:
            rows = backups.backups_on_hand(self.ctx)
        except (PermissionError, ValueError, OSError) as exc:
            self._say(refusal_text(exc), error=True)
            rows = []
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.list_label.setText(self.tr("&Backups, newest first ({count})").format(count=len(rows)))
        if rows:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.restore_button.setEnabled(bool(rows))

    # -- the folder ---------------------------------------------------------------------------

    @staticmethod
    def choose_folder(parent: QWidget, start: str) -> str:
        """Asks for a folder ('' if cancelled); tests replace this."""
        title = QCoreApplication.translate("BackupsDialog", "Backup folder")
        return QFileDialog.getExistingDirectory(parent, title, start)

    def browse(self) -> None:
        """Picks a folder with the system's chooser, then uses it."""
        chosen = self.choose_folder(self, self.folder.text())
        if chosen:
            self.folder.setText(chosen)
            self.use_folder()

    def use_folder(self) -> None:
        """Saves the typed folder in the clinic's settings once it proves writable."""
        text = self.folder.text().strip()
        if not text:
            self._say(self.tr("Type or choose a folder"), error=True)
            self.folder.setFocus()
            return
        folder = Path(text).expanduser()
        try:
            backups.set_backup_folder(self.ctx, folder)
        except (PermissionError, ValueError) as exc:
            self._say(refusal_text(exc), error=True)
            self.folder.setFocus()
            self.folder.selectAll()
            return
        self.folder.setText(str(folder))
        self._say(self.tr("Backups now go to {folder}.").format(folder=folder))
        self.refresh()

    # -- back up now --------------------------------------------------------------------------

    def back_up_now(self) -> None:
        """Writes a verified backup in the background, with progress and Stop."""
        self._say(self.tr("Backing up…"))
        self._start(
            lambda progress: backups.make_backup(self.ctx, progress=progress),
            self._backed_up,
            self._backup_failed,
            can_stop=True,
        )

    def stop(self) -> None:
        """Stops a running backup (nothing is kept)."""
        if self._job is not None:
            self._job.cancel()
            self.stop_button.setEnabled(False)

    def _backed_up(self, path: object) -> None:
        self._busy(False)
        self.stop_button.setEnabled(True)
        self.refresh()
        self._say(self.tr("Backup written and checked: {path}").format(path=path))
        self.backup_button.setFocus()

    def _backup_failed(self, error: Exception) -> None:
        self._busy(False)
        self.stop_button.setEnabled(True)
        if isinstance(error, BackupCancelled):
            self._say(self.tr("Backup stopped; nothing was kept."))
        else:
            self._say(
                self.tr(
                    "The backup was not made: {error}. Nothing half-written was kept; free some "
                    "space or choose another folder."
                ).format(error=error),
                error=True,
            )
        self.backup_button.setFocus()

    # -- restore ------------------------------------------------------------------------------

    @staticmethod
    def choose_file(parent: QWidget, start: str) -> str:
        """Asks for a backup file ('' if cancelled); tests replace this."""
        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("BackupsDialog", "Restore from a backup"),
            start,
            QCoreApplication.translate(
                "BackupsDialog", "Mobile Athlete backups (*.sqlite3);;All (*)"
            ),
        )
        return name

    def restore_chosen(self) -> None:
        """Asks to restore the backup chosen in the list."""
        backup = self.model.row_at(self.table.currentIndex().row())
        if backup is None:
            self._say(self.tr("Choose a backup in the list first"), error=True)
            return
        self._check_then_confirm(backup.path, backup.taken_at)

    def restore_from_file(self) -> None:
        """Asks to restore a backup file chosen anywhere (another disk, a copy)."""
        name = self.choose_file(self, self.folder.text())
        if name:
            path = Path(name)
            try:
                taken = datetime.fromtimestamp(path.stat().st_mtime)
            except OSError as exc:
                self._say(
                    self.tr("Cannot read {path}: {problem}").format(
                        path=path, problem=exc.strerror or exc
                    ),
                    error=True,
                )
                return
            listed = self.model.find(path)
            self._check_then_confirm(path, listed.taken_at if listed else taken)

    def _check_then_confirm(self, path: Path, taken: datetime) -> None:
        # A large file takes a while to check: off the UI thread, before anything is asked.
        self._say(self.tr("Checking {name}…").format(name=path.name))
        self._start(
            lambda _progress: backups.check_backup_file(path),
            lambda _none: self._confirm(path, taken),
            self._check_failed,
            can_stop=False,
        )

    def _check_failed(self, error: Exception) -> None:
        self._busy(False)
        self._say(self.tr("{problem}. Nothing was changed.").format(problem=error), error=True)

    def _confirm(self, path: Path, taken: datetime) -> None:
        self._busy(False)
        self._say("")
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Restore a backup — Mobile Athlete"), "", parent=self
        )
        box.setText(self.tr("Restore the backup taken {when}?").format(when=when(taken)))
        box.setInformativeText(
            self.tr(
                "The clinic's data goes back to how it was then: anything saved after "
                "{when} is not in it.\n\nThe current clinic file is kept aside, untouched "
                "(named …before-restore-…), beside it.\n\nMobile Athlete closes when the restore "
                "is done; start it again and sign in.\n\n{path}"
            ).format(when=when(taken), path=path)
        )
        self.restore_yes = box.addButton(
            self.tr("&Restore this backup"), QMessageBox.ButtonRole.AcceptRole
        )
        keep = box.addButton(self.tr("&Keep the current data"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.finished.connect(lambda _r: self._answered(box, path, taken))
        self.confirm = box
        box.open()

    def _answered(self, box: QMessageBox, path: Path, taken: datetime) -> None:
        if box.clickedButton() is not self.restore_yes:
            self._say(self.tr("Nothing was restored."))
            return
        self._say(self.tr("Restoring the backup of {when}…").format(when=when(taken)))
        self._start(
            lambda progress: backups.restore_backup(self.ctx, path, progress=progress),
            lambda aside: self._restored(path, taken, aside),
            self._restore_failed,
            can_stop=False,
        )

    def _restore_failed(self, error: Exception) -> None:
        self._busy(False)
        self._say(
            self.tr("The restore failed: {error}. The clinic's data was left as it was.").format(
                error=error
            ),
            error=True,
        )

    def _restored(self, path: Path, taken: datetime, aside: object) -> None:
        self._busy(False)
        for widget in (self.folder, self.browse_button, self.use_button, self.backup_button):
            widget.setEnabled(False)
        self.restore_button.setEnabled(False)
        self.restore_file_button.setEnabled(False)
        kept = self.tr("The replaced file was kept as {path}.").format(path=aside) if aside else ""
        restored = self.tr("Restored the backup of {when}.").format(when=when(taken))
        self._say(f"{restored} {kept}".strip())
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Backup restored — Mobile Athlete"),
            self.tr("The clinic's data is now the backup of {when}.").format(when=when(taken)),
            QMessageBox.StandardButton.Ok,
            self,
        )
        closing = self.tr(
            "Mobile Athlete closes now, so that nothing on screen comes from the replaced file. "
            "Start it again and sign in."
        )
        box.setInformativeText(f"{kept}\n\n{closing}".strip())
        box.finished.connect(lambda _r: self._finish_restore(path))
        self.done_box = box
        box.open()

    def _finish_restore(self, path: Path) -> None:
        self.accept()
        self.restored.emit(path)

    def reject(self) -> None:
        """Closing waits while a backup or restore runs (Stop ends a backup)."""
        if self.busy:
            return
        super().reject()
