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
def clinic(system_ctx: ServiceContext) -> ServiceContext:
    """A clinic with a first admin 'boss' (password 'boss-secret') and a therapist 'tess'
    (password 'secret'), seen by the program itself, as its sign-in screen is."""
    ctx = system_ctx
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
    # A name that is no account is kept only as a fingerprint (it may be a password).
    shown = username if username == "tess" else accounts.unknown_user_label(username)
    assert [(e.username, e.action) for e in events] == [(shown, "signin.failed")]


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


def _boss(clinic: ServiceContext) -> ServiceContext:
    return clinic.as_actor(sign_in(clinic, "boss", "boss-secret"))


@pytest.mark.parametrize(
    ("role", "password", "problem"),
    [
        ("admin", "short", "An admin's password must be at least 10 characters (this one has 5)"),
        ("admin", "ten chars!", None),
        ("therapist", "abc", "A password must be at least 4 characters (this one has 3)"),
        ("therapist", "abcd", None),
    ],
)
def test_the_password_rule_depends_on_the_role(role: str, password: str, problem: str) -> None:
    assert accounts.password_problem(role, password) == problem


def test_an_admin_added_or_reset_needs_ten_characters(clinic: ServiceContext) -> None:
    boss = _boss(clinic)
    with pytest.raises(InputError, match="at least 10 characters"):
        create_user(boss, "ada", "", "admin", "secret")
    create_user(boss, "ada", "Ada Admin", "admin", "ada-secret-1")
    with pytest.raises(InputError, match="at least 10 characters"):
        accounts.reset_password(boss, "ada", "short")
    accounts.reset_password(boss, "ada", "ada-secret-2")
    assert sign_in(clinic, "ada", "ada-secret-2").role == "admin"


def test_deactivating_stops_sign_in_keeps_the_account_and_is_audited(
    clinic: ServiceContext,
) -> None:
    boss = _boss(clinic)
    done = accounts.set_active(boss, "tess", False)
    assert not done.active
    with pytest.raises(SignInFailed, match="Wrong user name or password"):
        sign_in(clinic, "tess", "secret")
    assert accounts.set_active(boss, "tess", True).active
    assert sign_in(clinic, "tess", "secret").username == "tess"
    events = find_events(boss, AuditFilter(action="user."))
    assert [e.action for e in events][-2:] == ["user.deactivate", "user.reactivate"]


def test_nobody_deactivates_themselves_or_the_last_active_admin(clinic: ServiceContext) -> None:
    boss = _boss(clinic)
    with pytest.raises(InputError, match="your own account"):
        accounts.set_active(boss, "boss", False)
    # An admin acting from elsewhere (not the account itself) still may not leave no admin.
    with pytest.raises(InputError, match="boss is the last active admin; add another admin"):
        accounts.set_active(clinic, "boss", False)
    create_user(boss, "ada", "", "admin", "ada-secret-1")
    accounts.set_active(clinic, "boss", False)
    with pytest.raises(InputError, match="ada is the last active admin"):
        accounts.set_active(clinic, "ada", False)
    assert [(u.username, u.active) for u in accounts.list_users(clinic)][:2] == [
        ("ada", True),
        ("boss", False),
    ]


def test_a_reset_lifts_the_lock_and_ones_own_password_needs_the_current_one(
    clinic: ServiceContext,
) -> None:
    for _ in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(SignInFailed):
            sign_in(clinic, "tess", "guess")
    boss = _boss(clinic)
    assert [u.locked for u in accounts.list_users(boss)] == [False, True]
    accounts.reset_password(boss, "tess", "temporary")
    assert [u.locked for u in accounts.list_users(boss)] == [False, False]
    assert sign_in(clinic, "tess", "temporary").username == "tess"
    with pytest.raises(InputError, match="Change my password"):
        accounts.reset_password(boss, "boss", "a brand new one")
    with pytest.raises(InputError, match="current password is wrong; nothing was changed"):
        accounts.change_own_password(boss, "not it", "a brand new one")
    with pytest.raises(InputError, match="at least 10"):
        accounts.change_own_password(boss, "boss-secret", "short")
    accounts.change_own_password(boss, "boss-secret", "a brand new one")
    assert sign_in(clinic, "boss", "a brand new one").role == "admin"
    actions = [e.action for e in find_events(boss, AuditFilter(username="boss"))]
    assert "user.password_change.failed" in actions and "user.password_change" in actions
    assert [e.action for e in find_events(boss, AuditFilter(action="user.password_reset"))] == [
        "user.password_reset"
    ]


@pytest.mark.parametrize(
    "action",
    [
        lambda c: accounts.set_active(c, "boss", False),
        lambda c: accounts.reset_password(c, "boss", "0123456789ab"),
        lambda c: accounts.unlock_account(c, "boss"),
    ],
)
def test_therapists_cannot_change_accounts(clinic: ServiceContext, action: object) -> None:
    therapist = clinic.as_actor(sign_in(clinic, "tess", "secret"))
    with pytest.raises(PermissionDenied):
        action(therapist)  # type: ignore[operator]


def test_the_clinic_name_for_the_window_title(ctx: ServiceContext) -> None:
    assert accounts.clinic_name(ctx.db) == "clinic"  # before the first run names it
    accounts.create_first_admin(ctx.db, "Trackside Physio", "admin", "Ada", "a long sentence")
    assert accounts.clinic_name(ctx.db) == "Trackside Physio"
