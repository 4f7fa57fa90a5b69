"""The runner's general maintenance program, used when nothing flagged needs (or finds) a drill."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mobileathlete_desktop.domain.recommendations.matching import _Safety
from mobileathlete_desktop.domain.recommendations.model import (
    MAX_DRILLS,
    Drill,
    Observation,
    Recommendation,
)
from mobileathlete_desktop.domain.recommendations.words import PAIN_NOTE, REASON_LANG, _lang, _note
from mobileathlete_desktop.support.i18n import N_


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


MAINTENANCE_REASON = N_("General runner maintenance: no findings need special work")


MAINTENANCE_FALLBACK_REASON = N_(
    "General runner maintenance: no drill in the library answers the findings, "
    "the therapist chooses for them"
)


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
