"""Recommended drills: the interpreted findings mapped to exercises, ranked, each with a reason.

The recommender speaks the drill library's own vocabulary: measure codes
("ankle.dorsiflexion.knee_flexed", "wblt.distance"), deficit tags ("deficit:control",
"deficit:flexibility", "deficit:strength", "deficit:balance") and fault tags
("fault:knee_valgus"). tests/domain/test_recommendations.py fails when a name used here is
targeted by no drill in the shipped library.

How a finding chooses its drills, in order:
1. Relevance: a drill that targets the measure itself beats one that targets a related measure
   (hip extension and the Thomas test); for a movement fault, each fault the drill answers counts.
2. What the finding needs (the drill's kind):
   - a control deficit (active range short of passive) gets active control work for that
     measure (deficit:control), never a stretch;
   - movement faults get active control and strength drills aimed at each fault;
   - a range above the usual asks for no drill (more range than the norm is not a deficit):
     it keeps static stretching and flexibility drills out of that region and motion; a
     drill's reason is always a deficit or a fault;
   - a short range (below the norm, asymmetric or worse, no control deficit) gets mobility work
     first (deficit:flexibility), then a stretch;
   - a criterion not met ("cutoff": hop LSI under 90%) is answered like a short reading of
     that measure, weighed a little less; a screening total past a cut-off that went with
     injury in one cohort (Y-balance composite under 94%, FMS total 14 or less:
     model.SCREENING_CUTOFFS) chooses no drill, so no drill reads as an injury-risk
     prediction: its components do (a reach or an FMS test asymmetric beyond error); the
     FMS shoulder items (model.NOT_FOR_RUNNING_DRILLS) choose no running drill;
   - a change reaching the MCID ("clinically_important") asks for nothing by itself: it ranks
     a worse finding higher;
   - a Beighton score at or past its cut-point (possible generalised joint hypermobility)
     asks for no drill of its own: it holds back static stretching in every region.
3. Safety, for the whole program: a painful motion gets no end-range stretch, no loaded drill
   and no mobility drill into it (big-toe rocks for a painful big toe, leg swings for a painful
   hip flexion): only active control work within the pain-free range, i.e. an unloaded active
   drill tagged deficit:control for that measure (heel slides, quad sets, toe yoga), control
   drills first; no loaded drill (strength, running, tagged deficit:strength, or aimed at the
   hop tests: impact) goes through a painful region, so a painful hop (a bone-stress warning)
   gets no hopping or landing drill; every drill that moves a painful region carries "keep it
   pain-free"; no static stretch goes to a region with a control deficit or a range above the
   usual. A program made before the pain was found (a check-in's proposal) holds back, not
   cautions, each drill the recommender would leave out for that pain (`held_back_for_pain`:
   loaded work through the painful region, or anything but pain-free control work into the
   painful test): it is paused and the therapist is told "held back: pain on <test>", to add
   it back deliberately if it suits.
Findings no drill answers are returned as such (the service warns the therapist; for a painful
motion with no pain-free control drill, the warning says the therapist should choose); with
nothing answered, the runner's maintenance program (ankle and hip mobility, hip abductors,
balance, calves) is used.

Reasons are for the therapist and are written in English whatever the handout's language:
the finding they quote is the interpretation's English text, so the purpose after it is
English too. The handout's language sets the drill names, the dosage words and the client's
note ("Keep it pain-free…").

The package by part: `measures` and `faults` (how the library answers each), `model` (findings,
drills, plan), `words` (the en/es text), `matching` (relevance, fit, safety), `maintenance`
(the general program), `planner` (plan, recommend). Callers import from here.
"""

from __future__ import annotations

