"""Opening the clinic database for the window: the recovery of a damaged file, in dialogs.

The use case (move the damaged file aside, find the newest good backup, restore it, open it
again) is `services.recovery.open_with_recovery`; this module only asks and tells.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import QMessageBox

from mobileathlete_desktop.services.recovery import (
    CannotOpen,
    DamagedSetAside,
    DamagedUnmovable,
    open_with_recovery,
)

if TYPE_CHECKING:
    from mobileathlete_desktop.services.backups import Recovery
    from mobileathlete_desktop.services.session import Database

TITLE = "Mobile Athlete"


def say(text: str) -> None:
    """Tells the person why the window cannot open (there is no window yet to put it in)."""
    QMessageBox.critical(None, TITLE, text)


def ask_restore(recovery: Recovery, error: str) -> bool:
    """Asks whether to restore the newest good backup (its date shown); True to restore."""
    assert recovery.backup is not None
    box = QMessageBox(QMessageBox.Icon.Warning, TITLE, error)
    at = recovery.backup.taken_at
    when = QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute))
    taken = QLocale().toString(when, "dddd d MMMM yyyy, HH:mm")
    box.setInformativeText(
        QCoreApplication.translate(
            "RecoveryDialog",
            "The damaged file was kept, untouched, as {file}.\n\n"
            "Restore the newest good backup, taken {taken}?\n"
            "Work saved after that time is not in it (it stays in the damaged file).",
        ).format(file=recovery.moved_to.name, taken=taken)
    )
    restore = box.addButton(
        QCoreApplication.translate("RecoveryDialog", "Restore that backup"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(
        QCoreApplication.translate("RecoveryDialog", "Quit"), QMessageBox.ButtonRole.RejectRole
    )
    box.exec()
    return box.clickedButton() is restore


def open_clinic_or_recover(target: str | None) -> Database | None:
    """Opens the database for the window, offering the newest good backup in place of a
    damaged file; None (after saying why) when no database could be opened."""
    try:
        return open_with_recovery(target, offer=lambda r, e: ask_restore(r, e))
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
