"""Clinical interpretation of an assessment: norms, side-to-side, active–passive gap and change.

Every judgement here is a rule applied to catalogue data (norms, measurement error, asymmetry
thresholds) and every reason a therapist reads names the catalogue source it rests on. Bad or
missing input (one visit, no date of birth, one side only, no norm) never raises: the reason
says what is missing instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from mobileathlete_desktop.domain.catalogue import (
    Catalogue,
    Measure,
    MeasurementError,
    Mode,
    Norm,
    Side,
    default_catalogue,
)
from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
    ClientHistory,
    ClientRecord,
)

# --- Clinic conventions (not published cut-offs; each reason that uses one says so) ---------

# A value is "below norm" when it is under this percentage of the normative mean AND the
# shortfall exceeds the measure's MDC95. The CDC norms give a mean and the 95% CI of the mean,
# not an SD, so a "mean - 2 SD" rule cannot be applied consistently across the catalogue; the
# percentage is the clinic's convention, the MDC95 guard keeps a 3° shortfall from ever being
# called "below" when the goniometer cannot tell 3° apart.
BELOW_NORM_PERCENT = 90.0
# Mirror rule for "above norm" (hypermobility, or slow for a timed test).
ABOVE_NORM_PERCENT = 110.0
# The common return-to-sport criterion (LSI >= 90%), used by charts when a measure has no rule.
DEFAULT_LSI_THRESHOLD = 90.0
# Floating-point slack so that a change *exactly* equal to a threshold is treated as equal.
_EPSILON = 1e-9

# --- Flag codes (stable: recommendations, reports and exports key on them) -----------------

FLAG_BELOW_NORM = "below_norm"
FLAG_ABOVE_NORM = "above_norm"
FLAG_ASYMMETRY = "asymmetry"
FLAG_CONTROL_DEFICIT = "control_deficit"
FLAG_IMPROVED = "improved"
FLAG_WORSE = "worse"
FLAG_PAIN = "pain"
# Movement faults seen in a motor-control test (single-leg squat, step-down), or a fair or
# poor rating of it: the fault codes travel with the finding (Interpretation.faults).
FLAG_FAULTS = "faults"
# A change that reaches the measure's minimal clinically important difference (MCID): set
# beside FLAG_IMPROVED or FLAG_WORSE, which mean "beyond measurement error" (MDC).
FLAG_CLINICALLY_IMPORTANT = "clinically_important"
FLAGS: tuple[str, ...] = (
    FLAG_BELOW_NORM,
    FLAG_ABOVE_NORM,
    FLAG_ASYMMETRY,
    FLAG_CONTROL_DEFICIT,
    FLAG_IMPROVED,
    FLAG_WORSE,
    FLAG_PAIN,
    FLAG_FAULTS,
    FLAG_CLINICALLY_IMPORTANT,
)

NormFlag = Literal["below", "within", "above", "no_norm"]
Verdict = Literal["improved", "unchanged", "worse", "no_previous", "undetermined"]
RaterKind = Literal["intra", "inter"]

# --- Computed measures: codes the catalogue uses for the inputs and the results -------------

YBALANCE_REACHES: tuple[str, str, str] = (
    "ybalance.anterior",
    "ybalance.posteromedial",
    "ybalance.posterolateral",
)
LIMB_LENGTH = "limb.length"
YBALANCE_COMPOSITE = "ybalance.composite"

FMS_TESTS: tuple[str, ...] = (
    "fms.deep_squat",
    "fms.hurdle_step",
    "fms.inline_lunge",
    "fms.shoulder_mobility",
    "fms.aslr",
    "fms.trunk_stability_pushup",
    "fms.rotary_stability",
)
# A painful clearing test scores its linked test 0 (Cook, Burton & Hoogenboom 2006).
FMS_CLEARING: Mapping[str, str] = {
    "fms.clear.shoulder": "fms.shoulder_mobility",
    "fms.clear.spinal_extension": "fms.trunk_stability_pushup",
    "fms.clear.spinal_flexion": "fms.rotary_stability",
}
FMS_TOTAL = "fms.total"
FMS_MAX_SCORE = 3

LEFS_ITEMS = 20
LEFS_MAX_ITEM = 4
LEFS_TOTAL = "lefs.total"

# Labels for computed rows when the catalogue in use does not (yet) list them. They carry no
# norms or error, so nothing is judged against invented numbers.
_FALLBACK_MEASURES: Mapping[str, Measure] = {
    YBALANCE_COMPOSITE: Measure(
        code=YBALANCE_COMPOSITE,
        label="Y-Balance composite",
        label_es="Y-Balance compuesto",
        kind="ratio",
        region="lower limb",
        unit="percent",
        bounds=(0.0, 200.0),
        bilateral=True,
        modes=("none",),
        computed=True,
    ),
    FMS_TOTAL: Measure(
        code=FMS_TOTAL,
        label="FMS total",
        label_es="FMS total",
        kind="score",
        region="whole body",
        unit="score",
        bounds=(0.0, 21.0),
        bilateral=False,
        modes=("none",),
        computed=True,
    ),
    LEFS_TOTAL: Measure(
        code=LEFS_TOTAL,
        label="LEFS",
        label_es="LEFS",
        kind="score",
        region="lower limb",
        unit="score",
        bounds=(0.0, 80.0),
        bilateral=False,
        modes=("none",),
        computed=True,
    ),
}

_SIDE_ORDER: Mapping[str, int] = {"left": 0, "right": 1, "none": 2}
_MODE_ORDER: Mapping[str, int] = {"active": 0, "passive": 1, "none": 2}

Key = tuple[str, Side, Mode]


# --- Result records ------------------------------------------------------------------------


@dataclass(frozen=True)
class NormComparison:
    """A value against the norm for the client's age band and sex."""

    norm: Norm | None
    percent_of_norm: float | None
    flag: NormFlag
    reason: str
    error: float | None = None

    text: str = "—"
    """The norm as printed in a table column ("137° (female 20–44, cdc-rom-2011)" or "—")."""


