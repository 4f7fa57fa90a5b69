"""Tests for the drawn scenes and their SVG text, for every drill in the library."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mobileathlete_desktop.domain.exercises import Exercise, default_exercise_library
from mobileathlete_desktop.illustrations import (
    MissingIllustration,
    illustration_for,
    pose_for,
    render_svg,
    scene_for,
)
from mobileathlete_desktop.illustrations.pose import lowest_y, place
from mobileathlete_desktop.illustrations.scene import Scene

SVG = "{http://www.w3.org/2000/svg}"
LIBRARY = default_exercise_library()


@pytest.mark.parametrize("exercise", list(LIBRARY), ids=lambda e: e.code)
def test_every_drill_renders_a_parsable_svg_with_a_figure(exercise: Exercise) -> None:
    root = ET.fromstring(render_svg(exercise))
    assert root.tag == f"{SVG}svg"
    classes = {el.get("class") for el in root.iter()}
    assert {"floor", "figure.end", "figure.end.trunk", "figure.end.head"} <= classes
    assert len(root.findall(f"{SVG}line")) >= 12
    if exercise.pose.get("start") is not None:
        assert "figure.start" in classes
    assert root.find(f"{SVG}title").text == exercise.name("en")  # type: ignore[union-attr]


@pytest.mark.parametrize("exercise", list(LIBRARY), ids=lambda e: e.code)
def test_every_figure_stands_on_the_floor_not_through_it(exercise: Exercise) -> None:
    placed = place(pose_for(exercise))
    lowest = min(lowest_y(placed.start), lowest_y(placed.end))
    # Joint centres sit half a limb above the floor; allow a little for a light toe touch.
    on_step = any(prop.kind == "step" for prop in placed.pose.props)
    assert lowest > -1.0 and (on_step or lowest < 4.0)
    _, _, width, height = scene_for(exercise).box
    assert width > 20 and height > 20


@pytest.mark.parametrize(
    ("code", "roles"),
    [
        ("mobility.knee_to_wall_rock", {"prop.wall", "arrow"}),
        ("control.step_down_forward", {"prop.step", "arrow"}),
        ("control.single_leg_squat_to_box", {"prop.box"}),
        ("control.clamshell", {"prop.band", "prop.mat"}),
        ("stretch.calf_wall", {"prop.wall"}),
    ],
)
def test_props_are_drawn(code: str, roles: set[str]) -> None:
    assert roles <= scene_for(LIBRARY[code]).roles()


def test_static_holds_have_no_motion_arrow() -> None:
    assert "arrow" not in scene_for(LIBRARY["stretch.calf_wall"]).roles()
    assert "arrow" in scene_for(LIBRARY["mobility.leg_swing_front_back"]).roles()


def test_custom_image_is_used_when_it_exists(tmp_path: Path) -> None:
    image = tmp_path / "swing.png"
    image.write_bytes(b"\x89PNG")
    exercise = LIBRARY["mobility.leg_swing_front_back"]
    assert illustration_for(exercise, image) == image
    assert isinstance(illustration_for(exercise, None), Scene)


def test_missing_custom_image_is_signalled_not_raised(tmp_path: Path) -> None:
    exercise = LIBRARY["mobility.leg_swing_front_back"]
    result = illustration_for(exercise, tmp_path / "gone.png")
    assert isinstance(result, MissingIllustration)
    assert result.path == tmp_path / "gone.png"
    assert isinstance(result.scene, Scene)
    assert "gone.png" in result.message("en") and "Falta" in result.message("es")
