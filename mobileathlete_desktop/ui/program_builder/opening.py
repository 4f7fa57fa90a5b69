"""The builder's read of the latest saved program waits for its first frame (issue 22).

While the window was built and first painted (30 ms of the UI thread's own work) the read ran
on a worker: the client's latest program and the latest assessment's pain, read and
interpreted (25-30 ms of Python). It took the interpreter from the UI thread at every call Qt
made into Python, and the opening froze the window 52-74 ms (bench workday, quiet machine).
Now the window is built, painted and settled first, then the program is read while the UI
thread has nothing to do; the drills' own pictures asked for meanwhile are read then too.

The window is shown on the turn after it is built (ui.main_window), so whether it will be shown
is not known on the first turn: the reads wait for the first frame, or FIRST_FRAME_MS for a
window never painted (they started at once when it was not visible yet, beside the first
frames of every builder the program opened).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QWidget

from mobileathlete_desktop.ui.jobs import Job

FIRST_FRAME_MS = 250
"""The longest the read waits for the window's first frame (a window never shown reads then)."""
SETTLE_MS = 60
"""How long the read waits after the first frame: the rest of the frame is painted and the
window behind repainted meanwhile."""


class OpeningReads(QObject):
    """Starts a window's first read (`job_of(window)`, not run yet) once its first frame is on
    screen and settled, or FIRST_FRAME_MS after it was built when no frame comes. The window
    is not held here (a child holding its parent would keep a closed window alive)."""

    def __init__(self, window: QWidget, job_of: Callable[[Any], Job[Any] | None]) -> None:
        super().__init__(window)
        self._window = weakref.ref(window)
        self._job_of = job_of
        self.started = False
        self.first_frame = False
        # A timer of its own (deleted with the window), not QTimer.singleShot with a context:
        # the window can go while one is pending (closed at once), and the test run crashed
        # now and then closing a builder whose single shots were still pending.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.start)
        self._timer.start(FIRST_FRAME_MS)

    def painted(self) -> None:
        """The window painted a frame (its paintEvent): the first one starts the read
        SETTLE_MS later."""
        if self.first_frame:
            return
        self.first_frame = True
        if not self.started:
            self._timer.start(SETTLE_MS)  # sooner than FIRST_FRAME_MS: restarted

    @Slot()
    def start(self) -> None:
        """Runs the read now (once), unless the window closed meanwhile (its read dropped)."""
        if self.started:
            return
        self.started = True
        self._timer.stop()
        window = self._window()
        job = self._job_of(window) if window is not None else None
        if job is not None and not job.running and not job.control.cancelled:
            job.run()
