"""A scripted workday through the real widgets, under the stall meter (bench/stall.py).

Search, open ten clients from the list, enter values in a runner screen's grid, open
Progress, build a home program (Recommend, one more drill, Save) and write its handout,
then the day's reports from the Reports view. Everything goes through the widgets the way a
therapist's keys and clicks would; only the two file dialogs answer themselves (a scratch
folder). Between actions the event loop runs for a human pause, so work the program left on
the UI thread shows as a late heartbeat charged to its step.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.measures import Bench, measure, scratch_dir
from bench.stall import THRESHOLD_MS, StallMeter

TIMEOUT_S = 120.0


def pause(ms: float) -> None:
    """Lets the event loop run for `ms` (a human pause between keys or clicks)."""
    from PySide6.QtWidgets import QApplication

    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        QApplication.processEvents()
        time.sleep(0.001)


def wait_for(done: Callable[[], bool], what: str, timeout_s: float = TIMEOUT_S) -> None:
    """Runs the event loop until `done()`; raises when it takes longer than `timeout_s`."""
    from PySide6.QtWidgets import QApplication

    end = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > end:
            raise TimeoutError(f"workday: {what} did not happen within {timeout_s:.0f} s")
        QApplication.processEvents()
        time.sleep(0.001)


@contextmanager
def answering_file_dialogs(folder: Path) -> Iterator[None]:
    """The save-file and choose-folder dialogs answer with the scratch folder."""
    from mobileathlete_desktop.ui import print_support

    saved = print_support.save_file_name, print_support.choose_folder
    print_support.save_file_name = lambda _p, _s, _k, _t, suggested: folder / suggested  # type: ignore[assignment]
    print_support.choose_folder = lambda *_a: folder  # type: ignore[assignment]
    try:
        yield
    finally:
        print_support.save_file_name, print_support.choose_folder = saved


def type_text(widget: Any, text: str, gap_ms: float = 60) -> None:
    from PySide6.QtTest import QTest

    for char in text:
        QTest.keyClicks(widget, char)
        pause(gap_ms)


def open_from_search(window: Any, text: str) -> int:
    """Searches like a therapist (Ctrl+F, type, Enter) and waits for the first client's page."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window.focus_search()
    QTest.keyClick(window.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window.search, Qt.Key.Key_Delete)
    type_text(window.search, text)
    pause(250)  # the search's debounce, then the list
    page = window.page
    QTest.keyClick(window.search, Qt.Key.Key_Return)
    wait_for(lambda: page.client is not None and not page.loading, f"the page for {text!r}")
    return int(page.client.id)


def common_family_name(ctx: Any) -> str:
    """The family name most clients share (the search types it: ten or more to open)."""
    from sqlalchemy import func, select

    from mobileathlete_desktop.storage.models import Client

    with ctx.db.reading() as session:
        return str(
            session.execute(
                select(Client.family_name)
                .group_by(Client.family_name)
                .order_by(func.count().desc(), Client.family_name)
                .limit(1)
            ).scalar_one()
        )


def search_and_open_ten(window: Any, meter: StallMeter) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    with meter.step("search"):
        window.focus_search()
        type_text(window.search, common_family_name(window.ctx).lower())
        pause(300)
        found = window.model.rowCount()
        assert found, "the search found no client"
    with meter.step("open ten clients"):
        window.table.setFocus()
        page = window.page
        for _ in range(min(10, found)):
            QTest.keyClick(window.table, Qt.Key.Key_Down)
            wanted = window.model.client_at(window.table.currentIndex().row()).id
            wait_for(lambda w=wanted: page.client is not None and page.client.id == w, "a page")
            pause(150)


