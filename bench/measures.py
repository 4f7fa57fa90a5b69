"""The measurements, one function each, in a registry the harness runs in order.

A measurement returns its numbers as a dict of results.json keys; one whose feature is not
built yet raises NotBuilt and is shown as "n/a (not built yet)". To wire in a new feature,
fill in its function (or add one with @measure) — nothing else changes.
"""

from __future__ import annotations

import importlib.util
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
READY = re.compile(r"MOBILEATHLETE_READY (\d+\.\d+)(?:.*peak_rss_mb=([\d.]+))?")
SIGNIN = re.compile(r"MOBILEATHLETE_SIGNIN (\d+\.\d+)(?:.*cpu_s=([\d.]+))?")
FLOOR_CPU = re.compile(r"MOBILEATHLETE_READY \d+\.\d+ cpu_s=([\d.]+)")
ENTER = re.compile(r"MOBILEATHLETE_ENTER (\d+\.\d+) clinic_open=(\d+\.\d+) max_stall_ms=([\d.]+)")


class NotBuilt(Exception):
    """The feature this measurement needs is not in the program yet."""


@dataclass
class Bench:
    """What every measurement gets: the clinic's database file and how big it is."""

    db_path: Path
    clients: int
    measurements: int
    runs: int = 3
    url: str | None = None  # a server's URL instead of the file (bench/server.py)
    source_path: Path | None = None  # the clinic as built, before any measure wrote to it
    stall_meter: Any = None  # the workday's stall meter, for the table's details
    _ctx: Any = None
    _window: Any = None

    @property
    def ctx(self) -> Any:
        """A service context on the clinic (opened once)."""
        if self._ctx is None:
            from mobileathlete_desktop.services.context import ServiceContext
            from mobileathlete_desktop.storage.database import open_database

            self._ctx = ServiceContext.system(open_database(self.url or self.db_path))
        return self._ctx

    @property
    def window(self) -> Any:
        """The real main window on the clinic, shown offscreen in this process, with its idle
        lock as the program has it (commands/gui.py: main_window): the lock watches the
        program's events from Python (stepping aside for a moment after each input), and its
        cost is part of what the workday measures. (Taken out in 4b722d9 after a stale PySide
        wrapper in one CI run; the likelier cause, the closed editor's cycle collected on a
        report worker, is gone since d7eb8ce.)"""
        if self._window is None:
            from PySide6.QtWidgets import QApplication

            from mobileathlete_desktop.ui.idle_lock import IdleLock
            from mobileathlete_desktop.ui.main_window import MainWindow

            _app = QApplication.instance() or QApplication(["bench"])
            self._window = MainWindow(self.ctx)
            self._window.idle_lock = IdleLock.for_clinic(self._window, self._window.ctx)
            self._window.show()
            QApplication.processEvents()
        return self._window

    def close(self) -> None:
        if self._window is not None:
            self._window.close()
            self._window.deleteLater()
        if self._ctx is not None:
            self._ctx.db.dispose()


Measurement = Callable[[Bench], dict[str, Any]]
REGISTRY: list[tuple[str, Measurement]] = []


def measure(name: str) -> Callable[[Measurement], Measurement]:
    """Registers a measurement under a name (run in registration order)."""

    def register(fn: Measurement) -> Measurement:
        REGISTRY.append((name, fn))
        return fn

    return register


def needs(module: str) -> None:
    """Raises NotBuilt when a module of the program does not exist yet."""
    if importlib.util.find_spec(module) is None:
        raise NotBuilt(module)


