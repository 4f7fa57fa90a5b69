"""Worked runner cases: a runner's values, the published figure each rule rests on, and the
flags and wording an experienced sports physical therapist expects.

Each case names its figure and source (the catalogue holds the same number with its source):
the point is that the clinical reasoning, not only the arithmetic, is right.
"""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.interpretation import (
    AssessmentInterpretation,
    Interpretation,
    glance,
    interpret_assessment,
)
from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
    ClientHistory,
    ClientRecord,
    FindingRecord,
    MeasurementRecord,
)

V1 = date(2026, 3, 2)
V2 = date(2026, 4, 13)

Value = tuple[str, str, str, float]


def runner(sex: str = "female", born: date | None = date(1996, 5, 1)) -> ClientRecord:
    return ClientRecord(1, "SYN-W1", "Testa", "Runnerton", born, sex)  # type: ignore[arg-type]


def visit(
    ident: int,
    when: date,
    *values: Value,
    pain: tuple[str, ...] = (),
    rater: str = "",
    position: str = "",
    findings: tuple[FindingRecord, ...] = (),
    instrument: str = "",
) -> AssessmentRecord:
    return AssessmentRecord(
        id=ident,
        client_id=1,
        date=when,
        kind="initial" if ident == 1 else "reassessment",
        status="signed",
        measurements=tuple(
            MeasurementRecord(
                c,  # type: ignore[arg-type]
                s,  # type: ignore[arg-type]
                m,  # type: ignore[arg-type]
                v,
                pain=c in pain,
                rater=rater,
                position=position,
                instrument=instrument,
            )
            for c, s, m, v in values
        ),
        findings=findings,
    )


def read(client: ClientRecord, *visits: AssessmentRecord) -> AssessmentInterpretation:
    return interpret_assessment(ClientHistory(client, visits), catalogue=default_catalogue())


def row(result: AssessmentInterpretation, code: str, side: str, mode: str) -> Interpretation:
    found = result.row(code, side, mode)  # type: ignore[arg-type]
    assert found is not None, (code, side, mode)
    return found


# --- Control vs length ----------------------------------------------------------------------


def test_hip_extension_control_deficit() -> None:
    """Active 10°, passive 26° prone hip extension: passive range is there, active is not.
    Gap 16° > 4° (Boone 1978, one tester): a control deficit, not a flexibility limit; no
    "less movement" for the active reading."""
    result = read(
        runner("male"),
        visit(
            1, V1, ("hip.extension", "left", "active", 10), ("hip.extension", "left", "passive", 26)
        ),
    )
    active = row(result, "hip.extension", "left", "active")
    assert "control_deficit" in active.flags
    assert "below_norm" not in active.flags
    assert active.norm.flag in ("not_judged", "no_norm")
    assert active.gap is not None and active.gap.gap == 16 and active.gap.error == 4.0
    assert any("instrument estimate, boone-1978" in r for r in active.reasons)
    assert "below_norm" not in row(result, "hip.extension", "left", "passive").flags


def test_the_issue_case_hip_extension_8_of_20_is_a_control_deficit() -> None:
    """The case that went wrong: active 8°, passive 20°. The gap of 12° is beyond the 4°
    error, so a control deficit; the passive 20° is judged (against the AAOS reference 30°,
    no spread published) on its own row, the active reading never against the norm."""
    result = read(
        runner("male"),
        visit(
            1, V1, ("hip.extension", "left", "active", 8), ("hip.extension", "left", "passive", 20)
        ),
    )
    active = row(result, "hip.extension", "left", "active")
    assert "control_deficit" in active.flags and "below_norm" not in active.flags
    passive = row(result, "hip.extension", "left", "passive")
    assert "below_norm" not in passive.flags and passive.norm.flag == "no_norm"


