"""Drills that travel (hops, bounds): the start drawn behind the end, each moment on the floor,
and the landing pictures show what the steps ask (a bent knee over the foot, one leg down)."""

from __future__ import annotations

import pytest

from mobileathlete_desktop.domain.exercises import default_exercise_library
from mobileathlete_desktop.illustrations import pose_for, scene_for
from mobileathlete_desktop.illustrations.pose import (
    LIMB_HALF_WIDTH,
    Pose,
    PoseError,
    lowest_y,
    place,
)

LIBRARY = default_exercise_library()
TRAVELLING = (
    "control.hop_and_stick",
    "running.lateral_bound_stick",
    "running.single_leg_hops_forward",
)


def test_a_travelling_pose_draws_the_start_behind_and_both_on_the_floor() -> None:
    raw = {
        "anchor": "left_toe",
        "travel": 40,
        "start": {"ankle": [-30, 0], "knee": [0, 90]},
        "end": {"hip": [60, 20], "knee": [60, 80], "ankle": [20, 0]},
    }
    placed = place(Pose.from_mapping(raw))
    assert placed.end["left_toe"][0] - placed.start["left_toe"][0] == pytest.approx(40)
    assert lowest_y(placed.start) == pytest.approx(LIMB_HALF_WIDTH)
    assert lowest_y(placed.end) == pytest.approx(LIMB_HALF_WIDTH)
    # Without travel the anchor stays still.
    still = place(Pose.from_mapping({**raw, "travel": 0}))
    assert still.end["left_toe"] == pytest.approx(still.start["left_toe"])


@pytest.mark.parametrize(("travel", "message"), [(150, "more than"), ("far", "number")])
def test_a_malformed_travel_is_refused(travel: object, message: str) -> None:
    with pytest.raises(PoseError, match=message):
        Pose.from_mapping({"end": {}, "travel": travel})


@pytest.mark.parametrize("code", TRAVELLING)
def test_hopping_drills_land_ahead_with_an_arrow_over_the_head(code: str) -> None:
    placed = place(pose_for(LIBRARY[code]))
    assert placed.end["pelvis"][0] - placed.start["pelvis"][0] > 30
    assert "arrow" in scene_for(LIBRARY[code]).roles()
    # The arrow follows the head and arcs upward, as a hop does.
    path = next(p for p in scene_for(LIBRARY[code]).primitives if p.role == "arrow")
    ((control, _),) = path.segments  # type: ignore[union-attr]
    assert control[1] > max(placed.start["head"][1], placed.end["head"][1])


@pytest.mark.parametrize("code", ["control.hop_and_stick", "running.single_leg_hops_forward"])
def test_the_stick_lands_on_one_flat_foot_with_the_knee_bent_over_it(code: str) -> None:
    end = place(pose_for(LIBRARY[code])).end
    floor = LIMB_HALF_WIDTH
    # The landing foot flat on the floor, the other one in the air.
    assert end["left_heel"][1] == pytest.approx(floor, abs=0.5)
    assert end["left_toe"][1] == pytest.approx(floor, abs=0.5)
    assert min(end["right_heel"][1], end["right_toe"][1]) > floor + 5
    # Knee bent and ahead of the ankle, within the length of the foot (knee over toes).
    hip, knee, ankle = end["left_hip"], end["left_knee"], end["left_ankle"]
    assert ankle[0] < knee[0] < end["left_toe"][0] + 2
    assert hip[1] - ankle[1] < 44  # a straight leg would span 47
    # Trunk leaning forward over the knee, not upright and not folded down.
    assert 10 < end["neck"][0] - end["pelvis"][0] < 25


def test_the_lateral_bound_takes_off_from_the_right_leg_and_lands_on_the_left() -> None:
    placed = place(pose_for(LIBRARY["running.lateral_bound_stick"]))
    start, end = placed.start, placed.end
    floor = LIMB_HALF_WIDTH + 1.0
    assert min(start["right_foot"][1], start["right_toe"][1]) < floor < start["left_foot"][1]
    assert min(end["left_foot"][1], end["left_toe"][1]) < floor < end["right_foot"][1]
    # Front view: the figure's left is the viewer's right, where it travels.
    assert end["left_foot"][0] > start["right_foot"][0] + 30


def test_the_hip_thrust_pivots_on_the_bench_with_the_feet_still() -> None:
    placed = place(pose_for(LIBRARY["strength.hip_thrust"]))
    start, end = placed.start, placed.end
    assert start["left_foot"] == pytest.approx(end["left_foot"])
    shoulders_move = abs(start["left_shoulder"][0] - end["left_shoulder"][0])
    assert shoulders_move < 3 and abs(start["left_shoulder"][1] - end["left_shoulder"][1]) < 3
    # Hips from near the floor to level with the shoulders and knees (a straight line).
    assert start["pelvis"][1] < 15
    assert end["pelvis"][1] == pytest.approx(end["left_shoulder"][1], abs=3)
    assert end["pelvis"][1] == pytest.approx(end["left_knee"][1], abs=3)
    assert "prop.box" in scene_for(LIBRARY["strength.hip_thrust"]).roles()
