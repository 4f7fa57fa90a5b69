"""What a sign-in attempt comes to, and settling it in the ORM's write unit.

`services.accounts.sign_in` checks the password outside any transaction, then settles the
attempt under the write lock: `decide` says, from the account read again there, what is
audited, what the account's lock-out counter becomes and why the attempt failed; the unit
(`settle_here` for a SQLite file, services.sign_in_server for a clinic server) stores it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from mobileathlete_desktop.domain.permissions import Actor, Role
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.models import User
from mobileathlete_desktop.support.i18n import texts
from mobileathlete_desktop.support.languages import DEFAULT_LANGUAGE

MAX_FAILED_SIGN_INS = 5
"""Wrong passwords in a row before the account is locked."""
LOCK_OUT = timedelta(minutes=5)
"""How long a locked account stays locked."""


def minutes_words(count: int) -> str:
    """A number of minutes as a sign-in message says it ("1 minute", "5 minutes")."""
    return texts(DEFAULT_LANGUAGE).ngettext("{count} minute", "{count} minutes", count)


def as_utc(value: datetime) -> datetime:
    """SQLite hands timestamps back without a zone; they were stored in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Account:
    """An account's row as signing in reads it under the write lock."""

    id: int
    username: str
    display_name: str
    role: str
    password_hash: str
    active: bool
    locked_until: datetime | None
    failed_attempts: int | None


@dataclass(frozen=True)
class Verdict:
    """What a sign-in attempt comes to: the event that audits it, the account's changes, and
    the failure's sentence (None: signed in as `actor`)."""

    who: Actor
    """The event's actor (the account, or "unknown user #…")."""
    action: str
    entity: str = ""
    entity_id: object = ""
    detail: dict[str, Any] = field(default_factory=dict)
    changes: dict[str, object] = field(default_factory=dict)
    """The account's fields to set (failed_attempts, locked_until)."""
    failure: str | None = None
    failure_kind: str = ""
    """The rule behind `failure` ("wrong_sign_in", "account_locked", "locked_now"; its
    `failure_details`: username, minutes), for a window to say it in its own language."""
    failure_details: dict[str, object] = field(default_factory=dict)
    actor: Actor | None = None


def settle_here(
    ctx: ServiceContext, name: str, decide: Callable[[Account | None], Verdict]
) -> Verdict:
    """The attempt settled in the ORM's write unit: the account read again (locked on a
    server), changed as `decide` says, and the attempt audited."""
    with ctx.db.session() as session:
        user = session.execute(
            select(User).where(User.username == name).with_for_update()
        ).scalar_one_or_none()
        verdict = decide(None if user is None else account_of(user))
        if user is not None:
            for field_name, value in verdict.changes.items():
                setattr(user, field_name, value)
        record_event(
            session,
            verdict.who,
            verdict.action,
            entity=verdict.entity,
            entity_id=verdict.entity_id,
            detail=verdict.detail or None,
        )
    return verdict


def account_of(user: User) -> Account:
    """The account as `decide` reads it."""
    return Account(
        user.id,
        user.username,
        user.display_name,
        user.role,
        user.password_hash,
        user.active,
        user.locked_until,
        user.failed_attempts,
    )


def decide(
    account: Account | None,
    name: str,
    label: str,
    recheck: Callable[[str], bool],
    now: datetime,
    action: str,
) -> Verdict:
    """What an attempt comes to, given the account as read under the write lock: the
    event, the account's changes, and why it failed (or who signed in). `recheck(hash)`:
    whether the password typed fits the stored hash (checked before the unit, and again
    only when the hash changed meanwhile)."""
    if account is None or not account.active:
        who = Actor(username=label, display_name=label, role="therapist", user_id=None)
        return Verdict(
            who,
            f"{action}.failed",
            detail={"reason": "unknown or inactive user"},
            failure="Wrong user name or password",
            failure_kind="wrong_sign_in",
        )
    role: Role = "admin" if account.role == "admin" else "therapist"
    actor = Actor(
        username=account.username,
        display_name=account.display_name,
        role=role,
        user_id=account.id,
    )
    if account.locked_until is not None and as_utc(account.locked_until) > now:
        left = as_utc(account.locked_until) - now
        minutes = max(1, round(left.total_seconds() / 60))
        return Verdict(
            actor,
            f"{action}.refused",
            entity="user",
            entity_id=account.id,
            detail={"reason": "locked"},
            failure=(
                f"Account {name} is locked after {MAX_FAILED_SIGN_INS} wrong passwords; "
                f"try again in {minutes_words(minutes)}"
            ),
            failure_kind="account_locked",
            failure_details={"username": name, "count": MAX_FAILED_SIGN_INS, "minutes": minutes},
        )
    if recheck(account.password_hash):
        changes: dict[str, object] = {"failed_attempts": 0, "locked_until": None}
        return Verdict(
            actor, action, entity="user", entity_id=account.id, changes=changes, actor=actor
        )
    failures = (account.failed_attempts or 0) + 1
    detail: dict[str, object] = {"reason": "wrong password", "failures": failures}
    failure = "Wrong user name or password"
    kind, details = "wrong_sign_in", {}
    changes = {"failed_attempts": failures}
    if failures >= MAX_FAILED_SIGN_INS:
        locked_until = now + LOCK_OUT
        changes = {"failed_attempts": 0, "locked_until": locked_until}
        detail["locked_until"] = locked_until
        minutes = int(LOCK_OUT.total_seconds() // 60)
        failure = f"Wrong password; account {name} is now locked for {minutes_words(minutes)}"
        kind, details = "locked_now", {"username": name, "minutes": minutes}
    return Verdict(
        actor,
        f"{action}.failed",
        entity="user",
        entity_id=account.id,
        detail=detail,
        changes=changes,
        failure=failure,
        failure_kind=kind,
        failure_details=details,
    )
