"""Body postures as joint angles, and forward kinematics that turns them into 2-D points.

Units: the standing figure is 100 units tall, y points up, the floor is y = 0.

Side view: the figure faces right (+x) and we see its left side (left limbs are "near").
Angles are anatomical degrees: `hip` and `shoulder` flexion bring the limb forward of the
trunk, `knee` flexion folds the shank back, `ankle` dorsiflexion lifts the toes toward the
shin (negative = pointing the foot), `elbow` flexion folds the forearm forward, `trunk`
leans the trunk forward from the pelvis, and `tilt` rotates the whole body forward about the
pelvis (90 = face down, -90 = lying on the back).

Front view: the figure faces the viewer, so its right side is on the viewer's left.
`abduction` / `shoulder_abduction` swing a limb away from the midline, `valgus` turns the
shank in, `trunk` leans the trunk toward the figure's right, `pelvis` raises the right hip,
`tilt` rotates the whole body toward the figure's right. Flexion angles shorten the limb as
seen from the front (it points at the viewer).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Literal

View = Literal["side", "front"]
SIDES = ("left", "right")

# Segment lengths for a 100-unit-tall figure.
TRUNK = 30.0
NECK = 4.0
HEAD_R = 6.2
THIGH = 24.0
SHANK = 23.0
HEEL_DROP = 3.0  # ankle joint to sole
HEEL_BACK = 3.0
FOOT = 13.0
UPPER_ARM = 16.0
FOREARM = 15.0
HIP_HALF = 6.0  # front view: half the distance between the hip joints
SHOULDER_HALF = 9.5
STANDING_PELVIS = SHANK + THIGH + HEEL_DROP


class PoseError(ValueError):
    """A pose block in the exercise data is malformed."""


@dataclass(frozen=True)
class Posture:
    """Joint angles of one moment of a movement (pairs are (left, right))."""

    tilt: float = 0.0
    trunk: float = 0.0
    neck: float = 0.0
    pelvis: float = 0.0
    hip: tuple[float, float] = (0.0, 0.0)
    knee: tuple[float, float] = (0.0, 0.0)
    ankle: tuple[float, float] = (0.0, 0.0)
    abduction: tuple[float, float] = (0.0, 0.0)
    valgus: tuple[float, float] = (0.0, 0.0)
    shoulder: tuple[float, float] = (0.0, 0.0)
    shoulder_abduction: tuple[float, float] = (0.0, 0.0)
    elbow: tuple[float, float] = (0.0, 0.0)

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], where: str = "pose") -> Posture:
        """Reads a posture table; a single number for a paired angle applies to both sides."""
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in raw.items():
            if key not in known:
                raise PoseError(f"{where}: unknown angle {key!r}")
            if known[key].type == "float":
                values[key] = _number(value, f"{where}.{key}")
            elif isinstance(value, list):
                if len(value) != 2:
                    raise PoseError(f"{where}.{key}: give [left, right]")
                values[key] = (
                    _number(value[0], f"{where}.{key}"),
                    _number(value[1], f"{where}.{key}"),
                )
            else:
                number = _number(value, f"{where}.{key}")
                values[key] = (number, number)
        return cls(**values)


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PoseError(f"{where}: expected a number of degrees, got {value!r}")
    if not -360 <= value <= 360:
        raise PoseError(f"{where}: {value} degrees is out of range")
    return float(value)


@dataclass(frozen=True)
class Prop:
    """Equipment drawn with the figure: wall, step, box, band or mat."""

    kind: Literal["wall", "step", "box", "band", "mat"]
    under: str = ""  # step/box: the body point it supports
    height: float = 0.0  # step: how high the supported foot stands
    width: float = 0.0
    side: Literal["front", "back"] = "front"  # wall: in front of or behind the figure
    touch: str = ""  # wall: the body point that touches it (default: the farthest one)
    start: str = ""  # band: from this body point...
    end: str = ""  # ...to this body point, or to "anchor" (a post on the floor)

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], where: str) -> Prop:
        """Reads one prop table, e.g. {type = "step", under = "left_foot", height = 15}."""
        kind = raw.get("type")
        if kind not in ("wall", "step", "box", "band", "mat"):
            raise PoseError(f"{where}: unknown prop type {kind!r}")
        side = raw.get("side", "front")
        if side not in ("front", "back"):
            raise PoseError(f"{where}: side must be front or back")
        prop = cls(
            kind=kind,
            under=str(raw.get("under", "")),
            height=float(raw.get("height", 0.0)),
            width=float(raw.get("width", 0.0)),
            side=side,
            start=str(raw.get("from", "")),
            end=str(raw.get("to", "")),
            touch=str(raw.get("touch", "")),
        )
        if kind in ("step", "box") and not prop.under:
            raise PoseError(f"{where}: a {kind} needs `under` (the body point it supports)")
        if kind == "step" and prop.height <= 0:
            raise PoseError(f"{where}: a step needs a positive height")
        if kind == "band" and not (prop.start and prop.end):
            raise PoseError(f"{where}: a band needs `from` and `to`")
        return prop


@dataclass(frozen=True)
class Pose:
    """A drill's illustration: the view, the start and end postures, props and the arrow."""

    view: View
    start: Posture
    end: Posture
    props: tuple[Prop, ...] = ()
    anchor: str = ""  # body point that stays put between start and end (or travels)
    arrow: str = ""  # body point whose path gets the motion arrow ("" = the one moving most)
    hold: bool = False  # a held position: draw only the end posture
    travel: float = 0.0  # how far the body moves from start to end (hops, bounds): +x units
    extras: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], where: str = "pose") -> Pose:
        """Reads a drill's pose block (see the exercise data file for the schema)."""
        view = raw.get("view", "side")
        if view not in ("side", "front"):
            raise PoseError(f"{where}: view must be side or front")
        end_raw = raw.get("end")
        if not isinstance(end_raw, dict):
            raise PoseError(f"{where}: an end posture is required")
        start_raw = raw.get("start")
        end = Posture.from_mapping(end_raw, f"{where}.end")
        start = end if start_raw is None else Posture.from_mapping(start_raw, f"{where}.start")
        props = tuple(
            Prop.from_mapping(p, f"{where}.props[{i}]") for i, p in enumerate(raw.get("props", []))
        )
        travel = _number(raw.get("travel", 0), f"{where}.travel")
        if abs(travel) > 100:
            raise PoseError(f"{where}.travel: {travel:g} units is more than the figure is tall")
        for name in (raw.get("anchor", ""), raw.get("arrow", "")):
            if name and name not in POINT_NAMES:
                raise PoseError(f"{where}: unknown body point {name!r}")
        for prop in props:
            for name in (prop.under, prop.start, prop.touch):
                if name and name not in POINT_NAMES:
                    raise PoseError(f"{where}: unknown body point {name!r}")
            if prop.end and prop.end != "anchor" and prop.end not in POINT_NAMES:
                raise PoseError(f"{where}: unknown body point {prop.end!r}")
        return cls(
            view=view,
            start=start,
            end=end,
            props=props,
            anchor=str(raw.get("anchor", "")),
            arrow=str(raw.get("arrow", "")),
            hold=start_raw is None or bool(raw.get("hold", False)),
            travel=travel,
        )


