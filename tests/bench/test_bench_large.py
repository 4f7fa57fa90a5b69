"""The ten-times clinic's measures and query plans, run on a tiny clinic."""

from __future__ import annotations

import pytest

from bench import large, run
from bench.build import Scale, ensure_clinic


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> object:
    return ensure_clinic(Scale(clients=20, assessments=240), tmp_path_factory.mktemp("cache"))


def test_query_plans_name_the_indexes_a_client_is_opened_with(tiny: object) -> None:
    plans = large.query_plans(tiny.path)  # type: ignore[attr-defined]
    assert "ix_assessment_client_date" in plans
    assert "SEARCH measurement USING INDEX" in plans  # not a scan of 15 M rows


@pytest.mark.slow
def test_large_measures_run_in_their_own_process(tiny: object) -> None:
    found = large.measure_large(tiny)  # type: ignore[arg-type]
    assert set(found) <= set(run.KEYS)
    assert found["large_clients"] == 20
    assert found["large_open_client_ms"] > 0 and found["large_search_p95_ms"] > 0
    assert 20 < found["large_rss_mb"] < 2000  # a process's peak, in MB (not KiB or bytes)
    assert not list(tiny.path.parent.glob("work-large*"))  # type: ignore[attr-defined]
