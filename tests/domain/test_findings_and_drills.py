"""Sports-PT review, point 1: the findings a report lists and the drills of the home program
line up by one rule (domain.report_findings.program_findings). Each finding names the drills
that answer it or says why none does; each drill names the finding it answers, or says that
none calls for it. Worked cases with a runner's values and the words a report prints.
"""

from __future__ import annotations

from mobileathlete_desktop.domain.exercises import default_exercise_library
from mobileathlete_desktop.domain.interpretation import glance, highlights, interpret_assessment
from mobileathlete_desktop.domain.interpretation.highlights import Highlight
from mobileathlete_desktop.domain.recommendations import (
    Observation,
    library_drills,
    observations_from_glance,
    plan,
)
from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
    ClientHistory,
    FindingRecord,
    MeasurementRecord,
)
from mobileathlete_desktop.domain.report_findings import (
    WHY_COMPLAINT,
    WHY_CONTEXT,
    WHY_HELD_BACK,
    WHY_NOT_IN_PROGRAM,
    WHY_PAIN,
    ProgramFindings,
    drill_reason,
    program_findings,
)
from tests.domain.worked_visits import CAT, V1, client

LIBRARY = default_exercise_library()
DRILLS = library_drills(LIBRARY)
NAMES = {e.code: e.name("en") for e in LIBRARY}
M = MeasurementRecord


def _seen(
    *values: MeasurementRecord, findings: tuple[FindingRecord, ...] = ()
) -> tuple[list[Highlight], list[Observation]]:
    """A woman of 34 seen once: the findings a report lists and the recommender's."""
    visit = AssessmentRecord(
        id=1,
        client_id=1,
        date=V1,
        kind="initial",
        status="signed",
        measurements=values,
        findings=findings,
    )
    result = interpret_assessment(ClientHistory(client("female", 34), (visit,)), catalogue=CAT)
    return highlights(result, "en", CAT), observations_from_glance(glance(result))


def _lined_up(
    *values: MeasurementRecord, program: list[str], complaint: str = "", **kw: object
) -> ProgramFindings:
    found, observed = _seen(*values, **kw)  # type: ignore[arg-type]
    return program_findings(found, observed, program, DRILLS, complaint)


# DEMO-0001's last visit, in short: a stiff right big toe (passive 50°, norm 70°; 20° less
# than the left), single-leg stance painful on the right, FMS hurdle step 3 left and 2 right,
# a fair right step-down with loss of balance. The program a check-in left: toe yoga, big-toe
# rocks, the front plank, and the inchworm kept from before.
RUNNER = (
    M("hallux.extension", "left", "passive", 70),
    M("hallux.extension", "left", "active", 68),
    M("hallux.extension", "right", "passive", 50),
    M("hallux.extension", "right", "active", 48),
    M("balance.single_leg", "left", "none", 30),
    M("balance.single_leg", "right", "none", 30, pain=True),
    M("fms.hurdle_step", "left", "none", 3),
    M("fms.hurdle_step", "right", "none", 2),
)
STEP_DOWN = (
    FindingRecord("stepdown", "right", faults=("loss_of_balance",), rating="fair"),
    FindingRecord("stepdown", "left", rating="good"),
)
PROGRAM = ["control.toe_yoga", "mobility.big_toe_rock", "strength.plank", "mobility.inchworm"]


