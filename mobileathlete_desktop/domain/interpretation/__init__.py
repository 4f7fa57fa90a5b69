"""Clinical interpretation of an assessment: norms, side-to-side, active–passive gap and change.

Every judgement here is a rule applied to catalogue data (norms, measurement error, asymmetry
thresholds) and every reason a therapist reads names the catalogue source it rests on. Bad or
missing input (one visit, no date of birth, one side only, no norm) never raises: the reason
says what is missing instead.

A package: results (flags and result records), rules (one function a rule), computed
(the only scorers), assessment (interpreting a visit), wording (sentences), value_words (the
words they are built from), glance (the short lines of the window), highlights (the findings
that matter, ranked), changes (what changed, MDC and MCID apart).
"""

from mobileathlete_desktop.domain.interpretation.assessment import (
    interpret_assessment,
    interpret_history,
    measure_for,
    measure_series,
)
from mobileathlete_desktop.domain.interpretation.changes import (
    ChangeLine,
    change_lines,
    change_sentence,
    episode_interpretation,
)
from mobileathlete_desktop.domain.interpretation.client_words import client_lines
from mobileathlete_desktop.domain.interpretation.codes import (
    FMS_CLEARING,
    FMS_MAX_SCORE,
    FMS_TESTS,
    FMS_TOTAL,
    LEFS_ITEMS,
    LEFS_MAX_ITEM,
    LEFS_TOTAL,
    LIMB_LENGTH,
    YBALANCE_COMPOSITE,
    YBALANCE_REACHES,
)
from mobileathlete_desktop.domain.interpretation.computed import (
    BODY_MASS,
    HIP_STRENGTH,
    HOP_LSI,
    fms_clearing,
    fms_test_score,
    fms_total,
    is_weight_bearing,
    lefs_total,
    limb_symmetry_index,
    torque_per_body_mass,
    ybalance_composite,
)
from mobileathlete_desktop.domain.interpretation.glance import GLANCE_ORDER, glance, summary_rows
from mobileathlete_desktop.domain.interpretation.highlights import (
    HIGHLIGHT_ORDER,
    Highlight,
    highlights,
    movement_words,
)
from mobileathlete_desktop.domain.interpretation.results import (
    ABOVE_NORM_PERCENT,
    BELOW_NORM_PERCENT,
    DEFAULT_LSI_THRESHOLD,
    FLAG_ABOVE_NORM,
    FLAG_ASYMMETRY,
    FLAG_BELOW_NORM,
    FLAG_CLINICALLY_IMPORTANT,
    FLAG_CONTROL_DEFICIT,
    FLAG_FAULTS,
    FLAG_IMPROVED,
    FLAG_PAIN,
    FLAG_WORSE,
    FLAGS,
    ActivePassiveGap,
    AssessmentInterpretation,
    Change,
    FmsResult,
    GlanceLine,
    Interpretation,
    Key,
    NormComparison,
    NormFlag,
    RaterKind,
    SeriesPoint,
    SideComparison,
    SummaryRow,
    Verdict,
)
from mobileathlete_desktop.domain.interpretation.rules import (
    active_passive_gap,
    compare_sides,
    compare_with_norm,
    judge_change,
    within_norm_range,
)
from mobileathlete_desktop.domain.interpretation.wording import (
    finding_sentence,
    side_difference_words,
    side_verdict_words,
)

__all__ = [
    "ABOVE_NORM_PERCENT",
    "BELOW_NORM_PERCENT",
    "BODY_MASS",
    "DEFAULT_LSI_THRESHOLD",
    "FLAGS",
    "FLAG_ABOVE_NORM",
    "FLAG_ASYMMETRY",
    "FLAG_BELOW_NORM",
    "FLAG_CLINICALLY_IMPORTANT",
    "FLAG_CONTROL_DEFICIT",
    "FLAG_FAULTS",
    "FLAG_IMPROVED",
    "FLAG_PAIN",
    "FLAG_WORSE",
    "FMS_CLEARING",
    "FMS_MAX_SCORE",
    "FMS_TESTS",
    "FMS_TOTAL",
    "GLANCE_ORDER",
    "HIGHLIGHT_ORDER",
    "HIP_STRENGTH",
    "HOP_LSI",
    "LEFS_ITEMS",
    "LEFS_MAX_ITEM",
    "LEFS_TOTAL",
    "LIMB_LENGTH",
    "YBALANCE_COMPOSITE",
    "YBALANCE_REACHES",
    "ActivePassiveGap",
    "AssessmentInterpretation",
    "Change",
    "ChangeLine",
    "FmsResult",
    "GlanceLine",
    "Highlight",
    "Interpretation",
    "Key",
    "NormComparison",
    "NormFlag",
    "RaterKind",
    "SeriesPoint",
    "SideComparison",
    "SummaryRow",
    "Verdict",
    "active_passive_gap",
    "change_lines",
    "change_sentence",
    "client_lines",
    "compare_sides",
    "compare_with_norm",
    "episode_interpretation",
    "finding_sentence",
    "fms_clearing",
    "fms_test_score",
    "fms_total",
    "glance",
    "highlights",
    "interpret_assessment",
    "interpret_history",
    "is_weight_bearing",
    "judge_change",
    "lefs_total",
    "limb_symmetry_index",
    "measure_for",
    "measure_series",
    "movement_words",
    "side_difference_words",
    "side_verdict_words",
    "summary_rows",
    "torque_per_body_mass",
    "within_norm_range",
    "ybalance_composite",
]
