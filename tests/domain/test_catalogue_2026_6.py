"""Catalogue 2026.6: hip abduction range against a norm with a spread (Mosler 2017), the
Thomas test's goniometer SEM (Peeler 2007), and the hip abduction strength error that was
looked for and not stored (its unit or its test did not match the catalogue's measure).

Each figure below was read in the source's abstract; the catalogue names the page read.
"""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.interpretation import (
    AssessmentInterpretation,
    Interpretation,
    interpret_assessment,
)
from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
    ClientHistory,
    ClientRecord,
    MeasurementRecord,
)

CAT = default_catalogue()
V1 = date(2026, 3, 2)


def _read(
    sex: str, born: date, *values: tuple[str, str, str, float], instrument: str = ""
) -> AssessmentInterpretation:
    client = ClientRecord(1, "SYN-26", "Testa", "Runnerton", born, sex)  # type: ignore[arg-type]
    record = AssessmentRecord(
        id=1,
        client_id=1,
        date=V1,
        kind="initial",
        status="signed",
        measurements=tuple(
            MeasurementRecord(c, s, m, v, instrument=instrument)  # type: ignore[arg-type]
            for c, s, m, v in values
        ),
    )
    return interpret_assessment(ClientHistory(client, (record,)), catalogue=CAT)


def _row(result: AssessmentInterpretation, code: str, side: str, mode: str) -> Interpretation:
    found = result.row(code, side, mode)  # type: ignore[arg-type]
    assert found is not None, (code, side, mode)
    return found


# --- Hip abduction range: Mosler 2017, 50 ± 7.3° ------------------------------------------


def test_hip_abduction_norm_is_mosler_with_its_spread_for_the_sample_group() -> None:
    """A man of 29 is in Mosler 2017's sample (394 male professional footballers, 18-40):
    50 ± 7.3° side-lying, not a fallback."""
    norm = CAT["hip.abduction"].norm_for("male", 29)
    assert norm is not None
    assert (norm.mean, norm.sd, norm.source) == (50.0, 7.3, "mosler-2017")
    assert norm.position == "side-lying"
    assert not norm.fallback
    assert "394" in norm.population and "male" in norm.population


@pytest.mark.parametrize(("sex", "age"), [("female", 29), ("male", 52), ("female", 60)])
def test_hip_abduction_norm_beyond_the_sample_is_a_marked_fallback(sex: str, age: int) -> None:
    """Women, and men over 40, get the same figure as a documented fallback that names the
    group it was measured in (for the reports to say both)."""
    norm = CAT["hip.abduction"].norm_for(sex, age)
    assert norm is not None
    assert (norm.mean, norm.sd, norm.source) == (50.0, 7.3, "mosler-2017")
    assert norm.fallback
    assert "male professional football" in norm.population


def test_hip_abduction_past_sixty_keeps_the_aaos_value_without_spread() -> None:
    norm = CAT["hip.abduction"].norm_for("female", 70)
    assert norm is not None
    assert (norm.mean, norm.sd, norm.source) == (45.0, None, "aaos-1965")


def test_hip_abduction_30_left_44_right_worked_case() -> None:
    """A man runner of 29 (inside Mosler's sample: male footballers 18-40), goniometer,
    active hip abduction 30° left and 44° right.

    Against Mosler's 50 ± 7.3° the usual range is 38° to 62° (mean ± 1.645 SD). Left 30° is
    under it and 20° short of the mean, more than the goniometer's 4° error: below norm.
    Right 44° is inside the usual range: within norm. Left against right, 14° is more than
    the 4° error: an asymmetry, left the weaker side."""
    result = _read(
        "male",
        date(1996, 5, 1),
        ("hip.abduction", "left", "active", 30),
        ("hip.abduction", "right", "active", 44),
    )
    left = _row(result, "hip.abduction", "left", "active")
    right = _row(result, "hip.abduction", "right", "active")

    assert left.norm.flag == "below" and "below_norm" in left.flags
    assert left.norm.low == pytest.approx(37.99, abs=0.01)
    assert left.norm.high == pytest.approx(62.01, abs=0.01)
    said = left.reasons[0]
    assert "50° ± 7.3°" in said and "mosler-2017" in said
    assert "usual range 38° to 62° (mean ± 1.645 SD)" in said
    assert "clinic convention" not in said

    assert right.norm.flag == "within" and "below_norm" not in right.flags
    assert "within norm (the usual range 38° to 62°" in right.reasons[0]

    assert left.sides is not None and left.sides.asymmetric
    assert left.sides.weaker_side == "left" and left.sides.difference == 14


@pytest.mark.parametrize(("value", "flag"), [(40, "within"), (38, "within"), (37, "below")])
def test_hip_abduction_is_judged_by_the_spread_not_the_percentage_band(
    value: float, flag: str
) -> None:
    """The spread changes the verdict: 40° was "below norm" against the AAOS 45° with no
    spread (under 90% of it); against 50 ± 7.3° it is inside the usual range. Under 37.99°
    it is below (a man of 29: inside the group Mosler measured)."""
    result = _read("male", date(1996, 5, 1), ("hip.abduction", "left", "passive", value))
    assert _row(result, "hip.abduction", "left", "passive").norm.flag == flag


# --- Thomas test: Peeler 2007, goniometer SEM 11° -----------------------------------------


def test_thomas_goniometer_error_is_peelers_sem() -> None:
    err = CAT["thomas.hip_extension"].error_for("goniometer.long_arm")
    assert err is not None
    assert (err.source, err.sem, err.mdc95, err.scope) == ("peeler-2007", 11.0, None, "measure")
    assert err.smallest_real_change == pytest.approx(30.49, abs=0.01)


def test_thomas_by_inclinometer_keeps_the_inclinometer_estimate() -> None:
    """Peeler's figure is for the goniometer: an inclinometer reading (Ferber's method) is
    judged with the inclinometer's 6°, not with the goniometer's 30.5°."""
    err = CAT["thomas.hip_extension"].error_for("inclinometer")
    assert err is not None
    assert (err.source, err.scope, err.smallest_real_change) == (
        "hancock-2018",
        "instrument",
        6.0,
    )


# --- Hip abduction strength: no error figure stored ---------------------------------------


@pytest.mark.parametrize("code", ["hip.abduction.strength", "hip.abduction.force"])
def test_hip_abduction_strength_has_no_error_figure(code: str) -> None:
    """Brindle (J Sport Rehabil 27(3): eccentric, in %BWh, which needs height) and Denton
    2014 (isometric, six muscle groups' range in Nm/kg) were read and not stored: left-right
    differences and changes of hip abduction strength stay described, not judged against an
    error."""
    measure = CAT[code]
    assert measure.errors == ()
    assert measure.error_for("hhd") is None


def test_hip_abduction_strength_names_the_sources_read_and_why_not_stored() -> None:
    measure = CAT["hip.abduction.strength"]
    assert {"brindle-jsr", "denton-2014"} <= set(measure.sources)
    assert "%BWh" in CAT.source("brindle-jsr").note and "height" in CAT.source("brindle-jsr").note
    assert "isometric" in CAT.source("denton-2014").note
