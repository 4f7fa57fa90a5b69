"""The rules, one function each: norm, sides, active-passive gap, change."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from mobileathlete_desktop.domain.catalogue import (
    Measure,
    MeasurementError,
    Mode,
    Side,
)
from mobileathlete_desktop.domain.interpretation.results import (
    _EPSILON,
    ABOVE_NORM_PERCENT,
    BELOW_NORM_PERCENT,
    ActivePassiveGap,
    Change,
    Key,
    NormComparison,
    NormFlag,
    RaterKind,
    SideComparison,
    Verdict,
    _Reading,
)
from mobileathlete_desktop.domain.interpretation.wording import _fmt, _row_name, _signed
from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
)

# --- The rules, one function each ----------------------------------------------------------


def compare_with_norm(
    measure: Measure,
    value: float,
    sex: str | None,
    age: int | None,
    mode: Mode = "none",
    instrument: str = "",
) -> NormComparison:
    """The value as a percentage of the norm for that age and sex, flagged below/within/above.

    Below: under BELOW_NORM_PERCENT of the mean *and* short of it by more than the MDC95
    (a clinic convention; see the constant). Above mirrors it with ABOVE_NORM_PERCENT.
    """
    norm = measure.norm_for(sex, age, mode)
    if norm is None:
        return NormComparison(None, None, "no_norm", _why_no_norm(measure, sex, age))
    err = _error(measure, instrument, "intra")
    mdc = err.smallest_real_change if err else None
    percent = value / norm.mean * 100 if norm.mean > 0 else None
    shortfall = norm.mean - value
    beyond_error = mdc is None or abs(shortfall) - mdc > _EPSILON
    who = "" if norm.sex == "any" else f"{norm.sex}, "
    spread = f" ± {_fmt(measure, norm.sd)}" if norm.sd is not None else ""
    text = f"{_fmt(measure, norm.mean)}{spread} ({who}{norm.age_min}–{norm.age_max}, {norm.source})"
    norm_desc = (
        f"norm {_fmt(measure, norm.mean)}"
        + spread
        + f" ({who}age {norm.age_min}–{norm.age_max}, {norm.source}"
        + (f", {norm.mode} range" if norm.mode not in ("none", mode) else "")
        + ")"
    )
    error_desc = (
        f"the {_fmt(measure, mdc)} measurement error ({err.source})"
        if err is not None and mdc is not None
        else "measurement error unknown (none in the catalogue)"
    )
    if percent is None:
        # A mean at or near zero (e.g. knee extension) makes a percentage meaningless.
        flag: NormFlag = "within"
        if mdc is not None and beyond_error:
            flag = "below" if shortfall > 0 else "above"
        reason = f"{_signed(measure, -shortfall)} from the {norm_desc}; " + (
            f"beyond {error_desc}: {flag} norm"
            if flag != "within"
            else f"within {error_desc}: within norm"
        )
        return NormComparison(norm, None, flag, reason + ".", mdc, text)
    pct = f"{round(percent, 1):g}% of {norm_desc}"
    if BELOW_NORM_PERCENT - percent > _EPSILON and shortfall > 0 and beyond_error:
        return NormComparison(
            norm,
            percent,
            "below",
            f"{pct}: below norm (clinic convention: under {BELOW_NORM_PERCENT:g}% of the norm "
            f"and short by more than {error_desc}).",
            mdc,
            text,
        )
    if percent - ABOVE_NORM_PERCENT > _EPSILON and shortfall < 0 and beyond_error:
        return NormComparison(
            norm,
            percent,
            "above",
            f"{pct}: above norm (clinic convention: over {ABOVE_NORM_PERCENT:g}% of the norm "
            f"and beyond {error_desc}).",
            mdc,
            text,
        )
    return NormComparison(norm, percent, "within", f"{pct}: within norm.", mdc, text)


def compare_sides(
    measure: Measure, left: float, right: float, mode: Mode = "none", instrument: str = ""
) -> SideComparison:
    """Left against right with the measure's asymmetry rule, or its MDC95 when it has none.

    An absolute rule is broken when the difference is *more* than the threshold; an LSI rule
    when the weaker side is *under* the threshold percentage of the stronger.
    """
    difference = abs(left - right)
    if left == right:
        weaker: Side | None = None
    elif measure.higher_is_better:
        weaker = "left" if left < right else "right"
    else:
        weaker = "left" if left > right else "right"
    low, high = min(left, right), max(left, right)
    lsi = 100.0 if low == high and high > 0 else (low / high * 100 if low > 0 else None)
    weak_name = _row_name(measure, weaker or "left", mode)
    weak_value = (left if weaker == "left" else right) if weaker else left
    other = "right" if weaker == "left" else "left"
    more_less = "less" if weak_value == low else "more"
    head = (
        f"{weak_name} {_fmt(measure, weak_value)}, {_fmt(measure, difference)} {more_less} "
        f"than {other}"
    )
    rule = measure.asymmetry
    threshold: float | None
    kind: Literal["absolute", "lsi", "error", "none"]
    err = _error(measure, instrument, "intra")
    mdc = err.smallest_real_change if err else None
    if rule is not None and rule.kind == "lsi":
        threshold, kind, source = rule.threshold, "lsi", rule.source
        asym = lsi is not None and rule.threshold - lsi > _EPSILON
        lsi_text = "LSI not computable" if lsi is None else f"LSI {round(lsi, 1):g}%"
        reason = f"{head} ({lsi_text}, threshold {rule.threshold:g}%, {rule.source})"
        reason += "." if asym else ": within threshold."
    elif rule is not None:
        threshold, kind, source = rule.threshold, "absolute", rule.source
        asym = difference - rule.threshold > _EPSILON
        reason = f"{head} (threshold {_fmt(measure, rule.threshold)}, {rule.source})"
        reason += "." if asym else ": within threshold."
    elif err is not None and mdc is not None:
        # No published threshold: a difference within measurement error is not an asymmetry.
        threshold, kind, source = mdc, "error", err.source
        asym = difference - mdc > _EPSILON
        reason = (
            f"{head} (no asymmetry threshold in the catalogue; measurement error "
            f"{_fmt(measure, mdc)}, {err.source})"
        )
        reason += "." if asym else ": within measurement error, not an asymmetry."
    else:
        threshold, kind, source, asym = None, "none", "", False
        reason = (
            f"{head}: no asymmetry threshold or measurement error in the catalogue to judge it."
        )
    return SideComparison(
        left=left,
        right=right,
        difference=difference,
        lsi=lsi,
        threshold=threshold,
        threshold_kind=kind,
        source=source,
        asymmetric=asym,
        weaker_side=weaker,
        reason=reason,
    )


def active_passive_gap(
    measure: Measure, active: float, passive: float, side: Side = "none", instrument: str = ""
) -> ActivePassiveGap:
    """Passive minus active; a gap larger than the measure's error marks a control deficit."""
    gap = passive - active
    err = _error(measure, instrument, "intra")
    mdc = err.smallest_real_change if err else None
    name = _row_name(measure, side, "none")
    head = (
        f"{name}: active {_fmt(measure, active)}, passive {_fmt(measure, passive)}, "
        f"gap {_fmt(measure, gap)}"
    )
    if err is None or mdc is None:
        return ActivePassiveGap(
            active,
            passive,
            gap,
            None,
            "",
            False,
            f"{head}: no measurement error in the catalogue to judge the gap.",
        )
    deficit = gap - mdc > _EPSILON
    if deficit:
        reason = (
            f"{head}, more than the {_fmt(measure, mdc)} measurement error ({err.source}): "
            "a control deficit, not a flexibility limit."
        )
    else:
        reason = (
            f"{head}, within the {_fmt(measure, mdc)} measurement error ({err.source}): "
            "active range matches passive."
        )
    return ActivePassiveGap(active, passive, gap, mdc, err.source, deficit, reason)


