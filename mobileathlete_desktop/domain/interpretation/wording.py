"""Sentences for the therapist: each finding composed once, for the English reasons and the window.

The words they are built from (values, units, names, sides, errors) are in `value_words`; the
client's words on a handout are in `client_words`."""

from __future__ import annotations

from mobileathlete_desktop.domain.catalogue import Cutoff, Measure, MeasurementError
from mobileathlete_desktop.domain.interpretation.results import (
    _EPSILON,
    FLAG_ASYMMETRY,
    FLAG_CLINICALLY_IMPORTANT,
    FLAG_CUTOFF,
    FLAG_FAULTS,
    FLAG_IMPROVED,
    FLAG_WORSE,
    Change,
    Interpretation,
    SideComparison,
    gap_is_clear,
)
from mobileathlete_desktop.domain.interpretation.value_words import (
    _crossed_words,
    _error_of,
    _error_source_in,
    _fmt,
    _fmt_in,
    _mode_value,
    _named,
    _rating_in,
    _side_words,
    _unit_in,
    _value_in,
    error_words,
)

# Said here before `value_words` held them, and imported from here still.
from mobileathlete_desktop.domain.interpretation.value_words import ages_words as ages_words
from mobileathlete_desktop.domain.interpretation.value_words import error_places as error_places
from mobileathlete_desktop.support.i18n import N_, Texts


def _gap_reason(
    tr: Texts,
    name: str,
    measure: Measure,
    active: float,
    passive: float,
    err: MeasurementError | None,
    *,
    painful: bool = False,
) -> str:
    """Why an active-passive gap is or is not a control deficit, as a whole sentence: a gap
    beyond the error with pain in the test is said to be possibly pain-limited; one beyond
    the error but not clearly (results.gap_is_clear) is left to clinical judgement."""
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
    if gap - mdc > _EPSILON and painful:
        return tr.gettext(
            "{name}: active {active}, passive {passive}, gap {gap}, more than the {error} "
            "measurement error ({source}), and painful during the test: pain may be what "
            "limits the active range, so it is not judged a control deficit.",
            error=error_words(measure, mdc, gap),
            source=source,
            **values,
        )
    if gap - mdc > _EPSILON and not gap_is_clear(gap, mdc):
        return tr.gettext(
            "{name}: active {active}, passive {passive}, gap {gap}, more than the {error} "
            "measurement error ({source}): active short of passive by more than the "
            "measurement error; healthy runners show some gap too: judge clinically.",
            error=error_words(measure, mdc, gap),
            source=source,
            **values,
        )
    if gap - mdc > _EPSILON:
        return tr.gettext(
            "{name}: active {active}, passive {passive}, gap {gap}, more than the {error} "
            "measurement error ({source}): a control deficit, not a flexibility limit.",
            error=error_words(measure, mdc, gap),
            source=source,
            **values,
        )
    return tr.gettext(
        "{name}: active {active}, passive {passive}, gap {gap}, within the {error} "
        "measurement error ({source}): active range matches passive.",
        error=error_words(measure, mdc, gap),
        source=source,
        **values,
    )


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


# The populations of the catalogue's reference points, for translation.
_POPULATIONS = (
    N_("high-school girls' basketball (Star Excursion Balance Test)"),
    N_("professional American-football players"),
    N_("athletes returning to sport after lower-limb injury"),
    N_("adults, per a systematic review; children at least 6 of 9"),
)


def _hypermobility_note(tr: Texts) -> str:
    """Said after an above-norm line when the Beighton score reached its cut-point."""
    return tr.gettext(
        "with a Beighton score at or past its cut-point: possibly generalised joint "
        "hypermobility; stretching is held back"
    )


