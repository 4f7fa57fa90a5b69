"""The core measures against a clinic server: PostgreSQL, then PostgreSQL behind a 2 ms LAN.

A throwaway server is started the way the tests start theirs (tests/postgres/server.py:
initdb into a temporary folder, loopback port, fsync off), the synthetic clinic is copied
into it with COPY (the program's own schema, made by open_database), and the SQLite bench's
measures run with the keys prefixed `pg_`; then again through bench/lan_proxy.py (2 ms each
way) with the prefix `pglan_`:

- in this process, on the real window: search, open client, grid entry, handout, one
  report, 20 reports (the batch's worker processes connect through the same URL);
- the program started as a process on the server's URL, as `start` does for the file
  (bench.measures._start_run: the bench hook types the password): Enter to the usable
  window (median of `runs`), its peak RSS and the sign-in's longest stall (max). The peak
  RSS is the program's own (`program_start`): the kernel's ru_maxrss, which the program's
  hook reports, carries the peak of the process that started it over exec, and this
  process has copied the clinic and measured the SQLite clinic by then (558 MB reported
  for a program that held 200 MB);
- `max_stall_ms`: the longest UI stall of the sign-in, of the search, open-client and
  grid-entry measures (the stall meter running over them; the handout and reports are
  timed as plain service calls, off any window) and of the scripted workday
  (bench/workday.py), when the window followed its script to the end (said when not).

Round trips per action: `pg_<action>_round_trips` counts the SQL statements one action sends
(the driver's executes, every thread, pipelined ones included); `pglan_<action>_round_trips`
counts what the LAN pays, the requests that waited for an answer as seen by the proxy (BEGIN,
COMMIT and the pool's ping included). An N+1 shows as a number that grows with the data.
"""

from __future__ import annotations

import gc
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench import workday  # noqa: F401  (registers the workday this module runs on a server)
from bench.lan_proxy import LanProxy
from bench.measures import (
    ENTER,
    READY,
    REGISTRY,
    SIGNIN,
    Bench,
    NotBuilt,
    StartRun,
    _start_run,
    installed_bytecode,
    measure,
    scratch_dir,
)

UI = ("search", "open client", "grid entry")  # through the window: under the stall meter
DIRECT = ("handout (8 drills)", "progress report", "20 reports")  # service calls, timed
CORE = UI + DIRECT
STALLS = "workday (UI stalls)"
ACTIONS = ("search", "open_client", "grid_entry", "report")
LAN_DELAY_MS = 2.0


