"""The demo clinic's invented values: typical ranges with a client's own deficits recovering
over visits, the runner test battery, and movement-test findings (demo only, not norms)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from mobileathlete_desktop.domain.catalogue import Catalogue, Measure
from mobileathlete_desktop.storage.models import Finding, Measurement

# Typical adult values (demo only, not norms): mean and spread for a healthy runner.
TYPICAL: dict[str, tuple[float, float]] = {
    "hip.flexion": (125, 8),
    "hip.extension": (18, 5),
    "hip.internal_rotation": (35, 6),
    "hip.external_rotation": (40, 6),
    "hip.abduction": (40, 5),
    "knee.flexion": (138, 6),
    "knee.extension": (1, 2),
    "ankle.dorsiflexion.knee_extended": (12, 3),
    "ankle.dorsiflexion.knee_flexed": (18, 4),
    "ankle.plantarflexion": (52, 6),
    "hallux.extension": (65, 8),
    "slr": (75, 9),
    "thomas.hip_extension": (8, 5),
    "ober.hip_adduction": (24, 6),
    "wblt.distance": (11, 2.5),
    "ankle.dorsiflexion.weight_bearing": (40, 5),
    "balance.single_leg": (28, 6),
    "limb.length": (90, 5),
    "ybalance.anterior": (62, 6),
    "ybalance.posteromedial": (100, 8),
    "ybalance.posterolateral": (96, 8),
}
# The runner test battery (demo only, not norms): a healthy runner's mean and spread. Recorded
# from the second visit on for about a third of the clients, the involved leg short of the
# other early on and catching up as the client recovers.
BATTERY: dict[str, tuple[float, float]] = {
    "hop.single": (155, 20),
    "hop.triple": (460, 55),
    "hop.crossover": (420, 50),
    "hop.timed_6m": (2.1, 0.2),  # seconds: the involved leg is slower
    "calf.heel_rise": (26, 5),
}
ROM_ORDER = (
    "hip.flexion",
    "hip.extension",
    "hip.internal_rotation",
    "hip.external_rotation",
    "hip.abduction",
    "knee.flexion",
    "knee.extension",
    "ankle.dorsiflexion.knee_extended",
    "ankle.dorsiflexion.knee_flexed",
    "ankle.plantarflexion",
    "hallux.extension",
    "slr",
    "thomas.hip_extension",
)
FMS_TESTS = (
    "fms.deep_squat",
    "fms.hurdle_step",
    "fms.inline_lunge",
    "fms.shoulder_mobility",
    "fms.aslr",
    "fms.trunk_stability_pushup",
    "fms.rotary_stability",
)


@dataclass
class Deficit:
    """A problem a demo client starts with, which recovers over visits."""

    code: str
    side: str
    amount: float
    control: bool  # active short of passive: a control deficit


def clamp(measure: Measure, value: float) -> float:
    low, high = measure.bounds
    step = measure.step or 1.0
    value = round(round(value / step) * step, 6)  # 27.2, not 27.200000000000003
    return float(min(max(value, low), high))


def reading(
    measure: Measure,
    assessment_id: int,
    side: str,
    mode: str,
    value: float,
    therapist: str,
    *,
    pain: bool = False,
    instrument: str | None = None,
) -> Measurement:
    """One demo value of `measure`, taken by `therapist` with the measure's instrument."""
    return Measurement(
        assessment_id=assessment_id,
        code=measure.code,
        side=side,
        mode=mode,
        value=value,
        unit=measure.unit,
        pain=pain,
        instrument=instrument or measure.instrument,
        rater=therapist,
    )


def pick_deficits(rng: random.Random) -> list[Deficit]:
    options = [
        Deficit("ankle.dorsiflexion.knee_flexed", "right", 9, False),
        Deficit("wblt.distance", "right", 4, False),
        Deficit("ankle.dorsiflexion.weight_bearing", "right", 10, False),
        Deficit("hip.extension", "left", 10, True),
        Deficit("hip.internal_rotation", "right", 12, False),
        Deficit("hallux.extension", "left", 20, False),
        Deficit("slr", "right", 15, False),
        Deficit("balance.single_leg", "left", 12, False),
        Deficit("ybalance.anterior", "right", 7, False),
        Deficit("hip.abduction", "right", 8, True),
    ]
    chosen = rng.sample(options, k=rng.randint(0, 3))
    for deficit in chosen:
        if rng.random() < 0.5:
            deficit.side = "left" if deficit.side == "right" else "right"
    return chosen


