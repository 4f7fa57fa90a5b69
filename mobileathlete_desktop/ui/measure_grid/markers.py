"""The marks a measure cell shows beside its value (findings, pain, not stored) and the
domain's reason for each finding."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from mobileathlete_desktop.domain.catalogue import Measure
from mobileathlete_desktop.domain.interpretation import (
    FLAG_ABOVE_NORM,
    FLAG_ASYMMETRY,
    FLAG_BELOW_NORM,
    FLAG_CONTROL_DEFICIT,
    FLAG_IMPROVED,
    FLAG_WORSE,
    Interpretation,
    finding_sentence,
)
from mobileathlete_desktop.support.i18n import texts
from mobileathlete_desktop.support.languages import language_code
from mobileathlete_desktop.ui.findings_panel import FLAG_MARKS, FLAG_NAMES, flag_name

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


def window_lang() -> str:
    """The language the window speaks ("en", "es"): the default QLocale, which
    ui.i18n.install_translations sets; data texts (measure labels) are read in it."""
    return language_code(QLocale().name())


def hint_text() -> str:
    """The keys and marks of the grid, in the window's language. The keys stay the same in
    every language (P toggles painful whatever the word for pain)."""
    keys = QCoreApplication.translate(
        "MeasureGrid",
        "Type a value · Tab or Enter: next cell · arrows: move · P: painful on/off · "
        "Delete: clear · Ctrl+Z / Ctrl+Shift+Z: undo / redo.",
    )
    marks = QCoreApplication.translate(
        "MeasureGrid",
        "{below} below norm · {above} above norm · {control} control deficit · "
        "{asymmetry} asymmetry · {better} / {worse} better / worse than last visit · "
        "{pain} painful · {error} not stored",
    ).format(
        below=BELOW_NORM_MARK,
        above=ABOVE_NORM_MARK,
        control=CONTROL_MARK,
        asymmetry=ASYMMETRY_MARK,
        better=IMPROVED_MARK,
        worse=WORSE_MARK,
        pain=PAIN_MARK,
        error=ERROR_MARK,
    )
    return f"{keys}   {marks}"


def side_words(side: str) -> str:
    """A side as a sentence says it ("left"), in the window's language; "" for none."""
    words = {
        "left": QCoreApplication.translate("MeasureGrid", "left"),
        "right": QCoreApplication.translate("MeasureGrid", "right"),
        "none": "",
    }
    return words.get(side, side)


def mode_words(mode: str) -> str:
    """A mode as a sentence says it ("active"), in the window's language; "" for none."""
    words = {
        "active": QCoreApplication.translate("MeasureGrid", "active"),
        "passive": QCoreApplication.translate("MeasureGrid", "passive"),
        "none": "",
    }
    return words.get(mode, mode)


def cell_words(label: str, side: str, mode: str) -> str:
    """'Hip flexion left active' ('Flexión de cadera izq. activo'), no empty parts."""
    return " ".join(p for p in (label, side_words(side), mode_words(mode)) if p)


def flag_reason(row: Interpretation, flag: str, measure: Measure | None = None) -> str:
    """The domain's own sentence for one flag of a row (what the reports print); an
    asymmetry or a change in the window's language, as the findings panel says it."""
    if measure is not None:
        said = finding_sentence(texts(window_lang()), flag, measure, row)
        if said is not None:
            return said
    if flag in (FLAG_BELOW_NORM, FLAG_ABOVE_NORM):
        return row.norm.reason
    if flag == FLAG_CONTROL_DEFICIT and row.gap is not None:
        return row.gap.reason
    if flag == FLAG_ASYMMETRY:
        if row.sides is not None:
            return row.sides.reason
        return next((r for r in row.reasons if "asymmetry" in r.lower()), flag_name(flag))
    if flag in (FLAG_IMPROVED, FLAG_WORSE):
        return row.change.reason
    return flag_name(flag) if flag in FLAG_NAMES else flag
