"""Scores computed from recorded values: Y-balance composite, movement-screen total, glance flags.

Interim home for these computations until `domain/interpretation.py` (another branch) lands;
the lead will unify the two.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from mobileathlete_desktop.domain.catalogue import Catalogue, Side
from mobileathlete_desktop.domain.records import AssessmentRecord, ClientRecord

FMS_TESTS: tuple[str, ...] = (
    "fms.deep_squat",
    "fms.hurdle_step",
    "fms.inline_lunge",
    "fms.shoulder_mobility",
    "fms.aslr",
    "fms.trunk_stability_pushup",
    "fms.rotary_stability",
)
# A positive (painful) clearing test scores its linked test 0.
FMS_CLEARING: Mapping[str, str] = {
    "fms.clear.shoulder": "fms.shoulder_mobility",
    "fms.clear.spinal_extension": "fms.trunk_stability_pushup",
    "fms.clear.spinal_flexion": "fms.rotary_stability",
}
YBALANCE_REACHES: tuple[str, ...] = (
    "ybalance.anterior",
    "ybalance.posteromedial",
    "ybalance.posterolateral",
)


def ybalance_composite(
    anterior: float | None,
    posteromedial: float | None,
    posterolateral: float | None,
    limb_length: float | None,
) -> float | None:
    """(A + PM + PL) / (3 × limb length) × 100, rounded to 0.1; None until all four are known."""
    parts = (anterior, posteromedial, posterolateral, limb_length)
    if any(p is None for p in parts) or not limb_length:
        return None
    a, pm, pl = (float(p) for p in parts[:3] if p is not None)
    return round((a + pm + pl) / (3 * limb_length) * 100, 1)


def ybalance_composite_for(assessment: AssessmentRecord, side: Side) -> float | None:
    """One side's composite, or None while a reach or the limb length is missing."""
    a, pm, pl = (assessment.value(code, side) for code in YBALANCE_REACHES)
    return ybalance_composite(a, pm, pl, assessment.value("limb.length", side))


def fms_test_score(
    test: str, scores: Mapping[Side, float | None], clearing: Mapping[str, float | None]
) -> int | None:
    """One test's final score: the lower side, or 0 when its clearing test was positive."""
    for clear_code, linked in FMS_CLEARING.items():
        if linked == test and (clearing.get(clear_code) or 0) >= 1:
            return 0
    known = [v for v in scores.values() if v is not None]
    if not known:
        return None
    if len(scores) > 1 and len(known) < len(scores):
        return None
    return int(min(known))


def fms_clearing_results(assessment: AssessmentRecord) -> dict[str, float | None]:
    """Each clearing test's result (1 positive, 0 negative), the worse side for a bilateral one."""
    results: dict[str, float | None] = {}
    for code in FMS_CLEARING:
        values = [
            assessment.value(code, side)
            for side in ("none", "left", "right")
            if assessment.value(code, side) is not None
        ]
        results[code] = max(v for v in values if v is not None) if values else None
    return results


def fms_scores(
    assessment: AssessmentRecord, bilateral: Mapping[str, bool]
) -> dict[str, int | None]:
    """Final score of each of the seven tests (None while a needed side is missing)."""
    clearing = fms_clearing_results(assessment)
    scores: dict[str, int | None] = {}
    for test in FMS_TESTS:
        sides: tuple[Side, ...] = ("left", "right") if bilateral.get(test, False) else ("none",)
        scores[test] = fms_test_score(test, {s: assessment.value(test, s) for s in sides}, clearing)
    return scores


def fms_total(scores: Mapping[str, int | None]) -> int | None:
    """Sum of the seven final scores (0–21), or None until every test is scored."""
    values = [scores.get(t) for t in FMS_TESTS]
    if any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


FlagKind = Literal["below_norm", "asymmetry", "active_passive_gap", "real_change"]
FLAG_LABELS: Mapping[FlagKind, str] = {
    "below_norm": "Below norm",
    "asymmetry": "Asymmetry",
    "active_passive_gap": "Active–passive gap",
    "real_change": "Change beyond error",
}
ACTIVE_PASSIVE_GAP_DEG = 10.0


@dataclass(frozen=True)
class GlanceFlag:
    """One line of "latest findings at a glance": what is flagged and why, in words."""

    kind: FlagKind
    code: str
    label: str
    side: Side
    text: str


def glance_flags(
    catalogue: Catalogue,
    client: ClientRecord,
    latest: AssessmentRecord,
    previous: AssessmentRecord | None = None,
) -> list[GlanceFlag]:
    """Simple flags for the client page until the interpretation module replaces them.

    Below norm: under mean − 1 SD (or under 90 % of the mean when no SD is given).
    Asymmetry: the catalogue's absolute or LSI threshold. Active–passive gap: passive exceeds
    active by more than 10°. Change beyond error: the difference from the previous visit
    exceeds the measure's smallest real change.
    """
    flags: list[GlanceFlag] = []
    age = client.age_on(latest.date)
    for code in latest.codes():
        measure = catalogue.get(code)
        if measure is None or (measure.computed and code != "ybalance.composite"):
            continue
        for side in measure.sides:
            for mode in measure.modes:
                value = latest.value(code, side, mode)
                if value is None:
                    continue
                where = "" if side == "none" else f" {side}"
                norm = measure.norm_for(client.norm_sex, age, mode)
                if norm is not None and measure.higher_is_better:
                    limit = norm.mean - norm.sd if norm.sd else norm.mean * 0.9
                    if value < limit:
                        flags.append(
                            GlanceFlag(
                                "below_norm",
                                code,
                                measure.label,
                                side,
                                f"{measure.label}{where} {mode if mode != 'none' else ''}: "
                                f"{value:g}{measure.unit_label} below norm {norm.mean:g}",
                            )
                        )
                if previous is not None:
                    before = previous.value(code, side, mode)
                    error = measure.error_for()
                    real = error.smallest_real_change if error else None
                    if before is not None and real is not None and abs(value - before) > real:
                        flags.append(
                            GlanceFlag(
                                "real_change",
                                code,
                                measure.label,
                                side,
                                f"{measure.label}{where}: {before:g} → {value:g} (beyond {real:g})",
                            )
                        )
            if "active" in measure.modes and "passive" in measure.modes:
                active = latest.value(code, side, "active")
                passive = latest.value(code, side, "passive")
                if (
                    active is not None
                    and passive is not None
                    and passive - active > ACTIVE_PASSIVE_GAP_DEG
                ):
                    flags.append(
                        GlanceFlag(
                            "active_passive_gap",
                            code,
                            measure.label,
                            side,
                            f"{measure.label} {side}: active {active:g} vs passive {passive:g}",
                        )
                    )
        if measure.bilateral and measure.asymmetry is not None:
            mode = measure.modes[0]
            left = latest.value(code, "left", mode)
            right = latest.value(code, "right", mode)
            if left is not None and right is not None:
                rule = measure.asymmetry
                if rule.kind == "absolute":
                    beyond = abs(left - right) > rule.threshold
                else:
                    high = max(left, right)
                    beyond = high > 0 and min(left, right) / high * 100 < rule.threshold
                if beyond:
                    flags.append(
                        GlanceFlag(
                            "asymmetry",
                            code,
                            measure.label,
                            "none",
                            f"{measure.label}: left {left:g} vs right {right:g}",
                        )
                    )
    return flags
