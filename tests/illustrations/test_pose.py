"""Tests for pose parsing and forward kinematics."""

from __future__ import annotations

import math

import pytest

from mobileathlete_desktop.illustrations.pose import (
    HEEL_DROP,
    SHANK,
    THIGH,
    Pose,
    PoseError,
    Posture,
    joint_points,
    place,
)


@pytest.mark.parametrize("view", ["side", "front"])
def test_standing_puts_the_ankle_below_the_hip_at_leg_length(view: str) -> None:
    points = joint_points(Posture(), view)  # type: ignore[arg-type]
    hip, ankle = points["left_hip"], points["left_ankle"]
    assert ankle[0] == pytest.approx(hip[0])
    assert hip[1] - ankle[1] == pytest.approx(THIGH + SHANK)
    assert points["head"][1] > points["neck"][1] > hip[1]


def test_knee_flexion_90_puts_the_ankle_behind_the_knee_in_side_view() -> None:
    points = joint_points(Posture(knee=(90, 0)), "side")
    knee, ankle = points["left_knee"], points["left_ankle"]
    assert ankle[0] == pytest.approx(knee[0] - SHANK)  # the figure faces +x
    assert ankle[1] == pytest.approx(knee[1])


@pytest.mark.parametrize(
    ("posture", "point", "dx_sign"),
    [
        (Posture(hip=(90, 0)), "left_knee", 1),  # flexion: thigh forward
        (Posture(hip=(-20, 0)), "left_knee", -1),  # extension: thigh back
        (Posture(shoulder=(90, 0)), "left_wrist", 1),
        (Posture(trunk=30), "head", 1),  # leaning forward
    ],
)
def test_side_view_angle_directions(posture: Posture, point: str, dx_sign: int) -> None:
    points = joint_points(posture, "side")
    assert math.copysign(1, points[point][0]) == dx_sign


def test_front_view_abduction_moves_each_leg_outward() -> None:
    points = joint_points(Posture(abduction=(30, 30)), "front")
    # The figure faces the viewer: its right side is on the viewer's left (-x).
    assert points["right_ankle"][0] < points["right_hip"][0]
    assert points["left_ankle"][0] > points["left_hip"][0]


def test_placing_keeps_the_anchor_still_and_the_foot_on_the_floor() -> None:
    pose = Pose.from_mapping(
        {"anchor": "right_foot", "start": {"hip": [-30, 0]}, "end": {"hip": [60, 0]}}
    )
    placed = place(pose)
    assert placed.start["right_foot"] == pytest.approx(placed.end["right_foot"])
    assert placed.end["pelvis"][1] == pytest.approx(THIGH + SHANK + HEEL_DROP + 2.2)


def test_a_step_lifts_the_supported_foot() -> None:
    pose = Pose.from_mapping(
        {"end": {}, "props": [{"type": "step", "under": "left_foot", "height": 15}]}
    )
    assert place(pose).end["left_foot"][1] == pytest.approx(15 + 2.2)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"view": "top", "end": {}}, "view"),
        ({"start": {}}, "end posture"),
        ({"end": {"elbows": 3}}, "unknown angle"),
        ({"end": {"hip": [1, 2, 3]}}, "left, right"),
        ({"end": {"hip": "a lot"}}, "number"),
        ({"end": {}, "anchor": "left_tail"}, "body point"),
        ({"end": {}, "props": [{"type": "trampoline"}]}, "prop type"),
        ({"end": {}, "props": [{"type": "step", "under": "left_foot"}]}, "height"),
    ],
)
def test_malformed_poses_are_refused(raw: dict[str, object], message: str) -> None:
    with pytest.raises(PoseError, match=message):
        Pose.from_mapping(raw)


def test_a_pose_without_start_is_a_hold() -> None:
    pose = Pose.from_mapping({"end": {"knee": 90}})
    assert pose.hold and pose.start == pose.end and pose.end.knee == (90.0, 90.0)
