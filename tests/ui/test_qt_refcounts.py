"""The Qt binding must not corrupt Python's reference counts when it delivers signals.

PySide6 6.12.0 on Python 3.11 dropped one reference to True per signal delivered to a Python
slot, so a window that ran long enough aborted with "Fatal Python error: bool_dealloc" (seen as
crashes of the Progress tab). pyproject.toml pins a release without the bug; this keeps it so.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot


class _Sender(QObject):
    number = Signal(int)
    anything = Signal(object)


def test_delivering_signals_leaves_reference_counts_alone() -> None:
    sender = _Sender()
    got: list[object] = []
    sender.number.connect(got.append)
    sender.anything.connect(got.append)
    counts = [sys.getrefcount(v) for v in (True, False, None)]
    for i in range(200):
        sender.number.emit(i)
        sender.anything.emit(None)
    got.clear()
    assert [sys.getrefcount(v) for v in (True, False, None)] == counts


def test_a_job_whose_window_closed_finishes_quietly(
    qtbot: QtBot, capfd: pytest.CaptureFixture[str]
) -> None:
    import threading

    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication, QWidget

    from mobileathlete_desktop.ui.jobs import Job

    release = threading.Event()
    window = QWidget()
    got: list[object] = []
    Job(window, lambda _control: release.wait(5) and "done", got.append).run()
    with qtbot.waitSignal(window.destroyed):
        window.deleteLater()  # the window closes while the work runs
    release.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    QApplication.processEvents()
    assert got == []
    assert "Signal source has been deleted" not in capfd.readouterr().err
