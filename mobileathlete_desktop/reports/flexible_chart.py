"""A chart on a summary page: the page's width up to a height, or less to fit the room left on
the page (reports/summary.py)."""

from __future__ import annotations

from typing import Any

from mobileathlete_desktop.reports.pdf import chart_image, content_width

# A chart shrinks to the room left on a page down to this height (points) rather than leave
# the page's foot empty; below it, it starts the next page at full size.
SHORTEST_CHART = 170.0


def flexible_chart(figure: Any, tallest: float, draw: bool, *, shrinks: bool = True) -> Any:
    """A chart that takes the page's width up to `tallest`, or (when it `shrinks`) less to fit
    the room left on the page (not under SHORTEST_CHART); blank space of the same size when
    `draw` is false (a trial layout that counts pages)."""
    from reportlab.platypus import Flowable

    fig_w, fig_h = figure.get_size_inches()
    aspect = fig_w / fig_h
    pixels = chart_image(figure, content_width(), max_height=tallest) if draw else None

    class FlexibleChart(Flowable):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.hAlign = "CENTER"

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            full = min(tallest, available_width / aspect)
            # Never under 3/4 of its size: a tall chart made short gets too narrow to read.
            fits = shrinks and max(SHORTEST_CHART, full * 0.75) <= available_height < full
            self.height = available_height if fits else full
            self.width = self.height * aspect
            return self.width, self.height

        def draw(self) -> None:
            if pixels is not None:
                pixels.drawWidth, pixels.drawHeight = self.width, self.height
                pixels.drawOn(self.canv, 0, 0)

    return FlexibleChart()
