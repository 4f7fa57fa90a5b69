"""The builder's reads wait for its first frame (issue 22).

While the window was built and first painted (30 ms of the UI thread's own work) its two reads
ran on two workers: the latest saved program with the latest assessment's pain, and the
drills' pictures (Python and Qt's SVG renderer, 16 figures a page). Each worker took the
interpreter from the UI thread at every call Qt made into Python, and the opening froze the
window 52-74 ms (bench workday, quiet machine). Now the window is built, painted and settled
first; then the latest program is read; then, once it is shown, the pictures are drawn: one
worker at a time, while the UI thread has nothing to do.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractEventDispatcher, QObject, QTimer, Slot
from PySide6.QtWidgets import QWidget

from mobileathlete_desktop.ui.jobs import Job
from mobileathlete_desktop.ui.program_builder.drill_pictures import DrillPictures

FIRST_FRAME_MS = 250
"""The longest the reads wait for a shown window's first frame."""
SETTLE_MS = 60
"""The longest the reads wait after the first frame for the event loop to be idle."""
PICTURES_AFTER_MS = 300
"""The longest the drills' pictures wait for the latest saved program (a slow server)."""


class OpeningReads(QObject):
    """Starts a window's first read (`job`, not run yet) once its first frame is on screen and
    the event loop is idle; the `pictures` asked for meanwhile are held until that read's
    answer releases them (program_saving.load_latest), or PICTURES_AFTER_MS at the latest.

    A window never shown starts at once (on the event loop's next turn). The window is not
    held here (a child holding its parent would keep a closed window alive)."""

    def __init__(
        self, window: QWidget, job_of: Callable[[Any], Job[Any] | None], pictures: DrillPictures
    ) -> None:
        super().__init__(window)
        self._window = weakref.ref(window)
        self._job_of, self._pictures = job_of, pictures
        self.started = False
        self.first_frame = False
        self._idle: QAbstractEventDispatcher | None = None  # heard while settling
        pictures.hold()
        QTimer.singleShot(0, self, self._when_drawn)

    def _when_drawn(self) -> None:
        window = self._window()
        if window is not None and window.isVisible() and not self.first_frame:
            QTimer.singleShot(FIRST_FRAME_MS, self, self.start)
        else:
            self.start()

    def painted(self) -> None:
        """The window painted a frame (its paintEvent): the first one starts the wait for the
        event loop to be idle."""
        if self.first_frame:
            return
        self.first_frame = True
        if self.started:
            return
        # Idle once this frame is painted and the window behind repainted as it lost the
        # focus (420 calls into the client list's model); an event loop run by
        # processEvents, as tests and the bench run it, never says it is idle: SETTLE_MS.
        dispatcher = QAbstractEventDispatcher.instance()
        if dispatcher is not None:
            dispatcher.aboutToBlock.connect(self.start)
            self._idle = dispatcher
        QTimer.singleShot(SETTLE_MS, self, self.start)

    @Slot()
    def start(self) -> None:
        """Runs the read now (once); the pictures follow its answer."""
        if self._idle is not None:
            self._idle.aboutToBlock.disconnect(self.start)
            self._idle = None
        if self.started:
            return
        self.started = True
        window = self._window()
        job = self._job_of(window) if window is not None else None
        if job is not None and not job.running and not job.control.cancelled:
            job.run()
            QTimer.singleShot(PICTURES_AFTER_MS, self, self._pictures.release)
        else:  # closed before it started (its read dropped), or nothing to read
            self._pictures.release()