def _run_to_ready(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Runs the command to its ready line: (the time it was started, its output)."""
    started = time.time()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if not READY.search(result.stdout):
        raise RuntimeError(f"no ready line from {command}: {result.stdout}{result.stderr[-2000:]}")
    return started, result.stdout


def _time_to_ready(command: list[str], env: dict[str, str]) -> tuple[float, float | None]:
    started, out = _run_to_ready(command, env)
    found = READY.search(out)
    assert found is not None
    rss = float(found.group(2)) if found.group(2) else None
    return float(found.group(1)) - started, rss


@dataclass(frozen=True)
class StartRun:
    """One start of the program, sign-in first (the bench hook types the password)."""

    start_s: float  # process start to the main window usable (see signin_to_main_ms)
    signin_s: float  # process start to the sign-in dialog's first frame painted
    # Enter to the main window usable, argon2 check included: shown and active, the keyboard
    # in its search box, its client list's first page filled (commands/gui.py's hook).
    signin_to_main_ms: float
    clinic_open_s: float  # process start to the clinic open behind the dialog
    max_stall_ms: float  # the longest gap of a 5 ms UI heartbeat while the dialog was up
    rss_mb: float | None
    signin_cpu_s: float | None = None  # the process's CPU time at the dialog's first frame


def _start_run(command: list[str], env: dict[str, str]) -> StartRun:
    started, out = _run_to_ready(command, env)
    ready, signin, enter = READY.search(out), SIGNIN.search(out), ENTER.search(out)
    if ready is None or signin is None or enter is None:
        raise RuntimeError(f"missing sign-in timestamps from {command}: {out}")
    at_ready = float(ready.group(1))
    return StartRun(
        start_s=at_ready - started,
        signin_s=float(signin.group(1)) - started,
        signin_to_main_ms=(at_ready - float(enter.group(1))) * 1000,
        clinic_open_s=float(enter.group(2)) - started,
        max_stall_ms=float(enter.group(3)),
        rss_mb=float(ready.group(2)) if ready.group(2) else None,
        signin_cpu_s=float(signin.group(2)) if signin.group(2) else None,
    )


def _floor_run(command: list[str], env: dict[str, str]) -> tuple[float, float | None]:
    """The floor's start: (seconds to its first frame, its CPU seconds by then)."""
    started, out = _run_to_ready(command, env)
    ready, cpu = READY.search(out), FLOOR_CPU.search(out)
    assert ready is not None
    return float(ready.group(1)) - started, float(cpu.group(1)) if cpu else None


BYTECODE = ROOT / "bench" / ".cache" / "bytecode"


def installed_bytecode(environ: dict[str, str] | os._Environ[str]) -> dict[str, str]:
    """The environment for a start as installed: Python's bytecode is compiled once (pip
    and the bundle compile it when installing) and read at every start. The project's
    editable install has none beside its sources, and with PYTHONDONTWRITEBYTECODE set (as in
    some development shells) every start compiled ~40 of its modules from source again. The
    bytecode goes to bench/.cache/bytecode (PYTHONPYCACHEPREFIX), not beside the sources."""
    env = {key: value for key, value in environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(BYTECODE)
    return env


@measure("start")
def start(bench: Bench) -> dict[str, Any]:
    """Cold start, in one run against the floor (a bare Qt window's first frame painted,
    bench/bare_window.py): the sign-in dialog's first frame, then (the bench hook typing the
    password once the clinic is open) Enter to the main window usable: shown and active, the
    keyboard in its search box and its client list filled."""
    env = {
        **installed_bytecode(os.environ),
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "MOBILEATHLETE_BENCH_READY": "1",
        "MOBILEATHLETE_USER": "admin",
        "MOBILEATHLETE_PASSWORD": "bench",
    }
    program = [sys.executable, "-m", "mobileathlete_desktop", "--db", str(bench.db_path)]
    floor_cmd = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
    # Once each, not counted: the bytecode is written, as installing would have.
    _floor_run(floor_cmd, env)
    _start_run(program, env)
    runs: list[StartRun] = []
    floors: list[tuple[float, float | None]] = []
    for _ in range(bench.runs):  # interleaved, so both see the same machine state
        floors.append(_floor_run(floor_cmd, env))
        runs.append(_start_run(program, env))
    floor_s = statistics.median(wall for wall, _cpu in floors)
    # The CPU time to the first frame, against the floor's: what the program itself spends,
    # less what waiting for a shared machine's cores adds to the wall-clock ratio.
    floor_cpu = [cpu for _wall, cpu in floors if cpu is not None]
    signin_cpu = [r.signin_cpu_s for r in runs if r.signin_cpu_s is not None]
    cpu_ratio = (
        statistics.median(signin_cpu) / statistics.median(floor_cpu)
        if floor_cpu and signin_cpu
        else None
    )
    start_s = statistics.median(r.start_s for r in runs)
    signin_s = statistics.median(r.signin_s for r in runs)
    rss = [r.rss_mb for r in runs if r.rss_mb is not None]
    return {
        "start_s": start_s,
        "floor_s": floor_s,
        # The start figure: the sign-in window on screen against the bare window (the
        # clinic opens behind it); start_s is the whole way to a signed-in window.
        "start_ratio": signin_s / floor_s,
        "signin_s": signin_s,
        "signin_ratio": signin_s / floor_s,
        "signin_to_main_ms": statistics.median(r.signin_to_main_ms for r in runs),
        "signin_clinic_open_s": statistics.median(r.clinic_open_s for r in runs),
        "signin_max_stall_ms": max(r.max_stall_ms for r in runs),
        "signin_cpu_ratio": cpu_ratio,
        "rss_mb": max(rss) if rss else None,
    }


def _as_the_program_switches() -> AbstractContextManager[None]:
    """The program's switch interval (1 ms, commands/gui.py: favour_the_ui_thread) for a
    measure of the window in this process, put back after: the window's keystrokes and the
    jobs' workers share the interpreter's lock as they do in the program, not at CPython's
    default 5 ms. Imported here: bench.workday imports this module."""
    from bench.workday import as_the_program_switches

    return as_the_program_switches()


@measure("search")
def search(bench: Bench) -> dict[str, Any]:
    """Keystroke to list updated, typing into the real search box (debounce bypassed), at
    the program's switch interval."""
    with _as_the_program_switches():
        return _search(bench)


def _search(bench: Bench) -> dict[str, Any]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window = bench.window
    samples: list[float] = []
    for word in ("stridewell", "BENCH-0042", "paceford alex", "1980-0", "tempo"):
        window.search.clear()
        window._search_timer.stop()
        window.refresh_clients()
        keys = list(word) + ["\b"] * 3
        for key in keys:
            started = time.perf_counter()
            if key == "\b":
                QTest.keyClick(window.search, Qt.Key.Key_Backspace)
            else:
                QTest.keyClicks(window.search, key)
            window._search_timer.stop()  # bypass the debounce: measure the work itself
            window.refresh_clients()
            QApplication.processEvents()
            samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "search_p50_ms": statistics.median(samples),
        "search_p95_ms": samples[int(0.95 * (len(samples) - 1))],
    }


@measure("open client")
def open_client(bench: Bench) -> dict[str, Any]:
    """Opening a client with 30 assessments: the page filled and painted, then the Progress
    tab's chart built (off the UI thread) and shown."""
    from PySide6.QtWidgets import QApplication

    from mobileathlete_desktop.services.clients import find_by_chart

    window = bench.window
    ids = [find_by_chart(bench.ctx, f"BENCH-{n:05d}").id for n in range(1, 6)]
    page_ms: list[float] = []
    chart_ms: list[float] = []
    for client_id in ids * 2:
        window.page.client_id = None
        window.page.tabs.setCurrentIndex(0)
        QApplication.processEvents()
        started = time.perf_counter()
        window.page.show_client(client_id)
        window.page.repaint()
        QApplication.processEvents()
        page_ms.append((time.perf_counter() - started) * 1000)
        shown: list[float] = []
        window.page.progress.chart_shown.connect(
            lambda seen=shown: seen.append(time.perf_counter())
        )
        window.page.show_progress()
        deadline = time.perf_counter() + 10
        while not shown and time.perf_counter() < deadline:
            QApplication.processEvents()
        window.page.progress.chart_shown.disconnect()
        assert shown, "the progress chart was not shown"
        window.page.progress.canvas.repaint()
        chart_ms.append((time.perf_counter() - started) * 1000)
    assert window.page.assessments.rowCount() == 30
    return {
        "open_client_ms": statistics.median(chart_ms),
        "open_page_ms": statistics.median(page_ms),
    }


@measure("grid entry")
def grid_entry(bench: Bench) -> dict[str, Any]:
    """Entering one value in the real assessment grid: first keystroke to stored, at the
    program's switch interval.

    The editor is opened on a draft of a large-clinic client; each sample types a number
    into the focused cell and presses Enter, and stops when the editor says the value was
    saved (its `changed` signal, emitted after the audited, synced transaction commits).
    """
    with _as_the_program_switches():
        return _grid_entry(bench)


def _grid_entry(bench: Bench) -> dict[str, Any]:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from mobileathlete_desktop.domain.permissions import Actor
    from mobileathlete_desktop.services.assessments import list_assessments
    from mobileathlete_desktop.services.clients import find_by_chart
    from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor

    bench.window  # noqa: B018  (the application, when this measure runs alone: --only)
    ctx = bench.ctx.as_actor(Actor(username="bench", display_name="Bench PT", role="therapist"))
    client = find_by_chart(ctx, "BENCH-00001")
    draft = next(a for a in list_assessments(ctx, client.id) if a.status == "draft")
    editor = AssessmentEditor(ctx, draft.id)

    # Shown on the event loop's next turn, as the program shows an assessment window
    # (ui.main_window.open_assessment): built in one turn, shown and painted in the next.
    # Built and shown in one turn here, the measure had a frozen frame the program has not.
    def bring_up() -> None:
        editor.show()
        editor.activateWindow()

    QTimer.singleShot(0, editor, bring_up)
    deadline = time.perf_counter() + 5
    while not editor.isActiveWindow() and time.perf_counter() < deadline:
        QApplication.processEvents()
    # The first tab's grid, built with the window: the one a person types in. (`views` builds
    # the tabs still waiting, a turn each otherwise, all in one turn: 96 ms of the UI thread
    # charged to opening the editor on the clinic server, a freeze the program does not have.)
    view = editor.parts.built_views[0]
    saved: list[float] = []
    editor.changed.connect(lambda _id: saved.append(time.perf_counter()))
    samples: list[float] = []
    for i in range(30):
        view.setFocus()
        view.setCurrentIndex(view.model().index(0, 2))  # hip flexion, left active
        QApplication.processEvents()
        assert view.hasFocus(), "the grid has no keyboard focus"
        before = len(saved)
        started = time.perf_counter()
        for char in str(100 + i % 20):  # the first key opens the cell editor: type into it
            QTest.keyClick(QApplication.focusWidget() or view, char)
        QTest.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_Return)
        if len(saved) == before:
            # Waits as the window does, in its event loop (no spinning, which would hold the
            # interpreter's lock that the save, on a worker thread, needs at each step).
            waiting = QEventLoop()
            editor.changed.connect(waiting.quit)
            give_up = QTimer(waiting, singleShot=True, interval=5000)
            give_up.timeout.connect(waiting.quit)
            give_up.start()
            waiting.exec()
            editor.changed.disconnect(waiting.quit)
        assert len(saved) > before, (
            f"the grid did not save: focus {QApplication.focusWidget()!r}, "
            f"cell {view.model().index(0, 2).data()!r}, typed {100 + i % 20}"
        )
        samples.append((saved[-1] - started) * 1000)
    editor.close()
    editor.deleteLater()  # an editor window is not deleted on close; the bench owns this one
    from mobileathlete_desktop.services.assessments import get_assessment

    stored = get_assessment(ctx, draft.id).value("hip.flexion", "left", "active")
    assert stored == 100 + 29 % 20, f"the grid stored {stored}, not what was typed"
    return {"grid_entry_ms": statistics.median(samples)}


