"""PySide's Qt classes made on the UI thread, ahead of their first use anywhere.

PySide 6.11 makes a Qt class's Python side (the class and its enums) lazily, the first time
the program meets it: by name, or as the type of a value a Qt call returns. Making them is
not thread-safe: two threads doing it at once crashed the process (a segfault in enum
creation, seen in this repository when a background thread imported ui modules beside the
UI thread). Work on the thread pool may still meet Qt value classes (QImage, QPainter, QSize
from a call...), so every class of the Qt modules the program uses is met here, on the UI
thread: in slices of a few milliseconds once the main window is up (`meet_in_slices`), or
all at once (`meet_all`, for tests and tools).
"""

from __future__ import annotations

import importlib
import sys
import threading
import time
from collections.abc import Callable

QT_MODULES = (
    "PySide6.QtCore",
    "PySide6.QtGui",
    "PySide6.QtWidgets",
    "PySide6.QtSvg",
    "PySide6.QtPrintSupport",
)
SLICE_MS = 8.0
"""How long one turn of the event loop may spend meeting classes (the window keeps answering)."""


def unmet() -> list[tuple[object, str]]:
    """The (module, name) pairs of classes PySide has not made yet, in the Qt modules
    imported so far."""
    pending: list[tuple[object, str]] = []
    for name in QT_MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        made = vars(module)
        pending += [(module, attr) for attr in dir(module) if attr not in made]
    return pending


def _on_ui_thread() -> None:
    assert threading.current_thread() is threading.main_thread(), (
        "Qt classes are made on the UI thread only"
    )


def meet_all() -> int:
    """Imports the Qt modules the program uses and makes every class not made yet, now;
    returns how many were made."""
    _on_ui_thread()
    for name in QT_MODULES:
        importlib.import_module(name)
    pending = unmet()
    for module, attr in pending:
        getattr(module, attr, None)
    return len(pending)


def meet_in_slices(
    schedule: Callable[[Callable[[], None]], None], done: Callable[[], None] = lambda: None
) -> None:
    """Imports the Qt modules the program uses, one a turn, then makes the classes not made
    yet a few milliseconds at a time, one slice per call of `schedule` (a turn of the event
    loop); then calls `done()`."""
    _on_ui_thread()
    modules = [name for name in QT_MODULES if name not in sys.modules]
    pending: list[tuple[object, str]] = []
    listed = False

    def step() -> None:
        nonlocal listed
        if modules:
            importlib.import_module(modules.pop(0))
            schedule(step)
            return
        if not listed:
            pending.extend(unmet())
            listed = True
        end = time.perf_counter() + SLICE_MS / 1000
        while pending and time.perf_counter() < end:
            module, attr = pending.pop()
            getattr(module, attr, None)
        if pending:
            schedule(step)
        else:
            done()

    schedule(step)
