"""Drill illustrations: a line figure drawn from the pose in the exercise data (no Qt, no PDF)."""

from __future__ import annotations

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
    "illustration_for",
    "pose_for",
    "render_svg",
    "scene_for",
]
