"""How the drill library answers a finding at each measure: its targets, the deficit a short
reading means, the regions it moves and its purpose in words (en, es)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

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