@contextmanager
def clinic_server() -> Iterator[Any]:
    """A throwaway PostgreSQL server (the tests' own), stopped and removed afterwards."""
    try:
        import psycopg  # noqa: F401

        from tests.postgres.server import _start
    except ImportError as exc:
        raise NotBuilt(f"no PostgreSQL client ({exc})") from exc
    folder = Path(tempfile.mkdtemp(prefix="mobileathlete-bench-pg-"))
    try:
        server, pg_ctl, data = _start(folder)
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise NotBuilt(f"cannot start a PostgreSQL server ({exc})") from exc
    try:
        yield server
    finally:
        subprocess.run(
            [*pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"],
            capture_output=True,
            timeout=60,
            check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)


def copy_clinic(source: Path, url: str) -> float:
    """Copies the SQLite clinic into the empty server database at `url` (schema by the
    program, rows by COPY, id sequences moved past the ids, then ANALYZE); seconds taken."""
    import psycopg
    from sqlalchemy.engine import make_url

    from mobileathlete_desktop.storage.database import open_database
    from mobileathlete_desktop.storage.models import Base

    started = time.perf_counter()
    open_database(url).dispose()  # the schema at head, as a workstation would make it
    target = make_url(url)
    dsn = f"host={target.host} port={target.port} user={target.username} dbname={target.database}"
    src = sqlite3.connect(source)
    try:
        with psycopg.connect(dsn) as conn:
            conn.execute("SET timezone = 'UTC'")
            for table in Base.metadata.sorted_tables:
                have = {r[1] for r in src.execute(f'PRAGMA table_info("{table.name}")')}
                cols = [c.name for c in table.columns if c.name in have]
                if not cols or not src.execute(f'SELECT 1 FROM "{table.name}" LIMIT 1').fetchone():
                    continue
                conn.execute(f'DELETE FROM "{table.name}"')  # a row open_database made
                names = ", ".join(f'"{c}"' for c in cols)
                rows = src.execute(f'SELECT {names} FROM "{table.name}"')
                with conn.cursor().copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
                    for row in rows:
                        copy.write_row(row)
                if "id" in cols:
                    conn.execute(
                        f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                        f'(SELECT COALESCE(MAX(id), 1) FROM "{table.name}"))'
                    )
            conn.commit()
            conn.autocommit = True
            conn.execute("ANALYZE")
    finally:
        src.close()
    return time.perf_counter() - started


class Counter:
    """SQL statements sent to the server (the driver's executes, on any thread), and the LAN
    proxy's round trips.

    Counted at the driver, not by SQLAlchemy's before_cursor_execute: a save sent in
    psycopg's pipeline mode (storage/server_pipeline.py) goes to the driver's connection
    directly, and its statements were not seen (the grid entry counted 0)."""

    def __init__(self, proxy: LanProxy | None) -> None:
        import psycopg

        self.proxy, self.statements = proxy, 0
        self._patched: list[tuple[type, str, Any]] = []
        for cls, name in (
            (psycopg.Cursor, "execute"),
            (psycopg.Cursor, "executemany"),
            (psycopg.ServerCursor, "execute"),
        ):
            real = cls.__dict__[name]
            setattr(cls, name, self._counting(real))
            self._patched.append((cls, name, real))

    def _counting(self, real: Any) -> Any:
        def execute(*args: Any, **kwargs: Any) -> Any:
            self.statements += 1
            return real(*args, **kwargs)

        return execute

    def close(self) -> None:
        for cls, name, real in reversed(self._patched):
            setattr(cls, name, real)
        self._patched.clear()

    def count(self, action: Callable[[], object]) -> tuple[int, int]:
        """(statements, wire round trips) of one action."""
        statements = self.statements
        wire = self.proxy.round_trips if self.proxy else 0
        action()
        return (
            self.statements - statements,
            (self.proxy.round_trips - wire) if self.proxy else 0,
        )


def _settle(ms: float = 300) -> None:
    from bench.workday import pause

    pause(ms)


def round_trips(bench: Bench, proxy: LanProxy | None) -> dict[str, int]:
    """Statements (and wire round trips behind the proxy) of one action of each kind."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from bench.workday import wait_for
    from mobileathlete_desktop.domain.permissions import Actor
    from mobileathlete_desktop.services.assessments import list_assessments
    from mobileathlete_desktop.services.clients import find_by_chart
    from mobileathlete_desktop.services.reports import write_report
    from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor

    window = bench.window
    ctx = bench.ctx.as_actor(Actor(username="bench", display_name="Bench PT", role="therapist"))
    client = find_by_chart(ctx, "BENCH-00004")
    draft = next(a for a in list_assessments(ctx, client.id) if a.status == "draft")
    _settle()
    counter = Counter(proxy)
    counts: dict[str, tuple[int, int]] = {}
    try:

        def search() -> None:
            window.search.setText("paceford")
            window._search_timer.stop()
            window.refresh_clients()
            _settle(100)  # the count of all matches follows the list

        def open_client() -> None:
            window.page.show_client(client.id)
            wait_for(lambda: window.page.client is not None and not window.page.loading, "page")
            _settle(100)

        counts["search"] = counter.count(search)
        counts["open_client"] = counter.count(open_client)
        editor = AssessmentEditor(ctx, draft.id)
        editor.show()
        editor.activateWindow()
        wait_for(editor.isActiveWindow, "the editor")
        view = editor.views[0]
        view.setFocus()
        view.setCurrentIndex(view.model().index(0, 2))
        _settle(200)
        saved: list[int] = []
        editor.changed.connect(saved.append)

        shown = str(view.model().index(0, 2).data() or "")
        typed = "112" if shown.startswith("111") else "111"  # a change, so it is saved

        def grid() -> None:
            for char in typed:
                QTest.keyClick(QApplication.focusWidget() or view, char)
            QTest.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_Return)
            wait_for(lambda: bool(saved), "the saved value")
            _settle(300)  # what the editor reads after a save (findings, info columns)

        counts["grid_entry"] = counter.count(grid)
        editor.close()
        editor.deleteLater()
        folder = scratch_dir()
        counts["report"] = counter.count(
            lambda: write_report(bench.ctx, client.id, folder / "counted.pdf")
        )
    finally:
        counter.close()
    if proxy is None:
        return {f"{a}_round_trips": counts[a][0] for a in ACTIONS}
    return {f"{a}_round_trips": counts[a][1] for a in ACTIONS}


_PEAK = re.compile(r"^VmHWM:\s+(\d+) kB", re.MULTILINE)


def _own_peak_mb(pid: int) -> float | None:
    """The peak resident memory of the process's own address space (Linux: VmHWM, which
    starts afresh at exec; ru_maxrss does not), in MB; None where it cannot be read."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = _PEAK.search(status)
    return int(found.group(1)) / 1024 if found else None


