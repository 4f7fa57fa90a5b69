"""The QApplication with the program's name, icon and style."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QApplication


def create_application(argv: Sequence[str]) -> QApplication:
    """Creates the application object once, with names used for settings and window titles."""
    app = QApplication(list(argv))
    app.setApplicationName("Mobile Athlete")
    app.setOrganizationName("MobileAthlete")
    app.setApplicationDisplayName("Mobile Athlete")
    return app
