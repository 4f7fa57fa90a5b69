"""Bad input, sign-in: text typed into the user-name field that is no account (often a
password typed one field too early) is never kept in the audit trail, only a fingerprint."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from mobileathlete_desktop.services.accounts import (
    SignInFailed,
    create_first_admin,
    create_user,
    set_active,
    sign_in,
)
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.models import AuditEvent

SECRET = "Correct-Horse-Battery-9"


@pytest.fixture
def clinic(ctx: ServiceContext) -> ServiceContext:
    admin = create_first_admin(ctx.db, "Test Clinic", "boss", "Boss Admin", "boss-secret")
    create_user(ctx.as_actor(admin.actor()), "tess", "Tess", "therapist", "secret")
    return ctx.as_actor(admin.actor())


def _trail(ctx: ServiceContext) -> list[AuditEvent]:
    with ctx.db.session() as session:
        return list(session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars())


def _everything(event: AuditEvent) -> str:
    parts = (event.username, event.action, event.entity, event.entity_id, event.detail)
    return json.dumps(parts, default=str, ensure_ascii=False)


def test_a_password_typed_as_user_name_is_not_kept(clinic: ServiceContext) -> None:
    with pytest.raises(SignInFailed, match="Wrong user name or password"):
        sign_in(clinic, SECRET, "secret")
    failed = _trail(clinic)[-1]
    assert failed.action == "signin.failed"
    for event in _trail(clinic):
        assert SECRET.lower() not in _everything(event).lower()
    assert failed.username.startswith("unknown user")


def test_the_fingerprint_tells_repeated_attempts_apart_without_the_text(
    clinic: ServiceContext,
) -> None:
    for name in ("mallory", "Mallory ", "eve"):
        with pytest.raises(SignInFailed):
            sign_in(clinic, name, "x")
    names = [e.username for e in _trail(clinic) if e.action == "signin.failed"]
    assert names[0] == names[1] != names[2]
    assert all("mallory" not in n and "eve" not in n for n in names)
    assert all(len(n) <= 80 for n in names)  # fits the column


def test_an_existing_account_is_still_named(clinic: ServiceContext) -> None:
    with pytest.raises(SignInFailed):
        sign_in(clinic, "tess", "wrong")
    set_active(clinic, "tess", False)
    with pytest.raises(SignInFailed):
        sign_in(clinic, "tess", "secret")
    assert [e.username for e in _trail(clinic) if e.action == "signin.failed"] == ["tess", "tess"]