def grid_entry(window: Any, meter: StallMeter) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    with meter.step("open client with a draft"):
        open_from_search(window, "BENCH-00001")
    page = window.page
    with meter.step("open the runner screen (editor)"):
        rows = page.assessments
        draft = next(r for r in range(rows.rowCount()) if "Draft" in (rows.item(r, 3).text() or ""))
        rows.setFocus()
        rows.setCurrentCell(draft, 0)
        QTest.keyClick(rows, Qt.Key.Key_Return)
        wait_for(lambda: bool(window.editors), "the assessment editor")
        editor = next(iter(window.editors.values()))
        editor.activateWindow()
        wait_for(editor.isActiveWindow, "the editor on screen")
        pause(200)
    with meter.step("grid entry"):
        view = editor.views[0]
        saved: list[float] = []
        editor.changed.connect(lambda _id: saved.append(time.perf_counter()))
        for i in range(10):
            view.setFocus()
            view.setCurrentIndex(view.model().index(0, 2))  # hip flexion, left active
            pause(80)
            before = len(saved)
            for char in str(100 + i):
                QTest.keyClick(QApplication.focusWidget() or view, char)
                pause(60)
            QTest.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_Return)
            wait_for(lambda b=before: len(saved) > b, "a saved grid value")
            pause(200)
    with meter.step("close the editor"):
        editor.close()
        pause(500)  # the page refreshes after the editor's saves


def progress(window: Any, meter: StallMeter) -> None:
    with meter.step("open Progress"):
        page = window.page
        page.tabs.setCurrentIndex(0)  # as the measures before may have left it
        page.progress.kind.setCurrentIndex(0)
        pause(100)
        shown: list[bool] = []
        page.progress.chart_shown.connect(lambda: shown.append(True))
        page.show_progress()
        if not page.progress.loading:  # this client's chart was already drawn: shown again
            shown.append(True)
        wait_for(lambda: bool(shown), "the progress chart")
        pause(200)
        for index in range(1, page.progress.kind.count()):  # look at each chart kind
            page.progress.kind.setCurrentIndex(index)
            wait_for(lambda n=index: len(shown) > n, "a chart of another kind")
            pause(150)
        page.progress.chart_shown.disconnect()
        page.tabs.setCurrentIndex(0)


def program_and_handout(window: Any, meter: StallMeter) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    with meter.step("open the program builder"):
        # As a therapist opens it: Ctrl+Shift+P (a key the idle lock sees, as it sees the
        # keys and clicks that open every other window of the workday).
        window.activateWindow()
        wait_for(window.isActiveWindow, "the main window active")
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_P, keys)
        wait_for(lambda: getattr(window, "program_builder", None) is not None, "the builder")
        builder = window.program_builder
        wait_for(builder.isVisible, "the program builder")
        pause(200)
    with meter.step("build a program"):
        QTest.mouseClick(builder.recommend_button, Qt.MouseButton.LeftButton)
        pause(150)
        builder.search.setFocus()
        type_text(builder.search, "bridge")
        pause(200)
        QTest.keyClick(builder.search, Qt.Key.Key_Return)  # adds the first drill found
        pause(150)
        # Recommend is worked out on the thread pool: its drills come before Save.
        wait_for(lambda: builder.recommending is None, "the recommended drills")
        assert builder.model.items, "the program is empty"
        QTest.mouseClick(builder.save_button, Qt.MouseButton.LeftButton)
        pause(150)
        assert builder.program is not None, builder.status.text()
    with meter.step("write the handout"):
        QTest.mouseClick(builder.pdf_button, Qt.MouseButton.LeftButton)
        wait_for(lambda: builder.writing is None, "the handout")
        pause(150)
        builder.close()
        pause(100)


def busiest_day(ctx: Any, wanted: int = 8) -> str:
    """The day with the number of clients seen nearest to `wanted` (the day's batch)."""
    from sqlalchemy import func, select

    from mobileathlete_desktop.storage.models import Assessment

    seen = func.count(func.distinct(Assessment.client_id))
    with ctx.db.reading() as session:
        day = session.execute(
            select(Assessment.date)
            .group_by(Assessment.date)
            .order_by(func.abs(seen - wanted), Assessment.date.desc())
            .limit(1)
        ).scalar_one()
    return str(day)


