"""Assessments: values saved one by one, bounds enforced, signing locks, addenda keep originals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ConflictError, InputError, ServiceContext


@pytest.fixture
def client_id(ctx: ServiceContext) -> int:
    return clients.create_client(
        ctx, clients.ClientInput("A-1", "Synthia", "Testrunner", date(1992, 1, 1), "female")
    ).id


def test_a_value_is_stored_as_soon_as_it_is_set(
    therapist_ctx: ServiceContext, client_id: int
) -> None:
    a = assessments.create_assessment(therapist_ctx, client_id, date(2026, 3, 1))
    assessments.set_value(therapist_ctx, a.id, "wblt.distance", "left", "none", 11.5)
    assert assessments.get_assessment(therapist_ctx, a.id).value("wblt.distance", "left") == 11.5


@pytest.mark.parametrize(
    ("code", "side", "mode", "value", "message"),
    [
        ("hip.flexion", "left", "active", 400.0, "outside"),
        ("wblt.distance", "left", "none", -1.0, "outside"),
        ("no.such.measure", "left", "none", 1.0, "unknown measure"),
        ("wblt.distance", "none", "none", 10.0, "side must be"),
        ("hip.flexion", "left", "none", 100.0, "mode must be"),
    ],
)
def test_impossible_values_are_refused_and_nothing_changes(
    therapist_ctx: ServiceContext,
    client_id: int,
    code: str,
    side: str,
    mode: str,
    value: float,
    message: str,
) -> None:
    a = assessments.create_assessment(therapist_ctx, client_id, date(2026, 3, 1))
    assessments.set_value(therapist_ctx, a.id, "hip.flexion", "left", "active", 120)
    with pytest.raises(InputError, match=message):
        assessments.set_value(therapist_ctx, a.id, code, side, mode, value)  # type: ignore[arg-type]
    kept = assessments.get_assessment(therapist_ctx, a.id).measurements
    assert [(m.code, m.value) for m in kept] == [("hip.flexion", 120)]


def test_future_assessment_dates_are_refused(therapist_ctx: ServiceContext, client_id: int) -> None:
    with pytest.raises(InputError, match="future"):
        assessments.create_assessment(therapist_ctx, client_id, date.today() + timedelta(days=1))


def test_signing_locks_and_an_addendum_keeps_the_original(
    therapist_ctx: ServiceContext, client_id: int
) -> None:
    a = assessments.create_assessment(therapist_ctx, client_id, date(2026, 3, 1))
    assessments.set_value(therapist_ctx, a.id, "wblt.distance", "right", "none", 9.0)
    signed = assessments.sign_assessment(therapist_ctx, a.id)
    assert signed.status == "signed" and signed.signed_by == "Test Therapist"
    with pytest.raises(InputError, match="read-only"):
        assessments.set_value(therapist_ctx, a.id, "wblt.distance", "right", "none", 10.0)
    addendum = assessments.create_addendum(therapist_ctx, a.id, "wrong side measured")
    assessments.set_value(therapist_ctx, addendum.id, "wblt.distance", "right", "none", 10.0)
    assert assessments.get_assessment(therapist_ctx, a.id).value("wblt.distance", "right") == 9.0
    history = assessments.load_history(therapist_ctx, client_id)
    assert [x.id for x in history.assessments] == [a.id]  # draft addendum not yet in effect
    assessments.sign_assessment(therapist_ctx, addendum.id)
    history = assessments.load_history(therapist_ctx, client_id)
    assert [x.id for x in history.assessments] == [addendum.id]
    assert history.latest is not None and history.latest.value("wblt.distance", "right") == 10.0


def test_a_stale_edit_from_another_window_is_refused(
    therapist_ctx: ServiceContext, client_id: int
) -> None:
    a = assessments.create_assessment(therapist_ctx, client_id, date(2026, 3, 1))
    assessments.set_value(therapist_ctx, a.id, "wblt.distance", "left", "none", 10.0, expected=None)
    with pytest.raises(ConflictError, match="changed elsewhere to 10"):
        assessments.set_value(
            therapist_ctx, a.id, "wblt.distance", "left", "none", 12.0, expected=None
        )
    assert assessments.get_assessment(therapist_ctx, a.id).value("wblt.distance", "left") == 10.0


def test_lefs_total_is_stored_only_when_all_items_are_answered(
    therapist_ctx: ServiceContext, client_id: int
) -> None:
    a = assessments.create_assessment(therapist_ctx, client_id, date(2026, 3, 1))
    partial: list[int | None] = [3] * 19 + [None]
    assert assessments.set_lefs_answers(therapist_ctx, a.id, partial).total is None
    assert assessments.set_lefs_answers(therapist_ctx, a.id, [3] * 19 + [4]).total == 61
    with pytest.raises(InputError, match="item 2"):
        assessments.set_lefs_answers(therapist_ctx, a.id, [3, 5] + [0] * 18)


def test_history_lists_visits_oldest_first(therapist_ctx: ServiceContext, client_id: int) -> None:
    later = assessments.create_assessment(therapist_ctx, client_id, date(2026, 5, 1))
    earlier = assessments.create_assessment(therapist_ctx, client_id, date(2026, 2, 1))
    history = assessments.load_history(therapist_ctx, client_id)
    assert [a.id for a in history.assessments] == [earlier.id, later.id]
