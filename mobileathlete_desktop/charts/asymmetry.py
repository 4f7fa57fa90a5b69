"""Left against right for one assessment: limb symmetry index bars for the measures said in
percent (hop, strength, endurance), side-to-side difference bars in the measure's own unit for
the rest (angles, values near or across zero), each against its own threshold."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mobileathlete_desktop.charts import style
from mobileathlete_desktop.charts.dates import title_date
from mobileathlete_desktop.charts.figure_lock import with_figure_lock
from mobileathlete_desktop.domain.catalogue import Catalogue, Measure
from mobileathlete_desktop.domain.interpretation import (
    DEFAULT_LSI_THRESHOLD,
    Interpretation,
    interpret_assessment,
    measure_for,
    side_difference_words,
)
from mobileathlete_desktop.domain.records import ClientHistory
from mobileathlete_desktop.support.i18n import Texts, texts

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


NOT_JUDGED_COLOUR = "#c8c8c8"
# The difference axis runs a little past the longest bar or threshold.
_DIFFERENCE_ROOM = 1.1


def judged(row: Interpretation) -> bool:
    """Whether a rule judged this row's sides (a measure without one is "not judged")."""
    s = row.sides
    return s is not None and s.threshold is not None and s.threshold_kind != "none"


def lsi_threshold(row: Interpretation) -> float:
    """The LSI below which this row's rule calls it asymmetric (a measurement error in the
    measure's unit converted to the stronger side's percentage)."""
    s = row.sides
    if s is None or s.threshold is None or s.threshold_kind == "none":
        return DEFAULT_LSI_THRESHOLD
    if s.threshold_kind == "lsi":
        return s.threshold
    stronger = max(s.left, s.right)
    return max(0.0, (stronger - s.threshold) / stronger * 100) if stronger > 0 else 0.0


Panel = tuple[str, list[tuple[Interpretation, Measure | None]]]


def asymmetry_panels(rows: tuple[Interpretation, ...], catalogue: Catalogue | None) -> list[Panel]:
    """The chart's panels, top to bottom, each a list of rows (one a measure and mode, the
    left row carrying the pair): ("percent", …) for the measures said as a limb symmetry
    index, then one ("deg", …), ("cm", …) a unit for those said as a difference in it —
    `compare_sides` decided which, from the catalogue. The Progress tab's table reads its
    values in the same panels."""
    percent: list[tuple[Interpretation, Measure | None]] = []
    by_unit: dict[str, list[tuple[Interpretation, Measure | None]]] = {}
    for row in rows:
        if row.side != "left" or row.sides is None:
            continue
        measure = measure_for(row.code, catalogue)
        if row.sides.expressed == "percent":
            if row.sides.lsi is not None:
                percent.append((row, measure))
        elif measure is not None:
            by_unit.setdefault(measure.unit, []).append((row, measure))
    return ([("percent", percent)] if percent else []) + list(by_unit.items())


@with_figure_lock
def asymmetry_figure(
    history: ClientHistory,
    catalogue: Catalogue | None = None,
    assessment_id: int | None = None,
    lang: str = "en",
) -> Figure:
    """Left against right at one visit, hatched where the rule calls asymmetry.

    A panel of limb symmetry index bars (weaker ÷ stronger, %) for the measures said in
    percent, and a panel per unit (°, cm) of side-to-side difference bars for the others, each
    with its threshold (or measurement error) marked. A measure without a rule or an error to
    judge by is drawn grey and labelled "not judged", never as within threshold. Words in
    `lang`.
    """
    tr = texts(lang)
    result = interpret_assessment(history, assessment_id, catalogue)
    title = tr.gettext("Limb symmetry — {name}", name=style.shown_name(history.client.full_name))
    if result.assessment is None:
        return style.message_figure(title, tr.gettext("No assessments recorded yet."))
    title += f", {title_date(result.assessment.date, lang)}"
    panels = asymmetry_panels(result.rows, catalogue)
    if not panels:
        return style.message_figure(
            title,
            tr.gettext("No measure was recorded on both sides at this visit: no symmetry to show."),
        )
    sizes = [len(rows) for _kind, rows in panels]
    fig = style.new_figure((7.0, 1.2 + 0.42 * sum(sizes) + 0.55 * (len(sizes) - 1)))
    grid = fig.add_gridspec(len(sizes), 1, height_ratios=[n + 0.8 for n in sizes])
    axes = [fig.add_subplot(grid[i, 0]) for i in range(len(sizes))]
    for ax, (kind, rows) in zip(axes, panels, strict=True):
        if kind == "percent":
            _percent_panel(tr, ax, [r for r, _m in rows], catalogue)
        else:
            _difference_panel(tr, ax, [(r, m) for r, m in rows if m is not None], catalogue)
    shown = [r for _kind, rows in panels for r, _m in rows]
    from matplotlib.artist import Artist
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Artist] = [
        Patch(facecolor=style.OK_COLOUR),
        Patch(facecolor=style.FLAG_COLOUR, hatch=style.BELOW_HATCH, edgecolor="white"),
        Line2D([], [], color="black", linewidth=2),
    ]
    names = [
        tr.gettext("Within threshold"),
        tr.gettext("Asymmetric"),
        tr.gettext("Measure's threshold"),
    ]
    if panels[0][0] == "percent":
        handles.append(Line2D([], [], color=style.MUTED_COLOUR, linestyle="--"))
        names.append(tr.gettext("LSI 90% (reference)"))
    if any(not judged(r) for r in shown):
        handles.insert(2, Patch(facecolor=NOT_JUDGED_COLOUR))
        names.insert(2, tr.gettext("Not judged (no rule)"))
    style.titled_legend(fig, axes[0], title, handles, names, ncols=3)
    return fig


