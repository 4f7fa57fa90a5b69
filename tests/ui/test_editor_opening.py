"""Opening a visit from the client's page reads it off the UI thread (issue 22, no frozen
frame): the editor is built from what was read, and its modules are imported ahead of time."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import threading
import time
from datetime import date
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui import prewarm
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor, opening
from mobileathlete_desktop.ui.main_window import MainWindow
from mobileathlete_desktop.ui.measure_grid import CellKey
from tests.ui.keys import press


def test_enter_on_a_visit_reads_it_off_the_ui_thread_and_opens_it(
    window: MainWindow,
    therapist_ctx: ServiceContext,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = window.model.client_at(0)
    assert client is not None
    draft = assessments.create_assessment(
        therapist_ctx, client.id, date(2026, 5, 4), template="runner_screen"
    )
    assessments.set_value(therapist_ctx, draft.id, "hip.flexion", "left", "active", 111)
    window.select_client(client.id)
    page = window.page
    qtbot.waitUntil(lambda: page.client is not None and page.assessments.rowCount() == 1)
    read_on: list[bool] = []
    real_get = assessments.get_assessment

    def get(ctx: ServiceContext, assessment_id: int) -> Any:
        read_on.append(threading.current_thread() is threading.main_thread())
        return real_get(ctx, assessment_id)

    real_offer = assessments.psfs_offer

    def offer(ctx: ServiceContext, assessment_id: int) -> Any:
        read_on.append(threading.current_thread() is threading.main_thread())
        return real_offer(ctx, assessment_id)

    monkeypatch.setattr(assessments, "get_assessment", get)
    monkeypatch.setattr(assessments, "psfs_offer", offer)
    page.assessments.setFocus()
    page.assessments.setCurrentCell(0, 0)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: draft.id in window.editors)
    editor = window.editors[draft.id]
    qtbot.waitUntil(lambda: editor.psfs is not None and editor.psfs.isEnabled())
    assert read_on == [False, False], "the visit and its PSFS offer were read on a worker, once"
    assert editor.grids[0].values[editor.grids[0].key(editor.grids[0].index(0, 2))] == 111
    assert client.full_name in editor.title.text()
    assert opening.take(draft.id) is None, "nothing read is kept for a later editor"
    editor.close()


PREWARM_PROBE = """
import importlib.abc, json, sys, threading
where = {}

class Watch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.startswith(("mobileathlete_desktop", "PySide6", "matplotlib", "reportlab")):
            ui = threading.current_thread() is threading.main_thread()
            where.setdefault(name, "ui" if ui else threading.current_thread().name)

sys.meta_path.insert(0, Watch())
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication
from mobileathlete_desktop.ui import prewarm, qt_types
app = QApplication([])
parent = QObject()
prewarm.run(lambda step: QTimer.singleShot(0, parent, step), app.quit)
QTimer.singleShot(120_000, app.quit)
app.exec()
print(json.dumps({"where": where, "unmet": len(qt_types.unmet()),
                  "loaded": [m in sys.modules for m in prewarm.MODULES]}))
