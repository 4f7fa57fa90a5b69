"""Slow work off the UI thread: a Job runs on the thread pool and answers on the UI thread.

In the shape of Anki's `QueryOp`::

    Job(self, lambda control: service.call(ctx, ...), self._loaded).run()
    Job(self, write_all, self._written).failure(self._not_written).with_progress("Writing…").run()

`work(control)` runs on `QThreadPool.globalInstance()` and must not touch widgets; it may
report `control.progress(done, total, text)` and should stop when `control.cancelled` (or call
`control.raise_if_cancelled()`). `on_done(result)` and the failure handler run on the UI
thread, and only while the parent widget is alive: a window closed meanwhile hears nothing.
Without a failure handler the exception is logged and shown in a message box on the parent.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
)
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from mobileathlete_desktop.services.context import ConflictError, NotFound
from mobileathlete_desktop.services.errors import DatabaseDamagedError, StorageError
from mobileathlete_desktop.ui import damage
from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mobileathlete_desktop.ui.mailbox import call_on_ui_thread, mailbox

T = TypeVar("T")
log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 300
"""A job that ends sooner shows no progress dialog (no flash for fast work)."""
USER_FACING: tuple[type[Exception], ...] = (
    PermissionError,
    ValueError,
    NotFound,
    OSError,
    ConflictError,
    StorageError,
)
"""Exceptions whose message is written for the user (services raise InputError, NotFound,
ConflictError, PermissionDenied, StorageError for a busy or full database; files raise
OSError); any other is a bug, said generically."""
UNEXPECTED = QT_TRANSLATE_NOOP(
    "Job",
    "Something unexpected went wrong, and the work was not finished. Nothing else was "
    "changed; the details are in the program's log.",
)

ProgressHandler = Callable[[int, "int | None", str], None]


class JobCancelled(Exception):
    """The work stopped because Cancel was pressed (raised by `raise_if_cancelled`)."""


class JobControl:
    """What the work sees: whether Cancel was pressed, and where to report progress.

    Thread-safe: the work calls it on the pool, the window cancels from the UI thread.
    Progress reports are coalesced: the UI thread hears the latest, never a backlog.
    """

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._latest: tuple[int, int | None, str] | None = None
        self._pending = False
        self._notify: Callable[[], None] = lambda: None
        self.outcome: tuple[str, object] | None = None  # (DONE/FAILED/CANCELLED, value)

    @property
    def cancelled(self) -> bool:
        """Whether Cancel was pressed (or `cancel()` called)."""
        return self._stop.is_set()

    def cancel(self) -> None:
        """Asks the work to stop at its next check."""
        self._stop.set()

    def raise_if_cancelled(self) -> None:
        """Raises JobCancelled once Cancel was pressed: the job then ends quietly."""
        if self._stop.is_set():
            raise JobCancelled("cancelled")

    def progress(self, done: int, total: int | None = None, text: str = "") -> None:
        """Reports how far the work is (`total` None: unknown); safe from any thread."""
        with self._lock:
            self._latest = (done, total, text)
            if self._pending:
                return
            self._pending = True
        self._notify()

    def take_progress(self) -> tuple[int, int | None, str] | None:
        """The latest report, once (called on the UI thread when told there is one)."""
        with self._lock:
            self._pending = False
            return self._latest


DONE, FAILED, CANCELLED = "done", "failed", "cancelled"


# Jobs between run() and their answer, by their control (what the worker holds). Holding
# them here keeps a window that is closed and forgotten meanwhile reachable (it is let go on
# the UI thread once the answer came): Python's garbage collector may run on a worker thread,
# and a Qt window collected there crashes. The worker never holds a job or its window.
_RUNNING: dict[JobControl, Job[Any]] = {}


def any_running() -> bool:
    """Whether a job is between run() and its answer (the window is waiting for one)."""
    return bool(_RUNNING)


def _job_ended(control: JobControl) -> None:
    job = _RUNNING.get(control)
    if job is not None:
        job._ended()
    else:  # the window closed meanwhile: nobody hears the answer
        control.outcome = None


def _job_progressed(control: JobControl) -> None:
    job = _RUNNING.get(control)
    if job is not None:
        job._progressed()


class _Runnable(QRunnable):
    """Holds only the work and its control (never a job or a window): whatever this thread
    lets go of last is not a Qt object."""

    def __init__(self, work: Callable[[JobControl], object], control: JobControl) -> None:
        super().__init__()
        self.work: Callable[[JobControl], object] | None = work
        self.control: JobControl | None = control

    def run(self) -> None:
        work, self.work = self.work, None
        control, self.control = self.control, None
        assert work is not None and control is not None
        outcome: tuple[str, object]
        try:
            outcome = (DONE, work(control))
        except JobCancelled:
            outcome = (CANCELLED, None)
        except Exception as exc:  # handed to the UI thread, which shows it
            outcome = (FAILED, exc)
        # The answer (and the work, whose closure may hold a window) is let go on the UI
        # thread, which holds the other references: this thread keeps none of them.
        del work
        control.outcome = outcome
        del outcome
        with contextlib.suppress(RuntimeError, AssertionError):  # at exit
            call_on_ui_thread(functools.partial(_job_ended, control))


class _Receiver(QObject):
    """A child of the parent widget, made and deleted on the UI thread: when the window goes,
    so does the job's claim to an answer."""


