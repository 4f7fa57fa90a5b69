"""The QApplication with the program's name, icon and style."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from mobileathlete_desktop.domain.resources import MissingResourceError, resource_path
from mobileathlete_desktop.ui.i18n import install_translations


def create_application(argv: Sequence[str], *, collect_garbage: bool = True) -> QApplication:
    """Creates the application object once, with names used for settings and window titles,
    speaking the user's language (ui/i18n.py) before any window is built.

    `collect_garbage=False` leaves Python's collector to the caller, who must install it
    (ui.garbage.install) before any other thread starts: the window does so once the
    sign-in's first frame is painted (commands/gui.py)."""
    app = QApplication(list(argv))
    if collect_garbage:
        # Python's garbage collector runs from the event loop only: never on a pool thread,
        # never in a paint (a Qt object in a reference cycle must die on the UI thread).
        from mobileathlete_desktop.ui import garbage

        garbage.install(app)
    install_translations(app)
    app.setApplicationName("Mobile Athlete")
    app.setOrganizationName("MobileAthlete")
    app.setApplicationDisplayName("Mobile Athlete")
    app.setDesktopFileName("mobileathlete")
    # A missing icon must not stop the program; the first service call says what is missing.
    with suppress(MissingResourceError):
        app.setWindowIcon(QIcon(str(resource_path("icons", "mobileathlete.svg"))))
    return app