@dataclass(frozen=True)
class SideComparison:
    """Left against right for one measure and mode."""

    left: float
    right: float
    difference: float
    lsi: float | None
    threshold: float | None
    threshold_kind: Literal["absolute", "lsi", "error", "none"]
    source: str
    asymmetric: bool
    weaker_side: Side | None
    reason: str


@dataclass(frozen=True)
class ActivePassiveGap:
    """Passive minus active range on one side; beyond the error it marks a control deficit."""

    active: float
    passive: float
    gap: float
    error: float | None
    source: str
    control_deficit: bool
    reason: str


@dataclass(frozen=True)
class Change:
    """The change since the latest earlier assessment holding the same measure, side and mode."""

    verdict: Verdict
    reason: str
    previous_value: float | None = None
    previous_assessment_id: int | None = None
    previous_date: str = ""
    delta: float | None = None
    mdc: float | None = None
    source: str = ""
    rater: RaterKind = "intra"


@dataclass(frozen=True)
class Interpretation:
    """Everything said about one value: one (measure, side, mode) row of an assessment."""

    code: str
    label: str
    side: Side
    mode: Mode
    value: float
    unit: str
    value_text: str
    pain: bool
    computed: bool
    known: bool
    norm: NormComparison
    sides: SideComparison | None
    gap: ActivePassiveGap | None
    change: Change
    flags: tuple[str, ...]
    reasons: tuple[str, ...]

    @property
    def key(self) -> Key:
        """The (code, side, mode) this row is about."""
        return (self.code, self.side, self.mode)

    def to_json_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values (no catalogue objects)."""
        norm = self.norm.norm
        return {
            "code": self.code,
            "label": self.label,
            "side": self.side,
            "mode": self.mode,
            "value": self.value,
            "unit": self.unit,
            "pain": self.pain,
            "computed": self.computed,
            "norm": None
            if norm is None
            else {
                "mean": norm.mean,
                "sd": norm.sd,
                "sex": norm.sex,
                "age_min": norm.age_min,
                "age_max": norm.age_max,
                "source": norm.source,
            },
            "percent_of_norm": self.norm.percent_of_norm,
            "norm_flag": self.norm.flag,
            "side_difference": None if self.sides is None else self.sides.difference,
            "lsi": None if self.sides is None else self.sides.lsi,
            "asymmetric": None if self.sides is None else self.sides.asymmetric,
            "active_passive_gap": None if self.gap is None else self.gap.gap,
            "control_deficit": None if self.gap is None else self.gap.control_deficit,
            "change": {
                "verdict": self.change.verdict,
                "previous_value": self.change.previous_value,
                "previous_date": self.change.previous_date,
                "delta": self.change.delta,
                "mdc": self.change.mdc,
                "source": self.change.source,
            },
            "flags": list(self.flags),
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True)
class FmsResult:
    """A Functional Movement Screen scored: total, each test's score, asymmetries, gaps."""

    total: int | None
    scores: Mapping[str, int]
    asymmetric_tests: tuple[str, ...]
    zeroed_by_clearing: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        """Whether all seven tests were scored."""
        return not self.missing


