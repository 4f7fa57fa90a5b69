"""The next program proposed at a check-in follows the client's coded complaint (the services
layer reads it from the client record): a runner with insertional Achilles pain whose program
was saved before the complaint was coded is not moved on to heel drops off a step, and the calf
stretch still in the program is proposed held back, with why, in the window's language."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.checkins import (
    checkin_sheet,
    proposed_program,
    save_checkin,
)
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.programs import save_program
from tests.reports.helpers import add_runner

loaded = {"en": "loaded backpack", "es": "mochila con peso"}
SHORT_HIP = ("hip.flexion", "left", "active")

ITEMS = (
    # Single-leg calf raises on flat ground; next in the library: heel drops off a step.
    ProgramItemRecord("strength.single_leg_calf_raise", 3, 12, sessions_per_week=3),
    ProgramItemRecord("stretch.calf_wall", 3, hold_s=30, per_side=True, sessions_per_week=7),
)


def _checked_in(ctx: ServiceContext, chart: str, complaint: str) -> int:
    """A runner whose calf program of 2026-09-01 came back on 2026-09-29 all done, easy (1/10
    and 0/10), with the complaint coded as given ("" for none) after the program was saved."""
    client = add_runner(ctx, chart, visits={date(2026, 9, 29): {}})
    save_program(ctx, ProgramRecord(None, client.id, date(2026, 9, 1), "Calves", ITEMS, weeks=4))
    if complaint:
        data = clients.input_from_record(clients.get_client(ctx, client.id))
        clients.update_client(ctx, client.id, replace(data, complaint_code=complaint))
    _, sheet = checkin_sheet(ctx, client.id, on=date(2026, 9, 29))
    done = tuple(
        replace(i, done=i.prescribed, pain=p) for i, p in zip(sheet.items, (1, 0), strict=True)
    )
    save_checkin(ctx, replace(sheet, items=done))
    return client.id


def test_uncoded_the_calf_raise_moves_on_to_heel_drops_as_before(
    therapist_ctx: ServiceContext,
) -> None:
    client_id = _checked_in(therapist_ctx, "PC-1", "")
    proposed, changes = proposed_program(therapist_ctx, client_id)
    assert [i.exercise_code for i in proposed.items] == [
        "strength.eccentric_heel_drop",
        "mobility.calf_wall_rock",
    ]
    assert "pause" not in [c.action for c in changes]


@pytest.mark.parametrize(
    ("lang", "held"),
    [
        (
            "en",
            "Calf stretch at the wall held back for the client's complaint, insertional Achilles "
            "pain: it takes the loaded ankle to end-range dorsiflexion",
        ),
        (
            "es",
            "Estiramiento de pantorrilla en la pared en pausa por el cuadro clínico del cliente, "
            "dolor del tendón de Aquiles en su inserción: lleva el tobillo en carga al final del "
            "rango de flexión dorsal",
        ),
    ],
)
def test_insertional_achilles_is_never_proposed_heel_drops_below_the_step(
    therapist_ctx: ServiceContext, lang: str, held: str
) -> None:
    client_id = _checked_in(therapist_ctx, f"PC-2{lang}", "achilles_insertional")
    proposed, changes = proposed_program(therapist_ctx, client_id, lang=lang)
    codes = [i.exercise_code for i in proposed.items]
    assert "strength.eccentric_heel_drop" not in codes and "stretch.calf_wall" not in codes
    # The calf raise is kept, heavier (its next step, the heel drops, is held back), not
    # skipped on to single-leg pogo hops (sports-PT review, Pringels 2025).
    assert codes == ["strength.single_leg_calf_raise"]
    assert (proposed.items[0].load, proposed.items[0].tempo) == (loaded[lang], "3-1-1")
    kept = next(c for c in changes if c.was == "strength.single_leg_calf_raise")
    assert kept.why is not None and kept.why.code == "checkin.loaded_next_held"
    (paused,) = [c for c in changes if c.action == "pause"]
    assert paused.was == "stretch.calf_wall" and paused.reason.startswith(held)
    assert paused.why is not None and paused.why.code == "checkin.held_back_complaint"


def test_the_complaints_calf_raise_stays_though_the_assessment_flags_only_the_hip(
    therapist_ctx: ServiceContext,
) -> None:
    """DEMO-0004 as the reviewer saw it: the latest assessment flags a short hip flexor only
    (the calf raises answer no finding of it), insertional Achilles pain coded; the two-leg
    straight-knee calf raise, the complaint's own loading drill, is kept beside the single-leg
    one, heavier, its reason naming the complaint (was dropped: 'answers no finding')."""
    ctx = therapist_ctx
    client = add_runner(ctx, "PC-3", visits={date(2026, 9, 29): {SHORT_HIP: 95}})
    items = (ITEMS[0], ProgramItemRecord("strength.calf_raise_straight_knee", 3, 15))
    save_program(ctx, ProgramRecord(None, client.id, date(2026, 9, 1), "Calves", items, weeks=4))
    data = clients.input_from_record(clients.get_client(ctx, client.id))
    clients.update_client(ctx, client.id, replace(data, complaint_code="achilles_insertional"))
    _, sheet = checkin_sheet(ctx, client.id, on=date(2026, 9, 29))
    save_checkin(
        ctx, replace(sheet, items=tuple(replace(i, done=i.prescribed, pain=1) for i in sheet.items))
    )
    proposed, changes = proposed_program(ctx, client.id, lang="es")
    assert [i.exercise_code for i in proposed.items] == [
        "strength.single_leg_calf_raise",
        "strength.calf_raise_straight_knee",
    ]
    two_leg = next(c for c in changes if c.was == "strength.calf_raise_straight_knee")
    assert two_leg.action == "hold" and two_leg.reason.endswith(
        "se mantiene, más difícil con carga: su siguiente paso, elevación de talón en una "
        "pierna, ya está en el programa (un ejercicio de carga para el cuadro clínico del "
        "cliente, dolor del tendón de Aquiles en su inserción)"
    )
