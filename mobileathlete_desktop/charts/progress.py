"""One measure over time, left and right, against its norm band and measurement error."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mobileathlete_desktop.charts import style
from mobileathlete_desktop.charts.figure_lock import with_figure_lock
from mobileathlete_desktop.domain.catalogue import Catalogue, Measure, Mode, Norm, Side
from mobileathlete_desktop.domain.interpretation import (
    SeriesPoint,
    measure_for,
    measure_series,
    within_norm_range,
)
from mobileathlete_desktop.domain.interpretation.wording import ages_words
from mobileathlete_desktop.domain.records import ClientHistory
from mobileathlete_desktop.support.i18n import Texts, texts

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


@with_figure_lock
def measure_progress_figure(
    history: ClientHistory,
    measure_code: str,
    catalogue: Catalogue | None = None,
    mode: Mode | None = None,
    lang: str = "en",
) -> Figure:
    """A measure at every visit, per side, with the norm band shaded and the MDC95 as a bar
    at the first visit (a later value outside it changed beyond measurement error), its
    words in `lang`.

    Signed visits have filled markers, drafts hollow ones. With no data, the figure says so.
    """
    from mobileathlete_desktop.domain.catalogue import default_catalogue

    tr = texts(lang)
    cat = catalogue if catalogue is not None else default_catalogue()
    measure = measure_for(measure_code, cat)
    name = style.shown_name(history.client.full_name) or history.client.chart_number
    if measure is None:
        return style.message_figure(
            measure_code,
            tr.gettext(
                "{code} is not in the catalogue (version {version}).",
                code=measure_code,
                version=cat.version,
            ),
        )
    if mode is None:
        mode = _first_mode_with_data(history, measure, cat)
    series: dict[Side, list[SeriesPoint]] = {}
    for side in measure.sides:
        points = measure_series(history, measure.code, side, mode, cat)
        if points:
            series[side] = points
    label = style.measure_name(tr, measure)
    title = f"{label}{'' if mode == 'none' else f' ({style.mode_word(tr, mode)})'} — {name}"
    if not series:
        why = (
            tr.gettext("No assessments recorded yet.")
            if not history.assessments
            else tr.gettext("{measure} was not recorded at any visit.", measure=label)
        )
        return style.message_figure(title, why)

    fig = style.new_figure()
    ax = fig.add_subplot()
    style.style_axes(ax)
    latest = history.assessments[-1].date
    err = measure.error_for(measure.instrument)
    mdc = err.smallest_real_change if err else None
    notes: list[str] = []

    age = history.client.age_on(latest)
    norm = measure.norm_for(history.client.norm_sex, age, mode)
    if norm is not None:
        _shade_norm(ax, tr, measure, norm, mdc)
    elif not measure.norms:
        notes.append(tr.gettext("No norm in the catalogue for this measure."))
    elif history.client.date_of_birth is None:
        notes.append(tr.gettext("No date of birth: no norm for this age."))
    else:
        notes.append(tr.gettext("No norm for this age ({age}) and sex.", age=age))

    for side, points in series.items():
        _plot_side(ax, tr, side, points, mdc)

    if mdc is not None and err is not None:
        notes.append(
            # Translators: MDC95 is the smallest real change (Spanish CMD95); {source} a key.
            tr.gettext(
                "Bar: ± MDC95 {error} ({source}) at the first visit; outside it, beyond "
                "measurement error.",
                error=style.value_words(tr, measure.format_figure(mdc)),
                source=err.source,
            )
        )
    else:
        notes.append(tr.gettext("No measurement error in the catalogue: no error bars."))
    if len(series) == 1 and measure.bilateral:
        only = next(iter(series))
        notes.append(
            tr.gettext("Only the {side} side was recorded.", side=style.side_word(tr, only))
        )
    if sum(len(p) for p in series.values()) == len(series):
        notes.append(tr.gettext("One visit so far: no trend yet."))
    style.note(ax, "\n".join(notes), y=-0.2)

    style.date_axis(ax, [p.date for points in series.values() for p in points], tr.lang)
    unit = style.unit_word(tr, measure.unit_label) or tr.pgettext("unit on a chart axis", "score")
    ax.set_ylabel(style.wrap_label(f"{label} ({unit})", 38, 44), fontsize=style.LABEL_SIZE)
    style.date_label(ax, tr.gettext("Visit date"))
    style.figure_title(fig, ax, title)
    _legend(ax, tr)
    return fig


def _first_mode_with_data(history: ClientHistory, measure: Measure, cat: Catalogue) -> Mode:
    for mode in measure.modes:
        for side in measure.sides:
            if measure_series(history, measure.code, side, mode, cat):
                return mode
    return measure.modes[0] if measure.modes else "none"


def _shade_norm(ax: Axes, tr: Texts, measure: Measure, norm: Norm, mdc: float | None) -> None:
    """The within-norm zone as interpretation defines it, and the mean as a dashed line."""
    low, high = within_norm_range(norm, mdc)
    ages = ages_words(tr, norm)
    if norm.sex in ("female", "male"):
        sex = (
            tr.pgettext("norm population", "female")
            if norm.sex == "female"
            else tr.pgettext("norm population", "male")
        )
        # Translators: the key of a chart's norm band ("Within norm (female 20–29, source)").
        band = tr.gettext(
            "Within norm ({sex} {ages}, {source})", sex=sex, ages=ages, source=norm.source
        )
    else:
        band = tr.gettext("Within norm ({ages}, {source})", ages=ages, source=norm.source)
    ax.axhspan(
        low,
        high,
        color=style.NORM_COLOUR,
        alpha=0.15,
        linewidth=0,
        label=band,
        gid="norm-band",
    )
    ax.axhline(
        norm.mean,
        color=style.NORM_COLOUR,
        linestyle=":",
        linewidth=1.2,
        label=tr.gettext("Norm {value}", value=style.value_text(tr, measure, norm.mean)),
        gid="norm-mean",
    )


def _plot_side(
    ax: Axes, tr: Texts, side: Side, points: list[SeriesPoint], mdc: float | None
) -> None:
    look = style.SIDE_STYLE[side]
    values = [p.value for p in points]
    dates = style.date_numbers([p.date for p in points])
    ax.plot(
        dates,
        values,
        color=look["color"],
        linestyle=look["linestyle"],
        marker="none",
        linewidth=1.6,
        label=style.side_name(tr, side),
        gid=f"series-{side}",
    )
    if mdc is not None:
        # The MDC95 is the least change between two measurements that is beyond their error:
        # drawn once, at the first visit, as the band a later value must leave (a bar of it
        # on every point read as each value's own uncertainty, which is ±1.96·SEM).
        ax.errorbar(
            dates[:1],
            values[:1],
            yerr=mdc,
            color=look["color"],
            linestyle="none",
            marker="none",
            elinewidth=0.9,
            capsize=4,
            gid=f"first-visit-mdc-{side}",
        )
    # Markers drawn separately: filled for signed visits, hollow for drafts.
    for signed in (True, False):
        xs = [p.date for p in points if p.signed is signed]
        ys = [p.value for p in points if p.signed is signed]
        if xs:
            ax.plot(
                style.date_numbers(xs),
                ys,
                linestyle="none",
                marker=look["marker"],
                markersize=style.MARKER_SIZE,
                markeredgecolor=look["color"],
                markerfacecolor=look["color"] if signed else "white",
                markeredgewidth=1.5,
                gid=f"markers-{side}-{'signed' if signed else 'draft'}",
            )


def _legend(ax: Axes, tr: Texts) -> None:
    from matplotlib.lines import Line2D

    handles, labels = ax.get_legend_handles_labels()
    for signed in (True, False):
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker="o",
                markersize=style.MARKER_SIZE - 1,
                markeredgecolor=style.MUTED_COLOUR,
                markerfacecolor=style.MUTED_COLOUR if signed else "white",
            )
        )
        labels.append(tr.gettext("Signed visit") if signed else tr.gettext("Draft visit"))
    ax.legend(
        handles,
        labels,
        fontsize=style.NOTE_SIZE,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
    )
