"""Recommendations: findings to ranked drills in the library's own vocabulary, worked runner
cases a sports physical therapist would sign, safety (pain, control, hypermobility), and the
maintenance program."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.exercises import REGIONS, default_exercise_library
from mobileathlete_desktop.domain.programs import ProgramItemRecord
from mobileathlete_desktop.domain.recommendations import (
    FAULTS,
    MAINTENANCE,
    MAX_DRILLS,
    MEASURES,
    Drill,
    Observation,
    maintenance_program,
    observation_from,
    plan,
    purpose,
    recommend,
    vocabulary,
)
from mobileathlete_desktop.support.i18n import texts

# --- the shipped library, as the recommender sees it -------------------------------------

LIBRARY = default_exercise_library()
DRILLS = [
    Drill(
        e.code,
        e.category,
        frozenset(e.targets),
        e.active,
        ProgramItemRecord(e.code, e.dosage.sets, e.dosage.reps, e.dosage.hold_s),
        frozenset(e.regions),
        frozenset(e.loads),
    )
    for e in LIBRARY
]
BY_CODE = {d.code: d for d in DRILLS}


def codes(observations: list[Observation], lang: str = "en") -> list[str]:
    return [r.exercise_code for r in recommend(observations, DRILLS, lang=lang)]


def finding(
    code: str,
    flags: set[str],
    reason: str,
    side: str = "right",
    faults: tuple[str, ...] = (),
) -> Observation:
    return Observation(code, side, frozenset(flags), reason, faults=faults)


# --- one vocabulary ------------------------------------------------------------------------


def test_every_target_the_recommender_names_is_targeted_by_a_shipped_drill() -> None:
    """TARGETS_BY_MEASURE, the fault and deficit mapping and the maintenance slots may only
    name targets that some drill in resources/exercises.toml has (no 'calf', 'glute_med')."""
    shipped = {t for e in LIBRARY for t in e.targets}
    unknown = sorted(vocabulary() - shipped)
    assert not unknown, f"targets no drill in the library has: {unknown}"
    assert {"deficit:control", "deficit:flexibility", "fault:knee_valgus"} <= vocabulary()


def test_regions_faults_and_measures_are_the_library_and_catalogue_words() -> None:
    assert {r for m in MEASURES for r in m.regions} <= set(REGIONS)
    catalogue = default_catalogue()
    measure_codes = list(catalogue.measures)
    for entry in MEASURES:
        assert any(c == entry.prefix or c.startswith(entry.prefix + ".") for c in measure_codes), (
            entry.prefix
        )
    fault_codes = {f.code for m in catalogue.measures.values() for f in m.faults}
    assert {f.code for f in FAULTS} <= fault_codes
    for slot in MAINTENANCE:
        assert any(
            d.active and d.category in slot.categories and d.targets & set(slot.targets)
            for d in DRILLS
        ), slot.name


# --- worked runner cases -------------------------------------------------------------------

HIP_CONTROL = finding(
    "hip.extension",
    {"control_deficit", "below_norm"},
    "Hip extension, left: active 8°, passive 20° (gap 12°, beyond the measurement error)",
    side="left",
)


def test_hip_control_deficit_gets_hip_extension_control_drills_not_hip_flexor_stretches() -> None:
    """Active 8° against passive 20° (normal passive hip extension is about 20°, Roach and Miles
    1991): the range is there, control of it is not."""
    recs = recommend([HIP_CONTROL], DRILLS)
    assert recs
    for rec in recs:
        drill = BY_CODE[rec.exercise_code]
        assert "deficit:control" in drill.targets and drill.aims_at("hip.extension")
        assert drill.active and drill.category != "stretch" and not drill.is_flexibility_only
        assert rec.reason.endswith(
            ": active control work (a control deficit, not a flexibility limit)"
        )
    assert "stretch.kneeling_hip_flexor" not in [r.exercise_code for r in recs]
    assert recs[0].exercise_code == "control.glute_bridge"
    assert purpose(HIP_CONTROL, "es") == (
        "trabajo activo de control (déficit de control, no de flexibilidad)"
    )


def test_a_control_deficit_keeps_stretches_out_of_its_region_but_not_elsewhere() -> None:
    tight_calf = finding(
        "ankle.dorsiflexion.knee_extended", {"below_norm"}, "Ankle, knee straight: 5°"
    )
    tight_hamstrings = finding("slr", {"below_norm"}, "Straight-leg raise: 55°")
    # Safety, not the daily cap, is what this case is about: a longer program shows it.
    chosen = [
        r.exercise_code
        for r in recommend([HIP_CONTROL, tight_calf, tight_hamstrings], DRILLS, limit=6)
    ]
    assert "stretch.calf_wall" in chosen  # the ankle is not the controlled region
    assert not [c for c in chosen if BY_CODE[c].is_static_stretch and "hip" in BY_CODE[c].regions]


def test_calf_flexibility_limit_gets_ankle_mobility_first_then_a_stretch() -> None:
    """Knee-bent dorsiflexion active 28° ≈ passive 30°, below the usual range: a flexibility
    limit (soleus and ankle joint), not a control deficit."""
    calf = finding(
        "ankle.dorsiflexion.knee_flexed",
        {"below_norm", "asymmetry"},
        "Ankle dorsiflexion, knee bent, right: active 28°, passive 30° (80% of the usual range)",
    )
    recs = recommend([calf], DRILLS)
    assert [r.exercise_code for r in recs] == ["mobility.knee_to_wall_rock", "stretch.soleus_wall"]
    assert recs[0].reason.endswith(": ankle mobility (soleus and ankle joint)")
    assert all(r.note == "" for r in recs)
    assert purpose(calf, "es") == "movilidad del tobillo (sóleo y articulación)"


def test_a_range_above_the_norm_is_no_reason_for_a_drill() -> None:
    """Hip rotation well above the adult norm (internal 55° and external 62° against 35° and
    42°, Kouyoumdjian 2012) is more range than usual, not a deficit: no drill is chosen for
    it (no "strength through range" reason), the general program stands in and leaves every
    hip stretch and hip-rotation mobility drill out."""
    internal = finding("hip.internal_rotation", {"above_norm"}, "Hip internal rotation, right: 55°")
    external = finding("hip.external_rotation", {"above_norm"}, "Hip external rotation, right: 62°")
    result = plan([internal, external], DRILLS)
    assert result.maintenance and not result.unanswered
    for rec in result.recommendations:
        drill = BY_CODE[rec.exercise_code]
        assert "55°" not in rec.reason and "62°" not in rec.reason
        assert "more range than usual" not in rec.reason
        assert not (drill.is_static_stretch and "hip" in drill.regions), rec.exercise_code
    assert not {r.exercise_code for r in result.recommendations} & {
        "stretch.figure_four",
        "mobility.ninety_ninety_switch",
    }


def test_heel_drops_are_never_justified_by_an_ankle_plantarflexion_above_the_norm() -> None:
    """Ankle plantarflexion 65° against the AAOS 50°: above the norm, not a deficit. No calf
    drill is chosen for it; a calf strength deficit (heel-rise endurance short) is what chooses
    calf work, with that deficit as the reason."""
    loose = finding("ankle.plantarflexion", {"above_norm"}, "Ankle plantarflexion, right: 65°")
    result = plan([loose], DRILLS)
    assert result.maintenance
    assert all("65°" not in r.reason for r in result.recommendations)
    short = finding("calf.heel_rise", {"below_norm"}, "Heel-rise endurance, right: 12 reps")
    recs = plan([loose, short], DRILLS).recommendations
    assert recs and all(r.reason.startswith("Heel-rise endurance, right: 12 reps") for r in recs)


def test_every_drill_reason_is_a_deficit_or_a_fault_never_a_range_above_the_norm() -> None:
    """Whatever the findings, no recommendation's reason quotes a finding that is only above
    the norm or only past a screening cut-off (the reasons are the findings' own lines)."""
    above = finding("knee.flexion", {"above_norm"}, "ABOVE: knee flexion 160°")
    screen = finding("fms.total", {"cutoff"}, "SCREEN: FMS total 12", "none")
    composite = finding("ybalance.composite", {"cutoff"}, "SCREEN: composite 80%", "left")
    short = finding("hip.extension", {"below_norm"}, "Hip extension passive 5°")
    valgus = finding("sls", {"faults"}, "Single-leg squat, right: poor", faults=("knee_valgus",))
    recs = recommend([above, screen, composite, short, valgus], DRILLS)
    assert recs
    for rec in recs:
        assert not rec.reason.startswith(("ABOVE", "SCREEN")), rec


def test_a_hypermobile_range_keeps_stretches_out_of_the_whole_program() -> None:
    loose = finding("hip.external_rotation", {"above_norm"}, "Hip external rotation: 65°")
    tight = finding("hip.extension", {"below_norm"}, "Hip extension passive 5°")
    chosen = codes([loose, tight])
    assert not [c for c in chosen if BY_CODE[c].is_static_stretch and "hip" in BY_CODE[c].regions]
    assert any(BY_CODE[c].aims_at("hip.extension") for c in chosen)


PAINFUL_KNEE = finding(
    "knee.flexion",
    {"below_norm", "pain"},
    "Knee flexion, right: active 118°, passive 124° (88% of the usual range)",
)
VALGUS_STEPDOWN = finding(
    "stepdown", {"faults"}, "Step-down, right: fair (knee drifting inward)", faults=("knee_valgus",)
)


def test_painful_knee_flexion_gets_no_quadriceps_stretch_no_side_lunge_and_a_pain_note() -> None:
    """The runner's knee: end-range knee bend hurts and the step-down lets the knee drift in."""
    result = plan([PAINFUL_KNEE, VALGUS_STEPDOWN], DRILLS)
    chosen = [r.exercise_code for r in result.recommendations]
    assert chosen
    assert not {"stretch.standing_quad", "mobility.lateral_lunge", "running.heel_flicks"} & set(
        chosen
    )
    for code in chosen:
        assert not (BY_CODE[code].is_loaded and "knee" in BY_CODE[code].regions), code
    for rec in result.recommendations:
        if "knee" in BY_CODE[rec.exercise_code].regions:
            assert rec.reason.endswith("(keep it pain-free)")
            assert rec.note.startswith("Keep it pain-free")
    # The valgus is answered at the hip while the knee hurts: step-downs (body weight on the
    # painful bent knee) wait; hip abductor work does not load the knee.
    assert not {"control.step_down_forward", "control.step_down_lateral"} & set(chosen)
    assert any("fault:knee_valgus" in BY_CODE[c].targets for c in chosen)
    # The painful knee bend is answered gently: heel slides, unloaded, pain-free.
    assert chosen[0] == "mobility.heel_slide"
    assert not result.unanswered and not result.warnings()
    spanish = plan([PAINFUL_KNEE, VALGUS_STEPDOWN], DRILLS, lang="es").recommendations[0]
    assert spanish.reason.endswith("(keep it pain-free)")  # for the therapist, in English
    assert "sin provocar dolor" in spanish.note


def test_painful_knee_alone_gets_pain_free_heel_slides_and_nothing_loaded() -> None:
    """End-range knee flexion hurts and is short: the unloaded heel slide, pain-free, and no
    quadriceps stretch or loaded knee work (the heel flick is a running drill)."""
    result = plan([PAINFUL_KNEE], DRILLS)
    assert not result.maintenance and not result.warnings()
    assert [r.exercise_code for r in result.recommendations] == ["mobility.heel_slide"]
    rec = result.recommendations[0]
    assert rec.reason.endswith(
        ": knee bend and quadriceps mobility — active control only while it hurts"
        " (keep it pain-free)"
    )
    assert rec.note == "Keep it pain-free — stop before it hurts."


PAINFUL_HALLUX = finding(
    "hallux.extension",
    {"below_norm", "pain"},
    "First MTP (hallux) extension, left: passive 53° (76% of the usual value)",
    "left",
)
PAINFUL_HIP_FLEXION = finding(
    "hip.flexion",
    {"below_norm", "pain"},
    "Hip flexion, right: passive 100° (83% of the usual value)",
)


def test_a_painful_big_toe_gets_toe_yoga_not_big_toe_rocks() -> None:
    """Hallux extension short and painful: big-toe rocks put body weight over the bent toe
    (loaded end range into the painful motion); toe yoga is active control within the
    pain-free range, with the pain note."""
    result = plan([PAINFUL_HALLUX], DRILLS)
    assert [r.exercise_code for r in result.recommendations] == ["control.toe_yoga"]
    (rec,) = result.recommendations
    assert rec.reason.endswith(
        "big-toe mobility — active control only while it hurts (keep it pain-free)"
    )
    assert rec.note == "Keep it pain-free — stop before it hurts."
    assert not result.warnings()
    # Without the pain the rocks come first.
    assert codes([replace(PAINFUL_HALLUX, flags=frozenset({"below_norm"}))])[0] == (
        "mobility.big_toe_rock"
    )


def test_a_painful_hip_flexion_gets_no_leg_swings_no_pry_only_controlled_hip_circles() -> None:
    """Hip flexion short and painful: leg swings (ballistic end range), the deep-squat pry,
    the world's greatest stretch and marching all go into it; hip CARs are active control
    (deficit:control for hip flexion) kept within the pain-free range."""
    result = plan([PAINFUL_HIP_FLEXION], DRILLS)
    chosen = [r.exercise_code for r in result.recommendations]
    assert chosen == ["mobility.hip_car"]
    assert result.recommendations[0].note.startswith("Keep it pain-free")
    assert not result.warnings()
    flexion_drills = [d for d in DRILLS if d.aims_at("hip.flexion")]
    for d in flexion_drills:
        if d.code != "mobility.hip_car":
            assert d.code not in chosen


def test_a_drill_into_a_painful_motion_must_be_unloaded_active_control() -> None:
    """The rule on every drill of the library: into a painful motion only drills tagged
    deficit:control, active and unloaded; every other drill aiming at it is left out."""
    for observation in (PAINFUL_HALLUX, PAINFUL_HIP_FLEXION, PAINFUL_KNEE):
        beside = finding("hip.abduction", {"below_norm"}, "Hip abduction, right: 30°")
        for rec in recommend([observation, beside], DRILLS):
            drill = BY_CODE[rec.exercise_code]
            if drill.aims_at(observation.code):
                assert "deficit:control" in drill.targets, (observation.code, drill.code)
                assert drill.active and not drill.is_loaded and not drill.is_static_stretch
                assert rec.note.startswith("Keep it pain-free")


def test_a_painful_motion_no_control_drill_answers_is_left_to_the_therapist() -> None:
    """Painful short Ober: only side leans and side-to-side swings aim at it, both mobility
    drills into the painful motion: nothing is given for it, and the therapist is told."""
    painful_ober = finding(
        "ober.hip_adduction", {"below_norm", "pain"}, "Modified Ober test, right: passive 5°."
    )
    result = plan([painful_ober], DRILLS)
    assert result.unanswered == [painful_ober]
    assert result.warnings()[0] == (
        "No drill in the library answers: Modified Ober test, right: passive 5° (it hurts: only"
        " pain-free active control work may go into it, no stretch, loaded or mobility drill,"
        " and the library has none for it); the therapist should choose"
    )
    assert result.maintenance
    for rec in result.recommendations:
        assert not BY_CODE[rec.exercise_code].aims_at("ober.hip_adduction")


def test_maintenance_beside_a_painful_knee_spares_it() -> None:
    recs = maintenance_program(DRILLS, observations=[PAINFUL_KNEE])
    chosen = {r.exercise_code for r in recs}
    assert chosen
    assert not {"stretch.standing_quad", "mobility.lateral_lunge"} & chosen
    assert not [c for c in chosen if BY_CODE[c].is_loaded and "knee" in BY_CODE[c].regions]


def test_single_leg_squat_with_knee_valgus_and_pelvic_drop_gets_the_task_and_hip_abductors() -> (
    None
):
    """A poor single-leg squat (Crossley 2011 rating) with the knee drifting in and the pelvis
    dropping: retrain the squat itself and strengthen the hip abductors."""
    sls = finding(
        "sls",
        {"faults"},
        "Single-leg squat, left: poor (knee valgus, pelvic drop)",
        side="left",
        faults=("knee_valgus", "pelvic_drop"),
    )
    recs = recommend([sls], DRILLS)
    chosen = [r.exercise_code for r in recs]
    assert len(chosen) == 3
    assert BY_CODE[chosen[0]].aims_at("sls")
    assert any(BY_CODE[c].aims_at("hip.abduction") for c in chosen)
    for code in chosen:
        drill = BY_CODE[code]
        assert drill.targets & {"fault:knee_valgus", "fault:pelvic_drop"}
        assert not drill.is_static_stretch
    assert "control.single_leg_squat" not in chosen  # not the same drill twice (a progression)
    assert recs[0].reason == (
        "Single-leg squat, left: poor (knee valgus, pelvic drop): single-leg control of hip and"
        " knee (knee drifting inward, pelvis dropping)"
    )
    assert purpose(sls, "es").endswith("(la rodilla se va hacia adentro, la cadera cae)")


def test_loss_of_balance_gets_balance_drills() -> None:
    wobbly = finding(
        "balance.single_leg",
        {"faults", "below_norm"},
        "Single-leg stance, right: 9 s",
        faults=("loss_of_balance",),
    )
    for code in codes([wobbly]):
        assert BY_CODE[code].targets & {"fault:loss_of_balance", "balance.single_leg"}
        assert BY_CODE[code].category == "control"


@pytest.mark.parametrize(
    "quiet",
    [
        [],
        [finding("hip.flexion", set(), "")],
        [finding("hip.flexion", {"improved"}, "Hip flexion better")],
        [finding("lefs.total", {"clinically_important", "improved"}, "LEFS +9")],
    ],
)
def test_nothing_flagged_gives_maintenance_with_ankle_and_hip_mobility(
    quiet: list[Observation],
) -> None:
    result = plan(quiet, DRILLS)
    assert result.maintenance and not result.warnings()
    drills = [BY_CODE[r.exercise_code] for r in result.recommendations]
    assert all(d.active and not d.is_static_stretch for d in drills)
    assert any(
        d.category == "mobility" and d.aims_at("ankle.dorsiflexion.knee_flexed") for d in drills
    )
    assert any(
        d.category == "mobility"
        and d.targets & {"hip.extension", "hip.internal_rotation", "hip.external_rotation"}
        for d in drills
    )
    assert any("deficit:balance" in d.targets for d in drills)
    assert any(d.aims_at("hip.abduction") for d in drills)
    assert all(r.reason.startswith("General runner maintenance") for r in result.recommendations)
    assert [r.priority for r in result.recommendations] == list(
        range(1, len(result.recommendations) + 1)
    )


def test_a_spanish_maintenance_program_keeps_the_therapists_reason_in_english() -> None:
    """The reason is for the therapist, in English; the client's note follows the handout."""
    recs = recommend([], DRILLS, lang="es")
    assert recs and all(r.reason.startswith("General runner maintenance") for r in recs)
    beside_pain = maintenance_program(DRILLS, lang="es", observations=[PAINFUL_KNEE])
    for rec in beside_pain:
        if rec.note:
            assert rec.reason.endswith("(keep it pain-free)")
            assert rec.note.startswith("Hazlo sin provocar dolor")


PSFS_WORSE = finding("psfs.average", {"worse"}, "PSFS: 6.0 → 3.3", side="none")


def test_a_finding_no_drill_answers_gives_maintenance_and_a_warning() -> None:
    """The runner's own activities got harder (PSFS): no drill answers an activity the
    therapist has not chosen for."""
    result = plan([PSFS_WORSE], DRILLS)
    assert result.maintenance and result.recommendations
    assert result.unanswered == [PSFS_WORSE]
    assert result.warnings() == [
        "No drill in the library answers: PSFS: 6.0 → 3.3; the therapist should choose",
        "The general runner maintenance program is used meanwhile",
    ]
    assert "the therapist chooses" in result.recommendations[0].reason


def test_an_answered_finding_beside_an_unanswered_one_keeps_its_drills() -> None:
    result = plan([PSFS_WORSE, HIP_CONTROL], DRILLS)
    assert not result.maintenance and result.recommendations
    assert result.warnings() == [
        "No drill in the library answers: PSFS: 6.0 → 3.3; the therapist should choose"
    ]


def test_knee_extension_short_of_straight_gets_quad_sets() -> None:
    """Knee extension −8° (short of straight; normal is 0° or a little past, Gogia 1987): the
    quad set with the heel on a towel, which the library used to lack."""
    stiff = finding("knee.extension", {"below_norm"}, "Knee extension, right: −8°")
    result = plan([stiff], DRILLS)
    assert not result.maintenance and not result.unanswered
    assert [r.exercise_code for r in result.recommendations] == ["control.quad_set"]
    assert result.recommendations[0].reason.endswith(": full knee extension")
    lag = finding(
        "knee.extension", {"control_deficit"}, "Knee extension, right: active −12°, passive 0°"
    )
    assert codes([lag]) == ["control.quad_set"]  # an extensor lag: active control, no stretch


# --- ranking rules, on a small made-up library ----------------------------------------------


def drill(
    code: str,
    category: str,
    targets: set[str],
    active: bool = True,
    regions: set[str] | None = None,
) -> Drill:
    return Drill(
        code,
        category,
        frozenset(targets),
        active,
        ProgramItemRecord(code, 3, 10),
        frozenset(regions or {"hip"}),
    )


def test_relevance_comes_before_drill_type() -> None:
    tight = finding("hip.extension", {"below_norm"}, "Hip extension passive 5°")
    small = [
        drill("region_only_mobility", "mobility", {"deficit:flexibility", "hip.flexion"}),
        drill("thomas_mobility", "mobility", {"thomas.hip_extension", "deficit:flexibility"}),
        drill("bridge", "control", {"hip.extension", "deficit:control"}),
    ]
    assert [r.exercise_code for r in recommend([tight], small)] == ["bridge", "thomas_mobility"]


def test_worst_findings_come_first_and_each_finding_gets_a_drill() -> None:
    calf = finding("ankle.dorsiflexion.knee_flexed", {"below_norm"}, "Ankle 28°")
    chosen = codes([calf, HIP_CONTROL])
    assert chosen[0] == "control.glute_bridge"  # the control deficit weighs most
    assert chosen[1] == "mobility.knee_to_wall_rock"
    assert len(chosen) == len(set(chosen)) == 4


def test_limit_caps_the_list() -> None:
    calf = finding("ankle.dorsiflexion.knee_flexed", {"below_norm"}, "Ankle 28°")
    assert len(recommend([calf, HIP_CONTROL], DRILLS, limit=3)) == 3


def test_a_reason_without_a_known_purpose_is_the_finding_alone() -> None:
    unknown = Observation("psfs.average", "none", frozenset({"worse"}), "PSFS 4 → 2")
    recs = recommend([unknown], [drill("x", "control", {"psfs.average"})])
    assert recs[0].reason == "PSFS 4 → 2"


def test_no_loaded_work_through_a_region_that_hurt_and_the_reason_says_pain_free() -> None:
    squat = drill(
        "squat", "strength", {"ankle.dorsiflexion.knee_flexed"}, regions={"knee", "ankle"}
    )
    rocks = drill(
        "rocks",
        "mobility",
        {"ankle.dorsiflexion.knee_flexed", "deficit:flexibility"},
        regions={"ankle"},
    )
    soleus = drill("soleus", "stretch", {"ankle.dorsiflexion.knee_flexed"}, False, {"ankle"})
    painful_ankle = finding(
        "ankle.dorsiflexion.knee_flexed",
        {"below_norm", "pain"},
        "Ankle dorsiflexion, knee bent, right: active 14°",
    )
    control = drill(
        "control",
        "control",
        {"ankle.dorsiflexion.knee_flexed", "deficit:control"},
        regions={"ankle"},
    )
    without_pain = replace(painful_ankle, flags=frozenset({"below_norm"}))
    assert set(codes_of([without_pain], [squat, rocks, soleus])) == {"rocks", "soleus"}
    # Into the painful motion: no stretch, no loaded drill, no mobility drill; nothing left.
    result = plan([painful_ankle], [squat, rocks, soleus])
    assert result.unanswered == [painful_ankle]
    (warning, _) = result.warnings()
    assert "it hurts: only pain-free active control work may go into it" in warning
    assert warning.endswith("the therapist should choose")
    # Only the active control drill made for it, with the pain note.
    recs = recommend([painful_ankle], [squat, rocks, soleus, control])
    assert [r.exercise_code for r in recs] == ["control"]
    assert recs[0].reason.endswith("active control only while it hurts (keep it pain-free)")
    assert recs[0].note == "Keep it pain-free — stop before it hurts."


def codes_of(observations: list[Observation], drills: list[Drill]) -> list[str]:
    return [r.exercise_code for r in recommend(observations, drills)]


def test_observation_from_any_row_carries_its_faults() -> None:
    class Row:
        code = "sls"
        side = "left"
        flags = ("faults",)
        reasons = ("Single-leg squat, left: poor",)
        faults = ("knee_valgus",)

    observation = observation_from(Row())
    assert observation.faults == ("knee_valgus",) and observation.need == "faults"
    assert observation.reason == "Single-leg squat, left: poor"


def test_an_fms_row_gets_the_librarys_fms_drills_and_a_painful_clearing_test_spares_the_trunk() -> (
    None
):
    hurdle = finding("fms.hurdle_step", {"asymmetry"}, "Hurdle step: left 1, right 3", "left")
    chosen = codes([hurdle])
    assert chosen and all(BY_CODE[c].aims_at("fms.hurdle_step") for c in chosen)
    painful = finding("fms.clear.spinal_extension", {"pain"}, "Spinal extension clearing: pain")
    recs = recommend([hurdle, painful], DRILLS)
    assert "strength.plank" not in [r.exercise_code for r in recs]
    assert all(r.reason.endswith("(keep it pain-free)") for r in recs)


# --- reference points and clinically important change ---------------------------------------


def test_a_ybalance_composite_under_94_percent_chooses_no_drill() -> None:
    """Composite 79.6% under the 94% of Plisky 2006 (a cut-off that went with injury in one
    cohort of basketball players): a reference comparison, never a reason for a drill, which
    would read as a risk prediction. Alone, the general program stands in."""
    low = finding("ybalance.composite", {"cutoff"}, "Y-Balance composite, left: 79.6%", "left")
    result = plan([low], DRILLS)
    assert result.maintenance and not result.unanswered and not result.warnings()
    assert all("79.6" not in r.reason for r in result.recommendations)


def test_a_reach_short_of_the_other_side_gets_reach_and_balance_drills() -> None:
    """The component: the left anterior reach 12 cm short of the right (flagged asymmetric)
    gets the three-way reach drill first, then balance, for that reach."""
    reach = finding(
        "ybalance.anterior", {"asymmetry"}, "Left anterior reach 60 cm, 12 cm less than right"
    )
    recs = recommend([reach], DRILLS)
    chosen = [r.exercise_code for r in recs]
    assert chosen[0] == "control.single_leg_reach"
    for code in chosen:
        assert "deficit:balance" in BY_CODE[code].targets, code
        assert not BY_CODE[code].is_static_stretch
    assert recs[0].reason.endswith(": single-leg balance and reach")
    assert purpose(reach, "es") == "equilibrio y alcance sobre una pierna"


def test_an_fms_total_at_14_chooses_no_drill_an_asymmetric_fms_test_does() -> None:
    """FMS total 14 (Kiesel 2007's cut-off; a later meta-analysis advises against predicting
    injury with it) chooses nothing; a hurdle step scored 1 left and 2 right (an FMS
    asymmetry, Cook 2006) gets the library's fms.* trunk and hip control drills, for it."""
    total = finding("fms.total", {"cutoff"}, "FMS total: 14", "none")
    assert plan([total], DRILLS).maintenance
    hurdle = finding("fms.hurdle_step", {"asymmetry"}, "FMS hurdle step: left 1, right 2", "left")
    recs = recommend([total, hurdle], DRILLS)
    assert recs and all(BY_CODE[r.exercise_code].aims_at("fms.hurdle_step") for r in recs)
    assert "control.dead_bug" in [r.exercise_code for r in recs]
    assert all(r.reason.startswith("FMS hurdle step: left 1, right 2") for r in recs)


def test_a_criterion_cutoff_weighs_a_little_less_than_a_reading_below_the_norm() -> None:
    """A hop LSI under the 90% return criterion still chooses drills (a side-to-side deficit),
    ranked a little under a reading below the norm."""
    cutoff = finding("hop.single.lsi", {"cutoff"}, "single hop LSI 80%", "none")
    below = finding("hip.flexion", {"below_norm"}, "hip flexion 95°")
    assert below.weight > cutoff.weight > finding("x.y", {"worse"}, "").weight
    assert codes([cutoff, below])[0] in {d.code for d in DRILLS if d.aims_at("hip.flexion")}
    assert not plan([cutoff], DRILLS).maintenance


def test_clinically_important_alone_asks_for_nothing_and_ranks_a_worse_finding_higher() -> None:
    assert plan([finding("nprs", {"clinically_important"}, "NPRS 2 → 5")], DRILLS).maintenance
    plain = finding("slr", {"worse"}, "Straight-leg raise: 80° → 70°")
    important = finding("hip.flexion", {"worse", "clinically_important"}, "Hip flexion worse")
    assert important.weight > plain.weight
    assert BY_CODE[codes([plain, important])[0]].aims_at("hip.flexion")


@pytest.mark.parametrize(
    ("code", "drills"),
    [
        (
            "ankle.dorsiflexion.weight_bearing",
            {"mobility.knee_to_wall_rock", "stretch.soleus_wall"},
        ),
        ("ober.hip_adduction", {"mobility.standing_itb_side_reach"}),
    ],
)
def test_the_new_catalogue_measures_are_answered(code: str, drills: set[str]) -> None:
    short = finding(code, {"below_norm"}, f"{code}: short")
    result = plan([short], DRILLS)
    assert not result.unanswered and not result.maintenance
    assert drills <= {r.exercise_code for r in result.recommendations}
    entry = next(m for m in MEASURES if code.startswith(m.prefix))
    assert entry.targets[0] == code and entry.purpose
    assert texts("es").gettext(entry.purpose) != entry.purpose  # said in Spanish too


PAIN_WORSE = finding(
    "nprs",
    {"worse", "clinically_important"},
    "Pain (NPRS 0-10) 4 points, up 2 points (100%) since 2026-10-17: worse, clinically important",
    side="none",
)


def test_a_worsening_of_pain_is_no_drill_target() -> None:
    """The review's DEMO-0009: pain up by Farrar 2001's 2 points is for the report and the
    follow-up (domain.follow_up.pain_worse), not drill matching: no "No drill in the library
    answers: Pain ..." warning, and the hip control drills stand as they would without it."""
    alone = plan([HIP_CONTROL], DRILLS)
    result = plan([PAIN_WORSE, HIP_CONTROL], DRILLS)
    assert result.unanswered == [] and result.warnings() == []
    assert [r.exercise_code for r in result.recommendations] == [
        r.exercise_code for r in alone.recommendations
    ]
    # Alone, it asks for no drill either: the general program, with nothing to warn of.
    only = plan([PAIN_WORSE], DRILLS)
    assert only.maintenance and only.unanswered == [] and only.warnings() == []


def _sore(code: str, side: str = "left") -> Observation:
    return finding(code, {"pain"}, f"{code}: pain during the test", side=side)


@pytest.mark.parametrize(
    ("sore", "cautioned", "not_cautioned"),
    [
        # Single-leg stance painful (DEMO-0005): both balance drills aim at it.
        (
            "balance.single_leg.eyes_open",
            {"control.single_leg_balance", "control.single_leg_balance_eyes_closed"},
            {"control.dead_bug"},
        ),
        # Knee-bent dorsiflexion painful (DEMO-0001): heel drops and calf raises load the ankle.
        (
            "ankle.dorsiflexion.knee_flexed",
            {"strength.eccentric_heel_drop", "strength.single_leg_calf_raise"},
            {"control.dead_bug", "control.clamshell"},
        ),
        # Hip flexion painful (DEMO-0002): the A-skip drives the hip into flexion.
        ("hip.flexion", {"running.a_skip"}, {"strength.eccentric_heel_drop"}),
    ],
)
def test_every_program_gets_the_pain_caution_by_each_drill_into_a_painful_test(
    sore: str, cautioned: set[str], not_cautioned: set[str]
) -> None:
    """The one rule for any program shown (recommended, saved, progressed): the recommender's
    pain rule, the caution by each drill moving a painful motion or region."""
    from mobileathlete_desktop.domain.recommendations import pain_cautions, with_pain_cautions

    codes = sorted(cautioned | not_cautioned)
    said = pain_cautions([_sore(sore)], DRILLS, codes, "en")
    assert set(said) == cautioned
    assert set(said.values()) == {"Keep it pain-free — stop before it hurts."}
    items = with_pain_cautions(
        [ProgramItemRecord(c, notes="Slowly.") for c in codes], [_sore(sore)], DRILLS, "es"
    )
    for item in items:
        if item.exercise_code in cautioned:
            assert item.notes.startswith("Hazlo sin provocar dolor") and item.notes.endswith(
                "Slowly."
            )
        else:
            assert item.notes == "Slowly."
    # Said once: a program that already carries it is not given it twice.
    again = with_pain_cautions(items, [_sore(sore)], DRILLS, "es")
    assert again == items


def test_a_recommended_program_holds_at_most_four_daily_drills_most_relevant_first() -> None:
    """Bachmann 2018 (Phys Med Rehab Kuror 28:20, systematic review): adherence went with a
    low number of exercises (<4), "2 to a maximum of 4". DEMO-0008/0011 had six drills
    (20-23 min a day); now four, each finding's best drill before any finding's second."""
    tight_calf = finding(
        "ankle.dorsiflexion.knee_extended", {"below_norm"}, "Ankle, knee straight: 5°"
    )
    tight_hamstrings = finding("slr", {"below_norm"}, "Straight-leg raise: 55°")
    findings = [HIP_CONTROL, tight_calf, tight_hamstrings]
    four = recommend(findings, DRILLS)
    six = recommend(findings, DRILLS, limit=6)
    assert MAX_DRILLS == 4 and len(four) == 4 and len(six) > 4
    assert [r.exercise_code for r in four] == [r.exercise_code for r in six][:4]


def test_the_finding_a_drill_is_for_is_the_best_suited_kind_first_for_report_and_handout() -> None:
    """One rule for the report's Why and the handout's "What we found and why these drills"
    (DEMO-0011): a control drill (the clamshell, the hip hike) is for the single-leg squat's
    faults, not the hip-abduction restriction it works through, though it aims at hip
    abduction itself (relevance 6 against 3); a mobility drill (hip circles) is for the
    restriction. Both sides of a measure tie and are both listed; pain is never a reason."""
    from mobileathlete_desktop.domain.recommendations import drill_findings, findings_for

    left = finding("hip.abduction", {"below_norm"}, "passive 39°", side="left")
    right = finding("hip.abduction", {"below_norm"}, "passive 38°", side="right")
    squat = finding("sls", {"faults"}, "fair", side="left", faults=("pelvic_drop",))
    sore = finding("hip.flexion", {"pain"}, "painful", side="left")
    found = [sore, left, right, squat]
    assert findings_for(BY_CODE["control.clamshell"], found) == [squat]
    assert findings_for(BY_CODE["control.hip_hike"], found) == [squat]
    assert findings_for(BY_CODE["mobility.quadruped_hip_circle"], found) == [left, right]
    assert findings_for(BY_CODE["running.a_skip"], found) == []
    program = [BY_CODE["control.clamshell"], BY_CODE["mobility.quadruped_hip_circle"]]
    assert drill_findings(found, program) == [
        ("sls", "left"),
        ("hip.abduction", "left"),
        ("hip.abduction", "right"),
    ]
    # The clamshell alone is for the squat only: the handout does not list the restriction.
    assert drill_findings(found, program[:1]) == [("sls", "left")]


def test_each_drills_reason_names_the_finding_the_report_says_it_is_for() -> None:
    """A runner with single-leg squat and step-down faults, big-toe extension short on both
    sides and two asymmetric FMS tests: each drill's reason names the finding the report's Why
    and the handout say it is for (`findings_for`: best-suited kind, closest answer,
    weightiest), whichever finding's turn picked it (the demo's case, where they differed:
    tests/services/test_why_names_the_programs_finding.py)."""
    from mobileathlete_desktop.domain.recommendations import findings_for

    found = [
        finding(
            "sls", {"faults"}, "Single-leg squat, right: poor", faults=("pelvic_drop", "trunk_lean")
        ),
        finding("stepdown", {"faults"}, "Step-down test, left: fair", "left", ("trunk_lean",)),
        finding("stepdown", {"faults"}, "Step-down test, right: fair", faults=("loss_of_balance",)),
        finding("hallux.extension", {"below_norm"}, "Big toe, left: 54°", "left"),
        finding("hallux.extension", {"below_norm", "asymmetry"}, "Big toe, right: 50°"),
        finding("fms.aslr", {"asymmetry"}, "FMS active straight-leg raise: right 2, left 3"),
        finding("fms.rotary_stability", {"asymmetry"}, "FMS rotary stability: left 1", "left"),
    ]
    for shown in (found, found[::-1], found[2:] + found[:2]):
        recs = recommend(shown, DRILLS)
        assert recs
        for rec in recs:
            best = findings_for(BY_CODE[rec.exercise_code], shown)[0]
            assert rec.reason.startswith(best.reason.rstrip(".") + ":"), (rec.exercise_code, rec)


def test_a_control_deficit_is_never_answered_with_impact_drills() -> None:
    """DEMO-0005 (seed 7): right ankle plantarflexion active 52°, passive 57° (a 5° gap beyond
    error): pogo hops (forefoot landings, a hop-test drill) were its "active control work". An
    active-passive gap gets active control work through the range, never impact."""
    gap = finding(
        "ankle.plantarflexion", {"control_deficit"}, "Ankle plantarflexion, right: gap 5°"
    )
    recs = recommend([gap], DRILLS)
    assert recs
    for rec in recs:
        assert not BY_CODE[rec.exercise_code].aims_at("hop.single"), rec.exercise_code
    assert "running.pogo_hops" not in [r.exercise_code for r in recs]
