"""Check-ins: EARS scored, adherence per drill and overall, and the next program proposed
(progress, hold, regress) with a reason for each drill, in English and Spanish."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mobileathlete_desktop.domain.checkin_reasons import CheckinReason, reason_text
from mobileathlete_desktop.domain.checkins import (
    CheckinError,
    CheckinItemRecord,
    CheckinRecord,
    blank_checkin,
    check,
    ears_total,
    notes_for_handout,
    overall_adherence,
    propose_next,
)
from mobileathlete_desktop.domain.exercises import default_exercise_library
from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.domain.recommendations import Drill, Observation, library_drills
from mobileathlete_desktop.support.sentence_case import in_sentence

PROGRAM = ProgramRecord(
    id=7,
    client_id=3,
    date=date(2026, 3, 2),
    title="Hips",
    items=(
        ProgramItemRecord("control.clamshell", 3, 15, per_side=True, sessions_per_week=3),
        ProgramItemRecord("strength.single_leg_calf_raise", 3, 12, frequency="3 times a week"),
        ProgramItemRecord("control.hip_hike", 3, 12, frequency="daily"),
        ProgramItemRecord("strength.nordic_hamstring", 3, 5, sessions_per_week=2),
        ProgramItemRecord("control.single_leg_squat", 3, 8, sessions_per_week=3),
    ),
    code="P4YH9W",
    weeks=4,
)


def checkin(*got: tuple[int | None, int | None]) -> CheckinRecord:
    blank = blank_checkin(PROGRAM, 3, date(2026, 3, 30), 4)
    items = tuple(
        CheckinItemRecord(i.exercise_code, i.prescribed, done, pain)
        for i, (done, pain) in zip(blank.items, got, strict=True)
    )
    return CheckinRecord(None, 7, 3, date(2026, 3, 30), items, ears=(4, 3, 4, 2, 3, 4))


def test_the_blank_sheet_prescribes_the_trackers_boxes_over_the_weeks() -> None:
    blank = blank_checkin(PROGRAM, 3, date(2026, 3, 30), 4)
    assert [i.prescribed for i in blank.items] == [12, 12, 28, 8, 12]
    assert all(i.done is None for i in blank.items)


def test_ears_is_scored_0_to_24_only_when_all_six_items_are() -> None:
    assert ears_total((4, 3, 4, 2, 3, 4)) == 20
    assert ears_total((0,) * 6) == 0 and ears_total((4,) * 6) == 24
    assert ears_total((4, 3, None, 2, 3, 4)) is None and ears_total(()) is None
    with pytest.raises(CheckinError):
        ears_total((5, 0, 0, 0, 0, 0))


def test_adherence_per_drill_and_overall() -> None:
    done = checkin((12, 1), (9, 7), (7, 2), (None, None), (6, 4))
    assert [i.adherence for i in done.items] == [1.0, 0.75, 0.25, None, 0.5]
    # Of the drills recorded: (12 + 9 + 7 + 6) / (12 + 12 + 28 + 12).
    assert overall_adherence(done.items) == pytest.approx(34 / 64)
    assert done.ears_total == 20


def test_values_out_of_range_are_refused() -> None:
    with pytest.raises(CheckinError, match="pain"):
        check(checkin((12, 11), (9, 7), (7, 2), (None, None), (6, 4)))
    with pytest.raises(CheckinError, match="done"):
        check(checkin((-1, 1), (9, 7), (7, 2), (None, None), (6, 4)))


def test_the_proposal_progresses_holds_and_regresses_with_reasons() -> None:
    library = default_exercise_library()
    done = checkin((12, 1), (9, 7), (7, 2), (None, None), (6, 4))
    proposed, changes = propose_next(PROGRAM, done, library)
    # The calf raise hurt 7/10: the program is flagged for review first (see below).
    review, *changes = changes
    assert (review.was, review.now, review.action) == (
        "strength.single_leg_calf_raise",
        "",
        "review",
    )
    assert [(c.was, c.now, c.action) for c in changes] == [
        ("control.clamshell", "control.side_lying_hip_abduction", "progress"),
        ("strength.single_leg_calf_raise", "strength.calf_raise_straight_knee", "regress"),
        ("control.hip_hike", "control.hip_hike", "hold"),
        ("strength.nordic_hamstring", "strength.nordic_hamstring", "hold"),
        ("control.single_leg_squat", "control.single_leg_squat", "hold"),
    ]
    assert [c.reason for c in changes] == [
        # Each said on the line of the drill moved to: where it came from.
        "moved on from Clamshell with band, which was done 12 of 12 sessions (100 %), pain or "
        "difficulty 1/10",
        "made easier from Single-leg calf raise, which was done 9 of 12 sessions (75 %), pain or "
        "difficulty 7/10",
        "done 7 of 28 sessions (25 %): kept, to be done before moving on",
        "sessions not recorded: kept as it was",
        "done 6 of 12 sessions (50 %), pain or difficulty 4/10: kept as it was",
    ]
    # A drill moved to another takes that drill's library dose, a kept one keeps its own; each
    # carries its reason, and the program is a new, unsaved one.
    assert proposed.id is None and proposed.code == "" and proposed.date == date(2026, 3, 30)
    side_lying = library["control.side_lying_hip_abduction"].dosage
    assert (proposed.items[0].sets, proposed.items[0].reps) == (side_lying.sets, side_lying.reps)
    assert proposed.items[0].frequency == side_lying.frequency("en")
    # The reason is saved as its code and said when read (domain.checkin_reasons).
    assert proposed.items[2] == replace(PROGRAM.items[2], reason=proposed.items[2].reason)
    assert [reason_text(i.reason) for i in proposed.items] == [c.reason for c in changes]
    assert [reason_text(line) for line in proposed.summary.splitlines()] == [
        review.reason,
        *(c.reason for c in changes),
    ]


def test_a_drill_with_nowhere_to_go_is_kept_and_says_so_in_spanish() -> None:
    library = default_exercise_library()
    # The single-leg squat has no harder drill; the clamshell has no easier one.
    done = checkin((12, 9), (12, 0), (28, 0), (8, 0), (12, 2))
    proposed, changes = propose_next(PROGRAM, done, library, "es")
    assert changes[0].action == "review"  # the clamshell hurt 9/10
    changes = changes[1:]
    # Too much with no easier drill: paused until the therapist reviews it (out of the
    # program), not kept at the same dose under a reason that says to lower it.
    assert (changes[0].was, changes[0].now, changes[0].action) == ("control.clamshell", "", "pause")
    assert "control.clamshell" not in [i.exercise_code for i in proposed.items]
    assert changes[0].reason == (
        "hizo 12 de 12 sesiones (100 %), dolor o dificultad 9/10: en pausa hasta que lo revise "
        "(por encima de 5/10, y la biblioteca no tiene un ejercicio más fácil)"
    )
    assert changes[4].action == "hold"
    assert changes[4].reason == (
        "hizo 12 de 12 sesiones (100 %), dolor o dificultad 2/10: se mantiene (no hay un "
        "ejercicio más difícil en la biblioteca; suba la dosis)"
    )
    assert changes[1].now == "strength.eccentric_heel_drop" and changes[1].action == "progress"
    calf_raise = in_sentence(library["strength.single_leg_calf_raise"].name("es"), "es")
    assert changes[1].reason.startswith(f"avanza desde el ejercicio {calf_raise}, del que hizo")


def test_a_drill_that_answers_no_finding_any_more_is_dropped() -> None:
    library = default_exercise_library()
    drills = [
        Drill(e.code, e.category, frozenset(e.targets), e.active, regions=frozenset(e.regions))
        for e in library
    ]
    weak_hip = Observation("hip.abduction", "right", frozenset({"below_norm"}), "Hip weak")
    done = checkin((12, 1), (9, 7), (7, 2), (None, None), (6, 4))
    proposed, changes = propose_next(PROGRAM, done, library, "en", [weak_hip], drills)
    dropped = [c.was for c in changes if c.action == "drop"]
    # The calf raise, the Nordic and the single-leg squat work on no hip-abduction finding.
    assert dropped == [
        "strength.single_leg_calf_raise",
        "strength.nordic_hamstring",
        "control.single_leg_squat",
    ]
    assert {c.reason for c in changes if c.action == "drop"} == {
        "answers no finding of the latest assessment: dropped"
    }
    assert [i.exercise_code for i in proposed.items] == [
        "control.side_lying_hip_abduction",
        "control.hip_hike",
    ]
    # Pain alone is no finding to answer: nothing is dropped for it.
    sore = Observation("hip.abduction", "right", frozenset({"pain"}), "Hip sore")
    _, kept = propose_next(PROGRAM, done, library, "en", [sore], drills)
    assert not [c for c in kept if c.action == "drop"]


LIBRARY_DRILLS = library_drills(default_exercise_library())


def _sore(code: str, side: str, name: str) -> Observation:
    return Observation(
        code,
        side,
        frozenset({"pain"}),
        f"{name}: pain during the test",
        pain=f"{name}: pain during the test (left 20 s)",
    )


@pytest.mark.parametrize(
    ("drill", "would_be", "sore", "named", "named_es"),
    [
        # DEMO-0005: single-leg stance painful; the balance drill done fully and comfortably
        # would move on to eyes closed. It is held, and says why.
        (
            "control.single_leg_balance",
            "control.single_leg_balance_eyes_closed",
            _sore("balance.single_leg", "left", "Single-leg stance, eyes open, left"),
            "Single-leg stance, eyes open, left",
            "Equilibrio sobre una pierna con los ojos abiertos, lado izquierdo",
        ),
        # DEMO-0001: the single-leg calf raise would move on to heel drops off a step (end-range
        # dorsiflexion under load) while knee-bent dorsiflexion hurts.
        (
            "strength.single_leg_calf_raise",
            "strength.eccentric_heel_drop",
            _sore("ankle.dorsiflexion.knee_flexed", "left", "Ankle dorsiflexion, knee flexed"),
            "Ankle dorsiflexion, knee flexed, left",
            "Flexión dorsal del tobillo con la rodilla doblada, lado izquierdo",
        ),
        # DEMO-0002: the A-march would move on to the A-skip (loaded, hip flexion) while hip
        # flexion hurts.
        (
            "running.marching",
            "running.a_skip",
            _sore("hip.flexion", "left", "Hip flexion, left"),
            "Hip flexion, left",
            "Flexión de cadera, lado izquierdo",
        ),
    ],
)
def test_a_drill_that_loads_a_painful_motion_is_held_back_for_the_therapist(
    drill: str, would_be: str, sore: Observation, named: str, named_es: str
) -> None:
    library = default_exercise_library()
    program = replace(PROGRAM, items=(ProgramItemRecord(drill, 3, 10, sessions_per_week=3),))
    blank = blank_checkin(program, 3, date(2026, 3, 30), 4)
    done = replace(blank, items=(replace(blank.items[0], done=12, pain=1),))
    calm, _ = propose_next(program, done, library, "en", [], LIBRARY_DRILLS)
    assert [i.exercise_code for i in calm.items] == [would_be]  # without pain: progressed
    proposed, changes = propose_next(program, done, library, "en", [sore], LIBRARY_DRILLS)
    # Paused, not printed for the runner with a caution: out of the program, and the
    # therapist reads why (and may add it back deliberately).
    assert proposed.items == ()
    assert [(c.was, c.now, c.action) for c in changes] == [(drill, "", "pause")]
    name = library[drill].name("en")
    assert changes[0].reason == (
        f"{name} held back: pain on {named} at the latest assessment; add it back "
        "deliberately if you judge it suitable"
    )
    assert reason_text(proposed.summary) == changes[0].reason
    es, es_changes = propose_next(program, done, library, "es", [sore], LIBRARY_DRILLS)
    assert es.items == ()
    # The drill and the painful test are named in the reader's language.
    assert es_changes[0].reason.startswith(f"{library[drill].name('es')} en pausa")
    assert named_es in es_changes[0].reason
    assert sore.reason.split(":")[0] not in es_changes[0].reason


def _one(drill: str, done: int, pain: int | None, reason: str = "") -> tuple:
    program = replace(
        PROGRAM, items=(ProgramItemRecord(drill, 3, 10, sessions_per_week=3, reason=reason),)
    )
    blank = blank_checkin(program, 3, date(2026, 3, 30), 4)
    return program, replace(blank, items=(replace(blank.items[0], done=done, pain=pain),))


def test_pain_free_control_work_into_a_painful_test_is_kept_not_made_harder() -> None:
    """Big-toe extension painful at the latest assessment; toe yoga (unloaded active control,
    tagged deficit:control) goes into it. The recommender would give it within the pain-free
    range, so it is kept with the caution, but not moved on to the short foot; its reason says
    it moves into the painful test, within the pain-free range (it does not load it)."""
    library = default_exercise_library()
    sore = _sore("hallux.extension", "right", "Big toe, right")
    program, done = _one("control.toe_yoga", 12, 1)
    proposed, changes = propose_next(program, done, library, "en", [sore], LIBRARY_DRILLS)
    assert [(c.now, c.action) for c in changes] == [("control.toe_yoga", "hold")]
    assert "kept, not made harder: it moves into First MTP" in changes[0].reason
    assert changes[0].reason.endswith("pain-free range only") and "loads" not in changes[0].reason
    assert proposed.items[0].notes == "Keep it pain-free — stop before it hurts."


def test_the_banded_clamshell_into_a_painful_hip_abduction_is_held_back() -> None:
    """DEMO-0005: the clamshell stayed at full dose while its reason said it loads the painful
    hip abduction. Against a band it is resisted (loaded) work: paused for the therapist."""
    library = default_exercise_library()
    sore = _sore("hip.abduction", "right", "Hip abduction, right")
    program, done = _one("control.clamshell", 12, 1)
    proposed, changes = propose_next(program, done, library, "en", [sore], LIBRARY_DRILLS)
    assert proposed.items == ()
    assert [(c.was, c.action) for c in changes] == [("control.clamshell", "pause")]
    assert changes[0].reason.startswith("Clamshell with band held back: pain on Hip abduction")


def test_a_drill_whose_next_step_would_load_a_painful_knee_is_kept_not_made_harder() -> None:
    """Knee flexion painful: the hip hike (hip only) is fine, but its next step, the lateral
    step-down, loads the bent knee with body weight: kept as it is."""
    library = default_exercise_library()
    sore = _sore("knee.flexion", "right", "Knee flexion, right")
    program, done = _one("control.hip_hike", 12, 0)
    proposed, changes = propose_next(program, done, library, "en", [sore], LIBRARY_DRILLS)
    assert [(c.now, c.action) for c in changes] == [("control.hip_hike", "hold")]
    assert [i.exercise_code for i in proposed.items] == ["control.hip_hike"]
    # The reason says it is the next step that loads the knee, not the hip hike.
    assert changes[0].reason == (
        "done 12 of 12 sessions (100 %), pain or difficulty 0/10: kept, not made harder: the "
        "next step, Lateral step-down, loads Knee flexion, right, painful at the latest "
        "assessment"
    )
    assert proposed.items[0].notes == ""  # the hip hike itself needs no caution
    _, es = propose_next(program, done, library, "es", [sore], LIBRARY_DRILLS)
    assert "el siguiente paso, " in es[0].reason and "carga Flexión de rodilla" in es[0].reason


def test_pain_above_5_of_10_flags_the_program_for_review_for_therapist_and_runner() -> None:
    """A runner reports 7/10 with heel drops (over the 5/10 the proposal's rule allows,
    PAIN_TOO_MUCH): the drill is made easier as before, and the program is flagged for review:
    the therapist reads it first among the changes and in the summary (kept as a code); the
    runner's handout notes ask them (tú) to contact the physio before the next session, in the
    handout's language whatever the proposal's; the therapist's own notes stay as typed."""
    library = default_exercise_library()
    program, done = _one("strength.eccentric_heel_drop", 9, 7)
    program = replace(program, notes="Run easy on flat ground.")
    proposed, changes = propose_next(program, done, library, "en")
    assert [c.action for c in changes] == ["review", "regress"]
    assert changes[0].reason == (
        "Heel drops off a step: pain or difficulty 7/10, above 5/10: program flagged for "
        "review (the client is asked to contact you before the next session)"
    )
    assert reason_text(proposed.summary.splitlines()[0]) == changes[0].reason
    assert proposed.notes == "Run easy on flat ground."
    assert notes_for_handout(proposed.notes, proposed.summary, "en", library) == (
        "At your check-in you reported pain or difficulty above 5/10, or rising, with Heel "
        "drops off a step: contact your physio before your next session.\nRun easy on flat "
        "ground."
    )
    _, es_changes = propose_next(program, done, library, "es")
    assert es_changes[0].reason.startswith("Bajada de talón en un escalón: dolor o dificultad 7/10")
    first = notes_for_handout(proposed.notes, proposed.summary, "es", library).splitlines()[0]
    assert first == (
        "En tu seguimiento dijiste tener dolor o dificultad por encima de 5/10, o en aumento, con "
        "Bajada de talón en un escalón: contacta con tu fisioterapeuta antes de tu próxima "
        "sesión."
    )
    # Without a review, the notes print as typed.
    calm, _ = propose_next(program, _one("strength.eccentric_heel_drop", 9, 2)[1], library)
    assert notes_for_handout(calm.notes, calm.summary, "es", library) == calm.notes


