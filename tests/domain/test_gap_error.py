"""The reviewer's point on the active-passive gap, as worked cases: the gap is a difference of
two readings, so its error is 1.96 x sqrt 2 x the SEM of one reading, which is what an MDC95
already is (never sqrt 2 twice); a published difference figure is used as published.
"""

from __future__ import annotations

import pytest

from mobileathlete_desktop.domain.catalogue import MeasurementError
from mobileathlete_desktop.domain.interpretation.rules import (
    active_passive_gap,
    gap_error,
)
from tests.domain.worked_visits import CAT

# --- 1. The active-passive gap: the error of a difference of two readings -------------------


def test_the_gap_error_is_the_error_of_a_difference_not_sqrt2_twice() -> None:
    """One reading with an SEM of 3.5° (Pua 2008's hip flexion figure): the gap is passive
    minus active, two readings, so its SD is sqrt 2 x 3.5 = 4.95°, and at the MDC's 95%
    1.96 x 4.95 = 9.70°: the MDC95 itself. Multiplying the MDC95 by sqrt 2 again (13.7°)
    would count the second reading twice."""
    err = MeasurementError(instrument="", source="pua-2008", rater="intra", sem=3.5)
    assert gap_error(err) == pytest.approx(1.96 * 2**0.5 * 3.5, abs=0.01)
    assert gap_error(err) == err.smallest_real_change == 9.70
    published = MeasurementError(instrument="", source="gradoz-2018", mdc95=8.6)
    assert gap_error(published) == 8.6


@pytest.mark.parametrize(("passive", "deficit"), [(113.0, False), (114.0, False), (115.0, True)])
def test_a_hip_flexion_gap_is_judged_against_the_goniometers_difference_error(
    passive: float, deficit: bool
) -> None:
    """A runner's active hip flexion 110° by goniometer. The comparable error is Boone
    1978's one-tester 4° (Pua 2008's SEM 3.5° comes from hip osteoarthritis, a last resort):
    a gap of 3° is within it, 4° is at it (not beyond), 5° is beyond it."""
    gap = active_passive_gap(CAT["hip.flexion"], 110.0, passive, "left")
    assert gap.control_deficit is deficit
    assert gap.error == 4.0 and gap.source == "boone-1978"
    said = "more than the 4°" if deficit else "within the 4°"
    assert said in gap.reason


def test_a_stored_difference_figure_is_used_as_published() -> None:
    """Hip abduction has no figure of its own: Boone 1978's one-tester "increases of at
    least 3 to 4 degrees determine improvement" is already a difference between two
    readings (an instrument estimate, 4°), so the gap is judged against 4°, not 5.7°: active
    44° against passive 49° (gap 5°) is beyond it, and the reason names the estimate."""
    measure = CAT["hip.abduction"]
    err = measure.error_for("goniometer.long_arm", "intra")
    assert err is not None and (err.mdc95, err.source, err.scope) == (
        4.0,
        "boone-1978",
        "instrument",
    )
    assert gap_error(err) == 4.0
    gap = active_passive_gap(measure, 44.0, 49.0, "left")
    assert gap.control_deficit and gap.error == 4.0
    assert "instrument estimate, boone-1978" in gap.reason
