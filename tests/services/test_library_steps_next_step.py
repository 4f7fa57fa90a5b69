"""A drill's steps never tell the runner to move on to another drill: the handout's card names
the next step ("When this gets easy: ...", the library's `progressions`), and a step saying
something else contradicts it (2c53586, 5a6b70f: the calf raises' 'progress to one leg')."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.domain.exercises import default_exercise_library
from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.programs import save_program
from mobileathlete_desktop.services.reports.handouts import build_handout
from tests.reports.helpers import add_runner

SHORT_FOOT = ProgramItemRecord("control.short_foot", 2, 10, per_side=True, sessions_per_week=7)


@pytest.mark.parametrize(
    ("lang", "easy", "elsewhere"),
    [
        ("en", "Toe yoga", ("standing", "one leg")),
        ("es", "Yoga de dedos", ("de pie", "una pierna")),
    ],
)
def test_short_foot_steps_leave_the_next_step_to_the_card(
    therapist_ctx: ServiceContext, lang: str, easy: str, elsewhere: tuple[str, ...]
) -> None:
    """Short foot's card names toe yoga when it gets easy; its steps said 'When it is easy, do
    it standing, then on one leg' (the single-leg balance, its second progression). Seated, as
    its picture shows; the last step says to do one foot, then the other."""
    client = add_runner(therapist_ctx, f"SF-{lang}")
    program = ProgramRecord(None, client.id, date(2026, 9, 1), "Home", (SHORT_FOOT,), weeks=4)
    save_program(therapist_ctx, program)
    handout, _, _ = build_handout(therapist_ctx, client.id, lang=lang)
    (card,) = handout.drills
    assert card.code == "control.short_foot"
    assert card.when_easy == easy
    for words in elsewhere:
        assert not any(words in step for step in card.steps), card.steps


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_drill_step_says_to_move_on(lang: str) -> None:
    """Across the library: no step says when to move on to something harder (the card does)."""
    moving_on = {
        "en": ("progress to", "when it is easy", "when two legs are easy"),
        "es": ("cuando te resulte fácil, hazlo", "cuando con las dos piernas"),
    }[lang]
    said = [
        (e.code, step)
        for e in default_exercise_library()
        for step in e.steps(lang)
        if any(words in step.casefold() for words in moving_on)
    ]
    assert not said
