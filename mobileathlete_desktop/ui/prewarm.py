"""Modules the main window needs later, imported ahead of time while the program is idle.

The first assessment editor used to import its modules when Enter was pressed on a visit
(160-340 ms on the UI thread, the window frozen). `start(window)`, called once when the main
window is built, imports them on a plain thread a moment later: the UI thread keeps answering
meanwhile (the GIL changes hands every few milliseconds), and an import the UI thread needs
before the thread reached it simply waits for Python's import lock, as it would have anyway.

Only modules that do not make Qt objects when imported belong here (class definitions are
fine; making a widget, a font or a pixmap on this thread is not).

The thread then meets every class of QT_MODULES once: PySide makes a Qt class's Python side
(the class and its enums) the first time the program meets it, and the first editor met
some forty of them (about 30 ms on the UI thread, the first time a widget's parent was asked
for). Meeting a class makes no Qt object, as importing a module that names it does not.
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
QT_MODULES: tuple[str, ...] = ("PySide6.QtWidgets", "PySide6.QtGui")
"""Modules whose classes are all met ahead of time (a few MB, well under 0.2 s)."""

_started = threading.Event()


def start(parent: QObject, delay_ms: int = PREWARM_DELAY_MS) -> None:
    """Imports MODULES on a background thread `delay_ms` from now (once per process)."""
    if _started.is_set():
        return
    _started.set()
    QTimer.singleShot(delay_ms, parent, _run_in_background)


def _run_in_background() -> threading.Thread:
    thread = threading.Thread(target=import_all, name="prewarm-imports", daemon=True)
    thread.start()
    return thread


def import_all() -> list[str]:
    """Imports each module of MODULES, then meets the classes of QT_MODULES; returns the
    modules that failed (logged, never raised: the module is then imported, and its error
    shown, when the window needs it)."""
    failed = []
    for name in MODULES:
        try:
            importlib.import_module(name)
        except Exception:
            log.warning("Could not import %s ahead of time", name, exc_info=True)
            failed.append(name)
    for name in QT_MODULES:
        module = importlib.import_module(name)
        for attribute in dir(module):
            getattr(module, attribute)
    return failed