@dataclass(frozen=True)
class SummaryRow:
    """One printed line of a summary: what the CLI table and the PDF report show."""

    code: str
    label: str
    side: Side
    mode: Mode
    value: float
    unit: str
    value_text: str
    norm_text: str
    flags: tuple[str, ...]
    reasons: tuple[str, ...]

    def to_json_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "code": self.code,
            "label": self.label,
            "side": self.side,
            "mode": self.mode,
            "value": self.value,
            "unit": self.unit,
            "value_text": self.value_text,
            "norm_text": self.norm_text,
            "flags": list(self.flags),
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True)
class AssessmentInterpretation:
    """One assessment read against norms, the other side, active range and the last visit."""

    client: ClientRecord
    assessment: AssessmentRecord | None
    age: int | None
    sex: str | None
    rows: tuple[Interpretation, ...]
    notes: tuple[str, ...]
    fms: FmsResult | None = None
    catalogue_version: str = ""
    sources: Mapping[str, str] = field(default_factory=dict)

    def row(self, code: str, side: Side = "none", mode: Mode = "none") -> Interpretation | None:
        """The row for that measure, side and mode, or None."""
        for r in self.rows:
            if r.key == (code, side, mode):
                return r
        return None

    def flagged(self, flag: str) -> list[Interpretation]:
        """Rows carrying that flag code."""
        return [r for r in self.rows if flag in r.flags]

    def to_json_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values for export and the CLI's --json."""
        a = self.assessment
        return {
            "client": {
                "id": self.client.id,
                "chart_number": self.client.chart_number,
                "name": self.client.full_name,
            },
            "assessment": None
            if a is None
            else {"id": a.id, "date": a.date.isoformat(), "status": a.status, "kind": a.kind},
            "age": self.age,
            "sex": self.sex,
            "catalogue_version": self.catalogue_version,
            "notes": list(self.notes),
            "fms": None
            if self.fms is None
            else {
                "total": self.fms.total,
                "scores": dict(self.fms.scores),
                "asymmetric_tests": list(self.fms.asymmetric_tests),
                "zeroed_by_clearing": list(self.fms.zeroed_by_clearing),
                "missing": list(self.fms.missing),
            },
            "rows": [r.to_json_dict() for r in self.rows],
            "sources": dict(self.sources),
        }


# --- Computed measures ---------------------------------------------------------------------


def ybalance_composite(
    anterior: float, posteromedial: float, posterolateral: float, limb_length: float
) -> float:
    """Y-Balance composite, percent of limb length: (A + PM + PL) / (3 × LL) × 100 (Plisky 2006)."""
    if limb_length <= 0:
        raise ValueError("limb length must be positive")
    return (anterior + posteromedial + posterolateral) / (3 * limb_length) * 100