def _read_to_end(
    process: subprocess.Popen[bytes], lines: list[str], peaks: list[float]
) -> float | None:
    """Reads the program's output to its end; its own peak RSS when it said it was ready
    (`peaks` gets the figures polled meanwhile)."""
    watching = True

    def watch() -> None:
        while watching:
            peak = _own_peak_mb(process.pid)
            if peak is not None:
                peaks.append(peak)
            time.sleep(0.01)

    watcher = threading.Thread(target=watch, daemon=True)
    killer = threading.Timer(300, process.kill)
    watcher.start()
    killer.start()
    at_ready: float | None = None
    try:
        assert process.stdout is not None
        for raw in process.stdout:
            line = raw.decode(errors="replace")
            if at_ready is None and READY.search(line):
                at_ready = _own_peak_mb(process.pid)
            lines.append(line)
        process.wait()
    finally:
        watching = False
        killer.cancel()
        watcher.join()
    return at_ready


def program_start(program: list[str], env: dict[str, str]) -> StartRun:
    """bench.measures._start_run, with the peak RSS the program's own: read from its
    /proc status when it says it is ready (polled meanwhile, in case it is gone by then).

    The hook's ru_maxrss is inherited over fork and exec (Linux keeps the larger of the old
    and new address spaces' peaks), so a program started by this process reported this
    process's peak: 558 MB, the same to a tenth for both starts, where the program's own
    peak was ~200 MB. A workstation starts it from a small desktop process."""
    if not Path("/proc/self/status").is_file():
        return _start_run(program, env)
    lines: list[str] = []
    peaks: list[float] = []
    with tempfile.TemporaryFile() as errors:
        started = time.time()
        with subprocess.Popen(program, env=env, stdout=subprocess.PIPE, stderr=errors) as process:
            at_ready = _read_to_end(process, lines, peaks)
        errors.seek(0)
        said = errors.read().decode(errors="replace")
    out = "".join(lines)
    ready, signed, enter = READY.search(out), SIGNIN.search(out), ENTER.search(out)
    if ready is None or signed is None or enter is None:
        raise RuntimeError(f"missing sign-in timestamps from {program}: {out}{said[-2000:]}")
    at = float(ready.group(1))
    return StartRun(
        start_s=at - started,
        signin_s=float(signed.group(1)) - started,
        signin_to_main_ms=(at - float(enter.group(1))) * 1000,
        clinic_open_s=float(enter.group(2)) - started,
        max_stall_ms=float(enter.group(3)),
        rss_mb=at_ready if at_ready is not None else (max(peaks) if peaks else None),
        signin_cpu_s=float(signed.group(2)) if signed.group(2) else None,
    )


def signin(url: str, runs: int) -> dict[str, Any]:
    """The program started on the server's URL `runs` times: Enter to the usable window
    (median), peak RSS and the sign-in's longest UI stall (the worst run). As `start` runs it:
    the bytecode read as installed (bench.measures.installed_bytecode; with
    PYTHONDONTWRITEBYTECODE set, as in this shell, every start compiled the project's modules
    from source, those imported after Enter included), written by one start not counted."""
    env = {
        **installed_bytecode(os.environ),
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "MOBILEATHLETE_BENCH_READY": "1",
        "MOBILEATHLETE_USER": "admin",
        "MOBILEATHLETE_PASSWORD": "bench",
    }
    program = [sys.executable, "-m", "mobileathlete_desktop", "--db", url]
    program_start(program, env)  # not counted: the bytecode is written, as installing would
    started = [program_start(program, env) for _ in range(runs)]
    rss = [r.rss_mb for r in started if r.rss_mb is not None]
    return {
        "signin_to_main_ms": statistics.median(r.signin_to_main_ms for r in started),
        "signin_max_stall_ms": max(r.max_stall_ms for r in started),
        "rss_mb": max(rss) if rss else None,
    }


