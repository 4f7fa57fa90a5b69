"""Active against passive range over time: the gap that marks a control deficit.

Where passive range is there but active range is not, the runner lacks control of the range,
not length: the gap (passive − active) beyond the measurement error is a control deficit
(`domain.interpretation.active_passive_gap`). One panel a bilateral measure taken both ways,
one line a side, the error shaded as the zone where the gap is not yet a deficit.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from mobileathlete_desktop.charts import style
from mobileathlete_desktop.charts.figure_lock import with_figure_lock
from mobileathlete_desktop.domain.catalogue import Catalogue, Side
from mobileathlete_desktop.domain.interpretation import interpret_history, measure_for
from mobileathlete_desktop.domain.records import ClientHistory
from mobileathlete_desktop.support.i18n import Texts, texts
from mobileathlete_desktop.support.languages import pick

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

SIDES: tuple[Side, ...] = ("left", "right")
ERROR_COLOUR = style.NORM_COLOUR


@dataclass(frozen=True)
class GapPoint:
    """One visit's passive − active gap on one side, as the interpretation judged it."""

    date: date
    gap: float
    error: float | None
    source: str
    control_deficit: bool


@dataclass(frozen=True)
class GapSeries:
    """A measure's gaps over time, per side (only sides with at least one gap)."""

    code: str
    label: str
    unit: str
    sides: dict[Side, list[GapPoint]]
    labels: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    """The measure's label by language (the catalogue's table)."""

    def label_in(self, lang: str | None) -> str:
        """The measure's label in that language (`label`, English, otherwise)."""
        return pick(self.labels, lang) if self.labels else self.label

    @property
    def error(self) -> float | None:
        """The error of the latest visit that has one (what the band shows)."""
        points = sorted(
            (p for ps in self.sides.values() for p in ps if p.error is not None),
            key=lambda p: p.date,
        )
        return points[-1].error if points else None

    @property
    def source(self) -> str:
        """The source of that error."""
        points = sorted(
            (p for ps in self.sides.values() for p in ps if p.error is not None),
            key=lambda p: p.date,
        )
        return points[-1].source if points else ""

    @property
    def priority(self) -> tuple[bool, float]:
        """For choosing the few panels a report shows: any control deficit first, then the
        largest gap."""
        points = [p for ps in self.sides.values() for p in ps]
        return (any(p.control_deficit for p in points), max((p.gap for p in points), default=0))

    @property
    def errors_differ(self) -> bool:
        """Whether visits were judged against different errors (e.g. another instrument)."""
        return len({p.error for ps in self.sides.values() for p in ps if p.error}) > 1


def gap_series(history: ClientHistory, catalogue: Catalogue | None = None) -> list[GapSeries]:
    """Every bilateral measure with active and passive recorded on a side at some visit.

    The gaps are the interpretation's own (`Interpretation.gap` of each visit's active row),
    so the chart and the report's "control deficit" flag never disagree. Catalogue order.
    """
    from mobileathlete_desktop.domain.catalogue import default_catalogue

    cat = catalogue if catalogue is not None else default_catalogue()
    found: dict[str, dict[Side, list[GapPoint]]] = {}
    for visit, result in zip(history.assessments, interpret_history(history, cat), strict=True):
        modes = {(m.code, m.side, m.mode) for m in visit.measurements}
        if not any((c, s, "passive") in modes for c, s, mode in modes if mode == "active"):
            continue
        for row in result.rows:
            if row.mode != "active" or row.side not in SIDES or row.gap is None:
                continue
            measure = measure_for(row.code, cat)
            if measure is None or not measure.bilateral:
                continue
            g = row.gap
            point = GapPoint(visit.date, g.gap, g.error, g.source, g.control_deficit)
            found.setdefault(row.code, {}).setdefault(row.side, []).append(point)
    order = {m.code: i for i, m in enumerate(cat)}
    series = []
    for code in sorted(found, key=lambda c: order.get(c, len(order))):
        measure = measure_for(code, cat)
        assert measure is not None
        sides = {s: found[code][s] for s in SIDES if s in found[code]}
        series.append(GapSeries(code, measure.label, measure.unit_label, sides, measure.labels))
    return series


