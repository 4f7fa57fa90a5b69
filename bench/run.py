"""`make bench`: builds (or reuses) the large synthetic clinic, measures, prints one table.

Also writes bench/results.json. Run: `.venv/bin/python -m bench.run [--clients N]`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import (
    large,
    workday,  # noqa: F401  (registers the workday after the measures above)
)
from bench.build import CACHE, Scale, ensure_clinic
from bench.measures import REGISTRY, Bench, NotBuilt
from bench.server import ACTIONS as SERVER_ACTIONS  # registers the clinic server's measures

RESULTS = Path(__file__).resolve().parent / "results.json"
KEYS = (
    "start_s",
    "floor_s",
    "start_ratio",
    "signin_s",
    "signin_ratio",
    "signin_cpu_ratio",
    "signin_to_main_ms",
    "signin_clinic_open_s",
    "signin_max_stall_ms",
    "search_p50_ms",
    "search_p95_ms",
    "open_client_ms",
    "open_page_ms",
    "grid_entry_ms",
    "handout_s",
    "report_s",
    "batch20_s",
    "rss_mb",
    "clients",
    "measurements",
    "max_stall_ms",
    "workday_max_stall_ms",
    "workday_stalls_over_50",
    "workday_worst_step",
    "workday_worst_where",
    *(
        f"{prefix}{key}"
        for prefix in ("pg_", "pglan_")
        for key in (
            "search_p50_ms",
            "search_p95_ms",
            "open_client_ms",
            "open_page_ms",
            "grid_entry_ms",
            "handout_s",
            "report_s",
            "batch20_s",
            "rss_mb",
            "signin_to_main_ms",
            "max_stall_ms",
            *(f"{action}_round_trips" for action in SERVER_ACTIONS),
        )
    ),
    "large_search_p50_ms",
    "large_search_p95_ms",
    "large_open_client_ms",
    "large_rss_mb",
    "large_chart_rss_mb",
    "large_db_mb",
    "large_clients",
    "large_measurements",
    "large_build_s",
    "video_step_ms",
    "video_step_max_ms",
    "video_step_back_ms",
    "video_jump_ms",
)


@dataclass(frozen=True)
class Target:
    """One line of the table: what is measured, how it is shown, and the goal."""

    label: str
    key: str
    unit: str
    limit: float | None  # pass when value <= limit
    goal: str


TARGETS = (
    Target("Start to usable window", "start_s", "s", None, ""),
    Target("Bare PySide6 window (floor)", "floor_s", "s", None, ""),
    Target("Sign-in dialog on screen", "signin_s", "s", None, ""),
    Target("Sign-in dialog ÷ floor", "start_ratio", "×", 1.5, "≤ 1.5×"),
    Target("  CPU to first frame ÷ floor's", "signin_cpu_ratio", "×", None, ""),
    Target("Enter to usable window", "signin_to_main_ms", "ms", 300, "≤ 300 ms"),
    Target("  clinic open behind the dialog", "signin_clinic_open_s", "s", None, ""),
    Target("  longest UI stall at sign-in", "signin_max_stall_ms", "ms", 50, "≤ 50 ms"),
    Target("Search keystroke, median", "search_p50_ms", "ms", None, ""),
    Target("Search keystroke, p95", "search_p95_ms", "ms", 30, "< 30 ms"),
    Target("Open client + progress chart", "open_client_ms", "ms", 300, "< 300 ms"),
    Target("  of which the page (30 visits)", "open_page_ms", "ms", None, ""),
    Target("Grid entry, keystroke to stored", "grid_entry_ms", "ms", 16, "< 16 ms"),
    Target("Handout, 8 drills", "handout_s", "s", 0.5, "< 0.5 s"),
    Target("Progress report", "report_s", "s", 1, "< 1 s"),
    Target("20 reports", "batch20_s", "s", 10, "< 10 s"),
    Target("Peak RSS, large clinic open", "rss_mb", "MB", 300, "< 300 MB"),
    Target("Longest UI stall (all of it)", "max_stall_ms", "ms", 50, "≤ 50 ms"),
    Target("  workday: longest UI stall", "workday_max_stall_ms", "ms", 50, "≤ 50 ms"),
    Target("  stalls over 50 ms", "workday_stalls_over_50", "", 0, "0"),
    Target("Large clinic: search p95", "large_search_p95_ms", "ms", 30, "< 30 ms"),
    Target("Large clinic: open client", "large_open_client_ms", "ms", 300, "< 300 ms"),
    Target("Large clinic: peak RSS", "large_rss_mb", "MB", 300, "< 300 MB"),
    Target("  of which the chart process", "large_chart_rss_mb", "MB", None, ""),
    Target("Large clinic: database file", "large_db_mb", "MB", None, ""),
    Target("Video step, 1080p, median", "video_step_ms", "ms", 100, "< 100 ms"),
)
SERVER_ROWS = (  # (label, key without prefix, unit, limit, goal): SQLite | PostgreSQL | + 2 ms
    ("Search keystroke, median", "search_p50_ms", "ms", None, ""),
    ("Search keystroke, p95", "search_p95_ms", "ms", 30, "< 30 ms"),
    ("Open client + progress chart", "open_client_ms", "ms", 300, "< 300 ms"),
    ("Grid entry, keystroke to stored", "grid_entry_ms", "ms", 16, "< 16 ms"),
    ("Handout, 8 drills", "handout_s", "s", 0.5, "< 0.5 s"),
    ("Progress report", "report_s", "s", 1, "< 1 s"),
    ("20 reports", "batch20_s", "s", 10, "< 10 s"),
    ("Peak RSS", "rss_mb", "MB", 300, "< 300 MB"),
    ("Enter to usable window", "signin_to_main_ms", "ms", 300, "≤ 300 ms"),
    ("Longest UI stall", "max_stall_ms", "ms", 50, "≤ 50 ms"),
    ("Round trips: search keystroke", "search_round_trips", "", None, ""),
    ("Round trips: open client", "open_client_round_trips", "", None, ""),
    ("Round trips: grid entry", "grid_entry_round_trips", "", None, ""),
    ("Round trips: one report", "report_round_trips", "", None, ""),
)


def run_measurements(
    bench: Bench, only: list[str] | None = None
) -> tuple[dict[str, Any], dict[str, str]]:
    """Runs every registered measurement (or those named); returns results and, per key,
    why it is missing."""
    results: dict[str, Any] = {}
    missing: dict[str, str] = {}
    for name, fn in REGISTRY:
        if only and not any(name.startswith(prefix) for prefix in only):
            continue
        started = time.perf_counter()
        try:
            results.update(fn(bench))
            print(f"  {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
        except NotBuilt:
            missing[name] = "n/a (not built yet)"
            print(f"  {name}: n/a (not built yet)", file=sys.stderr)
    return results, missing


STRICT = ("search_p95_ms", "open_client_ms", "rss_mb")  # "<" targets; the rest are "≤"


def _shown(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "MB":
        return f"{value:.0f} MB"
    if not unit:
        return f"{value:g}"
    return f"{value:.2f} {unit}"


def _verdict(key: str, value: float | None, limit: float | None) -> str:
    if limit is None or value is None:
        return ""
    passed = value < limit if key.endswith(STRICT) else value <= limit
    return "pass" if passed else "MISS"


def table(results: dict[str, Any]) -> str:
    """The printed table: measure, value, target, pass/miss; then the workday's worst stall
    and the core measures side by side on SQLite, PostgreSQL and PostgreSQL + 2 ms."""
    lines = [f"{'measure':<32} {'value':>12}  {'target':<10} result", "-" * 66]
    for t in TARGETS:
        value = results.get(t.key)
        verdict = _verdict(t.key, value, t.limit)
        if value is None and t.limit is not None:
            verdict = "not built yet"
        shown = _shown(value, t.unit)
        lines.append(f"{t.label:<32} {shown:>12}  {t.goal:<10} {verdict}".rstrip())
    if results.get("workday_worst_step"):
        lines.append(f"  worst stall in step: {results['workday_worst_step']}")
        lines.append(f"    where: {results.get('workday_worst_where') or '?'}")
    lines.append(
        f"(clinic: {results.get('clients')} clients, {results.get('measurements')} measurements)"
    )
    if results.get("large_clients"):
        built = results.get("large_build_s")
        lines.append(
            f"(large clinic: {results['large_clients']} clients, "
            f"{results.get('large_measurements')} measurements"
            + (f", built in {built:.0f} s)" if built else ", from cache)")
        )
    if any(results.get(f"pg_{row[1]}") is not None for row in SERVER_ROWS):
        lines += [
            "",
            f"{'clinic server':<32} {'SQLite':>10} {'PostgreSQL':>11} {'PG + 2 ms':>10}  target",
            "-" * 78,
        ]
        for label, key, unit, limit, goal in SERVER_ROWS:
            cells = []
            for prefix in ("", "pg_", "pglan_"):
                value = results.get(prefix + key)
                mark = "" if _verdict(key, value, limit) != "MISS" else "!"
                cells.append(_shown(value, unit) + mark)
            lines.append(
                f"{label:<32} {cells[0]:>10} {cells[1]:>11} {cells[2]:>10}  {goal}".rstrip()
            )
        lines.append(
            "(! misses the target; round trips: SQL statements on PostgreSQL, requests that "
            "waited for an answer on the wire behind the 2 ms proxy)"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__)
    parser.add_argument("--clients", type=int, default=5_000)
    parser.add_argument("--assessments", type=int, default=60_000)
    parser.add_argument("--runs", type=int, default=3, help="start-up runs (median)")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="run only measurements whose name starts with NAME (repeatable); the other keys "
        "keep their values from the results file",
    )
    parser.add_argument(
        "--large",
        action="store_true",
        help="measure only the ten-times clinic (built once; slow), keeping the other figures",
    )
    parser.add_argument("--large-clients", type=int, default=large.LARGE.clients)
    args = parser.parse_args(argv)
    if args.large:
        return main_large(args.large_clients, args.results)
    scale = Scale(clients=args.clients, assessments=args.assessments)
    print(f"Synthetic clinic: {scale.clients} clients, {scale.assessments} assessments…")
    built = ensure_clinic(scale)
    how = f"built in {built.seconds:.1f} s" if built.seconds else "from cache"
    print(f"  {how}: {built.path}")
    # Measure on a copy: opening clients and entering values write audit events.
    # MOBILEATHLETE_BENCH_WORK names another copy, so two benches can run side by side.
    work = Path(os.environ.get("MOBILEATHLETE_BENCH_WORK") or CACHE / "work.sqlite3")
    for leftover in work.parent.glob(work.name + "*"):
        leftover.unlink()
    shutil.copyfile(built.path, work)
    bench = Bench(
        db_path=work,
        clients=built.clients,
        measurements=built.measurements,
        source_path=built.path,
    )
    bench.runs = args.runs
    try:
        results, _missing = run_measurements(bench, args.only)
    finally:
        bench.close()
    results["clients"] = built.clients
    results["measurements"] = built.measurements
    if args.results.is_file():  # a partial run keeps the other figures; any, the large ones
        before = json.loads(args.results.read_text())
        kept = before if args.only else {k: v for k, v in before.items() if k.startswith("large_")}
        results = {**kept, **results}
    # The longest UI stall anywhere measured: the workday's and the sign-in's.
    stalls = [results.get(k) for k in ("workday_max_stall_ms", "signin_max_stall_ms")]
    if any(v is not None for v in stalls):
        results["max_stall_ms"] = max(v for v in stalls if v is not None)
    out = {key: results.get(key) for key in KEYS}
    args.results.write_text(json.dumps(out, indent=2) + "\n")
    print(table(out))
    print(f"Results written to {args.results}")
    return 0


def main_large(clients: int, path: Path) -> int:
    """`--large`: builds (or reuses) the large clinic, measures it, merges the large_ keys."""
    print(f"Large synthetic clinic: {clients} clients, {clients * 12} assessments…")
    built = large.build(clients)
    print(f"  {built.path} (its build took {built.seconds or '?'} s)")
    found = large.measure_large(built)
    results = json.loads(path.read_text()) if path.is_file() else {}
    results.update(found)
    out = {key: results.get(key) for key in KEYS}
    path.write_text(json.dumps(out, indent=2) + "\n")
    print(table(out))
    print(f"Results written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
