"""Every use case on one assessment starts with the same guard (`assessment_unit`): the actor's
permission first, then the assessment found, then a signed one refused (add an addendum)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from mobileathlete_desktop.domain.permissions import PermissionDenied
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.audit import AuditFilter, find_events
from mobileathlete_desktop.services.context import InputError, NotFound, ServiceContext

Use = Callable[[ServiceContext, int], object]

CHANGES: dict[str, Use] = {
    "value": lambda c, a: assessments.set_value(c, a, "wblt.distance", "left", "none", 10.0),
    "clear a value": lambda c, a: assessments.set_value(
        c, a, "wblt.distance", "left", "none", None
    ),
    "pain": lambda c, a: assessments.set_pain(c, a, "wblt.distance", "left", "none", True),
    "finding": lambda c, a: assessments.set_finding(c, a, "sls", "right", rating="good"),
    "lefs": lambda c, a: assessments.set_lefs_answers(c, a, [3] * 20),
    "psfs": lambda c, a: assessments.set_psfs(c, a, ["running", "stairs", "hopping"], [5, 6, 7]),
    "notes": lambda c, a: assessments.set_notes(c, a, "changed"),
    "template": lambda c, a: assessments.set_template(c, a, "other"),
    "computed values": lambda c, a: assessments.update_computed(c, a),
    "sign": lambda c, a: assessments.sign_assessment(c, a),
}
READS: dict[str, Use] = {
    "open": lambda c, a: assessments.get_assessment(c, a),
    "previous visit": lambda c, a: assessments.previous_assessment(c, a),
    "psfs offer": lambda c, a: assessments.psfs_offer(c, a),
}


@pytest.fixture
def signed(therapist_ctx: ServiceContext) -> int:
    client = clients.create_client(
        therapist_ctx, clients.ClientInput("G-1", "Testa", "Guarded", date(1990, 5, 5))
    )
    visit = assessments.create_assessment(therapist_ctx, client.id, date(2026, 3, 1))
    assessments.set_value(therapist_ctx, visit.id, "wblt.distance", "left", "none", 9.0)
    assessments.sign_assessment(therapist_ctx, visit.id)
    return visit.id


@pytest.mark.parametrize("use", CHANGES, ids=list(CHANGES))
def test_a_signed_assessment_refuses_every_change_and_keeps_its_record(
    therapist_ctx: ServiceContext, admin_ctx: ServiceContext, signed: int, use: str
) -> None:
    before = assessments.get_assessment(therapist_ctx, signed)
    events = len(find_events(admin_ctx, AuditFilter(chart_number="G-1")))
    with pytest.raises(InputError, match="signed and read-only; add an addendum instead"):
        CHANGES[use](therapist_ctx, signed)
    assert assessments.get_assessment(therapist_ctx, signed) == before
    assert len(find_events(admin_ctx, AuditFilter(chart_number="G-1"))) == events


@pytest.mark.parametrize("use", [*CHANGES, *READS], ids=[*CHANGES, *READS])
def test_a_missing_assessment_is_not_found(therapist_ctx: ServiceContext, use: str) -> None:
    with pytest.raises(NotFound, match="No assessment with id 999999"):
        {**CHANGES, **READS}[use](therapist_ctx, 999999)


@pytest.mark.parametrize("use", CHANGES, ids=list(CHANGES))
def test_the_permission_is_checked_before_the_assessment_or_the_input(
    admin_ctx: ServiceContext, use: str
) -> None:
    # The administrator may not record assessments: told so, not that the id or value is bad.
    with pytest.raises(PermissionDenied, match="may not"):
        CHANGES[use](admin_ctx, 999999)
    with pytest.raises(PermissionDenied, match="may not"):
        assessments.set_value(admin_ctx, 999999, "no.such.measure", "left", "none", -1.0)


def test_an_addendum_of_a_draft_is_refused_and_a_signed_one_is_copied(
    therapist_ctx: ServiceContext, signed: int
) -> None:
    addendum = assessments.create_addendum(therapist_ctx, signed, "wrong side measured")
    with pytest.raises(InputError, match="Only a signed assessment takes an addendum"):
        assessments.create_addendum(therapist_ctx, addendum.id, "again")
    assert addendum.addendum_of == signed
    assert [m.value for m in addendum.measurements] == [9.0]
    assessments.set_value(therapist_ctx, addendum.id, "wblt.distance", "left", "none", 10.0)
