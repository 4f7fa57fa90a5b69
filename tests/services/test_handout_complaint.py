"""A saved program on the client's handout follows the client's coded complaint: a drill the
complaint holds back (a calf stretch or heel drops off a step for insertional Achilles pain, a
side lean across the midline for lateral hip pain) is left out, whenever the program was saved,
and never silently: the therapist is told which drill and why. `mobileathlete program` lists
what the handout prints. No code: printed as saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.programs import save_program
from mobileathlete_desktop.services.reports.handouts import build_handout, program_listing
from tests.reports.helpers import add_runner

CALF_RAISE = ProgramItemRecord("strength.single_leg_calf_raise", 3, 12, sessions_per_week=3)
CALF_STRETCH = ProgramItemRecord("stretch.calf_wall", 3, hold_s=30, per_side=True)
HEEL_DROPS = ProgramItemRecord("strength.eccentric_heel_drop", 3, 15, sessions_per_week=7)
CLAMSHELL = ProgramItemRecord("control.clamshell", 3, 15, per_side=True, sessions_per_week=3)
SIDE_LEAN = ProgramItemRecord("mobility.standing_itb_side_reach", 2, hold_s=30, per_side=True)

ACHILLES_WHY = (
    "held back for the client's complaint, insertional Achilles pain: it takes the loaded ankle "
    "to end-range dorsiflexion (a calf stretch, an ankle rock, a heel drop below the step, a "
    "deep squat, a deep forward reach on one leg), which compresses the Achilles insertion "
    "(Pringels 2025; Jonsson 2008); left out of the handout while this complaint is coded"
)


def _runner(ctx: ServiceContext, chart: str, complaint: str, *items: ProgramItemRecord) -> int:
    """A runner whose program of 2026-09-01 holds `items`; the complaint coded afterwards."""
    client = add_runner(ctx, chart)
    save_program(ctx, ProgramRecord(None, client.id, date(2026, 9, 1), "Home", items, weeks=4))
    if complaint:
        data = clients.input_from_record(clients.get_client(ctx, client.id))
        clients.update_client(ctx, client.id, replace(data, complaint_code=complaint))
    return client.id


@pytest.mark.parametrize("lang", ["en", "es"])
def test_insertional_achilles_handout_leaves_out_the_calf_stretch_and_heel_drops(
    therapist_ctx: ServiceContext, lang: str
) -> None:
    client_id = _runner(
        therapist_ctx, f"HC-1{lang}", "achilles_insertional", CALF_STRETCH, HEEL_DROPS, CALF_RAISE
    )
    handout, program, warnings = build_handout(therapist_ctx, client_id, lang=lang)
    assert [d.code for d in handout.drills] == ["strength.single_leg_calf_raise"]
    assert [i.exercise_code for i in program.items] == ["strength.single_leg_calf_raise"]
    # The therapist reads each drill left out and why (English, like every warning).
    assert f"Calf stretch at the wall {ACHILLES_WHY}" in warnings
    assert f"Heel drops off a step {ACHILLES_WHY}" in warnings
    # `mobileathlete program` shows what the handout prints, with the same warnings.
    listing = program_listing(therapist_ctx, client_id, lang=lang)
    assert [d.code for d in listing.drills] == ["strength.single_leg_calf_raise"]
    assert f"Heel drops off a step {ACHILLES_WHY}" in listing.warnings


@pytest.mark.parametrize(
    ("lang", "heel_drops", "pogo"),
    [
        ("en", "Heel drops off a step", "Single-leg pogo hops"),
        ("es", "Bajada de talón en un escalón", "Saltos pogo en una pierna"),
    ],
)
def test_the_calf_raise_never_points_on_to_heel_drops_below_the_step(
    therapist_ctx: ServiceContext, lang: str, heel_drops: str, pogo: str
) -> None:
    """Uncoded, the single-leg calf raise's 'when it gets easy' names heel drops off a step (the
    library's next step); coded insertional Achilles pain, the next step that keeps the ankle
    out of end-range dorsiflexion, single-leg pogo hops."""
    uncoded = _runner(therapist_ctx, f"HC-2{lang}", "", CALF_RAISE)
    coded = _runner(therapist_ctx, f"HC-3{lang}", "achilles_insertional", CALF_RAISE)
    before, _, _ = build_handout(therapist_ctx, uncoded, lang=lang)
    assert before.drills[0].when_easy == heel_drops
    after, _, _ = build_handout(therapist_ctx, coded, lang=lang)
    assert after.drills[0].when_easy == pogo


def test_lateral_hip_handout_leaves_out_the_side_lean_across_the_midline(
    therapist_ctx: ServiceContext,
) -> None:
    client_id = _runner(therapist_ctx, "HC-4", "lateral_hip_gluteal", CLAMSHELL, SIDE_LEAN)
    handout, _, warnings = build_handout(therapist_ctx, client_id, lang="es")
    assert [d.code for d in handout.drills] == ["control.clamshell"]
    assert (
        "Side lean, leg crossed behind (outer hip) held back for the client's complaint, lateral "
        "hip pain (gluteal tendinopathy): it takes the hip into adduction (the leg crossed behind "
        "or swung across the body, the pelvis let drop or turned toward the floor on the free "
        "side while standing on one leg), which compresses the gluteal tendons (Grimaldi 2015); "
        "left out of the handout while this complaint is coded"
    ) in warnings


@pytest.mark.parametrize("complaint", ["", "patellofemoral"])
def test_without_a_complaint_rule_the_saved_program_is_printed_as_saved(
    therapist_ctx: ServiceContext, complaint: str
) -> None:
    """Not coded, or a complaint with no rule (patellofemoral pain): every drill printed."""
    client_id = _runner(
        therapist_ctx, f"HC-5{complaint}", complaint, CALF_STRETCH, HEEL_DROPS, SIDE_LEAN
    )
    handout, _, warnings = build_handout(therapist_ctx, client_id, lang="en")
    assert [d.code for d in handout.drills] == [
        "stretch.calf_wall",
        "strength.eccentric_heel_drop",
        "mobility.standing_itb_side_reach",
    ]
    assert not [w for w in warnings if "held back" in w]


def test_a_drill_added_back_by_hand_after_the_complaint_was_coded_is_still_left_out(
    therapist_ctx: ServiceContext,
) -> None:
    """Coded first, then a program saved by hand with heel drops off a step in it: the handout
    leaves them out all the same, and says why (the recommender told the therapist so)."""
    client_id = _runner(therapist_ctx, "HC-6", "achilles_insertional", CALF_RAISE)
    save_program(
        therapist_ctx,
        ProgramRecord(None, client_id, date(2026, 10, 1), "Home", (CALF_RAISE, HEEL_DROPS)),
    )
    handout, _, warnings = build_handout(therapist_ctx, client_id, lang="en")
    assert [d.code for d in handout.drills] == ["strength.single_leg_calf_raise"]
    assert f"Heel drops off a step {ACHILLES_WHY}" in warnings
