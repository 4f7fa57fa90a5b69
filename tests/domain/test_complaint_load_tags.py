"""The library's load tags decide what a coded complaint holds back, so a drill whose own
described movement loads the sore tendon must carry its tag (resources/exercises.toml):
- hip hikes on a step let the free side of the pelvis drop, adducting the standing hip under
  body weight: the position Grimaldi 2015 names for gluteal tendinopathy ("particularly
  excessive hip adduction"): "load:hip_adduction";
- the single-leg three-way reach (the free foot slid forward "as far as you can", standing
  heel down) and the squat ("as low as you can with heels down") take the loaded ankle to
  end-range dorsiflexion (Pringels 2025; Jonsson 2008): "load:ankle_dorsiflexion".
Worked runner cases through the recommender; an uncoded runner's program is unchanged."""

from __future__ import annotations

import pytest

from mobileathlete_desktop.domain.exercises import default_exercise_library
from mobileathlete_desktop.domain.recommendations import Observation, library_drills, plan
from mobileathlete_desktop.domain.recommendations.complaints import (
    COMPLAINT_RULES,
    DORSIFLEXION_TAG,
    HIP_ADDUCTION_TAG,
    held_for_complaint,
)
from mobileathlete_desktop.support.i18n import texts

LIBRARY = default_exercise_library()
DRILLS = library_drills(LIBRARY)


def finding(code: str, flags: set[str], reason: str, side: str = "right") -> Observation:
    return Observation(code, side, frozenset(flags), reason)


# A lateral hip runner: the hip abductors move further with help than alone (control), and
# hip external rotation hurts (so the clamshell, which loads it, is held back for pain).
HIP_CONTROL_PAINFUL_ROTATION = [
    finding(
        "hip.abduction",
        {"control_deficit", "below_norm"},
        "Hip abduction, right: active 30°, passive 38° (gap 8°)",
    ),
    finding("hip.external_rotation", {"below_norm", "pain"}, "Hip external rotation, right: 28°"),
]
# A runner with a short anterior reach on the Y-Balance test.
SHORT_ANTERIOR_REACH = [finding("ybalance.anterior", {"below_norm"}, "Y-Balance anterior: 55%")]
# A runner whose lower-limb function (LEFS) is low.
LOW_LEFS = [finding("lefs.total", {"below_norm"}, "LEFS: 52/80", side="none")]


def chosen(found: list[Observation], complaint: str = "") -> list[str]:
    return [
        r.exercise_code for r in plan(found, DRILLS, complaint=complaint, limit=8).recommendations
    ]


def test_lateral_hip_runner_gets_no_hip_hikes() -> None:
    # Uncoded, the findings choose hip hikes on a step first.
    assert chosen(HIP_CONTROL_PAINFUL_ROTATION)[0] == "control.hip_hike"
    coded = chosen(HIP_CONTROL_PAINFUL_ROTATION, "lateral_hip_gluteal")
    assert coded, "the hip is still trained"
    assert "control.hip_hike" not in coded
    warnings = plan(HIP_CONTROL_PAINFUL_ROTATION, DRILLS, complaint="lateral_hip_gluteal")
    held = next(
        w
        for w in warnings.warnings({"control.hip_hike": "Hip hikes on a step"})
        if w.startswith("Held back:")
    )
    assert "Hip hikes on a step" in held and "(Grimaldi 2015)" in held


@pytest.mark.parametrize(
    ("found", "drill"),
    [(SHORT_ANTERIOR_REACH, "control.single_leg_reach"), (LOW_LEFS, "strength.bodyweight_squat")],
)
def test_insertional_achilles_runner_gets_no_reach_or_squat(
    found: list[Observation], drill: str
) -> None:
    assert drill in chosen(found)  # uncoded: the findings choose it
    coded = chosen(found, "achilles_insertional")
    assert drill not in coded
    assert coded[0] == "strength.calf_raise_straight_knee"  # the calf is still loaded, flat


@pytest.mark.parametrize("found", [HIP_CONTROL_PAINFUL_ROTATION, SHORT_ANTERIOR_REACH, LOW_LEFS])
def test_uncoded_runner_unchanged_and_other_complaints_keep_these_drills(
    found: list[Observation],
) -> None:
    uncoded = chosen(found)
    assert chosen(found, "") == uncoded
    # A complaint with no rule, or another complaint's rule, does not take them out.
    assert chosen(found, "patellofemoral") == uncoded
    assert ("control.hip_hike" in chosen(found, "achilles_insertional")) == (
        "control.hip_hike" in uncoded
    )
    for kept in ("control.single_leg_reach", "strength.bodyweight_squat"):
        assert (kept in chosen(found, "lateral_hip_gluteal")) == (kept in uncoded)


def test_the_tags_as_decided() -> None:
    by_code = {d.code: d for d in DRILLS}
    assert HIP_ADDUCTION_TAG in by_code["control.hip_hike"].targets
    for code in ("control.single_leg_reach", "strength.bodyweight_squat"):
        assert DORSIFLEXION_TAG in by_code[code].targets
    # Depth set by a low step or a long stance, front shin near upright: not end range.
    for code in (
        "control.step_down_forward",
        "strength.rear_foot_elevated_split_squat",
        "mobility.worlds_greatest_stretch",
    ):
        assert DORSIFLEXION_TAG not in by_code[code].targets
    assert "control.hip_hike" in held_for_complaint("lateral_hip_gluteal", DRILLS)
    assert "control.hip_hike" not in held_for_complaint("achilles_insertional", DRILLS)


