"""The PSFS: client-named activities rated 0–10, the average stored, judged at the next visit."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.domain.interpretation import interpret_assessment
from mobileathlete_desktop.services import assessments, audit, clients
from mobileathlete_desktop.services.context import InputError, ServiceContext

ACTIVITIES = ["Running 10 km", "Stairs down", "Hopping on the left"]


@pytest.fixture
def client_id(ctx: ServiceContext) -> int:
    return clients.create_client(
        ctx, clients.ClientInput("P-1", "Pia", "Stride", date(1990, 5, 5), "female")
    ).id


def test_the_average_is_stored_and_judged_against_the_mcid_at_the_next_visit(
    therapist_ctx: ServiceContext, client_id: int
) -> None:
    first = assessments.create_assessment(therapist_ctx, client_id, date(2026, 1, 5))
    saved = assessments.set_psfs(therapist_ctx, first.id, ACTIVITIES, [3, 4, 4])
    assert saved.labels == tuple(ACTIVITIES) and saved.answers == (3, 4, 4)
    assert assessments.get_assessment(therapist_ctx, first.id).value("psfs.average") == 3.7
    assessments.sign_assessment(therapist_ctx, first.id)

    second = assessments.create_assessment(therapist_ctx, client_id, date(2026, 2, 5))
    offer = assessments.psfs_offer(therapist_ctx, second.id)
    assert offer is not None
    assert offer.activities == tuple(ACTIVITIES) and offer.visit == date(2026, 1, 5)
    assessments.set_psfs(therapist_ctx, second.id, ACTIVITIES, [6, 5, 5])  # 5.3: +1.6

    history = assessments.load_history(therapist_ctx, client_id)
    row = interpret_assessment(history, second.id, therapist_ctx.catalogue).row("psfs.average")
    assert row is not None and row.value == pytest.approx(5.3)
    assert row.change.verdict == "improved"
    assert row.change.important is True
    assert "abbott-2014" in row.change.mcid_source
    # The outcome's empty total adds no second row under another code.
    codes = [r.code for r in interpret_assessment(history, second.id).rows]
    assert "psfs.total" not in codes


def test_fewer_than_three_activities_are_kept_without_an_average(
    therapist_ctx: ServiceContext, admin_ctx: ServiceContext, client_id: int
) -> None:
    a = assessments.create_assessment(therapist_ctx, client_id, date(2026, 1, 5))
    assessments.set_psfs(therapist_ctx, a.id, ACTIVITIES, [3, 4, 4])
    assessments.set_psfs(therapist_ctx, a.id, [*ACTIVITIES[:2], ""], [3, 4, None])
    record = assessments.get_assessment(therapist_ctx, a.id)
    assert record.value("psfs.average") is None
    psfs = next(o for o in record.outcomes if o.instrument == "psfs")
    assert psfs.labels == tuple(ACTIVITIES[:2]) and psfs.total is None
    events = audit.find_events(admin_ctx, audit.AuditFilter(action="outcome.set"))
    assert [e.detail["average"] for e in events] == [3.7, None]
    assert events[-1].detail["before"] == {"activities": ACTIVITIES, "ratings": [3, 4, 4]}


@pytest.mark.parametrize(
    ("activities", "ratings", "message"),
    [
        (ACTIVITIES, [3, 11, 4], "11 is outside 0–10"),
        (ACTIVITIES, [3, -1, 4], "-1 is outside 0–10"),
        (["Running", "", "Hopping"], [3, 4, 4], "row 2: name the activity"),
        (["Running", "running", "Hopping"], [3, 4, 4], "named twice"),
        ([f"Activity {n}" for n in range(6)], [5] * 6, "at most 5 activities"),
        (["x" * 121, "Stairs", "Hopping"], [3, 4, 4], "at most 120 characters"),
    ],
)
def test_bad_psfs_input_is_refused_and_nothing_is_stored(
    therapist_ctx: ServiceContext,
    client_id: int,
    activities: list[str],
    ratings: list[int | None],
    message: str,
) -> None:
    a = assessments.create_assessment(therapist_ctx, client_id, date(2026, 1, 5))
    with pytest.raises(InputError, match=message):
        assessments.set_psfs(therapist_ctx, a.id, activities, ratings)
    record = assessments.get_assessment(therapist_ctx, a.id)
    assert record.outcomes == () and record.value("psfs.average") is None


def test_an_admin_may_not_record_a_psfs(
    therapist_ctx: ServiceContext, admin_ctx: ServiceContext, client_id: int
) -> None:
    a = assessments.create_assessment(therapist_ctx, client_id, date(2026, 1, 5))
    with pytest.raises(PermissionError):
        assessments.set_psfs(admin_ctx, a.id, ACTIVITIES, [3, 4, 4])


def test_an_addendum_keeps_the_activities(therapist_ctx: ServiceContext, client_id: int) -> None:
    a = assessments.create_assessment(therapist_ctx, client_id, date(2026, 1, 5))
    assessments.set_psfs(therapist_ctx, a.id, ACTIVITIES, [3, 4, 4])
    assessments.sign_assessment(therapist_ctx, a.id)
    addendum = assessments.create_addendum(therapist_ctx, a.id, "typo")
    psfs = next(o for o in addendum.outcomes if o.instrument == "psfs")
    assert psfs.labels == tuple(ACTIVITIES)
    assert assessments.psfs_offer(therapist_ctx, addendum.id) is None  # not its own original
