"""Ten times the clinic: 50,000 clients, 600,000 assessments, 15 M measurements.

`python -m bench.run --large` (make bench-large) builds it once into bench/.cache (the same
bulk builder as the 5,000-client clinic: executemany of one prepared INSERT per table, in big
transactions, synchronous off for the build only) and measures search and open client in a
fresh process, so its peak RSS is the large clinic's alone: keys large_search_p95_ms,
large_open_client_ms, large_rss_mb, large_db_mb, with the scale and the build time beside them.
`python -m bench.large --plans FILE` prints the query plans the README quotes;
`--search-loop FILE` times the search services alone (no window) over the bench's keystrokes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.build import BuiltClinic, Scale, ensure_clinic

LARGE = Scale(clients=50_000, assessments=600_000)
RESULT = "MOBILEATHLETE_LARGE "


def build(clients: int = LARGE.clients) -> BuiltClinic:
    """The large clinic (12 assessments a client on average, as the 5,000-client one); from
    the cache, its `seconds` are those of the build that made it (kept beside the file)."""
    built = ensure_clinic(Scale(clients=clients, assessments=clients * 12))
    took = built.path.with_suffix(".build_s")
    if built.seconds:
        took.write_text(f"{built.seconds:.1f}\n")
        return built
    if took.is_file():
        return replace(built, seconds=float(took.read_text()))
    return built


def measure_large(built: BuiltClinic) -> dict[str, Any]:
    """Search and open client on a copy of the large clinic, in a child process."""
    work = built.path.parent / "work-large.sqlite3"
    for leftover in built.path.parent.glob("work-large.sqlite3*"):
        leftover.unlink()
    shutil.copyfile(built.path, work)
    try:
        out = subprocess.run(
            [sys.executable, "-m", "bench.large", "--measure", str(work)],
            capture_output=True,
            text=True,
            timeout=1800,
            check=False,
        )
    finally:
        for leftover in built.path.parent.glob("work-large.sqlite3*"):
            leftover.unlink()
    line = next((x for x in out.stdout.splitlines() if x.startswith(RESULT)), None)
    if line is None:
        raise RuntimeError(f"the large clinic's measures failed: {out.stderr[-3000:]}")
    found: dict[str, Any] = json.loads(line[len(RESULT) :])
    return {
        **found,
        "large_db_mb": built.path.stat().st_size / 2**20,
        "large_clients": built.clients,
        "large_measurements": built.measurements,
        "large_build_s": built.seconds or None,  # None: built before the time was kept
    }


def _child(work: Path) -> None:
    from bench.measures import REGISTRY, Bench

    measures = dict(REGISTRY)
    from mobileathlete_desktop.charts.process import child_rss_mb
    from mobileathlete_desktop.commands.bench_hook import peak_rss_mb

    bench = Bench(db_path=work, clients=0, measurements=0)
    try:
        found = {**measures["search"](bench), **measures["open client"](bench)}
        charts_mb = child_rss_mb() or 0.0  # the chart process, alive while the window is
    finally:
        bench.close()
    # The window's own peak (VmHWM: ru_maxrss is carried over fork and exec, and the bench
    # that started this child may just have built the clinic, ~1 GB) and the chart process's.
    peak_mb = peak_rss_mb() or 0.0
    result = {
        "large_search_p50_ms": found["search_p50_ms"],
        "large_search_p95_ms": found["search_p95_ms"],
        "large_open_client_ms": found["open_client_ms"],
        "large_rss_mb": peak_mb + charts_mb,
        "large_chart_rss_mb": charts_mb,
    }
    print(RESULT + json.dumps(result), flush=True)


# Keystrokes whose statements the README's query plans show: a common letter (read in the
# list's order, counted from the count table), a rarer word (through its fragments), two words
# driven by the rarer, and two common words (in order; counted in one pass over an index).
PLAN_SEARCHES = ("s", "stridewell", "paceford alex", "tempo 19")


def query_plans(target: str | Path) -> str:
    """The query plans of the statements a search keystroke and opening a client send, as the
    program sends them (captured while it searches), on a clinic file or a server URL."""
    from sqlalchemy import event, select, text

    from mobileathlete_desktop.services import clients
    from mobileathlete_desktop.services.context import ServiceContext
    from mobileathlete_desktop.storage.database import open_database
    from mobileathlete_desktop.storage.models import Assessment, Measurement

    db = open_database(target)
    ctx = ServiceContext.system(db)
    sent: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    lines: list[str] = []
    postgres = db.engine.dialect.name == "postgresql"
    explain = "EXPLAIN (COSTS OFF) " if postgres else "EXPLAIN QUERY PLAN "
    try:
        work: list[tuple[str, Any]] = []
        for typed in PLAN_SEARCHES:
            work.append(
                (
                    f"search {typed!r}, first page",
                    lambda t=typed: clients.search_clients(ctx, t, limit=101),
                )
            )
            work.append(
                (
                    f"count of {typed!r}",
                    lambda t=typed: clients.count_clients(ctx, t, include_archived=False),
                )
            )
        for name, run in work:
            event.listen(db.engine, "before_cursor_execute", capture)
            try:
                run()
            finally:
                event.remove(db.engine, "before_cursor_execute", capture)
            statement, parameters = sent[-1]  # the last one answers; the ones before choose
            lines.append(f"-- {name} ({len(sent)} statements, the last:)")
            with db.engine.connect() as conn:
                raw = conn.connection.driver_connection
                assert raw is not None
                cursor = raw.cursor()
                cursor.execute(explain + statement, parameters)
                for row in cursor.fetchall():
                    lines.append(f"   {row[-1]}")
            sent.clear()
        with db.engine.connect() as conn:
            for name, stmt in {
                "a client's visits": select(Assessment.id)
                .where(Assessment.client_id == 1)
                .order_by(Assessment.date, Assessment.id),
                "their measurements": select(Measurement.value).where(
                    Measurement.assessment_id.in_(list(range(1, 31)))
                ),
            }.items():
                compiled = stmt.compile(db.engine, compile_kwargs={"literal_binds": True})
                lines.append(f"-- {name}")
                for row in conn.execute(text(explain + str(compiled))):
                    lines.append(f"   {row[-1]}")
    finally:
        db.dispose()
    return "\n".join(lines)


BENCH_WORDS = ("stridewell", "BENCH-0042", "paceford alex", "1980-0", "tempo")
"""What bench/measures.py types, a key at a time, then three backspaces."""


def search_loop(target: str | Path, rounds: int = 5) -> dict[str, float]:
    """The services alone, without the window: each keystroke of the typed words as the list
    asks it (the first page of 101, then the count when more matched), `rounds` times."""
    import statistics
    import time

    from mobileathlete_desktop.services import clients
    from mobileathlete_desktop.services.context import ServiceContext
    from mobileathlete_desktop.storage.database import open_database

    db = open_database(target)
    ctx = ServiceContext.system(db)
    texts = [w[:i] for w in BENCH_WORDS for i in [*range(1, len(w) + 1), -1, -2, -3] if w[:i]]
    samples: list[float] = []
    cpu: list[float] = []  # this process's CPU time: what a quiet machine would take, about
    try:
        for _ in range(rounds):
            for typed in texts:
                started, started_cpu = time.perf_counter(), time.process_time()
                page = clients.search_clients(ctx, typed, limit=101)
                if len(page) > 100:
                    clients.count_clients(ctx, typed, include_archived=False)
                samples.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
    finally:
        db.dispose()
    samples.sort()
    cpu.sort()
    return {
        "keystrokes": len(samples),
        "p50_ms": statistics.median(samples),
        "p95_ms": samples[int(0.95 * (len(samples) - 1))],
        "max_ms": samples[-1],
        "cpu_p50_ms": statistics.median(cpu),
        "cpu_p95_ms": cpu[int(0.95 * (len(cpu) - 1))],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.large", description=__doc__)
    parser.add_argument("--measure", type=Path, help="(child) measure this clinic file")
    parser.add_argument("--plans", help="print the query plans on this clinic file or server URL")
    parser.add_argument(
        "--search-loop", help="time the search services alone on this clinic file or server URL"
    )
    args = parser.parse_args(argv)
    if args.search_loop:
        print(json.dumps(search_loop(args.search_loop)))
    elif args.measure:
        _child(args.measure)
    elif args.plans:
        print(query_plans(args.plans))
    else:
        parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
