"""Where an outcome changed beyond its measurement error while the home program checked in at
the same visit was mostly skipped (self-report): the change is less likely to come from the home
program. Split from domain.checkins (which re-exports these names)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING

from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.records import ClientHistory
from mobileathlete_desktop.support.i18n import texts

if TYPE_CHECKING:
    from mobileathlete_desktop.domain.checkins import CheckinRecord

DONE_LITTLE = 0.5
"""Below this share of the prescribed sessions, the drill was mostly skipped."""


def _percent(share: float) -> str:
    return f"{round(share * 100)} %"


def adherence_notes(
    checkins: Sequence[CheckinRecord],
    outcome: Sequence[tuple[date, float]],
    label: str,
    smallest_real_change: float | None,
    lang: str = "en",
) -> list[str]:
    """Where an outcome changed beyond its measurement error between two visits while the
    home program checked in at the second was mostly skipped (adherence below DONE_LITTLE):
    the change is less likely to come from the home program. One sentence each."""
    if smallest_real_change is None:
        return []
    tr = texts(lang)
    notes = []
    by_date = {c.date: c for c in checkins}
    for (before, was), (after, now) in pairwise(outcome):
        checkin = by_date.get(after)
        share = checkin.adherence if checkin is not None else None
        if share is None or share >= DONE_LITTLE or abs(now - was) < smallest_real_change:
            continue
        notes.append(
            tr.gettext(
                "{label} changed from {was} to {now} between {before} and {after} while "
                "the home program was done {share} of the sessions (self-report): the change "
                "is less likely to come from the home program.",
                label=label,
                was=f"{was:g}",
                now=f"{now:g}",
                before=before.isoformat(),
                after=after.isoformat(),
                share=_percent(share),
            )
        )
    return notes


def outcome_adherence_notes(
    history: ClientHistory,
    checkins: Sequence[CheckinRecord],
    catalogue: Catalogue,
    lang: str = "en",
) -> list[str]:
    """adherence_notes for the LEFS (its label in `lang`, its measurement error from the
    catalogue): where it changed beyond the error while the home program was mostly skipped."""
    from mobileathlete_desktop.domain.interpretation import (
        LEFS_TOTAL,
        measure_for,
        measure_series,
    )

    measure = measure_for(LEFS_TOTAL, catalogue)
    if measure is None:
        return []
    points = measure_series(history, LEFS_TOTAL, "none", "none", catalogue)
    error = measure.error_for("questionnaire")
    mdc = error.smallest_real_change if error is not None else None
    label = measure.label_in(lang)
    return adherence_notes(checkins, [(p.date, p.value) for p in points], label, mdc, lang)