def test_pain_rising_since_the_last_check_in_flags_the_program_for_review() -> None:
    """Heel drops kept at the last check-in with pain 2/10 (the saved reason keeps it), now 4/10:
    inside 5/10 but rising into the 4-5 band: flagged for review. From 1/10 to 3/10 (still
    comfortable), or after a drill change (the pain was another drill's), nothing."""
    library = default_exercise_library()
    kept = CheckinReason("checkin.kept", {"done": 9, "prescribed": 12, "pain": 2}).stored()
    program, done = _one("strength.eccentric_heel_drop", 12, 4, reason=kept)
    proposed, changes = propose_next(program, done, library, "en")
    assert changes[0].action == "review"
    assert changes[0].reason.startswith(
        "Heel drops off a step: pain or difficulty up from 2/10 to 4/10"
    )
    handout = notes_for_handout(proposed.notes, proposed.summary, "en", library)
    assert handout.startswith("At your check-in you reported pain or difficulty")
    program, done = _one("strength.eccentric_heel_drop", 12, 3, reason=kept.replace(":2", ":1"))
    assert [c.action for c in propose_next(program, done, library, "en")[1]] != ["review"]
    assert "review" not in [c.action for c in propose_next(program, done, library, "en")[1]]
    moved = CheckinReason(
        "checkin.progress",
        {"done": 12, "prescribed": 12, "pain": 1, "drill": "strength.eccentric_heel_drop"},
    ).stored()
    program, done = _one("strength.eccentric_heel_drop", 12, 4, reason=moved)
    _, changes = propose_next(program, done, library, "en")
    assert "review" not in [c.action for c in changes]