Point = tuple[float, float]

POINT_NAMES: tuple[str, ...] = (
    "pelvis",
    "chest",
    "neck",
    "head",
    *(
        f"{side}_{joint}"
        for side in SIDES
        for joint in (
            "hip",
            "knee",
            "ankle",
            "heel",
            "toe",
            "foot",
            "shoulder",
            "elbow",
            "wrist",
        )
    ),
)


def _direction(angle: float) -> Point:
    """Unit vector for an angle in degrees measured from straight up, clockwise (toward +x)."""
    radians = math.radians(angle)
    return (math.sin(radians), math.cos(radians))


def _step(origin: Point, angle: float, length: float) -> Point:
    dx, dy = _direction(angle)
    return (origin[0] + dx * length, origin[1] + dy * length)


def _side_view(p: Posture) -> dict[str, Point]:
    points: dict[str, Point] = {"pelvis": (0.0, 0.0)}
    trunk = p.tilt + p.trunk
    points["neck"] = _step(points["pelvis"], trunk, TRUNK)
    points["chest"] = _step(points["pelvis"], trunk, TRUNK * 0.55)
    points["head"] = _step(points["neck"], trunk + p.neck, NECK + HEAD_R)
    for i, side in enumerate(SIDES):
        thigh = trunk + 180 - p.hip[i]
        shank = thigh + p.knee[i]
        foot = shank - 90 - p.ankle[i]
        hip = points["pelvis"]
        knee = _step(hip, thigh, THIGH)
        ankle = _step(knee, shank, SHANK)
        sole = _step(ankle, shank, HEEL_DROP)
        heel = _step(sole, foot, -HEEL_BACK)
        toe = _step(heel, foot, FOOT)
        arm = trunk + 180 - p.shoulder[i]
        shoulder = _step(points["neck"], trunk + 180, 2.0)
        elbow = _step(shoulder, arm, UPPER_ARM)
        wrist = _step(elbow, arm - p.elbow[i], FOREARM)
        points |= {
            f"{side}_hip": hip,
            f"{side}_knee": knee,
            f"{side}_ankle": ankle,
            f"{side}_heel": heel,
            f"{side}_toe": toe,
            f"{side}_foot": ((heel[0] + toe[0]) / 2, (heel[1] + toe[1]) / 2),
            f"{side}_shoulder": shoulder,
            f"{side}_elbow": elbow,
            f"{side}_wrist": wrist,
        }
    return points


def _foreshortened(length: float, angle_from_vertical: float) -> float:
    # A limb pointing at the viewer still shows a stub, so the figure never loses a segment.
    return length * max(0.3, abs(math.cos(math.radians(angle_from_vertical))))


