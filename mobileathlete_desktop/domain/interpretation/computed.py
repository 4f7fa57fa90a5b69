"""Computed scores: Y-Balance composite, FMS total, LEFS total, hop limb symmetry indices, hip
strength per body mass, and an assessment's readings with its computed rows added. The only
scorers: live entry, summaries and reports use them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from mobileathlete_desktop.domain.catalogue import (
    Catalogue,
    Measure,
    Side,
)
from mobileathlete_desktop.domain.interpretation.codes import (
    _FALLBACK_MEASURES,
    DF_KNEE_FLEXED,
    DF_WEIGHT_BEARING,
    FMS_CLEARING,
    FMS_MAX_SCORE,
    FMS_TESTS,
    FMS_TOTAL,
    LEFS_ITEMS,
    LEFS_MAX_ITEM,
    LIMB_LENGTH,
    WEIGHT_BEARING_ABBREVIATION,
    WEIGHT_BEARING_WORDS,
    YBALANCE_COMPOSITE,
    YBALANCE_REACHES,
)
from mobileathlete_desktop.domain.interpretation.results import (
    _MODE_ORDER,
    _SIDE_ORDER,
    FmsResult,
    Key,
    _Reading,
)
from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
)
from mobileathlete_desktop.support.i18n import texts
from mobileathlete_desktop.support.languages import DEFAULT_LANGUAGE

# --- Computed measures ---------------------------------------------------------------------

# Each hop test and its limb symmetry index (catalogue codes, catalogue 2026.4).
HOP_LSI: Mapping[str, str] = {
    "hop.single": "hop.single.lsi",
    "hop.triple": "hop.triple.lsi",
    "hop.crossover": "hop.crossover.lsi",
    "hop.timed_6m": "hop.timed_6m.lsi",
}
BODY_MASS = "body.mass"
# Hip strength in Nm/kg from its force (N) and lever arm (m), with the body mass of the visit.
HIP_STRENGTH: Mapping[str, tuple[str, str]] = {
    "hip.abduction.strength": ("hip.abduction.force", "hip.abduction.lever_arm"),
    "hip.extension.strength": ("hip.extension.force", "hip.extension.lever_arm"),
}


def limb_symmetry_index(left: float, right: float) -> float:
    """The weaker side's performance as a percentage of the stronger's: the smaller value over
    the larger x 100. For a timed test (lower is better) that is the faster time over the
    slower, the inverted LSI (2.1 s and 2.4 s give 87.5%); for distances the shorter over the
    longer. Left and right stand in for involved and uninvolved, whichever side is weaker."""
    if left <= 0 or right <= 0:
        raise ValueError("both sides need a positive value for a limb symmetry index")
    return min(left, right) / max(left, right) * 100


def torque_per_body_mass(force_n: float, lever_arm_m: float, body_mass_kg: float) -> float:
    """Torque normalised to body mass, Nm/kg: force (N) x lever arm (m) / body mass (kg)."""
    if force_n < 0 or lever_arm_m <= 0 or body_mass_kg <= 0:
        raise ValueError("force must be 0 or more, lever arm and body mass positive")
    return force_n * lever_arm_m / body_mass_kg


def ybalance_composite(
    anterior: float, posteromedial: float, posterolateral: float, limb_length: float
) -> float:
    """Y-Balance composite, percent of limb length: (A + PM + PL) / (3 × LL) × 100 (Plisky 2006)."""
    if limb_length <= 0:
        raise ValueError("limb length must be positive")
    return (anterior + posteromedial + posterolateral) / (3 * limb_length) * 100


def fms_test_score(
    test: str,
    scores: Mapping[Side, float | None],
    zeroed: bool = False,
    bilateral: bool | None = None,
) -> int | None:
    """One FMS test's final score (Cook, Burton & Hoogenboom 2006): 0 when its clearing test
    was painful, else the lower side; None while a side a bilateral test needs is missing.

    The one rule behind the live score in the editor, the stored total and the reports.
    """
    if zeroed:
        return 0
    if bilateral is None:
        bilateral = len(scores) > 1
    known = [v for v in scores.values() if v is not None]
    if not known:
        return None
    if bilateral and (scores.get("left") is None or scores.get("right") is None):
        return None
    for value in known:
        if not 0 <= value <= FMS_MAX_SCORE or int(value) != value:
            raise ValueError(f"{test}: FMS scores are whole numbers 0–3, not {value:g}")
    return int(min(known))


def fms_total(
    scores: Mapping[str, Mapping[Side, int]],
    clearing: Mapping[str, bool] | None = None,
    bilateral: Mapping[str, bool] | None = None,
) -> FmsResult:
    """Scores a Functional Movement Screen (Cook, Burton & Hoogenboom 2006).

    `scores` maps each test code to its score per side ("none" for the unilateral tests),
    0–3. A bilateral test (per `bilateral`, else: both sides given) scores its lower side and
    needs both; differing sides are an asymmetry. A positive (painful) clearing test in
    `clearing` scores its linked test 0. The total is None until all seven tests are scored.
    """
    clearing = clearing or {}
    unknown = set(clearing) - set(FMS_CLEARING)
    if unknown:
        raise ValueError(
            texts(DEFAULT_LANGUAGE).ngettext(
                "unknown FMS clearing test: {codes}",
                "unknown FMS clearing tests: {codes}",
                len(unknown),
                codes=", ".join(sorted(unknown)),
            )
        )
    zeroed = tuple(FMS_CLEARING[code] for code in FMS_CLEARING if clearing.get(code, False))
    result: dict[str, int] = {}
    asymmetric: list[str] = []
    missing: list[str] = []
    for test in FMS_TESTS:
        by_side: dict[Side, float | None] = dict(scores.get(test, {}))
        two = bilateral.get(test) if bilateral is not None else None
        if two and not by_side:
            by_side = {"left": None, "right": None}
        score = fms_test_score(test, by_side, test in zeroed, two)
        if score is None:
            missing.append(test)
            continue
        if len({by_side.get("left"), by_side.get("right")} - {None}) == 2:
            asymmetric.append(test)
        result[test] = score
    total = None if missing else sum(result.values())
    return FmsResult(
        total=total,
        scores=result,
        asymmetric_tests=tuple(asymmetric),
        zeroed_by_clearing=zeroed,
        missing=tuple(missing),
    )


def fms_clearing(assessment: AssessmentRecord) -> dict[str, bool]:
    """Each clearing test recorded: positive (painful) or not, from its value, its pain mark or
    a finding rated positive."""
    clearing: dict[str, bool] = {}
    for m in assessment.measurements:
        if m.code in FMS_CLEARING:
            clearing[m.code] = clearing.get(m.code, False) or m.pain or m.value > 0
    for f in assessment.findings:
        if f.test_code in FMS_CLEARING:
            positive = f.rating.lower() in ("positive", "pain") or (f.score or 0) > 0
            clearing[f.test_code] = clearing.get(f.test_code, False) or positive
    return clearing


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


def _readings(
    assessment: AssessmentRecord, cat: Catalogue
) -> tuple[dict[Key, _Reading], FmsResult | None]:
    """The assessment's values by key, with the computed measures added."""
    out: dict[Key, _Reading] = {}
    findings = {(f.test_code, f.side): f for f in assessment.findings}
    for m in assessment.measurements:
        code, mode = m.code, m.mode
        if code == DF_KNEE_FLEXED and is_weight_bearing(m.position):
            code, mode = DF_WEIGHT_BEARING, "active"
        finding = findings.get((code, m.side))
        out.setdefault(
            (code, m.side, mode),
            _Reading(
                m.value,
                m.pain,
                m.instrument,
                m.rater,
                faults=finding.faults if finding else (),
                rating=finding.rating if finding else "",
            ),
        )
    _add_findings(out, assessment, cat)
    _add_ybalance(out)
    _add_hop_lsi(out)
    _add_hip_strength(out)
    fms = _add_fms(out, assessment, cat)
    _add_outcomes(out, assessment)
    return out, fms


