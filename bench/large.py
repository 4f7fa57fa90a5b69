"""Ten times the clinic: 50,000 clients, 600,000 assessments, 15 M measurements.

`python -m bench.run --large` (make bench-large) builds it once into bench/.cache (the same
bulk builder as the 5,000-client clinic: executemany of one prepared INSERT per table, in big
transactions, synchronous off for the build only) and measures search and open client in a
fresh process, so its peak RSS is the large clinic's alone: keys large_search_p95_ms,
large_open_client_ms, large_rss_mb, large_db_mb, with the scale and the build time beside them.
`python -m bench.large --plans FILE` prints the query plans the README quotes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
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
    bench = Bench(db_path=work, clients=0, measurements=0)
    try:
        found = {**measures["search"](bench), **measures["open client"](bench)}
    finally:
        bench.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    result = {
        "large_search_p50_ms": found["search_p50_ms"],
        "large_search_p95_ms": found["search_p95_ms"],
        "large_open_client_ms": found["open_client_ms"],
        "large_rss_mb": peak_mb,
    }
    print(RESULT + json.dumps(result), flush=True)


def query_plans(path: Path) -> str:
    """EXPLAIN QUERY PLAN of the statements a search keystroke and opening a client send."""
    from sqlalchemy import select
    from sqlalchemy.dialects import sqlite

    from mobileathlete_desktop.services.clients import _search_filter, _search_statement
    from mobileathlete_desktop.storage.models import Assessment, Client, Measurement

    statements = {
        "search 'stridewell', first page": _search_statement("stridewell", False).limit(200),
        "count of the matches": _search_filter(
            select(Client.id).with_only_columns(Client.id), "stridewell", False
        ),
        "a client's visits": select(Assessment.id)
        .where(Assessment.client_id == 1)
        .order_by(Assessment.date, Assessment.id),
        "their measurements": select(Measurement.value).where(
            Measurement.assessment_id.in_(list(range(1, 31)))
        ),
    }
    lines: list[str] = []
    with sqlite3.connect(path) as conn:
        for name, stmt in statements.items():
            literal = {"literal_binds": True}
            compiled = stmt.compile(dialect=sqlite.dialect(), compile_kwargs=literal)
            lines.append(f"-- {name}")
            for row in conn.execute(f"EXPLAIN QUERY PLAN {compiled}"):
                lines.append(f"   {row[-1]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.large", description=__doc__)
    parser.add_argument("--measure", type=Path, help="(child) measure this clinic file")
    parser.add_argument("--plans", type=Path, help="print the query plans on this clinic file")
    args = parser.parse_args(argv)
    if args.measure:
        _child(args.measure)
    elif args.plans:
        print(query_plans(args.plans))
    else:
        parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
