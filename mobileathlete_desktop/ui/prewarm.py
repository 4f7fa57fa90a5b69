"""Modules the main window needs later, loaded ahead of time while the program is idle.

The first assessment editor used to import its modules when Enter was pressed on a visit
(160-340 ms on the UI thread, the window frozen), the program builder and the Reports view
likewise (70-140 ms). `start(window)`, called once when the main window is built, loads them
a moment later without freezing it:

- the package's modules outside ui they need (services, domain, reports: never Qt, by the
  import-linter contracts) on a plain thread;
- the ui modules on the UI thread, one per turn of the event loop (ui.import_slices, as the
  sign-in does), since importing a module that names a Qt class makes that class, and PySide
  making classes on two threads at once crashed the process (a segfault in enum creation);
- then every Qt class not made yet, a few milliseconds a turn (ui.qt_types), so work on the
  thread pool never makes one.

The plain thread also makes the cached reads those windows' first opening made on the UI
thread: the drill library and the gettext catalogues of the handouts' and drills' words.

A module that fails to import is logged and left to whoever needs it (its error shown then).
"""

from __future__ import annotations

import importlib
import logging
import threading
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer

from mobileathlete_desktop.support.i18n import texts
from mobileathlete_desktop.support.languages import SUPPORTED_LANGUAGES
from mobileathlete_desktop.ui import garbage, import_slices, jobs, qt_types
from mobileathlete_desktop.ui.mailbox import call_on_ui_thread, mailbox

log = logging.getLogger(__name__)

PREWARM_DELAY_MS = 1500
"""After the window shows and reads its client list: the imports compete with nothing."""
MODULES: tuple[str, ...] = (
    # The assessment editor (Enter on a visit) and what it shows: grids, panels, findings.
    "mobileathlete_desktop.ui.assessment_editor.window",
    # Its form, compiled by uic (imported by load_form when the first editor opens).
    "mobileathlete_desktop.ui.forms.ui_assessment_editor",
    "mobileathlete_desktop.services.findings",
    # The program builder and the Reports view (70-140 ms of imports at their first opening),
    # and services.reports, which their handouts and reports load.
    "mobileathlete_desktop.ui.program_builder.window",
    "mobileathlete_desktop.ui.reports_view",
    "mobileathlete_desktop.ui.forms.ui_reports_view",
    "mobileathlete_desktop.services.reports",
    # The drills' drawn figures, imported by the first drill_svg call: on the builder's
    # picture worker and, for the chosen drill's picture, on the UI thread, which then waited
    # for the worker's import to finish (the module's import lock): a 64 ms stall when the
    # builder first opened, UI CPU 16 ms of it (bench workday, quiet machine).
    "mobileathlete_desktop.illustrations",
)
"""Loaded in this order (ui modules on the UI thread, the others on a plain thread)."""
WARM_CALLS: tuple[tuple[str, str], ...] = (
    # The drill library (50-190 ms to read), which the builder's module reads at import:
    # read here first, it is cached when the UI thread imports the builder.
    ("mobileathlete_desktop.domain.exercises", "default_exercise_library"),
    # The drills' drawn figures (1-2 ms of Python each, 73 drills), which the builder's
    # picture worker drew while its window was built and painted, taking the interpreter
    # from the UI thread (52-76 ms frozen at its first opening, bench workday).
    ("mobileathlete_desktop.illustrations", "draw_ahead"),
)
"""Cached reads of the non-ui layers, made on the plain thread after its imports."""
CATALOGUE_LANGUAGES: tuple[str, ...] = SUPPORTED_LANGUAGES
"""The gettext catalogues read on the plain thread too (support.i18n.texts, cached): the
builder's first opening read Spanish on the UI thread for its drills' descriptions and doses
(92 ms on a clinic server), in the window's language or the handout's, either one."""
THREAD_NAME = "prewarm-imports"
QUIET_POLL_MS = 30
QUIET_WAIT_MS = 3_000
"""A slice on the UI thread (a package imported: up to 20 ms) waits while a job of the window
runs (up to this long over the whole prewarm): a client's page read as the therapist goes
down the list, then its answer shown, made one frozen frame with a slice beside them (bench
workday, 'open ten clients': 54 ms)."""

_started = threading.Event()


def start(parent: QObject, delay_ms: int = PREWARM_DELAY_MS) -> None:
    """Loads MODULES `delay_ms` from now (once per process; a window closed sooner leaves it
    to the next one)."""
    if not _started.is_set():
        QTimer.singleShot(delay_ms, parent, lambda: _run_once(parent))


