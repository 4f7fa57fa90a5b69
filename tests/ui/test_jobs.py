"""The one job primitive: results and failures on the UI thread, progress, Cancel, and a
closed window that hears nothing."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import Qt, QThread, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services.context import InputError
from mobileathlete_desktop.ui.jobs import Job, JobControl
from mobileathlete_desktop.ui.mailbox import call_on_ui_thread, mailbox

WAIT_MS = 5000


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def message_boxes(parent: QWidget) -> list[QMessageBox]:
    return [box for box in parent.findChildren(QMessageBox) if box.isVisible()]


def test_the_result_arrives_on_the_ui_thread(window: QWidget, qtbot: QtBot) -> None:
    got: list[tuple[object, bool]] = []
    worker_threads: list[QThread] = []

    def work(_control: JobControl) -> int:
        worker_threads.append(QThread.currentThread())
        return 42

    def done(value: int) -> None:
        got.append((value, QThread.currentThread() is QApplication.instance().thread()))  # type: ignore[union-attr]

    job = Job(window, work, done).run()
    qtbot.waitUntil(lambda: bool(got), timeout=WAIT_MS)
    assert got == [(42, True)]
    assert worker_threads[0] is not QApplication.instance().thread()  # type: ignore[union-attr]
    assert not job.running


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (InputError("The chart number C-1 is taken"), "The chart number C-1 is taken"),
        (PermissionError("Your role may not read the audit trail"), "may not read the audit"),
        (KeyError("internal detail"), "Something unexpected went wrong"),
    ],
)
def test_a_failure_is_logged_and_shown_in_a_message_box_by_default(
    window: QWidget,
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
    error: Exception,
    shown: str,
) -> None:
    def work(_control: JobControl) -> None:
        raise error

    done: list[object] = []
    Job(window, work, done.append).run()
    qtbot.waitUntil(lambda: bool(message_boxes(window)), timeout=WAIT_MS)
    box = message_boxes(window)[0]
    assert shown in box.text()
    assert "internal detail" not in box.text()  # a bug's text is for the log, not the user
    assert done == []
    assert any(r.exc_info and r.exc_info[1] is error for r in caplog.records)
    box.close()


def test_a_failure_handler_replaces_the_message_box(window: QWidget, qtbot: QtBot) -> None:
    errors: list[Exception] = []

    def work(_control: JobControl) -> None:
        raise InputError("Type the clinic's name")

    Job(window, work, lambda _r: None).failure(errors.append).run()
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT_MS)
    assert str(errors[0]) == "Type the clinic's name"
    assert message_boxes(window) == []


def test_cancel_stops_a_long_job_and_it_ends_quietly(window: QWidget, qtbot: QtBot) -> None:
    started = threading.Event()
    steps: list[int] = []
    results: list[object] = []
    cancelled: list[bool] = []

    def work(control: JobControl) -> str:
        started.set()
        for step in range(10_000):
            control.raise_if_cancelled()
            steps.append(step)
            control.progress(step, 10_000)
            threading.Event().wait(0.005)  # a slow step
        return "finished every step"

    job = Job(window, work, results.append).cancelled(lambda: cancelled.append(True)).run()
    assert started.wait(WAIT_MS / 1000)
    job.cancel()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=WAIT_MS)
    assert results == [] and len(steps) < 10_000
    assert message_boxes(window) == []


def test_progress_reaches_the_ui_thread_in_order_with_the_latest_last(
    window: QWidget, qtbot: QtBot
) -> None:
    heard: list[tuple[int, int | None, str]] = []
    results: list[object] = []

    def work(control: JobControl) -> str:
        for done in range(1, 6):
            control.progress(done, 5, f"Report {done} of 5")
        return "ok"

    Job(window, work, results.append).on_progress(lambda *p: heard.append(p)).run()
    qtbot.waitUntil(lambda: bool(results), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: bool(heard) and heard[-1] == (5, 5, "Report 5 of 5"))
    dones = [h[0] for h in heard]
    assert dones == sorted(dones)  # coalesced, never out of order


def test_a_slow_job_shows_a_progress_dialog_whose_cancel_stops_it(
    window: QWidget, qtbot: QtBot
) -> None:
    release = threading.Event()
    results: list[object] = []

    def work(control: JobControl) -> str:
        control.progress(3, 10, "Writing report 3 of 10")
        while not control.cancelled and not release.wait(0.01):
            pass
        control.raise_if_cancelled()
        return "done"

    job = Job(window, work, results.append).with_progress("Writing reports…").run()
    qtbot.waitUntil(lambda: job.progress_dialog is not None, timeout=WAIT_MS)
    dialog = job.progress_dialog
    assert isinstance(dialog, QProgressDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: dialog.value() == 3 and dialog.maximum() == 10)
    assert dialog.labelText() == "Writing report 3 of 10"
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not job.running, timeout=WAIT_MS)
    assert results == [] and job.progress_dialog is None
    release.set()


def test_a_fast_job_shows_no_progress_dialog(window: QWidget, qtbot: QtBot) -> None:
    results: list[object] = []
    job = Job(window, lambda _c: "quick", results.append).with_progress("Loading…").run()
    qtbot.waitUntil(lambda: bool(results), timeout=WAIT_MS)
    assert job.progress_dialog is None and window.findChildren(QProgressDialog) == []


def test_a_job_whose_window_closed_finishes_quietly(
    qtbot: QtBot, capfd: pytest.CaptureFixture[str]
) -> None:
    release = threading.Event()
    window = QWidget()
    got: list[object] = []
    failed: list[object] = []
    job = Job(window, lambda _c: release.wait(5) and "done", got.append).failure(failed.append)
    job.with_progress("Working…").run()
    with qtbot.waitSignal(window.destroyed):
        window.deleteLater()  # the window closes while the work runs
    release.set()
    assert QThreadPool.globalInstance().waitForDone(WAIT_MS)
    QApplication.processEvents()
    assert got == [] and failed == []
    assert "Signal source has been deleted" not in capfd.readouterr().err


def test_a_forgotten_window_is_kept_until_its_job_ends_then_let_go(qtbot: QtBot) -> None:
    # The window holds its job and the job its window: the garbage collector, which may run
    # on a worker thread, must not find the pair while the job runs (a Qt window collected
    # there crashes); once the answer came the pair is broken on the UI thread.
    release = threading.Event()
    window = QWidget()
    job = Job(window, lambda _c: release.wait(5), lambda _r: None).run()
    window.job = job  # type: ignore[attr-defined]
    gone = weakref.ref(window)
    del window
    collector = threading.Thread(target=gc.collect)
    collector.start()
    collector.join()
    assert gone() is not None
    release.set()
    qtbot.waitUntil(lambda: not job.running, timeout=WAIT_MS)
    gc.collect()
    assert gone() is None


def test_calls_posted_from_many_threads_all_arrive_on_the_ui_thread_in_order(
    qtbot: QtBot,
) -> None:
    mailbox()
    heard: list[tuple[int, int, bool]] = []
    ui = threading.current_thread()

    def post_from(thread_no: int) -> None:
        for i in range(200):
            call_on_ui_thread(
                lambda i=i: heard.append((thread_no, i, threading.current_thread() is ui))
            )

    threads = [threading.Thread(target=post_from, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    qtbot.waitUntil(lambda: len(heard) == 800, timeout=WAIT_MS)
    assert all(on_ui for _n, _i, on_ui in heard)
    for n in range(4):
        assert [i for t, i, _ in heard if t == n] == list(range(200))


def test_a_call_that_raises_does_not_lose_the_calls_after_it(qtbot: QtBot) -> None:
    mailbox()
    heard: list[str] = []

    def boom() -> None:
        raise RuntimeError("boom")

    with qtbot.capture_exceptions() as raised:
        call_on_ui_thread(lambda: heard.append("before"))
        call_on_ui_thread(boom)
        call_on_ui_thread(lambda: heard.append("after"))
        qtbot.waitUntil(lambda: heard == ["before", "after"], timeout=WAIT_MS)
    assert [str(exc) for _type, exc, _tb in raised] == ["boom"]


def test_many_jobs_whose_windows_close_at_any_moment_answer_only_the_open_ones(
    qtbot: QtBot,
) -> None:
    # The answer of a job and the closing of its window race here on purpose: each open
    # window hears its own answer once (a closed one may have heard it before it closed, never
    # after: test_a_job_whose_window_closed_finishes_quietly), and no worker thread deletes a
    # Qt object (which crashed the process now and then when each job had Qt objects of its
    # own).
    heard: dict[int, list[int]] = {}
    windows: list[QWidget] = []
    for n in range(300):
        window = QWidget()
        windows.append(window)
        Job(window, lambda _c, n=n: n, lambda r, n=n: heard.setdefault(n, []).append(r)).run()
        if n % 3 == 0:
            window.deleteLater()
        if n % 25 == 0:
            QApplication.processEvents()
    kept = [n for n in range(300) if n % 3]
    assert QThreadPool.globalInstance().waitForDone(WAIT_MS)
    qtbot.waitUntil(lambda: all(n in heard for n in kept), timeout=WAIT_MS)
    assert all(answers == [n] for n, answers in heard.items())  # once, its own
    for n in kept:
        windows[n].deleteLater()
