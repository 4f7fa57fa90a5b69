"""Clinic ▸ Backups (admins): the backup folder, a backup now, and restoring one."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.services import backups
from mobileathlete_desktop.services.backups import BackupCancelled, BackupListing
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.jobs import Job, JobControl
from mobileathlete_desktop.ui.record_table import RecordTableModel
from mobileathlete_desktop.ui.screen_fit import fit_to_screen

COLUMNS = ("Taken", "Kind", "Size", "File")
KINDS = {
    "manual": "Made by hand",
    "daily": "Daily",
    "weekly": "Weekly",
    "before-migration": "Before an update",
    "other": "Other",
}
ERROR_STYLE = "color: #b00020"

_Index = QModelIndex | QPersistentModelIndex


def when(taken: datetime) -> str:
    """A backup's local date and time as a person reads it: 'Tue 3 Mar 2026, 14:05'."""
    return f"{taken:%a} {taken.day} {taken:%b %Y, %H:%M}"


def size_text(size: int) -> str:
    """A file size in kB, MB or GB."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{max(1, round(size / 1024))} kB"


class BackupListModel(RecordTableModel[BackupListing]):
    """Backups on hand, newest first (records from the service)."""

    columns = COLUMNS

    def find(self, path: Path) -> BackupListing | None:
        """The listed backup at that path, if it is listed."""
        return next((b for b in self.rows if b.path == path), None)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        backup = self.record(index)
        if backup is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (
                when(backup.taken_at),
                KINDS.get(backup.kind, backup.kind),
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
        self.setWindowTitle("Backups — Mobile Athlete")
        intro = QLabel(
            "Mobile Athlete backs the clinic up by itself once a day (14 daily and 8 weekly "
            "copies kept) and before an update. Another disk is the safest folder."
        )
        intro.setWordWrap(True)
        self.folder = QLineEdit()
        self.folder.setAccessibleName("Backup folder")
        self.folder.returnPressed.connect(self.use_folder)
        folder_label = QLabel("&Folder")
        folder_label.setBuddy(self.folder)
        self.browse_button = QPushButton("Bro&wse…")
        self.browse_button.clicked.connect(self.browse)
        self.use_button = QPushButton("&Use this folder")
        self.use_button.clicked.connect(self.use_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        folder_row.addWidget(self.use_button)
        self.backup_button = QPushButton("Back up &now")
        self.backup_button.clicked.connect(self.back_up_now)
        self.stop_button = QPushButton("&Stop")
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.hide()
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Progress")
        self.progress.hide()
        now_row = QHBoxLayout()
        now_row.addWidget(self.backup_button)
        now_row.addWidget(self.progress, 1)
        now_row.addWidget(self.stop_button)
        now_row.addStretch(0)
        self.model = BackupListModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("Backups on hand")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self.restore_chosen())
        self.list_label = QLabel("&Backups, newest first")
        self.list_label.setBuddy(self.table)
        self.restore_button = QPushButton("&Restore…")
        self.restore_button.setToolTip("Put the chosen backup in place of the clinic's data")
        self.restore_button.clicked.connect(self.restore_chosen)
        self.restore_file_button = QPushButton("Restore from a f&ile…")
        self.restore_file_button.clicked.connect(self.restore_from_file)
        restore_row = QHBoxLayout()
        restore_row.addWidget(self.restore_button)
        restore_row.addWidget(self.restore_file_button)
        restore_row.addStretch(1)
        self.message = QLabel()
        self.message.setAccessibleName("Message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(folder_row)
        layout.addLayout(now_row)
        layout.addWidget(self.list_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(restore_row)
        layout.addWidget(self.message)
        layout.addWidget(self.close_box)
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
            self._say("This clinic is on a database server: back it up on the server.")
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
            self._say(str(exc), error=True)
            rows = []
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.list_label.setText(f"&Backups, newest first ({len(rows)})")
        if rows:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.restore_button.setEnabled(bool(rows))

    # -- the folder ---------------------------------------------------------------------------

    @staticmethod
    def choose_folder(parent: QWidget, start: str) -> str:
        """Asks for a folder ('' if cancelled); tests replace this."""
        return QFileDialog.getExistingDirectory(parent, "Backup folder", start)

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
            self._say("Type or choose a folder", error=True)
            self.folder.setFocus()
            return
        folder = Path(text).expanduser()
        try:
            backups.set_backup_folder(self.ctx, folder)
        except (PermissionError, ValueError) as exc:
            self._say(str(exc), error=True)
            self.folder.setFocus()
            self.folder.selectAll()
            return
        self.folder.setText(str(folder))
        self._say(f"Backups now go to {folder}.")
        self.refresh()

    # -- back up now --------------------------------------------------------------------------

    def back_up_now(self) -> None:
        """Writes a verified backup in the background, with progress and Stop."""
        self._say("Backing up…")
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
        self._say(f"Backup written and checked: {path}")
        self.backup_button.setFocus()

    def _backup_failed(self, error: Exception) -> None:
        self._busy(False)
        self.stop_button.setEnabled(True)
        if isinstance(error, BackupCancelled):
            self._say("Backup stopped; nothing was kept.")
        else:
            self._say(
                f"The backup was not made: {error}. Nothing half-written was kept; free some "
                "space or choose another folder.",
                error=True,
            )
        self.backup_button.setFocus()

    # -- restore ------------------------------------------------------------------------------

    @staticmethod
    def choose_file(parent: QWidget, start: str) -> str:
        """Asks for a backup file ('' if cancelled); tests replace this."""
        name, _ = QFileDialog.getOpenFileName(
            parent, "Restore from a backup", start, "Mobile Athlete backups (*.sqlite3);;All (*)"
        )
        return name

    def restore_chosen(self) -> None:
        """Asks to restore the backup chosen in the list."""
        backup = self.model.row_at(self.table.currentIndex().row())
        if backup is None:
            self._say("Choose a backup in the list first", error=True)
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
                self._say(f"Cannot read {path}: {exc.strerror or exc}", error=True)
                return
            listed = self.model.find(path)
            self._check_then_confirm(path, listed.taken_at if listed else taken)

    def _check_then_confirm(self, path: Path, taken: datetime) -> None:
        # A large file takes a while to check: off the UI thread, before anything is asked.
        self._say(f"Checking {path.name}…")
        self._start(
            lambda _progress: backups.check_backup_file(path),
            lambda _none: self._confirm(path, taken),
            self._check_failed,
            can_stop=False,
        )

    def _check_failed(self, error: Exception) -> None:
        self._busy(False)
        self._say(f"{error}. Nothing was changed.", error=True)

    def _confirm(self, path: Path, taken: datetime) -> None:
        self._busy(False)
        self._say("")
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Restore a backup — Mobile Athlete", "", parent=self
        )
        box.setText(f"Restore the backup taken {when(taken)}?")
        box.setInformativeText(
            f"The clinic's data goes back to how it was then: anything saved after "
            f"{when(taken)} is not in it.\n\nThe current clinic file is kept aside, untouched "
            f"(named …before-restore-…), beside it.\n\nMobile Athlete closes when the restore "
            f"is done; start it again and sign in.\n\n{path}"
        )
        self.restore_yes = box.addButton("&Restore this backup", QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton("&Keep the current data", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.finished.connect(lambda _r: self._answered(box, path, taken))
        self.confirm = box
        box.open()

    def _answered(self, box: QMessageBox, path: Path, taken: datetime) -> None:
        if box.clickedButton() is not self.restore_yes:
            self._say("Nothing was restored.")
            return
        self._say(f"Restoring the backup of {when(taken)}…")
        self._start(
            lambda progress: backups.restore_backup(self.ctx, path, progress=progress),
            lambda aside: self._restored(path, taken, aside),
            self._restore_failed,
            can_stop=False,
        )

    def _restore_failed(self, error: Exception) -> None:
        self._busy(False)
        self._say(f"The restore failed: {error}. The clinic's data was left as it was.", error=True)

    def _restored(self, path: Path, taken: datetime, aside: object) -> None:
        self._busy(False)
        for widget in (self.folder, self.browse_button, self.use_button, self.backup_button):
            widget.setEnabled(False)
        self.restore_button.setEnabled(False)
        self.restore_file_button.setEnabled(False)
        kept = f" The replaced file was kept as {aside}." if aside else ""
        self._say(f"Restored the backup of {when(taken)}.{kept}")
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Backup restored — Mobile Athlete",
            f"The clinic's data is now the backup of {when(taken)}.",
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setInformativeText(
            f"{kept.strip()}\n\nMobile Athlete closes now, so that nothing on screen comes from "
            "the replaced file. Start it again and sign in."
        )
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