def fms_total(
    scores: Mapping[str, Mapping[Side, int]],
    clearing: Mapping[str, bool] | None = None,
) -> FmsResult:
    """Scores a Functional Movement Screen (Cook, Burton & Hoogenboom 2006).

    `scores` maps each test code to its score per side ("none" for the unilateral tests),
    0–3. A bilateral test scores its lower side (and differing sides are an asymmetry); a
    positive (painful) clearing test in `clearing` scores its linked test 0. The total is None
    until all seven tests are scored.
    """
    clearing = clearing or {}
    unknown = set(clearing) - set(FMS_CLEARING)
    if unknown:
        raise ValueError(f"unknown FMS clearing test(s): {', '.join(sorted(unknown))}")
    zeroed = tuple(FMS_CLEARING[code] for code in FMS_CLEARING if clearing.get(code, False))
    result: dict[str, int] = {}
    asymmetric: list[str] = []
    missing: list[str] = []
    for test in FMS_TESTS:
        by_side = {s: v for s, v in scores.get(test, {}).items()}
        for side, value in by_side.items():
            if not 0 <= value <= FMS_MAX_SCORE or int(value) != value:
                raise ValueError(f"{test} {side}: FMS scores are whole numbers 0–3, not {value}")
        if test in zeroed:
            result[test] = 0
            continue
        if not by_side:
            missing.append(test)
            continue
        if len({by_side.get("left"), by_side.get("right")} - {None}) == 2:
            asymmetric.append(test)
        result[test] = int(min(by_side.values()))
    total = None if missing else sum(result.values())
    return FmsResult(
        total=total,
        scores=result,
        asymmetric_tests=tuple(asymmetric),
        zeroed_by_clearing=zeroed,
        missing=tuple(missing),
    )


def lefs_total(answers: Sequence[int | None]) -> int | None:
    """The LEFS total, 0–80 (Binkley 1999), or None unless all 20 items are answered.

    Missing items are not prorated: a total from fewer items is not comparable with the
    published MCID, so an incomplete form gives no total (the summary says so). An answer
    outside 0–4, or more than 20 answers, is an input error (ValueError).
    """
    if len(answers) > LEFS_ITEMS:
        raise ValueError(f"the LEFS has {LEFS_ITEMS} items, not {len(answers)}")
    for i, a in enumerate(answers, start=1):
        if a is not None and not 0 <= a <= LEFS_MAX_ITEM:
            raise ValueError(f"LEFS item {i}: answers are 0–4, not {a}")
    given = [a for a in answers if a is not None]
    if len(given) < LEFS_ITEMS:
        return None
    return sum(given)


# --- The interpretation --------------------------------------------------------------------


@dataclass(frozen=True)
class _Reading:
    value: float
    pain: bool = False
    instrument: str = ""
    rater: str = ""
    computed: bool = False


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
    client = history.client
    sex = client.norm_sex
    if assessment_id is None:
        index = len(history.assessments) - 1
    else:
        matches = [i for i, a in enumerate(history.assessments) if a.id == assessment_id]
        if not matches:
            raise KeyError(f"assessment {assessment_id} is not in this client's history")
        index = matches[0]
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
    earlier = [(a, _readings(a, cat)[0]) for a in history.assessments[:index]]
    readings, fms = _readings(assessment, cat)
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


def summary_rows(interpretation: AssessmentInterpretation) -> list[SummaryRow]:
    """Flat printable rows, one a measure, side and mode, in catalogue order."""
    return [
        SummaryRow(
            code=r.code,
            label=r.label,
            side=r.side,
            mode=r.mode,
            value=r.value,
            unit=r.unit,
            value_text=r.value_text,
            norm_text=r.norm.text,
            flags=r.flags,
            reasons=r.reasons,
        )
        for r in interpretation.rows
    ]


# Order in which the "at a glance" list shows flags: what got worse first, progress last.
GLANCE_ORDER: tuple[str, ...] = (
    FLAG_WORSE,
    FLAG_PAIN,
    FLAG_BELOW_NORM,
    FLAG_ASYMMETRY,
    FLAG_CONTROL_DEFICIT,
    FLAG_ABOVE_NORM,
    FLAG_IMPROVED,
)


