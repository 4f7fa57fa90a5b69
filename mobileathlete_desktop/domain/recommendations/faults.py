"""How the drill library answers each movement fault, and how the fault is said (en, es)."""

from __future__ import annotations

from dataclasses import dataclass


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
