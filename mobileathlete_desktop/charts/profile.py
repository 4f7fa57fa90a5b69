"""One assessment against the norm per measure: the client's profile at a glance (percent of
norm; a signed angle, whose zero is a reference position, as its difference from the norm)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mobileathlete_desktop.charts import style
from mobileathlete_desktop.charts.dates import title_date
from mobileathlete_desktop.charts.figure_lock import with_figure_lock
from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.interpretation import (
    ABOVE_NORM_PERCENT,
    interpret_assessment,
    within_norm_range,
)
from mobileathlete_desktop.domain.interpretation.value_words import from_norm_words
from mobileathlete_desktop.domain.records import ClientHistory
from mobileathlete_desktop.support.i18n import Texts, texts

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def _row_label(tr: Texts, label: str, side: str, mode: str) -> str:
    words = (
        style.side_word(tr, side) if side != "none" else "",
        style.mode_word(tr, mode),
    )
    extra = ", ".join(x for x in words if x)
    return f"{label}, {extra}" if extra else label


def _has_norms(measure: object) -> bool:
    return bool(getattr(measure, "norms", ()))


def _bar_look(flag: str) -> dict[str, Any]:
    """A bar's fill and pattern: below norm vermillion with white diagonals, above norm a pale
    blue with dark dots (a difference, not a problem; pale, so it is a lighter grey than a
    within-norm bar in grey print, not only dots that a printer may lose), within plain blue."""
    if flag == "below":
        return {"facecolor": style.FLAG_COLOUR, "hatch": style.BELOW_HATCH, "edgecolor": "white"}
    if flag == "above":
        return {
            "facecolor": style.ABOVE_COLOUR,
            "hatch": style.ABOVE_HATCH,
            "edgecolor": style.OK_COLOUR,
            "hatchcolor": style.HATCH_INK,
        }
    return {"facecolor": style.OK_COLOUR, "edgecolor": style.OK_COLOUR}


@with_figure_lock
def profile_figure(
    history: ClientHistory,
    catalogue: Catalogue | None = None,
    assessment_id: int | None = None,
    lang: str = "en",
) -> Figure:
    """Bars of percent of norm; below- and above-norm bars hatched, the 100% line and each
    measure's own within-norm zone.

    Readings the interpretation does not judge against the norm (an active reading against a
    passive-only norm: its gap to the passive range judges it) are left out, and a note says
    so; a bar coloured "within" would claim a judgement that was never made. Words in `lang`.
    """
    from mobileathlete_desktop.domain.catalogue import default_catalogue
    from mobileathlete_desktop.domain.interpretation import measure_for

    tr = texts(lang)
    cat = catalogue if catalogue is not None else default_catalogue()
    result = interpret_assessment(history, assessment_id, cat)
    client = style.shown_name(history.client.full_name)
    title = tr.gettext("Percent of norm — {name}", name=client)
    if result.assessment is None:
        return style.message_figure(title, tr.gettext("No assessments recorded yet."))
    judged = [r for r in result.rows if r.norm.norm is not None and r.norm.flag != "not_judged"]
    rows = [r for r in judged if r.norm.percent_of_norm is not None]
    # A signed angle (Thomas, Ober, dorsiflexion past neutral) has no percentage of its norm:
    # its own panel shows how far it is from the norm, in its unit.
    signed = [r for r in judged if r.norm.percent_of_norm is None]
    if signed and not rows:
        title = tr.gettext("Difference from the norm — {name}", name=client)
    title += f", {title_date(result.assessment.date, lang)}"
    not_judged = [r for r in result.rows if r.norm.flag == "not_judged"]
    # Not judged either because the passive range is (an active reading: its gap judges it)
    # or because the only value is another group's (a documented fallback: context only).
    elsewhere = [r for r in not_judged if r.norm.norm is not None and r.norm.norm.fallback]
    by_gap = [r for r in not_judged if r not in elsewhere]
    # Measures with norms in the catalogue but none for this client (outcome scores never
    # have one: naming them would be noise).
    without = [
        r
        for r in result.rows
        if r.norm.norm is None
        and r.known
        and r.norm.flag != "not_judged"
        and _has_norms(measure_for(r.code, cat))
    ]
    if not rows and not signed:
        why = tr.gettext("No value at this visit has a norm for this client.")
        if history.client.date_of_birth is None:
            why = tr.gettext(
                "No value at this visit has a norm for this client (no date of birth recorded)."
            )
        elif by_gap:
            why = tr.gettext(
                "No value at this visit is judged against a norm (active readings are judged "
                "by their gap to the passive range)."
            )
        elif elsewhere:
            why = tr.gettext(
                "No value at this visit is judged against a norm (the only reference values "
                "were measured in another group than this client's)."
            )
        return style.message_figure(title, why)

    def name(row: Any) -> str:
        return style.label_for(tr, row.code, row.label, cat)

    def labels_of(some: list[Any]) -> list[str]:
        return [style.wrap_label(_row_label(tr, name(r), r.side, r.mode)) for r in some]

    labels = labels_of(rows)
    signed_labels = labels_of(signed)
    per_row = 0.36 + 0.14 * max(label.count("\n") for label in labels + signed_labels)
    panels = [n for n in (len(rows), len(signed)) if n]
    fig = style.new_figure((7.0, 1.6 + 0.9 * (len(panels) - 1) + per_row * sum(panels)))
    grid = fig.add_gridspec(len(panels), 1, height_ratios=[n + 1.2 for n in panels])
    ax = fig.add_subplot(grid[0])
    style.style_axes(ax)
    if rows:
        _percent_panel(tr, ax, rows, labels)
    if signed:
        signed_ax = fig.add_subplot(grid[-1]) if rows else ax
        if rows:
            style.style_axes(signed_ax)
        _difference_panel(tr, signed_ax, signed, signed_labels, cat)
    from matplotlib.patches import Patch

    style.titled_legend(
        fig,
        ax,
        title,
        [
            Patch(**_bar_look("within")),
            Patch(**_bar_look("above")),
            Patch(**_bar_look("below")),
            Patch(facecolor=style.NORM_COLOUR, alpha=0.3),
        ],
        [
            tr.gettext("Within norm"),
            tr.gettext("Above norm"),
            tr.gettext("Below norm"),
            tr.gettext("Within norm for that measure"),
        ],
        ncols=4,
    )
    notes = []
    if by_gap:
        active = ", ".join(dict.fromkeys(name(r) for r in by_gap))
        notes.append(
            tr.gettext(
                "Not shown: active readings ({measures}), judged by their gap to the passive "
                "range, not against the norm.",
                measures=active,
            )
        )
    if elsewhere:
        others = ", ".join(dict.fromkeys(name(r) for r in elsewhere))
        notes.append(
            tr.gettext(
                "Not shown: {measures}, whose only reference value was measured in another "
                "group (context, not a norm).",
                measures=others,
            )
        )
    if without:
        names = sorted({name(r) for r in without})
        notes.append(tr.gettext("No norm for this client: {measures}.", measures=", ".join(names)))
    if notes:
        style.figure_note(fig, "\n".join(notes))
    return fig


def _flag_words(tr: Texts, flag: str) -> str:
    return tr.gettext(style.FLAG_WORDS[flag]) if flag in style.FLAG_WORDS else ""


def _percent_panel(tr: Texts, ax: Any, rows: list[Any], labels: list[str]) -> None:
    """Bars of percent of norm, each measure's within-norm zone and the 100% line."""
    for i, row in enumerate(rows):
        # Each measure's own within-norm zone, as the interpretation judges it (usual range
        # from the SD, or the percentage band of a reference value, widened to the error).
        if row.norm.norm is None or not row.norm.norm.mean:
            continue
        low, high = within_norm_range(row.norm.norm, row.norm.error)
        mean = row.norm.norm.mean
        ax.barh(
            i,
            (high - low) / mean * 100,
            left=low / mean * 100,
            height=0.9,
            color=style.NORM_COLOUR,
            alpha=0.12,
            linewidth=0,
            gid="norm-zone",
        )
    ax.axvline(100, color=style.NORM_COLOUR, linewidth=1.5, gid="norm-100")
    for i, row in enumerate(rows):
        pct = row.norm.percent_of_norm
        assert pct is not None
        flag = row.norm.flag
        ax.barh(i, pct, height=0.6, gid=f"bar-{flag}", **_bar_look(flag))
        words = _flag_words(tr, flag)
        ax.text(
            max(pct, ABOVE_NORM_PERCENT) + 2,
            i,
            f"{tr.percent(round(pct))}  {style.value_words(tr, row.value_text)}"
            + (f", {words}" if words else ""),
            va="center",
            fontsize=style.NOTE_SIZE,
            fontweight="bold" if flag == "below" else "normal",
        )
    ax.set_yticks(range(len(rows)), labels, fontsize=style.TICK_SIZE)
    ax.set_ylim(len(rows) - 0.5, -0.5)  # first row on top, no empty margin
    top = max(150.0, max(r.norm.percent_of_norm or 0 for r in rows) + 35)
    flagged = [
        tr.gettext(style.FLAG_WORDS[r.norm.flag]) for r in rows if r.norm.flag in style.FLAG_WORDS
    ]
    if flagged:
        # Room for ", below norm" beside the bar (Spanish words are twice as long).
        top += max(30, 5 * max(len(w) for w in flagged) - 20)
    ax.set_xlim(0, top)
    ax.set_xlabel(
        style.wrap_label(tr.gettext("Percent of the norm for age and sex (%)"), 40, 48),
        fontsize=style.LABEL_SIZE,
    )