@dataclass(frozen=True)
class GlanceLine:
    """One flag of an assessment: a short line to read at a glance, and the full reasons."""

    flag: str
    code: str
    side: Side
    mode: Mode
    text: str
    detail: str = ""
    short: str = ""  # the finding without norms' sources, for a program's "why" column
    faults: tuple[str, ...] = ()  # fault codes seen (FLAG_FAULTS lines), e.g. "knee_valgus"


def glance(interpretation: AssessmentInterpretation) -> list[GlanceLine]:
    """Every flag of an interpreted assessment, one short line each, most pressing first.

    Active and passive readings of the same measure and side share one line; `detail` holds
    the reasons the summary and the report print (so the client page, the command line and
    the PDF cannot disagree). Pain on a computed score (a composite of painful reaches) is not
    repeated: the painful reach has its own line.
    """
    groups: dict[tuple[str, str, Side], list[Interpretation]] = {}
    for row in interpretation.rows:
        for flag in row.flags:
            if flag == FLAG_PAIN and row.computed:
                continue
            groups.setdefault((flag, row.code, row.side), []).append(row)
    lines: list[GlanceLine] = []
    for (flag, code, side), rows in groups.items():
        first = rows[0]
        short = ""
        name = first.label + ("" if side == "none" else f", {side}")
        values = ", ".join(
            (f"{r.mode} {r.value_text}" if r.mode != "none" else r.value_text) for r in rows
        )
        if flag in (FLAG_BELOW_NORM, FLAG_ABOVE_NORM) and first.norm.norm is not None:
            percents = "/".join(
                f"{r.norm.percent_of_norm:.0f}%" for r in rows if r.norm.percent_of_norm is not None
            )
            text = f"{name}: {values} — {percents} of the norm, {first.norm.text}"
            short = f"{name}: {values} ({percents} of the usual range)"
        elif flag == FLAG_ASYMMETRY and first.sides is not None:
            text = first.sides.reason
        elif flag == FLAG_CONTROL_DEFICIT and first.gap is not None:
            text = first.gap.reason
            gap = first.gap
            short = (
                f"{name}: active {gap.active:g}{first.unit}, passive {gap.passive:g}{first.unit}"
                f" (gap {gap.gap:g}{first.unit}, beyond the measurement error)"
            )
        elif flag in (FLAG_IMPROVED, FLAG_WORSE):
            text = first.change.reason
        elif flag == FLAG_PAIN:
            text = f"{name}: pain during the test ({values})"
        else:
            text = next((r for r in first.reasons if "asymmetry" in r.lower()), f"{name}: {values}")
        detail = "\n".join(dict.fromkeys(reason for r in rows for reason in r.reasons))
        lines.append(GlanceLine(flag, code, side, first.mode, text, detail, short or text))
    rank = {flag: i for i, flag in enumerate(GLANCE_ORDER)}
    lines.sort(key=lambda line: rank.get(line.flag, len(rank)))
    return lines


@dataclass(frozen=True)
class SeriesPoint:
    """One visit's value of a measure, for a chart over time."""

    assessment_id: int
    date: date
    value: float
    signed: bool
    pain: bool
    computed: bool


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


def _readings(
    assessment: AssessmentRecord, cat: Catalogue
) -> tuple[dict[Key, _Reading], FmsResult | None]:
    """The assessment's values by key, with the computed measures added."""
    out: dict[Key, _Reading] = {}
    for m in assessment.measurements:
        out.setdefault(
            (m.code, m.side, m.mode),
            _Reading(m.value, m.pain, m.instrument, m.rater),
        )
    _add_ybalance(out)
    fms = _add_fms(out, assessment)
    _add_outcomes(out, assessment)
    return out, fms


