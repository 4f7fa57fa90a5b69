"""Sentences: clinician formatting helpers and the client's words on a handout."""

from __future__ import annotations

from collections.abc import Sequence

from mobileathlete_desktop.domain.catalogue import (
    Catalogue,
    Measure,
    MeasurementError,
    Mode,
    Side,
    default_catalogue,
)
from mobileathlete_desktop.domain.interpretation.results import (
    _EPSILON,
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


def _error_source_in(tr: Texts, err: MeasurementError | None) -> str:
    """The error's source, saying when it is the instrument's general error."""
    if err is None:
        return ""
    if err.scope == "instrument":
        # Translators: where a measurement error comes from; {source} is a key (boone-1978).
        return tr.gettext("instrument estimate, {source}", source=err.source)
    return err.source


def _named(tr: Texts, measure: Measure | None, label: str, side: str) -> str:
    """'Hip flexion, right' in the language of `tr` (the label of `measure` when known)."""
    if measure is not None and tr.lang != "en":
        label = measure.label_in(tr.lang)
    if side not in ("left", "right"):
        return label
    # Translators: a measure's name and the side of the body, as a finding line starts.
    return tr.pgettext(
        "measure and side", "{measure}, {side}", measure=label, side=_side_words(tr, side)
    )


def _gap_reason(
    tr: Texts,
    name: str,
    measure: Measure,
    active: float,
    passive: float,
    err: MeasurementError | None,
) -> str:
    """Why an active-passive gap is or is not a control deficit, as a whole sentence."""
    gap = passive - active
    values = {
        "name": name,
        "active": _fmt(measure, active),
        "passive": _fmt(measure, passive),
        "gap": _fmt(measure, gap),
    }
    mdc = err.smallest_real_change if err is not None else None
    if err is None or mdc is None:
        return tr.gettext(
            "{name}: active {active}, passive {passive}, gap {gap}: no measurement error in "
            "the catalogue to judge the gap.",
            **values,
        )
    source = _error_source_in(tr, err)
    if gap - mdc > _EPSILON:
        return tr.gettext(
            "{name}: active {active}, passive {passive}, gap {gap}, more than the {error} "
            "measurement error ({source}): a control deficit, not a flexibility limit.",
            error=_fmt(measure, mdc),
            source=source,
            **values,
        )
    return tr.gettext(
        "{name}: active {active}, passive {passive}, gap {gap}, within the {error} "
        "measurement error ({source}): active range matches passive.",
        error=_fmt(measure, mdc),
        source=source,
        **values,
    )


# A reading's mode before its value on a glance line ("active 118°").
_MODE_VALUE = {
    "active": N_("active {value}"),
    "passive": N_("passive {value}"),
}


def _mode_value(tr: Texts, mode: str, value: str) -> str:
    if mode == "none":
        return value
    message = _MODE_VALUE.get(mode)
    return tr.gettext(message, value=value) if message else f"{mode} {value}"


def _gap_text(tr: Texts, measure: Measure | None, name: str, row: Interpretation) -> str:
    """The control-deficit reason in the language of `tr` (the row's own reason in English,
    as the reports print it)."""
    gap = row.gap
    assert gap is not None
    if tr.lang == "en" or measure is None:
        return gap.reason
    err = next(
        (
            e
            for e in measure.errors
            if e.source == gap.source and e.smallest_real_change == gap.error
        ),
        None,
    )
    return _gap_reason(tr, name, measure, gap.active, gap.passive, err)


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