@with_figure_lock
def active_passive_figure(
    history: ClientHistory,
    catalogue: Catalogue | None = None,
    *,
    series: list[GapSeries] | None = None,
    lang: str = "en",
) -> Figure:
    """Small multiples of passive − active gap over time, left and right, MDC95 shaded, its
    words in `lang`.

    `series` is `gap_series(history, catalogue)` when the caller has it already.
    """
    tr = texts(lang)
    title = tr.gettext(
        "Active vs passive range — {name}", name=style.shown_name(history.client.full_name)
    )
    if not history.assessments:
        return style.message_figure(title, tr.gettext("No assessments recorded yet."))
    if series is None:
        series = gap_series(history, catalogue)
    if not series:
        return style.message_figure(
            title,
            tr.gettext(
                "No measure was taken both actively and passively on the same side: "
                "no active–passive gap to show."
            ),
        )
    count = len(series)
    cols = 1 if count == 1 else 2 if count <= 4 else 3
    rows = -(-count // cols)
    fig = style.new_figure((7.0, 1.5 + 1.75 * rows))
    axes = fig.subplots(rows, cols, squeeze=False, sharex=True)
    all_dates = [p.date for s in series for ps in s.sides.values() for p in ps]
    for index, ax in enumerate(axes.flat):
        if index >= count:
            ax.set_visible(False)
            # The panel above is the lowest of its column: it carries the dates.
            axes.flat[index - cols].xaxis.set_tick_params(labelbottom=True)
            continue
        _panel(ax, tr, series[index], show_ylabel=index % cols == 0)
        style.date_axis(ax, all_dates, tr.lang)
    notes = [
        tr.gettext(
            "Gap = passive − active range, one line a side. Above the shaded measurement error "
            "(MDC95) the active range falls short of what the joint allows, a sign of a control "
            "deficit: control work rather than stretching (healthy runners show some gap too: "
            "judge one near the band clinically)."
        )
    ]
    unjudged = [s.label_in(tr.lang) for s in series if s.error is None]
    if unjudged:
        notes.append(
            tr.gettext(
                "No measurement error in the catalogue, gap not judged: {measures}.",
                measures=", ".join(unjudged),
            )
        )
    varied = [s.label_in(tr.lang) for s in series if s.errors_differ]
    if varied:
        notes.append(
            tr.gettext(
                "The error differs between visits (instrument or rater): the band shows the "
                "latest, for {measures}.",
                measures=", ".join(varied),
            )
        )
    style.figure_note(fig, "\n".join(notes))
    _legend(fig, tr, title)
    return fig


def _panel(ax: Axes, tr: Texts, series: GapSeries, *, show_ylabel: bool) -> None:
    style.style_axes(ax)
    ax.tick_params(labelsize=style.NOTE_SIZE)
    values = [p.gap for ps in series.sides.values() for p in ps]
    error = series.error
    top = max([*values, error or 0.0, 1.0])
    bottom = min([*values, 0.0])
    if error is not None:
        ax.axhspan(
            min(bottom, 0.0) - abs(top) * 0.2,
            error,
            color=ERROR_COLOUR,
            alpha=0.15,
            linewidth=0,
            gid="error-band",
        )
        ax.axhline(error, color=ERROR_COLOUR, linestyle=":", linewidth=1.2, gid="error-line")
    ax.axhline(0, color=style.MUTED_COLOUR, linewidth=0.6)
    for side, points in series.sides.items():
        look = style.SIDE_STYLE[side]
        xs = style.date_numbers([p.date for p in points])
        ax.plot(
            xs,
            [p.gap for p in points],
            color=look["color"],
            linestyle=look["linestyle"],
            linewidth=1.4,
            marker=look["marker"],
            markersize=style.MARKER_SIZE - 2,
            gid=f"gap-{side}",
        )
        deficits = [p for p in points if p.control_deficit]
        if deficits:
            ax.plot(
                style.date_numbers([p.date for p in deficits]),
                [p.gap for p in deficits],
                linestyle="none",
                marker="o",
                markersize=style.MARKER_SIZE + 3,
                markerfacecolor="none",
                markeredgecolor=style.FLAG_COLOUR,
                markeredgewidth=1.3,
                gid=f"deficit-{side}",
            )
    span = top - bottom
    ax.set_ylim(bottom - span * 0.15, top + span * 0.25)
    ax.set_title(textwrap.fill(series.label_in(tr.lang), 30), fontsize=style.TICK_SIZE, loc="left")
    if error is None:
        style.note(ax, tr.gettext("no error: not judged"))
    if show_ylabel:
        unit = style.unit_word(tr, series.unit) or tr.pgettext("unit on a chart axis", "units")
        # Translators: a chart axis, the passive − active difference ("gap (°)").
        ax.set_ylabel(tr.gettext("gap ({unit})", unit=unit), fontsize=style.NOTE_SIZE)


def _legend(fig: Figure, tr: Texts, title: str) -> None:
    """The key above the panels, under the chart's title (one block: they never overlap)."""
    from matplotlib.artist import Artist
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Artist] = [
        Line2D(
            [],
            [],
            color=style.SIDE_STYLE[s]["color"],
            linestyle=style.SIDE_STYLE[s]["linestyle"],
            marker=style.SIDE_STYLE[s]["marker"],
            markersize=style.MARKER_SIZE - 2,
        )
        for s in SIDES
    ]
    handles += [
        Patch(facecolor=ERROR_COLOUR, alpha=0.3),
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markersize=style.MARKER_SIZE + 1,
            markerfacecolor="none",
            markeredgecolor=style.FLAG_COLOUR,
        ),
    ]
    fig.legend(
        handles,
        [
            style.side_name(tr, "left"),
            style.side_name(tr, "right"),
            tr.gettext("Within measurement error"),
            tr.gettext("Control deficit"),
        ],
        fontsize=style.NOTE_SIZE,
        loc="outside upper center",
        ncols=4,
        frameon=False,
        title=title,
        title_fontsize=style.TITLE_SIZE,
    )
