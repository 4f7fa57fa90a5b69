"""How the drill library answers a finding at each measure: its targets, the deficit a short
reading means, the regions it moves and its purpose in words (a gettext message: the English
here, other languages in the catalogue)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from mobileathlete_desktop.support.i18n import N_

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
    purpose: str  # what its drills work on: a gettext message, translated where it is said


# Most specific prefix first ("ankle.dorsiflexion.knee_flexed" before "ankle.dorsiflexion").
MEASURES: tuple[MeasureDrills, ...] = (
    MeasureDrills(
        "ankle.dorsiflexion.knee_flexed",
        ("ankle.dorsiflexion.knee_flexed", "wblt.distance"),
        DEFICIT_FLEXIBILITY,
        ("ankle",),
        N_("ankle mobility (soleus and ankle joint)"),
    ),
    MeasureDrills(
        "ankle.dorsiflexion.knee_extended",
        ("ankle.dorsiflexion.knee_extended",),
        DEFICIT_FLEXIBILITY,
        ("ankle",),
        N_("ankle mobility and calf flexibility"),
    ),
    # The weight-bearing lunge angle (knee to wall, heel down): the knee-bent ankle drills.
    MeasureDrills(
        "ankle.dorsiflexion.weight_bearing",
        ("ankle.dorsiflexion.weight_bearing", "wblt.distance", "ankle.dorsiflexion.knee_flexed"),
        DEFICIT_FLEXIBILITY,
        ("ankle",),
        N_("ankle mobility in a lunge (knee over toes)"),
    ),
    # Any other dorsiflexion code: a knee-bent lunge.
    MeasureDrills(
        "ankle.dorsiflexion",
        ("ankle.dorsiflexion.knee_flexed", "wblt.distance"),
        DEFICIT_FLEXIBILITY,
        ("ankle",),
        N_("ankle mobility"),
    ),
    MeasureDrills(
        "wblt",
        ("wblt.distance", "ankle.dorsiflexion.knee_flexed"),
        DEFICIT_FLEXIBILITY,
        ("ankle",),
        N_("ankle mobility (knee over toes)"),
    ),
    MeasureDrills(
        "ankle.plantarflexion",
        ("ankle.plantarflexion",),
        DEFICIT_STRENGTH,
        ("ankle",),
        N_("calf strength and ankle range"),
    ),
    MeasureDrills(
        "hallux",
        ("hallux.extension",),
        DEFICIT_FLEXIBILITY,
        ("hallux", "foot"),
        N_("big-toe mobility"),
    ),
    # Hip strength by handheld dynamometry (Nm/kg, or the force behind it): strength work,
    # before the range-of-motion prefixes "hip.abduction" and "hip.extension" below.
    MeasureDrills(
        "hip.abduction.strength",
        ("hip.abduction.strength", "hip.abduction"),
        DEFICIT_STRENGTH,
        ("hip",),
        N_("hip abductor strength"),
    ),
    MeasureDrills(
        "hip.abduction.force",
        ("hip.abduction.strength", "hip.abduction"),
        DEFICIT_STRENGTH,
        ("hip",),
        N_("hip abductor strength"),
    ),
    MeasureDrills(
        "hip.extension.strength",
        ("hip.extension.strength",),
        DEFICIT_STRENGTH,
        ("hip",),
        N_("hip extensor strength"),
    ),
    MeasureDrills(
        "hip.extension.force",
        ("hip.extension.strength",),
        DEFICIT_STRENGTH,
        ("hip",),
        N_("hip extensor strength"),
    ),
    MeasureDrills(
        "hip.extension",
        ("hip.extension", "thomas.hip_extension"),
        DEFICIT_FLEXIBILITY,
        ("hip",),
        N_("hip extension and hip-flexor mobility"),
    ),
    MeasureDrills(
        "thomas",
        ("thomas.hip_extension", "hip.extension"),
        DEFICIT_FLEXIBILITY,
        ("hip",),
        N_("hip extension and hip-flexor mobility"),
    ),
    # Modified Ober: a short iliotibial band / tensor fasciae latae (Ferber 2010).
    MeasureDrills(
        "ober",
        ("ober.hip_adduction",),
        DEFICIT_FLEXIBILITY,
        ("hip",),
        N_("outer-hip mobility (iliotibial band and TFL)"),
    ),
    MeasureDrills(
        "hip.internal_rotation",
        ("hip.internal_rotation",),
        DEFICIT_FLEXIBILITY,
        ("hip",),
        N_("hip rotation mobility and control"),
    ),
    MeasureDrills(
        "hip.external_rotation",
        ("hip.external_rotation",),
        DEFICIT_FLEXIBILITY,
        ("hip",),
        N_("hip rotation mobility and control"),
    ),
    MeasureDrills(
        "hip.abduction",
        ("hip.abduction",),
        DEFICIT_FLEXIBILITY,
        ("hip",),
        N_("hip abduction range and hip abductor control"),
    ),
    MeasureDrills(
        "hip.flexion",
        ("hip.flexion",),
        DEFICIT_FLEXIBILITY,
        ("hip",),
        N_("hip flexion mobility"),
    ),
    MeasureDrills(
        "slr",
        ("slr",),
        DEFICIT_FLEXIBILITY,
        ("hip",),
        N_("hamstring mobility"),
    ),
    MeasureDrills(
        "knee.flexion",
        ("knee.flexion",),
        DEFICIT_FLEXIBILITY,
        ("knee",),
        N_("knee bend and quadriceps mobility"),
    ),
    MeasureDrills(
        "knee.extension",
        ("knee.extension",),
        DEFICIT_FLEXIBILITY,
        ("knee",),
        N_("full knee extension"),
    ),
    MeasureDrills(
        "balance",
        ("balance.single_leg",),
        DEFICIT_BALANCE,
        (),
        N_("single-leg balance"),
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
        N_("single-leg balance and reach"),
    ),
    # FMS rows: the library's trunk and hip control drills target "fms.*" (the row's own code).
    MeasureDrills(
        "fms.clear.spinal_extension",
        (),
        DEFICIT_CONTROL,
        ("trunk",),
        N_("pain-free trunk control"),
    ),
    MeasureDrills(
        "fms.clear.spinal_flexion",
        (),
        DEFICIT_CONTROL,
        ("trunk",),
        N_("pain-free trunk control"),
    ),
    MeasureDrills(
        "fms",
        (),
        DEFICIT_CONTROL,
        (),
        N_("movement control of trunk and hips"),
    ),
    # Hop tests and their limb symmetry indices: the library's hop and landing drills target
    # "hop.*" (the row's own code).
    MeasureDrills(
        "hop",
        (),
        DEFICIT_STRENGTH,
        ("knee", "ankle", "foot"),
        N_("single-leg hopping power and landing control"),
    ),
    MeasureDrills(
        "calf",
        ("calf.heel_rise", "ankle.plantarflexion"),
        DEFICIT_STRENGTH,
        ("ankle",),
        N_("calf strength endurance"),
    ),
    # Running gait: each fault seen chooses its drills (faults.py); the cadence drill answers
    # overstriding (a step rate 5-10% above the preferred one, Heiderscheit 2011).
    MeasureDrills(
        "gait.running",
        (),
        DEFICIT_CONTROL,
        (),
        N_("running form"),
    ),
    MeasureDrills(
        "gait.cadence",
        ("gait.cadence",),
        DEFICIT_CONTROL,
        (),
        N_("running step rate"),
    ),
    MeasureDrills(
        "sls",
        ("sls",),
        DEFICIT_CONTROL,
        ("knee",),
        N_("single-leg control of hip and knee"),
    ),
    MeasureDrills(
        "stepdown",
        ("stepdown",),
        DEFICIT_CONTROL,
        ("knee",),
        N_("single-leg control of hip and knee"),
    ),
)


# The pain score (NPRS) is what the program is judged by, not what a drill trains: a change in
# it, even a clinically important worsening, goes to the report's "What changed" and the
# follow-up advice (domain.follow_up), never to drill matching (no drill targets "nprs"). The
# LEFS and PSFS keep their warning: the runner's activities got harder, the therapist chooses.
PAIN_SCORE = "nprs"


def is_pain_score(code: str) -> bool:
    """Whether a finding is at the pain score (NPRS): no drill answers it."""
    return code == PAIN_SCORE or code.startswith(PAIN_SCORE + ".")


# A finding that shapes the whole program instead of calling for drills of its own: a Beighton
# score at or past its cut-point (possible generalised joint hypermobility) holds back static
# stretching in every region.
GENERALISED_HYPERMOBILITY = "beighton.score"


# Kept for readers of the old tables: measure prefix → the library targets that answer it.
TARGETS_BY_MEASURE: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (m.prefix, (*m.targets, m.shortfall)) for m in MEASURES
)


PURPOSES: tuple[tuple[str, str], ...] = tuple((m.prefix, m.purpose) for m in MEASURES)
"""Measure prefix → what its drills work on (a gettext message)."""


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
