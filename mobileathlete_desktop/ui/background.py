"""Running a slow service call (a password hash, a long query) off the UI thread."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class BackgroundCall(QObject):
    """One call run on the thread pool; `finished` or `failed` arrives on the UI thread."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, call: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._call = call

    def start(self) -> None:
        """Queues the call on the global thread pool."""
        QThreadPool.globalInstance().start(_Job(self))


class _Job(QRunnable):
    def __init__(self, owner: BackgroundCall) -> None:
        super().__init__()
        self.owner = owner

    def run(self) -> None:
        try:
            result = self.owner._call()
        except Exception as exc:  # handed to the UI thread, which shows it
            self._tell(self.owner.failed, exc)
        else:
            self._tell(self.owner.finished, result)

    @staticmethod
    def _tell(signal: Any, value: object) -> None:
        # The window that asked may have closed meanwhile (its BackgroundCall deleted with
        # it): then nobody waits for the answer, and there is nothing to report.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)
