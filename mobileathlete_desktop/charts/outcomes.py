"""Outcome scores (LEFS, NPRS) over time, with the band of change that is not yet important."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mobileathlete_desktop.charts import style
from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.interpretation import LEFS_TOTAL, measure_for, measure_series
from mobileathlete_desktop.domain.records import ClientHistory

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DEFAULT_OUTCOMES: tuple[str, ...] = (LEFS_TOTAL, "nprs")


def outcomes_figure(
    history: ClientHistory,
    codes: Sequence[str] = DEFAULT_OUTCOMES,
    catalogue: Catalogue | None = None,
) -> Figure:
    """One panel per outcome score; the band is baseline ± MCID (smaller changes are noise)."""
    from mobileathlete_desktop.domain.catalogue import default_catalogue

    cat = catalogue if catalogue is not None else default_catalogue()
    title = f"Outcome scores — {history.client.full_name}"
    panels = []
    for code in codes:
        measure = measure_for(code, cat)
        if measure is not None:
            points = measure_series(history, code, "none", "none", cat)
            if points:
                panels.append((measure, points))
    if not panels:
        why = (
            "No assessments recorded yet."
            if not history.assessments
            else "No outcome scores recorded."
        )
        return style.message_figure(title, why)
    fig = style.new_figure((7.0, 1.0 + 2.6 * len(panels)))
    fig.suptitle(title, fontsize=style.TITLE_SIZE)
    axes = fig.subplots(len(panels), 1, squeeze=False)[:, 0]
    for ax, (measure, points) in zip(axes, panels, strict=True):
        style.style_axes(ax)
        err = measure.error_for("questionnaire")
        mcid = err.smallest_real_change if err else None
        baseline = points[0].value
        if mcid is not None and err is not None:
            ax.axhspan(
                baseline - mcid,
                baseline + mcid,
                color=style.NORM_COLOUR,
                alpha=0.15,
                linewidth=0,
                label=f"Baseline ± MCID {measure.format_value(mcid)} ({err.source})",
                gid="mcid-band",
            )
        else:
            style.note(ax, "No MCID in the catalogue: no band.")
        look = style.SIDE_STYLE["none"]
        ax.plot(
            style.date_numbers([p.date for p in points]),
            [p.value for p in points],
            color=look["color"],
            linestyle="-",
            marker=look["marker"],
            markersize=style.MARKER_SIZE,
            label=measure.label,
            gid=f"series-{measure.code}",
        )
        low, high = measure.bounds
        ax.set_ylim(low - (high - low) * 0.04, high + (high - low) * 0.04)
        better = "higher is better" if measure.higher_is_better else "lower is better"
        ax.set_title(measure.label, fontsize=style.LABEL_SIZE, loc="left")
        ax.set_ylabel(f"{measure.unit_label or 'score'} ({better})", fontsize=style.LABEL_SIZE)
        style.date_axis(ax, [p.date for p in points])
        ax.legend(fontsize=style.NOTE_SIZE, loc="best", frameon=False)
        if len(points) == 1:
            style.note(ax, "One score so far: no trend yet.", y=0.15)
    axes[-1].set_xlabel("Visit date", fontsize=style.LABEL_SIZE)
    return fig