@measure("handout (8 drills)")
def handout(bench: Bench) -> dict[str, Any]:
    """A home-program handout PDF with 8 drills, pictures included, for a large-clinic client."""
    from datetime import date

    from mobileathlete_desktop.domain.exercises import default_exercise_library
    from mobileathlete_desktop.domain.permissions import Actor
    from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
    from mobileathlete_desktop.services.clients import find_by_chart
    from mobileathlete_desktop.services.programs import save_program
    from mobileathlete_desktop.services.reports import write_client_handout

    ctx = bench.ctx.as_actor(Actor(username="bench", display_name="Bench PT", role="therapist"))
    client = find_by_chart(ctx, "BENCH-00002")
    codes = default_exercise_library().codes()[::8][:8]
    program = save_program(
        ctx,
        ProgramRecord(
            None,
            client.id,
            date.today(),
            "Bench program",
            tuple(ProgramItemRecord(code, 2, 10, frequency="daily") for code in codes),
        ),
    )
    folder = scratch_dir()
    samples: list[float] = []
    for i in range(3):
        started = time.perf_counter()
        write_client_handout(ctx, client.id, folder / f"h{i}.pdf", program_id=program.id)
        samples.append(time.perf_counter() - started)
    return {"handout_s": statistics.median(samples)}


