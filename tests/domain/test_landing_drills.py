"""The landing and hopping drills (issue 18): a hop below the 90% criterion gets the hop and
stick, a painful hop (a bone-stress warning) gets no hopping at all, the chain links both ways,
check-ins never move a client into hopping on their own, and the client reads it in Spanish."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.checkins import (
    CheckinItemRecord,
    CheckinRecord,
    blank_checkin,
    propose_next,
)
from mobileathlete_desktop.domain.exercises import Exercise, default_exercise_library
from mobileathlete_desktop.domain.interpretation import glance, interpret_assessment
from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.domain.recommendations import (
    Drill,
    Observation,
    Plan,
    observations_from_glance,
    plan,
)
from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
    ClientHistory,
    ClientRecord,
    MeasurementRecord,
)

CAT = default_catalogue()
LIBRARY = default_exercise_library()
DRILLS = [
    Drill(
        e.code,
        e.category,
        frozenset(e.targets),
        e.active,
        ProgramItemRecord(e.code, e.dosage.sets, e.dosage.reps, e.dosage.hold_s),
        frozenset(e.regions),
    )
    for e in LIBRARY
]
HOP_AND_STICK = "control.hop_and_stick"
LATERAL = "running.lateral_bound_stick"
IN_A_ROW = "running.single_leg_hops_forward"
HIP_THRUST = "strength.hip_thrust"
NEW = (HOP_AND_STICK, LATERAL, IN_A_ROW, HIP_THRUST)
# Drills that leave the floor: every landing, bound and pogo drill.
HOPPING = frozenset(
    {"running.pogo_hops", "running.single_leg_pogo", HOP_AND_STICK, LATERAL, IN_A_ROW}
)


def hops(code: str, left: float, right: float, pain: bool = False) -> Plan:
    """The program for a runner's hop test, through interpretation and glance as in the app."""
    client = ClientRecord(1, "SYN-L1", "Testa", "Lander", date(1995, 6, 1), "female")
    values = tuple(
        MeasurementRecord(code, side, "none", value, pain=pain)  # type: ignore[arg-type]
        for side, value in (("left", left), ("right", right))
    )
    visit = AssessmentRecord(
        id=1,
        client_id=1,
        date=date(2026, 3, 2),
        kind="initial",
        status="signed",
        measurements=values,
    )
    result = interpret_assessment(ClientHistory(client, (visit,)), catalogue=CAT)
    observations = observations_from_glance(
        glance(result, catalogue=CAT), lambda c: m.region if (m := CAT.get(c)) else ""
    )
    return plan(observations, DRILLS)


@pytest.mark.parametrize(
    ("code", "left", "right"),
    [("hop.single", 150, 180), ("hop.triple", 420, 510), ("hop.crossover", 380, 450)],
)
def test_a_hop_below_the_90_percent_criterion_without_pain_gets_the_hop_and_stick_first(
    code: str, left: float, right: float
) -> None:
    result = hops(code, left, right)
    chosen = [r.exercise_code for r in result.recommendations]
    assert not result.maintenance and not result.unanswered
    assert chosen[0] == HOP_AND_STICK
    assert "threshold 90%" in result.recommendations[0].reason
    # Beside it a strength drill, not a second hopping drill.
    assert "strength.step_up" in chosen


def test_hops_at_the_criterion_ask_for_no_hopping_drill() -> None:
    # 170 against 172 cm: LSI 98.8%, nothing flagged, the general program stands in.
    result = hops("hop.single", 170, 172)
    assert result.maintenance
    assert not {r.exercise_code for r in result.recommendations} & HOPPING


@pytest.mark.parametrize(
    ("code", "left", "right"),
    [("hop.single", 150, 180), ("hop.triple", 420, 510), ("hop.single", 170, 172)],
)
def test_a_painful_hop_gets_no_hopping_drill(code: str, left: float, right: float) -> None:
    # Pain on hopping warns of a bone stress injury: no impact until it is assessed.
    chosen = {r.exercise_code for r in hops(code, left, right, pain=True).recommendations}
    assert not chosen & HOPPING
    assert HOP_AND_STICK not in chosen


@pytest.mark.parametrize("code", sorted(HOPPING))
def test_each_hopping_drill_alone_is_held_back_by_a_painful_hop(code: str) -> None:
    painful = Observation("hop.single", "left", frozenset({"pain", "asymmetry"}), "hurts")
    lsi = Observation("hop.single.lsi", "none", frozenset({"cutoff"}), "below 90%")
    drill = next(d for d in DRILLS if d.code == code)
    result = plan([painful, lsi], [drill])
    assert result.recommendations == [] and result.blocked
    # Without the pain the same drill answers the same finding.
    assert [r.exercise_code for r in plan([lsi], [drill]).recommendations] == [code]


