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
  window (median of `runs`), its peak RSS and the sign-in's longest stall (max);
- `max_stall_ms`: the longest UI stall of the sign-in, of the search, open-client and
  grid-entry measures (the stall meter running over them; the handout and reports are
  timed as plain service calls, off any window) and of the scripted workday
  (bench/workday.py), when the window followed its script to the end (said when not).

Round trips per action: `pg_<action>_round_trips` counts the SQL statements one action sends
(SQLAlchemy's before_cursor_execute, every thread); `pglan_<action>_round_trips` counts what
the LAN pays, the requests that waited for an answer as seen by the proxy (BEGIN, COMMIT and
the pool's ping included). An N+1 shows as a number that grows with the data.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench import workday  # noqa: F401  (registers the workday this module runs on a server)
from bench.lan_proxy import LanProxy
from bench.measures import REGISTRY, Bench, NotBuilt, _start_run, measure, scratch_dir

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
    """SQL statements sent on an engine (any thread), and the LAN proxy's round trips."""

    def __init__(self, engine: Any, proxy: LanProxy | None) -> None:
        from sqlalchemy import event

        self.engine, self.proxy, self.statements = engine, proxy, 0
        event.listen(engine, "before_cursor_execute", self._hit)

    def _hit(self, *_args: Any) -> None:
        self.statements += 1

    def close(self) -> None:
        from sqlalchemy import event

        event.remove(self.engine, "before_cursor_execute", self._hit)

    def count(self, action: Callable[[], None]) -> tuple[int, int]:
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
    counter = Counter(bench.ctx.db.engine, proxy)
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


def signin(url: str, runs: int) -> dict[str, Any]:
    """The program started on the server's URL `runs` times: Enter to the usable window
    (median), peak RSS and the sign-in's longest UI stall (the worst run)."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "MOBILEATHLETE_BENCH_READY": "1",
        "MOBILEATHLETE_USER": "admin",
        "MOBILEATHLETE_PASSWORD": "bench",
    }
    program = [sys.executable, "-m", "mobileathlete_desktop", "--db", url]
    started = [_start_run(program, env) for _ in range(runs)]
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
    start (`signin`) is measured here unless `started_up` gives it."""
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
    meter = StallMeter()
    meter.start()
    try:
        for name in UI:
            started = time.perf_counter()
            with meter.step(name):
                results.update(measures[name](bench))
            print(f"    {name}: {time.perf_counter() - started:.1f} s", flush=True)
    finally:
        meter.stop()
    stalls.update({k: v for k, v in meter.per_step.items() if k in UI})
    for name in DIRECT:
        started = time.perf_counter()
        results.update(measures[name](bench))
        print(f"    {name}: {time.perf_counter() - started:.1f} s", flush=True)
    started = time.perf_counter()
    try:
        day = measures[STALLS](bench)
        stalls[f"workday: {day['workday_worst_step']}"] = day["workday_max_stall_ms"]
    except (TimeoutError, AssertionError) as exc:  # the scripted window did not follow
        print(f"    {STALLS}: did not finish ({exc}); its stalls are not counted", flush=True)
    print(f"    {STALLS}: {time.perf_counter() - started:.1f} s", flush=True)
    worst = max(stalls, key=lambda k: stalls[k])
    print(f"    longest UI stall: {stalls[worst]:.0f} ms ({worst})", flush=True)
    results["max_stall_ms"] = stalls[worst]
    results.update(round_trips(bench, proxy))
    return results


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