class Job(Generic[T]):
    """`work(control)` on the thread pool, `on_done(result)` on the UI thread.

    Configure with `failure`, `cancelled`, `on_progress` and `with_progress` (each returns
    the job), then `run()`. Keep the job (e.g. `self.job = ...run()`) to `cancel()` it or to
    ask `running`; it keeps itself alive until it ends either way.
    """

    def __init__(
        self, parent: QWidget, work: Callable[[JobControl], T], on_done: Callable[[T], None]
    ) -> None:
        self.parent: QWidget | None = parent
        self.control = JobControl()
        self._work: Callable[[JobControl], T] | None = work
        self._on_done: Callable[[T], None] | None = on_done
        self._on_failure: Callable[[Exception], None] | None = None
        self._on_cancelled: Callable[[], None] | None = None
        self._on_progress: ProgressHandler | None = None
        self._dialog_label: str | None = None
        self._dialog_maximum: int | None = None
        self._receiver: _Receiver | None = None
        self._timer: QTimer | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.running = False

    def failure(self, handler: Callable[[Exception], None]) -> Job[T]:
        """Handles an exception from the work instead of the default message box."""
        self._on_failure = handler
        return self

    def cancelled(self, handler: Callable[[], None]) -> Job[T]:
        """Called when the work raised JobCancelled (by default a cancelled job says nothing)."""
        self._on_cancelled = handler
        return self

    def on_progress(self, handler: ProgressHandler) -> Job[T]:
        """Hears each progress report (done, total or None, text) on the UI thread, e.g. for a
        progress bar of the caller's own."""
        self._on_progress = handler
        return self

    def with_progress(self, label: str, maximum: int | None = None) -> Job[T]:
        """Shows a progress dialog with Cancel if the job is still running after
        PROGRESS_DELAY_MS (`maximum` None: busy until a report gives a total)."""
        self._dialog_label = label
        self._dialog_maximum = maximum
        return self

    def cancel(self) -> None:
        """Asks the work to stop (it sees `control.cancelled`)."""
        self.control.cancel()

    def run(self) -> Job[T]:
        """Queues the work on the global thread pool; returns the job."""
        assert not self.running and self._work is not None and self.parent is not None, (
            "a job runs once"
        )
        box = mailbox()
        runnable = _Runnable(self._work, self.control)
        receiver = _Receiver(self.parent)
        self._receiver = receiver
        control = self.control
        control._notify = functools.partial(box.post, functools.partial(_job_progressed, control))
        self.running = True
        _RUNNING[control] = self
        # The window closed before the answer: nobody waits for it (and the window is gone).
        receiver.destroyed.connect(lambda: _RUNNING.pop(control, None))
        if self._dialog_label is not None:
            self._timer = QTimer(receiver, singleShot=True, interval=PROGRESS_DELAY_MS)
            self._timer.timeout.connect(self._show_dialog)
            self._timer.start()
        QThreadPool.globalInstance().start(runnable)
        return self

    # -- on the UI thread ----------------------------------------------------------------------

    def _show_dialog(self) -> None:
        if not self.running:
            return
        maximum = self._dialog_maximum or 0
        dialog = QProgressDialog(
            self._dialog_label or "",
            QCoreApplication.translate("Job", "Cancel"),
            0,
            maximum,
            self.parent,
        )
        dialog.setWindowTitle("Mobile Athlete")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(self._cancel_pressed)
        self.progress_dialog = dialog
        latest = self.control._latest
        if latest is not None:
            self._show_on_dialog(*latest)
        dialog.show()

    def _cancel_pressed(self) -> None:
        self.cancel()
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText(QCoreApplication.translate("Job", "Cancelling…"))

    def _progressed(self) -> None:
        latest = self.control.take_progress()
        if latest is None:
            return
        if self._on_progress is not None:
            self._on_progress(*latest)
        if self.progress_dialog is not None and not self.control.cancelled:
            self._show_on_dialog(*latest)

    def _show_on_dialog(self, done: int, total: int | None, text: str) -> None:
        dialog = self.progress_dialog
        assert dialog is not None
        if total is not None:
            dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, dialog.maximum()) if dialog.maximum() else 0)
        if text:
            dialog.setLabelText(text)

    def _ended(self) -> None:
        outcome, self.control.outcome = self.control.outcome, None
        assert outcome is not None
        if self._receiver is not None:
            self._receiver.deleteLater()
        kind, value = outcome
        self._finish()
        try:
            if kind == DONE and self._on_done is not None:
                self._on_done(value)  # type: ignore[arg-type]
            elif kind == FAILED:
                assert isinstance(value, Exception) and self.parent is not None
                if self._on_failure is not None:
                    self._on_failure(value)
                else:
                    show_failure(self.parent, value)
            elif kind == CANCELLED and self._on_cancelled is not None:
                self._on_cancelled()
        finally:
            self._release()

    def _finish(self) -> None:
        self.running = False
        if self._timer is not None:
            self._timer.stop()
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect(self._cancel_pressed)
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _release(self) -> None:
        # The window keeps its job (self.job = ...) and the job its window and callbacks: a
        # cycle only the garbage collector would break, perhaps on a worker thread. Broken here.
        _RUNNING.pop(self.control, None)
        self.parent = None
        self._work = None
        self._on_done = self._on_failure = self._on_cancelled = self._on_progress = None
        self._receiver = self._timer = None


def show_failure(
    parent: QWidget, exc: Exception, title: str = "Mobile Athlete"
) -> QMessageBox | None:
    """The default failure path: logs the exception and says it in a message box on `parent`
    (a user-facing error's own words; for anything else a plain sentence, details in the log).
    A damaged clinic file goes to the main window's recovery instead (no box: None)."""
    log.error("Background job failed", exc_info=exc)
    if isinstance(exc, DatabaseDamagedError) and damage.report(str(exc)):
        return None  # the main window stops the work and opens the recovery screen
    known = isinstance(exc, USER_FACING)
    if known:
        # In the window's language where the refusal has words (ui/refusals), else its own;
        # imported here: the refusals' words are needed only when something is refused.
        from mobileathlete_desktop.ui.refusals import refusal_text

        text = " ".join((refusal_text(exc) or type(exc).__name__).split())
    else:
        text = QCoreApplication.translate("Job", UNEXPECTED)
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
