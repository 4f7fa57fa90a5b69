"""Angles and distances measured on a photo or a video frame by the therapist (issue 19).

Pure geometry on image coordinates (pixels, x to the right, y *down* as images are stored):
a three-point angle, a goniometer (axis, stationary arm, moving arm), a segment's angle to the
vertical or the horizontal, and a line calibrated in centimetres for distances. Signed angles
are counter-clockwise positive *as seen on the screen*. Nothing here guesses where a joint is:
`suggest_points` is the seam where a clinic-supplied landmark model could propose points later.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

Tool = Literal["three_point", "goniometer", "vertical", "horizontal", "distance"]
TOOLS: tuple[Tool, ...] = ("three_point", "goniometer", "vertical", "horizontal", "distance")
POINTS_NEEDED: Mapping[Tool, int] = {
    "three_point": 3,  # end, vertex, end
    "goniometer": 3,  # axis, stationary arm end, moving arm end
    "vertical": 2,
    "horizontal": 2,
    "distance": 2,
}
MAX_IMAGE_BYTES = 8 * 1024 * 1024
"""A stored image (source or annotated still) is at most this big once prepared."""
MAX_SIDE_PX = 2000
"""A stored image is downscaled so neither side is longer than this."""


class GeometryError(ValueError):
    """Points that do not define the asked angle or distance (two points on top of each other)."""


@dataclass(frozen=True)
class Point:
    """A point on the image, in image pixels (y down)."""

    x: float
    y: float

    def moved(self, dx: float, dy: float) -> Point:
        """This point nudged by (dx, dy) pixels."""
        return Point(self.x + dx, self.y + dy)


def _vector(a: Point, b: Point) -> tuple[float, float]:
    """From a to b, turned to y-up so counter-clockwise on screen is positive."""
    dx, dy = b.x - a.x, -(b.y - a.y)
    if math.hypot(dx, dy) < 1e-9:
        raise GeometryError("Two points are on top of each other: move one apart")
    return dx, dy


def signed_between(origin: Point, first: Point, second: Point) -> float:
    """The angle turning from the arm origin→first to the arm origin→second, in degrees,
    counter-clockwise (on screen) positive, in (-180, 180]."""
    ax, ay = _vector(origin, first)
    bx, by = _vector(origin, second)
    angle = math.degrees(math.atan2(ax * by - ay * bx, ax * bx + ay * by))
    return 180.0 if angle == -180.0 else angle


def three_point_angle(end1: Point, vertex: Point, end2: Point) -> float:
    """The angle at `vertex` between the two arms, 0-180 degrees (never signed)."""
    return abs(signed_between(vertex, end1, end2))


def goniometer_angle(axis: Point, stationary: Point, moving: Point) -> float:
    """A goniometer reading: from the stationary arm to the moving arm about the axis, signed
    (counter-clockwise on screen positive), in (-180, 180]."""
    return signed_between(axis, stationary, moving)


def angle_to_vertical(a: Point, b: Point) -> float:
    """The segment a-b against the vertical, signed, in (-90, 90]: 0 upright, positive when
    its upper end leans to the right of the lower end on screen (direction of a-b ignored)."""
    top, bottom = (a, b) if a.y <= b.y else (b, a)
    dx, dy = _vector(bottom, top)
    angle = math.degrees(math.atan2(dx, dy))  # from straight up, clockwise positive
    return 90.0 if angle == -90.0 else angle


def angle_to_horizontal(a: Point, b: Point) -> float:
    """The segment a-b against the horizontal, signed, in (-90, 90]: 0 level, positive when its
    right end is higher than its left end on screen (direction of a-b ignored)."""
    left, right = (a, b) if a.x <= b.x else (b, a)
    dx, dy = _vector(left, right)
    angle = math.degrees(math.atan2(dy, dx))
    return 90.0 if angle == -90.0 else angle


def supplementary(angle: float) -> float:
    """180 minus the angle's size: a knee read as 170° between the segments is 10° of flexion."""
    return 180.0 - abs(angle)


def pixel_length(a: Point, b: Point) -> float:
    """The distance between two points in pixels."""
    return math.hypot(b.x - a.x, b.y - a.y)


@dataclass(frozen=True)
class Calibration:
    """A line on the image whose real length is known (a marked reference in the picture)."""

    a: Point
    b: Point
    cm: float

    def __post_init__(self) -> None:
        if not (self.cm > 0 and math.isfinite(self.cm)):
            raise GeometryError("The reference length must be a positive number of centimetres")
        if pixel_length(self.a, self.b) < 1.0:
            raise GeometryError("The reference line is too short: mark both of its ends")

    @property
    def cm_per_px(self) -> float:
        """Centimetres one pixel stands for, on the reference's plane."""
        return self.cm / pixel_length(self.a, self.b)

    def distance_cm(self, a: Point, b: Point) -> float:
        """The distance between two points, in centimetres on the reference's plane."""
        return pixel_length(a, b) * self.cm_per_px