def core_measures(
    bench: Bench, proxy: LanProxy | None = None, started_up: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The measures and round trips on `bench` (a server clinic, `bench.url`); the program's
    start (`signin`) is measured here unless `started_up` gives it. The window in this
    process runs with the program's switch interval (bench.workday.as_the_program_switches),
    as the started program does."""
    from bench.workday import as_the_program_switches

    with as_the_program_switches():
        return _core_measures(bench, proxy, started_up)


def _core_measures(
    bench: Bench, proxy: LanProxy | None, started_up: dict[str, Any] | None
) -> dict[str, Any]:
    from bench.stall import StallMeter

    assert bench.url is not None
    measures = dict(REGISTRY)
    if started_up is None:
        started = time.perf_counter()
        started_up = signin(bench.url, bench.runs)
        print(f"    sign-in: {time.perf_counter() - started:.1f} s", flush=True)
    results = dict(started_up)
    stalls = {"sign-in": results.pop("signin_max_stall_ms")}
    bench.window  # noqa: B018  (made before the meter starts: the window's start is sign-in's)
    from PySide6.QtWidgets import QApplication

    from mobileathlete_desktop.ui import garbage
    from mobileathlete_desktop.ui.assessment_editor.opening import handed_over

    # As the program runs (commands/gui.py) and as the workday measures it: garbage collected
    # from the UI thread's timer, what exists frozen out of collections. Without it CPython
    # collected on whichever thread allocated: a 140 ms full collection on the page's worker
    # (building the visits' records) held the GIL and was charged to 'open client', a stall
    # the program does not have.
    app = QApplication.instance()
    assert app is not None
    collector = garbage.install(app)
    opening = _grid_entry_opening(bench)  # read before the meter runs, as on a worker
    meter = StallMeter()
    meter.start()
    try:
        for name in UI:
            started = time.perf_counter()
            if name == "grid entry":
                with meter.step(OPEN_EDITOR), handed_over(opening), _FirstKey(meter, name):
                    results.update(measures[name](bench))
            else:
                with meter.step(name):
                    results.update(measures[name](bench))
            print(f"    {name}: {time.perf_counter() - started:.1f} s", flush=True)
    finally:
        meter.stop()
        collector.uninstall()
        collector.deleteLater()
        # The windows the measures closed (the editor and its parts refer to each other) go
        # now, on this thread: left to CPython's automatic collection, the cycle was collected
        # on a report worker in the measures below, the editor deleted there ("Timers cannot
        # be stopped from another thread"), then a segfault, or a stale wrapper later (a
        # grid's header returned as a QAbstractScrollArea in a CI run).
        gc.collect()
    stalls.update({k: v for k, v in meter.per_step.items() if k in (*UI, OPEN_EDITOR)})
    # Where each stall over the threshold was, as the workday says its own: the culprit the
    # watchdog saw, and the CPU time behind the gap (the UI thread's, the process's).
    wheres = {k: s.culprit for k, s in meter.worst_in_step.items() if k in stalls}
    if meter.stalls:
        print("    the measures' worst stalls:", flush=True)
        for stall in meter.worst_stalls():
            print(f"    {stall.describe()}", flush=True)
    print("    each measure's longest gap:", flush=True)
    for step in (*UI, OPEN_EDITOR):
        if step in meter.per_step:
            gap, where = meter.per_step[step], wheres.get(step, "")
            print(f"    {gap:7.1f} ms  {step:<32} {where}", flush=True)
    for name in DIRECT:
        started = time.perf_counter()
        results.update(measures[name](bench))
        print(f"    {name}: {time.perf_counter() - started:.1f} s", flush=True)
    started = time.perf_counter()
    try:
        day = measures[STALLS](bench)
        step = f"workday: {day['workday_worst_step']}"
        stalls[step] = day["workday_max_stall_ms"]
        wheres[step] = day.get("workday_worst_where") or ""
    except (TimeoutError, AssertionError) as exc:  # the scripted window did not follow
        print(f"    {STALLS}: did not finish ({exc}); its stalls are not counted", flush=True)
    print(f"    {STALLS}: {time.perf_counter() - started:.1f} s", flush=True)
    worst = max(stalls, key=lambda k: stalls[k])
    where = f", {wheres[worst]}" if wheres.get(worst) else ""
    print(f"    longest UI stall: {stalls[worst]:.0f} ms ({worst}{where})", flush=True)
    results["max_stall_ms"] = stalls[worst]
    results.update(round_trips(bench, proxy))
    return results


OPEN_EDITOR = "grid entry: the editor opened"


def _grid_entry_opening(bench: Bench) -> Any:
    """What the client page reads on a worker before it opens the editor (the visit, its
    client, the previous visit, the templates), for the draft the grid entry measure opens.

    The measure builds AssessmentEditor itself; without an opening handed over, the editor
    read its visit on the UI thread (records.py:to_record, 78-83 ms of the UI thread's CPU on
    the server at load 4-6), a read the program does on a worker (ui/client_page.py)."""
    from mobileathlete_desktop.domain.permissions import Actor
    from mobileathlete_desktop.services.assessments import list_assessments
    from mobileathlete_desktop.services.clients import find_by_chart
    from mobileathlete_desktop.ui.assessment_editor.opening import read_opening

    ctx = bench.ctx.as_actor(Actor(username="bench", display_name="Bench PT", role="therapist"))
    client = find_by_chart(ctx, "BENCH-00001")  # the measure's client (bench.measures)
    draft = next(a for a in list_assessments(ctx, client.id) if a.status == "draft")
    return read_opening(ctx, draft.id)


class _FirstKey:
    """Charges the grid entry measure's gaps to `name` from its first key press on: before
    it, the editor is built, shown and painted (charged to OPEN_EDITOR, as the workday charges
    it to its own step), after it every gap belongs to the keystrokes and their saves."""

    def __init__(self, meter: Any, name: str) -> None:
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication

        key_press = QEvent.Type.KeyPress

        class Filter(QObject):
            def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
                if event.type() == key_press and meter.current != name:
                    meter.switch(name)
                return False

        self._filter = Filter()
        self._app = QApplication.instance()

    def __enter__(self) -> _FirstKey:
        assert self._app is not None
        self._app.installEventFilter(self._filter)
        return self

    def __exit__(self, *_exc: object) -> None:
        assert self._app is not None
        self._app.removeEventFilter(self._filter)


def _on_server(
    bench: Bench, url: str, proxy: LanProxy | None, started_up: dict[str, Any]
) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    server_bench = Bench(
        db_path=bench.db_path,
        clients=bench.clients,
        measurements=bench.measurements,
        runs=bench.runs,
        url=url,
    )
    try:
        return core_measures(server_bench, proxy, started_up)
    finally:
        server_bench.close()
        QApplication.processEvents()


@measure("clinic server (PostgreSQL, then + 2 ms LAN)")
def clinic_server_measures(bench: Bench) -> dict[str, Any]:
    """The core measures on PostgreSQL (`pg_`) and through a 2 ms-each-way proxy (`pglan_`)."""
    source = bench.source_path or bench.db_path
    with clinic_server() as server:
        url = server.create_database()
        took = copy_clinic(source, url)
        print(f"    clinic copied to PostgreSQL in {took:.1f} s", flush=True)
        with LanProxy("127.0.0.1", server.port, LAN_DELAY_MS) as proxy:
            lan_url = url.replace(f":{server.port}/", f":{proxy.port}/")
            # Both starts on the clinic as copied (as `start` runs first on the file): the
            # measures below write to it (a workday's visits, programs, reports).
            started = time.perf_counter()
            pg_start, lan_start = signin(url, bench.runs), signin(lan_url, bench.runs)
            print(f"    sign-in, both: {time.perf_counter() - started:.1f} s", flush=True)
            results = {f"pg_{k}": v for k, v in _on_server(bench, url, None, pg_start).items()}
            lan = _on_server(bench, lan_url, proxy, lan_start)
            results.update({f"pglan_{k}": v for k, v in lan.items()})
    return results