def test_a_short_active_range_with_a_normal_passive_one_is_never_below_norm() -> None:
    """Hip IR, woman 30: active 30°, passive 48° (the runners' mean 45.99°). The active range
    is under the usual range but is not "less movement than usual": its gap of 18° beyond the
    8.6° error is a control deficit."""
    result = read(
        runner("female"),
        visit(
            1,
            V1,
            ("hip.internal_rotation", "left", "active", 28),
            ("hip.internal_rotation", "left", "passive", 48),
        ),
    )
    active = row(result, "hip.internal_rotation", "left", "active")
    assert active.norm.flag == "not_judged"
    assert "control_deficit" in active.flags and "below_norm" not in active.flags


def test_pure_flexibility_limit_at_the_hip() -> None:
    """Woman, 30: hip IR active 22°, passive 24°. Passive is under the usual range for women
    (45.99 ± 9.12°, prone; lower end 31.0° at z 1.645) and 22° beyond the 8.6° error (Gradoz
    2018); active matches passive (gap 2°): a length or joint limit."""
    result = read(
        runner("female"),
        visit(
            1,
            V1,
            ("hip.internal_rotation", "right", "active", 22),
            ("hip.internal_rotation", "right", "passive", 24),
        ),
    )
    passive = row(result, "hip.internal_rotation", "right", "passive")
    assert "below_norm" in passive.flags
    assert passive.norm.low == pytest.approx(45.99 - 1.645 * 9.12)
    active = row(result, "hip.internal_rotation", "right", "active")
    assert "control_deficit" not in active.flags
    assert active.gap is not None and not active.gap.control_deficit
    assert "active range matches passive" in active.gap.reason


def test_gap_within_the_error_is_not_a_control_deficit() -> None:
    """Hip IR active 30°, passive 36°: 6° is within the 8.6° error (Gradoz 2018)."""
    result = read(
        runner("female"),
        visit(
            1,
            V1,
            ("hip.internal_rotation", "left", "active", 30),
            ("hip.internal_rotation", "left", "passive", 36),
        ),
    )
    assert "control_deficit" not in row(result, "hip.internal_rotation", "left", "active").flags


def test_hypermobile_runner() -> None:
    """Woman, 25, passive hip IR 65°: over the usual range (upper end 61.0°) and 19° beyond
    the mean: above norm, so stretching is not what she needs."""
    result = read(
        runner("female", date(2001, 1, 1)),
        visit(1, V1, ("hip.internal_rotation", "left", "passive", 65)),
    )
    passive = row(result, "hip.internal_rotation", "left", "passive")
    assert "above_norm" in passive.flags
    assert "above norm" in passive.norm.reason


def test_an_active_reading_alone_says_it_is_judged_against_a_passive_norm() -> None:
    result = read(runner("female"), visit(1, V1, ("hip.internal_rotation", "left", "active", 25)))
    active = row(result, "hip.internal_rotation", "left", "active")
    assert "below_norm" in active.flags
    assert "an active reading against a norm of passive range" in active.norm.reason


def test_painful_test_is_flagged_with_its_reason() -> None:
    result = read(
        runner(),
        visit(1, V1, ("knee.flexion", "left", "passive", 120), pain=("knee.flexion",)),
    )
    knee = row(result, "knee.flexion", "left", "passive")
    assert "pain" in knee.flags
    assert any("pain reported during the test" in r for r in knee.reasons)
    assert any(line.flag == "pain" for line in glance(result))


# --- Side to side ---------------------------------------------------------------------------


@pytest.mark.parametrize(("left", "asymmetric"), [(30, True), (37, False)])
def test_hip_abduction_asymmetry_against_the_goniometer_error(
    left: float, asymmetric: bool
) -> None:
    """No published hip-abduction threshold: the difference must exceed the goniometer's
    4° (Boone 1978) to be an asymmetry; 3° is noise."""
    result = read(
        runner(),
        visit(
            1,
            V1,
            ("hip.abduction", "left", "active", left),
            ("hip.abduction", "right", "active", 40),
        ),
    )
    assert ("asymmetry" in row(result, "hip.abduction", "left", "active").flags) is asymmetric


# --- Change: beyond error vs clinically important -------------------------------------------


