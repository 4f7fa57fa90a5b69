"""How the drill library answers each movement fault, and how the fault is said (a gettext
message: the English here, other languages in the catalogue)."""

from __future__ import annotations

from dataclasses import dataclass

from mobileathlete_desktop.support.i18n import N_


@dataclass(frozen=True)
class FaultDrills:
    """How the library answers one movement fault, and how it is said."""

    code: str  # as in the catalogue and GlanceLine.faults ("knee_valgus")
    targets: tuple[str, ...]  # the library's fault tag first, then measures that answer it
    words: str  # how a client's handout says it: a gettext message, translated where it is said


FAULTS: tuple[FaultDrills, ...] = (
    FaultDrills(
        "knee_valgus",
        ("fault:knee_valgus", "hip.abduction", "hip.external_rotation"),
        N_("knee drifting inward"),
    ),
    FaultDrills(
        "pelvic_drop",
        ("fault:pelvic_drop", "hip.abduction"),
        N_("pelvis dropping"),
    ),
    FaultDrills(
        "trunk_lean",
        ("fault:trunk_lean",),
        N_("trunk leaning"),
    ),
    # Running gait (2-D video): overstriding is answered by raising the step rate 5-10%
    # (Heiderscheit 2011); hip adduction and a crossover gait by hip abductor work.
    FaultDrills(
        "overstride",
        ("fault:overstride", "gait.cadence"),
        N_("overstriding"),
    ),
    FaultDrills(
        "hip_adduction",
        ("fault:hip_adduction", "hip.abduction"),
        N_("thigh drifting inward"),
    ),
    FaultDrills(
        "crossover",
        ("fault:crossover", "hip.abduction"),
        N_("feet crossing the midline"),
    ),
    FaultDrills(
        "heel_eversion",
        ("fault:heel_eversion",),
        N_("foot rolling in"),
    ),
    FaultDrills(
        "loss_of_balance",
        ("fault:loss_of_balance", "balance.single_leg"),
        N_("loss of balance"),
    ),
)


FAULTS_BY_CODE = {f.code: f for f in FAULTS}
