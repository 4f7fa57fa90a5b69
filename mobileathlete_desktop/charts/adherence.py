"""Home-program adherence over time beside the outcome scores: the share of prescribed sessions
done at each check-in (self-report) under the LEFS, on the same dates."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mobileathlete_desktop.charts import style
from mobileathlete_desktop.charts.figure_lock import with_figure_lock
from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.checkin_outcomes import DONE_LITTLE, outcome_adherence_notes
from mobileathlete_desktop.domain.checkins import CheckinRecord
from mobileathlete_desktop.domain.interpretation import LEFS_TOTAL, measure_for, measure_series
from mobileathlete_desktop.domain.records import ClientHistory
from mobileathlete_desktop.support.i18n import texts

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@with_figure_lock
def adherence_figure(
    history: ClientHistory,
    checkins: Sequence[CheckinRecord],
    catalogue: Catalogue | None = None,
    lang: str = "en",
) -> Figure:
    """Two panels on one date axis: the LEFS at each visit, and below it the sessions done as
    a share of those prescribed at each check-in (bars; the EARS total written on each when
    scored). Labelled self-report; the 50 % line marks a program mostly skipped. Words in
    `lang`."""
    from mobileathlete_desktop.domain.catalogue import default_catalogue

    tr = texts(lang)
    cat = catalogue if catalogue is not None else default_catalogue()
    title = tr.gettext(
        "Home program and outcome — {name}", name=style.shown_name(history.client.full_name)
    )
    recorded = [c for c in checkins if c.adherence is not None]
    if not recorded:
        return style.message_figure(
            title, tr.gettext("No check-in of a home program recorded yet.")
        )
    measure = measure_for(LEFS_TOTAL, cat)
    points = measure_series(history, LEFS_TOTAL, "none", "none", cat) if measure else []
    dates = [c.date for c in recorded] + [p.date for p in points]
    fig = style.new_figure((7.0, 5.4))
    fig.suptitle(title, fontsize=style.TITLE_SIZE)
    top, bottom = fig.subplots(2, 1, sharex=True)
    for ax in (top, bottom):
        style.style_axes(ax)
    look = style.SIDE_STYLE["none"]
    if points and measure is not None:
        top.plot(
            style.date_numbers([p.date for p in points]),
            [p.value for p in points],
            color=look["color"],
            marker=look["marker"],
            markersize=style.MARKER_SIZE,
            gid="series-lefs",
        )
        low, high = measure.bounds
        top.set_ylim(low, high)
        top.set_ylabel(tr.gettext("LEFS\n(higher is better)"), fontsize=style.LABEL_SIZE)
    else:
        style.note(top, tr.gettext("No LEFS recorded."))
    shares = [round((c.adherence or 0.0) * 100) for c in recorded]
    x = style.date_numbers([c.date for c in recorded])
    colours = [style.FLAG_COLOUR if s < DONE_LITTLE * 100 else style.OK_COLOUR for s in shares]
    bottom.bar(x, shares, width=6, color=colours, gid="adherence-bars")
    bottom.axhline(DONE_LITTLE * 100, color=style.MUTED_COLOUR, linestyle="--", linewidth=1.0)
    for at, share, checkin in zip(x, shares, recorded, strict=True):
        words = tr.percent(share)
        if checkin.ears_total is not None:
            words += f"\nEARS {checkin.ears_total}/24"
        bottom.annotate(
            words,
            (at, share),
            textcoords="offset points",
            xytext=(0, 3),
            ha="center",
            fontsize=style.NOTE_SIZE,
        )
    bottom.set_ylim(0, max(130, max(shares) + 30))
    bottom.set_ylabel(
        tr.gettext("Sessions done,\nshare of prescribed, %\n(self-report)"),
        fontsize=style.LABEL_SIZE,
    )
    style.date_axis(bottom, sorted(set(dates)), tr.lang)
    style.date_label(bottom, tr.gettext("Visit date"))
    notes = outcome_adherence_notes(history, checkins, cat, tr.lang)
    if notes:
        style.figure_note(fig, "\n".join(notes))
    return fig