def test_change_inside_the_mdc_is_not_improvement() -> None:
    """Knee-to-wall 10 → 11.5 cm: 1.5 cm is within the 1.9 cm within-clinician MDC (Powden
    2015)."""
    before = visit(1, V1, ("wblt.distance", "left", "none", 10))
    after = visit(2, V2, ("wblt.distance", "left", "none", 11.5))
    now = row(read(runner(), before, after), "wblt.distance", "left", "none")
    assert now.change.verdict == "unchanged"
    assert now.change.beyond_error is False
    assert "improved" not in now.flags


def test_change_beyond_the_mdc_is_improvement() -> None:
    before = visit(1, V1, ("wblt.distance", "left", "none", 8))
    after = visit(2, V2, ("wblt.distance", "left", "none", 11))
    now = row(read(runner(), before, after), "wblt.distance", "left", "none")
    assert now.change.verdict == "improved"
    assert now.change.beyond_error is True
    assert now.change.important is None  # no MCID published for the lunge
    assert "improved" in now.flags and "clinically_important" not in now.flags


def test_nprs_4_to_2_reaches_the_mcid_size_but_not_beyond_the_error() -> None:
    """NPRS 4 → 2: 2 points (50%), the size of Farrar 2001's 2 points or 30%, but not more
    than the 2-point MDC (Childs 2005). Catalogue 2026.7 (the lead's rule): clinically
    important only beyond the error, so unchanged (it was "improved, clinically important");
    the reason says why."""
    before = visit(1, V1, ("nprs", "none", "none", 4))
    after = visit(2, V2, ("nprs", "none", "none", 2))
    now = row(read(runner(), before, after), "nprs", "none", "none")
    assert now.change.verdict == "unchanged"
    assert now.change.important is False and now.change.beyond_error is False
    assert not {"improved", "clinically_important"} & set(now.flags)
    reason = now.change.reason
    assert (
        "the 2 or 30% clinically important difference (farrar-2001) counts only beyond the "
        "measurement error" in reason
    )
    # A change of exactly the 2-point MDC is not beyond it, nor "within" it: at it.
    assert "at the 2 points measurement error (childs-2005), not beyond it" in reason
    assert "within" not in reason


def test_nprs_5_to_2_is_beyond_the_error_and_clinically_important() -> None:
    """NPRS 5 → 2: 3 points (60%), beyond Childs 2005's 2 points and reaching Farrar's 2
    points or 30%: improved, clinically important, both said."""
    before = visit(1, V1, ("nprs", "none", "none", 5))
    after = visit(2, V2, ("nprs", "none", "none", 2))
    now = row(read(runner(), before, after), "nprs", "none", "none")
    assert now.change.verdict == "improved" and now.change.important is True
    assert {"improved", "clinically_important"} <= set(now.flags)
    assert "reaches the 2 or 30% clinically important difference (farrar-2001)" in (
        now.change.reason
    )


def test_nprs_30_percent_does_not_count_from_a_low_baseline() -> None:
    """NPRS 3 → 2: one point is 33%, over Farrar's 30%, but the percentage is not applied
    from a pain of 3 or less (catalogue 2026.7; it was "clinically important" before), and
    the point is within the 2-point error: unchanged."""
    before = visit(1, V1, ("nprs", "none", "none", 3))
    after = visit(2, V2, ("nprs", "none", "none", 2))
    now = row(read(runner(), before, after), "nprs", "none", "none")
    assert now.change.important is False and now.change.verdict == "unchanged"
    assert "down 1 point (33%)" in now.change.reason
    assert "short of the 2 points clinically important difference" in now.change.reason


def test_nprs_one_point_from_eight_is_unchanged() -> None:
    before = visit(1, V1, ("nprs", "none", "none", 8))
    after = visit(2, V2, ("nprs", "none", "none", 7))
    now = row(read(runner(), before, after), "nprs", "none", "none")
    assert now.change.verdict == "unchanged" and now.change.important is False


