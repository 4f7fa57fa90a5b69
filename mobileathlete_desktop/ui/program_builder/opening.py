"""The builder's read of the latest saved program waits for its first frame (issue 22).

While the window was built and first painted (30 ms of the UI thread's own work) the read ran
on a worker: the client's latest program and the latest assessment's pain, read and
interpreted (25-30 ms of Python). It took the interpreter from the UI thread at every call Qt
made into Python, and the opening froze the window 52-74 ms (bench workday, quiet machine).
Now the window is built, painted and settled first, then the program is read while the UI
thread has nothing to do. (The drills' pictures are still drawn as the list asks for them:
held back the same way, a page of them was being drawn as a test tore its window down, and
the process crashed now and then.)
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QWidget

from mobileathlete_desktop.ui.jobs import Job

FIRST_FRAME_MS = 250
"""The longest the read waits for a shown window's first frame."""
SETTLE_MS = 60
"""How long the read waits after the first frame: the rest of the frame is painted and the
window behind repainted meanwhile."""


class OpeningReads(QObject):
    """Starts a window's first read (`job_of(window)`, not run yet) once its first frame is on
    screen and settled. A window never shown starts at once (on the event loop's next turn).
    The window is not held here (a child holding its parent would keep a closed window
    alive)."""

    def __init__(self, window: QWidget, job_of: Callable[[Any], Job[Any] | None]) -> None:
        super().__init__(window)
        self._window = weakref.ref(window)
        self._job_of = job_of
        self.started = False
        self.first_frame = False
        QTimer.singleShot(0, self, self._when_drawn)

    def _when_drawn(self) -> None:
        window = self._window()
        if window is not None and window.isVisible() and not self.first_frame:
            QTimer.singleShot(FIRST_FRAME_MS, self, self.start)
        else:
            self.start()

    def painted(self) -> None:
        """The window painted a frame (its paintEvent): the first one starts the read
        SETTLE_MS later."""
        if self.first_frame:
            return
        self.first_frame = True
        if not self.started:
            QTimer.singleShot(SETTLE_MS, self, self.start)

    @Slot()
    def start(self) -> None:
        """Runs the read now (once), unless the window closed meanwhile (its read dropped)."""
        if self.started:
            return
        self.started = True
        window = self._window()
        job = self._job_of(window) if window is not None else None
        if job is not None and not job.running and not job.control.cancelled:
            job.run()