def _cutoff_reason(tr: Texts, measure: Measure, cutoff: Cutoff) -> str:
    """The published reference point a value crossed, as a whole sentence."""
    population = cutoff.population if tr.lang == "en" else tr.gettext(cutoff.population)
    values = {
        "value": _fmt_in(tr, measure, cutoff.value),
        "source": cutoff.source,
        "population": population,
    }
    meaning = cutoff.meaning_in(tr.lang)
    if cutoff.kind == "criterion" and meaning:
        return tr.gettext(
            "{where} the {value} criterion of {source} ({population}): {meaning}; a criterion "
            "for a decision, not a risk prediction.",
            where=_crossed_words(tr, cutoff),
            meaning=meaning,
            **values,
        )
    if cutoff.kind == "screen" and meaning:
        return tr.gettext(
            "{where} the {value} cut-point of {source} ({population}): {meaning}; a screening "
            "cut-point, not a diagnosis or a risk prediction.",
            where=_crossed_words(tr, cutoff),
            meaning=meaning,
            **values,
        )
    if cutoff.direction == "below":
        if cutoff.inclusive:
            return tr.gettext(
                "at or below the {value} reference point of {source} ({population}; a "
                "reference value from one group, not a risk prediction).",
                **values,
            )
        return tr.gettext(
            "below the {value} reference point of {source} ({population}; a reference "
            "value from one group, not a risk prediction).",
            **values,
        )
    if cutoff.inclusive:
        return tr.gettext(
            "at or above the {value} reference point of {source} ({population}; a "
            "reference value from one group, not a risk prediction).",
            **values,
        )
    return tr.gettext(
        "above the {value} reference point of {source} ({population}; a reference value "
        "from one group, not a risk prediction).",
        **values,
    )


def _sides_reason(
    tr: Texts,
    measure: Measure,
    name: str,
    value: str,
    sides: SideComparison,
    err: MeasurementError | None,
) -> str:
    """Left against right as a whole sentence: the weaker side (`name`, `value`), the
    difference and the rule that judged it."""
    weak = sides.left if sides.weaker_side in ("left", None) else sides.right
    other = _side_words(tr, "right" if sides.weaker_side == "left" else "left")
    values = {"name": name, "value": value, "other": other}
    difference = _fmt_in(tr, measure, sides.difference)
    if weak == min(sides.left, sides.right):
        head = tr.gettext(
            "{name} {value}, {difference} less than {other}", difference=difference, **values
        )
    else:
        head = tr.gettext(
            "{name} {value}, {difference} more than {other}", difference=difference, **values
        )
    within = not sides.asymmetric
    if sides.threshold_kind == "lsi" and sides.threshold is not None:
        index = "" if sides.lsi is None else f"{round(sides.lsi, 1):g}"
        lsi = tr.gettext("LSI {lsi}%", lsi=index) if index else tr.gettext("LSI not computable")
        rule = {
            "head": head,
            "lsi": lsi,
            "threshold": f"{sides.threshold:g}",
            "source": sides.source,
        }
        if within:
            return tr.gettext(
                "{head} ({lsi}, threshold {threshold}%, {source}): within threshold.", **rule
            )
        return tr.gettext("{head} ({lsi}, threshold {threshold}%, {source}).", **rule)
    if sides.threshold_kind == "absolute" and sides.threshold is not None:
        rule = {
            "head": head,
            "threshold": _fmt_in(tr, measure, sides.threshold),
            "source": sides.source,
        }
        if within:
            return tr.gettext("{head} (threshold {threshold}, {source}): within threshold.", **rule)
        return tr.gettext("{head} (threshold {threshold}, {source}).", **rule)
    if sides.threshold_kind == "error" and sides.threshold is not None:
        rule = {
            "head": head,
            "error": _value_in(tr, error_words(measure, sides.threshold, sides.difference)),
            "source": _error_source_in(tr, err),
        }
        if within:
            return tr.gettext(
                "{head} (no asymmetry threshold in the catalogue; measurement error {error}, "
                "{source}): within measurement error, not an asymmetry.",
                **rule,
            )
        return tr.gettext(
            "{head} (no asymmetry threshold in the catalogue; measurement error {error}, "
            "{source}).",
            **rule,
        )
    return tr.gettext(
        "{head}: no asymmetry threshold or measurement error in the catalogue to judge it.",
        head=head,
    )


def side_difference_words(tr: Texts, measure: Measure, sides: SideComparison) -> str:
    """Left against right in short, as `compare_sides` expressed it: "LSI 80%" for a percent
    measure (hop, strength), "3° difference, left less" for a difference one (an angle, a
    value near or across zero), "no difference" when the sides are equal. The one short
    form the asymmetry chart, its table and lists print."""
    if sides.expressed == "percent":
        if sides.lsi is None:
            return tr.gettext("LSI not computable")
        lsi = str(round(sides.lsi))
        return tr.gettext("LSI {lsi}%", lsi=lsi)
    if sides.left == sides.right:
        return tr.gettext("no difference")
    difference = _fmt_in(tr, measure, measure.round_figure(sides.difference))
    if sides.left < sides.right:
        # Translators: a side-to-side difference in short, the left side lower ("3° difference,
        # left less"); Spanish says it as "3° menos a la izquierda".
        return tr.gettext("{difference} difference, left less", difference=difference)
    # Translators: as above, the right side lower ("3° menos a la derecha").
    return tr.gettext("{difference} difference, right less", difference=difference)