def is_weight_bearing(position: str) -> bool:
    """Whether a recorded position names the weight-bearing lunge."""
    words = position.lower()
    return WEIGHT_BEARING_ABBREVIATION in words.split() or any(
        w in words for w in WEIGHT_BEARING_WORDS
    )


def _add_findings(out: dict[Key, _Reading], assessment: AssessmentRecord, cat: Catalogue) -> None:
    """Motor-control findings (a rating and the faults seen) recorded without a value."""
    for f in assessment.findings:
        measure = cat.get(f.test_code)
        if measure is None or not measure.ratings:
            continue
        key: Key = (f.test_code, f.side, "none")
        if key in out:
            continue
        rating = f.rating.lower()
        if rating in measure.ratings:
            value = float(measure.ratings.index(rating))
        elif f.score is not None:
            value = float(f.score)
        elif f.faults:
            value = 1.0  # faults seen, no overall rating given: at least "fair"
        else:
            continue
        out[key] = _Reading(value, instrument="observation", faults=f.faults, rating=rating)


def _add_ybalance(out: dict[Key, _Reading]) -> None:
    for side in ("left", "right"):
        key: Key = (YBALANCE_COMPOSITE, side, "none")
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


def _add_hop_lsi(out: dict[Key, _Reading]) -> None:
    """Each hop test recorded on both legs: its limb symmetry index (pain on either side kept)."""
    for test, lsi_code in HOP_LSI.items():
        left, right = out.get((test, "left", "none")), out.get((test, "right", "none"))
        if left is None or right is None or left.value <= 0 or right.value <= 0:
            continue
        out[(lsi_code, "none", "none")] = _Reading(
            round(limb_symmetry_index(left.value, right.value), 1),
            pain=left.pain or right.pain,
            computed=True,
        )