def reports(window: Any, meter: StallMeter, folder: Path, day: str) -> int:
    """The day's reports for `day` (read by the bench before the meter starts: its query took
    80-110 ms on the UI thread, a stall of the bench's own charged to 'idle')."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    with meter.step("open Reports"):
        window.reports_action.trigger()
        view = window.reports_view
        wait_for(view.isVisible, "the Reports view")
        pause(150)
    with meter.step("list the day's clients"):
        for edit in (view.first, view.last):
            edit.setFocus()
            edit.selectAll()
            type_text(edit, day, gap_ms=20)
        QTest.mouseClick(view.list_seen, Qt.MouseButton.LeftButton)
        wait_for(lambda: view.listing is None, "the day's clients")  # read on the thread pool
        pause(150)
        ticked = len(view.chosen)
        assert ticked, f"no client seen on {day}"
    with meter.step("write the day's reports"):
        view.per_client.setChecked(True)
        QTest.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
        wait_for(lambda: view.job is None, "the day's reports", timeout_s=600)
        pause(150)
        view.close()
    written = len(list(folder.glob("*.pdf"))) - 1  # the handout is there too
    assert written >= ticked, f"{written} reports for {ticked} clients: {view.status.text()}"
    return ticked


@contextmanager
def installed_bytecode() -> Iterator[None]:
    """The program's modules imported during the workday (the prewarm's slices, the first
    editor's form, a report's) read from compiled bytecode, as the installed program does
    (pip and the bundle compile it when installing; bench.measures.installed_bytecode does
    the same for the start). In a development shell with PYTHONDONTWRITEBYTECODE set, the
    editable install has none, and each import compiled its source on the UI thread (26 of
    the 42 ms of importing the editor's package), a cost no user pays."""
    import compileall

    from bench.measures import BYTECODE, ROOT

    saved = sys.dont_write_bytecode, sys.pycache_prefix
    sys.dont_write_bytecode, sys.pycache_prefix = False, str(BYTECODE)
    try:
        compileall.compile_dir(ROOT / "mobileathlete_desktop", quiet=1)  # once; then checked
        yield
    finally:
        sys.dont_write_bytecode, sys.pycache_prefix = saved


@contextmanager
def as_the_program_switches() -> Iterator[None]:
    """The interpreter's switch interval the program sets at its start (commands/gui.py:
    favour_the_ui_thread, 1 ms), for the window this process measures; put back after."""
    from mobileathlete_desktop.commands.gui import favour_the_ui_thread

    before = sys.getswitchinterval()
    favour_the_ui_thread()
    try:
        yield
    finally:
        sys.setswitchinterval(before)


@measure("workday (UI stalls)")
def workday(bench: Bench) -> dict[str, Any]:
    """The longest gap of a 5 ms UI heartbeat over the scripted workday, and its step."""
    with installed_bytecode(), as_the_program_switches():
        return _workday(bench)


def _workday(bench: Bench) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from mobileathlete_desktop.ui import garbage

    window = bench.window
    folder = scratch_dir()
    day = busiest_day(window.ctx)  # the bench's own query, not the program's: before the meter
    # As the program runs (commands/gui.py): garbage collected from the UI thread's timer,
    # what exists at start frozen out of collections; not CPython's automatic collection.
    collector = garbage.install(QApplication.instance())
    meter = StallMeter()
    meter.start()
    try:
        with answering_file_dialogs(folder):
            search_and_open_ten(window, meter)
            grid_entry(window, meter)
            progress(window, meter)
            program_and_handout(window, meter)
            reports(window, meter, folder, day)
    finally:
        meter.stop()
        collector.uninstall()
        collector.deleteLater()
        gc.collect()  # the closed windows' cycles, on this thread (bench/server.py says why)
    bench.stall_meter = meter
    print("    the workday's worst stalls:", file=sys.stderr)
    for stall in meter.worst_stalls():
        print(f"    {stall.describe()}", file=sys.stderr)
    print("    each step's longest gap:", file=sys.stderr)
    for step, gap in meter.per_step.items():
        over = meter.worst_in_step.get(step)
        print(f"    {gap:7.1f} ms  {step:<32} {over.culprit if over else ''}", file=sys.stderr)
    worst = meter.worst
    return {
        "workday_max_stall_ms": meter.max_ms,
        "workday_stalls_over_50": meter.over_threshold,
        "workday_worst_step": worst.step if worst else max(meter.per_step, key=meter.per_step.get),
        "workday_worst_where": worst.culprit if worst else "",
    }


__all__ = ["THRESHOLD_MS", "workday"]
