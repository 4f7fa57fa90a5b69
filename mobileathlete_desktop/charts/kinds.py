"""Which charts a client can have, and building one by name (shared by the window and CLI)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mobileathlete_desktop.charts import style
from mobileathlete_desktop.charts.figure_lock import with_figure_lock
from mobileathlete_desktop.domain.catalogue import Catalogue, Mode
from mobileathlete_desktop.domain.interpretation import (
    FMS_TOTAL,
    LEFS_TOTAL,
    YBALANCE_COMPOSITE,
    measure_for,
    measure_series,
)
from mobileathlete_desktop.domain.records import ClientHistory
from mobileathlete_desktop.support.i18n import texts
from mobileathlete_desktop.support.languages import DEFAULT_LANGUAGE

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SUMMARY_CHARTS: dict[str, str] = {
    "profile": "Profile: percent of norm at the latest visit",
    "asymmetry": "Asymmetry: limb symmetry index at the latest visit",
    "outcomes": "Outcomes: LEFS and pain over time",
    "active-passive": "Active vs passive: the passive − active gap over time (control deficit)",
}
"""Chart names accepted in place of a measure code, with what each shows."""

COMPUTED_CODES = (YBALANCE_COMPOSITE, FMS_TOTAL, LEFS_TOTAL)


@dataclass(frozen=True)
class MeasureChoice:
    """One measure (and mode) a client has values for: an entry of the measure picker."""

    code: str
    mode: Mode
    label: str
    points: int
    lang: str = DEFAULT_LANGUAGE
    """The language of `label` and of `text`."""

    @property
    def text(self) -> str:
        """How the picker shows it ("Hip flexion (active) — 6 visits")."""
        tr = texts(self.lang)
        mode = style.mode_word(tr, self.mode)
        visits = tr.ngettext("{count} visit", "{count} visits", self.points)
        return f"{self.label}{f' ({mode})' if mode else ''} — {visits}"


def measures_with_data(
    history: ClientHistory, catalogue: Catalogue, lang: str = DEFAULT_LANGUAGE
) -> list[MeasureChoice]:
    """Every measure and mode recorded for this client at least once, in catalogue order,
    named in `lang`.

    Computed scores (Y-Balance composite, FMS total, LEFS) are included when they can be
    worked out; `points` counts the visits that hold a value on any side.
    """
    visits: dict[tuple[str, Mode], set[int]] = {}
    for a in history.assessments:
        for m in a.measurements:
            visits.setdefault((m.code, m.mode), set()).add(a.id)
    for code in COMPUTED_CODES:
        if (code, "none") in visits:
            continue
        for side in ("left", "right", "none"):
            ids = {p.assessment_id for p in measure_series(history, code, side, "none", catalogue)}
            if ids:
                visits.setdefault((code, "none"), set()).update(ids)
    order = {m.code: i for i, m in enumerate(catalogue)}
    mode_order = {"active": 0, "passive": 1, "none": 2}
    choices = []
    for (code, mode), ids in visits.items():
        measure = measure_for(code, catalogue)
        if measure is None:
            continue  # a code from a newer catalogue: nothing to draw it against
        choices.append(MeasureChoice(code, mode, measure.label_in(lang), len(ids), lang))
    choices.sort(key=lambda c: (order.get(c.code, len(order)), mode_order.get(c.mode, 3)))
    return choices


@with_figure_lock
def build_chart(
    history: ClientHistory,
    what: str,
    catalogue: Catalogue,
    mode: Mode | None = None,
    lang: str = "en",
) -> Figure:
    """The figure for `what`: a name of SUMMARY_CHARTS, or a measure code; its words
    (titles, axes, key, notes, month names) in `lang`.

    Raises KeyError for a measure code neither the catalogue nor the computed scores know.
    """
    if what == "profile":
        from mobileathlete_desktop.charts.profile import profile_figure

        return profile_figure(history, catalogue, lang=lang)
    if what == "asymmetry":
        from mobileathlete_desktop.charts.asymmetry import asymmetry_figure

        return asymmetry_figure(history, catalogue, lang=lang)
    if what == "outcomes":
        from mobileathlete_desktop.charts.outcomes import outcomes_figure

        return outcomes_figure(history, catalogue=catalogue, lang=lang)
    if what == "active-passive":
        from mobileathlete_desktop.charts.active_passive import active_passive_figure

        return active_passive_figure(history, catalogue, lang=lang)
    if measure_for(what, catalogue) is None:
        raise KeyError(what)
    from mobileathlete_desktop.charts.progress import measure_progress_figure

    return measure_progress_figure(history, what, catalogue, mode, lang=lang)
