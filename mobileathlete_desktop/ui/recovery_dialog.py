"""Opening the clinic database for the window: the recovery of a damaged file, in dialogs.

The use case (move the damaged file aside, find the newest good backup, restore it, open it
again) is `services.recovery.open_with_recovery`; this module only asks and tells.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
    box.setInformativeText(
        f"The damaged file was kept, untouched, as {recovery.moved_to.name}.\n\n"
        f"Restore the newest good backup, taken {recovery.backup.taken_at:%A %d %B %Y at %H:%M}?"
        "\nWork saved after that time is not in it (it stays in the damaged file)."
    )
    restore = box.addButton("Restore that backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
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
        say(
            "The clinic database is damaged and cannot be moved aside.\n\n"
            f"{exc.error}\n\n{exc.move_error}"
        )
    except CannotOpen as exc:
        say(f"The clinic database cannot be opened.\n\n{exc}")
    except Exception as exc:  # the window is the only place left to say it
        say(f"The clinic database cannot be opened.\n\n{exc}")
    return None
