"""Worked runner cases end to end: recorded values → the real interpretation
(interpret_assessment, glance) → the recommender's findings (observations_from_glance, as the
program service builds them) → the drills of the shipped library.

Each case names the published figure the interpretation rests on; the point is that the drill
a physical therapist would give follows from what was recorded, with nothing faked in between.
"""

from __future__ import annotations

import pytest

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.interpretation import glance
from mobileathlete_desktop.domain.recommendations import (
    Observation,
    Plan,
    observations_from_glance,
    plan,
    purpose,
)
from mobileathlete_desktop.domain.records import AssessmentRecord, FindingRecord
from tests.domain.test_recommendations import BY_CODE, DRILLS
from tests.domain.test_worked_cases import FMS_14, V1, read, runner, visit

CATALOGUE = default_catalogue()


def region_of(code: str) -> str:
    measure = CATALOGUE.get(code)
    return measure.region if measure else ""


def findings_of(record: AssessmentRecord) -> list[Observation]:
    return observations_from_glance(glance(read(runner(), record)), region_of)


def program_for(record: AssessmentRecord, lang: str = "en") -> tuple[list[Observation], Plan]:
    found = findings_of(record)
    return found, plan(found, DRILLS, lang=lang)


def chosen(result: Plan) -> list[str]:
    return [r.exercise_code for r in result.recommendations]


def test_poor_single_leg_squat_with_valgus_and_pelvic_drop_gets_hip_and_knee_control() -> None:
    """A poor single-leg squat (Crossley 2011 rating) with the knee drifting in and the pelvis
    dropping: the interpretation's fault flag carries both faults to the drills, which retrain
    the squat and the hip abductors; the good right side asks for nothing."""
    found, result = program_for(
        visit(
            1,
            V1,
            findings=(
                FindingRecord("sls", "left", ("knee_valgus", "pelvic_drop"), rating="poor"),
                FindingRecord("sls", "right", (), rating="good"),
            ),
        )
    )
    (squat,) = found
    assert (squat.code, squat.side, squat.flags) == ("sls", "left", {"faults"})
    assert squat.faults == ("knee_valgus", "pelvic_drop")
    assert squat.region == "lower_limb"
    codes = chosen(result)
    assert not result.maintenance and not result.unanswered
    assert len(codes) == 3
    assert BY_CODE[codes[0]].aims_at("sls")
    assert any(BY_CODE[c].aims_at("hip.abduction") for c in codes)
    for code in codes:
        drill = BY_CODE[code]
        assert drill.targets & {"fault:knee_valgus", "fault:pelvic_drop"}, code
        assert "hip" in drill.regions and not drill.is_static_stretch, code
    assert result.recommendations[0].reason.endswith("(knee drifting inward, pelvis dropping)")
    # Asked for a Spanish handout, the reason stays the therapist's, in English.
    spanish = plan(found, DRILLS, lang="es").recommendations[0].reason
    assert spanish == result.recommendations[0].reason


def test_ybalance_composite_under_94_percent_alone_chooses_no_drill() -> None:
    """Reaches 60/80/75 cm with a 90 cm limb: composite 79.6%, under the 94% of Plisky 2006 (a
    cut-off that went with injury in one cohort of girls whose ages the abstract does not
    give): not applied to this runner and never a finding (catalogue 2026.7; it was a
    "cutoff" observation before), so it chooses no drill and no drill's reason reads as a
    risk; the general program stands in."""
    found, result = program_for(
        visit(
            1,
            V1,
            ("ybalance.anterior", "left", "none", 60),
            ("ybalance.posteromedial", "left", "none", 80),
            ("ybalance.posterolateral", "left", "none", 75),
            ("limb.length", "left", "none", 90),
        )
    )
    assert not [o for o in found if o.code == "ybalance.composite"]
    assert result.maintenance and not result.unanswered
    reasons = " ".join(r.reason for r in result.recommendations)
    assert "94" not in reasons and "79.6" not in reasons
    assert "injury" not in reasons.lower() and "risk" not in reasons.lower()


def test_a_12_cm_anterior_reach_asymmetry_gets_reach_and_balance_drills_for_the_reach() -> None:
    """Left anterior reach 60 cm, right 72 cm (90 cm limbs): the 12 cm difference is beyond the
    reach's measurement error (SEM 3.1 cm, Shaffer 2013: MDC95 about 8.6 cm). The drills come
    from that component, the reach drill first, then balance; the composites (79.6% and 85.2%,
    under 94%) are no reason for any drill."""
    found, result = program_for(
        visit(
            1,
            V1,
            ("ybalance.anterior", "left", "none", 60),
            ("ybalance.anterior", "right", "none", 72),
            ("ybalance.posteromedial", "left", "none", 80),
            ("ybalance.posteromedial", "right", "none", 82),
            ("ybalance.posterolateral", "left", "none", 75),
            ("ybalance.posterolateral", "right", "none", 76),
            ("limb.length", "left", "none", 90),
            ("limb.length", "right", "none", 90),
        )
    )
    # The composites under Plisky's 94% are no finding at all (catalogue 2026.7).
    assert not [o for o in found if "cutoff" in o.flags]
    codes = chosen(result)
    assert codes[0] == "control.single_leg_reach"
    for code in codes:
        assert "deficit:balance" in BY_CODE[code].targets, code
    for rec in result.recommendations:
        assert rec.reason.startswith("Left Y-Balance anterior reach 60 cm, 12 cm less than right")
        assert rec.reason.endswith(": single-leg balance and reach")
        assert "composite" not in rec.reason


