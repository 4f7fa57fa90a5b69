"""The drills' figures are drawn once, ahead of time (ui.prewarm's plain thread), so the program
builder's first opening does not draw them beside its first frame (issue 22)."""

from __future__ import annotations

import mobileathlete_desktop.illustrations as illustrations
from mobileathlete_desktop.domain.exercises import default_exercise_library
from mobileathlete_desktop.illustrations.svg import scene_to_svg
from mobileathlete_desktop.ui import prewarm


def test_every_drill_is_drawn_ahead_once_and_as_drawn_on_demand(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(illustrations, "_FIGURES", {})
    library = default_exercise_library()
    assert library is not None
    assert illustrations.draw_ahead(pause_s=0) == len(library)
    assert illustrations.draw_ahead(pause_s=0) == 0  # kept: nothing drawn twice
    for exercise in library:
        fresh = scene_to_svg(illustrations.scene_for(exercise), title=exercise.name("en"))
        assert illustrations.figure_svg(exercise) == fresh


def test_the_prewarm_draws_them() -> None:
    assert ("mobileathlete_desktop.illustrations", "draw_ahead") in prewarm.WARM_CALLS