def side_verdict_words(tr: Texts, measure: Measure, sides: SideComparison) -> str:
    """What the rule made of left against right, in short: "beyond the 4° measurement error",
    "within the 1.5 cm threshold", "under the 90% threshold", or "not judged"."""
    if sides.threshold is None or sides.threshold_kind == "none":
        return tr.gettext("not judged: no asymmetry threshold or measurement error")
    if sides.threshold_kind == "lsi":
        values = {"threshold": f"{sides.threshold:g}%"}
        if sides.asymmetric:
            return tr.gettext("under the {threshold} threshold", **values)
        return tr.gettext("at or above the {threshold} threshold", **values)
    threshold = _fmt_in(tr, measure, sides.threshold)
    if sides.threshold_kind == "error":
        error = _value_in(tr, error_words(measure, sides.threshold, sides.difference))
        if sides.asymmetric:
            return tr.gettext("beyond the {error} measurement error", error=error)
        return tr.gettext("within the {error} measurement error", error=error)
    if sides.asymmetric:
        return tr.gettext("beyond the {threshold} threshold", threshold=threshold)
    return tr.gettext("within the {threshold} threshold", threshold=threshold)


# What a change came to, after its reasons ("improved, clinically important").
_VERDICTS = {
    ("improved", "important"): N_("improved, clinically important"),
    ("improved", "beyond"): N_("improved, beyond measurement error"),
    ("improved", ""): N_("improved"),
    ("worse", "important"): N_("worse, clinically important"),
    ("worse", "beyond"): N_("worse, beyond measurement error"),
    ("worse", ""): N_("worse"),
    ("unchanged", ""): N_("unchanged"),
}


# How a test was measured, after "this test cannot show a change of this size ...".
_INSTRUMENT_WORDS = {
    "goniometer": N_("by goniometer"),
    "inclinometer": N_("by inclinometer"),
    "video": N_("on video"),
    "photo": N_("on a photo"),
}
_ANY_INSTRUMENT = N_("with this instrument")


def _change_reason(
    tr: Texts,
    measure: Measure,
    name: str,
    value: str,
    change: Change,
    err: MeasurementError | None,
) -> str:
    """A change since the last visit as a whole sentence: how far it moved, against the
    measurement error and the clinically important difference, and what it came to."""
    delta, previous = change.delta or 0.0, change.previous_value
    if delta == 0:
        moved = tr.gettext("no change")
    elif delta > 0:
        moved = tr.gettext("up {amount}", amount=_fmt_in(tr, measure, abs(delta)))
    else:
        moved = tr.gettext("down {amount}", amount=_fmt_in(tr, measure, abs(delta)))
    if delta != 0 and previous and measure.kind == "score":
        moved += f" ({abs(delta) / abs(previous) * 100:.0f}%)"
    head = tr.gettext(
        "{name} {value}, {moved} since {date}",
        name=name,
        value=value,
        moved=moved,
        date=change.previous_date,
    )
    parts: list[str] = []
    if change.beyond_error is not None:
        error = {
            "error": _value_in(tr, error_words(measure, change.mdc or 0, delta)),
            "source": _error_source_in(tr, err),
        }
        if change.rater == "inter":
            if change.beyond_error:
                said = tr.gettext(
                    "more than the {error} measurement error between different raters ({source})",
                    **error,
                )
            elif change.at_error:
                said = tr.gettext(
                    "at the {error} measurement error between different raters ({source}), "
                    "not beyond it",
                    **error,
                )
            else:
                said = tr.gettext(
                    "within the {error} measurement error between different raters ({source})",
                    **error,
                )
        elif change.beyond_error:
            said = tr.gettext("more than the {error} measurement error ({source})", **error)
        elif change.at_error:
            said = tr.gettext("at the {error} measurement error ({source}), not beyond it", **error)
        else:
            said = tr.gettext("within the {error} measurement error ({source})", **error)
        parts.append(said)
    mcid = measure.important_change
    if mcid is not None and change.important is not None:
        better = delta > 0 if measure.higher_is_better else delta < 0
        base = previous or 0.0
        # The percentage only where it counts for this change (not a worsening of pain, not
        # from a pain of 3 or less): "short of the 2 points", never "of the 2 or 30%".
        percent = mcid.percent is not None and (
            mcid.points is None or mcid.percent_applies(base, improved=better)
        )
        sizes = [f"{mcid.points:g}"] if mcid.points is not None else []
        sizes += [f"{mcid.percent:g}%"] if percent else []
        size = tr.gettext(" or ").join(sizes)
        if not percent:
            size += " " + _unit_in(tr, measure.unit_label, mcid.points)
        important = {"size": size, "source": mcid.source}
        if change.important:
            said = tr.gettext(
                "reaches the {size} clinically important difference ({source})", **important
            )
        elif delta != 0 and mcid.reached(base, delta, improved=better):
            # As large as the MCID but not beyond the error: not shown to have happened.
            said = tr.gettext(
                "the {size} clinically important difference ({source}) counts only beyond "
                "the measurement error",
                **important,
            )
        else:
            said = tr.gettext(
                "short of the {size} clinically important difference ({source})", **important
            )
        parts.append(said)
    if change.verdict == "undetermined":
        return tr.gettext(
            "{head}: no measurement error or important difference in the catalogue.", head=head
        )
    if change.verdict == "undetectable":
        # Never "unchanged": within an error this large, no change of a plausible size shows.
        how = _INSTRUMENT_WORDS.get((err.instrument if err else "").split(".")[0], _ANY_INSTRUMENT)
        return tr.gettext(
            "{head}: {judgement}: this test cannot show a change of this size {instrument}.",
            head=head,
            judgement="; ".join(parts),
            instrument=tr.gettext(how),
        )
    how = ""
    if change.verdict in ("improved", "worse"):
        how = "important" if change.important else ("beyond" if change.beyond_error else "")
    verdict = tr.gettext(_VERDICTS[(change.verdict, how)])
    return tr.gettext(
        "{head}: {judgement}: {verdict}.", head=head, judgement="; ".join(parts), verdict=verdict
    )


