"""The plan: findings ranked, each answered by its best safe drills in turn, capped; and the
vocabulary every table names."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from mobileathlete_desktop.domain.recommendations.faults import FAULTS
from mobileathlete_desktop.domain.recommendations.maintenance import (
    MAINTENANCE,
    MAINTENANCE_FALLBACK_REASON,
    MAINTENANCE_REASON,
    _maintenance,
)
from mobileathlete_desktop.domain.recommendations.matching import _pick, _Safety, fit, relevance
from mobileathlete_desktop.domain.recommendations.measures import (
    DEFICIT_BALANCE,
    DEFICIT_CONTROL,
    DEFICIT_FLEXIBILITY,
    DEFICIT_STRENGTH,
    GENERALISED_HYPERMOBILITY,
    MEASURES,
    is_pain_score,
)
from mobileathlete_desktop.domain.recommendations.model import (
    ACTIONABLE,
    MAX_DRILLS,
    PER_FINDING,
    Drill,
    Observation,
    Plan,
    Recommendation,
)
from mobileathlete_desktop.domain.recommendations.words import REASON_LANG, _lang, _note, reason_for


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
    # A Beighton score past its cut-point shapes the whole program (safety), asks for no drill.
    # A change of pain (up 2 points) is for the report and the follow-up, not a drill target.
    findings = sorted(
        (
            o
            for o in seen
            if o.flags & ACTIONABLE
            and o.code != GENERALISED_HYPERMOBILITY
            and not is_pain_score(o.code)
        ),
        key=lambda o: -o.weight,
    )
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


def withheld(observations: Iterable[Observation], drills: Sequence[Drill]) -> frozenset[str]:
    """The codes of the drills this program's safety leaves out for these findings (loaded or
    impact work through a painful region, a stretch into a control deficit...): a handout
    names none of them as the drill to move on to (a painful hop, a bone-stress warning, lets
    no skip or hop through as the next step)."""
    safety = _Safety.of(list(observations))
    return frozenset(d.code for d in drills if not safety.allows(d))


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
