"""A value changed from what the editor saw is saved in one compare-and-set UPDATE: the same
refusal of a stale copy, the same audit event, with or without UPDATE … RETURNING."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.audit import AuditFilter, find_events
from mobileathlete_desktop.services.context import ConflictError, ServiceContext

THERAPIST = Actor(username="pt", display_name="Pat Physio", role="therapist")


@pytest.mark.parametrize("returning", [True, False], ids=["returning", "read-then-update"])
def test_a_changed_value_is_stored_audited_and_a_stale_one_refused(
    backend_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch, returning: bool
) -> None:
    if not returning:  # an older SQLite (before 3.35) has no UPDATE … RETURNING
        monkeypatch.setattr(backend_ctx.db.engine.dialect, "update_returning", False)
    ctx = backend_ctx.as_actor(THERAPIST)
    client = clients.create_client(ctx, clients.ClientInput("CS-1", "Cara", "Swap"))
    visit = assessments.create_assessment(ctx, client.id, date(2026, 3, 1)).id
    assessments.set_value(ctx, visit, "hip.flexion", "left", "active", 110, expected=None)
    saved = assessments.set_value(
        ctx, visit, "hip.flexion", "left", "active", 115, expected=110, note="after warm-up"
    )
    assert saved is not None
    assert (saved.value, saved.note, saved.unit, saved.rater) == (
        115,
        "after warm-up",
        "deg",
        "Pat Physio",
    )
    with pytest.raises(ConflictError, match="changed elsewhere to 115"):
        assessments.set_value(ctx, visit, "hip.flexion", "left", "active", 120, expected=110)
    stored = assessments.get_assessment(ctx, visit)
    assert stored.value("hip.flexion", "left", "active") == 115
    admin = backend_ctx.as_actor(Actor(username="ad", display_name="Ad Min", role="admin"))
    sets = [e.detail for e in find_events(admin, AuditFilter(action="measurement.set"))]
    assert [(d["before"], d["after"]) for d in sets] == [(None, 110), (110, 115)]
