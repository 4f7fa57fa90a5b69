"""The rules, one function each: norm, sides, active-passive gap, change."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from mobileathlete_desktop.domain.catalogue import (
    Measure,
    MeasurementError,
    Mode,
    Norm,
    Side,
)
from mobileathlete_desktop.domain.interpretation.change_rules import _change as _change
from mobileathlete_desktop.domain.interpretation.change_rules import _error
from mobileathlete_desktop.domain.interpretation.change_rules import (
    change_undetectable as change_undetectable,
)
from mobileathlete_desktop.domain.interpretation.change_rules import judge_change as judge_change
from mobileathlete_desktop.domain.interpretation.results import (
    _EPSILON,
    ABOVE_NORM_PERCENT,
    BELOW_NORM_PERCENT,
    REFERENCE_Z,
    ActivePassiveGap,
    NormComparison,
    NormFlag,
    SideComparison,
)
from mobileathlete_desktop.domain.interpretation.value_words import (
    _error_source_in,
    _fmt,
    _norm_text,
    _row_name,
    _signed,
    ages_words,
    error_words,
)
from mobileathlete_desktop.domain.interpretation.visit_rules import (
    HYPERMOBILITY_SCREEN as HYPERMOBILITY_SCREEN,
)
from mobileathlete_desktop.domain.interpretation.visit_rules import (
    HYPERMOBILITY_WORDS as HYPERMOBILITY_WORDS,
)
from mobileathlete_desktop.domain.interpretation.visit_rules import (
    above_norm_with_hypermobility as above_norm_with_hypermobility,
)
from mobileathlete_desktop.domain.interpretation.visit_rules import (
    generalised_hypermobility as generalised_hypermobility,
)
from mobileathlete_desktop.domain.interpretation.visit_rules import pain_reason as pain_reason
from mobileathlete_desktop.domain.interpretation.wording import (
    _cutoff_reason,
    _gap_reason,
    _sides_reason,
)
from mobileathlete_desktop.support.i18n import texts

# --- The rules, one function each ----------------------------------------------------------


def compare_with_norm(
    measure: Measure,
    value: float,
    sex: str | None,
    age: int | None,
    mode: Mode = "none",
    instrument: str = "",
    *,
    passive_recorded: bool = False,
) -> NormComparison:
    """The value against the norm for that age and sex: below, within or above, and why.

    With an SD: outside the usual range (mean ± REFERENCE_Z·SD) *and* farther from the mean
    than the measurement error. A reference value published without spread: the clinic's
    percentage convention (BELOW_NORM_PERCENT / ABOVE_NORM_PERCENT), again beyond the error.
    With no error figure nothing is flagged. An active reading whose passive range was also
    recorded on that side is not judged against the norm (its passive range is, and the
    active–passive gap judges the active range); an active reading alone, against a norm of
    passive range, is judged and the reason says so.
    """
    norm = measure.norm_for(sex, age, mode)
    cutoff, cutoff_source, cutoff_kind = _cutoff(measure, value, sex, age)
    if norm is None:
        reason = _why_no_norm(measure, sex, age)
        if cutoff:
            reason = f"{reason[:-1]}; {cutoff}"
        return NormComparison(
            None,
            None,
            "no_norm",
            reason,
            cutoff=cutoff,
            cutoff_source=cutoff_source,
            cutoff_kind=cutoff_kind,
        )
    err = _error(measure, instrument, "intra")
    mdc = err.smallest_real_change if err else None
    # The clinic's percentage band (a reference value without spread) needs a positive mean;
    # the percentage is only *shown* where the scale has a true zero (not a signed angle).
    ratio = value / norm.mean * 100 if norm.mean > 0 else None
    percent = None if measure.signed else ratio
    shortfall = norm.mean - value
    beyond_error = mdc is not None and abs(shortfall) - mdc > _EPSILON
    interval = norm.reference_interval(REFERENCE_Z)
    low, high = interval if interval else (None, None)
    who = "" if norm.sex == "any" else f"{norm.sex}, "
    spread = f" ± {_fmt(measure, norm.sd)}" if norm.sd is not None else ""
    text = _norm_text(texts("en"), measure, norm)
    other_mode = norm.mode not in ("none", mode)
    norm_desc = (
        f"norm {_fmt(measure, norm.mean)}"
        + spread
        + f" ({who}{_ages(norm)}, {norm.source}"
        + (f", {norm.mode} range" if other_mode else "")
        + ")"
    )
    error_desc = (
        f"the {error_words(measure, mdc, shortfall)} measurement error ({_error_source(err)})"
        if err is not None and mdc is not None
        else "no measurement error in the catalogue"
    )
    pct = f"{round(percent, 1):g}% of the {norm_desc}" if percent is not None else ""
    where = pct or f"{_signed(measure, -shortfall)} from the {norm_desc}"

    def result(flag: NormFlag, reason: str) -> NormComparison:
        if cutoff:
            reason = f"{reason[:-1]}; {cutoff}"
        return NormComparison(
            norm, percent, flag, reason, mdc, text, low, high, cutoff, cutoff_source, cutoff_kind
        )

    if norm.fallback:
        # Applied beyond the group it was measured in (Mosler 2017's male footballers for a
        # woman of 45): context only. A verdict from it would reach the handout as a finding
        # and choose drills on a figure nobody measured in this client's group.
        return result("not_judged", _fallback_reason(measure, norm))
    if mode == "active" and passive_recorded and norm.mode != "active":
        return result(
            "not_judged",
            f"{where}: not judged against the norm (the passive range is; the gap to it "
            "judges the active range).",
        )
    against = (
        f" (an active reading against a norm of {norm.mode} range)"
        if mode == "active" and norm.mode == "passive"
        else ""
    )
    if mdc is None:
        return result("within", f"{where}: {error_desc}, so not judged below or above.")
    if interval is not None and low is not None and high is not None:
        usual = (
            f"the usual range {_fmt(measure, low)} to {_fmt(measure, high)} "
            f"(mean ± {REFERENCE_Z:g} SD)"
        )
        if value < low and shortfall > 0 and beyond_error:
            return result(
                "below",
                f"{where}: below norm{against}, under {usual} and short by more than {error_desc}.",
            )
        if value > high and shortfall < 0 and beyond_error:
            return result(
                "above",
                f"{where}: above norm{against}, over {usual} and beyond {error_desc}.",
            )
        return result("within", f"{where}: within norm ({usual}).")
    if ratio is None:
        # A mean at or near zero (e.g. knee extension) makes a percentage meaningless.
        flag: NormFlag = "within"
        if beyond_error:
            flag = "below" if shortfall > 0 else "above"
        reason = (
            f"{where}; beyond {error_desc}: {flag} norm{against}."
            if flag != "within"
            else f"{where}; within {error_desc}: within norm."
        )
        return result(flag, reason)
    convention = "a reference value without published spread, clinic convention"
    if BELOW_NORM_PERCENT - ratio > _EPSILON and shortfall > 0 and beyond_error:
        return result(
            "below",
            f"{where}: below norm{against} ({convention}: under {BELOW_NORM_PERCENT:g}% of it "
            f"and short by more than {error_desc}).",
        )
    if ratio - ABOVE_NORM_PERCENT > _EPSILON and shortfall < 0 and beyond_error:
        return result(
            "above",
            f"{where}: above norm{against} ({convention}: over {ABOVE_NORM_PERCENT:g}% of it "
            f"and beyond {error_desc}).",
        )
    return result("within", f"{where}: within norm.")


def _fallback_reason(measure: Measure, norm: Norm) -> str:
    """A fallback norm as context: the group it was measured in and its figure, no verdict."""
    who = {"male": "men", "female": "women"}.get(norm.sex, "adults")
    group = norm.population or f"{who} {norm.age_min}–{norm.age_max}"
    spread = f" ± {_fmt(measure, norm.sd)}" if norm.sd is not None else ""
    position = f", {norm.position}" if norm.position else ""
    return (
        f"reference for {group}: {_fmt(measure, norm.mean)}{spread} ({norm.source}{position}); "
        "no verified reference for this group, so shown as context and not judged below or "
        "above (the side-to-side and active–passive rules still apply)."
    )


def within_norm_range(norm: Norm, mdc: float | None) -> tuple[float, float]:
    """The values `compare_with_norm` calls within norm (for charts): the usual range, or the
    percentage band of a reference value without spread, widened to the measurement error."""
    interval = norm.reference_interval(REFERENCE_Z)
    if interval is not None:
        low, high = interval
    else:
        low, high = norm.mean * BELOW_NORM_PERCENT / 100, norm.mean * ABOVE_NORM_PERCENT / 100
    if mdc is not None:
        low, high = min(low, norm.mean - mdc), max(high, norm.mean + mdc)
    return low, high


def _cutoff(
    measure: Measure, value: float, sex: str | None = None, age: int | None = None
) -> tuple[str, str, str]:
    """The published reference point the value crossed, in words, its source and its kind;
    only a cut-off measured in the runner's group (`Cutoff.applies_to`, the rule norms
    follow): Plisky 2006's 94% from high-school girls is no reference for a man of 60."""
    for c in measure.cutoffs:
        if c.crossed(value) and c.applies_to(sex, age):
            return _cutoff_reason(texts("en"), measure, c), c.source, c.kind
    return "", "", ""