def test_lefs_plus_9_is_at_the_error_and_not_yet_clinically_important() -> None:
    """LEFS 60 → 69: +9 is the size of Binkley 1999's MCID of 9 but equals, not exceeds, the
    9-point MDC: not clinically important (catalogue 2026.7, was "improved, clinically
    important"); 60 → 70 is."""
    before = visit(1, V1, ("lefs.total", "none", "none", 60))
    after = visit(2, V2, ("lefs.total", "none", "none", 69))
    now = row(read(runner(), before, after), "lefs.total", "none", "none")
    assert now.change.verdict == "unchanged" and now.change.important is False
    assert "clinically_important" not in now.flags
    beyond = row(
        read(runner(), before, visit(2, V2, ("lefs.total", "none", "none", 70))),
        "lefs.total",
        "none",
        "none",
    )
    assert beyond.change.verdict == "improved" and beyond.change.important is True
    assert "clinically_important" in beyond.flags


def test_nprs_2_to_3_a_rise_of_50_percent_is_not_clinically_important() -> None:
    """NPRS 2 → 3 (the review's DEMO-0002): up 1 point, 50%. Farrar 2001 (Pain 94:149) found
    "a reduction of approximately two points or a reduction of approximately 30%": a rise is
    judged by the 2 points alone, and 1 point is inside Childs 2005's 2-point MDC. Unchanged:
    neither the report nor the handout may call it worse."""
    before = visit(1, V1, ("nprs", "none", "none", 2))
    after = visit(2, V2, ("nprs", "none", "none", 3))
    result = read(runner(), before, after)
    now = row(result, "nprs", "none", "none")
    assert now.change.verdict == "unchanged"
    assert now.change.important is False and now.change.beyond_error is False
    assert not {"worse", "clinically_important"} & set(now.flags)
    # A rise is judged by the points only: the 30% is not said (it was "2 or 30%").
    assert "short of the 2 points clinically important difference" in now.change.reason
    assert not [g for g in glance(result) if g.code == "nprs" and g.flag == "worse"]


def test_nprs_3_to_2_a_fall_of_a_third_is_not_called_improved() -> None:
    """NPRS 3 → 2 (DEMO-0008): down 1 point, 33%, inside the 2-point MDC, and from a pain of
    3 Farrar's 30% is not applied (catalogue 2026.7; it was "improved, clinically
    important, within the error"): unchanged."""
    before = visit(1, V1, ("nprs", "none", "none", 3))
    after = visit(2, V2, ("nprs", "none", "none", 2))
    now = row(read(runner(), before, after), "nprs", "none", "none")
    assert now.change.verdict == "unchanged" and now.change.important is False
    assert "within the 2 points measurement error (childs-2005)" in now.change.reason


def test_nprs_2_to_4_a_rise_at_the_error_is_not_called_worse() -> None:
    """NPRS 2 → 4: a rise of Farrar's 2 points, at (not beyond) the 2-point MDC: the same
    rule as a fall (catalogue 2026.7; it was "worse, clinically important"): unchanged;
    2 → 5 is worse and clinically important."""
    before = visit(1, V1, ("nprs", "none", "none", 2))
    after = visit(2, V2, ("nprs", "none", "none", 4))
    now = row(read(runner(), before, after), "nprs", "none", "none")
    assert now.change.verdict == "unchanged" and now.change.important is False
    assert now.change.at_error
    assert "at the 2 points measurement error (childs-2005), not beyond it" in now.change.reason
    worse = visit(2, V2, ("nprs", "none", "none", 5))
    later = row(read(runner(), before, worse), "nprs", "none", "none")
    assert later.change.verdict == "worse" and later.change.important is True


