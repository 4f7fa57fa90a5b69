"""Two windows or workstations on the same file never silently overwrite each other."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ConflictError, ServiceContext
from mobileathlete_desktop.storage.database import open_database
from tests.conftest import THERAPIST


@pytest.fixture
def two(db_path: Path, ctx: ServiceContext) -> Iterator[tuple[ServiceContext, ServiceContext]]:
    """Two separate connections to one clinic file, like two workstations."""
    other = open_database(db_path)
    yield ctx.as_actor(THERAPIST), ServiceContext(db=other, actor=THERAPIST)
    other.dispose()


def test_second_save_of_a_client_from_a_stale_copy_is_refused(
    two: tuple[ServiceContext, ServiceContext],
) -> None:
    first, second = two
    made = clients.create_client(first, clients.ClientInput("C-1", "Testa", "Runnerton"))
    seen_by_first = clients.get_client(first, made.id)
    seen_by_second = clients.get_client(second, made.id)
    base = clients.input_from_record(seen_by_first)
    clients.update_client(
        first, made.id, replace(base, phone="555-0101"), expected_version=seen_by_first.version
    )
    with pytest.raises(ConflictError, match="changed by someone else"):
        clients.update_client(
            second,
            made.id,
            replace(base, goal_event="Spring 10k"),
            expected_version=seen_by_second.version,
        )
    now = clients.get_client(second, made.id)
    assert (now.phone, now.goal_event) == ("555-0101", "")
    # Reopened, the second editor's change goes through on top of the first one's.
    clients.update_client(
        second,
        made.id,
        replace(clients.input_from_record(now), goal_event="Spring 10k"),
        expected_version=now.version,
    )
    assert clients.get_client(first, made.id).phone == "555-0101"


def test_a_value_changed_on_another_workstation_is_not_overwritten(
    two: tuple[ServiceContext, ServiceContext],
) -> None:
    first, second = two
    made = clients.create_client(first, clients.ClientInput("C-2", "Bexa", "Striderton"))
    a = assessments.create_assessment(first, made.id, date(2026, 3, 1))
    assessments.set_value(first, a.id, "wblt.distance", "left", "none", 10.0, expected=None)
    with pytest.raises(ConflictError, match="changed elsewhere to 10"):
        assessments.set_value(second, a.id, "wblt.distance", "left", "none", 8.0, expected=None)
    assessments.set_value(second, a.id, "wblt.distance", "right", "none", 8.0, expected=None)
    record = assessments.get_assessment(first, a.id)
    assert (record.value("wblt.distance", "left"), record.value("wblt.distance", "right")) == (
        10.0,
        8.0,
    )
