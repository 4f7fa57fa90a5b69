"""Recommended drills: the interpreted findings mapped to exercises, ranked, each with a reason."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from mobileathlete_desktop.domain.programs import ProgramItemRecord

T = TypeVar("T")

# Which kinds of drill answer a finding at a measure: measure-code prefix → target tags.
# A drill matches when one of these tags (or the measure code, or its region) is among
# the drill's targets. Most specific prefix first.
TARGETS_BY_MEASURE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ankle.dorsiflexion", ("ankle.dorsiflexion", "ankle", "calf", "ankle.mobility")),
    ("wblt", ("ankle.dorsiflexion", "ankle", "calf", "ankle.mobility")),
    ("ankle.plantarflexion", ("ankle", "calf", "calf.strength")),
    ("hallux", ("hallux", "foot", "big_toe")),
    ("hip.extension", ("hip.extension", "hip_flexors", "hip.flexor", "hip")),
    ("thomas", ("hip.extension", "hip_flexors", "hip.flexor", "hip")),
    ("hip.internal_rotation", ("hip.rotation", "hip.internal_rotation", "hip")),
    ("hip.external_rotation", ("hip.rotation", "hip.external_rotation", "hip")),
    ("hip.abduction", ("hip.abduction", "glute_med", "hip.abductors", "hip")),
    ("hip.flexion", ("hip.flexion", "hip")),
    ("slr", ("hamstring", "hamstrings", "slr", "posterior_chain")),
    ("knee.flexion", ("quadriceps", "knee.flexion", "knee")),
    ("knee.extension", ("knee.extension", "knee", "hamstring")),
    ("balance", ("balance", "control", "single_leg")),
    ("ybalance", ("balance", "control", "single_leg")),
    ("sls", ("control", "single_leg", "glute_med", "knee_control")),
    ("stepdown", ("control", "single_leg", "glute_med", "knee_control")),
)

# What the chosen drills work on, by measure-code prefix (said after the finding).
PURPOSES: tuple[tuple[str, tuple[str, str]], ...] = (
    ("ankle.dorsiflexion", ("ankle mobility and calf control", "movilidad de tobillo y control")),
    ("wblt", ("ankle mobility and calf control", "movilidad de tobillo y control")),
    ("ankle.plantarflexion", ("calf strength and ankle range", "fuerza de gemelo y tobillo")),
    ("hallux", ("big-toe mobility", "movilidad del dedo gordo")),
    ("hip.extension", ("hip extension and hip-flexor mobility", "extensión de cadera")),
    ("thomas", ("hip extension and hip-flexor mobility", "extensión de cadera")),
    ("hip.internal_rotation", ("hip rotation mobility and control", "rotación de cadera")),
    ("hip.external_rotation", ("hip rotation mobility and control", "rotación de cadera")),
    ("hip.abduction", ("hip abductor strength and control", "abductores de cadera")),
    ("hip.flexion", ("hip flexion mobility", "flexión de cadera")),
    ("slr", ("hamstring mobility", "movilidad de isquiotibiales")),
    ("knee.flexion", ("knee bend and quadriceps mobility", "flexión de rodilla")),
    ("knee.extension", ("full knee extension", "extensión completa de rodilla")),
    ("balance", ("single-leg balance", "equilibrio sobre una pierna")),
    ("ybalance", ("single-leg balance and reach", "equilibrio y alcance")),
    ("sls", ("single-leg control of hip and knee", "control de cadera y rodilla")),
    ("stepdown", ("single-leg control of hip and knee", "control de cadera y rodilla")),
)
PAIN_NOTE = {"en": "keep it pain-free", "es": "sin provocar dolor"}
LOADED_CATEGORIES = frozenset({"strength", "running"})
CONTROL_NOTE = {
    "en": "active control work (a control deficit, not a flexibility limit)",
    "es": "trabajo activo de control (déficit de control, no de flexibilidad)",
}

# How much each flag weighs when ranking findings (higher first).
FLAG_WEIGHTS: dict[str, float] = {
    "control_deficit": 4.5,
    "asymmetry": 2.0,
    "below_norm": 2.0,
    "worse": 1.5,
    "faults": 1.5,
    "pain": 0.5,
}
ACTIONABLE = frozenset(FLAG_WEIGHTS) - {"pain"}

# With nothing to fix, a runner keeps ankles, hips, hamstrings and balance in shape.
MAINTENANCE_TARGETS: tuple[tuple[str, ...], ...] = (
    ("ankle.dorsiflexion", "ankle", "calf"),
    ("hip.extension", "hip_flexors", "hip"),
    ("glute_med", "hip.abduction", "hip.abductors"),
    ("balance", "single_leg", "control"),
    ("hamstring", "hamstrings", "posterior_chain"),
)
MAINTENANCE_REASON = {
    "en": "General runner maintenance: no findings need special work",
    "es": "Mantenimiento general del corredor: ningún hallazgo necesita un trabajo especial",
}

STATIC_CATEGORIES = frozenset({"stretch", "static_stretch", "flexibility"})
MOBILITY_CATEGORIES = frozenset({"mobility", *STATIC_CATEGORIES})
CONTROL_CATEGORIES = frozenset({"control", "strength", "motor_control", "balance"})
MAX_DRILLS = 6
PER_FINDING = 2


@dataclass(frozen=True)
class Observation:
    """One interpreted finding: a measure and side, its flags and the reason in plain words."""

    code: str
    side: str
    flags: frozenset[str]
    reason: str
    region: str = ""

    @property
    def weight(self) -> float:
        """How urgent this finding is for the program (sum of its flags' weights)."""
        return sum(FLAG_WEIGHTS.get(flag, 0.0) for flag in self.flags)


@dataclass(frozen=True)
class Drill:
    """What the recommender needs to know about a drill in the library."""

    code: str
    category: str
    targets: frozenset[str]
    active: bool
    dosage: ProgramItemRecord = field(default_factory=lambda: ProgramItemRecord(""))

    @property
    def is_static_stretch(self) -> bool:
        """A passive hold: fine for a flexibility limit, not for a control deficit."""
        return self.category in STATIC_CATEGORIES or not self.active

    @property
    def trains_control(self) -> bool:
        """Active, controlled work through range."""
        return self.active and (self.category in CONTROL_CATEGORIES or self.category != "stretch")


@dataclass(frozen=True)
class Recommendation:
    """A drill suggested for a client, with why, how urgent (1 = first) and how much."""

    exercise_code: str
    reason: str
    priority: int
    dosage: ProgramItemRecord


def _for_measure(table: Sequence[tuple[str, T]], code: str) -> T | None:
    """The entry of a table keyed by measure-code prefix ("ankle.dorsiflexion" covers
    "ankle.dorsiflexion.knee_flexed") that covers this code, or None."""
    for prefix, entry in table:
        if code == prefix or code.startswith(prefix + "."):
            return entry
    return None


def targets_for(code: str) -> tuple[str, ...]:
    """The drill targets that answer a finding at this measure (empty when none are known)."""
    return _for_measure(TARGETS_BY_MEASURE, code) or ()


def purpose(observation: Observation, lang: str = "en") -> str:
    """What the drills for a finding work on, in words ("ankle mobility and calf control")."""
    if "control_deficit" in observation.flags:
        return CONTROL_NOTE.get(lang, CONTROL_NOTE["en"])
    words = _for_measure(PURPOSES, observation.code)
    return "" if words is None else words[1 if lang == "es" else 0]


def reason_for(observation: Observation, lang: str = "en") -> str:
    """The finding and what the drill works on: "Hip abduction, left: ...: hip abductor
    strength and control"."""
    what = purpose(observation, lang)
    text = f"{observation.reason}: {what}" if what else observation.reason
    if "pain" in observation.flags:
        text += f" ({PAIN_NOTE.get(lang, PAIN_NOTE['en'])})"
    return text


def _matches(drill: Drill, observation: Observation) -> int:
    """How well a drill answers a finding: 0 = not at all, higher = closer."""
    tags = targets_for(observation.code)
    wanted = [observation.code, *tags]
    if observation.region:
        wanted.append(observation.region)
    best = 0
    for rank, tag in enumerate(wanted):
        if tag in drill.targets:
            best = max(best, len(wanted) - rank)
    return best


def _suits(drill: Drill, observation: Observation) -> int:
    """Whether a drill's kind fits the finding: control deficits get active control work only."""
    if "control_deficit" in observation.flags or "faults" in observation.flags:
        if drill.is_static_stretch:
            return -1
        return 2 if drill.category in CONTROL_CATEGORIES else 1
    # A pure flexibility limit: mobility work first (active before static), stretches allowed.
    if drill.category in MOBILITY_CATEGORIES:
        return 3 if drill.active else 2
    return 1


def recommend(
    observations: Iterable[Observation],
    drills: Sequence[Drill],
    *,
    lang: str = "en",
    limit: int = MAX_DRILLS,
) -> list[Recommendation]:
    """Ranked drills for the findings; a general maintenance program when nothing is flagged."""
    seen = list(observations)
    findings = [o for o in seen if o.flags & ACTIONABLE]
    findings.sort(key=lambda o: -o.weight)
    # No loaded work (strength, running drills) through a region that hurt on testing: the
    # therapist may still add it; the suggestion does not.
    painful = {o.region for o in seen if "pain" in o.flags and o.region}
    chosen: dict[str, Recommendation] = {}
    per_finding: list[list[Drill]] = []
    for observation in findings:
        scored = []
        for drill in drills:
            if drill.category in LOADED_CATEGORIES and drill.targets & painful:
                continue
            match = _matches(drill, observation)
            fit = _suits(drill, observation)
            if match and fit >= 0:
                scored.append((fit, match, drill))
        scored.sort(key=lambda t: (-t[0], -t[1], t[2].code))
        per_finding.append([d for _, _, d in scored[:PER_FINDING]])
    # Round-robin: each finding's best drill first, then each finding's second.
    for turn in range(PER_FINDING):
        for observation, options in zip(findings, per_finding, strict=True):
            if len(chosen) >= limit or turn >= len(options):
                continue
            drill = options[turn]
            if drill.code in chosen:
                continue
            chosen[drill.code] = Recommendation(
                drill.code, reason_for(observation, lang), len(chosen) + 1, drill.dosage
            )
    if not findings:
        return maintenance_program(drills, lang=lang, limit=limit)
    return list(chosen.values())


def maintenance_program(
    drills: Sequence[Drill], *, lang: str = "en", limit: int = MAX_DRILLS
) -> list[Recommendation]:
    """One drill for each part of a runner's general upkeep (ankles, hips, balance...)."""
    reason = MAINTENANCE_REASON.get(lang, MAINTENANCE_REASON["en"])
    chosen: list[Recommendation] = []
    for tags in MAINTENANCE_TARGETS:
        candidates = sorted(
            (d for d in drills if d.targets & set(tags) and d.active),
            key=lambda d: (min(tags.index(t) for t in d.targets & set(tags)), d.code),
        )
        for drill in candidates:
            if all(r.exercise_code != drill.code for r in chosen):
                chosen.append(Recommendation(drill.code, reason, len(chosen) + 1, drill.dosage))
                break
        if len(chosen) >= limit:
            break
    return chosen


def observation_from(row: Any) -> Observation:
    """An Observation from any interpreted row that has code, side, flags and reason(s)."""
    flags = getattr(row, "flags", ())
    reason = getattr(row, "reason", "") or "; ".join(getattr(row, "reasons", ()) or ())
    return Observation(
        code=str(getattr(row, "code", "")),
        side=str(getattr(row, "side", "none")),
        flags=frozenset(str(f) for f in flags),
        reason=str(reason),
        region=str(getattr(row, "region", "") or ""),
    )