@pytest.mark.parametrize("lang", ["en", "es"])
def test_lefs_72_to_63_is_at_the_error_and_not_called_worse(lang: str) -> None:
    """LEFS 72 → 63 (DEMO-0002): 9 points, Binkley 1999's MDC and MCID are both 9. Not more
    than the MDC, not within it either: "at the measurement error (9 points)". It was called
    "worse, clinically important"; catalogue 2026.7 (the lead's rule): a change is worse and
    clinically important only beyond the error, so unchanged, and no "what changed" line.
    Both languages say the boundary truly."""
    from mobileathlete_desktop.domain.interpretation import change_sentence

    before = visit(1, V1, ("lefs.total", "none", "none", 72))
    after = visit(2, V2, ("lefs.total", "none", "none", 63))
    now = row(read(runner(), before, after), "lefs.total", "none", "none")
    assert now.change.verdict == "unchanged" and now.change.important is False
    assert now.change.beyond_error is False and now.change.at_error
    assert change_sentence(now, lang, default_catalogue()) is None
    assert "at the 9 points measurement error (binkley-1999), not beyond it" in (now.change.reason)
    assert now.change.reason.endswith(": unchanged.")
    assert "within" not in now.change.reason


def test_psfs_change_judged_by_its_error_then_its_mcid() -> None:
    """PSFS 4.0 → 5.3: +1.3 is beyond the 1.1 error (Thoomes 2023, catalogue 2026.8) and
    reaches the minimum important difference (Abbott & Schmitt 2014)."""
    before = visit(1, V1, ("psfs.average", "none", "none", 4.0))
    after = visit(2, V2, ("psfs.average", "none", "none", 5.3))
    now = row(read(runner(), before, after), "psfs.average", "none", "none")
    assert now.change.verdict == "improved"
    assert now.change.important is True and now.change.beyond_error is True


@pytest.mark.parametrize(("rater", "verdict"), [("", "improved"), ("other", "unchanged")])
def test_a_change_between_raters_needs_the_larger_error(rater: str, verdict: str) -> None:
    """Hip abduction 30 → 35°: 5° is beyond one tester's 4° but not two testers' 6° (Boone)."""
    before = AssessmentRecord(
        1, 1, V1, "initial", "signed",
        measurements=(MeasurementRecord("hip.abduction", "left", "active", 30, rater="ana"),),
    )  # fmt: skip
    after = AssessmentRecord(
        2, 1, V2, "reassessment", "signed",
        measurements=(
            MeasurementRecord("hip.abduction", "left", "active", 35, rater=rater or "ana"),
        ),
    )  # fmt: skip
    now = row(read(runner(), before, after), "hip.abduction", "left", "active")
    assert now.change.verdict == verdict


# --- Age, sex and population ----------------------------------------------------------------


def test_older_woman_is_not_judged_against_young_runners() -> None:
    """Woman aged 62, hip IR 30°: the college runners' norm (ages 16-40) and the prone means
    of Kouyoumdjian 2012 (20-60) do not cover her, and no verified source does: the reason
    says so instead of borrowing a young norm (or the AAOS 45°, which flagged most hips)."""
    result = read(
        runner("female", date(1964, 1, 10)),
        visit(1, V1, ("hip.internal_rotation", "left", "passive", 30)),
    )
    passive = row(result, "hip.internal_rotation", "left", "passive")
    assert passive.norm.flag == "no_norm"
    assert "no norm for age 62" in passive.norm.reason
    assert "16–40" in passive.norm.reason and "20–60" in passive.norm.reason
    assert "below_norm" not in passive.flags


def test_woman_of_50_is_judged_against_adult_means_not_runners_aged_18_to_21() -> None:
    """At 50 the runners' sex-specific norm no longer applies; Kouyoumdjian 2012's adult
    prone mean (35.2°, no SD: the reference-value convention) does."""
    result = read(
        runner("female", date(1976, 1, 10)),
        visit(1, V1, ("hip.internal_rotation", "left", "passive", 30)),
    )
    passive = row(result, "hip.internal_rotation", "left", "passive")
    assert passive.norm.norm is not None and passive.norm.norm.source == "kouyoumdjian-2012"
    assert passive.norm.flag == "within"  # 85%, short by 5.2°: within the 8.6° error


