"""The words of a judgement: flag codes, conventions, and the frozen result records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from mobileathlete_desktop.domain.catalogue import (
    Mode,
    Norm,
    Side,
    SideExpression,
)
from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
    ClientRecord,
)

# --- Clinic conventions (not published cut-offs; each reason that uses one says so) ---------

# A value is "below norm" when it is under this percentage of the normative mean AND the
# shortfall exceeds the measure's MDC95. The CDC norms give a mean and the 95% CI of the mean,
# not an SD, so a "mean - 2 SD" rule cannot be applied consistently across the catalogue; the
# percentage is the clinic's convention, the MDC95 guard keeps a 3° shortfall from ever being
# called "below" when the goniometer cannot tell 3° apart.
BELOW_NORM_PERCENT = 90.0
# Where the norm has an SD, "below" and "above" mean outside the usual range of healthy people,
# mean ± REFERENCE_Z·SD (z 1.645: the 5th to the 95th percentile), *and* farther from the mean
# than the measurement error. The percentage rule above is kept only for a reference value
# published without any spread (the AAOS single values), and each reason says which applied.
REFERENCE_Z = 1.645
# Mirror rule for "above norm" (hypermobility, or slow for a timed test).
ABOVE_NORM_PERCENT = 110.0
# The common return-to-sport criterion (LSI >= 90%), used by charts when a measure has no rule.
DEFAULT_LSI_THRESHOLD = 90.0
# Floating-point slack so that a change *exactly* equal to a threshold is treated as equal.
_EPSILON = 1e-9
# An active–passive gap beyond its error is a control deficit (the flag, and control work);
# only one more than this many times its error is *said* to be "a control deficit, not a
# flexibility limit". Nearer the error the words are "active short of passive by more than
# the measurement error; healthy runners show some gap too: judge clinically". A clinic
# convention: no published figure for the healthy active–passive difference could be read
# (rules.gap_error), and a 5° or 6° gap against a goniometer's 4° says little more than that
# (the margin, half the error again, is "a few degrees" there: 6° for 4°, 12.9° for 8.6°).
CLEAR_GAP_FACTOR = 1.5

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
# At or past a published decision criterion (hop LSI under 90%) or screening cut-point
# (Beighton 5 or more). A reference value from one injury cohort (Y-Balance composite under
# 94%, FMS total 14 or less) is never flagged: it is said in the row's reason, for
# information ("not a risk prediction"), and only for a runner of the group it was measured in.
FLAG_CUTOFF = "cutoff"
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
    FLAG_CUTOFF,
)

NormFlag = Literal["below", "within", "above", "no_norm", "not_judged"]
# "undetectable": within an error so large that the test cannot show a change of this size
# with this instrument (rules.change_undetectable), said instead of "unchanged".
Verdict = Literal["improved", "unchanged", "worse", "no_previous", "undetermined", "undetectable"]
RaterKind = Literal["intra", "inter"]

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
    low: float | None = None
    """The lower end of the usual range (mean − REFERENCE_Z·SD), None without an SD."""
    high: float | None = None
    cutoff: str = ""
    """A published reference point the value crossed, in words (never a risk)."""
    cutoff_source: str = ""
    cutoff_kind: str = ""
    """"criterion" or "screen" (a finding, FLAG_CUTOFF), or "reference": a value from one
    injury cohort (Plisky 2006, Kiesel 2007), said in the reason for information only and
    never a finding."""


@dataclass(frozen=True)
class SideComparison:
    """Left against right for one measure and mode, said as the measure's `side_expression`:
    a percent measure has its limb symmetry index; a difference measure (an angle, a value
    near or across zero) has none (`lsi` None), only the difference in its unit."""

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
    expressed: SideExpression = "percent"
    """"percent" (limb symmetry index) or "difference" (in the measure's unit)."""


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
    pain_limited: bool = False
    """Beyond the error, but the active or passive reading was painful: pain may be what
    limits the active range, so it is no control deficit (and chooses no resisted drill)."""

    @property
    def clear(self) -> bool:
        """A control deficit more than CLEAR_GAP_FACTOR times its error: said as one. A
        deficit between once and that many times its error is said as a shortfall to judge
        clinically (healthy runners show a few degrees of gap too)."""
        return self.control_deficit and gap_is_clear(self.gap, self.error)


def gap_is_clear(gap: float, error: float | None) -> bool:
    """Whether an active–passive gap is more than CLEAR_GAP_FACTOR times its error."""
    return error is not None and gap - CLEAR_GAP_FACTOR * error > _EPSILON


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
    beyond_error: bool | None = None
    """Whether the change is more than the measurement error (MDC); None when none is known."""
    important: bool | None = None
    """Whether it reaches the minimal clinically important difference; None when none is known."""
    mcid: str = ""
    """The MCID in words ("2 points or 30%") and its source, when the measure has one."""
    mcid_source: str = ""

    @property
    def at_error(self) -> bool:
        """Whether the change is exactly the measurement error: not beyond it (MDC is passed
        only by more, strictly), yet not "within" it either (LEFS 72 → 63 against Binkley
        1999's 9 points): the words say "at the measurement error"."""
        if self.beyond_error is not False or self.mdc is None or self.delta is None:
            return False
        return abs(abs(self.delta) - self.mdc) <= 1e-6


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
    faults: tuple[str, ...] = ()
    """Movement faults seen (motor-control tests), as catalogue fault codes."""
    rating: str = ""
    """A motor-control test's overall rating ("good", "fair", "poor"), when one was given."""

    @property
    def key(self) -> Key:
        """The (code, side, mode) this row is about."""
        return (self.code, self.side, self.mode)

    def figures(self) -> dict[str, Any]:
        """The numbers behind each flag, grouped: norm, sides, gap, change, cut-off, faults."""
        norm, sides, gap, change = self.norm.norm, self.sides, self.gap, self.change
        return {
            "norm": None
            if norm is None
            else {
                "mean": norm.mean,
                "sd": norm.sd,
                "sex": norm.sex,
                "age_min": norm.age_min,
                "age_max": norm.age_max,
                "mode": norm.mode,
                "position": norm.position,
                "population": norm.population,
                "source": norm.source,
                "usual_low": self.norm.low,
                "usual_high": self.norm.high,
                "error": self.norm.error,
                "percent": self.norm.percent_of_norm,
                "flag": self.norm.flag,
            },
            "sides": None
            if sides is None
            else {
                "difference": sides.difference,
                "lsi": sides.lsi,
                "expressed": sides.expressed,
                "threshold": sides.threshold,
                "threshold_kind": sides.threshold_kind,
                "source": sides.source,
                "asymmetric": sides.asymmetric,
            },
            "gap": None
            if gap is None
            else {
                "active": gap.active,
                "passive": gap.passive,
                "gap": gap.gap,
                "error": gap.error,
                "source": gap.source,
                "control_deficit": gap.control_deficit,
            },
            "change": {
                "verdict": change.verdict,
                "previous_value": change.previous_value,
                "previous_date": change.previous_date,
                "delta": change.delta,
                "mdc": change.mdc,
                "source": change.source,
                "beyond_error": change.beyond_error,
                "clinically_important": change.important,
                "mcid": change.mcid or None,
                "mcid_source": change.mcid_source or None,
            },
            "cutoff": None
            if not self.norm.cutoff
            else {"text": self.norm.cutoff, "source": self.norm.cutoff_source},
            "faults": list(self.faults),
            "rating": self.rating or None,
        }

    def to_json_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values (no catalogue objects)."""
        figures = self.figures()
        norm, sides, gap = figures["norm"], figures["sides"], figures["gap"]
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
            else {k: v for k, v in norm.items() if k not in ("percent", "flag")},
            "percent_of_norm": self.norm.percent_of_norm,
            "norm_flag": self.norm.flag,
            "cutoff": figures["cutoff"],
            "side_difference": None if sides is None else sides["difference"],
            "lsi": None if sides is None else sides["lsi"],
            "side_expressed": None if sides is None else sides["expressed"],
            "asymmetric": None if sides is None else sides["asymmetric"],
            "side_threshold": None if sides is None else sides["threshold"],
            "side_threshold_kind": None if sides is None else sides["threshold_kind"],
            "side_source": None if sides is None else sides["source"],
            "active_passive_gap": None if gap is None else gap["gap"],
            "control_deficit": None if gap is None else gap["control_deficit"],
            "gap_error": None if gap is None else gap["error"],
            "gap_source": None if gap is None else gap["source"],
            "change": figures["change"],
            "faults": figures["faults"],
            "rating": figures["rating"],
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


@dataclass(frozen=True)
class SeriesPoint:
    """One visit's value of a measure, for a chart over time."""

    assessment_id: int
    date: date
    value: float
    signed: bool
    pain: bool
    computed: bool


@dataclass(frozen=True)
class _Reading:
    value: float
    pain: bool = False
    instrument: str = ""
    rater: str = ""
    computed: bool = False
    faults: tuple[str, ...] = ()
    rating: str = ""