def visit_values(
    rng: random.Random,
    cat: Catalogue,
    personal: dict[str, float],
    deficits: list[Deficit],
    recovery: float,
    assessment_id: int,
    therapist: str,
) -> list[Measurement]:
    rows: list[Measurement] = []
    for code, (mean, sd) in TYPICAL.items():
        measure = cat.get(code)
        if measure is None:
            continue
        for side in measure.sides:
            base = mean + personal[code]
            control_gap = 0.0
            for d in deficits:
                if d.code == code and d.side == side:
                    if d.control:
                        control_gap = d.amount * (1 - recovery)
                    else:
                        base -= d.amount * (1 - recovery)
            if code == "limb.length":
                base = mean + personal[code]
            for mode in measure.modes:
                noise = rng.gauss(0, sd * 0.12)
                value = base + noise
                if mode == "active":
                    value -= abs(rng.gauss(3, 1.5)) + control_gap
                rows.append(
                    reading(
                        measure,
                        assessment_id,
                        side,
                        mode,
                        clamp(measure, value),
                        therapist,
                        # Drawn for every reading (the seed's values stay as they were); a
                        # body measurement (limb length) is never painful.
                        pain=rng.random() < 0.04 and not measure.body_measure,
                    )
                )
    for code in FMS_TESTS:
        measure = cat.get(code)
        if measure is None:
            continue
        for side in measure.sides:
            score = min(3, max(0, round(rng.gauss(2 + 0.5 * recovery, 0.6))))
            rows.append(
                reading(
                    measure,
                    assessment_id,
                    side,
                    "none",
                    float(score),
                    therapist,
                    instrument="observation",
                )
            )
    return rows


def battery_values(
    rng: random.Random,
    cat: Catalogue,
    involved: str,
    recovery: float,
    painful_hops: bool,
    assessment_id: int,
    therapist: str,
) -> list[Measurement]:
    """Hop tests and heel-rise endurance for one visit: the involved leg at 78-98% of the
    other as the client recovers; `painful_hops` marks the involved leg's hops painful."""
    rows: list[Measurement] = []
    share = 0.78 + 0.2 * recovery
    for code, (mean, sd) in BATTERY.items():
        measure = cat.get(code)
        if measure is None:
            continue
        base = mean + rng.gauss(0, sd * 0.5)
        for side in measure.sides:
            value = base + rng.gauss(0, sd * 0.05)
            if side == involved:
                value = value / share if code == "hop.timed_6m" else value * share
            rows.append(
                reading(
                    measure,
                    assessment_id,
                    side,
                    "none",
                    clamp(measure, value),
                    therapist,
                    pain=painful_hops and side == involved and code.startswith("hop."),
                )
            )
    return rows


def visit_findings(
    rng: random.Random,
    cat: Catalogue,
    deficits: list[Deficit],
    recovery: float,
    assessment_id: int,
) -> list[Finding]:
    rows: list[Finding] = []
    control_problem = any(d.control for d in deficits)
    for code in ("sls", "stepdown"):
        measure = cat.get(code)
        if measure is None:
            continue
        for side in measure.sides:
            chance = (0.6 if control_problem else 0.25) * (1 - recovery * 0.7)
            faults = [f.code for f in measure.faults if rng.random() < chance]
            rating = "good" if not faults else ("fair" if len(faults) == 1 else "poor")
            if measure.ratings and rating not in measure.ratings:
                rating = ""
            rows.append(
                Finding(
                    assessment_id=assessment_id,
                    test_code=code,
                    side=side,
                    faults=faults,
                    rating=rating,
                )
            )
    return rows
