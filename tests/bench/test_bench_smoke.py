"""The benchmark harness still works: a tiny clinic builds, and measurements run on it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from bench import measures, run
from bench.build import HEAVY_ASSESSMENTS, Scale, ensure_clinic
from bench.measures import Bench, NotBuilt


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = ensure_clinic(Scale(clients=20, assessments=200), tmp_path_factory.mktemp("cache"))
    assert built.seconds > 0  # built, not found
    return built.path


def count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])


@pytest.mark.parametrize(
    ("table", "expected"),
    [("client", 20), ("assessment", 200), ("measurement", 200 * 25)],
)
def test_builder_makes_the_asked_for_clinic(tiny: Path, table: str, expected: int) -> None:
    assert count(tiny, table) == expected


def test_second_call_comes_from_the_cache(tiny: Path) -> None:
    again = ensure_clinic(Scale(clients=20, assessments=200), tiny.parent)
    assert again.path == tiny
    assert again.seconds == 0


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("search", {"search_p50_ms", "search_p95_ms"}),
        ("open client", {"open_client_ms", "open_page_ms"}),
        ("grid entry", {"grid_entry_ms"}),
    ],
)
def test_in_process_measurement_runs(
    tiny: Path, tmp_path: Path, qapp: QApplication, name: str, keys: set[str]
) -> None:
    work = tmp_path / "work.sqlite3"
    work.write_bytes(tiny.read_bytes())
    bench = Bench(db_path=work, clients=20, measurements=200 * 25)
    fn = dict(measures.REGISTRY)[name]
    try:
        result = fn(bench)
    finally:
        bench.close()
    assert set(result) == keys
    assert all(v >= 0 for v in result.values())


def test_a_missing_feature_is_reported_not_crashed(tmp_path: Path) -> None:
    with pytest.raises(NotBuilt):
        measures.needs("mobileathlete_desktop.commands.no_such_cmd")
    out = run.table({"handout_s": None, "search_p95_ms": 12.0, "clients": 1, "measurements": 2})
    assert "not built yet" in out
    assert "pass" in out
    assert json.loads(json.dumps({k: None for k in run.KEYS}))  # keys are JSON-ready


def test_heavy_clients_have_thirty_assessments(tiny: Path) -> None:
    with sqlite3.connect(tiny) as conn:
        n = conn.execute("SELECT count(*) FROM assessment WHERE client_id = 1").fetchone()[0]
    assert n == HEAVY_ASSESSMENTS


def test_results_carry_every_key_the_performance_issue_names() -> None:
    """Scripts read bench/results.json: the keys named in issue 22 are all there."""
    core = (
        "start_ratio",
        "signin_to_main_ms",
        "max_stall_ms",
        "search_p95_ms",
        "open_client_ms",
        "grid_entry_ms",
        "handout_s",
        "report_s",
        "batch20_s",
        "rss_mb",
    )
    named = {
        *core,
        *(f"{prefix}{key}" for prefix in ("pg_", "pglan_") for key in core[1:]),
        "large_search_p95_ms",
        "large_open_client_ms",
        "large_rss_mb",
        "video_step_ms",
    }
    assert named <= set(run.KEYS)
    shown = run.table({"max_stall_ms": 80.0, "start_ratio": 1.2, "clients": 1, "measurements": 2})
    assert "Longest UI stall (all of it)" in shown and "MISS" in shown


@pytest.mark.parametrize(("name", "inner"), [("search", "_search"), ("grid entry", "_grid_entry")])
def test_window_measures_run_at_the_programs_switch_interval(
    monkeypatch: pytest.MonkeyPatch, name: str, inner: str
) -> None:
    """The search and grid entry measures share the interpreter's lock between the window and
    the jobs' workers as the program does (1 ms, commands/gui.py), and put CPython's back."""
    import sys

    from mobileathlete_desktop.commands.gui import UI_SWITCH_INTERVAL_S

    seen: list[float] = []

    def measured(_bench: Bench) -> dict[str, float]:
        seen.append(sys.getswitchinterval())
        return {}

    monkeypatch.setattr(measures, inner, measured)
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.005)  # CPython's default, as in the bench's process
    try:
        dict(measures.REGISTRY)[name](Bench(db_path=Path("unused"), clients=0, measurements=0))
        after = sys.getswitchinterval()
    finally:
        sys.setswitchinterval(before)
    assert seen == [UI_SWITCH_INTERVAL_S]
    assert after == 0.005
