"""The start measurement: the floor, the sign-in dialog and Enter to the window, in one run."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import measures, run
from bench.build import Scale, ensure_clinic
from bench.measures import Bench


def test_start_measures_the_sign_in_and_enter_to_the_window(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    built = ensure_clinic(Scale(clients=20, assessments=200), tmp_path_factory.mktemp("cache"))
    work = tmp_path / "work.sqlite3"
    work.write_bytes(built.path.read_bytes())
    bench = Bench(db_path=work, clients=20, measurements=200 * 25, runs=1)
    result = dict(measures.REGISTRY)["start"](bench)
    for key in ("start_s", "floor_s", "start_ratio", "signin_s", "signin_ratio"):
        assert key in run.KEYS and result[key] > 0, key
    assert result["signin_to_main_ms"] > 0 and result["signin_max_stall_ms"] >= 0
    # The dialog comes before the clinic is open, which comes before the window.
    assert result["signin_s"] < result["signin_clinic_open_s"] < result["start_s"]
    # The start_ratio is the sign-in window against the floor (signin_ratio its alias).
    assert result["start_ratio"] == pytest.approx(result["signin_s"] / result["floor_s"])
    assert result["signin_ratio"] == result["start_ratio"]
    # The CPU time to the first frame against the floor's (a shared machine's waits left out).
    assert result["signin_cpu_ratio"] is not None and result["signin_cpu_ratio"] > 0
    shown = run.table({**result, "clients": 20, "measurements": 5000})
    assert "Sign-in dialog ÷ floor" in shown and "Enter to usable window" in shown
