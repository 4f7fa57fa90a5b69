"""The catalogue codes the computed rows are built from (Y-Balance composite, FMS total,
LEFS, the weight-bearing lunge angle read under its older code), and the labels of those
rows when the catalogue in use does not list them."""

from __future__ import annotations

from collections.abc import Mapping

from mobileathlete_desktop.domain.catalogue import Measure

# --- Computed measures: codes the catalogue uses for the inputs and the results -------------

YBALANCE_REACHES: tuple[str, str, str] = (
    "ybalance.anterior",
    "ybalance.posteromedial",
    "ybalance.posterolateral",
)
LIMB_LENGTH = "limb.length"
YBALANCE_COMPOSITE = "ybalance.composite"

FMS_TESTS: tuple[str, ...] = (
    "fms.deep_squat",
    "fms.hurdle_step",
    "fms.inline_lunge",
    "fms.shoulder_mobility",
    "fms.aslr",
    "fms.trunk_stability_pushup",
    "fms.rotary_stability",
)
# A painful clearing test scores its linked test 0 (Cook, Burton & Hoogenboom 2006).
FMS_CLEARING: Mapping[str, str] = {
    "fms.clear.shoulder": "fms.shoulder_mobility",
    "fms.clear.spinal_extension": "fms.trunk_stability_pushup",
    "fms.clear.spinal_flexion": "fms.rotary_stability",
}
FMS_TOTAL = "fms.total"

# Lunge angles recorded before catalogue 2026.2 under the non-weight-bearing code: a value of
# ankle.dorsiflexion.knee_flexed whose position names the lunge or weight bearing is read as
# the weight-bearing measure (the stored record is left as it was).
DF_KNEE_FLEXED = "ankle.dorsiflexion.knee_flexed"
DF_WEIGHT_BEARING = "ankle.dorsiflexion.weight_bearing"
WEIGHT_BEARING_WORDS: tuple[str, ...] = ("lunge", "weight", "knee to wall", "carga")
WEIGHT_BEARING_ABBREVIATION = "wb"  # a word of its own ("WB lunge"), never inside another
FMS_MAX_SCORE = 3

LEFS_ITEMS = 20
LEFS_MAX_ITEM = 4
LEFS_TOTAL = "lefs.total"

# Labels for computed rows when the catalogue in use does not (yet) list them. They carry no
# norms or error, so nothing is judged against invented numbers.
_FALLBACK_MEASURES: Mapping[str, Measure] = {
    YBALANCE_COMPOSITE: Measure(
        code=YBALANCE_COMPOSITE,
        labels={"en": "Y-Balance composite", "es": "Y-Balance compuesto"},
        kind="ratio",
        region="lower limb",
        unit="percent",
        bounds=(0.0, 200.0),
        bilateral=True,
        modes=("none",),
        computed=True,
    ),
    FMS_TOTAL: Measure(
        code=FMS_TOTAL,
        labels={"en": "FMS total", "es": "FMS total"},
        kind="score",
        region="whole body",
        unit="score",
        bounds=(0.0, 21.0),
        bilateral=False,
        modes=("none",),
        computed=True,
    ),
    LEFS_TOTAL: Measure(
        code=LEFS_TOTAL,
        labels={"en": "LEFS", "es": "LEFS"},
        kind="score",
        region="lower limb",
        unit="score",
        bounds=(0.0, 80.0),
        bilateral=False,
        modes=("none",),
        computed=True,
    ),
}
