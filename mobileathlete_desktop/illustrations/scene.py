"""A drill's picture as a list of drawing primitives (lines, circles, polygons, paths).

Coordinates are the pose's: units of a 100-tall figure, y up, floor at y = 0. Renderers
(SVG text, reportlab drawings) only translate primitives; every design decision is here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from mobileathlete_desktop.illustrations.pose import (
    HEAD_R,
    LIMB_HALF_WIDTH,
    SIDES,
    PlacedPose,
    Point,
    Pose,
    place,
)

# One palette for every drill, chosen to print well in black and white.
INK = "#1d2b44"  # the end posture, near limbs
INK_FAR = "#6d7a90"  # the end posture, far limbs (side view)
GHOST = "#c9cfd9"  # the start posture
ACCENT = "#d9622b"  # the motion arrow
BAND = "#2a9d8f"
PROP_FILL = "#eef0f3"
PROP_STROKE = "#9aa3b2"
FLOOR = "#9aa3b2"

LIMB = LIMB_HALF_WIDTH * 2
TRUNK_WIDTH = 7.0


@dataclass(frozen=True)
class Line:
    """A straight stroke with round ends."""

    start: Point
    end: Point
    stroke: str
    width: float
    role: str = ""


@dataclass(frozen=True)
class Circle:
    """A circle, filled or outlined."""

    centre: Point
    radius: float
    fill: str | None
    stroke: str | None = None
    width: float = 0.0
    role: str = ""


@dataclass(frozen=True)
class Polygon:
    """A closed shape."""

    points: tuple[Point, ...]
    fill: str | None
    stroke: str | None = None
    width: float = 0.0
    role: str = ""


@dataclass(frozen=True)
class Path:
    """An open curve: a start point and quadratic Bézier segments (control, end)."""

    start: Point
    segments: tuple[tuple[Point, Point], ...]
    stroke: str
    width: float
    dashed: bool = False
    role: str = ""


Primitive = Line | Circle | Polygon | Path


@dataclass(frozen=True)
class Scene:
    """Primitives in drawing order and the box that holds them (x, y, width, height; y up)."""

    primitives: tuple[Primitive, ...]
    box: tuple[float, float, float, float]

    def roles(self) -> set[str]:
        """The kinds of element the scene contains ("figure.head", "arrow", "floor", ...)."""
        return {p.role for p in self.primitives}


# Limbs drawn as (from, to) chains per side.
_LEG = (("hip", "knee"), ("knee", "ankle"), ("heel", "toe"))
_ARM = (("shoulder", "elbow"), ("elbow", "wrist"))


def _figure(
    points: Mapping[str, Point], view: str, near: str, far: str, phase: str
) -> list[Primitive]:
    """One posture: far limbs, trunk and head, near limbs (side view depth order)."""
    out: list[Primitive] = []
    role = f"figure.{phase}"

    def limbs(side: str, colour: str) -> None:
        for a, b in (*_LEG, *_ARM):
            out.append(Line(points[f"{side}_{a}"], points[f"{side}_{b}"], colour, LIMB, role))
        # A short stroke from ankle to heel keeps the foot attached to the shank.
        out.append(Line(points[f"{side}_ankle"], points[f"{side}_heel"], colour, LIMB, role))

    # In side view we see the left side (near); in front view both are equally near.
    if view == "side":
        limbs("right", far)
    else:
        limbs("right", near)
        limbs("left", near)
        out.append(Line(points["right_hip"], points["left_hip"], near, LIMB, role))
        out.append(Line(points["right_shoulder"], points["left_shoulder"], near, LIMB, role))
    out.append(Line(points["pelvis"], points["neck"], near, TRUNK_WIDTH, f"{role}.trunk"))
    out.append(Circle(points["head"], HEAD_R, near, None, 0.0, f"{role}.head"))
    if view == "side":
        limbs("left", near)
    return out


def _ghost(points: Mapping[str, Point], view: str) -> list[Primitive]:
    return _figure(points, view, GHOST, GHOST, "start")


def _distance(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


ARROW_CANDIDATES = (
    *(f"{side}_{joint}" for joint in ("ankle", "knee", "wrist", "elbow") for side in SIDES),
    "head",
    "pelvis",
)


def arrow_joint(placed: PlacedPose) -> str:
    """The body point the motion arrow follows: the pose's choice, else the one moving most."""
    if placed.pose.arrow:
        return placed.pose.arrow
    return max(ARROW_CANDIDATES, key=lambda k: _distance(placed.start[k], placed.end[k]))


def _arrow(placed: PlacedPose) -> list[Primitive]:
    joint = arrow_joint(placed)
    a, b = placed.start[joint], placed.end[joint]
    chord = _distance(a, b)
    if chord < 4.0:
        return []
    # Bulge away from the body's centre so the arrow does not cross the figure.
    centre = placed.end["chest"]
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    normal = (-(b[1] - a[1]) / chord, (b[0] - a[0]) / chord)
    bulge = 0.28 * chord + 3.0
    if (mid[0] - centre[0]) * normal[0] + (mid[1] - centre[1]) * normal[1] < 0:
        normal = (-normal[0], -normal[1])
    control = (mid[0] + normal[0] * bulge, mid[1] + normal[1] * bulge)
    # Keep clear of the joints at both ends.
    gap = min(5.0, chord * 0.2)
    start = _towards(a, control, gap)
    end = _towards(b, control, gap + 3.0)
    tip = _towards(b, control, gap - 0.5)
    ux, uy = _unit(end, tip)
    head = (
        tip,
        (end[0] - uy * 2.6, end[1] + ux * 2.6),
        (end[0] + uy * 2.6, end[1] - ux * 2.6),
    )
    return [
        Path(start, ((control, end),), ACCENT, 1.6, role="arrow"),
        Polygon(head, ACCENT, None, 0.0, role="arrow"),
    ]


