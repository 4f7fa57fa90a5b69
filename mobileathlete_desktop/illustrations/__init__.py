"""Drill illustrations: a line figure drawn from the pose in the exercise data (no Qt, no PDF)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from mobileathlete_desktop.domain.exercises import Exercise
from mobileathlete_desktop.illustrations.pose import Pose, PoseError
from mobileathlete_desktop.illustrations.scene import Scene, build_scene
from mobileathlete_desktop.illustrations.svg import scene_to_svg
from mobileathlete_desktop.support.i18n import texts


@dataclass(frozen=True)
class MissingIllustration:
    """A clinic's own image for a drill was expected at `path` but is not there; the drawn
    `scene` stands in for it, and a handout can name the missing file in a warning."""

    code: str
    path: Path
    scene: Scene

    def message(self, lang: str = "en") -> str:
        """A one-line warning for the therapist."""
        return texts(lang).gettext(
            "The clinic's image for drill {code} is missing: {path}", code=self.code, path=self.path
        )


Illustration = Path | Scene | MissingIllustration


def pose_for(exercise: Exercise) -> Pose:
    """The drill's pose, read from its data (PoseError names the drill if it is malformed)."""
    return Pose.from_mapping(exercise.pose, f"{exercise.code}.pose")


def scene_for(exercise: Exercise) -> Scene:
    """The drawn picture of a drill as primitives."""
    return build_scene(pose_for(exercise))


def render_svg(exercise: Exercise, width: str | None = None) -> str:
    """The drawn picture of a drill as SVG text."""
    return scene_to_svg(scene_for(exercise), title=exercise.name("en"), width=width)


# Each drill's figure as SVG text (None: it cannot be drawn), by code, for the process: the
# figures never change; drawing one takes 1-2 ms of Python.
_FIGURES: dict[str, str | None] = {}


def figure_svg(exercise: Exercise) -> str | None:
    """The drill's drawn figure as SVG text (kept), or None when its pose cannot be drawn."""
    if exercise.code not in _FIGURES:
        try:
            _FIGURES[exercise.code] = render_svg(exercise)
        except Exception:  # a malformed pose must not break a list; the name is still shown
            _FIGURES[exercise.code] = None
    return _FIGURES[exercise.code]


def draw_ahead(pause_s: float = 0.0005) -> int:
    """Draws every drill's figure of the default library once, ahead of time (ui.prewarm's
    plain thread: the program builder's first opening then finds them drawn, and its picture
    worker no longer takes the interpreter from the UI thread for 20-30 ms of Python while the
    window is built and painted). Pauses between figures so that the UI thread gets the
    interpreter at once when it asks. Returns how many were drawn."""
    from mobileathlete_desktop.domain.exercises import default_exercise_library

    library = default_exercise_library()
    drawn = 0
    for exercise in library or ():
        if exercise.code not in _FIGURES:
            figure_svg(exercise)
            drawn += 1
            time.sleep(pause_s)
    return drawn


def illustration_for(exercise: Exercise, custom_image_path: Path | None = None) -> Illustration:
    """The clinic's own image when it exists, else the drawn scene; a custom path that does
    not exist gives MissingIllustration (carrying the drawn scene), never an exception."""
    if custom_image_path is None:
        return scene_for(exercise)
    if custom_image_path.is_file():
        return custom_image_path
    return MissingIllustration(exercise.code, custom_image_path, scene_for(exercise))


__all__ = [
    "Illustration",
    "MissingIllustration",
    "Pose",
    "PoseError",
    "Scene",
    "draw_ahead",
    "figure_svg",
    "illustration_for",
    "pose_for",
    "render_svg",
    "scene_for",
]
