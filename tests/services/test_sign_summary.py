"""Before signing: what the template asks for that is still empty; an addendum's reason."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import InputError, ServiceContext


@pytest.fixture
def draft(therapist_ctx: ServiceContext) -> int:
    client = clients.create_client(
        therapist_ctx, clients.ClientInput("SG-1", "Testa", "Runnerton", date(1990, 1, 1))
    )
    return assessments.create_assessment(
        therapist_ctx, client.id, date(2026, 3, 2), template="hip"
    ).id


def test_the_empty_parts_are_listed_by_kind(therapist_ctx: ServiceContext, draft: int) -> None:
    for side in ("left", "right"):
        for mode in ("active", "passive"):
            assessments.set_value(therapist_ctx, draft, "hip.flexion", side, mode, 110)
    assessments.set_value(therapist_ctx, draft, "hip.extension", "left", "active", 15)
    assessments.set_finding(therapist_ctx, draft, "sls", "left", rating="poor")
    lines = assessments.empty_parts(therapist_ctx, draft)
    assert lines[0].startswith("No value: Hip internal rotation, Hip external rotation")
    assert "Hip flexion" not in " ".join(lines)
    assert "Hip extension (left passive, right active, right passive)" in " ".join(lines)
    assert any(line.startswith("Not answered: LEFS, PSFS") for line in lines)
    assert not any("Single-leg squat" in line for line in lines if line.startswith("Not rated"))
    assert any("Step-down" in line for line in lines if line.startswith("Not rated"))


@pytest.mark.parametrize("reason", ["", "   "])
def test_an_addendum_needs_a_reason(therapist_ctx: ServiceContext, draft: int, reason: str) -> None:
    assessments.sign_assessment(therapist_ctx, draft)
    with pytest.raises(InputError, match="needs a reason"):
        assessments.create_addendum(therapist_ctx, draft, reason)


def test_the_addendums_reason_is_kept_and_read_back(
    therapist_ctx: ServiceContext, draft: int
) -> None:
    assessments.sign_assessment(therapist_ctx, draft)
    addendum = assessments.create_addendum(therapist_ctx, draft, "  left and   right swapped ")
    assert assessments.addendum_reason(therapist_ctx, addendum.id) == "left and right swapped"
    assert assessments.addendum_reason(therapist_ctx, draft) == ""
    assert addendum.notes.startswith("Addendum: left and right swapped")