# Each drill a complaint holds back, and the example in its rule's reason (for the therapist,
# English and Spanish) that says its movement in plain words. A drill tagged later with no
# example here fails the first test: the reason's examples must grow with the tags.
HELD_EXAMPLES: dict[str, dict[str, tuple[str, str]]] = {
    "lateral_hip_gluteal": {
        "mobility.standing_itb_side_reach": ("the leg crossed behind", "la pierna cruzada"),
        "mobility.leg_swing_side_to_side": ("swung across the body", "balanceada por delante"),
        "control.hip_hike": (
            "the pelvis let drop or turned toward the floor on the free side while standing on "
            "one leg",
            "la pelvis que se deja caer o se gira hacia el piso del lado libre al estar de pie "
            "sobre una pierna",
        ),
        "control.hip_airplane": (
            "the pelvis let drop or turned toward the floor on the free side while standing on "
            "one leg",
            "la pelvis que se deja caer o se gira hacia el piso del lado libre al estar de pie "
            "sobre una pierna",
        ),
    },
    "achilles_insertional": {
        "mobility.knee_to_wall_rock": ("an ankle rock", "un balanceo del tobillo"),
        "mobility.half_kneeling_ankle_rock": ("an ankle rock", "un balanceo del tobillo"),
        "mobility.calf_wall_rock": ("an ankle rock", "un balanceo del tobillo"),
        "mobility.soleus_rock_loaded": ("an ankle rock", "un balanceo del tobillo"),
        "mobility.deep_squat_pry": ("a deep squat", "una sentadilla profunda"),
        "mobility.inchworm": ("a calf stretch", "un estiramiento de pantorrilla"),
        "control.single_leg_reach": (
            "a deep forward reach on one leg",
            "un alcance profundo hacia adelante sobre una pierna",
        ),
        "strength.eccentric_heel_drop": (
            "a heel drop below the step",
            "una bajada del talón por debajo del escalón",
        ),
        "strength.bodyweight_squat": ("a deep squat", "una sentadilla profunda"),
        "stretch.calf_wall": ("a calf stretch", "un estiramiento de pantorrilla"),
        "stretch.soleus_wall": ("a calf stretch", "un estiramiento de pantorrilla"),
    },
}


@pytest.mark.parametrize("complaint", sorted(HELD_EXAMPLES))
def test_every_drill_held_back_has_an_example_in_the_reason(complaint: str) -> None:
    """The therapist reads why a drill is held back (the recommender's warning, the builder,
    the check-in); the reason's examples cover every drill the rule holds back, pelvis drop
    and deep squat and forward reach included (the tags 2c53586 added)."""
    assert set(held_for_complaint(complaint, DRILLS)) == set(HELD_EXAMPLES[complaint])
    rule = COMPLAINT_RULES[complaint]
    spanish = texts("es").gettext(rule.held_why)
    assert spanish != rule.held_why, "translated"
    for drill, (en, es) in HELD_EXAMPLES[complaint].items():
        assert en in rule.held_why, drill
        assert es in spanish, drill


# A lateral hip runner whose hip internal rotation moves further with help than alone (a
# control deficit of the rotators): uncoded, hip airplanes answer it first.
HIP_ROTATION_CONTROL = [
    finding(
        "hip.internal_rotation",
        {"control_deficit", "below_norm"},
        "Hip internal rotation, right: active 24°, passive 34° (gap 10°)",
    )
]


def test_lateral_hip_runner_gets_no_hip_airplanes() -> None:
    """Hip airplanes: standing on one leg, trunk near level, the pelvis turned 'open toward
    the ceiling, then close it toward the floor'. Closing, the standing hip goes into adduction
    and internal rotation under body weight, in deep flexion, with the abductors lengthening
    to control it: the compression with tensile load Grimaldi 2015 names most damaging, 'joint
    position (particularly excessive hip adduction)' (abstract read). Tagged
    load:hip_adduction, so coded lateral hip pain holds it back; the warning names it."""
    assert chosen(HIP_ROTATION_CONTROL)[0] == "control.hip_airplane"
    coded = chosen(HIP_ROTATION_CONTROL, "lateral_hip_gluteal")
    assert coded, "the hip's rotation is still trained"
    assert "control.hip_airplane" not in coded
    result = plan(HIP_ROTATION_CONTROL, DRILLS, complaint="lateral_hip_gluteal")
    held = next(
        w
        for w in result.warnings({"control.hip_airplane": "Hip airplanes"})
        if w.startswith("Held back:")
    )
    assert "Hip airplanes" in held and "(Grimaldi 2015)" in held
    # Another complaint's rule, or none, leaves them in.
    assert "control.hip_airplane" in chosen(HIP_ROTATION_CONTROL, "achilles_insertional")
    assert "control.hip_airplane" in chosen(HIP_ROTATION_CONTROL, "patellofemoral")
