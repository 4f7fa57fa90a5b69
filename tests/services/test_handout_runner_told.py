"""What the runner reads on the handout when their program changes without them: a drill of
the saved program held back for their coded complaint is named in a calm box at the top, with
why (from the complaint's runner words, domain.complaint_runner_words) and to leave it out
until they talk with the physio; and a drill's steps never contradict its card's next step."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.programs import save_program
from mobileathlete_desktop.services.reports.handouts import build_handout
from tests.reports.helpers import add_runner

STRAIGHT_KNEE = ProgramItemRecord("strength.calf_raise_straight_knee", 3, 15, sessions_per_week=3)
ONE_LEG = ProgramItemRecord("strength.single_leg_calf_raise", 3, 12, sessions_per_week=3)


def _runner(ctx: ServiceContext, chart: str, complaint: str, *items: ProgramItemRecord) -> int:
    """A runner whose program of 2026-09-01 holds `items`; the complaint coded afterwards."""
    client = add_runner(ctx, chart)
    save_program(ctx, ProgramRecord(None, client.id, date(2026, 9, 1), "Home", items, weeks=4))
    if complaint:
        data = clients.input_from_record(clients.get_client(ctx, client.id))
        clients.update_client(ctx, client.id, replace(data, complaint_code=complaint))
    return client.id


@pytest.mark.parametrize(
    ("lang", "easy", "one_leg"),
    [
        ("en", "Calf raise, bent knee", "one leg"),
        ("es", "Elevación de talones con la rodilla doblada", "con una"),
    ],
)
def test_straight_knee_calf_raise_steps_agree_with_its_next_step(
    therapist_ctx: ServiceContext, lang: str, easy: str, one_leg: str
) -> None:
    """With the one-leg raise already in the program, the card's next step is the bent-knee
    raise: its steps no longer tell the runner to move on to one leg."""
    client_id = _runner(therapist_ctx, f"RT-3{lang}", "", STRAIGHT_KNEE, ONE_LEG)
    handout, _, _ = build_handout(therapist_ctx, client_id, lang=lang)
    card = handout.drills[0]
    assert card.code == "strength.calf_raise_straight_knee"
    assert card.when_easy == easy
    assert not any(one_leg in step for step in card.steps), card.steps
