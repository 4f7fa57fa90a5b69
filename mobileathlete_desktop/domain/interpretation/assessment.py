"""Interpret one assessment: every reading against norm, other side, active range, last visit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mobileathlete_desktop.domain.catalogue import (
    Catalogue,
    Measure,
    Mode,
    Side,
    default_catalogue,
)
from mobileathlete_desktop.domain.interpretation.codes import (
    _FALLBACK_MEASURES,
    FMS_CLEARING,
    FMS_TESTS,
    FMS_TOTAL,
    LEFS_ITEMS,
)
from mobileathlete_desktop.domain.interpretation.computed import (
    _measure,
    _readings,
    _sorted,
    lefs_total,
)
from mobileathlete_desktop.domain.interpretation.results import (
    FLAG_ABOVE_NORM,
    FLAG_ASYMMETRY,
    FLAG_BELOW_NORM,
    FLAG_CLINICALLY_IMPORTANT,
    FLAG_CONTROL_DEFICIT,
    FLAG_CUTOFF,
    FLAG_FAULTS,
    FLAG_IMPROVED,
    FLAG_PAIN,
    FLAG_WORSE,
    ActivePassiveGap,
    AssessmentInterpretation,
    FmsResult,
    Interpretation,
    Key,
    SeriesPoint,
    SideComparison,
    _Reading,
)
from mobileathlete_desktop.domain.interpretation.rules import (
    _change,
    above_norm_with_hypermobility,
    active_passive_gap,
    compare_sides,
    compare_with_norm,
    generalised_hypermobility,
    pain_reason,
)
from mobileathlete_desktop.domain.interpretation.value_words import (
    _cite,
    _fmt,
    _row_name,
    _sources_in,
)
from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
    ClientHistory,
)


def interpret_assessment(
    history: ClientHistory,
    assessment_id: int | None = None,
    catalogue: Catalogue | None = None,
) -> AssessmentInterpretation:
    """Interprets one assessment of a client (the latest when `assessment_id` is None).

    Raises KeyError only for an assessment id the history does not hold; every gap in the
    data (no date of birth, no norm, one side, one visit) becomes a reason instead.
    """
    cat = catalogue if catalogue is not None else default_catalogue()
    if assessment_id is None:
        index = len(history.assessments) - 1
    else:
        matches = [i for i, a in enumerate(history.assessments) if a.id == assessment_id]
        if not matches:
            raise KeyError(f"assessment {assessment_id} is not in this client's history")
        index = matches[0]
    return _interpret_index(history, index, cat, {})


def interpret_history(
    history: ClientHistory, catalogue: Catalogue | None = None
) -> list[AssessmentInterpretation]:
    """Every visit interpreted, oldest first: the same as `interpret_assessment` for each,
    with each visit's readings worked out once (a 30-visit report no longer redoes them for
    every later visit)."""
    cat = catalogue if catalogue is not None else default_catalogue()
    cache: dict[int, tuple[dict[Key, _Reading], FmsResult | None]] = {}
    return [_interpret_index(history, i, cat, cache) for i in range(len(history.assessments))]


def _interpret_index(
    history: ClientHistory,
    index: int,
    cat: Catalogue,
    cache: dict[int, tuple[dict[Key, _Reading], FmsResult | None]],
) -> AssessmentInterpretation:
    def readings_of(i: int) -> tuple[dict[Key, _Reading], FmsResult | None]:
        if i not in cache:
            cache[i] = _readings(history.assessments[i], cat)
        return cache[i]

    client = history.client
    sex = client.norm_sex
    notes: list[str] = []
    if index < 0:
        notes.append("No assessments recorded yet.")
        return AssessmentInterpretation(
            client=client,
            assessment=None,
            age=None,
            sex=sex,
            rows=(),
            notes=tuple(notes),
            catalogue_version=cat.version,
        )
    assessment = history.assessments[index]
    age = client.age_on(assessment.date)
    if client.date_of_birth is None:
        notes.append("No date of birth recorded: age-banded norms are not applied.")
    elif age is not None and age < 0:
        notes.append("The date of birth is after the assessment date: norms are not applied.")
        age = None
    if sex is None:
        notes.append("No sex recorded: only norms that apply to both sexes are used.")
    earlier = [(a, readings_of(i)[0]) for i, a in enumerate(history.assessments[:index])]
    readings, fms = readings_of(index)
    if not earlier:
        notes.append("No earlier assessment: change since the last visit is not judged.")
    if fms is not None and fms.missing:
        names = ", ".join(_measure(cat, c).label for c in fms.missing)
        notes.append(f"FMS incomplete, no total: {names} not scored.")
    for outcome in assessment.outcomes:
        if outcome.total is None and outcome.instrument.lower() == "lefs":
            try:
                if lefs_total(outcome.answers) is None:
                    answered = sum(a is not None for a in outcome.answers)
                    notes.append(
                        f"LEFS incomplete ({answered} of {LEFS_ITEMS} items answered): no total."
                    )
            except ValueError as exc:
                notes.append(f"LEFS not scored: {exc}.")

    rows = [
        _interpret_row(cat, key, reading, readings, earlier, sex, age, fms)
        for key, reading in _sorted(readings.items(), cat)
    ]
    used = {s for r in rows for s in _sources_in(r)}
    sources = {s: cat.sources[s].citation for s in sorted(used) if s in cat.sources}
    return AssessmentInterpretation(
        client=client,
        assessment=assessment,
        age=age,
        sex=sex,
        rows=tuple(rows),
        notes=tuple(notes),
        fms=fms,
        catalogue_version=cat.version,
        sources=sources,
    )


def measure_series(
    history: ClientHistory,
    code: str,
    side: Side = "none",
    mode: Mode = "none",
    catalogue: Catalogue | None = None,
) -> list[SeriesPoint]:
    """The value of one measure, side and mode at every visit that holds it, oldest first.

    Computed measures (Y-Balance composite, FMS total, LEFS from its items) are included.
    """
    cat = catalogue if catalogue is not None else default_catalogue()
    points: list[SeriesPoint] = []
    for a in history.assessments:
        reading = _readings(a, cat)[0].get((code, side, mode))
        if reading is not None:
            points.append(
                SeriesPoint(
                    a.id,
                    a.date,
                    reading.value,
                    a.status == "signed",
                    reading.pain,
                    reading.computed,
                )
            )
    return points


def measure_for(code: str, catalogue: Catalogue | None = None) -> Measure | None:
    """The catalogue measure, or the built-in label for a computed total the catalogue lacks."""
    cat = catalogue if catalogue is not None else default_catalogue()
    return cat.get(code) or _FALLBACK_MEASURES.get(code)


def _interpret_row(
    cat: Catalogue,
    key: Key,
    reading: _Reading,
    readings: Mapping[Key, _Reading],
    earlier: Sequence[tuple[AssessmentRecord, Mapping[Key, _Reading]]],
    sex: str | None,
    age: int | None,
    fms: FmsResult | None,
) -> Interpretation:
    code, side, mode = key
    known = code in cat or code in _FALLBACK_MEASURES
    measure = _measure(cat, code)
    name = _row_name(measure, side, mode)
    value_text = _fmt(measure, reading.value)
    flags: list[str] = []
    reasons: list[str] = []
    if not known:
        reasons.append(f"{name} {value_text}: not in the catalogue (version {cat.version}).")

    norm = compare_with_norm(
        measure,
        reading.value,
        sex,
        age,
        mode,
        reading.instrument,
        passive_recorded=mode == "active" and (code, side, "passive") in readings,
    )
    if norm.flag == "below":
        flags.append(FLAG_BELOW_NORM)
    elif norm.flag == "above":
        flags.append(FLAG_ABOVE_NORM)
    if norm.cutoff and norm.cutoff_kind != "reference":
        # A criterion or screen is a finding; an injury cohort's reference value is not (the
        # reason says it, for information only).
        flags.append(FLAG_CUTOFF)
    if known and (norm.norm is not None or measure.norms or norm.cutoff):
        reasons.append(f"{name} {value_text}: {norm.reason}")
    if norm.flag == "above" and (screen := generalised_hypermobility(readings, cat)):
        reasons.append(above_norm_with_hypermobility(name, value_text, screen))

    faults: tuple[str, ...] = ()
    if measure.ratings:
        value_text, faults = _motor_control(measure, reading, name, flags, reasons)

    sides: SideComparison | None = None
    if code in FMS_TESTS and side in ("left", "right"):
        _fms_sides(measure, key, reading, readings, flags, reasons)
    elif side in ("left", "right") and not measure.ratings and measure.compare_sides:
        other: Side = "right" if side == "left" else "left"
        other_reading = readings.get((code, other, mode))
        if other_reading is None:
            reasons.append(
                f"{name}: only the {side} side was recorded; no side-to-side comparison."
            )
        else:
            left = reading.value if side == "left" else other_reading.value
            right = other_reading.value if side == "left" else reading.value
            sides = compare_sides(measure, left, right, mode, reading.instrument)
            if sides.weaker_side == side and sides.difference > 0:
                if sides.asymmetric:
                    flags.append(FLAG_ASYMMETRY)
                    reasons.append(sides.reason)
                elif sides.threshold_kind == "none":
                    reasons.append(sides.reason)

    gap: ActivePassiveGap | None = None
    if mode in ("active", "passive") and measure.compare_modes:
        active = readings.get((code, side, "active"))
        passive = readings.get((code, side, "passive"))
        if active is not None and passive is not None:
            gap = active_passive_gap(
                measure,
                active.value,
                passive.value,
                side,
                active.instrument or "",
                painful=active.pain or passive.pain,
            )
            if mode == "active" and gap.control_deficit:
                flags.append(FLAG_CONTROL_DEFICIT)
            if mode == "active" and (gap.control_deficit or gap.pain_limited):
                reasons.append(gap.reason)

    change = _change(measure, key, reading, earlier, name, value_text)
    if change.verdict == "improved":
        flags.append(FLAG_IMPROVED)
    elif change.verdict == "worse":
        flags.append(FLAG_WORSE)
    if change.verdict in ("improved", "worse") and change.important:
        flags.append(FLAG_CLINICALLY_IMPORTANT)
    if change.verdict in ("improved", "worse", "unchanged", "undetermined", "undetectable"):
        reasons.append(change.reason)

    if code == FMS_TOTAL and fms is not None:
        for test in fms.zeroed_by_clearing:
            reasons.append(
                f"{_measure(cat, test).label} scored 0: its clearing test was painful "
                f"(FMS scoring{_cite(measure)})."
            )
        if fms.asymmetric_tests:
            names = ", ".join(_measure(cat, t).label for t in fms.asymmetric_tests)
            reasons.append(
                f"FMS asymmetry (left and right scored differently, flagged on each test): {names}."
            )

    # A body measurement (limb length) cannot hurt: a pain mark on one (refused on entry,
    # validation.check_pain; an older record may hold one) is no finding.
    pain = (reading.pain and not measure.body_measure) or (
        code in FMS_CLEARING and reading.value > 0
    )
    if pain:
        flags.append(FLAG_PAIN)
        if code in FMS_CLEARING:
            linked = _measure(cat, FMS_CLEARING[code]).label
            reasons.append(f"{name}: painful (positive) clearing test; {linked} scores 0.")
        else:
            reasons.append(pain_reason(measure, name))

    return Interpretation(
        code=code,
        label=measure.label,
        side=side,
        mode=mode,
        value=reading.value,
        unit=measure.unit_label,
        value_text=value_text,
        pain=pain,
        computed=reading.computed,
        known=known,
        norm=norm,
        sides=sides,
        gap=gap,
        change=change,
        flags=tuple(dict.fromkeys(flags)),
        reasons=tuple(reasons),
        faults=faults,
        rating=reading.rating,
    )


def _motor_control(
    measure: Measure, reading: _Reading, name: str, flags: list[str], reasons: list[str]
) -> tuple[str, tuple[str, ...]]:
    """A rated movement test: its rating in words and the faults seen become the finding.

    Any fault, or a "poor" rating, flags FLAG_FAULTS (Crossley 2011's good/fair/poor); the
    fault codes travel with the row so drills can answer each one.
    """
    index = round(reading.value) if reading.value == reading.value else -1
    rating = reading.rating or (measure.ratings[index] if 0 <= index < len(measure.ratings) else "")
    labels = {f.code: f.label for f in measure.faults}
    known = tuple(f for f in reading.faults if f in labels)
    seen = ", ".join(labels[f].lower() for f in known)
    text = rating or "not rated"
    cite = f" ({', '.join(measure.sources)})" if measure.sources else ""
    if known or rating == "poor":
        flags.append(FLAG_FAULTS)
        detail = f"; faults seen: {seen}" if seen else ""
        reasons.append(f"{name}: rated {text}{detail}{cite}.")
    elif rating:
        reasons.append(f"{name}: rated {text}, no fault recorded{cite}.")
    return text + (f" ({seen})" if seen else ""), known


def _fms_sides(
    measure: Measure,
    key: Key,
    reading: _Reading,
    readings: Mapping[Key, _Reading],
    flags: list[str],
    reasons: list[str],
) -> None:
    """An FMS test scored differently left and right: the asymmetry on the lower side's row."""
    code, side, mode = key
    other: Side = "right" if side == "left" else "left"
    other_reading = readings.get((code, other, mode))
    if other_reading is None or round(other_reading.value) == round(reading.value):
        return
    if reading.value < other_reading.value:
        flags.append(FLAG_ASYMMETRY)
        reasons.append(
            f"{measure.label}: {side} {reading.value:g}, {other} {other_reading.value:g}; "
            f"the sides scored differently, an FMS asymmetry{_cite(measure)}; the lower side "
            "counts towards the total."
        )
