"""The Qt binding must not corrupt Python's reference counts when it delivers signals.

PySide6 6.12.0 on Python 3.11 dropped one reference to True per signal delivered to a Python
slot, so a window that ran long enough aborted with "Fatal Python error: bool_dealloc" (seen as
crashes of the Progress tab). pyproject.toml pins a release without the bug; this keeps it so.

True, False and None are immortal from Python 3.12 (their counts never move), so the guard
sends mortal objects too: an instance of a plain class through an `object` signal, and fresh
ints received from an `int` signal, directly and queued. A binding that drops a reference per
delivery makes the counts fall (the payload is held more times than it is sent, so the test
fails rather than crashes); one that leaks makes them rise.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot


class _Sender(QObject):
    number = Signal(int)
    flag = Signal(bool)
    anything = Signal(object)


class _Payload:
    """A mortal object: unlike True/False/None on Python 3.12+, its count moves."""


DELIVERIES = 300


def _deliver(sender: _Sender, payload: _Payload, times: int) -> None:
    for i in range(times):
        sender.anything.emit(payload)
        sender.number.emit(100_000 + i)  # above the small-int cache: a new int every time
        sender.flag.emit(i % 2 == 0)
        sender.anything.emit(None)
    QCoreApplication.processEvents()  # delivers the queued ones


@pytest.mark.parametrize(
    "connection",
    [Qt.ConnectionType.DirectConnection, Qt.ConnectionType.QueuedConnection],
    ids=["direct", "queued"],
)
def test_delivering_signals_leaves_reference_counts_alone(
    qapp: QApplication, connection: Qt.ConnectionType
) -> None:
    sender = _Sender()
    payload = _Payload()
    # Held more times than it is delivered: dropped references show as a count, not a crash.
    held = [payload] * (DELIVERIES + 64)
    got: list[object] = []
    for signal in (sender.number, sender.flag, sender.anything):
        signal.connect(got.append, connection)
    _deliver(sender, payload, 2)  # first deliveries may fill the binding's caches
    got.clear()
    payload_count = sys.getrefcount(payload)
    singletons = [sys.getrefcount(v) for v in (True, False, None)]

    _deliver(sender, payload, DELIVERIES)
    # Counts are read first and checked last: pytest's rewritten asserts keep None in locals.
    delivered = len(got)
    payload_while_held = sys.getrefcount(payload)
    made_here = [100_000 + i for i in range(DELIVERIES)]
    received_counts = {sys.getrefcount(n) for n in got if type(n) is int}
    made_counts = {sys.getrefcount(n) for n in made_here}
    received_ints = [n for n in got if type(n) is int]
    got.clear()
    payload_after = sys.getrefcount(payload)
    singletons_after = [sys.getrefcount(v) for v in (True, False, None)]

    assert delivered == 4 * DELIVERIES
    assert received_ints == made_here
    # Each delivered payload is held once by `got`, and by nothing else.
    assert payload_while_held == payload_count + DELIVERIES
    # A received int is held by `got` only, exactly as an int made here and kept in a list.
    assert received_counts == made_counts
    assert payload_after == payload_count
    assert singletons_after == singletons  # moves on Python 3.11 only
    assert len(held) == DELIVERIES + 64


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
