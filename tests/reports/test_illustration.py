"""Tests for drill illustrations as reportlab drawings."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.graphics import shapes
from reportlab.graphics.renderPDF import drawToFile

from mobileathlete_desktop.domain.exercises import default_exercise_library
from mobileathlete_desktop.reports.illustration import exercise_drawing

LIBRARY = default_exercise_library()


@pytest.mark.parametrize(("width", "height"), [(120, 90), (200, 300)])
def test_drawing_has_the_requested_size_and_every_primitive(width: float, height: float) -> None:
    exercise = LIBRARY["mobility.walking_lunge_twist"]
    drawing = exercise_drawing(exercise, width, height)
    assert (drawing.width, drawing.height) == (width, height)
    group = drawing.contents[0]
    kinds = {type(item) for item in group.contents}
    assert {shapes.Line, shapes.Circle, shapes.Polygon, shapes.Path} <= kinds
    x0, y0, x1, y1 = drawing.getBounds()
    assert x0 >= -0.5 and x1 <= width + 0.5 and y0 >= -0.5 and y1 <= height + 0.5


def test_drawing_renders_into_a_pdf(tmp_path: Path) -> None:
    target = tmp_path / "drill.pdf"
    drawToFile(exercise_drawing(LIBRARY["control.step_down_forward"], 200, 150), str(target))
    assert target.read_bytes().startswith(b"%PDF")
