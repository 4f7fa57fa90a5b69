"""Python's cyclic garbage collector runs on the UI thread only, between two events.

CPython starts a collection whenever allocations pass a threshold: on whatever thread, in
whatever code happens to allocate. A Qt object left in a reference cycle (a window whose
lambdas or bound methods refer back to it) is then deleted right there: on a pool thread
(QBasicTimer stopped from another thread, then a segfault), or inside a model's data() while
a view paints (a window deleted in the middle of its own paint event, then a segfault).

As Anki does (aqt: `gc.disable()` at start, `gc.collect()` from a timer on the main thread),
automatic collection is switched off and a QTimer on the UI thread collects instead, by
CPython's own generation thresholds, so garbage goes within a second, from the event loop.
What exists when it is installed (modules, classes: never garbage) is frozen out of every
collection (`gc.freeze()`), so a full collection walks only what the program made since.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000
"""How often the UI thread looks whether a collection is due."""
FULL_EVERY_S = 30.0
"""The least time between two full (oldest-generation) collections. A full collection walks
everything the program made since start (a day's report data and figures: 200 ms and more,
a frozen frame); CPython itself runs one only when the long-lived objects grew by a quarter,
which the count `gc.get_count()` gives cannot tell. Between two, the middle generation is
collected instead, so young cycles still go within a second."""


class GarbageCollector(QObject):
    """Switches automatic collection off and collects from a timer on the UI thread.

    Made on the UI thread, as a child of the application (`install`). `uninstall()` puts
    automatic collection back as it was (and unfreezes what `freeze` froze).
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
        self.threshold = gc.get_threshold()
        self._last_full = time.monotonic()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        gc.disable()
        self.timer.start()

    def check(self) -> int:
        """Collects the oldest generation whose count passed its threshold, as CPython would
        have on its own; returns how many unreachable objects were found."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                if generation == 2:
                    now = time.monotonic()
                    if now - self._last_full < FULL_EVERY_S:
                        return gc.collect(1)  # a full one ran lately: the middle one for now
                    self._last_full = now
                return gc.collect(generation)
        return 0

    def uninstall(self) -> None:
        """Stops the timer; automatic collection is on again if it was before."""
        self.timer.stop()
        if self._frozen:
            gc.unfreeze()
            self._frozen = False
        if self._was_enabled:
            gc.enable()


def install(app: QObject, interval_ms: int = INTERVAL_MS) -> GarbageCollector:
    """From now on garbage is collected on the UI thread only, from `app`'s event loop; what
    exists now is frozen out of collections."""
    return GarbageCollector(app, interval_ms, freeze=True)
