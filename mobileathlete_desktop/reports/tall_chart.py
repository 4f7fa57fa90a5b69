"""A chart as the full record prints it: at the page's width, and a chart much taller than a
page (the limb symmetry of forty measures) over as many pages as it needs, cut between its
rows, rather than shrunk into one page where its words could not be read (it was shown at
under half its size: 3.5-point labels).
"""

from __future__ import annotations

import weakref
from itertools import pairwise
from typing import Any

from mobileathlete_desktop.reports.pdf import figure_pixels, pixels_flowable

SHRINK_AT_MOST = 0.8
"""A chart a little taller than the room is shrunk to fit, down to this part of its width;
a taller one is cut into pieces at the page's width."""
DPI = 150


def chart_pieces(figure: Any, width: float, max_height: float = 640.0) -> list[Any]:
    """The figure as one image at most `width` wide and `max_height` tall, or, when it would
    have to shrink below SHRINK_AT_MOST of `width` to fit, as images `width` wide and each
    at most `max_height` tall, cut between two of its panels where one falls in the lower
    half of a piece, else between two rows of a panel (never through a label or a bar)."""
    image = figure_pixels(figure, DPI)
    px_w, px_h = image.size
    scale = width / px_w  # points a pixel
    if px_h * scale * SHRINK_AT_MOST <= max_height:
        shown_w = min(width, max_height * px_w / px_h)
        return [pixels_flowable(image, shown_w, shown_w * px_h / px_w)]
    gaps, rows = _cuts(figure, px_h)
    room = int(max_height / scale)
    pieces = []
    top = 0
    while px_h - top > room:
        lowest = top + room
        between_panels = [y for y in gaps if top + room // 2 < y <= lowest]
        between_rows = [y for y in rows if top + room // 3 < y <= lowest]
        cut = (between_panels or between_rows or [lowest])[-1]
        pieces.append(image.crop((0, top, px_w, cut)))
        top = cut
    pieces.append(image.crop((0, top, px_w, px_h)))
    return [pixels_flowable(p, width, p.size[1] * scale) for p in pieces]


def _cuts(figure: Any, px_h: int) -> tuple[list[int], list[int]]:
    """Where a drawn figure may be cut, in pixel rows from its top: between two panels
    stacked one above the other (below the lower one's axis words), and halfway between two
    rows of a panel's y axis (its tick labels: a bar chart's measures)."""
    renderer = figure.canvas.get_renderer()
    boxes = sorted(
        (ax.get_tightbbox(renderer) for ax in figure.axes if ax.get_visible()),
        key=lambda b: -b.y1,
    )
    gaps = [
        px_h - round((upper.y0 + lower.y1) / 2)
        for upper, lower in pairwise(boxes)
        if upper.y0 > lower.y1
    ]
    rows = []
    for ax in figure.axes:
        ticks = sorted(ax.transData.transform([(0, t) for t in ax.get_yticks()])[:, 1])
        extent = ax.get_window_extent(renderer)
        inside = [y for y in ticks if extent.y0 <= y <= extent.y1]
        rows += [px_h - round((a + b) / 2) for a, b in pairwise(inside)]
    return sorted(gaps), sorted(rows)


# Charts drawn once a figure: a batch's cover counts a full record's pages by laying it out
# before the real layout, and drawing its charts twice would double the batch's time.
_DRAWN: weakref.WeakKeyDictionary[Any, tuple[float, list[Any]]] = weakref.WeakKeyDictionary()


def drawn_pieces(figure: Any, width: float) -> list[Any]:
    """`chart_pieces` of a figure, drawn once (the image flowables hold no layout state)."""
    held = _DRAWN.get(figure)
    if held is None or held[0] != width:
        held = (width, chart_pieces(figure, width))
        _DRAWN[figure] = held
    return held[1]


def chart_title(figure: Any) -> str:
    """The words a chart is titled with: its figure's title (on one line), else its first
    panel's (a one-panel chart keeps its title there, hidden, when its key heads it)."""
    suptitle = getattr(figure, "_suptitle", None)
    if suptitle is not None and suptitle.get_text().strip():
        return " ".join(suptitle.get_text().split())
    for ax in figure.axes:
        if ax.get_title().strip():
            return " ".join(ax.get_title().split())
    return ""


def paged_pieces(figure: Any, width: float, continued: Any, gap: float) -> list[Any]:
    """`drawn_pieces` of a figure, each after a break of its own (`gap` points of room below
    it), every piece after the first headed by `continued(title)` ("Limb symmetry
    (continued)"): a page that goes on with a chart says which chart, as its own title is on
    the page before. A piece is never put off to the next page by its break alone, which
    platypus would remember and refuse in a batch cover's second layout."""
    from reportlab.platypus import CondPageBreak

    title = chart_title(figure)
    story: list[Any] = []
    for number, piece in enumerate(drawn_pieces(figure, width)):
        head = continued(title) if number and title else None
        if head is None:
            story += [CondPageBreak(piece.drawHeight + gap), piece]
            continue
        _, high = head.wrap(width, 1000)
        # The break leaves room for both: the heading never ends a page without its piece.
        story += [CondPageBreak(piece.drawHeight + high + head.getSpaceBefore() + gap), head, piece]
    return story
