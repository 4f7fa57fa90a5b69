"""How well a drill answers a finding (relevance, fit), what safety leaves out of the whole
program, and the pick of the best drills for one finding."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mobileathlete_desktop.domain.exercises import REGIONS
from mobileathlete_desktop.domain.recommendations.faults import FAULTS_BY_CODE
from mobileathlete_desktop.domain.recommendations.measures import (
    DEFICIT_CONTROL,
    DEFICIT_FLEXIBILITY,
    DEFICIT_STRENGTH,
    GENERALISED_HYPERMOBILITY,
    measure_drills,
    targets_for,
)
from mobileathlete_desktop.domain.recommendations.model import IMPACT, Drill, Observation


def regions_for(observation: Observation) -> frozenset[str]:
    """The library regions a finding's measure moves (for pain: where no loaded work goes)."""
    entry = measure_drills(observation.code)
    if entry is not None:
        return frozenset(entry.regions)
    return frozenset({observation.region}) & frozenset(REGIONS)


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
        # Active range short of passive: slow active end-range control work, never impact (a
        # drill tagged load:impact or for the hop tests: pogo hops land on the forefoot, the
        # A-skip strikes the ground; neither answers a plantarflexion or hip control gap).
        if not drill.trains_control or drill.targets & IMPACT:
            return None
        if drill.category == "control":
            return 3
        return 1 if DEFICIT_FLEXIBILITY in drill.targets else 2
    if need == "faults":
        # A movement fault (a pelvis dropping on a single-leg squat) gets control and strength
        # work, never range work alone (a stretch, a leg swing).
        if drill.is_flexibility_only:
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
    findings (a Beighton score at or past its cut-point counts for every region)."""

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
            if o.code == GENERALISED_HYPERMOBILITY and "cutoff" in o.flags:
                # Possible generalised joint hypermobility: no static stretch anywhere.
                no_stretch |= set(REGIONS)
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

    def loads_pain(self, drill: Drill) -> bool:
        """Whether the drill bears load through a painful motion or test it does not train
        (its library `loads`: hip airplanes stand on one leg for a painful single-leg stance)."""
        return bool(drill.loads & self.painful_codes)

    def allows(self, drill: Drill) -> bool:
        """Into a painful motion only pain-free active control work (no end-range stretch, no
        loaded drill, no mobility drill into it); no stretch in a region with a control deficit
        or a range above the usual; no loaded work through a painful region; no flexibility
        drill into a range above the usual."""
        if self.into_pain(drill) and not drill.pain_free_control:
            return False
        if self.loads_pain(drill):
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
        return (
            bool(drill.regions & self.painful_regions)
            or self.into_pain(drill)
            or self.loads_pain(drill)
        )


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
