"""Sentences: clinician formatting helpers and the client's words on a handout."""

from __future__ import annotations

from collections.abc import Sequence

from mobileathlete_desktop.domain.catalogue import (
    Catalogue,
    Measure,
    Mode,
    Side,
    default_catalogue,
)
from mobileathlete_desktop.domain.interpretation.results import (
    FLAG_ABOVE_NORM,
    FLAG_ASYMMETRY,
    FLAG_BELOW_NORM,
    FLAG_CONTROL_DEFICIT,
    FLAG_CUTOFF,
    FLAG_FAULTS,
    FLAG_IMPROVED,
    FLAG_PAIN,
    FLAG_WORSE,
    GlanceLine,
    Interpretation,
)


def _row_name(measure: Measure, side: Side, mode: Mode) -> str:
    label = measure.label
    if side in ("left", "right"):
        if len(label) > 1 and label[1].islower():
            label = label[0].lower() + label[1:]
        label = f"{side.capitalize()} {label}"
    return f"{label} ({mode})" if mode != "none" else label


def _fmt(measure: Measure, value: float) -> str:
    return measure.format_value(round(value, 1) + 0.0)


def _signed(measure: Measure, value: float) -> str:
    return ("+" if value > 0 else "") + _fmt(measure, value)


def _cite(measure: Measure) -> str:
    return f", {', '.join(measure.sources)}" if measure.sources else ""


def _sources_in(row: Interpretation) -> set[str]:
    found = set()
    if row.norm.norm is not None:
        found.add(row.norm.norm.source)
    if row.sides is not None and row.sides.source:
        found.add(row.sides.source)
    if row.gap is not None and row.gap.source:
        found.add(row.gap.source)
    if row.change.source:
        found.add(row.change.source)
    return found


# -- words for the client ------------------------------------------------------------------

_CLIENT_WORDS: dict[str, dict[str, str]] = {
    "en": {
        FLAG_BELOW_NORM: "less movement than usual",
        FLAG_ABOVE_NORM: "more movement than usual",
        FLAG_ASYMMETRY: "clearly different from the other side",
        FLAG_CONTROL_DEFICIT: "moves further with help than on its own: control work",
        FLAG_IMPROVED: "better than last time",
        FLAG_WORSE: "not as good as last time",
        FLAG_PAIN: "painful during the test",
        FLAG_FAULTS: "the movement needs better control",
        FLAG_CUTOFF: "below the usual reference value",
        "left": "left",
        "right": "right",
    },
    "es": {
        FLAG_BELOW_NORM: "menos movimiento de lo normal",
        FLAG_ABOVE_NORM: "más movimiento de lo normal",
        FLAG_ASYMMETRY: "una diferencia clara con el otro lado",
        FLAG_CONTROL_DEFICIT: (
            "con ayuda llega más lejos que sin ayuda: hay que trabajar el control"
        ),
        FLAG_IMPROVED: "mejor que la última vez",
        FLAG_WORSE: "peor que la última vez",
        FLAG_PAIN: "te dolió durante la prueba",
        FLAG_FAULTS: "el movimiento necesita más control",
        FLAG_CUTOFF: "por debajo del valor de referencia",
        "left": "lado izquierdo",
        "right": "lado derecho",
    },
}


def client_lines(
    lines: Sequence[GlanceLine],
    lang: str = "en",
    catalogue: Catalogue | None = None,
    limit: int = 6,
) -> list[str]:
    """The findings in words a client reads on a handout, in English or Spanish.

    One line a measure and side ("Hip extension, left: less movement than usual for your
    age; painful during the test"), no numbers, norms or sources; most pressing first.
    """
    words = _CLIENT_WORDS["es" if lang == "es" else "en"]
    cat = catalogue if catalogue is not None else default_catalogue()
    found: dict[tuple[str, str], list[str]] = {}
    for line in lines:
        phrase = words.get(line.flag)
        if phrase is None:
            continue
        phrases = found.setdefault((line.code, line.side), [])
        if phrase not in phrases:
            phrases.append(phrase)
    out: list[str] = []
    for (code, side), phrases in list(found.items())[:limit]:
        measure = cat.get(code)
        label = code if measure is None else measure.label_in(lang)
        if side in ("left", "right"):
            label = f"{label}, {words[side]}"
        out.append(f"{label}: {'; '.join(phrases)}")
    return out
