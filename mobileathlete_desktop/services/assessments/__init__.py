"""Recording an assessment: values saved as they are typed, signing, addenda and history.

By use case: `visits` (create, notes, sign, addendum), `measurements` (values, findings,
computed values), `questionnaires` (LEFS, PSFS), `queries` (lists, history, worklist);
`records` turns rows into records and holds the guards. Callers import from here.
"""

from __future__ import annotations

from mobileathlete_desktop.services.assessments.measurements import (
    Recomputed,
    computed_inputs,
    recompute_stored,
    set_finding,
    set_pain,
    set_value,
    update_computed,
)
from mobileathlete_desktop.services.assessments.queries import (
    WORKLIST_DRAFTS,
    WorkItem,
    Worklist,
    assessments_between,
    list_assessments,
    load_history,
    previous_assessment,
    worklist,
)
from mobileathlete_desktop.services.assessments.questionnaires import (
    LEFS_ITEMS,
    PSFS_ACTIVITY_LENGTH,
    PsfsOffer,
    lefs_total,
    psfs_offer,
    set_lefs_answers,
    set_psfs,
)
from mobileathlete_desktop.services.assessments.records import (
    UNSET,
    AssessmentSummary,
    to_record,
)
from mobileathlete_desktop.services.assessments.visits import (
    ADDENDUM_REASON_LENGTH,
    LISTED_NAMES,
    OUTCOME_ROWS,
    addendum_reason,
    create_addendum,
    create_assessment,
    empty_parts,
    get_assessment,
    set_notes,
    set_template,
    sign_assessment,
)

__all__ = [
    "ADDENDUM_REASON_LENGTH",
    "LEFS_ITEMS",
    "LISTED_NAMES",
    "OUTCOME_ROWS",
    "PSFS_ACTIVITY_LENGTH",
    "UNSET",
    "WORKLIST_DRAFTS",
    "AssessmentSummary",
    "PsfsOffer",
    "Recomputed",
    "WorkItem",
    "Worklist",
    "addendum_reason",
    "assessments_between",
    "computed_inputs",
    "create_addendum",
    "create_assessment",
    "empty_parts",
    "get_assessment",
    "lefs_total",
    "list_assessments",
    "load_history",
    "previous_assessment",
    "psfs_offer",
    "recompute_stored",
    "set_finding",
    "set_lefs_answers",
    "set_notes",
    "set_pain",
    "set_psfs",
    "set_template",
    "set_value",
    "sign_assessment",
    "to_record",
    "update_computed",
    "worklist",
]