@pytest.mark.parametrize(
    ("code", "position"),
    [
        ("ankle.dorsiflexion.weight_bearing", ""),
        # Recorded under the old code before catalogue 2026.2: read as weight-bearing.
        ("ankle.dorsiflexion.knee_flexed", "Weight-bearing lunge"),
    ],
)
def test_weight_bearing_lunge_angle_of_30_degrees_gets_ankle_mobility(
    code: str, position: str
) -> None:
    """A lunge angle of 30° left against 40° right: 10° less than the other side, beyond the
    goniometer's 7.7° error (Konor 2012): knee-bent ankle mobility (knee over toes) first,
    then a soleus stretch. Calatayud 2015's 40.6 ± 5.2° (male students, a fallback for this
    runner) is context only and chooses nothing."""
    found, result = program_for(
        visit(
            1,
            V1,
            (code, "left", "active", 30),
            (code, "right", "active", 40),
            position=position,
        )
    )
    (lunge,) = found
    assert lunge.code == "ankle.dorsiflexion.weight_bearing" and "asymmetry" in lunge.flags
    assert "below_norm" not in lunge.flags
    codes = chosen(result)
    assert codes == ["mobility.knee_to_wall_rock", "stretch.soleus_wall"]
    for code_ in codes:
        assert BY_CODE[code_].aims_at("ankle.dorsiflexion.weight_bearing")
    assert result.recommendations[0].reason.endswith(": ankle mobility in a lunge (knee over toes)")
    assert purpose(lunge, "es") == "movilidad del tobillo en zancada (rodilla sobre los dedos)"


def test_a_lunge_angle_against_a_fallback_norm_alone_chooses_no_drill() -> None:
    """A lunge angle of 30° on one side only, against Calatayud 2015's 40.6 ± 5.2° measured in
    26 male university students (a documented fallback for this runner): no verdict, so no
    finding: the program is the general maintenance one, no drill is "for" the lunge."""
    found, result = program_for(
        visit(1, V1, ("ankle.dorsiflexion.weight_bearing", "left", "active", 30))
    )
    assert found == []
    assert result.recommendations
    for rec in result.recommendations:
        assert rec.reason == "General runner maintenance: no findings need special work"


def test_tight_modified_ober_gets_outer_hip_mobility() -> None:
    """Modified Ober 5° on the right, 24° on the left: under the usual range of Ferber 2010
    (24.59 ± 7.27°, lower end 12.6°) and 19° less than the other side: outer-hip (iliotibial
    band and TFL) mobility; the normal left side asks for nothing."""
    found, result = program_for(
        visit(
            1,
            V1,
            ("ober.hip_adduction", "right", "passive", 5),
            ("ober.hip_adduction", "left", "passive", 24),
        )
    )
    (ober,) = found
    assert (ober.code, ober.side) == ("ober.hip_adduction", "right")
    assert {"below_norm", "asymmetry"} <= ober.flags
    codes = chosen(result)
    assert codes == ["mobility.standing_itb_side_reach", "mobility.leg_swing_side_to_side"]
    for code in codes:
        assert BY_CODE[code].aims_at("ober.hip_adduction") and "hip" in BY_CODE[code].regions
    assert all(
        r.reason.endswith(": outer-hip mobility (iliotibial band and TFL)")
        for r in result.recommendations
    )
    assert "banda iliotibial" in purpose(ober, "es")


def test_knee_extension_lacking_on_one_side_gets_quad_sets() -> None:
    """Right knee 12° short of straight, left straight: beyond the long-arm goniometer's 10°
    smallest real difference (Hancock 2018), an asymmetry: the quad set with the heel on a
    towel (the library had no knee-extension drill)."""
    found, result = program_for(
        visit(
            1,
            V1,
            ("knee.extension", "right", "active", -12),
            ("knee.extension", "right", "passive", -12),
            ("knee.extension", "left", "active", 0),
            ("knee.extension", "left", "passive", 0),
        )
    )
    (knee,) = found
    assert (knee.code, knee.side, knee.flags) == ("knee.extension", "right", {"asymmetry"})
    assert chosen(result) == ["control.quad_set"]
    assert result.recommendations[0].reason.endswith(": full knee extension")


