"""A drill the runner scored above 5/10 at a check-in is paused until the therapist reviews it:
out of the proposed program (so off the handout), never brought back as another drill's next
step, and the line of a drill moved to says where it came from (worked case: DEMO-0004)."""

from __future__ import annotations

from datetime import date

from mobileathlete_desktop.domain.checkin_reasons import reason_text
from mobileathlete_desktop.domain.checkins import (
    CheckinItemRecord,
    CheckinRecord,
    notes_for_handout,
    propose_next,
)
from mobileathlete_desktop.domain.exercises import default_exercise_library
from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.support.sentence_case import in_sentence

LIBRARY = default_exercise_library()


def _program(*codes: str) -> ProgramRecord:
    items = tuple(ProgramItemRecord(c, 3, 8, per_side=True, sessions_per_week=7) for c in codes)
    return ProgramRecord(7, 3, date(2026, 9, 12), "Hips", items, weeks=4)


def _checkin(*got: tuple[str, int, int]) -> CheckinRecord:
    items = tuple(CheckinItemRecord(code, 28, done, pain) for code, done, pain in got)
    return CheckinRecord(None, 7, 3, date(2026, 10, 10), items)


def test_demo_0004_bird_dog_at_6_of_10_is_paused_and_dead_bug_does_not_bring_it_back() -> None:
    """DEMO-0004: Bird dog 21 of 28 sessions at 6/10, Dead bug 25 of 28 at 3/10. Before, Bird
    dog was 'made easier' to Dead bug and Dead bug 'moved on' to Bird dog, so Bird dog was
    printed at 3 × 8 under a note asking the runner to call about it."""
    program = _program(
        "control.single_leg_balance_eyes_closed", "control.dead_bug", "control.bird_dog"
    )
    done = _checkin(
        ("control.single_leg_balance_eyes_closed", 28, 1),
        ("control.dead_bug", 25, 3),
        ("control.bird_dog", 21, 6),
    )
    proposed, changes = propose_next(program, done, LIBRARY, "en")
    codes = [i.exercise_code for i in proposed.items]
    assert "control.bird_dog" not in codes
    assert codes.count("control.dead_bug") == 1
    # Listed for the therapist: the review flag and the pause, with why.
    by_action = {(c.was, c.action): c for c in changes}
    assert ("control.bird_dog", "review") in by_action
    paused = by_action[("control.bird_dog", "pause")]
    assert paused.now == ""
    assert paused.reason == (
        "done 21 of 28 sessions (75 %), pain or difficulty 6/10: paused until you review it "
        "(above 5/10; its easier drill, Dead bug, is in the program already)"
    )
    # Dead bug is kept, not moved on to the paused drill.
    dead_bug = by_action[("control.dead_bug", "hold")]
    assert dead_bug.now == "control.dead_bug"
    assert dead_bug.reason == (
        "done 25 of 28 sessions (89 %), pain or difficulty 3/10: kept, not made harder: the "
        "next step, Bird dog, is paused for the pain reported with it"
    )
    # The runner's handout asks them to call about Bird dog and does not print it.
    notes = notes_for_handout(proposed.notes, proposed.summary, "en", LIBRARY)
    assert notes.startswith("At your check-in you reported pain or difficulty above 5/10")
    assert "Bird dog" in notes
    # In Spanish, for the therapist (usted).
    _, es = propose_next(program, done, LIBRARY, "es")
    (es_paused,) = [c for c in es if c.action == "pause"]
    assert "en pausa hasta que lo revise" in es_paused.reason
    # Inside the sentence, in lower case as Spanish writes a drill's name there.
    assert in_sentence(LIBRARY["control.dead_bug"].name("es"), "es") in es_paused.reason


def test_a_drill_too_painful_is_made_easier_and_the_new_line_says_from_what() -> None:
    """Bird dog at 6/10, Dead bug not in the program: Dead bug takes its place at its library
    dose, and its line says it was made easier from Bird dog (not 'made easier, Dead bug' on
    Dead bug's own line)."""
    program = _program("control.bird_dog")
    proposed, changes = propose_next(program, _checkin(("control.bird_dog", 21, 6)), LIBRARY)
    assert [i.exercise_code for i in proposed.items] == ["control.dead_bug"]
    (moved,) = [c for c in changes if c.action == "regress"]
    assert (moved.was, moved.now) == ("control.bird_dog", "control.dead_bug")
    said = reason_text(proposed.items[0].reason, "en")
    assert said == (
        "made easier from Bird dog, which was done 21 of 28 sessions (75 %), pain or "
        "difficulty 6/10"
    )
    bird_dog = in_sentence(LIBRARY["control.bird_dog"].name("es"), "es")
    assert reason_text(proposed.items[0].reason, "es").startswith(
        f"se facilita desde el ejercicio {bird_dog}, del que hizo"
    )


def test_a_drill_too_painful_with_no_easier_drill_is_paused_not_kept_at_the_same_dose() -> None:
    """The clamshell has no easier drill: at 9/10 it used to be 'kept (no easier drill; lower
    the dose)' at the same 3 × 8. Now it is paused for the therapist."""
    program = _program("control.clamshell", "control.hip_hike")
    done = _checkin(("control.clamshell", 28, 9), ("control.hip_hike", 28, 1))
    proposed, changes = propose_next(program, done, LIBRARY, "en")
    assert "control.clamshell" not in [i.exercise_code for i in proposed.items]
    (paused,) = [c for c in changes if c.action == "pause"]
    assert paused.reason.endswith(
        "paused until you review it (above 5/10, and the library has no easier drill)"
    )
    assert all("lower the dose" not in c.reason for c in changes)