def _add_hip_strength(out: dict[Key, _Reading]) -> None:
    """Hip strength per leg in Nm/kg, where the force, that leg's lever arm (or one for both
    legs) and the visit's body mass were recorded."""
    mass = out.get((BODY_MASS, "none", "none"))
    if mass is None or mass.value <= 0:
        return
    for code, (force_code, lever_code) in HIP_STRENGTH.items():
        for side in ("left", "right"):
            force = out.get((force_code, side, "none"))
            lever = out.get((lever_code, side, "none")) or out.get((lever_code, "none", "none"))
            if force is None or lever is None or lever.value <= 0 or force.value < 0:
                continue
            out[(code, side, "none")] = _Reading(
                round(torque_per_body_mass(force.value, lever.value, mass.value), 2),
                pain=force.pain,
                instrument="hhd",
                computed=True,
            )


def _add_fms(
    out: dict[Key, _Reading], assessment: AssessmentRecord, cat: Catalogue
) -> FmsResult | None:
    scores: dict[str, dict[Side, int]] = {}
    for (code, side, _mode), reading in out.items():
        if code in FMS_TESTS:
            scores.setdefault(code, {})[side] = round(reading.value)
    clearing = fms_clearing(assessment)
    if not scores and not any(clearing.values()):
        return None
    bilateral = {t: m.bilateral for t in FMS_TESTS if (m := cat.get(t)) is not None}
    try:
        result = fms_total(scores, clearing, bilateral or None)
    except ValueError:
        return None
    key: Key = (FMS_TOTAL, "none", "none")
    if result.total is not None:
        # Computed on read: a stored total that went stale never wins over its inputs.
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
        labels={"en": code},
        kind="score",
        region="",
        unit="",
        bounds=(float("-inf"), float("inf")),
        bilateral=False,
        modes=("none",),
    )
