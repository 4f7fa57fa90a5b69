"""Calls handed from worker threads to the UI thread, through one long-lived Qt object.

A worker never makes, emits on or deletes a Qt object of its own: it appends to a locked
list and emits the mailbox's `posted`, the one cross-thread Qt call, on an object made on
the UI thread and kept for the life of the application. (A Qt object per job, deleted on
the worker that finished it while the UI thread delivered its queued signal, crashed test
workers now and then.) The shape of Anki's `TaskManager.run_on_main`.

Light on purpose (Qt only): the sign-in dialog uses it before the services are imported.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot


class _Mailbox(QObject):
    """Calls handed from worker threads to the UI thread, delivered in order."""

    posted = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._calls: list[Callable[[], None]] = []
        self.posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def post(self, call: Callable[[], None]) -> None:
        """Runs `call()` on the UI thread soon; safe from any thread."""
        with self._lock:
            self._calls.append(call)
            first = len(self._calls) == 1
        if first:
            with contextlib.suppress(RuntimeError):  # at exit Qt may have deleted it
                self.posted.emit()

    @Slot()  # a real slot: the queued call goes through Qt's own meta-object (PYSIDE-3124)
    def _deliver(self) -> None:
        with self._lock:
            calls, self._calls = self._calls, []
        failure: Exception | None = None
        for call in calls:
            try:
                call()
            except Exception as exc:  # the others still run; the first is raised after
                failure = failure or exc
        del calls
        if failure is not None:
            raise failure


_MAILBOX: _Mailbox | None = None


def mailbox() -> _Mailbox:
    """The UI thread's mailbox (made on first use, which must be on the UI thread)."""
    global _MAILBOX
    if _MAILBOX is None or not shiboken6.isValid(_MAILBOX):
        app = QCoreApplication.instance()
        assert app is not None and threading.current_thread() is threading.main_thread(), (
            "the mailbox is made on the UI thread, with the application running"
        )
        _MAILBOX = _Mailbox(app)
    return _MAILBOX


def call_on_ui_thread(call: Callable[[], None]) -> None:
    """Runs `call()` on the UI thread soon, from any thread (after `mailbox()` was made on the
    UI thread, as Job.run does). `call` should hold no window the worker could be the last to
    let go of."""
    assert _MAILBOX is not None, "mailbox() is made on the UI thread first"
    _MAILBOX.post(call)
