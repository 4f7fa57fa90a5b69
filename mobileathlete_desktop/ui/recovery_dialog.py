"""Opening the clinic database for the window: the recovery of a damaged file, in dialogs.

The use case (move the damaged file aside, find the good backups, restore one, open it
again) is `services.recovery.open_with_recovery`; this module only asks and tells.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.services.recovery import (
    CannotOpen,
    DamagedSetAside,
    DamagedUnmovable,
    open_with_recovery,
)

if TYPE_CHECKING:
    from mobileathlete_desktop.services.backups import BackupFile, Recovery
    from mobileathlete_desktop.services.session import Database

TITLE = "Mobile Athlete"


def say(text: str) -> None:
    """Tells the person why the window cannot open (there is no window yet to put it in)."""
    QMessageBox.critical(None, TITLE, text)


class RecoveryDialog(QDialog):
    """The recovery screen: what happened to the clinic file, and the good backups (newest
    first, with their dates) to restore one of."""

    def __init__(self, recovery: Recovery, error: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recovery = recovery
        self.setWindowTitle(_tr("Recover the clinic — Mobile Athlete"))
        layout = QVBoxLayout(self)
        what = QLabel(error)
        what.setWordWrap(True)
        layout.addWidget(what)
        kept = QLabel(
            _tr(
                "The damaged file was kept, untouched, as {file}.\n"
                "Choose a backup to restore. Work saved after it was taken is not in it "
                "(it stays in the damaged file)."
            ).format(file=recovery.moved_to.name)
        )
        kept.setWordWrap(True)
        layout.addWidget(kept)
        self.backups = QListWidget()
        self.backups.setObjectName("backups")
        for backup in recovery.backups:
            item = QListWidgetItem(f"{_when(backup)} — {backup.kind} — {backup.path}")
            item.setData(Qt.ItemDataRole.UserRole, backup)
            self.backups.addItem(item)
        self.backups.setCurrentRow(0)
        self.backups.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.backups)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            _tr("&Restore the chosen backup"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.quit_button = buttons.addButton(_tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def chosen(self) -> BackupFile | None:
        """The backup selected in the list (None when there is none)."""
        item = self.backups.currentItem()
        if item is None:
            return None
        backup: BackupFile = item.data(Qt.ItemDataRole.UserRole)
        return backup


def ask_restore(recovery: Recovery, error: str) -> BackupFile | None:
    """Shows the recovery screen; the backup chosen to restore, or None to quit."""
    dialog = RecoveryDialog(recovery, error)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen()


def _when(backup: BackupFile) -> str:
    at = backup.taken_at
    when = QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute))
    return QLocale().toString(when, "dddd d MMMM yyyy, HH:mm")


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecoveryDialog", text)


def open_clinic_or_recover(
    target: str | None, *, full_check: bool | None = None
) -> Database | None:
    """Opens the database for the window; a damaged file (or one set aside earlier) leads to
    the recovery screen listing the good backups to restore one; None (after saying why)
    when no database could be opened. `full_check` checks every page of even a large file
    (after damage was met in one while the window worked)."""
    try:
        return open_with_recovery(
            target, offer=lambda r, e: ask_restore(r, e), full_check=full_check
        )
    except DamagedSetAside as exc:
        if not exc.offered:  # no good backup to offer: say what happened and where things are
            say(f"{exc.error}\n\n{exc.recovery.describe()}")
    except DamagedUnmovable as exc:
        damaged = QCoreApplication.translate(
            "RecoveryDialog", "The clinic database is damaged and cannot be moved aside."
        )
        say(f"{damaged}\n\n{exc.error}\n\n{exc.move_error}")
    except CannotOpen as exc:
        say(f"{_cannot_open()}\n\n{exc}")
    except Exception as exc:  # the window is the only place left to say it
        say(f"{_cannot_open()}\n\n{exc}")
    return None


def _cannot_open() -> str:
    return QCoreApplication.translate("RecoveryDialog", "The clinic database cannot be opened.")
