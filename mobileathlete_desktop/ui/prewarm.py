"""Modules the main window needs later, imported ahead of time while the program is idle.

The first assessment editor used to import its modules when Enter was pressed on a visit
(160-340 ms on the UI thread, the window frozen). `start(window)`, called once when the main
window is built, imports them on a plain thread a moment later: the UI thread keeps answering
meanwhile (the GIL changes hands every few milliseconds), and an import the UI thread needs
before the thread reached it simply waits for Python's import lock, as it would have anyway.

Only modules that do not make Qt objects when imported belong here (class definitions are
fine; making a widget, a font or a pixmap on this thread is not).

Qt's classes are not met here beyond what the modules name: PySide makes a class's Python
side (its enums) the first time it is met, and two threads doing that at once crashed the
process (a test ran this thread beside another one), so the rest is left to the UI thread.
"""

from __future__ import annotations

import importlib
import logging
import threading

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

PREWARM_DELAY_MS = 1500
"""After the window shows and reads its client list: the import competes with nothing."""
MODULES: tuple[str, ...] = (
    # The assessment editor (Enter on a visit) and what it shows: grids, panels, findings.
    "mobileathlete_desktop.ui.assessment_editor",
    "mobileathlete_desktop.services.findings",
    # The program builder and the Reports view (70-140 ms of imports at their first opening),
    # and services.reports, which their handouts and reports load.
    "mobileathlete_desktop.ui.program_builder",
    "mobileathlete_desktop.ui.reports_view",
    "mobileathlete_desktop.services.reports",
)
"""Imported in this order; a module another helper's window needs may be added here."""

_started = threading.Event()


def start(parent: QObject, delay_ms: int = PREWARM_DELAY_MS) -> None:
    """Imports MODULES on a background thread `delay_ms` from now (once per process; a
    window closed sooner leaves it to the next one)."""
    if not _started.is_set():
        QTimer.singleShot(delay_ms, parent, _run_once)


def _run_once() -> None:
    if not _started.is_set():
        _started.set()
        _run_in_background()


def _run_in_background() -> threading.Thread:
    thread = threading.Thread(target=import_all, name="prewarm-imports", daemon=True)
    thread.start()
    return thread


def import_all() -> list[str]:
    """Imports each module of MODULES; returns those that failed (logged, never raised: the
    module is then imported, and its error shown, when the window needs it)."""
    failed = []
    for name in MODULES:
        try:
            importlib.import_module(name)
        except Exception:
            log.warning("Could not import %s ahead of time", name, exc_info=True)
            failed.append(name)
    return failed
