"""A value the grid refused, said in the window's language.

The domain decides what is refused (domain/validation: a number, within the measure's bounds, no
pain mark on a body measurement) and says it in English for the command line and the import
report; its `InvalidValue.kind` and `details` let the window say the same in Spanish."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mobileathlete_desktop.domain.interpretation.value_words import unit_in
from mobileathlete_desktop.support.i18n import texts
from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mobileathlete_desktop.ui.measure_grid.markers import window_lang
from mobileathlete_desktop.ui.refusals import refusal_text
from mobileathlete_desktop.ui.refusals import refused_value as refused_value

_CONTEXT = "ValueProblem"
_WORDS = {
    "not_a_number": QT_TRANSLATE_NOOP("ValueProblem", "{cell}: “{text}” is not a number"),
    "outside": QT_TRANSLATE_NOOP("ValueProblem", "{cell}: {value} is outside {low}–{high}"),
    "body_pain": QT_TRANSLATE_NOOP(
        "ValueProblem",
        "{cell} is a body measurement, not a movement or test: it cannot be marked painful "
        "(mark the test that hurt instead)",
    ),
}

GRID_KINDS = frozenset(_WORDS)
"""The rules the grid says in its own words, naming the measure's cell."""


def value_with_unit(value: float, unit: str) -> str:
    """A value typed or stored with its unit in the window's language ("400°", "7 puntos")."""
    label = unit_in(texts(window_lang()), unit, value)
    if not label:
        return f"{value:g}"
    return f"{value:g}{label}" if label == "°" else f"{value:g} {label}"


def refusal_words(error: BaseException, cell: str) -> str:
    """Why a value or pain mark for `cell` (the cell's words in the window's language) was
    refused, in the window's language (a form's words, ui/refusals, for a rule that is not the
    grid's own; the error's English when no words say it)."""
    refused = refused_value(error)
    template = _WORDS.get(refused.kind) if refused is not None else None
    if refused is None or template is None:
        return refusal_text(error)
    details = refused.details
    words = {"cell": cell}
    if refused.kind == "not_a_number":
        words["text"] = str(details["text"])
    elif refused.kind == "outside":
        unit = str(details["unit"])
        words |= {
            "value": value_with_unit(float(details["value"]), unit),  # type: ignore[arg-type]
            "low": f"{float(details['low']):g}",  # type: ignore[arg-type]
            "high": value_with_unit(float(details["high"]), unit),  # type: ignore[arg-type]
        }
    return QCoreApplication.translate(_CONTEXT, template).format(**words)