"""


def test_the_editors_modules_are_loaded_ahead_of_time_qt_only_on_the_ui_thread() -> None:
    # A fresh interpreter, as at the program's start: the services on a plain thread, every
    # ui module, PySide module and Qt class on the UI thread (PySide making classes on two
    # threads at once crashed the process), then every Qt class met.
    out = subprocess.run(
        [sys.executable, "-c", PREWARM_PROBE],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    ).stdout
    found = json.loads(out.strip().splitlines()[-1])
    where: dict[str, str] = found["where"]
    assert all(found["loaded"]) and found["unmet"] == 0
    qt_side = {
        n: w for n, w in where.items() if n.startswith(("PySide6", "mobileathlete_desktop.ui"))
    }
    assert "mobileathlete_desktop.ui.assessment_editor" in qt_side
    assert set(qt_side.values()) == {"ui"}, "no ui or PySide module imported off the UI thread"
    assert where["mobileathlete_desktop.services.findings"] == prewarm.THREAD_NAME
    assert where["mobileathlete_desktop.services.reports"] == prewarm.THREAD_NAME


def test_a_module_that_fails_is_logged_and_the_rest_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert prewarm.import_all(("mobileathlete_desktop.no_such_module",)) == [
        "mobileathlete_desktop.no_such_module"
    ]  # logged, not raised


def test_the_other_tabs_are_built_a_moment_later_with_the_visits_values_and_lock(
    therapist_ctx: ServiceContext, window: MainWindow, qtbot: QtBot
) -> None:
    client = window.model.client_at(0)
    assert client is not None
    visit = assessments.create_assessment(
        therapist_ctx, client.id, date(2026, 5, 4), template="runner_screen"
    )
    assessments.set_value(therapist_ctx, visit.id, "hip.flexion", "left", "active", 111)
    assessments.set_value(therapist_ctx, visit.id, "fms.deep_squat", "none", "none", 2)
    assessments.set_value(therapist_ctx, visit.id, "nprs", "none", "none", 3)
    assessments.sign_assessment(therapist_ctx, visit.id)
    editor = AssessmentEditor(therapist_ctx, visit.id)
    qtbot.addWidget(editor)
    assert len(editor.parts.built_views) == 1, "the first tab only, with the window"
    editor.show()
    qtbot.waitUntil(lambda: len(editor.parts.built_views) == 4)
    fms, pain = editor.grids[2], editor.grids[3]
    assert fms.values[CellKey("fms.deep_squat", "none", "none")] == 2
    assert pain.values[CellKey("nprs", "none", "none")] == 3
    assert all(grid.read_only for grid in editor.grids), "the signed visit is locked everywhere"
    assert editor.motor is not None and editor.lefs is not None
    assert "Counts as" in [c.title for c in fms.columns]
    assert fms.data(fms.index(0, 4)) == "2"


def test_asking_for_a_part_builds_the_tabs_at_once(
    therapist_ctx: ServiceContext, window: MainWindow, qtbot: QtBot
) -> None:
    client = window.model.client_at(0)
    assert client is not None
    visit = assessments.create_assessment(
        therapist_ctx, client.id, date(2026, 5, 4), template="runner_screen"
    )
    assessments.set_value(therapist_ctx, visit.id, "nprs", "none", "none", 4)
    editor = AssessmentEditor(therapist_ctx, visit.id)
    qtbot.addWidget(editor)
    assert len(editor.parts.built_views) == 1
    assert editor.grids[3].values[CellKey("nprs", "none", "none")] == 4  # built on asking
    assert len(editor.parts.built_views) == 4


def test_a_value_typed_at_once_is_saved_without_building_the_other_tabs_with_it(
    therapist_ctx: ServiceContext,
    window: MainWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A value typed before the other tabs are built is in the first tab's grid: its save
    # does not build the four tabs in the same turn (issue 22: 96 ms of the UI thread on the
    # clinic server); they come a turn each, as when nothing is typed. (The turns are spaced
    # out here so that the window is active, and typed in, before the first of them.)
    from mobileathlete_desktop.ui.assessment_editor import parts

    monkeypatch.setattr(parts, "TAB_BUILD_GAP_MS", 400)
    client = window.model.client_at(0)
    assert client is not None
    visit = assessments.create_assessment(
        therapist_ctx, client.id, date(2026, 5, 4), template="runner_screen"
    )
    editor = AssessmentEditor(therapist_ctx, visit.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    assert len(editor.parts.built_views) == 1
    view = editor.parts.built_views[0]
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 2))  # hip flexion, left active
    saved: list[int] = []
    editor.changed.connect(saved.append)
    for char in "117":  # the first key opens the cell's editor: typed on into it
        qtbot.keyClick(QApplication.focusWidget() or view, char)
    qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_Return)
    assert len(editor.parts.built_views) == 1, "the other tabs were built with the save"
    qtbot.waitUntil(lambda: bool(saved))
    stored = assessments.get_assessment(therapist_ctx, visit.id)
    assert stored.value("hip.flexion", "left", "active") == 117
    qtbot.waitUntil(lambda: len(editor.parts.built_views) == 4)


def test_with_the_first_tab_full_the_cursor_goes_on_once_the_other_tabs_are_built(
    therapist_ctx: ServiceContext, window: MainWindow, qtbot: QtBot
) -> None:
    client = window.model.client_at(0)
    assert client is not None
    visit = assessments.create_assessment(
        therapist_ctx, client.id, date(2026, 5, 4), template="runner_screen"
    )
    first = AssessmentEditor(therapist_ctx, visit.id)
    rom = first.parts.built_views[0].grid
    for row, column in rom.positions:
        key = rom.key(rom.index(row, column))
        assert key is not None
        low, high = therapist_ctx.catalogue[key.code].bounds
        assessments.set_value(
            therapist_ctx, visit.id, key.code, key.side, key.mode, round((low + high) / 2)
        )
    first.deleteLater()
    editor = AssessmentEditor(therapist_ctx, visit.id)
    qtbot.addWidget(editor)
    editor.show()
    assert len(editor.parts.built_views) == 1, "not built in the same freeze as the window"
    qtbot.waitUntil(lambda: editor.views[1].hasFocus())
    balance = editor.grids[1]
    key = balance.key(editor.views[1].currentIndex())
    assert key is not None and key not in balance.values
    assert editor.tabs.currentIndex() == 1


def test_the_imports_ahead_run_once_and_a_window_closed_first_leaves_them_to_the_next(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prewarm, "_started", threading.Event())
    runs: list[int] = []
    monkeypatch.setattr(prewarm, "run", lambda _schedule: runs.append(1))
    gone = QWidget()
    prewarm.start(gone, 0)
    shiboken6.delete(gone)  # closed and deleted before its moment came
    kept = QWidget()
    qtbot.addWidget(kept)
    prewarm.start(kept, 0)
    prewarm.start(kept, 0)
    qtbot.waitUntil(lambda: runs == [1])
    QApplication.processEvents()
    assert runs == [1]


class _WindowsShown(QObject):
    """Notes each window shown (a widget without a parent, or with one it is not inside)."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[QWidget] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.shown.append(watched)
        return False


