"""The look shared by every chart: a colour-blind-safe palette, markers and hatches, saving."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mobileathlete_desktop.charts.figure_lock import FIGURE_LOCK, figure_class, with_figure_lock
from mobileathlete_desktop.domain.interpretation.value_words import unit_in, value_in
from mobileathlete_desktop.support.files import atomic_write
from mobileathlete_desktop.support.i18n import N_, Texts
from mobileathlete_desktop.support.plain_text import one_line

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from mobileathlete_desktop.domain.catalogue import Catalogue, Measure

# Okabe & Ito (2008), "Color Universal Design": distinguishable with any colour vision.
OKABE_ITO: Mapping[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

# Each side differs in colour AND marker AND line style, so it reads in grey print too.
SIDE_STYLE: Mapping[str, Mapping[str, Any]] = {
    "left": {"color": OKABE_ITO["blue"], "marker": "o", "linestyle": "-"},
    "right": {"color": OKABE_ITO["vermillion"], "marker": "s", "linestyle": "--"},
    "none": {"color": OKABE_ITO["black"], "marker": "D", "linestyle": "-."},
}
NORM_COLOUR = OKABE_ITO["bluish_green"]
FLAG_COLOUR = OKABE_ITO["vermillion"]
OK_COLOUR = OKABE_ITO["sky_blue"]
MUTED_COLOUR = "#777777"
ABOVE_COLOUR = "#BBE1F6"
"""An above-norm bar: the within-norm blue, paled (a lighter grey than within-norm blue in
grey print, where the two were the same grey with only dots between them)."""
# Printed in grey, colour alone cannot tell bars apart: a flagged bar also has a pattern (a
# problem diagonal lines, "above" light dots) and its words beside it; sides differ in marker
# and line style (SIDE_STYLE); bands are shades with a line and a name in the key.
BELOW_HATCH = "///"
ABOVE_HATCH = ".."
HATCH_INK = "#1f2933"
"""Dots on a light bar are drawn dark, or grey print loses them."""
FLAG_WORDS: Mapping[str, str] = {"below": N_("below norm"), "above": N_("above norm")}
"""Said beside a flagged bar (English; `tr.gettext` of it in another language)."""

TITLE_SIZE = 12
LABEL_SIZE = 10
TICK_SIZE = 9
NOTE_SIZE = 8
MARKER_SIZE = 7

DEFAULT_SIZE = (7.0, 4.2)  # inches: fits an A4 report column and a dialog


def new_figure(size: tuple[float, float] = DEFAULT_SIZE) -> Figure:
    """An empty figure with the house layout engine (no pyplot, no global state), drawn
    only under FIGURE_LOCK by whichever canvas draws it."""
    return figure_class()(figsize=size, layout="constrained", dpi=100)


def style_axes(ax: Axes) -> None:
    """Quiet frame, light grid behind the data, readable ticks."""
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    ax.grid(True, color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(labelsize=TICK_SIZE)


MESSAGE_FIGURE = "message-figure"


@with_figure_lock
def message_figure(title: str, message: str, size: tuple[float, float] = DEFAULT_SIZE) -> Figure:
    """A figure that says why there is nothing to draw, instead of an empty or broken chart
    (its gid is MESSAGE_FIGURE, so a report can print the message as a line instead)."""
    fig = new_figure(size)
    fig.set_gid(MESSAGE_FIGURE)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(title, fontsize=TITLE_SIZE)
    ax.text(
        0.5,
        0.5,
        message,
        ha="center",
        va="center",
        fontsize=LABEL_SIZE,
        color=MUTED_COLOUR,
        wrap=True,
        transform=ax.transAxes,
        gid="message",
    )
    return fig


def is_message_figure(fig: Figure) -> bool:
    """Whether the figure only says why there is nothing to draw (see message_figure)."""
    return fig.get_gid() == MESSAGE_FIGURE


def titled_legend(fig: Figure, ax: Axes, title: str, handles: Any, names: Any, ncols: int) -> None:
    """A one-panel chart's key above the plot, headed by the chart's title: centred on the
    whole figure (long row labels never push the title off the edge) and one block with the
    key (they never overlap). The axes keep the title, hidden, as their accessible name."""
    ax.set_title(title, fontsize=TITLE_SIZE).set_visible(False)
    shown = wrap_title(fig, title)
    columns = key_columns(fig, list(names), ncols)
    rows, planned = -(-len(names) // columns), -(-len(names) // max(1, ncols))
    # Lines the title and key take beyond the one line and rows planned: the figure grows
    # by them rather than squeezing the plot.
    _grow(fig, shown.count("\n") * TITLE_SIZE * 1.3 + max(0, rows - planned) * NOTE_SIZE * 1.8)
    fig.legend(
        handles,
        names,
        fontsize=NOTE_SIZE,
        loc="outside upper center",
        ncols=columns,
        frameon=False,
        title=shown,
        title_fontsize=TITLE_SIZE,
    )


def _grow(fig: Figure, points: float) -> None:
    """Makes the figure taller by `points` (for lines of text added above the plot)."""
    if points > 0:
        width, height = fig.get_size_inches()
        fig.set_size_inches(width, height + points / 72)


def key_columns(fig: Figure, names: list[str], most: int) -> int:
    """How many columns a key across the figure can have (at most `most`) without running
    past its edges: longer words (Spanish) take fewer columns, on more rows."""
    room = fig.get_figwidth() * 72 * 0.95
    for ncols in range(min(most, len(names)), 1, -1):
        widest = sorted((len(n) for n in names), reverse=True)[:ncols]
        if (sum(widest) * 0.55 + 3.5 * ncols) * NOTE_SIZE <= room:
            return ncols
    return 1


def wrap_title(fig: Figure, title: str) -> str:
    """A title on as many lines as the figure's width needs (a long measure name and a long
    client name, or the longer Spanish words, never run past its edges)."""
    import textwrap

    columns = int(fig.get_figwidth() * 72 / (TITLE_SIZE * 0.62))
    return "\n".join(textwrap.wrap(title, columns)) or title


def figure_title(fig: Figure, ax: Axes, title: str) -> None:
    """A one-panel chart's title centred on the whole figure, wrapped to its width; the
    axes keep it, hidden, as their accessible name."""
    ax.set_title(title, fontsize=TITLE_SIZE).set_visible(False)
    shown = wrap_title(fig, title)
    _grow(fig, shown.count("\n") * TITLE_SIZE * 1.3)
    fig.suptitle(shown, fontsize=TITLE_SIZE)


SHOWN_NAME = 60
"""Longest client name a chart's title shows whole (a longer one ends in "…")."""