def test_each_listed_finding_names_its_drills_or_why_none() -> None:
    """The report's findings, in rank, each with what the home program does about it: the
    big toe's restriction and its asymmetry by the two toe drills; the FMS asymmetry (now a
    listed finding: the front plank is given for it) by the plank; the painful stance by no
    drill ("pain, to be assessed in clinic"); the step-down's loss of balance by none of
    these four, though the library has drills for it."""
    lined = _lined_up(*RUNNER, program=PROGRAM, findings=STEP_DOWN)
    said = [(a.finding.title(), a.words("en", NAMES)) for a in lined.findings]
    assert said == [
        ("Pain", "Home program: none; pain, to be assessed in clinic."),
        ("Restriction", "Home program: Toe yoga, Big-toe rocks."),
        ("Asymmetry", "Home program: Toe yoga, Big-toe rocks."),
        ("Asymmetry", "Home program: Front plank."),
        (
            "Movement faults",
            "Home program: none in this program; the library has drills for it (a program "
            "holds at most four at a time).",
        ),
    ]
    assert [a.why_not for a in lined.findings] == [WHY_PAIN, "", "", "", WHY_NOT_IN_PROGRAM]
    fms = lined.findings[3].finding
    assert fms.text == (
        "FMS asymmetry, the sides scored differently: FMS hurdle step left 3, right 2 "
        "(cook-2006); the lower side counts towards the total."
    )


def test_each_drill_names_the_listed_finding_it_answers_or_none() -> None:
    """The Why column by the same rule: a toe drill names the restriction (the weightier of
    the two findings of that toe), the plank the FMS asymmetry the findings list holds, and
    the inchworm, which no finding of this visit calls for, says so after its kind."""
    lined = _lined_up(*RUNNER, program=PROGRAM, findings=STEP_DOWN)
    why = [lined.for_drill(code).words("en", CAT, category="Mobility") for code in PROGRAM]
    assert why == [
        "Restriction: First MTP (hallux) extension, right",
        "Restriction: First MTP (hallux) extension, right",
        "Asymmetry: FMS hurdle step, right",
        "Mobility: no finding at this assessment calls for it",
    ]
    listed = {id(a.finding) for a in lined.findings}
    for code in PROGRAM[:3]:
        finding = lined.for_drill(code).finding
        assert finding is not None and id(finding) in listed
        answer = next(a for a in lined.findings if a.finding is finding)
        assert code in answer.drills


def test_the_recommenders_own_program_answers_every_finding_a_drill_can() -> None:
    """The program the recommender makes for this runner: every drill names a listed
    finding, and only the pain is left without a drill (pain chooses none)."""
    found, observed = _seen(*RUNNER, findings=STEP_DOWN)
    made = [r.exercise_code for r in plan(observed, DRILLS).recommendations]
    lined = program_findings(found, observed, made, DRILLS)
    assert all(d.finding is not None for d in lined.drills)
    assert [a.why_not for a in lined.findings if not a.drills] == [WHY_PAIN]


def test_a_painful_hop_short_of_its_criterion_has_its_drills_held_back() -> None:
    """Single hop 120 cm left, painful, against 160 cm right (LSI 75%, under the 90%
    criterion): hopping and landing drills go through a painful region (a bone-stress
    warning), so the asymmetry says its drills are held back, and the pain that it is to be
    assessed in clinic."""
    lined = _lined_up(
        M("hop.single", "left", "none", 120, pain=True),
        M("hop.single", "right", "none", 160),
        program=["control.single_leg_balance"],
    )
    said = {a.finding.kind: a for a in lined.findings}
    assert said["pain"].why_not == WHY_PAIN
    assert said["asymmetry"].why_not == WHY_HELD_BACK
    assert said["asymmetry"].words() == (
        "Home program: none; its drills would load or stretch a painful or over-mobile "
        "range, to be assessed in clinic."
    )