def _error_source(err: MeasurementError | None) -> str:
    """The error's source, saying when it is the instrument's general error."""
    return _error_source_in(texts("en"), err)


def compare_sides(
    measure: Measure, left: float, right: float, mode: Mode = "none", instrument: str = ""
) -> SideComparison:
    """Left against right with the measure's asymmetry rule, or its MDC95 when it has none.

    An absolute rule is broken when the difference is *more* than the threshold; an LSI rule
    when the weaker side is *under* the threshold percentage of the stronger. The limb
    symmetry index is worked out only for a measure expressed in percent
    (`Measure.side_expression`): for an angle, or a value near or across zero, a percentage
    means nothing (a Thomas angle of 1° against 4° is "25%"), so the difference in the
    measure's unit is what is said and judged.
    """
    expressed = measure.side_expression
    difference = abs(left - right)
    if left == right:
        weaker: Side | None = None
    elif measure.higher_is_better:
        weaker = "left" if left < right else "right"
    else:
        weaker = "left" if left > right else "right"
    low, high = min(left, right), max(left, right)
    lsi = 100.0 if low == high and high > 0 else (low / high * 100 if low > 0 else None)
    if expressed == "difference":
        lsi = None
    weak_name = _row_name(measure, weaker or "left", mode)
    weak_value = (left if weaker == "left" else right) if weaker else left
    rule = measure.asymmetry
    threshold: float | None
    kind: Literal["absolute", "lsi", "error", "none"]
    err = _error(measure, instrument, "intra")
    mdc = err.smallest_real_change if err else None
    if rule is not None and rule.kind == "lsi":
        threshold, kind, source = rule.threshold, "lsi", rule.source
        asym = lsi is not None and rule.threshold - lsi > _EPSILON
    elif rule is not None:
        threshold, kind, source = rule.threshold, "absolute", rule.source
        asym = difference - rule.threshold > _EPSILON
    elif err is not None and mdc is not None:
        # No published threshold: a difference within measurement error is not an asymmetry.
        threshold, kind, source = mdc, "error", err.source
        asym = difference - mdc > _EPSILON
    else:
        threshold, kind, source, asym = None, "none", "", False
    sides = SideComparison(
        left=left,
        right=right,
        difference=difference,
        lsi=lsi,
        threshold=threshold,
        threshold_kind=kind,
        source=source,
        asymmetric=asym,
        weaker_side=weaker,
        reason="",
        expressed=expressed,
    )
    value = _fmt(measure, weak_value)
    return replace(sides, reason=_sides_reason(texts("en"), measure, weak_name, value, sides, err))