def test_adolescent_has_own_lunge_norm_and_no_adult_rom_norm() -> None:
    """15-year-old: knee-to-wall 6 cm against adolescents' 10.68 ± 2.44 cm (Adillon 2022):
    below; hip IR has no norm for 15 and says so rather than borrowing an adult one."""
    result = read(
        runner("male", date(2011, 1, 1)),
        visit(
            1,
            V1,
            ("wblt.distance", "left", "none", 6),
            ("hip.internal_rotation", "left", "passive", 30),
        ),
    )
    lunge = row(result, "wblt.distance", "left", "none")
    assert "below_norm" in lunge.flags
    assert lunge.norm.norm is not None and lunge.norm.norm.source == "adillon-2022"
    hip = row(result, "hip.internal_rotation", "left", "passive")
    assert hip.norm.flag == "no_norm" and "no norm for age 15" in hip.norm.reason


@pytest.mark.parametrize("angle", [40, 30])
def test_weight_bearing_lunge_angle(angle: float) -> None:
    """Lunge angle against Calatayud 2015 (40.6 ± 5.2°, goniometer; 26 male university
    students, a documented fallback for adult runners of either sex): 40° is no longer
    "above norm" against a non-weight-bearing 20°, and 30° is not "below": a fallback is
    shown as context only ("reference for 26 healthy male university students: 40.6° ±
    5.2°"), never a verdict."""
    result = read(
        runner(), visit(1, V1, ("ankle.dorsiflexion.weight_bearing", "left", "active", angle))
    )
    lunge = row(result, "ankle.dorsiflexion.weight_bearing", "left", "active")
    assert lunge.norm.flag == "not_judged"
    assert not {"below_norm", "above_norm"} & set(lunge.flags)
    assert "reference for 26 healthy male university students: 40.6° ± 5.2°" in lunge.reasons[0]
    assert "no verified reference for this group" in lunge.reasons[0]


def test_a_lunge_angle_recorded_under_the_old_code_is_read_as_weight_bearing() -> None:
    result = read(
        runner(),
        visit(
            1,
            V1,
            ("ankle.dorsiflexion.knee_flexed", "left", "active", 40),
            position="Weight-bearing lunge",
        ),
    )
    assert result.row("ankle.dorsiflexion.knee_flexed", "left", "active") is None
    lunge = row(result, "ankle.dorsiflexion.weight_bearing", "left", "active")
    assert lunge.norm.norm is not None and lunge.norm.norm.source == "calatayud-2015"
    assert "above_norm" not in lunge.flags


# --- Motor control --------------------------------------------------------------------------


def test_single_leg_squat_with_valgus_and_pelvic_drop_is_a_finding() -> None:
    """A poor single-leg squat with knee valgus and pelvic drop (Crossley 2011) is a finding
    whose fault codes travel to the drills."""
    result = read(
        runner(),
        visit(
            1,
            V1,
            findings=(
                FindingRecord("sls", "left", ("knee_valgus", "pelvic_drop"), rating="poor"),
                FindingRecord("sls", "right", (), rating="good"),
            ),
        ),
    )
    squat = row(result, "sls", "left", "none")
    assert "faults" in squat.flags
    assert squat.faults == ("knee_valgus", "pelvic_drop")
    assert any("knee valgus" in r and "crossley-2011" in r for r in squat.reasons)
    line = next(g for g in glance(result) if g.flag == "faults")
    assert line.faults == ("knee_valgus", "pelvic_drop")
    assert "faults" not in row(result, "sls", "right", "none").flags


def test_fms_asymmetry_is_flagged_on_the_test_row() -> None:
    """Hurdle step left 1, right 2: an FMS asymmetry on the left hurdle-step row (Cook 2006)."""
    result = read(
        runner(),
        visit(
            1, V1, ("fms.hurdle_step", "left", "none", 1), ("fms.hurdle_step", "right", "none", 2)
        ),
    )
    left = row(result, "fms.hurdle_step", "left", "none")
    assert "asymmetry" in left.flags
    assert any("an FMS asymmetry" in r and "{" not in r for r in left.reasons)
    assert "asymmetry" not in row(result, "fms.hurdle_step", "right", "none").flags


