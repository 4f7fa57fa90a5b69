"""A chart for the screen as a picture: built, laid out for the room it gets and drawn into
pixels, with what the window needs to read it (where each axes' data lands, titles, notes).

`draw_picture` is the one way a chart for the screen is drawn: in the chart process
(charts/process.py), or on the asking thread when that process cannot help. Its answer is
plain data (bytes, numbers, strings), so it crosses a process boundary as it is, and the
window shows it without matplotlib.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mobileathlete_desktop.domain.catalogue import Catalogue, Mode
from mobileathlete_desktop.domain.checkins import CheckinRecord
from mobileathlete_desktop.domain.records import ClientHistory

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SCREEN_DPI = 100.0
"""The dpi a chart is laid out at for one logical pixel a device pixel (new_figure's)."""


@dataclass(frozen=True)
class ChartRequest:
    """Which chart to draw, from what, and for how much room on screen.

    `room` is (width, height, scroll bar width) in device pixels and `ratio` the screen's
    device pixel ratio; `message` (title, text) asks for a figure that says why nothing is
    drawn, in the window's language (the chart process has no Qt translations).
    """

    kind: str  # "measure" (of `what`), "asymmetry", "profile", "outcomes", "adherence"
    what: str
    mode: Mode | None
    history: ClientHistory
    catalogue: Catalogue
    lang: str
    room: tuple[float, float, float] | None = None
    ratio: float = 1.0
    checkins: tuple[CheckinRecord, ...] = ()
    message: tuple[str, str] | None = None


@dataclass(frozen=True)
class AxesMap:
    """Where one axes lies in the picture (device pixels, origin bottom left, as matplotlib
    counts) and the data limits it shows: the axes' own linear transform, without it."""

    extents: tuple[float, float, float, float]  # x0, y0, x1, y1
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    title: str = ""
    left_title: str = ""
    xlabel: str = ""
    xticklabels: tuple[str, ...] = ()
    yticklabels: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()  # its series' names, as a key would list them

    def to_pixels(self, x: float, y: float) -> tuple[float, float]:
        """A data point's place in the picture."""
        x0, y0, x1, y1 = self.extents
        (a, b), (c, d) = self.xlim, self.ylim
        return x0 + (x - a) / (b - a) * (x1 - x0), y0 + (y - c) / (d - c) * (y1 - y0)

    def to_data(self, px: float, py: float) -> tuple[float, float]:
        """The data point at a place in the picture."""
        x0, y0, x1, y1 = self.extents
        (a, b), (c, d) = self.xlim, self.ylim
        return a + (px - x0) / (x1 - x0) * (b - a), c + (py - y0) / (y1 - y0) * (d - c)

    def holds_x(self, px: float) -> bool:
        return self.extents[0] <= px <= self.extents[2]


@dataclass(frozen=True)
class ChartPicture:
    """A drawn chart: RGBA pixels (width × height device pixels, to be shown at `ratio`),
    its axes, its title and the notes it places to explain missing data."""

    width: int
    height: int
    ratio: float
    rgba: bytes
    axes: tuple[AxesMap, ...]
    suptitle: str
    messages: tuple[str, ...]
    drawn_by: int  # the process id that drew it


def fitted_size(
    natural: tuple[float, float], room: tuple[float, float], scrollbar: float = 0.0
) -> tuple[float, float]:
    """The size (pixels) to lay a chart out at so that it fills the room on screen.

    The width follows the room within 0.75–1.6× the chart's own width; so does the height,
    within 0.75–1.3×, unless the chart is much taller than the room (a long profile), which
    keeps its height and scrolls rather than squeezing its rows.
    """
    width, height = natural
    room_w, room_h = room

    def clamp(value: float, low: float, high: float) -> float:
        return max(low, min(high, value))

    tall = height > 1.35 * room_h
    if tall:  # it will scroll: leave the vertical scroll bar its room
        room_w -= scrollbar
    new_w = clamp(room_w, 0.75 * width, 1.6 * width)
    new_h = height if tall else clamp(room_h, 0.75 * height, 1.3 * height)
    return new_w, new_h


def build_figure(request: ChartRequest) -> Figure:
    """The figure the request asks for (charts/ builders, under FIGURE_LOCK)."""
    if request.message is not None:
        from mobileathlete_desktop.charts.style import message_figure

        return message_figure(*request.message)
    if request.kind == "adherence":
        from mobileathlete_desktop.charts.adherence import adherence_figure

        return adherence_figure(
            request.history, request.checkins, request.catalogue, lang=request.lang
        )
    from mobileathlete_desktop.charts.kinds import build_chart

    what = request.what if request.kind == "measure" else request.kind
    return build_chart(request.history, what, request.catalogue, request.mode, request.lang)


def fit_to_room(figure: Figure, request: ChartRequest) -> None:
    """Sizes the figure for the room on screen as the window shows it: laid out at
    SCREEN_DPI for its size in logical pixels, drawn at SCREEN_DPI × ratio (sharp on a
    high-density screen, the same look as at 100 %). With no room (a window sized to the
    chart, such as the check-in's adherence), the chart keeps its own size in logical pixels
    at any ratio."""
    ratio = request.ratio or 1.0
    width, height = figure.bbox.width, figure.bbox.height
    room = request.room
    if room is not None and min(room[:2]) > 50:
        width, height = fitted_size((width, height), room[:2], room[2])
    else:  # its own size (new_figure's dpi is SCREEN_DPI) in device pixels
        width, height = width * ratio, height * ratio
    # The window shows it at whole logical pixels (as the canvas it replaces did).
    logical_w, logical_h = round(width / ratio), round(height / ratio)
    figure.set_size_inches(logical_w / SCREEN_DPI, logical_h / SCREEN_DPI)
    figure.set_dpi(SCREEN_DPI * ratio)


def draw_picture(request: ChartRequest) -> ChartPicture:
    """Builds the chart, lays it out for the room and draws its pixels (matplotlib's Agg).
    The layout is solved once from where the same chart (another client's) at this size
    went (charts/screen_layout.py), not twice as matplotlib does."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from mobileathlete_desktop.charts.screen_layout import use_seeded_layout
    from mobileathlete_desktop.charts.style import figure_messages

    figure = build_figure(request)
    fit_to_room(figure, request)
    use_seeded_layout(figure, (request.kind, request.what, request.mode, request.lang))
    agg = FigureCanvasAgg(figure)
    agg.draw()  # type: ignore[no-untyped-call]
    width, height = (int(v) for v in agg.get_width_height(physical=True))
    axes = tuple(
        AxesMap(
            extents=tuple(float(v) for v in ax.bbox.extents),  # type: ignore[arg-type]
            xlim=tuple(float(v) for v in ax.get_xlim()),  # type: ignore[arg-type]
            ylim=tuple(float(v) for v in ax.get_ylim()),  # type: ignore[arg-type]
            title=ax.get_title(),
            left_title=ax.get_title(loc="left"),
            xlabel=ax.get_xlabel(),
            xticklabels=tuple(t.get_text() for t in ax.get_xticklabels()),
            yticklabels=tuple(t.get_text() for t in ax.get_yticklabels()),
            labels=tuple(ax.get_legend_handles_labels()[1]),
        )
        for ax in figure.axes
    )
    return ChartPicture(
        width=width,
        height=height,
        ratio=request.ratio or 1.0,
        rgba=bytes(agg.buffer_rgba()),  # type: ignore[no-untyped-call]
        axes=axes,
        suptitle=figure.get_suptitle(),
        messages=tuple(figure_messages(figure)),
        drawn_by=os.getpid(),
    )


def save_picture(request: ChartRequest, path: str) -> str:
    """Writes the chart as the screen shows it (its layout for the room) to a .png, .svg or
    .pdf file (charts.style.save_figure: atomic, its errors)."""
    from mobileathlete_desktop.charts.style import save_figure

    figure = build_figure(request)
    fit_to_room(figure, request)
    return str(save_figure(figure, Path(path)))


def warm_up() -> None:
    """Imports matplotlib and every chart module and draws a small figure once (fonts
    found, caches filled), so the first real chart is drawn at full speed."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    import mobileathlete_desktop.charts.adherence
    import mobileathlete_desktop.charts.asymmetry
    import mobileathlete_desktop.charts.kinds
    import mobileathlete_desktop.charts.outcomes
    import mobileathlete_desktop.charts.profile
    import mobileathlete_desktop.charts.progress  # noqa: F401
    from mobileathlete_desktop.charts.style import message_figure

    FigureCanvasAgg(message_figure("Warm", "up")).draw()  # type: ignore[no-untyped-call]
