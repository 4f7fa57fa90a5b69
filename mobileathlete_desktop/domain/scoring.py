"""Live scores while an assessment is being typed in: Y-balance composite, FMS total, PSFS.

During entry half the values are missing, so these take optional values and answer None until
everything a score needs is there. The rules themselves (the composite formula, which test each
clearing test zeroes, the seven tests) come from `domain.interpretation`, which scores finished
assessments for the summary, the charts and the reports.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from mobileathlete_desktop.domain import interpretation
from mobileathlete_desktop.domain.catalogue import Side
from mobileathlete_desktop.domain.interpretation import (
    FMS_CLEARING,
    FMS_TESTS,
    LIMB_LENGTH,
    YBALANCE_REACHES,
)
from mobileathlete_desktop.domain.records import AssessmentRecord


def ybalance_composite(
    anterior: float | None,
    posteromedial: float | None,
    posterolateral: float | None,
    limb_length: float | None,
) -> float | None:
    """(A + PM + PL) / (3 × limb length) × 100, rounded to 0.1; None until all four are known."""
    parts = (anterior, posteromedial, posterolateral, limb_length)
    if any(p is None for p in parts) or not limb_length:
        return None
    a, pm, pl = (float(p) for p in parts[:3] if p is not None)
    return round(interpretation.ybalance_composite(a, pm, pl, float(limb_length)), 1)


def ybalance_composite_for(assessment: AssessmentRecord, side: Side) -> float | None:
    """One side's composite, or None while a reach or the limb length is missing."""
    a, pm, pl = (assessment.value(code, side) for code in YBALANCE_REACHES)
    return ybalance_composite(a, pm, pl, assessment.value(LIMB_LENGTH, side))


def fms_test_score(
    test: str, scores: Mapping[Side, float | None], clearing: Mapping[str, float | None]
) -> int | None:
    """One test's final score: the lower side, or 0 when its clearing test was positive.

    The rule is `interpretation.fms_test_score`, the one the reports use.
    """
    zeroed = any(
        linked == test and (clearing.get(code) or 0) >= 1 for code, linked in FMS_CLEARING.items()
    )
    return interpretation.fms_test_score(test, scores, zeroed, len(scores) > 1)


def fms_clearing_results(assessment: AssessmentRecord) -> dict[str, float | None]:
    """Each clearing test's result (1 positive, 0 negative, None not recorded), read as the
    reports read it: its value, its pain mark, or a finding rated positive."""
    positive = interpretation.fms_clearing(assessment)
    return {
        code: (None if code not in positive else (1.0 if positive[code] else 0.0))
        for code in FMS_CLEARING
    }


def fms_scores(
    assessment: AssessmentRecord, bilateral: Mapping[str, bool]
) -> dict[str, int | None]:
    """Final score of each of the seven tests (None while a needed side is missing)."""
    clearing = fms_clearing_results(assessment)
    scores: dict[str, int | None] = {}
    for test in FMS_TESTS:
        sides: tuple[Side, ...] = ("left", "right") if bilateral.get(test, False) else ("none",)
        scores[test] = fms_test_score(test, {s: assessment.value(test, s) for s in sides}, clearing)
    return scores


def fms_total(scores: Mapping[str, int | None]) -> int | None:
    """Sum of the seven final scores (0–21), or None until every test is scored."""
    values = [scores.get(t) for t in FMS_TESTS]
    if any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


# The Patient-Specific Functional Scale (Stratford 1995): the client names 3–5 activities
# they find hard and rates each 0 (unable) to 10 (able as before the problem).
PSFS_AVERAGE = "psfs.average"
PSFS_INSTRUMENT = "psfs"
PSFS_MIN_ACTIVITIES = 3
PSFS_MAX_ACTIVITIES = 5
PSFS_MAX_RATING = 10


def psfs_average(scores: Sequence[float | None]) -> float | None:
    """The PSFS score: the mean of the activities' ratings, rounded to 0.1.

    None until 3–5 activities are all rated (a mean of one or two activities is not the
    published scale, so the MCID would not apply). A rating outside 0–10, or more than five
    activities, is an input error (ValueError).
    """
    if len(scores) > PSFS_MAX_ACTIVITIES:
        raise ValueError(
            f"the PSFS takes at most {PSFS_MAX_ACTIVITIES} activities, not {len(scores)}"
        )
    for number, score in enumerate(scores, start=1):
        if score is not None and not 0 <= score <= PSFS_MAX_RATING:
            raise ValueError(f"PSFS activity {number}: ratings are 0–10, not {score:g}")
    if len(scores) < PSFS_MIN_ACTIVITIES or any(s is None for s in scores):
        return None
    rated = [float(s) for s in scores if s is not None]
    # Halves round up (6.25 → 6.3), as on paper; round() would give 6.2.
    return math.floor(sum(rated) / len(rated) * 10 + 0.5) / 10


__all__ = [
    "FMS_CLEARING",
    "FMS_TESTS",
    "PSFS_AVERAGE",
    "PSFS_INSTRUMENT",
    "PSFS_MAX_ACTIVITIES",
    "PSFS_MAX_RATING",
    "PSFS_MIN_ACTIVITIES",
    "YBALANCE_REACHES",
    "fms_clearing_results",
    "fms_scores",
    "fms_test_score",
    "fms_total",
    "psfs_average",
    "ybalance_composite",
    "ybalance_composite_for",
]
