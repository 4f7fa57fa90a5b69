"""A chart much taller than a page (the full record's limb symmetry of forty measures) prints
at the page's width over several pieces, cut between its rows; a chart that fits, or nearly
fits, is one image as before."""

from __future__ import annotations

from typing import Any

import pytest

from mobileathlete_desktop.reports.tall_chart import DPI, SHRINK_AT_MOST, chart_pieces

WIDTH = 460.0
ROOM = 640.0


def _bars(rows: int, height_in: float, panels: int = 1) -> Any:
    """A bar chart of `rows` measures a panel, `height_in` inches tall, 7 wide (as charts/
    draws the limb symmetry)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7.0, height_in))
    axes = figure.subplots(panels, 1, squeeze=False)[:, 0]
    for number, ax in enumerate(axes):
        ax.barh(range(rows), [(i % 7) + 1 for i in range(rows)], height=0.6)
        ax.set_yticks(range(rows))
        ax.set_yticklabels([f"Measure {number}.{i}" for i in range(rows)])
        ax.set_xlabel("Side-to-side difference (°)")
    figure.tight_layout()
    return figure


def test_a_chart_that_fits_is_one_image_as_before() -> None:
    pieces = chart_pieces(_bars(8, 4.0), WIDTH, ROOM)
    assert len(pieces) == 1
    assert pieces[0].drawWidth == pytest.approx(WIDTH)


def test_a_chart_a_little_too_tall_is_shrunk_into_one_page() -> None:
    # At the page's width it would be 1.1 times the room: shrunk, not cut.
    height_in = 1.1 * ROOM / WIDTH * 7.0
    (piece,) = chart_pieces(_bars(12, height_in), WIDTH, ROOM)
    assert piece.drawHeight == pytest.approx(ROOM, abs=1)
    assert piece.drawWidth >= WIDTH * SHRINK_AT_MOST


@pytest.mark.parametrize("room", [560.0, 600.0, 640.0])
def test_a_tall_chart_prints_at_the_page_width_cut_between_rows(room: float) -> None:
    figure = _bars(44, 19.0)  # 44 measures in one panel: 19 inches, twice the room or more
    pieces = chart_pieces(figure, WIDTH, room)
    assert len(pieces) in (2, 3)
    assert all(p.drawWidth == pytest.approx(WIDTH) for p in pieces)  # readable: not shrunk
    assert all(p.drawHeight <= room + 0.5 for p in pieces)
    full = 19.0 * WIDTH / 7.0
    assert sum(p.drawHeight for p in pieces) == pytest.approx(full, abs=2)
    # Every cut falls between two rows, never through a bar or a measure's name.
    renderer = figure.canvas.get_renderer()
    px_h = figure.canvas.get_width_height()[1]
    drawn = [
        *(patch.get_window_extent(renderer) for ax in figure.axes for patch in ax.patches),
        *(
            label.get_window_extent(renderer)
            for ax in figure.axes
            for label in ax.get_yticklabels()
        ),
    ]
    bars = [(px_h - box.y1, px_h - box.y0) for box in drawn]
    top = 0.0
    for piece in pieces[:-1]:
        top += piece.drawHeight * px_h / (19.0 * WIDTH / 7.0)
        assert not any(upper < top < lower for upper, lower in bars), top
    assert figure.get_dpi() == DPI
