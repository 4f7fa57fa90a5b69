"""Clients: creating, finding, editing, archiving, and refusing bad input."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from mobileathlete_desktop.domain.permissions import PermissionDenied
from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ConflictError, InputError, ServiceContext

SAMPLE = clients.ClientInput(
    chart_number="T-001",
    given_name="Testa",
    family_name="Runnerton",
    date_of_birth=date(1990, 4, 2),
    sex="female",
)


def test_created_client_round_trips(ctx: ServiceContext) -> None:
    made = clients.create_client(ctx, replace(SAMPLE, weekly_distance_km=42.5, goal_event="10 km"))
    again = clients.get_client(ctx, made.id)
    assert again.chart_number == "T-001"
    assert again.weekly_distance_km == 42.5
    assert again.goal_event == "10 km"
    assert again.date_of_birth == date(1990, 4, 2)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"chart_number": ""}, "Chart number is required"),
        ({"given_name": "  "}, "Given name is required"),
        ({"date_of_birth": date.today() + timedelta(days=1)}, "in the future"),
        ({"sex": "x"}, "Sex must be"),
        ({"weekly_distance_km": -3.0}, "Weekly distance"),
        ({"email": "not-an-email"}, "Email"),
    ],
)
def test_bad_client_input_is_refused_and_not_stored(
    ctx: ServiceContext, change: dict[str, object], message: str
) -> None:
    with pytest.raises(InputError, match=message):
        clients.create_client(ctx, replace(SAMPLE, **change))  # type: ignore[arg-type]
    assert clients.search_clients(ctx) == []


def test_duplicate_chart_number_is_refused(ctx: ServiceContext) -> None:
    clients.create_client(ctx, SAMPLE)
    with pytest.raises(InputError, match="already used"):
        clients.create_client(ctx, replace(SAMPLE, given_name="Other"))
    assert len(clients.search_clients(ctx)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("runner", ["T-001", "T-002"]),
        ("testa", ["T-001"]),
        ("t-002", ["T-002"]),
        ("1990", ["T-001"]),
        ("1985-07", ["T-002"]),
        ("testa runnerton", ["T-001"]),
        ("nobody", []),
        ("", ["T-001", "T-002"]),
    ],
)
def test_search_matches_name_chart_and_birth_date(
    ctx: ServiceContext, text: str, expected: list[str]
) -> None:
    clients.create_client(ctx, SAMPLE)
    clients.create_client(
        ctx,
        replace(
            SAMPLE,
            chart_number="T-002",
            given_name="Otto",
            family_name="Runnerson",
            date_of_birth=date(1985, 7, 1),
        ),
    )
    assert sorted(c.chart_number for c in clients.search_clients(ctx, text)) == expected


def test_archived_clients_leave_the_everyday_list(admin_ctx: ServiceContext) -> None:
    made = clients.create_client(admin_ctx, SAMPLE)
    clients.archive_client(admin_ctx, made.id)
    assert clients.search_clients(admin_ctx) == []
    assert [c.id for c in clients.search_clients(admin_ctx, include_archived=True)] == [made.id]


def test_an_edit_based_on_an_old_version_is_refused(ctx: ServiceContext) -> None:
    made = clients.create_client(ctx, SAMPLE)
    clients.update_client(ctx, made.id, replace(SAMPLE, phone="1"), expected_version=made.version)
    with pytest.raises(ConflictError, match="changed by someone else"):
        clients.update_client(
            ctx, made.id, replace(SAMPLE, phone="2"), expected_version=made.version
        )
    assert clients.get_client(ctx, made.id).phone == "1"


def test_therapists_cannot_archive(therapist_ctx: ServiceContext) -> None:
    made = clients.create_client(therapist_ctx, SAMPLE)
    with pytest.raises(PermissionDenied):
        clients.archive_client(therapist_ctx, made.id)