def shown_name(name: str) -> str:
    """A client's name as a chart title shows it: on one line without control characters
    (no font has a glyph for them), cut to SHOWN_NAME characters."""
    name = one_line(name)
    return name if len(name) <= SHOWN_NAME else name[: SHOWN_NAME - 1].rstrip() + "…"


def wrap_label(label: str, width: int = 34, longest: int = 42) -> str:
    """A row label longer than `longest` characters on lines of `width`, so it does not
    squeeze the plot; a shorter one as it is."""
    import textwrap

    if len(label) <= longest:
        return label
    return "\n".join(textwrap.wrap(label, width)) or label


def figure_messages(fig: Figure) -> list[str]:
    """Every text a chart placed to explain missing data (for tests and accessibility)."""
    texts = [t for ax in fig.axes for t in ax.texts] + list(fig.texts)
    return [t.get_text() for t in texts if t.get_gid() == "message"]


def figure_note(fig: Figure, text: str) -> None:
    """A small message under the whole figure (kept clear of the axes by the layout engine)."""
    import textwrap

    columns = int(fig.get_figwidth() * 14)
    fig.supxlabel(
        "\n".join(textwrap.fill(line, columns) for line in text.splitlines()),
        x=0.01,
        ha="left",
        fontsize=NOTE_SIZE,
        color=MUTED_COLOUR,
        gid="message",
    )


def note(ax: Axes, text: str, y: float = 0.98) -> None:
    """A small explanatory message in the top-left corner of the axes ("no norm for this age").

    Long lines are wrapped to the figure's width, so a note never pushes the layout apart.
    """
    import textwrap

    figure = ax.get_figure(root=True)
    columns = int((figure.get_figwidth() if figure is not None else DEFAULT_SIZE[0]) * 14)
    wrapped = "\n".join(textwrap.fill(line, columns) for line in text.splitlines())
    ax.text(
        0.01,
        y,
        wrapped,
        transform=ax.transAxes,
        ha="left",
        va="top",
        fontsize=NOTE_SIZE,
        color=MUTED_COLOUR,
        gid="message",
        bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1.5},
    )


CHART_FORMATS: Mapping[str, str] = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


class ChartWriteError(OSError):
    """The chart file could not be written (missing or read-only folder, full disk)."""


def chart_format(path: str | Path) -> str:
    """The format a chart file name asks for; ValueError for anything but .png, .svg, .pdf."""
    suffix = Path(path).suffix.lower()
    if suffix not in CHART_FORMATS:
        raise ValueError(
            f"charts are saved as .png, .svg or .pdf, not {Path(path).suffix or 'no suffix'}"
        )
    return CHART_FORMATS[suffix]


