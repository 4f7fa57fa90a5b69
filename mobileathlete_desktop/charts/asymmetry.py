"""Limb symmetry index per measure for one assessment, against each measure's threshold."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mobileathlete_desktop.charts import style
from mobileathlete_desktop.charts.figure_lock import with_figure_lock
from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.interpretation import (
    DEFAULT_LSI_THRESHOLD,
    Interpretation,
    interpret_assessment,
)
from mobileathlete_desktop.domain.records import ClientHistory
from mobileathlete_desktop.support.i18n import texts

if TYPE_CHECKING:
    from matplotlib.figure import Figure


NOT_JUDGED_COLOUR = "#c8c8c8"


def judged(row: Interpretation) -> bool:
    """Whether a rule judged this row's sides (a measure without one is "not judged")."""
    s = row.sides
    return s is not None and s.threshold is not None and s.threshold_kind != "none"


def lsi_threshold(row: Interpretation) -> float:
    """The LSI below which this row's rule calls it asymmetric (absolute rules converted)."""
    s = row.sides
    if s is None or s.threshold is None or s.threshold_kind == "none":
        return DEFAULT_LSI_THRESHOLD
    if s.threshold_kind == "lsi":
        return s.threshold
    stronger = max(s.left, s.right)
    return max(0.0, (stronger - s.threshold) / stronger * 100) if stronger > 0 else 0.0


@with_figure_lock
def asymmetry_figure(
    history: ClientHistory,
    catalogue: Catalogue | None = None,
    assessment_id: int | None = None,
    lang: str = "en",
) -> Figure:
    """Horizontal LSI bars (weaker ÷ stronger side), hatched where the rule calls asymmetry.

    A measure without an asymmetry rule (and no error to judge the difference by) is drawn
    grey and labelled "not judged": its bar is never shown as within threshold. Words in
    `lang`.
    """
    tr = texts(lang)
    result = interpret_assessment(history, assessment_id, catalogue)
    title = tr.gettext("Limb symmetry — {name}", name=style.shown_name(history.client.full_name))
    if result.assessment is None:
        return style.message_figure(title, tr.gettext("No assessments recorded yet."))
    title += f", {result.assessment.date.isoformat()}"
    rows = [r for r in result.rows if r.side == "left" and r.sides and r.sides.lsi is not None]
    if not rows:
        return style.message_figure(
            title,
            tr.gettext("No measure was recorded on both sides at this visit: no symmetry to show."),
        )
    fig = style.new_figure((7.0, 1.2 + 0.42 * len(rows)))
    ax = fig.add_subplot()
    style.style_axes(ax)
    labels, values = [], []
    for i, row in enumerate(rows):
        assert row.sides is not None and row.sides.lsi is not None
        lsi, asym = row.sides.lsi, row.sides.asymmetric
        name = style.label_for(tr, row.code, row.label, catalogue)
        mode = style.mode_word(tr, row.mode)
        labels.append(style.wrap_label(name + (f" ({mode})" if mode else "")))
        values.append(lsi)
        if not judged(row):
            ax.barh(
                i,
                lsi,
                color=NOT_JUDGED_COLOUR,
                edgecolor=NOT_JUDGED_COLOUR,
                height=0.6,
                gid="bar-not-judged",
            )
            ax.text(
                max(lsi, DEFAULT_LSI_THRESHOLD) + 2,
                i,
                tr.gettext("{lsi}%, not judged", lsi=round(lsi)),
                va="center",
                fontsize=style.NOTE_SIZE,
                color=style.MUTED_COLOUR,
            )
            continue
        ax.barh(
            i,
            lsi,
            color=style.FLAG_COLOUR if asym else style.OK_COLOUR,
            hatch=style.BELOW_HATCH if asym else None,
            edgecolor="white" if asym else style.OK_COLOUR,
            height=0.6,
            gid="bar-asymmetric" if asym else "bar",
        )
        limit = lsi_threshold(row)
        ax.plot([limit, limit], [i - 0.38, i + 0.38], color="black", linewidth=2, gid="threshold")
        weaker = row.sides.weaker_side
        text = (
            tr.gettext("{lsi}% ({side} weaker)", lsi=round(lsi), side=style.side_word(tr, weaker))
            if weaker and asym
            else f"{lsi:.0f}%"
        )
        ax.text(
            max(lsi, limit, DEFAULT_LSI_THRESHOLD) + 2,
            i,
            text,
            va="center",
            fontsize=style.NOTE_SIZE,
        )
    ax.axvline(DEFAULT_LSI_THRESHOLD, color=style.MUTED_COLOUR, linestyle="--", linewidth=1)
    ax.set_yticks(range(len(rows)), labels, fontsize=style.TICK_SIZE)
    ax.set_ylim(len(rows) - 0.5, -0.5)  # first row on top, no empty margin
    ax.set_xlim(0, 160)
    ax.set_xlabel(
        style.wrap_label(tr.gettext("Limb symmetry index (weaker ÷ stronger side, %)"), 40, 48),
        fontsize=style.LABEL_SIZE,
    )
    from matplotlib.artist import Artist
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Artist] = [
        Patch(facecolor=style.OK_COLOUR),
        Patch(facecolor=style.FLAG_COLOUR, hatch=style.BELOW_HATCH, edgecolor="white"),
        Line2D([], [], color="black", linewidth=2),
        Line2D([], [], color=style.MUTED_COLOUR, linestyle="--"),
    ]
    names = [
        tr.gettext("Within threshold"),
        tr.gettext("Asymmetric"),
        tr.gettext("Measure's threshold"),
        tr.gettext("LSI 90% (reference)"),
    ]
    if any(not judged(r) for r in rows):
        handles.insert(2, Patch(facecolor=NOT_JUDGED_COLOUR))
        names.insert(2, tr.gettext("Not judged (no rule)"))
    style.titled_legend(fig, ax, title, handles, names, ncols=3)
    return fig
