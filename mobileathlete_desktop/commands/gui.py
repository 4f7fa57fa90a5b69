"""Opening the window (what `mobileathlete` does with no subcommand)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any

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
    if os.environ.get(BENCH_READY_ENV):
        _report_ready_then_quit(app, window)
    code = app.exec()
    db.dispose()
    return EXIT_OK if code == 0 else EXIT_ERROR


# Benchmark hook (bench/run.py): with MOBILEATHLETE_BENCH_READY=1 the program prints one line
#   MOBILEATHLETE_READY <unix time> clients=<rows in the list> peak_rss_mb=<MB>
# as soon as the main window is shown and its client list is filled, then quits.
# When a sign-in dialog arrives, it should sign in with $MOBILEATHLETE_USER and
# $MOBILEATHLETE_PASSWORD when both are set (bench/run.py sets them), so the hook still works.
BENCH_READY_ENV = "MOBILEATHLETE_BENCH_READY"


def peak_rss_mb() -> float | None:
    """This process's peak resident memory in MB (None where the OS does not say)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def _report_ready_then_quit(app: Any, window: Any) -> None:
    from PySide6.QtCore import QTimer

    timer = QTimer(window, interval=2)

    def check() -> None:
        label = getattr(window, "count_label", None)
        filled = window.model.rowCount() > 0 or (label is not None and bool(label.text()))
        if window.isVisible() and filled:
            timer.stop()
            rss = peak_rss_mb()
            print(
                f"MOBILEATHLETE_READY {time.time():.6f} clients={window.model.rowCount()} "
                f"peak_rss_mb={rss if rss is None else round(rss, 1)}",
                flush=True,
            )
            app.quit()

    timer.timeout.connect(check)
    timer.start()