def save_figure(fig: Figure, path: str | Path, dpi: int = 150) -> Path:
    """Writes the figure as .png, .svg or .pdf (chosen by suffix) without pyplot, atomically.

    The file is written all or nothing (`support.files.atomic_write`), so a failure never
    leaves a half-written chart under the final name. The figure keeps its
    canvas (one shown in the window stays live). Raises ValueError for another suffix and
    ChartWriteError (naming the folder) when the folder is missing or cannot be written.
    """
    path = Path(path)
    fmt = chart_format(path)
    folder = path.parent
    if not folder.is_dir():
        raise ChartWriteError(f"folder {folder} does not exist")
    try:
        with FIGURE_LOCK:
            atomic_write(path, lambda fh: fig.savefig(fh, format=fmt, dpi=dpi))
    except OSError as exc:
        if isinstance(exc, ChartWriteError):
            raise
        raise ChartWriteError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path


def date_axis(ax: Axes, dates: list[date], lang: str = "en") -> None:
    """Visit dates on the x axis, padded so one visit still has room, concisely labelled
    with the month names of `lang` ("dic" in Spanish)."""
    from matplotlib.dates import AutoDateLocator

    from mobileathlete_desktop.charts.dates import month_date_formatter

    first, last = min(dates), max(dates)
    pad = max(timedelta(days=7), (last - first) * 0.06)
    ax.set_xlim(date_numbers([first - pad])[0], date_numbers([last + pad])[0])
    locator = AutoDateLocator(minticks=3, maxticks=8)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(month_date_formatter(locator, lang))


def date_label(ax: Axes, text: str) -> None:
    """The date axis' name, under its middle; a long one ("Fecha de la consulta") starts at the
    left, clear of the month and year matplotlib writes under the right end."""
    ax.set_xlabel(text, fontsize=LABEL_SIZE, loc="center" if len(text) <= 12 else "left")


def date_numbers(dates: list[date]) -> list[float]:
    """Dates as matplotlib's day numbers (typed, unlike passing date objects)."""
    from matplotlib.dates import date2num

    return [float(date2num(d)) for d in dates]  # type: ignore[no-untyped-call]


# -- words every chart uses, in the chart's language --------------------------------------


def side_name(tr: Texts, side: str) -> str:
    """A side as a chart's key names it: "Left", "Right" ("Izquierdo", "Derecho")."""
    if side == "left":
        return tr.pgettext("side in a chart key", "Left")
    if side == "right":
        return tr.pgettext("side in a chart key", "Right")
    return tr.pgettext("side in a chart key", "Value")


def side_word(tr: Texts, side: str) -> str:
    """A side in running text on a chart ("left weaker", "only the left side")."""
    if side == "left":
        return tr.pgettext("side of the body", "left")
    if side == "right":
        return tr.pgettext("side of the body", "right")
    return side


def mode_word(tr: Texts, mode: str) -> str:
    """A measurement's mode ("active", "activo"); "" for a measure taken one way only."""
    if mode == "active":
        return tr.pgettext("mode of a measurement", "active")
    if mode == "passive":
        return tr.pgettext("mode of a measurement", "passive")
    return ""


def measure_name(tr: Texts, measure: Measure) -> str:
    """A measure's label in the chart's language (the catalogue's language table)."""
    return measure.label_in(tr.lang)


def unit_word(tr: Texts, unit: str, value: float | None = None) -> str:
    """A unit as read in the chart's language ("points" → "puntos", "reps" → "repeticiones",
    "steps/min" → "pasos/min"; ° and cm as they are): the findings' own rule."""
    return unit_in(tr, unit, value)


def value_text(tr: Texts, measure: Measure, value: float) -> str:
    """A value with its unit as a chart prints it ("28°", "7 puntos"), the decimal mark as
    the reports print it."""
    return value_words(tr, measure.format_value(value))


def value_words(tr: Texts, text: str) -> str:
    """A value as the catalogue prints it ("7 points") with its unit in the chart's language."""
    return value_in(tr, text)


def label_for(tr: Texts, code: str, english: str, catalogue: Catalogue | None = None) -> str:
    """An interpreted row's measure name in the chart's language (`english`, the row's own
    label, for a code the catalogue does not know)."""
    from mobileathlete_desktop.domain.interpretation import measure_for

    if tr.lang == "en":
        return english
    measure = measure_for(code, catalogue)
    return measure.label_in(tr.lang) if measure is not None else english
