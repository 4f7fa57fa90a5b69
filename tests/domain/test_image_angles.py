"""Angles and distances on an image: exact geometry in image coordinates (y down)."""

from __future__ import annotations

import math

import pytest

from mobileathlete_desktop.domain.image_angles import (
    Annotation,
    Calibration,
    GeometryError,
    Point,
    angle_to_horizontal,
    angle_to_vertical,
    fit_within,
    goniometer_angle,
    reading,
    suggest_points,
    supplementary,
    three_point_angle,
)

ORIGIN = Point(100, 100)


def at(angle_deg: float, length: float = 50, origin: Point = ORIGIN) -> Point:
    """A point `length` px from origin at `angle_deg` counter-clockwise on screen (y down)."""
    rad = math.radians(angle_deg)
    return Point(origin.x + length * math.cos(rad), origin.y - length * math.sin(rad))


@pytest.mark.parametrize("angle", [0.0, 12.5, 45.0, 90.0, 133.0, 180.0])
def test_three_point_angle_is_the_unsigned_angle_at_the_vertex(angle: float) -> None:
    assert three_point_angle(at(0), ORIGIN, at(angle)) == pytest.approx(angle, abs=1e-9)
    assert three_point_angle(at(angle), ORIGIN, at(0)) == pytest.approx(angle, abs=1e-9)


def test_three_point_angle_never_exceeds_180() -> None:
    assert three_point_angle(at(10), ORIGIN, at(260)) == pytest.approx(110)


def test_goniometer_reads_from_stationary_to_moving_counter_clockwise_positive() -> None:
    assert goniometer_angle(ORIGIN, at(0), at(30)) == pytest.approx(30)
    assert goniometer_angle(ORIGIN, at(30), at(0)) == pytest.approx(-30)
    assert goniometer_angle(ORIGIN, at(-90), at(90)) == pytest.approx(180)


def test_screen_up_is_counter_clockwise_even_though_y_grows_down() -> None:
    right, up = Point(110, 100), Point(100, 90)  # "up" has the smaller y
    assert goniometer_angle(ORIGIN, right, up) == pytest.approx(90)


def test_angle_to_vertical_and_horizontal_with_their_signs() -> None:
    lower = Point(100, 200)
    assert angle_to_vertical(lower, Point(100, 100)) == pytest.approx(0)
    leaning_right = Point(100 + 100 * math.tan(math.radians(20)), 100)
    assert angle_to_vertical(lower, leaning_right) == pytest.approx(20)
    assert angle_to_vertical(leaning_right, lower) == pytest.approx(20)  # order does not matter
    assert angle_to_vertical(lower, Point(100 - 36.397, 100)) == pytest.approx(-20, abs=1e-3)
    assert angle_to_horizontal(Point(0, 0), Point(100, 0)) == pytest.approx(0)
    assert angle_to_horizontal(Point(0, 100), at(15, 80, Point(0, 100))) == pytest.approx(15)
    assert angle_to_horizontal(Point(0, 0), Point(100, 100)) == pytest.approx(-45)


def test_supplementary_and_signed_readings() -> None:
    assert supplementary(170) == 10
    knee = [at(0), ORIGIN, at(170)]
    assert reading("three_point", knee).value == 170.0
    assert reading("three_point", knee, use_supplementary=True).value == 10.0
    swing = [ORIGIN, at(30), at(0)]
    assert reading("goniometer", swing).value == 30.0
    assert reading("goniometer", swing, signed=True).value == -30.0
    assert reading("goniometer", swing, signed=True, use_supplementary=True).value == -150.0


def test_a_calibrated_line_turns_pixels_into_centimetres() -> None:
    scale = Calibration(Point(10, 10), Point(210, 10), cm=10.0)  # 200 px = 10 cm
    assert scale.cm_per_px == pytest.approx(0.05)
    assert scale.distance_cm(Point(0, 0), Point(300, 400)) == pytest.approx(25.0)
    read = reading("distance", [Point(0, 0), Point(300, 400)], calibration=scale)
    assert (read.value, read.unit) == (25.0, "cm")
    with pytest.raises(GeometryError, match="Calibrate"):
        reading("distance", [Point(0, 0), Point(1, 1)])
    with pytest.raises(GeometryError):
        Calibration(Point(0, 0), Point(100, 0), cm=0)
    with pytest.raises(GeometryError):
        Calibration(Point(0, 0), Point(0.2, 0), cm=5)


def test_points_on_top_of_each_other_and_wrong_counts_are_refused() -> None:
    with pytest.raises(GeometryError, match="on top of each other"):
        three_point_angle(ORIGIN, ORIGIN, at(10))
    with pytest.raises(GeometryError, match="needs 3 points"):
        reading("goniometer", [ORIGIN, at(10)])


def test_an_annotation_round_trips_through_json() -> None:
    made = Annotation(
        tool="goniometer",
        points=(ORIGIN, at(0), at(42)),
        signed=True,
        use_supplementary=False,
        calibration=Calibration(Point(0, 0), Point(100, 0), 20.0),
        frame_time=1.5,
    )
    again = Annotation.from_json(made.to_json())
    assert again == made
    assert again.reading().value == 42.0
    with pytest.raises(GeometryError):
        Annotation.from_json({"tool": "laser", "points": []})
    with pytest.raises(GeometryError):
        Annotation.from_json({"points": [[1, 2]]})


def test_images_are_stored_no_larger_than_2000_px_a_side() -> None:
    assert fit_within(1600, 1200) == (1600, 1200)
    assert fit_within(4032, 3024) == (2000, 1500)
    assert fit_within(1080, 1920) == (1080, 1920)
    assert fit_within(2160, 3840) == (1125, 2000)


def test_no_landmarks_are_suggested_without_a_model() -> None:
    assert suggest_points(object()) == []
