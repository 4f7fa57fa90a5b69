"""Opening the window (what `mobileathlete` does with no subcommand)."""

from __future__ import annotations

import argparse
import sys

from mobileathlete_desktop.commands.common import EXIT_ERROR, EXIT_OK, open_for
from mobileathlete_desktop.services.context import ServiceContext


def run_gui(args: argparse.Namespace) -> int:
    """Opens the database (creating the demo clinic once with --demo) and shows the window."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from mobileathlete_desktop.ui.app import create_application
    from mobileathlete_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or create_application(sys.argv[:1])
    try:
        db = open_for(args)
    except Exception as exc:  # the window is the only place left to say it
        QMessageBox.critical(
            None, "Mobile Athlete", f"The clinic database cannot be opened.\n\n{exc}"
        )
        return EXIT_ERROR
    ctx = ServiceContext(db=db)
    if getattr(args, "demo", False):
        from mobileathlete_desktop.services.demo import create_demo_clinic, database_is_empty

        if database_is_empty(ctx):
            create_demo_clinic(ctx)
    window = MainWindow(ctx)
    window.show()
    code = app.exec()
    db.dispose()
    return EXIT_OK if code == 0 else EXIT_ERROR