def test_painful_clearing_test_is_a_pain_finding() -> None:
    result = read(runner(), visit(1, V1, ("fms.clear.spinal_extension", "none", "none", 1)))
    clearing = row(result, "fms.clear.spinal_extension", "none", "none")
    assert "pain" in clearing.flags
    assert any("scores 0" in r for r in clearing.reasons)


# --- Reference points, never risks ----------------------------------------------------------


def test_ybalance_composite_below_the_reference_point() -> None:
    """Reaches 60/80/75 cm, limb 90 cm: composite 79.6%, under the 94% of Plisky 2006 (girls'
    basketball, Star Excursion test; no ages in the abstract). Catalogue 2026.7: a cut-off
    from one injury cohort is applied only to a runner of its group (this runner is not
    shown to be one) and is never a finding (it was flagged "cutoff", worded as no risk)."""
    result = read(
        runner(),
        visit(
            1,
            V1,
            ("ybalance.anterior", "left", "none", 60),
            ("ybalance.posteromedial", "left", "none", 80),
            ("ybalance.posterolateral", "left", "none", 75),
            ("limb.length", "left", "none", 90),
        ),
    )
    composite = row(result, "ybalance.composite", "left", "none")
    assert composite.value == pytest.approx(79.6)
    assert "cutoff" not in composite.flags
    text = " ".join(composite.reasons)
    assert "plisky-2006" not in text and "injury" not in text.lower()


FMS_14: tuple[Value, ...] = (
    ("fms.deep_squat", "none", "none", 2),
    ("fms.trunk_stability_pushup", "none", "none", 2),
    *(
        (code, side, "none", 2)
        for code in (
            "fms.hurdle_step",
            "fms.inline_lunge",
            "fms.shoulder_mobility",
            "fms.aslr",
            "fms.rotary_stability",
        )
        for side in ("left", "right")
    ),
)


def test_fms_total_of_14_is_no_finding_against_kiesels_cut_off() -> None:
    result = read(runner(), visit(1, V1, *FMS_14))
    total = row(result, "fms.total", "none", "none")
    assert total.value == 14
    # Kiesel 2007's one professional team: no group stored, so not applied, and an injury
    # cohort's cut-off is never a finding (catalogue 2026.7; it was flagged "cutoff").
    assert "cutoff" not in total.flags
    assert "kiesel" not in " ".join(total.reasons)


def test_editor_and_report_score_the_fms_alike() -> None:
    """One scorer: with a bilateral test scored on one side only, neither the editor's live
    score nor the report gives a total (it used to be none in the editor, 14 in the report)."""
    from mobileathlete_desktop.domain.scoring import fms_scores, fms_total

    cat = default_catalogue()
    bilateral = {m.code: m.bilateral for m in cat if m.code.startswith("fms.")}
    one_side = tuple(v for v in FMS_14 if not (v[0] == "fms.aslr" and v[1] == "right"))
    for values, expected in ((FMS_14, 14), (one_side, None)):
        record = visit(1, V1, *values)
        live = fms_total(fms_scores(record, bilateral))
        report = read(runner(), record).row("fms.total")
        assert live == expected
        assert (report.value if report else None) == expected


# --- Norms do not lie at band edges ---------------------------------------------------------


@pytest.mark.parametrize("sex", ["female", "male"])
@pytest.mark.parametrize("m", default_catalogue().by_kind("rom"), ids=lambda m: m.code)
def test_no_flip_between_below_and_above_at_an_age_band_edge(sex: str, m: object) -> None:
    """A fixed value is never "below" at one age and "above" a year later (or the reverse)."""
    from mobileathlete_desktop.domain.catalogue import Measure
    from mobileathlete_desktop.domain.interpretation import compare_with_norm

    assert isinstance(m, Measure)
    means = sorted({n.mean for n in m.norms})
    for value in {v for mean in means for v in (mean * 0.6, mean, mean * 1.4, mean + 20)}:
        previous = None
        for age in range(11, 90):
            flag = compare_with_norm(m, value, sex, age, "passive").flag
            if previous is not None:
                assert {previous, flag} != {"below", "above"}, (m.code, value, age)
            if flag in ("below", "above", "within"):
                previous = flag