from mobileathlete_desktop.domain.recommendations.faults import FAULTS, FAULTS_BY_CODE, FaultDrills
from mobileathlete_desktop.domain.recommendations.maintenance import (
    MAINTENANCE,
    MAINTENANCE_FALLBACK_REASON,
    MAINTENANCE_REASON,
    MAINTENANCE_TARGETS,
    MaintenanceSlot,
    maintenance_program,
)
from mobileathlete_desktop.domain.recommendations.matching import fit, regions_for, relevance
from mobileathlete_desktop.domain.recommendations.measures import (
    DEFICIT_BALANCE,
    DEFICIT_CONTROL,
    DEFICIT_FLEXIBILITY,
    DEFICIT_STRENGTH,
    FAULT_PREFIX,
    GENERALISED_HYPERMOBILITY,
    MEASURES,
    PURPOSES,
    TARGETS_BY_MEASURE,
    MeasureDrills,
    measure_drills,
    targets_for,
)
from mobileathlete_desktop.domain.recommendations.model import (
    ACTIONABLE,
    FLAG_WEIGHTS,
    IMPACT,
    LOADED_CATEGORIES,
    MAX_DRILLS,
    NOT_FOR_RUNNING_DRILLS,
    PER_FINDING,
    SCREENING_CUTOFFS,
    SINGLE_LEG_LOADED,
    STATIC_CATEGORIES,
    Drill,
    Observation,
    Plan,
    Recommendation,
    library_drills,
    observation_from,
    observations_from_glance,
)
from mobileathlete_desktop.domain.recommendations.planner import (
    complaint_held,
    drill_findings,
    findings_for,
    held_back,
    held_back_for_complaint,
    held_back_for_pain,
    loading_pain,
    pain_cautions,
    pain_free_cues,
    plan,
    recommend,
    vocabulary,
    with_pain_cautions,
    withheld,
)
from mobileathlete_desktop.domain.recommendations.words import (
    CONTROL_NOTE,
    FAULT_NOTE,
    HYPERMOBILE_HANDOUT,
    HYPERMOBILE_NOTE,
    PAIN_CONTROL_NOTE,
    PAIN_HANDOUT,
    PAIN_NOTE,
    REASON_LANG,
    purpose,
    reason_for,
)

__all__ = [
    "ACTIONABLE",
    "CONTROL_NOTE",
    "DEFICIT_BALANCE",
    "DEFICIT_CONTROL",
    "DEFICIT_FLEXIBILITY",
    "DEFICIT_STRENGTH",
    "FAULTS",
    "FAULTS_BY_CODE",
    "FAULT_NOTE",
    "FAULT_PREFIX",
    "FLAG_WEIGHTS",
    "GENERALISED_HYPERMOBILITY",
    "HYPERMOBILE_HANDOUT",
    "HYPERMOBILE_NOTE",
    "IMPACT",
    "LOADED_CATEGORIES",
    "MAINTENANCE",
    "MAINTENANCE_FALLBACK_REASON",
    "MAINTENANCE_REASON",
    "MAINTENANCE_TARGETS",
    "MAX_DRILLS",
    "MEASURES",
    "NOT_FOR_RUNNING_DRILLS",
    "PAIN_CONTROL_NOTE",
    "PAIN_HANDOUT",
    "PAIN_NOTE",
    "PER_FINDING",
    "PURPOSES",
    "REASON_LANG",
    "SCREENING_CUTOFFS",
    "SINGLE_LEG_LOADED",
    "STATIC_CATEGORIES",
    "TARGETS_BY_MEASURE",
    "Drill",
    "FaultDrills",
    "MaintenanceSlot",
    "MeasureDrills",
    "Observation",
    "Plan",
    "Recommendation",
    "complaint_held",
    "drill_findings",
    "findings_for",
    "fit",
    "held_back",
    "held_back_for_complaint",
    "held_back_for_pain",
    "library_drills",
    "loading_pain",
    "maintenance_program",
    "measure_drills",
    "observation_from",
    "observations_from_glance",
    "pain_cautions",
    "pain_free_cues",
    "plan",
    "purpose",
    "reason_for",
    "recommend",
    "regions_for",
    "relevance",
    "targets_for",
    "vocabulary",
    "with_pain_cautions",
    "withheld",
]
