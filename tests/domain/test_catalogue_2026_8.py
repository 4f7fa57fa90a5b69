"""Catalogue 2026.8: the PSFS's measurement error (Thoomes 2023's smallest detectable change
1.10, read in the abstract), so a PSFS change is judged by its error first and by Abbott
2014's MCID then, as the NPRS and the LEFS are; the lunge's side-to-side figure re-read in
Chisholm 2012's abstract. No better adult lunge norm could be read (Calatayud 2015 stays a
documented fallback) and no normal active-passive difference either (the 1.5x convention
stays): those are said in the catalogue's source notes, not tested here.
"""

from __future__ import annotations

from typing import Any

import pytest

from mobileathlete_desktop.domain.interpretation.changes import change_lines
from mobileathlete_desktop.domain.interpretation.results import AssessmentInterpretation
from tests.domain.worked_visits import CAT, V1, V2, client, read, row, visit

PSFS = "psfs.average"


def _psfs(before: float, after: float) -> tuple[AssessmentInterpretation, Any]:
    """A woman runner of 34 rates her activities (e.g. running 5 km, stairs, hopping) at two
    visits; the average is what the catalogue judges."""
    result = read(
        client("female", 34),
        visit(1, V1, (PSFS, "none", "none", before)),
        visit(2, V2, (PSFS, "none", "none", after)),
    )
    return result, row(result, PSFS, "none", "none")


def test_the_psfs_carries_its_error_apart_from_its_mcid() -> None:
    """MDC (beyond measurement error) from Thoomes 2023, MCID (clinically important) from
    Abbott 2014: two figures, two sources."""
    measure = CAT[PSFS]
    err = measure.error_for("questionnaire", "intra")
    assert err is not None
    assert (err.mdc95, err.source, err.smallest_real_change) == (1.1, "thoomes-2023", 1.1)
    assert "neck pain" in err.population and "PSFS 2.0" in err.population
    mcid = measure.important_change
    assert mcid is not None and (mcid.points, mcid.source) == (1.3, "abbott-2014")
    assert "thoomes-2023" in measure.sources
    note = CAT.source("thoomes-2023").note
    assert "smallest detectable change of 1.10" in note and "0.35 to 1.5" in note


def test_psfs_up_1_3_is_beyond_its_error_and_clinically_important() -> None:
    """4.0 → 5.3: 1.3 is more than the 1.1 error and reaches the 1.3 MCID."""
    result, now = _psfs(4.0, 5.3)
    change = now.change
    assert (change.verdict, change.beyond_error, change.important) == ("improved", True, True)
    assert "clinically_important" in now.flags
    assert change.reason.endswith(
        "more than the 1.1 points measurement error (thoomes-2023); reaches the 1.3 points "
        "clinically important difference (abbott-2014): improved, clinically important."
    )
    (line,) = change_lines(result)
    assert "beyond the measurement error (1.1 points); clinically important" in line.text


def test_psfs_up_1_2_is_beyond_its_error_but_short_of_the_mcid() -> None:
    """4.0 → 5.2: more than the error, so improved; short of 1.3, so not clinically
    important. Before 2026.8 (MCID alone) this read 'unchanged'."""
    result, now = _psfs(4.0, 5.2)
    change = now.change
    assert (change.verdict, change.beyond_error, change.important) == ("improved", True, False)
    assert "clinically_important" not in now.flags
    assert change.reason.endswith(
        "short of the 1.3 points clinically important difference (abbott-2014): improved, "
        "beyond measurement error."
    )
    (line,) = change_lines(result)
    assert "not clinically important (MCID 1.3 points)" in line.text
    (spanish,) = change_lines(result, "es")
    assert "mejoró: más allá del error de medición (1.1 puntos)" in spanish.text
    assert "no clínicamente importante (DMCI 1.3 puntos)" in spanish.text


@pytest.mark.parametrize(
    ("after", "said"),
    [
        (5.1, "at the 1.1 points measurement error (thoomes-2023), not beyond it"),
        (5.0, "within the 1.1 points measurement error (thoomes-2023)"),
    ],
)
def test_psfs_up_by_its_error_or_less_is_unchanged(after: float, said: str) -> None:
    """4.0 → 5.1 is the error exactly (not beyond it), 4.0 → 5.0 within it: unchanged, and
    no line of what changed."""
    result, now = _psfs(4.0, after)
    change = now.change
    assert (change.verdict, change.beyond_error, change.important) == ("unchanged", False, False)
    assert said in change.reason and change.reason.endswith(": unchanged.")
    assert change_lines(result) == []


def test_psfs_down_1_3_is_worse_and_clinically_important() -> None:
    """5.0 → 3.7: the same rule for a fall (higher is better on the PSFS)."""
    _, now = _psfs(5.0, 3.7)
    change = now.change
    assert (change.verdict, change.beyond_error, change.important) == ("worse", True, True)
    assert change.reason.endswith("worse, clinically important.")


# --- The lunge: the norm stays a fallback, the side-to-side figure is Chisholm 2012's -------


def test_the_adult_lunge_norm_is_still_calatayuds_fallback_and_no_verdict() -> None:
    """No better adult lunge norm could be read (see calatayud-2015's note): a woman runner of
    34 at 9 cm is shown against the 26 male students' 11.6 ± 4.0 cm as context, not judged."""
    result = read(client("female", 34), visit(1, V1, ("wblt.distance", "left", "none", 9.0)))
    left = row(result, "wblt.distance", "left", "none")
    assert left.norm.flag == "not_judged" and "below_norm" not in left.flags
    assert left.norm.norm.fallback and left.norm.norm.source == "calatayud-2015"
    assert "PubMed 41723909" in CAT.source("calatayud-2015").note


@pytest.mark.parametrize(
    ("left", "right", "asymmetric"),
    [(9.0, 11.0, True), (10.0, 11.5, False)],
)
def test_a_lunge_difference_beyond_chisholms_1_5_cm_is_an_asymmetry(
    left: float, right: float, asymmetric: bool
) -> None:
    """Left 9 cm, right 11 cm: 2 cm is more than the 1.5 cm MDC of the side-to-side difference
    (Chisholm 2012, abstract: 'The MDC=1.0/1.5 cm, LTAff/LTDiff'); 10 against 11.5 is 1.5,
    not more: no asymmetry."""
    result = read(
        client("female", 34),
        visit(
            1,
            V1,
            ("wblt.distance", "left", "none", left),
            ("wblt.distance", "right", "none", right),
        ),
    )
    lunge = row(result, "wblt.distance", "left", "none")
    assert ("asymmetry" in lunge.flags) is asymmetric
    if asymmetric:
        assert (
            "Left weight-bearing lunge (knee to wall) 9 cm, 2 cm less than right "
            "(threshold 1.5 cm, chisholm-2012)." in lunge.reasons
        )
    rule = CAT["wblt.distance"].asymmetry
    assert rule is not None and (rule.threshold, rule.source) == (1.5, "chisholm-2012")
    assert "LTAff/LTDiff" in CAT.source("chisholm-2012").note
