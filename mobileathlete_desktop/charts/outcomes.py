"""Outcome scores (LEFS, NPRS) over time: the band of change within the measurement error
(baseline ± MDC95) and, where the measure has one, the lines from which a change is clinically
important (baseline ± MCID). The two are different figures from different sources, labelled
each for what it is."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from mobileathlete_desktop.charts import style
from mobileathlete_desktop.charts.figure_lock import with_figure_lock
from mobileathlete_desktop.domain.catalogue import Catalogue, ImportantChange, Measure
from mobileathlete_desktop.domain.interpretation import LEFS_TOTAL, measure_for, measure_series
from mobileathlete_desktop.domain.records import ClientHistory
from mobileathlete_desktop.support.i18n import texts

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DEFAULT_OUTCOMES: tuple[str, ...] = (LEFS_TOTAL, "nprs")


KEY_WIDTH = 30
"""Characters a line of the key beside a panel holds before it wraps."""


def mcid_size(important: ImportantChange, baseline: float) -> float | None:
    """The smallest change from `baseline` that reaches the MCID: its points, or its percent
    of the baseline when that is smaller ("2 points or 30%" from 4 points: 1.2)."""
    sizes = []
    if important.points is not None:
        sizes.append(important.points)
    if important.percent is not None and baseline:
        sizes.append(abs(baseline) * important.percent / 100)
    return min(sizes) if sizes else None


def mcid_words(important: ImportantChange, measure: Measure, lang: str = "en") -> str:
    """ "2 points or 30%", "9 points": the MCID with its unit, in `lang`."""
    tr = texts(lang)
    points = style.value_text(tr, measure, important.points) if important.points is not None else ""
    percent = tr.percent(important.percent) if important.percent is not None else ""
    if points and percent:
        # Translators: an MCID given two ways ("2 points or 30%").
        return tr.gettext("{points} or {percent}", points=points, percent=percent)
    return points or percent


@with_figure_lock
def outcomes_figure(
    history: ClientHistory,
    codes: Sequence[str] = DEFAULT_OUTCOMES,
    catalogue: Catalogue | None = None,
    lang: str = "en",
) -> Figure:
    """One panel per outcome score; the band is baseline ± MDC95 (smaller changes are within
    the measurement error), the dashed lines baseline ± MCID (the catalogue's
    Measure.important_change: from there a change is clinically important). Words in `lang`;
    each panel's title is its measure's label in `lang` (the window finds a panel by it)."""
    from mobileathlete_desktop.domain.catalogue import default_catalogue

    tr = texts(lang)
    cat = catalogue if catalogue is not None else default_catalogue()
    title = tr.gettext("Outcome scores — {name}", name=style.shown_name(history.client.full_name))
    panels = []
    for code in codes:
        measure = measure_for(code, cat)
        if measure is not None:
            points = measure_series(history, code, "none", "none", cat)
            if points:
                panels.append((measure, points))
    if not panels:
        why = (
            tr.gettext("No assessments recorded yet.")
            if not history.assessments
            else tr.gettext("No outcome scores recorded.")
        )
        return style.message_figure(title, why)
    fig = style.new_figure((7.0, 1.0 + 2.6 * len(panels)))
    fig.suptitle(title, fontsize=style.TITLE_SIZE)
    axes = fig.subplots(len(panels), 1, squeeze=False)[:, 0]
    for ax, (measure, points) in zip(axes, panels, strict=True):
        style.style_axes(ax)
        label = style.measure_name(tr, measure)
        err = measure.error_for("questionnaire")
        mdc = err.smallest_real_change if err else None
        baseline = points[0].value
        if mdc is not None and err is not None:
            ax.axhspan(
                baseline - mdc,
                baseline + mdc,
                color=style.NORM_COLOUR,
                alpha=0.15,
                linewidth=0,
                # Translators: MDC95 is the smallest real change (Spanish CMD95).
                label=tr.gettext(
                    "Baseline ± MDC95 {error}: measurement error ({source})",
                    error=style.value_words(tr, measure.format_figure(mdc)),
                    source=err.source,
                ),
                gid="mdc-band",
            )
        important = measure.important_change
        if important is not None:
            size = mcid_size(important, baseline)
            if size is not None:
                for sign, gid in ((-1, "mcid-low"), (1, "mcid-high")):
                    ax.axhline(
                        baseline + sign * size,
                        color=style.NORM_COLOUR,
                        linestyle="--",
                        linewidth=1.0,
                        # Translators: MCID, the minimal clinically important difference (DMCI).
                        label=tr.gettext(
                            "Baseline ± MCID {mcid}: clinically important ({source})",
                            mcid=mcid_words(important, measure, tr.lang),
                            source=important.source,
                        )
                        if sign > 0
                        else None,
                        gid=gid,
                    )
        if mdc is None and important is None:
            style.note(ax, tr.gettext("No measurement error or MCID in the catalogue: not drawn."))
        elif mdc is None:
            style.note(ax, tr.gettext("No measurement error in the catalogue: not drawn."))
        elif important is None:
            style.note(ax, tr.gettext("No MCID in the catalogue: not drawn."))
        look = style.SIDE_STYLE["none"]
        ax.plot(
            style.date_numbers([p.date for p in points]),
            [p.value for p in points],
            color=look["color"],
            linestyle="-",
            marker=look["marker"],
            markersize=style.MARKER_SIZE,
            label=label,
            gid=f"series-{measure.code}",
        )
        low, high = measure.bounds
        ax.set_ylim(low - (high - low) * 0.04, high + (high - low) * 0.04)
        better = (
            tr.gettext("higher is better")
            if measure.higher_is_better
            else tr.gettext("lower is better")
        )
        unit = style.unit_word(tr, measure.unit_label) or tr.pgettext(
            "unit on a chart axis", "score"
        )
        # Which way is better beside the name, not on the axis: a low panel's axis has room
        # for the unit only ("puntos (más bajo es mejor)" ran into the next panel's).
        ax.set_title(f"{label} — {better}", fontsize=style.LABEL_SIZE, loc="left")
        ax.set_ylabel(unit, fontsize=style.LABEL_SIZE)
        style.date_axis(ax, [p.date for p in points], tr.lang)
        # The key beside the panel, its long entries wrapped: it never covers the scores,
        # and a low panel (the summary's) keeps its words at their size.
        handles, names = ax.get_legend_handles_labels()
        ax.legend(
            handles,
            [textwrap.fill(name, KEY_WIDTH) for name in names],
            fontsize=style.NOTE_SIZE,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            frameon=False,
        )
        if len(points) == 1:
            style.note(ax, tr.gettext("One score so far: no trend yet."), y=0.15)
    style.date_label(axes[-1], tr.gettext("Visit date"))
    return fig