# --- Signed angles: a difference from the norm, never a percentage of it ----------------------


def test_a_thomas_angle_of_minus_5_is_not_minus_47_percent_of_the_norm() -> None:
    """Thomas test −5° (thigh above the table) against Ferber 2010's 10.6 ± 9.61°: a signed
    angle's zero is the table top, not "no hip extension", so "−47% of the norm" means
    nothing. The reading is 15.6° short of the norm, and that is what is said."""
    result = read(runner(), visit(1, V1, ("thomas.hip_extension", "left", "passive", -5)))
    thomas = row(result, "thomas.hip_extension", "left", "passive")
    assert thomas.norm.percent_of_norm is None
    assert thomas.norm.flag == "within"  # inside the usual range 10.6 ± 1.645 × 9.61
    assert any("-15.6° from the norm 10.6°" in r for r in thomas.reasons)
    assert not any("%" in r for r in thomas.reasons)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_tight_hip_flexor_is_said_in_degrees_from_the_norm(lang: str) -> None:
    """Thomas −8° by inclinometer (as Ferber 2010 measured): below Ferber's usual range (down
    to −5.2°) by more than the inclinometer's 6°: below norm, said as 18.6° short of the norm
    in both languages, with no percentage."""
    from mobileathlete_desktop.domain.interpretation import highlights

    result = read(
        runner(),
        visit(1, V1, ("thomas.hip_extension", "left", "passive", -8), instrument="inclinometer"),
    )
    assert row(result, "thomas.hip_extension", "left", "passive").norm.flag == "below"
    lines = [g for g in glance(result, lang) if g.code == "thomas.hip_extension"]
    assert lines and "\u221218.6°" in lines[0].text and "%" not in lines[0].text
    found = [h.text for h in highlights(result, lang) if "Thomas" in h.text]
    assert found and not any("%" in text for text in found)


def test_a_thomas_angle_by_goniometer_is_judged_against_its_own_large_error() -> None:
    """The same −8° by goniometer: Peeler 2007 found an SEM of 11° for the goniometer Thomas
    angle (ICC 0.52), so the smallest real difference is 11 × 1.96 × √2 = 30.5°, not the
    goniometer's general 4°. 18.6° short of Ferber's norm is within that error: not called
    below norm."""
    result = read(runner(), visit(1, V1, ("thomas.hip_extension", "left", "passive", -8)))
    thomas = row(result, "thomas.hip_extension", "left", "passive")
    assert thomas.norm.flag == "within"
    assert "below_norm" not in thomas.flags
    assert thomas.norm.error == pytest.approx(30.49, abs=0.01)


@pytest.mark.parametrize(("value", "flag"), [(60, "within"), (55, "below"), (70, "within")])
def test_a_signed_reference_value_without_spread_keeps_its_band(value: float, flag: str) -> None:
    """First MTP extension (AAOS 70°, no spread): judged as before, by the clinic's 90–110%
    band widened to the short-arm goniometer's 14° (below under 56°), but no percentage is
    shown for a signed angle."""
    result = read(runner(), visit(1, V1, ("hallux.extension", "left", "passive", value)))
    hallux = row(result, "hallux.extension", "left", "passive")
    assert hallux.norm.percent_of_norm is None
    assert hallux.norm.flag == flag


def test_an_old_pain_mark_on_limb_length_is_no_finding() -> None:
    """A length cannot hurt (catalogue body_measure): a mark stored before the check is not
    read as a painful test, so no drill is spared and no handout says it."""
    now = visit(1, V1, ("limb.length", "left", "none", 91), pain=("limb.length",))
    result = read(runner(), now)
    assert "pain" not in row(result, "limb.length", "left", "none").flags
    assert not [g for g in glance(result) if g.code == "limb.length"]
