"""The change rule, split from rules.py (which re-exports it): a change since the last
visit against the measurement error (MDC) and the clinically important difference (MCID)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from mobileathlete_desktop.domain.catalogue import Measure, MeasurementError
from mobileathlete_desktop.domain.interpretation.results import (
    _EPSILON,
    REFERENCE_Z,
    Change,
    Key,
    RaterKind,
    Verdict,
    _Reading,
)
from mobileathlete_desktop.domain.interpretation.wording import _change_reason
from mobileathlete_desktop.domain.records import AssessmentRecord
from mobileathlete_desktop.support.i18n import texts


@dataclass(frozen=True)
class _Judged:
    """A change measured against the error and the MCID: what both the verdict and its
    reason rest on."""

    verdict: Verdict
    err: MeasurementError | None
    mdc: float | None
    beyond: bool | None
    important: bool | None


def _judge(
    measure: Measure, previous: float, current: float, rater: RaterKind, instrument: str
) -> _Judged:
    err = _error(measure, instrument, rater)
    mdc = err.smallest_real_change if err else None
    delta = current - previous
    beyond = None if mdc is None else abs(delta) - mdc > _EPSILON
    mcid = measure.important_change
    better = delta > 0 if measure.higher_is_better else delta < 0
    # Clinically important only beyond the measurement error: a change the size of the MCID
    # that the error could explain is not shown to have happened (NPRS 2 → 1 against
    # Childs 2005's 2 points; LEFS 72 → 63 at Binkley 1999's 9). With no error in the
    # catalogue the MCID alone is what can be said (PSFS, Abbott 2014).
    important = (
        None
        if mcid is None
        else mcid.reached(previous, delta, improved=better) and delta != 0 and beyond is not False
    )
    verdict: Verdict
    if beyond is None and important is None:
        verdict = "undetermined"
    elif beyond or (beyond is None and important):
        verdict = "improved" if better else "worse"
    else:
        verdict = "undetectable" if change_undetectable(measure, err) else "unchanged"
    return _Judged(verdict, err, mdc, beyond, important)


def change_undetectable(measure: Measure, err: MeasurementError | None) -> bool:
    """Whether this instrument cannot show a change of the size this measure plausibly
    makes, so a change within its error must not be called "unchanged".

    The rule, from the catalogue's own figures: the smallest real change (MDC95) is larger
    than the distance from the healthy mean to the edge of the usual range (REFERENCE_Z ×
    the widest SD among the measure's norms). A runner could then move from the middle of
    the healthy range to beyond its edge and the change would still lie within measurement
    error. The Thomas hip angle by goniometer: SEM 11° (Peeler & Anderson 2007), MDC95
    30.5°, against Ferber 2010's SD 9.61° (1.645 × 9.61 = 15.8°). A measure with a
    clinically important difference can still show one, and a measure whose norms give no
    spread has nothing to weigh the error against: neither is covered.
    """
    mdc = err.smallest_real_change if err is not None else None
    if mdc is None or measure.important_change is not None:
        return False
    spreads = [s for n in measure.norms if (s := n.equation_sd or n.sd) is not None]
    return bool(spreads) and mdc - REFERENCE_Z * max(spreads) > _EPSILON


def judge_change(
    measure: Measure,
    previous: float,
    current: float,
    rater: RaterKind = "intra",
    instrument: str = "",
) -> tuple[Verdict, float | None, str]:
    """Improved / unchanged / worse (or "undetectable": `change_undetectable`), the MDC95
    used and its source.

    A change counts when it is more than the measurement error (MDC95, strictly); it is
    clinically important when it also reaches the measure's minimal clinically important
    difference (MCID, at least). The same rule for better and worse. Only with no error in
    the catalogue does the MCID alone make a change. "undetermined" when the catalogue holds
    neither. Respects `higher_is_better` (NPRS going down improves).
    """
    judged = _judge(measure, previous, current, rater, instrument)
    if judged.verdict == "undetermined":
        return "undetermined", None, ""
    return judged.verdict, judged.mdc, judged.err.source if judged.err is not None else ""


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
    judged = _judge(measure, prev.value, reading.value, rater, reading.instrument)
    verdict, err, mdc = judged.verdict, judged.err, judged.mdc
    beyond, important = judged.beyond, judged.important
    source = err.source if err is not None and verdict != "undetermined" else ""
    mcid = measure.important_change
    delta = reading.value - prev.value
    when = previous_assessment.date.isoformat()
    change = Change(
        verdict=verdict,
        reason="",
        previous_value=prev.value,
        previous_assessment_id=previous_assessment.id,
        previous_date=when,
        delta=round(delta, 6),
        mdc=mdc,
        source=source,
        rater=rater,
        beyond_error=beyond,
        important=important,
        mcid="" if mcid is None else mcid.text,
        mcid_source="" if mcid is None else mcid.source,
    )
    reason = _change_reason(texts("en"), measure, name, value_text, change, err)
    return replace(change, reason=reason)


def _error(measure: Measure, instrument: str, rater: str) -> MeasurementError | None:
    err = measure.error_for(instrument or measure.instrument, rater)
    if err is not None and err.smallest_real_change is not None:
        return err
    for e in measure.errors:
        if e.smallest_real_change is not None:
            return e
    return None