def test_an_extensor_lag_is_a_control_deficit_answered_by_quad_sets() -> None:
    """Active −15°, passive 0°: the knee straightens when moved, not by the quadriceps (a gap
    beyond the 10° goniometer error, Hancock 2018): active control, never a stretch."""
    found, result = program_for(
        visit(
            1,
            V1,
            ("knee.extension", "right", "active", -15),
            ("knee.extension", "right", "passive", 0),
        )
    )
    (lag,) = found
    assert lag.flags == {"control_deficit"}
    assert chosen(result) == ["control.quad_set"]
    assert result.recommendations[0].reason.endswith(
        ": active control work (a control deficit, not a flexibility limit)"
    )


def test_painful_short_knee_bend_gets_pain_free_heel_slides() -> None:
    """Knee flexion active 118°, passive 120°, painful: passive under 90% of the AAOS 135° and
    short by more than the 10° goniometer error (Hancock 2018), the end of the bend hurting:
    the unloaded heel slide, pain-free, and no quadriceps stretch or loaded knee work."""
    found, result = program_for(
        visit(
            1,
            V1,
            ("knee.flexion", "right", "active", 118),
            ("knee.flexion", "right", "passive", 120),
            pain=("knee.flexion",),
        )
    )
    knee = next(o for o in found if o.code == "knee.flexion")
    assert {"pain", "below_norm"} <= knee.flags
    codes = chosen(result)
    assert codes == ["mobility.heel_slide"]
    for rec in result.recommendations:
        drill = BY_CODE[rec.exercise_code]
        assert not (drill.is_loaded and "knee" in drill.regions)
        if "knee" in drill.regions:
            assert rec.note.startswith("Keep it pain-free")


def test_painful_big_toe_and_hip_flexion_get_only_pain_free_control_work() -> None:
    """The demo runner's case: hallux extension passive 53° (under 90% of the AAOS 70°) and hip
    flexion passive 104° (under 90% of the AAOS 120°), both painful when tested. Big-toe rocks
    (body weight over the bent toe), leg swings (ballistic end-range hip flexion), the deep
    squat pry and the world's greatest stretch all go into a painful motion: left out. What is
    left is active control within the pain-free range: toe yoga and controlled hip circles,
    each with the pain note."""
    found, result = program_for(
        visit(
            1,
            V1,
            ("hallux.extension", "left", "active", 50),
            ("hallux.extension", "left", "passive", 53),
            ("hip.flexion", "right", "active", 100),
            ("hip.flexion", "right", "passive", 104),
            pain=("hallux.extension", "hip.flexion"),
        )
    )
    assert {(o.code, o.side) for o in found} == {
        ("hallux.extension", "left"),
        ("hip.flexion", "right"),
    }
    assert all({"below_norm", "pain"} <= o.flags for o in found)
    codes = chosen(result)
    assert sorted(codes) == ["control.toe_yoga", "mobility.hip_car"]
    assert not {
        "mobility.big_toe_rock",
        "mobility.leg_swing_front_back",
        "mobility.deep_squat_pry",
        "mobility.worlds_greatest_stretch",
    } & set(codes)
    for rec in result.recommendations:
        drill = BY_CODE[rec.exercise_code]
        assert "deficit:control" in drill.targets and not drill.is_loaded
        assert rec.reason.endswith("— active control only while it hurts (keep it pain-free)")
        assert rec.note == "Keep it pain-free — stop before it hurts."
    assert not result.warnings()
    spanish = plan(found, DRILLS, lang="es").recommendations
    assert [r.note for r in spanish] == [
        "Hazlo sin provocar dolor — detente antes de que duela."
    ] * 2
    assert [r.reason for r in spanish] == [r.reason for r in result.recommendations]


def test_fms_total_of_14_with_no_component_deficit_chooses_no_drill() -> None:
    """FMS total 14 with every test scored 2 and no asymmetry: at Kiesel 2007's cut-off (a later
    meta-analysis advises against predicting injury with it; one professional team, no group
    stored, so not applied and no finding since catalogue 2026.7), no test scored 1, no
    asymmetry: nothing chooses a drill; the general program stands in."""
    found, result = program_for(visit(1, V1, *FMS_14))
    assert not [o for o in found if o.code == "fms.total"]
    assert result.maintenance
    assert all("14" not in r.reason for r in result.recommendations)


def test_an_fms_hurdle_step_scored_1_left_2_right_gets_trunk_and_hip_control_for_it() -> None:
    """Hurdle step left 1, right 2 (an FMS asymmetry, Cook 2006), total 13: the component
    chooses the library's fms.* trunk and hip control drills; the total does not."""
    scores = [v for v in FMS_14 if v[0] != "fms.hurdle_step"]
    scores += [("fms.hurdle_step", "left", "none", 1), ("fms.hurdle_step", "right", "none", 2)]
    found, result = program_for(visit(1, V1, *scores))
    hurdle = next(o for o in found if o.code == "fms.hurdle_step")
    assert hurdle.side == "left" and "asymmetry" in hurdle.flags
    codes = chosen(result)
    assert {"control.dead_bug", "control.bird_dog"} <= set(codes)
    for rec in result.recommendations:
        assert rec.reason.startswith("FMS hurdle step: left 1, right 2"), rec.reason
        assert "kiesel" not in rec.reason and "14" not in rec.reason