def _add_ybalance(out: dict[Key, _Reading]) -> None:
    for side in ("left", "right"):
        key: Key = (YBALANCE_COMPOSITE, side, "none")
        if key in out:
            continue
        reaches = [out.get((code, side, "none")) for code in YBALANCE_REACHES]
        limb = out.get((LIMB_LENGTH, side, "none")) or out.get((LIMB_LENGTH, "none", "none"))
        if limb is None or limb.value <= 0 or any(r is None for r in reaches):
            continue
        a, pm, pl = (r.value for r in reaches if r is not None)
        out[key] = _Reading(
            round(ybalance_composite(a, pm, pl, limb.value), 1),
            pain=any(r.pain for r in reaches if r is not None),
            computed=True,
        )


def _add_fms(out: dict[Key, _Reading], assessment: AssessmentRecord) -> FmsResult | None:
    scores: dict[str, dict[Side, int]] = {}
    for (code, side, _mode), reading in out.items():
        if code in FMS_TESTS:
            scores.setdefault(code, {})[side] = round(reading.value)
    clearing: dict[str, bool] = {}
    for (code, _side, _mode), reading in out.items():
        if code in FMS_CLEARING:
            clearing[code] = clearing.get(code, False) or reading.pain or reading.value > 0
    for f in assessment.findings:
        if f.test_code in FMS_CLEARING:
            positive = f.rating.lower() in ("positive", "pain") or (f.score or 0) > 0
            clearing[f.test_code] = clearing.get(f.test_code, False) or positive
    if not scores and not any(clearing.values()):
        return None
    try:
        result = fms_total(scores, clearing)
    except ValueError:
        return None
    key: Key = (FMS_TOTAL, "none", "none")
    if result.total is not None and key not in out:
        out[key] = _Reading(float(result.total), computed=True)
    return result


def _add_outcomes(out: dict[Key, _Reading], assessment: AssessmentRecord) -> None:
    for outcome in assessment.outcomes:
        code = f"{outcome.instrument.lower()}.total"
        key: Key = (code, "none", "none")
        if key in out or (outcome.instrument.lower(), "none", "none") in out:
            continue
        total = outcome.total
        if total is None and outcome.instrument.lower() == "lefs":
            try:
                lefs = lefs_total(outcome.answers)
            except ValueError:
                lefs = None
            total = None if lefs is None else float(lefs)
        if total is not None:
            out[key] = _Reading(float(total), instrument="questionnaire", computed=True)


def _sorted(items: Iterable[tuple[Key, _Reading]], cat: Catalogue) -> list[tuple[Key, _Reading]]:
    order = {code: i for i, code in enumerate(cat.measures)}

    def rank(item: tuple[Key, _Reading]) -> tuple[int, str, int, int]:
        (code, side, mode), _ = item
        return (order.get(code, len(order)), code, _SIDE_ORDER[side], _MODE_ORDER[mode])

    return sorted(items, key=rank)


