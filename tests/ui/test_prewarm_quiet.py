"""The prewarm's slices on the UI thread wait while the window waits for a job (a client's
page being read as the therapist goes down the list): a slice beside the page's answer made
one frozen frame (issue 22)."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.ui import prewarm
from mobileathlete_desktop.ui.jobs import Job


def test_a_slice_waits_for_the_running_job_then_runs(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    release = threading.Event()
    answered: list[object] = []
    job = Job(window, lambda _c: release.wait(10), answered.append).run()
    turns = prewarm.QuietTurns(window)
    ran: list[str] = []
    turns.schedule(lambda: ran.append("slice"))
    qtbot.waitUntil(lambda: turns.waited_ms >= 3 * prewarm.QUIET_POLL_MS)
    assert ran == [] and job.running  # still waiting for the page's read
    release.set()
    qtbot.waitUntil(lambda: ran == ["slice"])
    assert answered == [True]


def test_a_long_job_holds_the_slices_only_so_long(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    release = threading.Event()
    Job(window, lambda _c: release.wait(30), lambda _r: None).run()
    turns = prewarm.QuietTurns(window)
    turns.waited_ms = prewarm.QUIET_WAIT_MS  # the prewarm has waited its fill already
    ran: list[str] = []
    try:
        turns.schedule(lambda: ran.append("slice"))
        qtbot.waitUntil(lambda: ran == ["slice"])  # the backup still running: it goes on
    finally:
        release.set()