def _difference_panel(
    tr: Texts, ax: Any, rows: list[Any], labels: list[str], cat: Catalogue
) -> None:
    """Bars of the difference from the norm (value − norm mean) for signed angles, each
    measure's within-norm zone around the 0 line (the norm), the SDs beside each bar."""
    from mobileathlete_desktop.domain.interpretation import measure_for

    amounts = [row.value - row.norm.norm.mean for row in rows]
    ends: list[float] = [0.0, *amounts]
    for i, row in enumerate(rows):
        norm = row.norm.norm
        low, high = within_norm_range(norm, row.norm.error)
        ax.barh(
            i,
            high - low,
            left=low - norm.mean,
            height=0.9,
            color=style.NORM_COLOUR,
            alpha=0.12,
            linewidth=0,
            gid="norm-zone",
        )
        ends += [low - norm.mean, high - norm.mean]
    ax.axvline(0, color=style.NORM_COLOUR, linewidth=1.5, gid="norm-0")
    lowest, highest = min(ends), max(ends)
    span = max(highest - lowest, 10.0)
    for i, (row, amount) in enumerate(zip(rows, amounts, strict=True)):
        flag = row.norm.flag
        ax.barh(i, amount, height=0.6, gid=f"signed-bar-{flag}", **_bar_look(flag))
        words = _flag_words(tr, flag)
        # The words in one column right of every bar and zone (a bar may point left).
        ax.text(
            highest + 0.03 * span,
            i,
            f"{from_norm_words(tr, measure_for(row.code, cat), row.value, row.norm.norm)}  "
            f"{style.value_words(tr, row.value_text)}" + (f", {words}" if words else ""),
            va="center",
            fontsize=style.NOTE_SIZE,
            fontweight="bold" if flag == "below" else "normal",
            gid="difference",
        )
    # The words take about 60% of the axes' width: room for them right of the data.
    ax.set_xlim(lowest - 0.05 * span, highest + 1.5 * span)
    ax.set_yticks(range(len(rows)), labels, fontsize=style.TICK_SIZE)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    units = {row.unit for row in rows}
    unit = units.pop() if len(units) == 1 else ""
    said = (
        tr.gettext("Difference from the norm ({unit}): signed angles, not a percentage", unit=unit)
        if unit
        else tr.gettext("Difference from the norm: signed angles, not a percentage")
    )
    ax.set_xlabel(style.wrap_label(said, 48, 56), fontsize=style.LABEL_SIZE)
