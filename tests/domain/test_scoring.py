"""Live scores during entry: Y-balance composite, movement-screen rules and totals."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.records import AssessmentRecord, MeasurementRecord
from mobileathlete_desktop.domain.scoring import (
    fms_scores,
    fms_test_score,
    fms_total,
    psfs_average,
    ybalance_composite,
)


@pytest.mark.parametrize(
    ("a", "pm", "pl", "ll", "expected"),
    [
        (60, 100, 95, 85, 100.0),
        (55, 90, 85, 90, 85.2),
        (None, 90, 85, 90, None),
        (55, 90, 85, None, None),
    ],
)
def test_ybalance_composite(
    a: float | None, pm: float, pl: float, ll: float | None, expected: float | None
) -> None:
    assert ybalance_composite(a, pm, pl, ll) == expected


@pytest.mark.parametrize(
    ("test", "scores", "clearing", "expected"),
    [
        ("fms.hurdle_step", {"left": 3, "right": 2}, {}, 2),
        ("fms.hurdle_step", {"left": 3, "right": None}, {}, None),
        ("fms.deep_squat", {"none": 3}, {}, 3),
        ("fms.shoulder_mobility", {"left": 3, "right": 3}, {"fms.clear.shoulder": 1}, 0),
        ("fms.shoulder_mobility", {"left": 3, "right": 3}, {"fms.clear.shoulder": 0}, 3),
        ("fms.trunk_stability_pushup", {"none": 3}, {"fms.clear.spinal_extension": 1}, 0),
        ("fms.rotary_stability", {"left": 2, "right": 2}, {"fms.clear.spinal_flexion": 1}, 0),
        ("fms.rotary_stability", {"left": 2, "right": 2}, {"fms.clear.spinal_extension": 1}, 2),
    ],
)
def test_fms_test_score_rules(
    test: str, scores: dict, clearing: dict, expected: int | None
) -> None:
    assert fms_test_score(test, scores, clearing) == expected


def _assessment(*values: tuple[str, str, str, float]) -> AssessmentRecord:
    return AssessmentRecord(
        id=1,
        client_id=1,
        date=date(2026, 3, 1),
        kind="initial",
        status="draft",
        measurements=tuple(MeasurementRecord(c, s, m, v) for c, s, m, v in values),  # type: ignore[arg-type]
    )


def test_fms_total_counts_the_lower_side_and_the_clearing_tests() -> None:
    record = _assessment(
        ("fms.deep_squat", "none", "none", 2),
        ("fms.hurdle_step", "left", "none", 2),
        ("fms.hurdle_step", "right", "none", 3),
        ("fms.inline_lunge", "left", "none", 3),
        ("fms.inline_lunge", "right", "none", 3),
        ("fms.shoulder_mobility", "left", "none", 3),
        ("fms.shoulder_mobility", "right", "none", 2),
        ("fms.clear.shoulder", "left", "none", 1),
        ("fms.aslr", "left", "none", 2),
        ("fms.aslr", "right", "none", 2),
        ("fms.trunk_stability_pushup", "none", "none", 3),
        ("fms.rotary_stability", "left", "none", 2),
        ("fms.rotary_stability", "right", "none", 2),
    )
    bilateral = {m.code: m.bilateral for m in default_catalogue()}
    scores = fms_scores(record, bilateral)
    assert scores["fms.shoulder_mobility"] == 0
    assert fms_total(scores) == 14
    assert fms_total({**scores, "fms.aslr": None}) is None


def test_live_composite_agrees_with_the_interpretation() -> None:
    from mobileathlete_desktop.domain.interpretation import ybalance_composite as rule

    assert ybalance_composite(55, 90, 85, 90) == round(rule(55, 90, 85, 90), 1)


@pytest.mark.parametrize(
    ("ratings", "average"),
    [
        ([3, 4, 4], 3.7),
        ([10, 10, 10, 10, 10], 10.0),
        ([0, 0, 0], 0.0),
        ([6, 6, 7, 6], 6.3),  # 6.25: a half rounds up
        ([3, 4], None),  # fewer than three activities
        ([3, None, 4], None),  # one not rated yet
    ],
)
def test_psfs_average(ratings: list[int | None], average: float | None) -> None:
    assert psfs_average(ratings) == average


@pytest.mark.parametrize(
    ("ratings", "message"),
    [([3, 11, 4], "ratings are 0–10, not 11"), ([5] * 6, "at most 5")],
)
def test_psfs_average_refuses_impossible_ratings(ratings: list[int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        psfs_average(ratings)