def gap_error(err: MeasurementError | None) -> float | None:
    """The measurement error of an active–passive gap: the 95% limit of the difference of
    two readings, at the same confidence as the MDC95 a change is judged with.

    The gap (passive − active) is a difference of two readings, so its error is √2 × the
    error of one reading: with the SEM of one reading, 1.96 × √2 × SEM. That is exactly how
    an MDC95 is built (MDC95 = SEM × 1.96 × √2, `MeasurementError.smallest_real_change`):
    the MDC95 already *is* the error of a difference of two readings, so it is used as it
    is and not multiplied by √2 again (which would count the second reading twice). A
    stored MDC95 or smallest detectable difference (Boone 1978's "increases of at least 3 to
    4 degrees determine improvement" with one tester: a difference of two readings) is
    likewise used as it is. No published figure for the normal active–passive difference of
    healthy people could be read (passive range usually exceeds active by a few degrees), so
    none is subtracted: a gap just beyond this error is the smallest that can be told from
    measurement error, not proof that it is larger than a healthy runner's.
    """
    if err is None:
        return None
    if err.sem is not None and err.mdc95 is None:
        return round(1.96 * 2**0.5 * err.sem, 2)
    return err.smallest_real_change


def active_passive_gap(
    measure: Measure,
    active: float,
    passive: float,
    side: Side = "none",
    instrument: str = "",
    *,
    painful: bool = False,
) -> ActivePassiveGap:
    """Passive minus active; a gap larger than the error of that difference (`gap_error`,
    the one rule every window, summary, chart, report and handout reads through the
    interpretation) marks a control deficit, unless the active or passive reading was
    `painful`: then pain may be what limits the active range (`pain_limited`), as a painful
    range below its norm is said, and no control deficit is claimed (nor resisted control
    work chosen into a painful range)."""
    gap = passive - active
    err = _error(measure, instrument, "intra")
    mdc = gap_error(err)
    name = _row_name(measure, side, "none")
    reason = _gap_reason(texts("en"), name, measure, active, passive, err, painful=painful)
    if err is None or mdc is None:
        return ActivePassiveGap(active, passive, gap, None, "", False, reason)
    beyond = gap - mdc > _EPSILON
    return ActivePassiveGap(
        active,
        passive,
        gap,
        mdc,
        err.source,
        beyond and not painful,
        reason,
        pain_limited=beyond and painful,
    )


def _ages(norm: Norm) -> str:
    """The ages a norm covers ("age 18–65"), or the age it was worked out for by its equation
    (value_words.ages_words, in English)."""
    words = ages_words(texts("en"), norm)
    return words if norm.at_age is not None else f"age {words}"


# --- Small helpers -------------------------------------------------------------------------


def _why_no_norm(measure: Measure, sex: str | None, age: int | None) -> str:
    if not measure.norms:
        return "no norm in the catalogue."
    if age is None:
        return "no norm applied: no date of birth, so the age band is unknown."
    usable = [n for n in measure.norms if n.sex == "any" or n.sex == sex]
    if not usable:
        return "no norm applied: no sex recorded and the norms are sex-specific."
    bands = sorted({(n.age_min, n.age_max) for n in usable})
    covered = ", ".join(f"{lo}–{hi}" for lo, hi in bands)
    return f"no norm for age {age} (the catalogue's norms cover ages {covered})."
