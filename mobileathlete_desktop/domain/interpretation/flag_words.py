"""A crossed reference point in short, for a table's Flags cell, in the report's language."""

from __future__ import annotations

from mobileathlete_desktop.domain.catalogue import Measure
from mobileathlete_desktop.domain.interpretation.value_words import _crossed_words, _fmt_in
from mobileathlete_desktop.support.i18n import texts


def cutoff_words(measure: Measure, value: float, lang: str = "en") -> str:
    """The published reference point a value crossed, without its source (the table's note
    names it): "below the 90 % criterion", "at or above the 5 points cut-point", "below the
    94 % reference point"; "" when the value crossed none."""
    tr = texts(lang)
    for cutoff in measure.cutoffs:
        if not cutoff.crossed(value):
            continue
        values = {"where": _crossed_words(tr, cutoff), "value": _fmt_in(tr, measure, cutoff.value)}
        if cutoff.kind == "criterion":
            return tr.gettext("{where} the {value} criterion", **values)
        if cutoff.kind == "screen":
            return tr.gettext("{where} the {value} cut-point", **values)
        return tr.gettext("{where} the {value} reference point", **values)
    return ""
