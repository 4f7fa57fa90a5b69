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

from bench.build import CACHE, Scale, ensure_clinic
from bench.measures import REGISTRY, Bench, NotBuilt

RESULTS = Path(__file__).resolve().parent / "results.json"
KEYS = (
    "start_s",
    "floor_s",
    "start_ratio",
    "signin_s",
    "signin_ratio",
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
    Target("Start ÷ floor", "start_ratio", "×", None, ""),
    Target("Sign-in dialog on screen", "signin_s", "s", None, ""),
    Target("Sign-in dialog ÷ floor", "signin_ratio", "×", 1.5, "≤ 1.5×"),
    Target("Enter to usable window", "signin_to_main_ms", "ms", 300, "≤ 300 ms"),
    Target("  clinic open behind the dialog", "signin_clinic_open_s", "s", None, ""),
    Target("  longest UI stall at sign-in", "signin_max_stall_ms", "ms", 50, "≤ 50 ms"),
    Target("Search keystroke, median", "search_p50_ms", "ms", None, ""),
    Target("Search keystroke, p95", "search_p95_ms", "ms", 30, "< 30 ms"),
    Target("Open client + progress chart", "open_client_ms", "ms", 300, "< 300 ms"),
    Target("  of which the page (30 visits)", "open_page_ms", "ms", None, ""),
    Target("Grid entry, keystroke to stored", "grid_entry_ms", "ms", 16, "< 16 ms"),
    Target("Handout, 8 drills", "handout_s", "s", 0.5, "< 0.5 s"),
    Target("Progress report", "report_s", "s", 2, "< 2 s"),
    Target("20 reports", "batch20_s", "s", 30, "< 30 s"),
    Target("Peak RSS, large clinic open", "rss_mb", "MB", 300, "< 300 MB"),
)


def run_measurements(bench: Bench) -> tuple[dict[str, Any], dict[str, str]]:
    """Runs every registered measurement; returns results and, per key, why it is missing."""
    results: dict[str, Any] = {}
    missing: dict[str, str] = {}
    for name, fn in REGISTRY:
        started = time.perf_counter()
        try:
            results.update(fn(bench))
            print(f"  {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
        except NotBuilt:
            missing[name] = "n/a (not built yet)"
            print(f"  {name}: n/a (not built yet)", file=sys.stderr)
    return results, missing


def table(results: dict[str, Any]) -> str:
    """The printed table: measure, value, target, pass/miss."""
    lines = [f"{'measure':<32} {'value':>12}  {'target':<10} result", "-" * 66]
    for t in TARGETS:
        value = results.get(t.key)
        if value is None:
            shown, verdict = "n/a", "not built yet" if t.limit is not None else ""
        else:
            shown = f"{value:.2f} {t.unit}" if t.unit != "MB" else f"{value:.0f} MB"
            verdict = "" if t.limit is None else ("pass" if value <= t.limit else "MISS")
            if t.key == "search_p95_ms" or t.key == "open_client_ms":
                verdict = "" if t.limit is None else ("pass" if value < t.limit else "MISS")
        lines.append(f"{t.label:<32} {shown:>12}  {t.goal:<10} {verdict}".rstrip())
    lines.append(
        f"(clinic: {results.get('clients')} clients, {results.get('measurements')} measurements)"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__)
    parser.add_argument("--clients", type=int, default=5_000)
    parser.add_argument("--assessments", type=int, default=60_000)
    parser.add_argument("--runs", type=int, default=3, help="start-up runs (median)")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    scale = Scale(clients=args.clients, assessments=args.assessments)
    print(f"Synthetic clinic: {scale.clients} clients, {scale.assessments} assessments…")
    built = ensure_clinic(scale)
    how = f"built in {built.seconds:.1f} s" if built.seconds else "from cache"
    print(f"  {how}: {built.path}")
    # Measure on a copy: opening clients and entering values write audit events.
    work = CACHE / "work.sqlite3"
    for leftover in CACHE.glob("work.sqlite3*"):
        leftover.unlink()
    shutil.copyfile(built.path, work)
    bench = Bench(db_path=work, clients=built.clients, measurements=built.measurements)
    bench.runs = args.runs
    try:
        results, _missing = run_measurements(bench)
    finally:
        bench.close()
    results["clients"] = built.clients
    results["measurements"] = built.measurements
    out = {key: results.get(key) for key in KEYS}
    args.results.write_text(json.dumps(out, indent=2) + "\n")
    print(table(out))
    print(f"Results written to {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
