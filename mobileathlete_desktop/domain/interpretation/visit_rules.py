"""Readings that depend on the whole visit (split from rules.py, which re-exports them):
pain during a test, and a Beighton score read beside an above-norm range."""

from __future__ import annotations

from collections.abc import Mapping

from mobileathlete_desktop.domain.catalogue import Catalogue, Measure
from mobileathlete_desktop.domain.interpretation.results import Key, _Reading
from mobileathlete_desktop.domain.interpretation.value_words import _fmt

# The screen whose cut-point, when reached, reads a range above the usual as possibly
# generalised joint hypermobility rather than a local excess (catalogue 2026.4).
HYPERMOBILITY_SCREEN = "beighton.score"


def pain_reason(measure: Measure, name: str) -> str:
    """Pain during a test, in words, with what the catalogue says it warns of (hopping: a
    bone stress injury)."""
    warning = measure.pain_warning_in("en")
    if warning:
        return f"{name}: pain reported during the test; {warning}."
    return f"{name}: pain reported during the test."


def generalised_hypermobility(readings: Mapping[Key, _Reading], cat: Catalogue) -> str:
    """The Beighton score at or past its cut-point, in words ("" when it was not reached or
    not recorded)."""
    screen = cat.get(HYPERMOBILITY_SCREEN)
    reading = readings.get((HYPERMOBILITY_SCREEN, "none", "none"))
    if screen is None or reading is None:
        return ""
    for c in screen.cutoffs:
        if c.kind == "screen" and c.crossed(reading.value):
            value = _fmt(screen, reading.value)
            return f"{screen.label} {value} (cut-point {c.value:g}, {c.source})"
    return ""


HYPERMOBILITY_WORDS = "possibly generalised joint hypermobility rather than a local excess"


def above_norm_with_hypermobility(name: str, value_text: str, screen: str) -> str:
    """An above-norm range read beside a Beighton score at or past its cut-point."""
    return (
        f"{name} {value_text}: above the usual range with {screen}: {HYPERMOBILITY_WORDS}; "
        "stretching is held back."
    )
