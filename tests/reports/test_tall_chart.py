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


@pytest.mark.parametrize(("lang", "continued"), [("en", "continued"), ("es", "continuación")])
def test_a_page_that_goes_on_with_a_chart_repeats_its_title(lang: str, continued: str) -> None:
    """The limb symmetry cut over two pages: the second piece, without the chart's title
    (drawn at its top, on the page before), is headed "Limb symmetry (continued)"."""
    from reportlab.platypus import CondPageBreak, Paragraph

    from mobileathlete_desktop.reports.pdf import para
    from mobileathlete_desktop.reports.tall_chart import paged_pieces
    from mobileathlete_desktop.support.i18n import texts

    tr = texts(lang)
    figure = _bars(44, 19.0)
    figure.suptitle("Limb symmetry:\nside-to-side difference")

    def heading(title: str) -> Any:
        return para(tr.gettext("{title} (continued)", title=title), "h2")

    story = paged_pieces(figure, WIDTH, heading, 17.0)
    heads = [f.getPlainText() for f in story if isinstance(f, Paragraph)]
    pieces = chart_pieces(figure, WIDTH)
    assert len(heads) == len(pieces) - 1 >= 1
    assert heads[0] == f"Limb symmetry: side-to-side difference ({continued})"
    # Each heading comes after its break, before its piece: never alone at a page's foot.
    for at, flowable in enumerate(story):
        if isinstance(flowable, Paragraph):
            assert isinstance(story[at - 1], CondPageBreak)
            assert story[at - 1].height >= story[at + 1].drawHeight + 17.0 + 14
    # A chart that fits has no heading.
    assert not [
        f for f in paged_pieces(_bars(8, 4.0), WIDTH, heading, 17.0) if isinstance(f, Paragraph)
    ]
