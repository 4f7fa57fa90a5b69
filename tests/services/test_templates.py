"""Templates, previous visit and computed totals: the workstation's service additions."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.services import assessments, clients, templates
from mobileathlete_desktop.services.context import InputError, ServiceContext


@pytest.fixture
def client_id(ctx: ServiceContext) -> int:
    return clients.create_client(
        ctx, clients.ClientInput("T-1", "Testa", "Runnerton", date(1994, 2, 2), "female")
    ).id


def test_builtin_templates_are_listed_first_with_their_measures(ctx: ServiceContext) -> None:
    names = [t.name for t in templates.list_templates(ctx)]
    assert names == [
        "Runner screen",
        "Hip",
        "Knee",
        "Ankle–foot",
        "Full lower limb",
        "Runner test battery",
    ]
    runner = templates.get_template(ctx, "runner_screen")
    assert runner is not None and "wblt.distance" in runner.measures


def test_a_clinic_template_is_saved_and_listed_after_the_builtin_ones(ctx: ServiceContext) -> None:
    saved = templates.save_template(ctx, "Calf check", ["ankle.dorsiflexion.knee_flexed", "nprs"])
    assert saved.code == "clinic.calf_check"
    listed = templates.list_templates(ctx)
    assert listed[-1] == saved and not listed[-1].builtin


@pytest.mark.parametrize(
    ("name", "codes", "message"),
    [
        ("", ["nprs"], "name is required"),
        ("X", ["no.such"], "unknown measure"),
        ("X", [], "at least"),
    ],
)
def test_bad_templates_are_refused(
    ctx: ServiceContext, name: str, codes: list[str], message: str
) -> None:
    with pytest.raises(InputError, match=message):
        templates.save_template(ctx, name, codes)


def test_previous_assessment_is_the_visit_before(
    therapist_ctx: ServiceContext, client_id: int
) -> None:
    first = assessments.create_assessment(therapist_ctx, client_id, date(2026, 1, 1))
    second = assessments.create_assessment(therapist_ctx, client_id, date(2026, 2, 1))
    assert assessments.previous_assessment(therapist_ctx, first.id) is None
    found = assessments.previous_assessment(therapist_ctx, second.id)
    assert found is not None and found.id == first.id
    assessments.sign_assessment(therapist_ctx, second.id)
    addendum = assessments.create_addendum(therapist_ctx, second.id, "typo")
    found = assessments.previous_assessment(therapist_ctx, addendum.id)
    assert found is not None and found.id == first.id


def test_update_computed_stores_composite_and_total(
    therapist_ctx: ServiceContext, client_id: int
) -> None:
    a = assessments.create_assessment(therapist_ctx, client_id, date(2026, 1, 1))
    for code, value in (
        ("ybalance.anterior", 60),
        ("ybalance.posteromedial", 100),
        ("ybalance.posterolateral", 95),
    ):
        assessments.set_value(therapist_ctx, a.id, code, "left", "none", value)
    assert (
        assessments.update_computed(therapist_ctx, a.id).value("ybalance.composite", "left") is None
    )
    assessments.set_value(therapist_ctx, a.id, "limb.length", "left", "none", 85)
    record = assessments.update_computed(therapist_ctx, a.id)
    assert record.value("ybalance.composite", "left") == 100.0
    assessments.set_value(therapist_ctx, a.id, "limb.length", "left", "none", None)
    record = assessments.update_computed(therapist_ctx, a.id)
    assert record.value("ybalance.composite", "left") is None


def test_set_template_changes_a_draft_only(therapist_ctx: ServiceContext, client_id: int) -> None:
    a = assessments.create_assessment(therapist_ctx, client_id, date(2026, 1, 1), template="hip")
    assessments.set_template(therapist_ctx, a.id, "knee")
    assert assessments.get_assessment(therapist_ctx, a.id).template == "knee"
    assessments.sign_assessment(therapist_ctx, a.id)
    with pytest.raises(InputError, match="read-only"):
        assessments.set_template(therapist_ctx, a.id, "hip")
