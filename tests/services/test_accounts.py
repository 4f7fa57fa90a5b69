"""Accounts: the first admin, sign-in with lock-out (audited), and what each role may do."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mobileathlete_desktop.domain.permissions import PERMISSIONS, PermissionDenied
from mobileathlete_desktop.services import accounts
from mobileathlete_desktop.services.accounts import (
    LOCK_OUT,
    MAX_FAILED_SIGN_INS,
    SignInFailed,
    create_first_admin,
    create_user,
    has_users,
    sign_in,
)
from mobileathlete_desktop.services.audit import AuditFilter, find_events
from mobileathlete_desktop.services.context import InputError, ServiceContext


@pytest.fixture
def clinic(ctx: ServiceContext) -> ServiceContext:
    """A clinic with a first admin 'boss' (password 'boss-secret') and a therapist 'tess'
    (password 'secret')."""
    admin = create_first_admin(ctx.db, "Test Clinic", "boss", "Boss Admin", "boss-secret")
    create_user(ctx.as_actor(admin.actor()), "tess", "Tess Therapist, PT", "therapist", "secret")
    return ctx


def test_first_admin_only_on_a_database_with_no_users(ctx: ServiceContext) -> None:
    assert not has_users(ctx.db)
    made = create_first_admin(ctx.db, "Test Clinic", "Boss", "", "boss-secret")
    assert (made.username, made.role, made.display_name) == ("boss", "admin", "boss")
    assert has_users(ctx.db)
    with pytest.raises(InputError, match="already has users"):
        create_first_admin(ctx.db, "Other", "mallory", "", "mallory-secret")


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("", "long-enough", "User name"),
        ("a b", "long-enough", "User name"),
        ("ok", "abc", "at least 10 characters \\(this one has 3\\)"),
        ("ok", "nine-char", "An admin's password must be at least 10"),
    ],
)
def test_first_admin_input_is_checked(
    ctx: ServiceContext, username: str, password: str, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        create_first_admin(ctx.db, "Clinic", username, "", password)
    assert not has_users(ctx.db)


def test_sign_in_returns_the_user_with_their_role_and_is_audited(clinic: ServiceContext) -> None:
    actor = sign_in(clinic, "Tess", "secret")
    assert (actor.username, actor.role, actor.display_name) == (
        "tess",
        "therapist",
        "Tess Therapist, PT",
    )
    admin = sign_in(clinic, "boss", "boss-secret")
    events = find_events(clinic.as_actor(admin), AuditFilter(action="signin"))
    assert [(e.username, e.action) for e in events] == [("tess", "signin"), ("boss", "signin")]


@pytest.mark.parametrize(("username", "password"), [("tess", "wrong"), ("nobody", "secret")])
def test_wrong_credentials_are_refused_and_audited(
    clinic: ServiceContext, username: str, password: str
) -> None:
    with pytest.raises(SignInFailed, match="Wrong user name or password"):
        sign_in(clinic, username, password)
    events = find_events(clinic, AuditFilter(action="signin"))
    assert [(e.username, e.action) for e in events] == [(username, "signin.failed")]


def test_five_wrong_passwords_lock_the_account_for_five_minutes(clinic: ServiceContext) -> None:
    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    for attempt in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(SignInFailed) as failure:
            sign_in(clinic, "tess", "guess", now=start + timedelta(seconds=attempt))
    assert "locked for 5 minutes" in str(failure.value)
    with pytest.raises(SignInFailed, match="locked"):
        sign_in(clinic, "tess", "secret", now=start + timedelta(minutes=4))
    actor = sign_in(clinic, "tess", "secret", now=start + LOCK_OUT + timedelta(seconds=5))
    assert actor.username == "tess"
    actions = [e.action for e in find_events(clinic, AuditFilter(username="tess"))]
    assert actions == ["signin.failed"] * 5 + ["signin.refused", "signin"]


def test_a_right_password_resets_the_count_of_failures(clinic: ServiceContext) -> None:
    for _ in range(MAX_FAILED_SIGN_INS - 1):
        with pytest.raises(SignInFailed):
            sign_in(clinic, "tess", "guess")
    sign_in(clinic, "tess", "secret")
    with pytest.raises(SignInFailed, match="Wrong"):
        sign_in(clinic, "tess", "guess")
    assert sign_in(clinic, "tess", "secret").username == "tess"


def test_an_admin_can_unlock_a_locked_account(clinic: ServiceContext) -> None:
    for _ in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(SignInFailed):
            sign_in(clinic, "tess", "guess")
    tess = clinic.as_actor(sign_in(clinic, "boss", "boss-secret"))
    accounts.unlock_account(tess, "tess")
    assert sign_in(clinic, "tess", "secret").role == "therapist"


def test_only_admins_manage_users(clinic: ServiceContext) -> None:
    therapist = clinic.as_actor(sign_in(clinic, "tess", "secret"))
    with pytest.raises(PermissionDenied):
        create_user(therapist, "eve", "", "admin", "secret")
    with pytest.raises(PermissionDenied):
        accounts.list_users(therapist)
    admin = clinic.as_actor(sign_in(clinic, "boss", "boss-secret"))
    assert [u.username for u in accounts.list_users(admin)] == ["boss", "tess"]


def test_the_permission_table_matches_the_two_roles() -> None:
    therapist_only = {a for a, roles in PERMISSIONS.items() if roles == {"therapist"}}
    admin_only = {a for a, roles in PERMISSIONS.items() if roles == {"admin"}}
    assert therapist_only == {"assessments.write", "assessments.sign", "programs.write"}
    assert {"users.manage", "backups.manage", "audit.read", "clients.archive"} <= admin_only