def test_every_drill_that_leaves_the_floor_is_loaded_and_aimed_at_the_hops() -> None:
    # What the recommender's safety reads: a drill aimed at a painful hop must not be
    # pain-free control work, and it must not pass through a painful knee, ankle or foot.
    for code in HOPPING:
        drill = next(d for d in DRILLS if d.code == code)
        assert drill.aims_at("hop.single") and drill.is_loaded and not drill.pain_free_control
        assert drill.regions & {"knee", "ankle", "foot"}


def test_a_hop_drill_is_impact_whatever_its_tags() -> None:
    # A landing drill tagged only for control is still held back by a painful hop.
    landing = Drill(
        "control.landing",
        "control",
        frozenset({"hop.*", "deficit:control"}),
        True,
        regions=frozenset({"knee"}),
    )
    assert landing.is_loaded and not landing.pain_free_control
    painful = Observation("hop.single", "left", frozenset({"pain", "asymmetry"}), "hurts")
    assert plan([painful], [landing]).recommendations == []


def test_the_chain_links_both_ways() -> None:
    links = {
        "running.pogo_hops": HOP_AND_STICK,
        HOP_AND_STICK: LATERAL,
        LATERAL: IN_A_ROW,
        "running.single_leg_pogo": IN_A_ROW,
        "control.glute_bridge": HIP_THRUST,
    }
    for easier, harder in links.items():
        assert harder in LIBRARY[easier].progressions, (easier, harder)
        assert easier in LIBRARY[harder].regressions, (easier, harder)
    assert IN_A_ROW in LIBRARY[HOP_AND_STICK].progressions
    assert HOP_AND_STICK in LIBRARY[IN_A_ROW].regressions


def test_a_check_in_never_moves_a_client_into_hopping_and_a_hurting_hop_leaves_impact() -> None:
    for exercise in LIBRARY:
        if exercise.code not in HOPPING and exercise.progressions:
            assert exercise.progressions[0] not in HOPPING, exercise.code
    # The hop and stick's first regression is the single-leg squat: out of impact.
    assert LIBRARY[HOP_AND_STICK].regressions[0] == "control.single_leg_squat"
    program = ProgramRecord(
        id=1,
        client_id=1,
        date=date(2026, 3, 2),
        title="Landing",
        items=(ProgramItemRecord(HOP_AND_STICK, 3, 6, per_side=True, sessions_per_week=2),),
        weeks=4,
    )
    prescribed = blank_checkin(program, 1, date(2026, 3, 30), 4).items[0].prescribed
    item = CheckinItemRecord(HOP_AND_STICK, prescribed, prescribed, 7)
    done = CheckinRecord(None, 1, 1, date(2026, 3, 30), (item,))
    _, changes = propose_next(program, done, LIBRARY)
    # 7/10 on the hop and stick also flags the program for review (domain.checkins).
    assert [(c.action, c.now) for c in changes] == [
        ("review", ""),
        ("regress", "control.single_leg_squat"),
    ]


@pytest.mark.parametrize("code", NEW)
def test_the_new_drills_read_in_spanish_to_the_client_as_tu(code: str) -> None:
    exercise: Exercise = LIBRARY[code]
    assert exercise.name("es") != exercise.name("en")
    spanish = " ".join((exercise.name("es"), *exercise.steps("es"), *exercise.cues("es")))
    assert len(exercise.steps("es")) == len(exercise.steps("en"))
    for es, en in zip(exercise.steps("es"), exercise.steps("en"), strict=True):
        assert es != en
    assert "usted" not in spanish.lower() and " su " not in spanish
    assert exercise.frequency("es") and exercise.frequency("es") != exercise.frequency("en")


@pytest.mark.parametrize("code", sorted({HOP_AND_STICK, LATERAL, IN_A_ROW}))
def test_hopping_drills_are_dosed_as_plyometrics_and_say_stop_if_it_hurts(code: str) -> None:
    exercise = LIBRARY[code]
    dose = exercise.dosage
    # A few good landings a leg, never daily: 15 to 20 contacts a set of sets.
    assert dose.per_side and dose.reps is not None and 3 * 5 <= dose.sets * dose.reps <= 20
    assert "daily" not in dose.frequency("en") and "week" in dose.frequency("en")
    assert any("hurts" in cue for cue in exercise.cues("en"))
    assert any("duele" in cue and "fisioterapeuta" in cue for cue in exercise.cues("es"))
    assert exercise.level >= 2 and exercise.active