def finding_sentence(tr: Texts, flag: str, measure: Measure, row: Interpretation) -> str | None:
    """A row's asymmetry, change, reference-point or movement-fault finding as one sentence
    in the language of `tr`, as the findings panel says it ("Prueba de Thomas (ángulo de
    cadera), lado izquierdo: pasivo 1°, 3° menos que el lado derecho (…)"); None in English
    and for other flags, whose sentence is the row's own reason."""
    name = _named(tr, measure, row.label, row.side)
    translated = _translated_line(tr, flag, measure, name, row)
    return None if translated is None else translated[0]


def _translated_line(
    tr: Texts, flag: str, measure: Measure, name: str, row: Interpretation
) -> tuple[str, str] | None:
    """The text and short form of an asymmetry, change, reference-point or movement-fault
    line in the language of `tr`; None in English (the row's own reasons are the lines)."""
    if tr.lang == "en":
        return None
    value = _mode_value(tr, row.mode, _value_in(tr, row.value_text))
    if flag == FLAG_ASYMMETRY and row.sides is not None:
        err = _error_of(measure, row.sides.source, row.sides.threshold)
        return _sides_reason(tr, measure, name, value, row.sides, err), ""
    if flag in (FLAG_IMPROVED, FLAG_WORSE, FLAG_CLINICALLY_IMPORTANT):
        err = _error_of(measure, row.change.source, row.change.mdc)
        return _change_reason(tr, measure, name, value, row.change, err), ""
    if flag == FLAG_CUTOFF:
        cutoff = next((c for c in measure.cutoffs if c.crossed(row.value)), None)
        if cutoff is None:
            return None
        said = _cutoff_reason(tr, measure, cutoff)
        text = tr.gettext("{name} {value}: {cutoff}", name=name, value=value, cutoff=said)
        short = tr.gettext(
            "{name}: {value} ({cutoff})", name=name, value=value, cutoff=said.split(" (")[0]
        )
        return text, short
    if flag == FLAG_FAULTS:
        labels = {f.code: f.label_in(tr.lang) for f in measure.faults}
        seen = ", ".join(labels[f].lower() for f in row.faults if f in labels)
        rating = _rating_in(tr, row.rating)
        cite = f" ({', '.join(measure.sources)})" if measure.sources else ""
        values = {"name": name, "rating": rating, "faults": seen, "cite": cite}
        if seen:
            text = tr.gettext("{name}: rated {rating}; faults seen: {faults}{cite}.", **values)
            short = tr.gettext("{name}: {rating} ({faults})", **values)
        else:
            text = tr.gettext("{name}: rated {rating}{cite}.", **values)
            short = tr.gettext("{name}: {rating}", **values)
        return text, short
    return None
