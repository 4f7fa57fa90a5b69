"""Recommended drills: the interpreted findings mapped to exercises, ranked, each with a reason.

The recommender speaks the drill library's own vocabulary: measure codes
("ankle.dorsiflexion.knee_flexed", "wblt.distance"), deficit tags ("deficit:control",
"deficit:flexibility", "deficit:strength", "deficit:balance") and fault tags
("fault:knee_valgus"). tests/domain/test_recommendations.py fails when a name used here is
targeted by no drill in the shipped library.

How a finding chooses its drills, in order:
1. Relevance: a drill that targets the measure itself beats one that targets a related measure
   (hip extension and the Thomas test); for a movement fault, each fault the drill answers counts.
2. What the finding needs (the drill's kind):
   - a control deficit (active range short of passive) gets active control work for that
     measure (deficit:control), never a stretch;
   - movement faults get active control and strength drills aimed at each fault;
   - a range above the usual (hypermobile) gets strength and control through range, never a
     stretch or a flexibility drill;
   - a short range (below the norm, asymmetric or worse, no control deficit) gets mobility work
     first (deficit:flexibility), then a stretch;
   - a value past a published reference point ("cutoff": Y-balance composite under 94%, FMS
     total 14 or less) is answered like a short reading of that measure (balance and reach
     drills, the library's fms.* trunk and hip control drills), weighed a little less;
   - a change reaching the MCID ("clinically_important") asks for nothing by itself: it ranks
     a worse finding higher.
3. Safety, for the whole program: a painful motion gets no end-range stretch, no loaded drill
   and no mobility drill into it (big-toe rocks for a painful big toe, leg swings for a painful
   hip flexion): only active control work within the pain-free range, i.e. an unloaded active
   drill tagged deficit:control for that measure (heel slides, quad sets, toe yoga), control
   drills first; no loaded drill (strength, running, or tagged deficit:strength) goes through a
   painful region; every drill that moves a painful region carries "keep it pain-free"; no
   static stretch goes to a region with a control deficit or a range above the usual.
Findings no drill answers are returned as such (the service warns the therapist; for a painful
motion with no pain-free control drill, the warning says the therapist should choose); with
nothing answered, the runner's maintenance program (ankle and hip mobility, hip abductors,
balance, calves) is used.

Reasons are for the therapist and are written in English whatever the handout's language:
the finding they quote is the interpretation's English text, so the purpose after it is
English too. The handout's language sets the drill names, the dosage words and the client's
note ("Keep it pain-free…").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from mobileathlete_desktop.domain.exercises import REGIONS
from mobileathlete_desktop.domain.programs import ProgramItemRecord

T = TypeVar("T")

DEFICIT_CONTROL = "deficit:control"
DEFICIT_FLEXIBILITY = "deficit:flexibility"
DEFICIT_STRENGTH = "deficit:strength"
DEFICIT_BALANCE = "deficit:balance"
FAULT_PREFIX = "fault:"


@dataclass(frozen=True)
class MeasureDrills:
    """How the library answers findings at the measures a code prefix covers."""

    prefix: str
    targets: tuple[str, ...]  # library measure codes, the measure's own first
    shortfall: str  # the deficit tag a short reading calls for
    regions: tuple[str, ...]  # library regions the measure moves (pain: no loaded work there)
    purpose_en: str
    purpose_es: str


# Most specific prefix first ("ankle.dorsiflexion.knee_flexed" before "ankle.dorsiflexion").
MEASURES: tuple[MeasureDrills, ...] = (
    MeasureDrills(
        "ankle.dorsiflexion.knee_flexed",
        ("ankle.dorsiflexion.knee_flexed", "wblt.distance"),
        DEFICIT_FLEXIBILITY,
        ("ankle",),
        "ankle mobility (soleus and ankle joint)",
        "movilidad del tobillo (sóleo y articulación)",
    ),
    MeasureDrills(
        "ankle.dorsiflexion.knee_extended",
        ("ankle.dorsiflexion.knee_extended",),
        DEFICIT_FLEXIBILITY,
        ("ankle",),
        "ankle mobility and calf flexibility",
        "movilidad del tobillo y flexibilidad de la pantorrilla",
    ),
    # The weight-bearing lunge angle (knee to wall, heel down): the knee-bent ankle drills.
    MeasureDrills(
        "ankle.dorsiflexion.weight_bearing",
        ("ankle.dorsiflexion.weight_bearing", "wblt.distance", "ankle.dorsiflexion.knee_flexed"),
        DEFICIT_FLEXIBILITY,
        ("ankle",),
        "ankle mobility in a lunge (knee over toes)",
        "movilidad del tobillo en zancada (rodilla sobre los dedos)",
    ),
    # Any other dorsiflexion code: a knee-bent lunge.
    MeasureDrills(
        "ankle.dorsiflexion",
        ("ankle.dorsiflexion.knee_flexed", "wblt.distance"),
        DEFICIT_FLEXIBILITY,
        ("ankle",),
        "ankle mobility",
        "movilidad del tobillo",
    ),
    MeasureDrills(
        "wblt",
        ("wblt.distance", "ankle.dorsiflexion.knee_flexed"),
        DEFICIT_FLEXIBILITY,
        ("ankle",),
        "ankle mobility (knee over toes)",
        "movilidad del tobillo (rodilla sobre los dedos)",
    ),
    MeasureDrills(
        "ankle.plantarflexion",
        ("ankle.plantarflexion",),
        DEFICIT_STRENGTH,
        ("ankle",),
        "calf strength and ankle range",
        "fuerza de la pantorrilla y movilidad del tobillo",
    ),
    MeasureDrills(
        "hallux",
        ("hallux.extension",),
        DEFICIT_FLEXIBILITY,
        ("hallux", "foot"),
        "big-toe mobility",
        "movilidad del dedo gordo",
    ),
    MeasureDrills(
        "hip.extension",
        ("hip.extension", "thomas.hip_extension"),
        DEFICIT_FLEXIBILITY,
        ("hip",),
        "hip extension and hip-flexor mobility",
        "extensión de cadera y movilidad de los flexores de cadera",
    ),
    MeasureDrills(
        "thomas",
        ("thomas.hip_extension", "hip.extension"),
        DEFICIT_FLEXIBILITY,
        ("hip",),
        "hip extension and hip-flexor mobility",
        "extensión de cadera y movilidad de los flexores de cadera",
    ),
    # Modified Ober: a short iliotibial band / tensor fasciae latae (Ferber 2010).
    MeasureDrills(
        "ober",
        ("ober.hip_adduction",),
        DEFICIT_FLEXIBILITY,
        ("hip",),
        "outer-hip mobility (iliotibial band and TFL)",
        "movilidad de la cadera externa (banda iliotibial y tensor de la fascia lata)",
    ),
    MeasureDrills(
        "hip.internal_rotation",
        ("hip.internal_rotation",),
        DEFICIT_FLEXIBILITY,
        ("hip",),
        "hip rotation mobility and control",
        "movilidad y control de la rotación de cadera",
    ),
    MeasureDrills(
        "hip.external_rotation",
        ("hip.external_rotation",),
        DEFICIT_FLEXIBILITY,
        ("hip",),
        "hip rotation mobility and control",
        "movilidad y control de la rotación de cadera",
    ),
    MeasureDrills(
        "hip.abduction",
        ("hip.abduction",),
        DEFICIT_FLEXIBILITY,
        ("hip",),
        "hip abduction range and hip abductor control",
        "movilidad en abducción y control de los abductores de cadera",
    ),
    MeasureDrills(
        "hip.flexion",
        ("hip.flexion",),
        DEFICIT_FLEXIBILITY,
        ("hip",),
        "hip flexion mobility",
        "movilidad de la flexión de cadera",
    ),
    MeasureDrills(
        "slr",
        ("slr",),
        DEFICIT_FLEXIBILITY,
        ("hip",),
        "hamstring mobility",
        "movilidad de los isquiotibiales",
    ),
    MeasureDrills(
        "knee.flexion",
        ("knee.flexion",),
        DEFICIT_FLEXIBILITY,
        ("knee",),
        "knee bend and quadriceps mobility",
        "flexión de rodilla y movilidad del cuádriceps",
    ),
    MeasureDrills(
        "knee.extension",
        ("knee.extension",),
        DEFICIT_FLEXIBILITY,
        ("knee",),
        "full knee extension",
        "extensión completa de la rodilla",
    ),
    MeasureDrills(
        "balance",
        ("balance.single_leg",),
        DEFICIT_BALANCE,
        (),
        "single-leg balance",
        "equilibrio sobre una pierna",
    ),
    # A reach or the composite (its cut-off included): the reach drill first, then balance.
    MeasureDrills(
        "ybalance",
        (
            "ybalance.composite",
            "ybalance.anterior",
            "ybalance.posteromedial",
            "ybalance.posterolateral",
            "balance.single_leg",
        ),
        DEFICIT_BALANCE,
        (),
        "single-leg balance and reach",
        "equilibrio y alcance sobre una pierna",
    ),
    # FMS rows: the library's trunk and hip control drills target "fms.*" (the row's own code).
    MeasureDrills(
        "fms.clear.spinal_extension",
        (),
        DEFICIT_CONTROL,
        ("trunk",),
        "pain-free trunk control",
        "control del tronco sin dolor",
    ),
    MeasureDrills(
        "fms.clear.spinal_flexion",
        (),
        DEFICIT_CONTROL,
        ("trunk",),
        "pain-free trunk control",
        "control del tronco sin dolor",
    ),
    MeasureDrills(
        "fms",
        (),
        DEFICIT_CONTROL,
        (),
        "movement control of trunk and hips",
        "control del movimiento del tronco y la cadera",
    ),
    MeasureDrills(
        "sls",
        ("sls",),
        DEFICIT_CONTROL,
        ("knee",),
        "single-leg control of hip and knee",
        "control de cadera y rodilla sobre una pierna",
    ),
    MeasureDrills(
        "stepdown",
        ("stepdown",),
        DEFICIT_CONTROL,
        ("knee",),
        "single-leg control of hip and knee",
        "control de cadera y rodilla sobre una pierna",
    ),
)

# Kept for readers of the old tables: measure prefix → the library targets that answer it.
TARGETS_BY_MEASURE: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (m.prefix, (*m.targets, m.shortfall)) for m in MEASURES
)
PURPOSES: tuple[tuple[str, tuple[str, str]], ...] = tuple(
    (m.prefix, (m.purpose_en, m.purpose_es)) for m in MEASURES
)


@dataclass(frozen=True)
class FaultDrills:
    """How the library answers one movement fault, and how it is said."""

    code: str  # as in the catalogue and GlanceLine.faults ("knee_valgus")
    targets: tuple[str, ...]  # the library's fault tag first, then measures that answer it
    words_en: str
    words_es: str


FAULTS: tuple[FaultDrills, ...] = (
    FaultDrills(
        "knee_valgus",
        ("fault:knee_valgus", "hip.abduction", "hip.external_rotation"),
        "knee drifting inward",
        "la rodilla se va hacia adentro",
    ),
    FaultDrills(
        "pelvic_drop",
        ("fault:pelvic_drop", "hip.abduction"),
        "pelvis dropping",
        "la cadera cae",
    ),
    FaultDrills(
        "trunk_lean",
        ("fault:trunk_lean",),
        "trunk leaning",
        "el tronco se inclina",
    ),
    FaultDrills(
        "loss_of_balance",
        ("fault:loss_of_balance", "balance.single_leg"),
        "loss of balance",
        "pérdida del equilibrio",
    ),
)
FAULTS_BY_CODE = {f.code: f for f in FAULTS}

PAIN_NOTE = {"en": "keep it pain-free", "es": "sin provocar dolor"}
# Printed by the drill on the client's handout (the item's notes, which the therapist can edit).
PAIN_HANDOUT = {
    "en": "Keep it pain-free — stop before it hurts.",
    "es": "Hazlo sin provocar dolor — detente antes de que duela.",
}
# Said after the purpose of drills for a painful short range: what is left once end-range
# stretches, loaded and mobility drills into the painful motion are out.
PAIN_CONTROL_NOTE = {
    "en": "active control only while it hurts",
    "es": "solo control activo mientras duela",
}
CONTROL_NOTE = {
    "en": "active control work (a control deficit, not a flexibility limit)",
    "es": "trabajo activo de control (déficit de control, no de flexibilidad)",
}
HYPERMOBILE_NOTE = {
    "en": "more range than usual: strength and control through range, no stretching",
    "es": "más movimiento de lo habitual: fuerza y control en todo el rango, sin estiramientos",
}
HYPERMOBILE_HANDOUT = {
    "en": "You have more range than usual here: build strength and control through it, "
    "no stretching.",
    "es": "Aquí tienes más movimiento de lo habitual: gana fuerza y control en todo el rango, "
    "sin estirar.",
}
FAULT_NOTE = {"en": "single-leg control", "es": "control sobre una pierna"}

# How much each flag weighs when ranking findings (higher first).
FLAG_WEIGHTS: dict[str, float] = {
    "control_deficit": 4.5,
    "asymmetry": 2.0,
    "below_norm": 2.0,
    # Past a published reference point (Y-balance composite under 94%, FMS total 14 or less):
    # answered like a short reading, weighed a little under one (a reference from another
    # group, not this runner's norm).
    "cutoff": 1.75,
    "worse": 1.5,
    "faults": 1.5,
    "above_norm": 1.0,
    "pain": 0.5,
    # A change reaching the MCID: sets a worse finding ahead of one inside it, asks for
    # nothing by itself (an improvement needs no drill).
    "clinically_important": 0.5,
}
# Flags that call for drills; pain shapes the program (safety), clinically_important ranks.
ACTIONABLE = frozenset(FLAG_WEIGHTS) - {"pain", "clinically_important"}


@dataclass(frozen=True)
class MaintenanceSlot:
    """One part of a runner's upkeep: the first active drill of these categories that targets
    most of these library targets (library order breaks ties)."""

    name: str
    categories: frozenset[str]
    targets: tuple[str, ...]


# With nothing to fix, a runner keeps ankles and hips moving, hip abductors, balance and calves
# strong.
MAINTENANCE: tuple[MaintenanceSlot, ...] = (
    MaintenanceSlot(
        "ankle mobility",
        frozenset({"mobility"}),
        ("ankle.dorsiflexion.knee_flexed", "wblt.distance"),
    ),
    MaintenanceSlot(
        "hip mobility",
        frozenset({"mobility"}),
        ("hip.extension", "hip.internal_rotation", "hip.external_rotation", "hip.flexion"),
    ),
    MaintenanceSlot(
        "hip abductors",
        frozenset({"control", "strength"}),
        ("hip.abduction", "fault:pelvic_drop"),
    ),
    MaintenanceSlot(
        "balance",
        frozenset({"control"}),
        ("balance.single_leg", "deficit:balance"),
    ),
    MaintenanceSlot(
        "calf strength",
        frozenset({"strength"}),
        ("ankle.plantarflexion",),
    ),
)
MAINTENANCE_TARGETS: tuple[tuple[str, ...], ...] = tuple(s.targets for s in MAINTENANCE)
MAINTENANCE_REASON = {
    "en": "General runner maintenance: no findings need special work",
    "es": "Mantenimiento general del corredor: ningún hallazgo necesita un trabajo especial",
}

MAINTENANCE_FALLBACK_REASON = {
    "en": "General runner maintenance: no drill in the library answers the findings, "
    "the therapist chooses for them",
    "es": "Mantenimiento general del corredor: ningún ejercicio de la biblioteca responde a los "
    "hallazgos, el terapeuta elige para ellos",
}

# The language of every recommendation's reason (for the therapist; see the module docstring).
REASON_LANG = "en"

STATIC_CATEGORIES = frozenset({"stretch", "static_stretch", "flexibility"})
LOADED_CATEGORIES = frozenset({"strength", "running"})
# Drills that retrain the single-leg squat and step-down load one bent knee with body weight.
SINGLE_LEG_LOADED = frozenset({"sls", "stepdown"})
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
    faults: tuple[str, ...] = ()  # movement-fault codes seen ("knee_valgus"), with flag faults

    @property
    def weight(self) -> float:
        """How urgent this finding is for the program (sum of its flags' weights)."""
        return sum(FLAG_WEIGHTS.get(flag, 0.0) for flag in self.flags)

    @property
    def need(self) -> str:
        """What kind of work the finding calls for: control, faults, hypermobile or range."""
        if "control_deficit" in self.flags:
            return "control"
        if "faults" in self.flags:
            return "faults"
        if "above_norm" in self.flags and "below_norm" not in self.flags:
            return "hypermobile"
        return "range"


@dataclass(frozen=True)
class Drill:
    """What the recommender needs to know about a drill in the library."""

    code: str
    category: str
    targets: frozenset[str]
    active: bool
    dosage: ProgramItemRecord = field(default_factory=lambda: ProgramItemRecord(""))
    regions: frozenset[str] = frozenset()

    @property
    def is_static_stretch(self) -> bool:
        """A passive hold: fine for a flexibility limit, never for a control deficit."""
        return self.category in STATIC_CATEGORIES or not self.active

    @property
    def is_flexibility_only(self) -> bool:
        """Range work with no control or strength in it (a stretch, a leg swing)."""
        return self.is_static_stretch or (
            DEFICIT_FLEXIBILITY in self.targets
            and not self.targets & {DEFICIT_CONTROL, DEFICIT_STRENGTH}
        )

    @property
    def is_loaded(self) -> bool:
        """Work under load: strength and running drills, anything built for strength, and the
        single-leg squat and step-down retraining (body weight on one bent knee)."""
        return (
            self.category in LOADED_CATEGORIES
            or DEFICIT_STRENGTH in self.targets
            or bool(self.targets & SINGLE_LEG_LOADED)
        )

    @property
    def pain_free_control(self) -> bool:
        """Active control work that may go into a painful motion, within its pain-free range:
        tagged deficit:control, active, unloaded (heel slides, quad sets, toe yoga)."""
        return DEFICIT_CONTROL in self.targets and not (self.is_static_stretch or self.is_loaded)

    @property
    def trains_control(self) -> bool:
        """Active, controlled work: a control drill or one made for control deficits."""
        return self.active and (self.category == "control" or DEFICIT_CONTROL in self.targets)

    def aims_at(self, target: str) -> bool:
        """Whether the drill targets this measure code or tag ("fms.*" covers every fms code)."""
        if target in self.targets:
            return True
        return any(t.endswith(".*") and target.startswith(t[:-1]) for t in self.targets)


@dataclass(frozen=True)
class Recommendation:
    """A drill suggested for a client, with why, how urgent (1 = first), how much, and a note
    for the client's handout ("Keep it pain-free…"), empty when none is needed."""

    exercise_code: str
    reason: str
    priority: int
    dosage: ProgramItemRecord
    note: str = ""


@dataclass(frozen=True)
class Plan:
    """The recommended drills, and the findings no drill in the library answers (the therapist
    chooses for those); `maintenance` is true when the general program stands in."""

    recommendations: list[Recommendation]
    unanswered: list[Observation]
    maintenance: bool = False
    blocked: frozenset[str] = frozenset()  # unanswered codes whose drills safety left out

    def warnings(self) -> list[str]:
        """One line for the therapist per unanswered finding."""
        lines = []
        for observation in self.unanswered:
            what = (observation.reason or observation.code).rstrip(".")
            left_out = ""
            if observation.code in self.blocked and "pain" in observation.flags:
                left_out = (
                    " (it hurts: only pain-free active control work may go into it, no "
                    "stretch, loaded or mobility drill, and the library has none for it)"
                )
            elif observation.code in self.blocked:
                left_out = (
                    " (drills that would stretch or load a painful or over-mobile range"
                    " are left out)"
                )
            lines.append(
                f"No drill in the library answers: {what}{left_out}; the therapist should choose"
            )
        if self.maintenance and self.unanswered:
            lines.append("The general runner maintenance program is used meanwhile")
        return lines


def _for_measure(table: Sequence[tuple[str, T]], code: str) -> T | None:
    """The entry of a table keyed by measure-code prefix ("ankle.dorsiflexion" covers
    "ankle.dorsiflexion.knee_flexed") that covers this code, or None."""
    for prefix, entry in table:
        if code == prefix or code.startswith(prefix + "."):
            return entry
    return None


def measure_drills(code: str) -> MeasureDrills | None:
    """The library's answer for findings at this measure, or None when none is known."""
    return _for_measure([(m.prefix, m) for m in MEASURES], code)


def targets_for(code: str) -> tuple[str, ...]:
    """The library measure codes that answer a finding at this measure, the measure's own first
    (empty when none are known)."""
    entry = measure_drills(code)
    return () if entry is None else entry.targets


def regions_for(observation: Observation) -> frozenset[str]:
    """The library regions a finding's measure moves (for pain: where no loaded work goes)."""
    entry = measure_drills(observation.code)
    if entry is not None:
        return frozenset(entry.regions)
    return frozenset({observation.region}) & frozenset(REGIONS)


def vocabulary() -> frozenset[str]:
    """Every drill target the recommender names (each must be targeted by some drill)."""
    names: set[str] = {DEFICIT_CONTROL, DEFICIT_FLEXIBILITY, DEFICIT_STRENGTH, DEFICIT_BALANCE}
    for m in MEASURES:
        names.update(m.targets)
        names.add(m.shortfall)
    for f in FAULTS:
        names.update(f.targets)
    for slot in MAINTENANCE:
        names.update(slot.targets)
    return frozenset(names)


def _lang(table: dict[str, str], lang: str) -> str:
    return table.get(lang, table["en"])


def purpose(observation: Observation, lang: str = "en") -> str:
    """What the drills for a finding work on, in words ("ankle mobility and calf control")."""
    need = observation.need
    if need == "control":
        return _lang(CONTROL_NOTE, lang)
    if need == "hypermobile":
        return _lang(HYPERMOBILE_NOTE, lang)
    entry = measure_drills(observation.code)
    if need == "range" and "pain" in observation.flags:
        base = "" if entry is None else (entry.purpose_es if lang == "es" else entry.purpose_en)
        only = _lang(PAIN_CONTROL_NOTE, lang)
        return f"{base} — {only}" if base else only
    if need == "faults":
        words = [
            FAULTS_BY_CODE[f].words_es if lang == "es" else FAULTS_BY_CODE[f].words_en
            for f in observation.faults
            if f in FAULTS_BY_CODE
        ]
        base = _lang(FAULT_NOTE, lang)
        if entry is not None:
            base = entry.purpose_es if lang == "es" else entry.purpose_en
        return f"{base} ({', '.join(words)})" if words else base
    if entry is None:
        return ""
    return entry.purpose_es if lang == "es" else entry.purpose_en


def reason_for(observation: Observation, lang: str = "en", *, pain: bool = False) -> str:
    """The finding and what the drill works on: "Hip abduction, left: ...: hip abductor
    strength and control"; "(keep it pain-free)" when the finding or the drill is painful."""
    what = purpose(observation, lang)
    text = f"{observation.reason.rstrip('.')}: {what}" if what else observation.reason
    if pain or "pain" in observation.flags:
        text += f" ({_lang(PAIN_NOTE, lang)})"
    return text


def relevance(drill: Drill, observation: Observation) -> int:
    """How closely a drill answers a finding: 0 = not at all. The measure itself counts 6, a
    related measure 3; for movement faults each fault the drill is made for counts 2 and each
    measure that answers a fault (hip abduction for a knee drifting inward) 1."""
    score = 0
    own, *related = targets_for(observation.code) or (observation.code,)
    if drill.aims_at(observation.code) or drill.aims_at(own):
        score += 6
    elif any(drill.aims_at(code) for code in related):
        score += 3
    if observation.need == "faults":
        helpers: set[str] = set()
        for fault in observation.faults:
            entry = FAULTS_BY_CODE.get(fault)
            if entry is None:
                continue
            tag, *measures = entry.targets
            if drill.aims_at(tag):
                score += 2
            helpers.update(m for m in measures if drill.aims_at(m))
        score += len(helpers)
    return score


def fit(drill: Drill, observation: Observation) -> int | None:
    """Whether a drill's kind suits what the finding needs (higher first), or None when it
    must not be given for it."""
    need = observation.need
    if need == "control":
        if not drill.trains_control:
            return None
        if drill.category == "control":
            return 3
        return 1 if DEFICIT_FLEXIBILITY in drill.targets else 2
    if need == "faults":
        if drill.is_static_stretch:
            return None
        return {"control": 3, "strength": 2}.get(drill.category, 1)
    if need == "hypermobile":
        if drill.is_flexibility_only or not drill.targets & {DEFICIT_CONTROL, DEFICIT_STRENGTH}:
            return None
        return {"control": 3, "strength": 2}.get(drill.category, 1)
    entry = measure_drills(observation.code)
    shortfall = entry.shortfall if entry is not None else DEFICIT_FLEXIBILITY
    if shortfall == DEFICIT_FLEXIBILITY:
        # A flexibility limit: range work (active mobility first, a stretch allowed), then
        # other active work through the range.
        if drill.is_static_stretch or DEFICIT_FLEXIBILITY in drill.targets:
            return 3
        return 2 if drill.category == "mobility" else 1
    if drill.is_static_stretch:
        return None
    # Balance, control or strength short: drills made for that deficit, control work first.
    if shortfall in drill.targets:
        return 3 if drill.category == "control" else 2
    return 1 if drill.category == "control" else 0


@dataclass(frozen=True)
class _Safety:
    """What the whole program must leave out, from the painful, controlled and hypermobile
    findings."""

    painful_codes: frozenset[str]
    painful_regions: frozenset[str]
    no_stretch_regions: frozenset[str]
    no_flexibility_codes: frozenset[str]

    @classmethod
    def of(cls, observations: Sequence[Observation]) -> _Safety:
        painful_codes: set[str] = set()
        painful_regions: set[str] = set()
        no_stretch: set[str] = set()
        no_flex: set[str] = set()
        for o in observations:
            codes = {o.code, *targets_for(o.code)[:1]}
            if "pain" in o.flags:
                # A range of motion hurts: every library code for that motion (hip extension
                # and the Thomas test, the knee-bent ankle and the knee-to-wall distance).
                entry = measure_drills(o.code)
                motion = entry is not None and entry.shortfall == DEFICIT_FLEXIBILITY
                painful_codes |= {o.code, *targets_for(o.code)} if motion else codes
                painful_regions |= regions_for(o)
            if o.need in ("control", "hypermobile"):
                no_stretch |= regions_for(o)
            if o.need == "hypermobile":
                no_flex |= codes
        return cls(
            frozenset(painful_codes),
            frozenset(painful_regions),
            frozenset(no_stretch),
            frozenset(no_flex),
        )

    def into_pain(self, drill: Drill) -> bool:
        """Whether the drill aims at a painful motion."""
        return any(drill.aims_at(code) for code in self.painful_codes)

    def allows(self, drill: Drill) -> bool:
        """Into a painful motion only pain-free active control work (no end-range stretch, no
        loaded drill, no mobility drill into it); no stretch in a region with a control deficit
        or a range above the usual; no loaded work through a painful region; no flexibility
        drill into a range above the usual."""
        if self.into_pain(drill) and not drill.pain_free_control:
            return False
        if drill.is_static_stretch and drill.regions & self.no_stretch_regions:
            return False
        if drill.is_loaded and drill.regions & self.painful_regions:
            return False
        return not (
            drill.is_flexibility_only
            and any(drill.aims_at(code) for code in self.no_flexibility_codes)
        )

    def painful(self, drill: Drill) -> bool:
        """Whether the drill moves a painful region or motion (so it says "keep it pain-free")."""
        return bool(drill.regions & self.painful_regions) or self.into_pain(drill)


def _note(observation: Observation | None, painful: bool, lang: str) -> str:
    notes = []
    if painful:
        notes.append(_lang(PAIN_HANDOUT, lang))
    if observation is not None and observation.need == "hypermobile":
        notes.append(_lang(HYPERMOBILE_HANDOUT, lang))
    return " ".join(notes)


def _aims(drill: Drill) -> frozenset[str]:
    """The measures and faults a drill is made for (its targets without the deficit kinds)."""
    return frozenset(t for t in drill.targets if not t.startswith("deficit:"))


def _pick(candidates: list[tuple[int, int, int, Drill]], count: int) -> list[Drill]:
    """The best `count` drills for one finding: by relevance, then fit, then a kind not yet
    picked for it, then active before passive, then library order; a drill of the same kind
    and targets as one picked (a progression of it) is skipped."""
    picked: list[Drill] = []
    pool = list(candidates)
    while pool and len(picked) < count:
        kinds = {d.category for d in picked}
        pool.sort(
            key=lambda t: (-t[0], -t[1], t[3].category in kinds, t[3].is_static_stretch, t[2])
        )
        _, _, _, drill = pool.pop(0)
        if any(_aims(drill) == _aims(p) and drill.category == p.category for p in picked):
            continue
        picked.append(drill)
    return picked


def plan(
    observations: Iterable[Observation],
    drills: Sequence[Drill],
    *,
    lang: str = "en",
    limit: int = MAX_DRILLS,
) -> Plan:
    """Ranked drills for the findings, and the findings no drill answers; the general
    maintenance program when nothing is flagged or nothing flagged can be answered. `lang` is
    the handout's language (the client's notes); reasons are always English (REASON_LANG)."""
    seen = list(observations)
    findings = sorted((o for o in seen if o.flags & ACTIONABLE), key=lambda o: -o.weight)
    safety = _Safety.of(seen)
    order = {d.code: i for i, d in enumerate(drills)}
    per_finding: list[list[Drill]] = []
    unanswered: list[Observation] = []
    blocked: set[str] = set()
    for observation in findings:
        scored = []
        unsafe = False
        for drill in drills:
            match = relevance(drill, observation)
            kind = fit(drill, observation) if match else None
            if kind is None:
                continue
            if not safety.allows(drill):
                unsafe = True
                continue
            scored.append((match, kind, order[drill.code], drill))
        count = PER_FINDING + (1 if len(observation.faults) > 1 else 0)
        options = _pick(scored, count)
        per_finding.append(options)
        if not options:
            unanswered.append(observation)
            if unsafe:
                blocked.add(observation.code)
    chosen: dict[str, Recommendation] = {}
    # Round-robin: each finding's best drill first, then each finding's second...
    for turn in range(max((len(o) for o in per_finding), default=0)):
        for observation, options in zip(findings, per_finding, strict=True):
            if len(chosen) >= limit or turn >= len(options):
                continue
            drill = options[turn]
            if drill.code in chosen:
                continue
            painful = safety.painful(drill)
            chosen[drill.code] = Recommendation(
                drill.code,
                reason_for(observation, REASON_LANG, pain=painful),
                len(chosen) + 1,
                drill.dosage,
                _note(observation, painful, lang),
            )
    if not chosen:
        reason = MAINTENANCE_FALLBACK_REASON if unanswered else MAINTENANCE_REASON
        recs = _maintenance(
            drills, safety, lang=lang, limit=limit, reason=_lang(reason, REASON_LANG)
        )
        return Plan(recs, unanswered, maintenance=True, blocked=frozenset(blocked))
    return Plan(list(chosen.values()), unanswered, blocked=frozenset(blocked))


def recommend(
    observations: Iterable[Observation],
    drills: Sequence[Drill],
    *,
    lang: str = "en",
    limit: int = MAX_DRILLS,
) -> list[Recommendation]:
    """Ranked drills for the findings; a general maintenance program when nothing is flagged
    (see `plan` for the findings no drill answers)."""
    return plan(observations, drills, lang=lang, limit=limit).recommendations


def maintenance_program(
    drills: Sequence[Drill],
    *,
    lang: str = "en",
    limit: int = MAX_DRILLS,
    observations: Iterable[Observation] = (),
) -> list[Recommendation]:
    """One drill for each part of a runner's general upkeep (ankle and hip mobility, hip
    abductors, balance, calves), sparing whatever the observations make unsafe."""
    return _maintenance(drills, _Safety.of(list(observations)), lang=lang, limit=limit)


def _maintenance(
    drills: Sequence[Drill], safety: _Safety, *, lang: str, limit: int, reason: str = ""
) -> list[Recommendation]:
    reason = reason or _lang(MAINTENANCE_REASON, REASON_LANG)
    chosen: list[Recommendation] = []
    for slot in MAINTENANCE:
        if len(chosen) >= limit:
            break
        best: tuple[int, int, Drill] | None = None
        for index, drill in enumerate(drills):
            if not drill.active or drill.category not in slot.categories:
                continue
            if not safety.allows(drill) or any(r.exercise_code == drill.code for r in chosen):
                continue
            hits = sum(1 for t in slot.targets if drill.aims_at(t))
            if hits and (best is None or (-hits, index) < (-best[0], best[1])):
                best = (hits, index, drill)
        if best is not None:
            drill = best[2]
            painful = safety.painful(drill)
            text = f"{reason} ({_lang(PAIN_NOTE, REASON_LANG)})" if painful else reason
            chosen.append(
                Recommendation(
                    drill.code, text, len(chosen) + 1, drill.dosage, _note(None, painful, lang)
                )
            )
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
        faults=tuple(str(f) for f in (getattr(row, "faults", ()) or ())),
    )


def observations_from_glance(
    lines: Iterable[Any], region_of: Callable[[str], str] | None = None
) -> list[Observation]:
    """The recommender's findings from an interpretation's glance lines (GlanceLine: flag,
    code, side, text, short, faults), one a measure and side, in the order first seen.

    Each carries every flag its lines have and the movement faults seen; its reason is the line
    of its weightiest flag (the first such line on a tie; pain weighs least of the flags that
    choose drills, so a painful limited measure is explained by its limit), in its short form
    when it has one. `region_of` gives a measure code's catalogue region.
    """
    by_key: dict[tuple[str, str], list[Any]] = {}
    for line in lines:
        by_key.setdefault((str(line.code), str(line.side)), []).append(line)
    found: list[Observation] = []
    for (code, side), group in by_key.items():
        weightiest = max(group, key=lambda line: FLAG_WEIGHTS.get(line.flag, 0.0))
        found.append(
            Observation(
                code=code,
                side=side,
                flags=frozenset(str(line.flag) for line in group),
                reason=str(weightiest.short or weightiest.text),
                region=region_of(code) if region_of is not None else "",
                faults=tuple(dict.fromkeys(str(f) for line in group for f in (line.faults or ()))),
            )
        )
    return found