@pytest.mark.parametrize("role_ctx", ["therapist_ctx", "admin_ctx"])
def test_opening_the_editor_shows_it_and_no_other_window(
    role_ctx: str, request: pytest.FixtureRequest, window: MainWindow, qtbot: QtBot
) -> None:
    """The Check-in button was shown before it was in the window: for a moment it was a
    window of its own (made, laid out, painted, a flash on screen) while the editor opened."""
    ctx: ServiceContext = request.getfixturevalue(role_ctx)
    client = window.model.client_at(0)
    assert client is not None
    visit = assessments.create_assessment(
        request.getfixturevalue("therapist_ctx"), client.id, date(2026, 5, 4)
    )
    watch = _WindowsShown()
    QApplication.instance().installEventFilter(watch)  # type: ignore[union-attr]
    try:
        editor = AssessmentEditor(ctx, visit.id)
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitUntil(lambda: not editor.parts.waiting)
    finally:
        QApplication.instance().removeEventFilter(watch)  # type: ignore[union-attr]
    assert watch.shown == [editor]
    therapist = role_ctx == "therapist_ctx"
    assert editor.checkin_button.isVisible() == therapist, "Check-in for therapists only"
    assert editor.media_button.isVisible()


def test_the_other_tabs_are_built_one_a_turn_and_take_what_was_shown_meanwhile(
    therapist_ctx: ServiceContext, window: MainWindow, qtbot: QtBot
) -> None:
    """Each tab not shown first is built in a turn of its own (all four in one turn, with the
    window's first paint, froze it ~25-35 ms); the last visit shown meanwhile, and the
    findings, reach the grids built later without building them at once."""
    client = window.model.client_at(0)
    assert client is not None
    visit = assessments.create_assessment(
        therapist_ctx, client.id, date(2026, 5, 4), template="runner_screen"
    )
    assessments.set_value(therapist_ctx, visit.id, "fms.deep_squat", "none", "none", 2)
    editor = AssessmentEditor(therapist_ctx, visit.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.show_last.setChecked(True)  # before the other tabs are built
    assert len(editor.parts.built_views) == 1, "the box built nothing"
    built = [len(editor.parts.built_views)]
    turns = 0
    deadline = time.monotonic() + 10  # the tabs come a frame apart (TAB_BUILD_GAP_MS)
    while editor.parts.waiting:
        QApplication.processEvents()
        built.append(len(editor.parts.built_views))
        turns += 1
        assert time.monotonic() < deadline
    steps = [b - a for a, b in itertools.pairwise(built)]
    assert max(steps) == 1, f"one tab a turn: views built per turn {steps}"
    assert built[-1] == 4 and turns >= 4  # balance, motor control (no grid), FMS, outcomes
    assert all(grid.show_previous for grid in editor.grids)
    fms = editor.grids[2]
    assert fms.values[CellKey("fms.deep_squat", "none", "none")] == 2
    qtbot.waitUntil(lambda: editor.live_findings.result is not None)
    assert CellKey("fms.deep_squat", "none", "none") in fms.interpreted
