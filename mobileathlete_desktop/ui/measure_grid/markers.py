"""The marks a measure cell shows beside its value (findings, pain, not stored) and the
domain's reason for each finding."""

from __future__ import annotations

from mobileathlete_desktop.domain.interpretation import (
    FLAG_ABOVE_NORM,
    FLAG_ASYMMETRY,
    FLAG_BELOW_NORM,
    FLAG_CONTROL_DEFICIT,
    FLAG_IMPROVED,
    FLAG_WORSE,
    Interpretation,
)
from mobileathlete_desktop.ui.findings_panel import FLAG_MARKS, FLAG_NAMES

BELOW_NORM_MARK = FLAG_MARKS[FLAG_BELOW_NORM]
ABOVE_NORM_MARK = FLAG_MARKS[FLAG_ABOVE_NORM]
CONTROL_MARK = FLAG_MARKS[FLAG_CONTROL_DEFICIT]
ASYMMETRY_MARK = FLAG_MARKS[FLAG_ASYMMETRY]
IMPROVED_MARK = FLAG_MARKS[FLAG_IMPROVED]
WORSE_MARK = FLAG_MARKS[FLAG_WORSE]
PAIN_MARK = "✱"
ERROR_MARK = "⚠"
# The flags a cell shows, in this order, read from the interpretation row of that cell.
CELL_FLAGS = (
    FLAG_BELOW_NORM,
    FLAG_ABOVE_NORM,
    FLAG_CONTROL_DEFICIT,
    FLAG_ASYMMETRY,
    FLAG_WORSE,
    FLAG_IMPROVED,
)
GOOD_NEWS = (FLAG_IMPROVED,)
HINT = (
    "Type a value · Tab or Enter: next cell · arrows: move · P: painful on/off · "
    "Delete: clear · Ctrl+Z / Ctrl+Shift+Z: undo / redo.   "
    f"{BELOW_NORM_MARK} below norm · {ABOVE_NORM_MARK} above norm · "
    f"{CONTROL_MARK} control deficit · {ASYMMETRY_MARK} asymmetry · "
    f"{IMPROVED_MARK} / {WORSE_MARK} better / worse than last visit · "
    f"{PAIN_MARK} painful · {ERROR_MARK} not stored"
)


def flag_reason(row: Interpretation, flag: str) -> str:
    """The domain's own sentence for one flag of a row (what the reports print)."""
    if flag in (FLAG_BELOW_NORM, FLAG_ABOVE_NORM):
        return row.norm.reason
    if flag == FLAG_CONTROL_DEFICIT and row.gap is not None:
        return row.gap.reason
    if flag == FLAG_ASYMMETRY:
        if row.sides is not None:
            return row.sides.reason
        return next((r for r in row.reasons if "asymmetry" in r.lower()), FLAG_NAMES[flag])
    if flag in (FLAG_IMPROVED, FLAG_WORSE):
        return row.change.reason
    return FLAG_NAMES.get(flag, flag)