def _name(tr: Texts, row: Interpretation, catalogue: Catalogue | None) -> str:
    name = style.label_for(tr, row.code, row.label, catalogue)
    mode = style.mode_word(tr, row.mode)
    return style.wrap_label(name + (f" ({mode})" if mode else ""))


def _bar(ax: Axes, i: int, width: float, row: Interpretation) -> None:
    """One row's bar: grey when no rule judged it, hatched when it is asymmetric."""
    assert row.sides is not None
    if not judged(row):
        grey = NOT_JUDGED_COLOUR
        ax.barh(i, width, color=grey, edgecolor=grey, height=0.6, gid="bar-not-judged")
        return
    asym = row.sides.asymmetric
    ax.barh(
        i,
        width,
        color=style.FLAG_COLOUR if asym else style.OK_COLOUR,
        hatch=style.BELOW_HATCH if asym else None,
        edgecolor="white" if asym else style.OK_COLOUR,
        height=0.6,
        gid="bar-asymmetric" if asym else "bar",
    )


def _rows_axis(ax: Axes, labels: list[str]) -> None:
    ax.set_yticks(range(len(labels)), labels, fontsize=style.TICK_SIZE)
    ax.set_ylim(len(labels) - 0.5, -0.5)  # first row on top, no empty margin


def _percent_panel(
    tr: Texts, ax: Axes, rows: list[Interpretation], catalogue: Catalogue | None
) -> None:
    """Limb symmetry index bars, each with its measure's threshold and the 90% reference."""
    style.style_axes(ax)
    for i, row in enumerate(rows):
        assert row.sides is not None and row.sides.lsi is not None
        lsi = row.sides.lsi
        _bar(ax, i, lsi, row)
        if not judged(row):
            ax.text(
                max(lsi, DEFAULT_LSI_THRESHOLD) + 2,
                i,
                tr.gettext("{lsi}, not judged", lsi=tr.percent(round(lsi))),
                va="center",
                fontsize=style.NOTE_SIZE,
                color=style.MUTED_COLOUR,
            )
            continue
        limit = lsi_threshold(row)
        ax.plot([limit, limit], [i - 0.38, i + 0.38], color="black", linewidth=2, gid="threshold")
        weaker = row.sides.weaker_side
        text = (
            tr.gettext(
                "{lsi} ({side} weaker)",
                lsi=tr.percent(round(lsi)),
                side=style.side_word(tr, weaker),
            )
            if weaker and row.sides.asymmetric
            else tr.percent(round(lsi))
        )
        ax.text(
            max(lsi, limit, DEFAULT_LSI_THRESHOLD) + 2,
            i,
            text,
            va="center",
            fontsize=style.NOTE_SIZE,
        )
    ax.axvline(DEFAULT_LSI_THRESHOLD, color=style.MUTED_COLOUR, linestyle="--", linewidth=1)
    _rows_axis(ax, [_name(tr, r, catalogue) for r in rows])
    ax.set_xlim(0, 160)
    ax.set_xlabel(
        style.wrap_label(tr.gettext("Limb symmetry index (weaker ÷ stronger side, %)"), 40, 48),
        fontsize=style.LABEL_SIZE,
    )


def _difference_panel(
    tr: Texts,
    ax: Axes,
    rows: list[tuple[Interpretation, Measure]],
    catalogue: Catalogue | None,
) -> None:
    """Side-to-side difference bars in one unit, each with the threshold or measurement error
    its rule judged it by, and the difference in words ("3° difference, left less")."""
    from matplotlib.transforms import blended_transform_factory

    style.style_axes(ax)
    reach = max(max(abs(r.sides.difference), r.sides.threshold or 0.0) for r, _m in rows if r.sides)
    reach = max(reach, 1.0)
    for i, (row, measure) in enumerate(rows):
        assert row.sides is not None
        sides = row.sides
        _bar(ax, i, abs(sides.difference), row)
        words = side_difference_words(tr, measure, sides)
        if judged(row) and sides.threshold is not None:
            ax.plot(
                [sides.threshold, sides.threshold],
                [i - 0.38, i + 0.38],
                color="black",
                linewidth=2,
                gid="threshold",
            )
        else:
            words = tr.gettext("{difference}, not judged", difference=words)
        # The words in a column right of the plot: the layout makes room for them, however
        # long the language's words, and the bars keep the plot's width.
        ax.text(
            1.02,
            i,
            style.wrap_label(words, 26, 28),
            va="center",
            fontsize=style.NOTE_SIZE,
            color=style.MUTED_COLOUR if not judged(row) else "black",
            transform=blended_transform_factory(ax.transAxes, ax.transData),
        )
    _rows_axis(ax, [_name(tr, r, catalogue) for r, _m in rows])
    ax.set_xlim(0, reach * _DIFFERENCE_ROOM)
    unit = style.unit_word(tr, rows[0][1].unit_label)
    ax.set_xlabel(
        style.wrap_label(tr.gettext("Side-to-side difference ({unit})", unit=unit), 40, 48),
        fontsize=style.LABEL_SIZE,
    )