def _run_once(parent: QObject) -> None:
    if _started.is_set():
        return
    _started.set()
    run(QuietTurns(parent).schedule)


class QuietTurns:
    """Schedules each slice on a turn of the window's event loop of its own, once no job of
    the window is running (QUIET_WAIT_MS of waiting in all at most); nothing once the window
    is gone. The window is not held (the plain thread reaches this)."""

    def __init__(self, parent: QObject) -> None:
        self._window = weakref.ref(parent)
        self.waited_ms = 0  # in all: a long job (the daily backup) does not hold the prewarm

    def schedule(self, step: Callable[[], None]) -> None:
        """Runs `step` on a turn of its own, after any running job."""
        alive = self._window()
        if alive is None or not shiboken6.isValid(alive):  # a closed window: stop there
            return
        if jobs.any_running() and self.waited_ms < QUIET_WAIT_MS:  # the window waits for one
            self.waited_ms += QUIET_POLL_MS
            QTimer.singleShot(QUIET_POLL_MS, alive, lambda: self.schedule(step))
            return
        QTimer.singleShot(0, alive, lambda: _long_lived(step))


def _long_lived(step: Callable[[], None]) -> None:
    """Runs one slice (a module imported, Qt classes made), then freezes what it made out of
    the garbage collections (ui/garbage.py): module objects, classes and functions are never
    garbage, and the young, middle and full collections that walked the 25,000 objects a
    prewarm makes took 40-170 ms of the UI thread in the minutes after it."""
    try:
        step()
    finally:
        garbage.long_lived()


def split(modules: tuple[str, ...] = MODULES) -> import_slices.Plan:
    """What to import where: the package's non-ui modules (those named and those the ui
    modules import) for the plain thread, the ui modules in dependency order for the UI."""
    ui = [name for name in modules if name.startswith(import_slices.UI_PACKAGE)]
    found = import_slices.plan(ui)
    core = [name for name in modules if not name.startswith(import_slices.UI_PACKAGE)]
    return import_slices.Plan(
        background=tuple(dict.fromkeys([*found.background, *core])), ui_thread=found.ui_thread
    )


def run(
    schedule: Callable[[Callable[[], None]], None], done: Callable[[], None] = lambda: None
) -> threading.Thread:
    """Imports the non-ui modules on a plain thread; once it is done, on the UI thread (one
    per `schedule`d turn), the ui modules, then the Qt classes; `done()` at the end. (The UI
    thread starts after the plain thread so it never waits for its import lock.) Returns
    the plain thread."""
    found = import_slices.Plan((), ())  # planned on the plain thread (reads source files)
    mailbox()  # made on the UI thread, before the plain thread posts to it

    def failed(name: str, error: Exception) -> None:
        log.warning("Could not import %s ahead of time", name, exc_info=error)
        classes()  # the rest of the ui modules is left to whoever needs them

    def classes() -> None:
        qt_types.meet_in_slices(schedule, done)

    def on_ui_thread() -> None:
        import_slices.import_in_slices(found.ui_thread, schedule, classes, failed)

    def work() -> None:
        nonlocal found
        found = split()  # 7-22 ms of reading the ui package's files: not on the UI thread
        import_all(found.background)
        warm(WARM_CALLS)
        warm_catalogues(CATALOGUE_LANGUAGES)
        call_on_ui_thread(on_ui_thread)

    thread = threading.Thread(target=work, name=THREAD_NAME, daemon=True)
    thread.start()
    return thread


def warm(calls: tuple[tuple[str, str], ...]) -> None:
    """Calls each cached read (module, function) once; a failure is logged, never raised."""
    for module, function in calls:
        try:
            getattr(importlib.import_module(module), function)()
        except Exception:
            log.warning("Could not read %s.%s ahead of time", module, function, exc_info=True)


def warm_catalogues(languages: tuple[str, ...]) -> None:
    """Reads each language's gettext catalogue into support.i18n's cache (a failure is
    logged, never raised: whoever needs it reads it then). A call on the UI thread meanwhile
    reads its own copy rather than waiting: the cache keeps one, both say the same."""
    for lang in languages:
        try:
            texts(lang)
        except Exception:
            log.warning("Could not read the %s catalogue ahead of time", lang, exc_info=True)


def import_all(names: tuple[str, ...]) -> list[str]:
    """Imports `names` (on the calling thread); returns those that failed (logged, never
    raised). Only modules that never import Qt belong on a plain thread."""
    failed = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:
            log.warning("Could not import %s ahead of time", name, exc_info=True)
            failed.append(name)
    return failed