@dataclass(frozen=True)
class Reading:
    """What a tool reads: the value shown and stored, its unit and how it was taken."""

    tool: Tool
    value: float
    unit: Literal["deg", "cm"]
    raw: float
    """The angle as measured before the reading choices (signed, before supplementary)."""
    signed: bool
    supplementary: bool


def reading(
    tool: Tool,
    points: Sequence[Point],
    *,
    signed: bool = False,
    use_supplementary: bool = False,
    calibration: Calibration | None = None,
) -> Reading:
    """The reading of a tool from its points (in the order POINTS_NEEDED says).

    Angles are unsigned unless `signed`; `use_supplementary` reads 180 minus the angle (kept
    with the sign when signed). A distance needs a calibration (GeometryError otherwise).
    """
    need = POINTS_NEEDED[tool]
    if len(points) != need:
        raise GeometryError(f"This tool needs {need} points; {len(points)} are placed")
    if tool == "distance":
        if calibration is None:
            raise GeometryError("Calibrate a line of known length first")
        cm = calibration.distance_cm(points[0], points[1])
        return Reading(tool, round(cm, 1), "cm", cm, signed=False, supplementary=False)
    if tool == "three_point":
        raw = signed_between(points[1], points[0], points[2])
    elif tool == "goniometer":
        raw = goniometer_angle(points[0], points[1], points[2])
    elif tool == "vertical":
        raw = angle_to_vertical(points[0], points[1])
    else:
        raw = angle_to_horizontal(points[0], points[1])
    value = abs(raw)
    if use_supplementary:
        value = supplementary(value)
    if signed and raw < 0:
        value = -value
    return Reading(tool, round(value, 1), "deg", raw, signed, use_supplementary)


# -- the annotation kept with a still, so it can be opened again ---------------------------


@dataclass(frozen=True)
class Annotation:
    """Everything drawn on a still: the tool and its points, the reading choices, the
    calibration line (if any) and, for a video, the frame's time."""

    tool: Tool
    points: tuple[Point, ...]
    signed: bool = False
    use_supplementary: bool = False
    calibration: Calibration | None = None
    frame_time: float | None = None

    def reading(self) -> Reading:
        """The reading these points give."""
        return reading(
            self.tool,
            self.points,
            signed=self.signed,
            use_supplementary=self.use_supplementary,
            calibration=self.calibration,
        )

    def scaled(self, factor: float) -> Annotation:
        """The same annotation on the image scaled by `factor` (the calibration's real length
        and every angle stay as they were)."""
        if factor == 1:
            return self

        def at(p: Point) -> Point:
            return Point(p.x * factor, p.y * factor)

        cal = self.calibration
        return Annotation(
            tool=self.tool,
            points=tuple(at(p) for p in self.points),
            signed=self.signed,
            use_supplementary=self.use_supplementary,
            calibration=None if cal is None else Calibration(at(cal.a), at(cal.b), cal.cm),
            frame_time=self.frame_time,
        )

    def to_json(self) -> dict[str, Any]:
        """A plain dict for the database's JSON column."""
        data: dict[str, Any] = {
            "tool": self.tool,
            "points": [[p.x, p.y] for p in self.points],
            "signed": self.signed,
            "supplementary": self.use_supplementary,
        }
        if self.calibration is not None:
            c = self.calibration
            data["calibration"] = {"a": [c.a.x, c.a.y], "b": [c.b.x, c.b.y], "cm": c.cm}
        if self.frame_time is not None:
            data["frame_time"] = self.frame_time
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Annotation:
        """Reads back what `to_json` wrote (GeometryError on anything else)."""
        try:
            tool = data["tool"]
            if tool not in TOOLS:
                raise GeometryError(f"Unknown tool {tool!r}")
            points = tuple(Point(float(x), float(y)) for x, y in data["points"])
            cal = data.get("calibration")
            calibration = (
                Calibration(
                    Point(float(cal["a"][0]), float(cal["a"][1])),
                    Point(float(cal["b"][0]), float(cal["b"][1])),
                    float(cal["cm"]),
                )
                if cal
                else None
            )
            time = data.get("frame_time")
            return cls(
                tool=tool,
                points=points,
                signed=bool(data.get("signed", False)),
                use_supplementary=bool(data.get("supplementary", False)),
                calibration=calibration,
                frame_time=None if time is None else float(time),
            )
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, GeometryError):
                raise
            raise GeometryError(f"Not an annotation: {exc}") from exc


def fit_within(width: int, height: int, max_side: int = MAX_SIDE_PX) -> tuple[int, int]:
    """The size an image is stored at: unchanged when it fits, else scaled down to fit."""
    longest = max(width, height)
    if longest <= max_side:
        return width, height
    scale = max_side / longest
    return max(1, round(width * scale)), max(1, round(height * scale))


def suggest_points(image: object, tool: Tool = "three_point") -> list[Point]:
    """Points a landmark model suggests for this tool on this image: none.

    The seam for a clinic-supplied model (automatic detection is not part of the program);
    the window places whatever this returns as movable points, so an empty list means the
    therapist places every point.
    """
    del image, tool
    return []
