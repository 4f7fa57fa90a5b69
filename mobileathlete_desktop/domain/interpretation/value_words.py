"""How each part of a finding is said: a value and its unit, a measure's name and side, a
measurement error and its source, a norm, a cut-off's direction, a rating, in the language of
`tr`; the pieces `wording` builds its sentences from."""

from __future__ import annotations

from mobileathlete_desktop.domain.catalogue import (
    Cutoff,
    Measure,
    MeasurementError,
    Mode,
    Norm,
    Side,
)
from mobileathlete_desktop.domain.interpretation.results import Interpretation
from mobileathlete_desktop.support.i18n import N_, Texts
from mobileathlete_desktop.support.sentence_case import lower_first, sentence_start


def _row_name(measure: Measure, side: Side, mode: Mode) -> str:
    label = measure.label
    if side in ("left", "right"):
        # "Left hip flexion", "Left Thomas test (hip angle)": a proper name keeps its capital.
        label = f"{sentence_start(side)} {lower_first(label)}"
    return f"{label} ({mode})" if mode != "none" else label


def _fmt(measure: Measure, value: float) -> str:
    """A value as recorded: a measure kept to hundredths keeps them ("2.20 s", "1.10 Nm/kg",
    beside "2.45 s"); others drop a trailing zero ("85%", "11.5 cm")."""
    places = _places(measure.step)
    rounded = round(value, places) + 0.0
    text = measure.format_value(rounded)
    if places < 2:
        return text
    return f"{rounded:.{places}f}{text[len(f'{rounded:g}') :]}"


def _places(step: float) -> int:
    """Decimals a value is said with: one, or as many as the measure's step has (a lever
    arm of 0.55 m or 1.28 Nm/kg keeps its second decimal)."""
    text = f"{step:g}"
    return max(1, len(text.split(".", 1)[1]) if "." in text and "e" not in text else 1)


def error_places(measure: Measure, error: float, beside: float | None = None) -> int:
    """Decimals a measurement error is said with: `Measure.figure_decimals` ("49.2 cm",
    "8.6°", "0.17 s"), and one more where that rounding would make it read the same as the gap
    or change it is weighed against (a gap of 5° against an error of 4.96°, not "5° ... the
    5.0° error")."""
    places = measure.figure_decimals
    if (
        beside is not None
        and error != abs(beside)
        and round(error, places) == round(abs(beside), places)
    ):
        return places + 1
    return places


def error_words(measure: Measure, error: float, beside: float | None = None) -> str:
    """A measurement error with its unit, to `error_places`."""
    return measure.format_value(round(error, error_places(measure, error, beside)) + 0.0)


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


def _side_words(tr: Texts, side: str) -> str:
    if side == "left":
        # Translators: the side of the body after a measure's name on a client's handout
        # ("Hip extension, left: ..."); Spanish says "lado izquierdo".
        return tr.pgettext("side of the body", "left")
    return tr.pgettext("side of the body", "right")


def _unit_in(tr: Texts, label: str, value: float | None = None) -> str:
    """A unit label as read in the language of `tr` ("points" → "puntos", "reps" →
    "repeticiones", "steps/min" → "pasos/min"); symbols (cm, s, Nm/kg) are the same."""
    one = label in ("point", "rep") or value in (1, -1)
    if tr.lang == "en" or label not in _WORD_UNITS:
        return label
    if label in ("points", "point"):
        if one:
            return tr.pgettext("unit of a score", "point")
        return tr.pgettext("unit of a score", "points")
    if label in ("reps", "rep"):
        if one:
            return tr.pgettext("unit of a count", "rep")
        return tr.pgettext("unit of a count", "reps")
    return tr.pgettext("unit of a rate", "steps/min")


_WORD_UNITS = ("points", "point", "reps", "rep", "steps/min")


def _fmt_in(tr: Texts, measure: Measure, value: float) -> str:
    """`_fmt` with the unit in the language of `tr`."""
    return _value_in(tr, _fmt(measure, value))


def _value_in(tr: Texts, text: str) -> str:
    """A value as printed ("7 points") with its unit in the language of `tr`."""
    if tr.lang == "en" or not text.endswith(tuple(f" {unit}" for unit in _WORD_UNITS)):
        return text
    number, word = text.rsplit(" ", 1)
    return f"{number} {_unit_in(tr, word)}"