def _front_view(p: Posture) -> dict[str, Point]:
    points: dict[str, Point] = {"pelvis": (0.0, 0.0)}
    # Leaning toward the figure's right moves the trunk toward the viewer's left (-x).
    trunk = -(p.tilt + p.trunk)
    trunk_length = _foreshortened(TRUNK, 0.0)
    points["neck"] = _step(points["pelvis"], trunk, trunk_length)
    points["chest"] = _step(points["pelvis"], trunk, trunk_length * 0.55)
    points["head"] = _step(points["neck"], trunk - p.neck, NECK + HEAD_R)
    # The hip line is square to the trunk; `pelvis` raises the right hip.
    hip_line = trunk - 90 - p.pelvis  # pointing to the figure's right (-x)
    shoulder_line = trunk - 90
    for i, side in enumerate(SIDES):
        outward = -1.0 if side == "right" else 1.0  # the figure's right is the viewer's left
        hip = _step(points["pelvis"], hip_line, HIP_HALF * -outward)
        thigh = trunk + 180 - outward * p.abduction[i]
        knee = _step(hip, thigh, _foreshortened(THIGH, p.hip[i]))
        shank = thigh + outward * p.valgus[i]
        ankle = _step(knee, shank, _foreshortened(SHANK, p.hip[i] - p.knee[i]))
        sole = _step(ankle, shank, HEEL_DROP)
        heel = sole
        toe = (sole[0] + outward * 2.5, sole[1] - 0.5)
        shoulder = _step(
            _step(points["neck"], trunk + 180, 2.5), shoulder_line, -outward * SHOULDER_HALF
        )
        arm = trunk + 180 - outward * p.shoulder_abduction[i]
        elbow = _step(shoulder, arm, _foreshortened(UPPER_ARM, p.shoulder[i]))
        wrist = _step(
            elbow,
            arm + outward * p.elbow[i],
            _foreshortened(FOREARM, p.shoulder[i] - p.elbow[i]),
        )
        points |= {
            f"{side}_hip": hip,
            f"{side}_knee": knee,
            f"{side}_ankle": ankle,
            f"{side}_heel": heel,
            f"{side}_toe": toe,
            f"{side}_foot": ((heel[0] + toe[0]) / 2, (heel[1] + toe[1]) / 2),
            f"{side}_shoulder": shoulder,
            f"{side}_elbow": elbow,
            f"{side}_wrist": wrist,
        }
    return points


def joint_points(posture: Posture, view: View = "side") -> dict[str, Point]:
    """Every named body point of a posture, with the pelvis at the origin."""
    return _side_view(posture) if view == "side" else _front_view(posture)


def lowest_y(points: Mapping[str, Point]) -> float:
    """The lowest body surface: head circle bottom, limb points (their thickness is added by
    the scene)."""
    values = [y for name, (_, y) in points.items() if name != "head"]
    values.append(points["head"][1] - HEAD_R)
    return min(values)


@dataclass(frozen=True)
class PlacedPose:
    """Both postures of a pose placed in the room: anchored to each other and on the floor."""

    pose: Pose
    start: Mapping[str, Point]
    end: Mapping[str, Point]


def place(pose: Pose) -> PlacedPose:
    """Puts both postures on the floor (or a step), keeping the anchor point still."""
    end = joint_points(pose.end, pose.view)
    start = joint_points(pose.start, pose.view)
    anchor = pose.anchor
    step = next((p for p in pose.props if p.kind == "step"), None)
    if not anchor:
        anchor = step.under if step else "pelvis"
    if pose.travel:
        return _travelled(pose, start, end, anchor)
    # Move the start posture so its anchor sits on the end posture's anchor.
    dx = end[anchor][0] - start[anchor][0]
    dy = end[anchor][1] - start[anchor][1]
    start = {k: (x + dx, y + dy) for k, (x, y) in start.items()}
    if step is not None:
        lift = step.height - end[step.under][1]
    elif anchor.endswith(("_foot", "_heel", "_toe")):
        # A planted foot defines the floor, whatever the other limbs do.
        lift = -end[anchor][1]
    elif pose.hold:
        lift = -lowest_y(end)
    else:
        lift = -min(lowest_y(end), lowest_y(start))
    # Lift so the end posture's lowest point (or the stepping foot) meets its support;
    # limbs are drawn with thickness, so add half a limb width.
    lift += LIMB_HALF_WIDTH

    def moved(points: Mapping[str, Point]) -> dict[str, Point]:
        return {k: (x, y + lift) for k, (x, y) in points.items()}

    return PlacedPose(pose, moved(start), moved(end))


def _travelled(
    pose: Pose, start: Mapping[str, Point], end: Mapping[str, Point], anchor: str
) -> PlacedPose:
    """A drill that travels (a hop, a bound): two moments at two places, each resting on the
    floor by its own lowest point, the start's anchor `travel` units behind the end's."""

    def moved(points: Mapping[str, Point], dx: float) -> dict[str, Point]:
        lift = LIMB_HALF_WIDTH - lowest_y(points)
        return {k: (x + dx, y + lift) for k, (x, y) in points.items()}

    dx = end[anchor][0] - start[anchor][0] - pose.travel
    return PlacedPose(pose, moved(start, dx), moved(end, 0.0))


LIMB_HALF_WIDTH = 2.2