@measure("progress report")
def report(bench: Bench) -> dict[str, Any]:
    """One progress report PDF (charts included) for a client with 30 assessments."""
    from mobileathlete_desktop.services.clients import find_by_chart
    from mobileathlete_desktop.services.reports import write_report

    client = find_by_chart(bench.ctx, "BENCH-00003")
    folder = scratch_dir()
    samples: list[float] = []
    for i in range(3):
        started = time.perf_counter()
        write_report(bench.ctx, client.id, folder / f"r{i}.pdf")
        samples.append(time.perf_counter() - started)
    return {"report_s": statistics.median(samples)}


@measure("20 reports")
def batch20(bench: Bench) -> dict[str, Any]:
    """A batch of 20 progress reports into one folder (one PDF each)."""
    from mobileathlete_desktop.services.clients import find_by_chart
    from mobileathlete_desktop.services.reports import write_batch

    ids = [find_by_chart(bench.ctx, f"BENCH-{n:05d}").id for n in range(10, 30)]
    folder = scratch_dir()
    started = time.perf_counter()
    result = write_batch(bench.ctx, ids, folder, label="bench")
    took = time.perf_counter() - started
    assert len(list(folder.glob("*.pdf"))) == 20, result
    return {"batch20_s": took}


@measure("video step (1080p)")
def video_step(bench: Bench) -> dict[str, Any]:
    """Stepping a 1080p phone clip frame to frame in the Image/video window's reader."""
    from bench.video_step import video_step_ms

    return video_step_ms()


def scratch_dir() -> Path:
    """A temporary folder for files a measurement writes (PDFs)."""
    return Path(tempfile.mkdtemp(prefix="mobileathlete-bench-"))
