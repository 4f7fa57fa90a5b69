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
from mobileathlete_desktop.support.i18n import N_, Texts, texts


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

# What a flag means, said to the client (English source text; the catalogues translate).
CLIENT_WORDS: dict[str, str] = {
    FLAG_BELOW_NORM: N_("less movement than usual"),
    FLAG_ABOVE_NORM: N_("more movement than usual"),
    FLAG_ASYMMETRY: N_("clearly different from the other side"),
    FLAG_CONTROL_DEFICIT: N_("moves further with help than on its own: control work"),
    FLAG_IMPROVED: N_("better than last time"),
    FLAG_WORSE: N_("not as good as last time"),
    FLAG_PAIN: N_("painful during the test"),
    FLAG_FAULTS: N_("the movement needs better control"),
    FLAG_CUTOFF: N_("below the usual reference value"),
}


def _side_words(tr: Texts, side: str) -> str:
    if side == "left":
        # Translators: the side of the body after a measure's name on a client's handout
        # ("Hip extension, left: ..."); Spanish says "lado izquierdo".
        return tr.pgettext("side of the body", "left")
    return tr.pgettext("side of the body", "right")


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
    tr = texts(lang)
    cat = catalogue if catalogue is not None else default_catalogue()
    found: dict[tuple[str, str], list[str]] = {}
    for line in lines:
        message = CLIENT_WORDS.get(line.flag)
        if message is None:
            continue
        phrase = tr.gettext(message)
        phrases = found.setdefault((line.code, line.side), [])
        if phrase not in phrases:
            phrases.append(phrase)
    out: list[str] = []
    for (code, side), phrases in list(found.items())[:limit]:
        measure = cat.get(code)
        label = code if measure is None else measure.label_in(lang)
        if side in ("left", "right"):
            label = f"{label}, {_side_words(tr, side)}"
        out.append(f"{label}: {'; '.join(phrases)}")
    return out