def _unit(a: Point, b: Point) -> Point:
    length = _distance(a, b) or 1.0
    return ((b[0] - a[0]) / length, (b[1] - a[1]) / length)


def _towards(a: Point, b: Point, length: float) -> Point:
    ux, uy = _unit(a, b)
    return (a[0] + ux * length, a[1] + uy * length)


def _bounds(placed: PlacedPose) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for points in (placed.start, placed.end):
        for name, (x, y) in points.items():
            pad = HEAD_R if name == "head" else LIMB
            xs += [x - pad, x + pad]
            ys += [y - pad, y + pad]
    return min(xs), min(0.0, *ys), max(xs), max(ys)


def _props(placed: PlacedPose) -> tuple[list[Primitive], list[Primitive]]:
    """Props behind the figure and props in front of it (bands)."""
    behind: list[Primitive] = []
    front: list[Primitive] = []
    x0, _, x1, y1 = _bounds(placed)
    for prop in placed.pose.props:
        if prop.kind == "wall":
            if prop.touch:
                x = placed.end[prop.touch][0] + (LIMB if prop.side == "front" else -LIMB)
            if prop.side == "front":
                if not prop.touch:
                    x = max(p[0] for p in placed.end.values()) + LIMB
                wall = ((x, 0.0), (x + 5, 0.0), (x + 5, y1 + 4), (x, y1 + 4))
            else:
                if not prop.touch:
                    x = min(p[0] for p in placed.end.values()) - LIMB
                wall = ((x - 5, 0.0), (x, 0.0), (x, y1 + 4), (x - 5, y1 + 4))
            behind.append(Polygon(wall, PROP_FILL, PROP_STROKE, 1.0, "prop.wall"))
        elif prop.kind in ("step", "box"):
            x, y = placed.end[prop.under]
            top = y - LIMB_HALF_WIDTH if prop.kind == "step" else y - HEAD_R * 0.6
            width = prop.width or (20.0 if prop.kind == "step" else 18.0)
            if prop.kind == "box":
                # A box sits behind the seat, so the buttocks land on its front half.
                left, right = x - width * 0.6, x + width * 0.4
            else:
                left, right = x - width / 2, x + width / 2
            shape = ((left, 0.0), (right, 0.0), (right, top), (left, top))
            behind.append(Polygon(shape, PROP_FILL, PROP_STROKE, 1.0, f"prop.{prop.kind}"))
        elif prop.kind == "mat":
            mat = ((x0 - 2, 0.0), (x1 + 2, 0.0), (x1 + 2, 1.2), (x0 - 2, 1.2))
            behind.append(Polygon(mat, PROP_STROKE, None, 0.0, "prop.mat"))
        elif prop.kind == "band":
            a = placed.end[prop.start]
            if prop.end == "anchor":
                post_x = a[0] + (25.0 if prop.side == "front" else -25.0)
                post = (
                    (post_x - 1.5, 0.0),
                    (post_x + 1.5, 0.0),
                    (post_x + 1.5, 14.0),
                    (post_x - 1.5, 14.0),
                )
                behind.append(Polygon(post, PROP_STROKE, None, 0.0, "prop.post"))
                b = (post_x, 12.0)
            else:
                b = placed.end[prop.end]
            front.append(Line(a, b, BAND, 2.0, "prop.band"))
    return behind, front


def _floor(x0: float, x1: float) -> Line:
    return Line((x0 - 8, 0.0), (x1 + 8, 0.0), FLOOR, 1.2, "floor")


def _extent(primitives: Iterable[Primitive]) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []

    def add(points: Sequence[Point], pad: float) -> None:
        for x, y in points:
            xs.extend((x - pad, x + pad))
            ys.extend((y - pad, y + pad))

    for p in primitives:
        if isinstance(p, Line):
            add((p.start, p.end), p.width / 2)
        elif isinstance(p, Circle):
            add((p.centre,), p.radius + p.width / 2)
        elif isinstance(p, Polygon):
            add(p.points, p.width / 2)
        else:
            add((p.start, *(pt for seg in p.segments for pt in seg)), p.width / 2)
    return min(xs), min(ys), max(xs), max(ys)


def build_scene(pose: Pose) -> Scene:
    """The full picture of a pose: floor, props, start posture faint, end posture, arrow."""
    placed = place(pose)
    behind, front = _props(placed)
    x0, _, x1, _ = _bounds(placed)
    for p in behind:
        if isinstance(p, Polygon):
            x0 = min(x0, *(pt[0] for pt in p.points))
            x1 = max(x1, *(pt[0] for pt in p.points))
    primitives: list[Primitive] = [_floor(x0, x1), *behind]
    if not pose.hold:
        primitives += _ghost(placed.start, pose.view)
    primitives += _figure(placed.end, pose.view, INK, INK_FAR, "end")
    primitives += front
    if not pose.hold:
        primitives += _arrow(placed)
    left, bottom, right, top = _extent(primitives)
    margin = 3.0
    box = (left - margin, bottom - margin, right - left + 2 * margin, top - bottom + 2 * margin)
    return Scene(tuple(primitives), box)
