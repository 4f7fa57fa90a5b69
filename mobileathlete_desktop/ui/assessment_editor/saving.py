"""The grid's saves off the UI thread: one queue per editor, stored in the order typed.

A value or a painful mark typed in a grid shows at once; its save waits in the editor's queue
and runs as a job (ui/jobs.py) on the thread pool, one at a time, so a second value for a cell
is stored after the first and the audit trail holds them in the order they were typed. What a
save needs to compare with (the value stored before it) is taken when its turn comes, from
what the saves before it stored. Signing, closing and reloading the editor wait for the queue
(`flush`) before they go on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal

from mobileathlete_desktop.ui.jobs import Job
from mobileathlete_desktop.ui.measure_grid.model import CellKey

FLUSH_TIMEOUT_MS = 60_000
"""How long closing or signing waits for the saves still queued (a server that stopped
answering fails them sooner, by the connection's own time-outs)."""


@dataclass
class GridSave:
    """One entry waiting for its turn: `work(expected)` runs on the thread pool with the
    value stored before it (`SaveQueue.stored`); `done(result)` or `failed(error)` answers on
    the UI thread, and `done` sets what the cell now stores."""

    key: CellKey
    work: Callable[[Any], Any]
    done: Callable[[Any], None]
    failed: Callable[[Exception], None]


class SaveQueue(QObject):
    """Saves run one after another off the UI thread, each answering on the UI thread."""

    idle = Signal()  # the queue is empty and no save is running

    def __init__(self, parent: QObject, job_parent: Any) -> None:
        super().__init__(parent)
        self._job_parent = job_parent
        self._waiting: deque[GridSave] = deque()
        self._running: GridSave | None = None
        self._job: Job[Any] | None = None
        self.stored: dict[CellKey, Any] = {}
        """The value stored in each cell that has saves waiting or running (what the next
        save of that cell compares with), from before the first of them."""

    @property
    def busy(self) -> bool:
        """Whether a save is waiting or running."""
        return self._running is not None or bool(self._waiting)

    def pending(self, key: CellKey) -> bool:
        """Whether a save of this cell is waiting or running."""
        return (self._running is not None and self._running.key == key) or any(
            s.key == key for s in self._waiting
        )

    def waiting_after(self, key: CellKey) -> bool:
        """Whether another save of this cell waits behind the running one."""
        return any(s.key == key for s in self._waiting)

    def put(self, save: GridSave, stored_now: Any) -> None:
        """Queues a save; `stored_now` is the cell's stored value if nothing of it is queued."""
        if not self.pending(save.key):
            self.stored[save.key] = stored_now
        self._waiting.append(save)
        self._next()

    def _next(self) -> None:
        if self._running is not None:
            return
        if not self._waiting:
            self.idle.emit()
            return
        save = self._waiting.popleft()
        self._running = save
        expected = self.stored.get(save.key)
        work = save.work
        self._job = (
            Job(self._job_parent, lambda _control: work(expected), self._done)
            .failure(self._failed)
            .run()
        )

    def _settle(self) -> GridSave:
        save = self._running
        assert save is not None
        self._running = None
        self._job = None
        return save

    def _done(self, result: Any) -> None:
        save = self._settle()
        try:
            save.done(result)
        finally:
            self._forget_if_done(save.key)
            self._next()

    def _failed(self, error: Exception) -> None:
        save = self._settle()
        try:
            save.failed(error)
        finally:
            self._forget_if_done(save.key)
            self._next()

    def _forget_if_done(self, key: CellKey) -> None:
        if not self.pending(key):
            self.stored.pop(key, None)

    def flush(self, timeout_ms: int = FLUSH_TIMEOUT_MS) -> bool:
        """Waits (the window's events still handled, typing not) until every queued save is
        answered; False if some still were not after `timeout_ms`."""
        if not self.busy:
            return True
        loop = QEventLoop()
        timer = QTimer(loop)
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        self.idle.connect(loop.quit)
        timer.start(timeout_ms)
        try:
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        finally:
            self.idle.disconnect(loop.quit)
            timer.stop()
        return not self.busy