def _norm_text(tr: Texts, measure: Measure, norm: Norm) -> str:
    """A norm in short: "45° (18–120, aaos-1965)", "30 cm ± 5 cm (female, 20–29, source)"."""
    if norm.sex == "female":
        # Translators: the group a norm was measured in ("female, 20–29").
        who = tr.pgettext("norm population", "female") + ", "
    elif norm.sex == "male":
        who = tr.pgettext("norm population", "male") + ", "
    else:
        who = "" if norm.sex == "any" else f"{norm.sex}, "
    spread = f" ± {_fmt_in(tr, measure, norm.sd)}" if norm.sd is not None else ""
    mean = _fmt_in(tr, measure, norm.mean)
    if norm.fallback:
        # Applied beyond the group it was measured in: context, never a verdict.
        # Translators: a norm column's note for a reference value from another group.
        only = tr.gettext("reference only, another group")
        return f"{mean}{spread} ({only}, {norm.source})"
    return f"{mean}{spread} ({who}{ages_words(tr, norm)}, {norm.source})"


def unit_in(tr: Texts, label: str, value: float | None = None) -> str:
    """A unit label as read in the language of `tr` (charts, tables and findings alike)."""
    return _unit_in(tr, label, value)


def value_in(tr: Texts, text: str) -> str:
    """A value as printed ("7 points") with its unit in the language of `tr`."""
    return _value_in(tr, text)


def norm_words(tr: Texts, measure: Measure, norm: Norm) -> str:
    """A norm in short in the language of `tr` (the row's `norm.text` is its English)."""
    return _norm_text(tr, measure, norm)


def signed_difference(tr: Texts, measure: Measure | None, amount: float) -> str:
    """A signed difference with its unit in the language of `tr`, a true minus sign, not a
    hyphen ("−15.6°", "+3°")."""
    shown = round(amount, 1) + 0.0
    text = _value_in(tr, measure.format_value(shown)) if measure else f"{shown:g}"
    return ("+" + text if shown > 0 else text).replace("-", "\u2212", 1)


def from_norm_words(tr: Texts, measure: Measure | None, value: float, norm: Norm) -> str:
    """A signed angle's difference from its norm, with a true minus sign and, where the norm
    has an SD, its size in SDs: "−15.6° (−1.6 SD)" (Thomas −5° against 10.6 ± 9.6°)."""
    text = signed_difference(tr, measure, value - norm.mean)
    if norm.sd:
        sds = f"{(value - norm.mean) / norm.sd:+.1f}".replace("-", "\u2212")
        # Translators: a difference from a norm in its standard deviations ("−1.6 SD").
        text += " " + tr.gettext("({amount} SD)", amount=sds)
    return text


def ages_words(tr: Texts, norm: Norm) -> str:
    """The ages a norm covers ("20–29"), or, for a norm worked out from its source's equation
    for the person's age, that age ("age 34 by its equation")."""
    if norm.at_age is not None:
        # Translators: a norm worked out for this age from the source's regression equation.
        return tr.gettext("age {age} by its equation", age=norm.at_age)
    return f"{norm.age_min}–{norm.age_max}"


def _crossed_words(tr: Texts, cutoff: Cutoff) -> str:
    """How the value lies against a criterion or cut-point: "below", "at or above"..."""
    if cutoff.direction == "below":
        if cutoff.inclusive:
            return tr.pgettext("against a cut-off", "at or below")
        return tr.pgettext("against a cut-off", "below")
    if cutoff.inclusive:
        return tr.pgettext("against a cut-off", "at or above")
    return tr.pgettext("against a cut-off", "above")


def _error_of(measure: Measure, source: str, size: float | None) -> MeasurementError | None:
    """The catalogue's measurement error a finding was judged with (by source and size)."""
    return next(
        (e for e in measure.errors if e.source == source and e.smallest_real_change == size),
        None,
    )


def _rating_in(tr: Texts, rating: str) -> str:
    """A motor-control test's overall rating (Crossley 2011's good/fair/poor)."""
    # Translators: a movement test's overall rating, as the motor-control panel shows it.
    if rating == "good":
        return tr.pgettext("movement rating", "good")
    if rating == "fair":
        return tr.pgettext("movement rating", "fair")
    if rating == "poor":
        return tr.pgettext("movement rating", "poor")
    return rating or tr.gettext("not rated")