def _measure(cat: Catalogue, code: str) -> Measure:
    found = cat.get(code) or _FALLBACK_MEASURES.get(code)
    if found is not None:
        return found
    return Measure(
        code=code,
        label=code,
        label_es=code,
        kind="score",
        region="",
        unit="",
        bounds=(float("-inf"), float("inf")),
        bilateral=False,
        modes=("none",),
    )


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

    norm = compare_with_norm(measure, reading.value, sex, age, mode, reading.instrument)
    if norm.flag == "below":
        flags.append(FLAG_BELOW_NORM)
    elif norm.flag == "above":
        flags.append(FLAG_ABOVE_NORM)
    if known and (norm.norm is not None or measure.norms):
        reasons.append(f"{name} {value_text}: {norm.reason}")

    sides: SideComparison | None = None
    if side in ("left", "right"):
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
    if mode in ("active", "passive"):
        active = readings.get((code, side, "active"))
        passive = readings.get((code, side, "passive"))
        if active is not None and passive is not None:
            gap = active_passive_gap(
                measure, active.value, passive.value, side, active.instrument or ""
            )
            if mode == "active" and gap.control_deficit:
                flags.append(FLAG_CONTROL_DEFICIT)
                reasons.append(gap.reason)

    change = _change(measure, key, reading, earlier, name, value_text)
    if change.verdict == "improved":
        flags.append(FLAG_IMPROVED)
    elif change.verdict == "worse":
        flags.append(FLAG_WORSE)
    if change.verdict in ("improved", "worse", "unchanged", "undetermined"):
        reasons.append(change.reason)

    if code == FMS_TOTAL and fms is not None:
        for test in fms.zeroed_by_clearing:
            reasons.append(
                f"{_measure(cat, test).label} scored 0: its clearing test was painful "
                f"(FMS scoring{_cite(measure)})."
            )
        if fms.asymmetric_tests:
            flags.append(FLAG_ASYMMETRY)
            names = ", ".join(_measure(cat, t).label for t in fms.asymmetric_tests)
            reasons.append(f"FMS asymmetry (left and right scored differently): {names}.")

    if reading.pain:
        flags.append(FLAG_PAIN)
        reasons.append(f"{name}: pain reported during the test.")

    return Interpretation(
        code=code,
        label=measure.label,
        side=side,
        mode=mode,
        value=reading.value,
        unit=measure.unit_label,
        value_text=value_text,
        pain=reading.pain,
        computed=reading.computed,
        known=known,
        norm=norm,
        sides=sides,
        gap=gap,
        change=change,
        flags=tuple(dict.fromkeys(flags)),
        reasons=tuple(reasons),
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


__all__ = [
    "ABOVE_NORM_PERCENT",
    "BELOW_NORM_PERCENT",
    "DEFAULT_LSI_THRESHOLD",
    "FLAGS",
    "FLAG_ABOVE_NORM",
    "FLAG_ASYMMETRY",
    "FLAG_BELOW_NORM",
    "FLAG_CLINICALLY_IMPORTANT",
    "FLAG_FAULTS",
    "FLAG_CONTROL_DEFICIT",
    "FLAG_IMPROVED",
    "FLAG_PAIN",
    "FLAG_WORSE",
    "FMS_CLEARING",
    "FMS_TESTS",
    "GLANCE_ORDER",
    "ActivePassiveGap",
    "AssessmentInterpretation",
    "Change",
    "FmsResult",
    "GlanceLine",
    "Interpretation",
    "NormComparison",
    "SeriesPoint",
    "SideComparison",
    "SummaryRow",
    "active_passive_gap",
    "compare_sides",
    "compare_with_norm",
    "fms_total",
    "glance",
    "interpret_assessment",
    "judge_change",
    "lefs_total",
    "measure_for",
    "measure_series",
    "summary_rows",
    "ybalance_composite",
]


# -- words for the client ------------------------------------------------------------------

_CLIENT_WORDS: dict[str, dict[str, str]] = {
    "en": {
        FLAG_BELOW_NORM: "less movement than usual for your age",
        FLAG_ABOVE_NORM: "more movement than usual for your age",
        FLAG_ASYMMETRY: "clearly different from the other side",
        FLAG_CONTROL_DEFICIT: "moves further with help than on its own: control work",
        FLAG_IMPROVED: "better than last time",
        FLAG_WORSE: "not as good as last time",
        FLAG_PAIN: "painful during the test",
        "left": "left",
        "right": "right",
    },
    "es": {
        FLAG_BELOW_NORM: "menos movimiento de lo habitual para su edad",
        FLAG_ABOVE_NORM: "más movimiento de lo habitual para su edad",
        FLAG_ASYMMETRY: "claramente distinto del otro lado",
        FLAG_CONTROL_DEFICIT: "llega más lejos con ayuda que por sí solo: trabajo de control",
        FLAG_IMPROVED: "mejor que la última vez",
        FLAG_WORSE: "peor que la última vez",
        FLAG_PAIN: "con dolor durante la prueba",
        "left": "izquierda",
        "right": "derecha",
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
        label = code if measure is None else (measure.label_es if lang == "es" else measure.label)
        if side in ("left", "right"):
            label = f"{label}, {words[side]}"
        out.append(f"{label}: {'; '.join(phrases)}")
    return out
