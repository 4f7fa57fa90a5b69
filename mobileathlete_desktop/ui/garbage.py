"""Python's cyclic garbage collector runs on the UI thread only, between two events.

CPython starts a collection whenever allocations pass a threshold: on whatever thread, in
whatever code happens to allocate. A Qt object left in a reference cycle (a window whose
lambdas or bound methods refer back to it) is then deleted right there: on a pool thread
(QBasicTimer stopped from another thread, then a segfault), or inside a model's data() while
a view paints (a window deleted in the middle of its own paint event, then a segfault).

As Anki does (aqt: `gc.disable()` at start, `gc.collect()` from a timer on the main thread),
automatic collection is switched off and a QTimer on the UI thread collects instead, by
CPython's own generation thresholds, in small slices (every quarter second the young
generations, which hold only what was made since), so garbage goes within a second.

A full collection walks every object not frozen: after a day's work (modules imported on
first use, caches, report data) that took 140-220 ms, a frozen frame. So what exists when the
collector is installed (modules, classes: never garbage) is frozen out of every collection
(`gc.freeze()`), and so is what survives each full collection: the next one walks only what
became long-lived since; a flood of young objects (modules imported ahead of time on another
thread, a big load, a burst of imports such as matplotlib's on the chart worker) is frozen at
once rather than walked, and so is what ui/prewarm.py makes ahead of time (modules, Qt
classes: `long_lived`) as it makes it. A cycle that becomes garbage once
frozen (or was garbage already in a frozen flood) waits for a deep
collection (unfrozen, everything walked, frozen again), run only while the user works in
another program (the application is not active) and at most every DEEP_EVERY_S.
"""

from __future__ import annotations

import gc
import sys
import time
import weakref

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

INTERVAL_MS = 250
"""How often the UI thread looks whether a collection is due (young generations in small
slices: what a quarter second made, not what a busy second made)."""
FULL_EVERY_S = 30.0
"""The least time between two full (oldest-generation) collections. CPython itself runs one
only when the long-lived objects grew by a quarter, which the count `gc.get_count()` gives
cannot tell. Between two, the middle generation is collected instead, so young cycles still
go within a second."""
YOUNG_EVERY_S = 1.0
"""When no generation is due by its count (the program idles: few allocations), the young
generations are still collected this often when they hold anything: a window forgotten a
moment after a collection moved it up a generation goes within a second, not whenever the
next allocations come. Bounded: only what was made since the last full collection and is
not yet long-lived is walked."""
YOUNG_FREEZE = 20_000
"""More young objects than this alive since the last collection (modules imported ahead of
time, a window's first build, a big load) are frozen, not walked: walking them took 100-360
ms, and objects made in such numbers live on. (Freezing moves every generation out of the
collections at once; a cycle among them that dies later waits for a deep collection.)"""
IMPORT_FREEZE = 20
"""As many modules imported or more since the last look (matplotlib's on the chart worker,
a report's, the editor's): the young objects are frozen too, whatever their count. Module
objects, classes and functions are never garbage, and the young collections that walked such
a flood over a few quarter seconds, then the middle and full ones again, took 40-170 ms."""
DEEP_EVERY_S = 600.0
"""The least time between two deep collections (frozen objects walked too: 200 ms and more
after a day's work), which also wait for the application not to be active."""


def application_active() -> bool:
    """Whether the user is working in this program (a window of it has the focus)."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    return app.applicationState() == Qt.ApplicationState.ApplicationActive


class GarbageCollector(QObject):
    """Switches automatic collection off and collects from a timer on the UI thread.

    Made on the UI thread, as a child of the application (`install`). With `freeze`, what
    exists now and what survives each full collection is frozen out of the next ones.
    `uninstall()` puts automatic collection back as it was (and unfreezes what was frozen).
    """

    def __init__(
        self, parent: QObject, interval_ms: int = INTERVAL_MS, *, freeze: bool = False
    ) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._frozen = freeze
        if freeze:
            gc.collect()
            gc.freeze()
        self._modules = len(sys.modules)
        self.threshold = gc.get_threshold()
        self._last_full = self._last_deep = self._last_young = time.monotonic()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        gc.disable()
        self.timer.start()

    def check(self) -> int:
        """Collects the oldest generation whose count passed its threshold, as CPython would
        have on its own (a full one at most every FULL_EVERY_S); when nothing is due, the young
        generations now and then (YOUNG_EVERY_S), and while the user is in another program a
        deep collection now and then. Returns how many unreachable objects were found."""
        counts = gc.get_count()
        modules, imported = len(sys.modules), len(sys.modules) - self._modules
        self._modules = modules
        if self._frozen and (counts[0] > YOUNG_FREEZE or imported >= IMPORT_FREEZE):
            return self.long_lived()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                if generation == 2:
                    now = time.monotonic()
                    if now - self._last_full < FULL_EVERY_S:
                        return gc.collect(1)  # a full one ran lately: the middle one for now
                    self._last_full = now
                    return self.full()
                self._last_young = time.monotonic()
                return gc.collect(generation)
        now = time.monotonic()
        if (counts[0] or counts[1]) and now - self._last_young >= YOUNG_EVERY_S:
            self._last_young = now
            return gc.collect(1)  # an idle slice: the young generations
        deep_due = self._frozen and now - self._last_deep >= DEEP_EVERY_S
        if deep_due and not application_active():
            return self.deep()
        return 0

    def long_lived(self) -> int:
        """What was made since the last collection lives as long as the program (modules
        imported, Qt classes made): frozen out of the collections, in constant time, where
        a collection would walk every one of them. (A cycle among them that dies later waits
        for a deep collection.) Without `freeze`, nothing is done. Returns 0."""
        if self._frozen:
            gc.freeze()
            self._last_young = time.monotonic()
        return 0

    def full(self) -> int:
        """A full collection of what is not frozen; with `freeze`, the survivors are frozen
        (long-lived: the next full collection walks only what became long-lived since)."""
        found = gc.collect(2)
        if self._frozen:
            gc.freeze()
        return found

    def deep(self) -> int:
        """Everything walked, frozen objects too (cycles that became garbage after they were
        frozen go), then the survivors frozen again. 200 ms and more after a day's work: run
        by `check` only while the user is in another program."""
        self._last_deep = self._last_full = time.monotonic()
        if not self._frozen:
            return gc.collect()
        gc.unfreeze()
        found = gc.collect()
        gc.freeze()
        return found

    def uninstall(self) -> None:
        """Stops the timer; automatic collection is on again if it was before."""
        self.timer.stop()
        if self._frozen:
            gc.unfreeze()
            self._frozen = False
        if self._was_enabled:
            gc.enable()


_installed: weakref.ref[GarbageCollector] | None = None


def install(app: QObject, interval_ms: int = INTERVAL_MS) -> GarbageCollector:
    """From now on garbage is collected on the UI thread only, from `app`'s event loop; what
    exists now, and what survives each full collection, is frozen out of the next ones."""
    global _installed
    collector = GarbageCollector(app, interval_ms, freeze=True)
    _installed = weakref.ref(collector)
    return collector


def long_lived() -> None:
    """Says that what was made since the last collection lives as long as the program (the
    modules and Qt classes ui/prewarm.py has just made): frozen out of the collections when
    the installed collector freezes; nothing otherwise (UI thread)."""
    collector = _installed() if _installed is not None else None
    if collector is not None and shiboken6.isValid(collector) and collector._frozen:
        collector.long_lived()