def judge_change(
    measure: Measure,
    previous: float,
    current: float,
    rater: RaterKind = "intra",
    instrument: str = "",
) -> tuple[Verdict, float | None, str]:
    """Improved / unchanged / worse against MDC95 (strictly more than it), and the error used.

    Returns the verdict, the MDC95 used and its source; "undetermined" when the catalogue
    holds no error for the measure. Respects `higher_is_better` (NPRS going down improves).
    """
    err = _error(measure, instrument, rater)
    mdc = err.smallest_real_change if err else None
    if err is None or mdc is None:
        return "undetermined", None, ""
    delta = current - previous
    if abs(delta) - mdc <= _EPSILON:
        return "unchanged", mdc, err.source
    better = delta > 0 if measure.higher_is_better else delta < 0
    return ("improved" if better else "worse"), mdc, err.source


def _change(
    measure: Measure,
    key: Key,
    reading: _Reading,
    earlier: Sequence[tuple[AssessmentRecord, Mapping[Key, _Reading]]],
    name: str,
    value_text: str,
) -> Change:
    found = next(((a, readings[key]) for a, readings in reversed(earlier) if key in readings), None)
    if found is None:
        return Change("no_previous", f"{name} {value_text}: first recording, no earlier value.")
    previous_assessment, prev = found
    rater: RaterKind = (
        "inter" if reading.rater and prev.rater and reading.rater != prev.rater else "intra"
    )
    verdict, mdc, source = judge_change(
        measure, prev.value, reading.value, rater, reading.instrument
    )
    delta = reading.value - prev.value
    when = previous_assessment.date.isoformat()
    direction = "no change" if delta == 0 else f"{'up' if delta > 0 else 'down'} "
    moved = direction if delta == 0 else direction + _fmt(measure, abs(delta))
    head = f"{name} {value_text}, {moved} since {when}"
    raters = " between different raters" if rater == "inter" else ""
    if verdict == "undetermined":
        reason = f"{head}: no measurement error in the catalogue to judge the change."
    elif verdict == "unchanged":
        reason = (
            f"{head}: within the {_fmt(measure, mdc or 0)} smallest real change{raters} "
            f"({source}), unchanged."
        )
    else:
        reason = (
            f"{head}: more than the {_fmt(measure, mdc or 0)} smallest real change{raters} "
            f"({source}), {verdict}."
        )
    return Change(
        verdict=verdict,
        reason=reason,
        previous_value=prev.value,
        previous_assessment_id=previous_assessment.id,
        previous_date=when,
        delta=round(delta, 6),
        mdc=mdc,
        source=source,
        rater=rater,
    )


# --- Small helpers -------------------------------------------------------------------------


def _error(measure: Measure, instrument: str, rater: str) -> MeasurementError | None:
    err = measure.error_for(instrument or measure.instrument, rater)
    if err is not None and err.smallest_real_change is not None:
        return err
    for e in measure.errors:
        if e.smallest_real_change is not None:
            return e
    return None


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
