"""Saved programs keep every dose, the weeks until the next visit and a code of their own,
found again from the code as typed or scanned."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mobileathlete_desktop.domain.programs import (
    ProgramItemRecord,
    ProgramRecord,
    program_code,
    shown_code,
)
from mobileathlete_desktop.services.context import InputError, NotFound, ServiceContext
from mobileathlete_desktop.services.demo_programs import DEMO_PROGRAM
from mobileathlete_desktop.services.programs import get_program, program_by_code, save_program
from tests.reports.helpers import add_runner

BAND_WALK = ProgramItemRecord(
    "control.lateral_band_walk",
    sets=3,
    distance_m=10,
    rest_s=30,
    load="red band",
    tempo="",
    frequency="before runs",
    sessions_per_week=3,
)


def test_doses_weeks_and_code_are_kept(therapist_ctx: ServiceContext) -> None:
    client = add_runner(therapist_ctx, "D-1")
    first = save_program(
        therapist_ctx,
        ProgramRecord(None, client.id, date(2026, 1, 5), "A", (BAND_WALK, *DEMO_PROGRAM), weeks=6),
    )
    second = save_program(
        therapist_ctx, ProgramRecord(None, client.id, date(2026, 2, 5), "B", DEMO_PROGRAM)
    )
    again = get_program(therapist_ctx, first.id or 0)
    assert again.items == (BAND_WALK, *DEMO_PROGRAM)
    assert again.weeks == 6 and second.weeks is None
    assert first.code == program_code(first.id or 0) and second.code != first.code
    # Found again from the code as a person types it or a scanner reads it.
    assert program_by_code(therapist_ctx, shown_code(first.code).lower()).id == first.id
    assert program_by_code(therapist_ctx, second.code).id == second.id
    with pytest.raises(InputError, match="not a program code"):
        program_by_code(therapist_ctx, "hello")
    with pytest.raises(NotFound):
        program_by_code(therapist_ctx, program_code(999))


def test_templates_have_no_code(therapist_ctx: ServiceContext) -> None:
    template = save_program(
        therapist_ctx, ProgramRecord(None, None, None, "Runner", DEMO_PROGRAM, is_template=True)
    )
    assert template.code == ""


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"distance_m": 6000}, "distance must be 1–5000"),
        ({"rest_s": 0}, "rest must be 1–600"),
        ({"sessions_per_week": 8}, "days a week must be 1–7"),
        ({"tempo": "3" * 41}, "tempo is longer than 40"),
    ],
)
def test_doses_out_of_range_are_refused(
    therapist_ctx: ServiceContext, change: dict[str, object], words: str
) -> None:
    client = add_runner(therapist_ctx, "D-2")
    item = replace(BAND_WALK, **change)  # type: ignore[arg-type]
    with pytest.raises(InputError, match=words):
        save_program(therapist_ctx, ProgramRecord(None, client.id, None, "X", (item,)))
    with pytest.raises(InputError, match="Weeks"):
        save_program(therapist_ctx, ProgramRecord(None, client.id, None, "X", (), weeks=13))
