"""Recommendations: findings to ranked drills, control deficits to control work, maintenance."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mobileathlete_desktop.domain.programs import ProgramItemRecord
from mobileathlete_desktop.domain.recommendations import Drill, Observation, recommend


def drill(code: str, category: str, targets: set[str], active: bool = True) -> Drill:
    return Drill(code, category, frozenset(targets), active, ProgramItemRecord(code, 3, 10))


LIBRARY = [
    drill("calf_stretch_wall", "stretch", {"calf", "ankle.dorsiflexion"}, active=False),
    drill("knee_to_wall_rocks", "mobility", {"ankle.dorsiflexion", "ankle"}),
    drill("eccentric_heel_drop", "strength", {"calf", "ankle"}),
    drill("hip_flexor_stretch", "stretch", {"hip.extension", "hip_flexors"}, active=False),
    drill("glute_bridge_march", "control", {"hip.extension", "glute_max"}),
    drill("standing_hip_extension", "control", {"hip.extension"}),
    drill("side_plank_clam", "strength", {"glute_med", "hip.abduction"}),
    drill("single_leg_balance", "balance", {"balance", "single_leg"}),
    drill("hamstring_sliders", "strength", {"hamstring"}),
]
ANKLE = Observation(
    "ankle.dorsiflexion.knee_flexed",
    "right",
    frozenset({"below_norm", "asymmetry"}),
    "Right ankle dorsiflexion 28°, 10° less than left",
)
HIP_CONTROL = Observation(
    "hip.extension",
    "left",
    frozenset({"control_deficit"}),
    "Left hip extension active 5° against passive 15°",
)


def test_ankle_limited_runner_gets_ankle_drills_first() -> None:
    recs = recommend([ANKLE], LIBRARY)
    assert recs[0].exercise_code == "knee_to_wall_rocks"
    assert {r.exercise_code for r in recs} <= {
        "knee_to_wall_rocks",
        "calf_stretch_wall",
        "eccentric_heel_drop",
    }
    assert recs[0].reason.startswith("Right ankle dorsiflexion 28°")
    assert [r.priority for r in recs] == list(range(1, len(recs) + 1))
    assert recs[0].dosage.sets == 3


def test_pure_flexibility_limit_allows_stretches() -> None:
    limited = Observation("hip.extension", "left", frozenset({"below_norm"}), "Hip tight")
    codes = [r.exercise_code for r in recommend([limited], LIBRARY)]
    assert "hip_flexor_stretch" in codes


def test_control_deficit_gets_control_work_not_stretching() -> None:
    codes = [r.exercise_code for r in recommend([HIP_CONTROL], LIBRARY)]
    assert codes and "hip_flexor_stretch" not in codes
    assert set(codes) <= {"glute_bridge_march", "standing_hip_extension"}


def test_worst_findings_come_first_and_each_finding_gets_a_drill() -> None:
    recs = recommend([ANKLE, HIP_CONTROL], LIBRARY)
    codes = [r.exercise_code for r in recs]
    assert codes[0] in {"glute_bridge_march", "standing_hip_extension"}  # control weighs most
    assert codes[1] == "knee_to_wall_rocks"
    assert len(codes) == len(set(codes)) == 4


@pytest.mark.parametrize("flags", [frozenset(), frozenset({"improved"}), frozenset({"pain"})])
def test_no_findings_gives_a_general_maintenance_program(flags: frozenset[str]) -> None:
    quiet = Observation("hip.flexion", "left", flags, "")
    recs = recommend([quiet], LIBRARY)
    codes = [r.exercise_code for r in recs]
    assert "knee_to_wall_rocks" in codes and "single_leg_balance" in codes
    assert "calf_stretch_wall" not in codes  # maintenance is active work
    assert all("maintenance" in r.reason for r in recs)


def test_spanish_maintenance_reason() -> None:
    recs = recommend([], LIBRARY, lang="es")
    assert recs and "Mantenimiento" in recs[0].reason


def test_limit_caps_the_list() -> None:
    assert len(recommend([ANKLE, HIP_CONTROL], LIBRARY, limit=3)) == 3


def test_each_reason_says_the_finding_and_what_the_drill_works_on() -> None:
    ankle = recommend([ANKLE], LIBRARY)[0]
    assert ankle.reason == (
        "Right ankle dorsiflexion 28°, 10° less than left: ankle mobility and calf control"
    )
    control = recommend([HIP_CONTROL], LIBRARY)[0]
    assert control.reason == (
        "Left hip extension active 5° against passive 15°: "
        "active control work (a control deficit, not a flexibility limit)"
    )
    spanish = recommend([ANKLE], LIBRARY, lang="es")[0]
    assert spanish.reason.endswith(": movilidad de tobillo y control")
    unknown = Observation("psfs.average", "none", frozenset({"worse"}), "PSFS 4 → 2")
    assert recommend([unknown], [drill("x", "control", {"psfs.average"})])[0].reason == (
        "PSFS 4 → 2"
    )


def test_no_loaded_work_through_a_region_that_hurt_and_the_reason_says_pain_free() -> None:
    squat = drill("squat", "strength", {"ankle.dorsiflexion", "knee", "hip"})
    rocks = drill("knee_to_wall_rocks", "mobility", {"ankle.dorsiflexion", "ankle"})
    painful_ankle = Observation(
        "ankle.dorsiflexion.knee_flexed",
        "right",
        frozenset({"below_norm", "pain"}),
        "Ankle dorsiflexion, knee flexed, right: active 14°",
        region="ankle",
    )
    sore_knee = Observation("knee.flexion", "right", frozenset({"pain"}), "Knee", region="knee")
    without_pain = replace(painful_ankle, flags=frozenset({"below_norm"}))
    assert "squat" in [r.exercise_code for r in recommend([without_pain], [squat, rocks])]
    recs = recommend([painful_ankle, sore_knee], [squat, rocks])
    assert [r.exercise_code for r in recs] == ["knee_to_wall_rocks"]
    assert recs[0].reason.endswith("(keep it pain-free)")
