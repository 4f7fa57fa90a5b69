"""Scene primitives as SVG text (a viewBox, no external dependencies)."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from mobileathlete_desktop.illustrations.scene import Circle, Line, Polygon, Primitive, Scene


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _paint(fill: str | None, stroke: str | None, width: float) -> str:
    parts = [f'fill="{fill or "none"}"']
    if stroke and width > 0:
        parts.append(f'stroke="{stroke}" stroke-width="{_num(width)}"')
    return " ".join(parts)


def _element(p: Primitive, flip: float) -> str:
    """One primitive; `flip` turns the scene's y-up coordinates into SVG's y-down ones."""
    role = f" class={quoteattr(p.role)}" if p.role else ""
    if isinstance(p, Line):
        (x1, y1), (x2, y2) = p.start, p.end
        return (
            f'<line{role} x1="{_num(x1)}" y1="{_num(flip - y1)}" x2="{_num(x2)}" '
            f'y2="{_num(flip - y2)}" stroke="{p.stroke}" stroke-width="{_num(p.width)}" '
            'stroke-linecap="round"/>'
        )
    if isinstance(p, Circle):
        x, y = p.centre
        return (
            f'<circle{role} cx="{_num(x)}" cy="{_num(flip - y)}" r="{_num(p.radius)}" '
            f"{_paint(p.fill, p.stroke, p.width)}/>"
        )
    if isinstance(p, Polygon):
        points = " ".join(f"{_num(x)},{_num(flip - y)}" for x, y in p.points)
        return (
            f'<polygon{role} points="{points}" {_paint(p.fill, p.stroke, p.width)} '
            'stroke-linejoin="round"/>'
        )
    data = [f"M {_num(p.start[0])} {_num(flip - p.start[1])}"]
    for (cx, cy), (x, y) in p.segments:
        data.append(f"Q {_num(cx)} {_num(flip - cy)} {_num(x)} {_num(flip - y)}")
    dash = ' stroke-dasharray="3 2"' if p.dashed else ""
    return (
        f'<path{role} d="{" ".join(data)}" fill="none" stroke="{p.stroke}" '
        f'stroke-width="{_num(p.width)}" stroke-linecap="round"{dash}/>'
    )


def scene_to_svg(scene: Scene, title: str = "", width: str | None = None) -> str:
    """The scene as a standalone SVG document; `width` (e.g. "6cm") fixes the printed size."""
    x, y, w, h = scene.box
    flip = y + y + h  # maps y-up scene coordinates into the same viewBox, y-down
    size = f' width="{width}"' if width else ""
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{_num(x)} {_num(y)} {_num(w)} '
        f'{_num(h)}"{size} role="img">'
    ]
    if title:
        lines.append(f"<title>{_escape(title)}</title>")
    lines.extend(_element(p, flip) for p in scene.primitives)
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
