"""PySide's Qt classes are made on the UI thread, all of them, a slice at a time: work on the
thread pool then never makes one (making them on two threads at once crashed the process)."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from mobileathlete_desktop.ui import qt_types

PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6 import QtGui, QtWidgets
from mobileathlete_desktop.ui import qt_types
app = QCoreApplication([])
before = len(qt_types.unmet())
turns = []
def schedule(step):
    turns.append(1)
    QTimer.singleShot(0, step)
qt_types.meet_in_slices(schedule, app.quit)
app.exec()
print(before, len(turns), len(qt_types.unmet()))
"""


def test_every_qt_class_is_made_on_the_ui_thread_in_slices() -> None:
    # A fresh interpreter: PySide has made only what its import needed.
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=True
    ).stdout.split()
    before, turns, after = (int(x) for x in out)
    assert before > 300  # QtCore, QtGui and QtWidgets hold several hundred classes
    assert turns > 1 and after == 0  # in more than one turn of the event loop, all of them


def test_a_worker_thread_may_not_make_them() -> None:
    failed: list[BaseException] = []

    def worker() -> None:
        try:
            qt_types.meet_all()
        except AssertionError as exc:
            failed.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert failed and "UI thread" in str(failed[0])


@pytest.mark.usefixtures("qtbot")
def test_the_test_session_made_them_all_before_any_test() -> None:
    # tests/conftest.py meets every class at the start of each test process, as the program
    # does once its window is up: a test's job never makes one on the pool.
    assert qt_types.unmet() == []
