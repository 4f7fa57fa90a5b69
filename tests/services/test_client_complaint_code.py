"""The coded presenting complaint goes where the free-text complaint goes (the client record,
its audit, the CSV import, a search's records) and steers the recommended program."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.domain.interpretation import GlanceLine
from mobileathlete_desktop.services import audit, clients
from mobileathlete_desktop.services.context import InputError, ServiceContext


def test_the_code_round_trips_beside_the_free_text(ctx: ServiceContext) -> None:
    made = clients.create_client(
        ctx,
        clients.ClientInput(
            "CC-1",
            "Ada",
            "Heelstrike",
            complaint="Pain under the heel, first steps in the morning",
            complaint_code="plantar_heel",
        ),
    )
    again = clients.get_client(ctx, made.id)
    assert (again.complaint_code, again.complaint) == (
        "plantar_heel",
        "Pain under the heel, first steps in the morning",
    )
    (found,) = clients.search_clients(ctx, "Heelstrike")
    assert found.complaint_code == "plantar_heel"
    assert clients.input_from_record(again).complaint_code == "plantar_heel"
    assert clients.client_values(again)["complaint_code"] == "plantar_heel"


def test_an_uncoded_client_has_an_empty_code(ctx: ServiceContext) -> None:
    made = clients.create_client(ctx, clients.ClientInput("CC-2", "Bea", "Quickfoot"))
    assert clients.get_client(ctx, made.id).complaint_code == ""


def test_an_unknown_code_is_refused_and_not_stored(ctx: ServiceContext) -> None:
    with pytest.raises(InputError, match="Complaint code must be one of"):
        clients.create_client(
            ctx, clients.ClientInput("CC-3", "Cy", "Stride", complaint_code="knee")
        )
    assert clients.search_clients(ctx, "CC-3") == []


def test_a_change_of_code_is_audited_before_and_after(
    ctx: ServiceContext, admin_ctx: ServiceContext
) -> None:
    made = clients.create_client(ctx, clients.ClientInput("CC-4", "Dee", "Hipwell"))
    data = clients.input_from_record(made)
    clients.update_client(ctx, made.id, replace(data, complaint_code="lateral_hip_gluteal"))
    (event,) = audit.find_events(admin_ctx, audit.AuditFilter(action="client.update"))
    assert event.detail == {
        "before": {"complaint_code": ""},
        "after": {"complaint_code": "lateral_hip_gluteal"},
    }


def test_the_csv_import_reads_the_code(admin_ctx: ServiceContext, tmp_path: Path) -> None:
    from mobileathlete_desktop.services.imports import import_clients

    path = tmp_path / "clients.csv"
    path.write_text(
        "chart_number,given_name,family_name,complaint,complaint_code\n"
        "CC-5,Eve,Achillesova,Pain at the back of the heel,Achilles_Insertional\n",
        encoding="utf-8",
    )
    import_clients(admin_ctx, path)
    (client,) = clients.search_clients(admin_ctx, "CC-5")
    assert client.complaint_code == "achilles_insertional"


def test_the_recommended_program_follows_the_code(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lateral hip pain with a short Ober test and weak abductors: no drill into adduction,
    and the therapist is told which drills were held back and why."""
    import mobileathlete_desktop.domain.interpretation as interpretation
    from mobileathlete_desktop.services.assessments import create_assessment
    from mobileathlete_desktop.services.programs import recommended_program

    lines = [
        GlanceLine("below_norm", "ober.hip_adduction", "right", "passive", "Ober test, right"),
        GlanceLine(
            "below_norm", "hip.abduction.strength", "right", "none", "Hip abduction strength"
        ),
    ]
    monkeypatch.setattr(interpretation, "glance", lambda *_a, **_k: list(lines))
    made = clients.create_client(ctx, clients.ClientInput("CC-6", "Flo", "Trochanter"))
    create_assessment(ctx, made.id, date(2026, 5, 1))
    uncoded, _ = recommended_program(ctx, made.id)
    assert "mobility.standing_itb_side_reach" in [i.exercise_code for i in uncoded.items]

    data = clients.input_from_record(clients.get_client(ctx, made.id))
    clients.update_client(ctx, made.id, replace(data, complaint_code="lateral_hip_gluteal"))
    program, warnings = recommended_program(ctx, made.id)
    codes = [i.exercise_code for i in program.items]
    assert codes and "mobility.standing_itb_side_reach" not in codes
    assert "mobility.leg_swing_side_to_side" not in codes
    held = [w for w in warnings if w.startswith("Held back: ")]
    assert held and "Side lean, leg crossed behind (outer hip)" in held[0]
    assert "(Grimaldi 2015)" in held[0]