def test_a_lunge_asymmetry_s_drills_held_back_for_insertional_achilles_pain_say_so() -> None:
    """DEMO-0004's case: knee-to-wall 6 cm left against 11 cm right, insertional Achilles
    pain coded. The ankle rocks and the soleus stretch the asymmetry calls for take the loaded
    ankle to end-range dorsiflexion, which the complaint holds back (the recommender's rule):
    the finding says so, not that the library has drills for it. No code, or a complaint that
    holds back other drills (lateral hip pain): as before."""
    lunge = (M("wblt.distance", "left", "none", 6), M("wblt.distance", "right", "none", 11))
    coded = _lined_up(*lunge, program=["control.dead_bug"], complaint="achilles_insertional")
    (answer,) = coded.findings
    assert (answer.finding.kind, answer.finding.code) == ("asymmetry", "wblt.distance")
    assert answer.why_not == WHY_COMPLAINT
    assert answer.words() == (
        "Home program: none; the drills best suited to it are held back for the client's "
        "complaint, insertional Achilles pain."
    )
    assert answer.words("es") == (
        "Programa en casa: ninguno; los ejercicios más adecuados para esto están en pausa por "
        "el cuadro clínico del cliente, dolor del tendón de Aquiles en su inserción."
    )
    for complaint in ("", "lateral_hip_gluteal", "patellofemoral"):
        (before,) = _lined_up(*lunge, program=["control.dead_bug"], complaint=complaint).findings
        assert before.why_not == WHY_NOT_IN_PROGRAM
    # A program with a drill for it answers it, coded or not.
    (answered,) = _lined_up(
        *lunge, program=["strength.tibialis_raise"], complaint="achilles_insertional"
    ).findings
    assert answered.drills == ("strength.tibialis_raise",)


def test_a_shoulder_item_of_the_screen_is_context_only() -> None:
    """FMS shoulder mobility 1 left, 3 right: listed (the screen's asymmetry), but a shoulder
    item chooses no running drill: "context only, not a drill target"."""
    lined = _lined_up(
        M("fms.shoulder_mobility", "left", "none", 1),
        M("fms.shoulder_mobility", "right", "none", 3),
        program=["control.dead_bug"],
    )
    assert [(a.finding.code, a.why_not) for a in lined.findings] == [
        ("fms.shoulder_mobility", WHY_CONTEXT)
    ]
    assert lined.findings[0].words() == "Home program: none; context only, not a drill target."
    assert lined.for_drill("control.dead_bug").finding is None


def test_a_painful_restricted_knee_is_answered_by_pain_free_control_work() -> None:
    """Left knee flexion 100° passive, 95° active, painful; right 135°/133°: the painful
    restriction is one pain finding, and heel slides (unloaded active work within the
    pain-free range, the only kind the recommender gives into a painful motion) answer it."""
    lined = _lined_up(
        M("knee.flexion", "left", "passive", 100, pain=True),
        M("knee.flexion", "left", "active", 95, pain=True),
        M("knee.flexion", "right", "passive", 135),
        M("knee.flexion", "right", "active", 133),
        program=["mobility.heel_slide"],
    )
    pain = next(a for a in lined.findings if a.finding.kind == "pain")
    assert pain.words("en", NAMES) == "Home program: Heel slides."
    assert lined.for_drill("mobility.heel_slide").words("en", CAT) == "Pain: Knee flexion, left"


def test_a_short_list_keeps_every_finding_a_drill_answers() -> None:
    """With room for two findings, the two the program's drills answer are listed before a
    more pressing one no drill answers (each drill's Why names a finding on the list); the
    list stays in rank order."""
    lined = _lined_up(*RUNNER, program=["strength.plank"], findings=STEP_DOWN)
    shown = lined.shown(2)
    assert [a.finding.title() for a in shown] == ["Pain", "Asymmetry"]
    assert shown[1].drills == ("strength.plank",)
    assert lined.shown(None) == lined.findings


def test_the_full_records_why_names_the_finding_by_the_same_rule() -> None:
    """With no findings list to line up with (the full record lists every value),
    `drill_reason` names the recommender's finding by its kind, as before."""
    _found, observed = _seen(*RUNNER, findings=STEP_DOWN)
    toe = next(d for d in DRILLS if d.code == "control.toe_yoga")
    inchworm = next(d for d in DRILLS if d.code == "mobility.inchworm")
    assert drill_reason(toe, observed, "en", CAT) == (
        "Restriction: First MTP (hallux) extension, right"
    )
    assert drill_reason(inchworm, observed, "en", CAT) == ""
