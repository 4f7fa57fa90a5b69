"""Drill illustrations as reportlab drawings, so PDFs carry vector art without an SVG parser."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mobileathlete_desktop.domain.exercises import Exercise
from mobileathlete_desktop.illustrations import scene_for
from mobileathlete_desktop.illustrations.scene import Circle, Line, Path, Polygon, Scene

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing


def scene_drawing(scene: Scene, width: float, height: float) -> Drawing:
    """The scene scaled to fit inside width × height points, centred, aspect kept."""
    from reportlab.graphics import shapes
    from reportlab.lib.colors import HexColor

    x0, y0, w, h = scene.box
    scale = min(width / w, height / h)
    dx = (width - w * scale) / 2 - x0 * scale
    dy = (height - h * scale) / 2 - y0 * scale
    group = shapes.Group(transform=(scale, 0, 0, scale, dx, dy))

    def colour(value: str | None) -> object:
        return HexColor(value) if value else None

    for p in scene.primitives:
        if isinstance(p, Line):
            group.add(
                shapes.Line(
                    *p.start,
                    *p.end,
                    strokeColor=colour(p.stroke),
                    strokeWidth=p.width,
                    strokeLineCap=1,
                )
            )
        elif isinstance(p, Circle):
            group.add(
                shapes.Circle(
                    *p.centre,
                    p.radius,
                    fillColor=colour(p.fill),
                    strokeColor=colour(p.stroke) if p.width else None,
                    strokeWidth=p.width,
                )
            )
        elif isinstance(p, Polygon):
            group.add(
                shapes.Polygon(
                    [c for pt in p.points for c in pt],
                    fillColor=colour(p.fill),
                    strokeColor=colour(p.stroke) if p.width else None,
                    strokeWidth=p.width,
                    strokeLineJoin=1,
                )
            )
        elif isinstance(p, Path):
            path = shapes.Path(
                fillColor=None,
                strokeColor=colour(p.stroke),
                strokeWidth=p.width,
                strokeLineCap=1,
            )
            path.moveTo(*p.start)
            current = p.start
            for control, end in p.segments:
                # reportlab paths take cubic curves: raise the quadratic's degree.
                c1 = (
                    current[0] + 2 / 3 * (control[0] - current[0]),
                    current[1] + 2 / 3 * (control[1] - current[1]),
                )
                c2 = (
                    end[0] + 2 / 3 * (control[0] - end[0]),
                    end[1] + 2 / 3 * (control[1] - end[1]),
                )
                path.curveTo(*c1, *c2, *end)
                current = end
            if p.dashed:
                path.strokeDashArray = [3, 2]
            group.add(path)
    drawing = shapes.Drawing(width, height)
    drawing.add(group)
    return drawing


def exercise_drawing(exercise: Exercise, width: float, height: float) -> Drawing:
    """A drill's drawn illustration as a reportlab Drawing of width × height points."""
    return scene_drawing(scene_for(exercise), width, height)
