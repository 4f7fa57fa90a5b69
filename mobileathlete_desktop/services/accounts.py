"""User accounts: the first admin, creating users, signing in (with lock-out) and passwords."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mobileathlete_desktop.domain.permissions import ROLES, Actor, Role
from mobileathlete_desktop.domain.validation import TITLE_LENGTH, InvalidValue, clean_name, too_long
from mobileathlete_desktop.services import sign_in_server
from mobileathlete_desktop.services.audit import record_event

# The clinic's settings a window shows, kept where every caller has always found them.
from mobileathlete_desktop.services.clinic_seen import clinic_is_demo as clinic_is_demo
from mobileathlete_desktop.services.clinic_seen import clinic_name as clinic_name
from mobileathlete_desktop.services.clinic_seen import forget_clinic_seen as forget_clinic_seen
from mobileathlete_desktop.services.clinic_seen import idle_lock_minutes as idle_lock_minutes
from mobileathlete_desktop.services.clinic_seen import note_clinic
from mobileathlete_desktop.services.context import InputError, ServiceContext, refusal, refused
from mobileathlete_desktop.services.sign_in_verdict import LOCK_OUT as LOCK_OUT
from mobileathlete_desktop.services.sign_in_verdict import (
    MAX_FAILED_SIGN_INS as MAX_FAILED_SIGN_INS,
)
from mobileathlete_desktop.services.sign_in_verdict import (
    Account,
    Verdict,
    as_utc,
    decide,
    settle_here,
)
from mobileathlete_desktop.storage.database import Database
from mobileathlete_desktop.storage.models import Clinic, User

# argon2id with the library's RFC 9106 "low memory" profile: strong, yet quick enough that
# signing in on a clinic's older workstation takes well under a second.
_hasher = PasswordHasher()

MIN_PASSWORD = 4
"""Shortest password a therapist may have."""
MIN_ADMIN_PASSWORD = 10
"""Shortest password an admin may have: an admin's account reaches every record and the users."""


class SignInFailed(InputError):
    """Wrong user name or password, or the account is locked or inactive; the message says which."""


def hash_password(password: str) -> str:
    """An argon2id hash of the password."""
    return _hasher.hash(password)


def password_matches(password_hash: str, password: str) -> bool:
    """Whether the password fits the stored hash."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class UserRecord:
    """A user as shown in lists (never the hash)."""

    id: int
    username: str
    display_name: str
    role: str
    active: bool
    locked: bool = False
    """Locked out after too many wrong passwords (until the lock runs out or an admin unlocks)."""

    def actor(self) -> Actor:
        """This user as the actor of service calls."""
        role: Role = "admin" if self.role == "admin" else "therapist"
        return Actor(
            username=self.username, display_name=self.display_name, role=role, user_id=self.id
        )


def _record(user: User, now: datetime | None = None) -> UserRecord:
    locked = user.locked_until is not None and as_utc(user.locked_until) > (
        now or datetime.now(UTC)
    )
    return UserRecord(user.id, user.username, user.display_name, user.role, user.active, locked)


def _clean_username(username: str) -> str:
    username = username.strip().lower()
    if not username or not username.replace(".", "").replace("_", "").replace("-", "").isalnum():
        raise refusal("User name: letters, digits, . _ - only", "username_form", what="User name")
    if len(username) > 80:
        raise refused(too_long("User name", len(username), 80))
    return username


def password_problem(role: str, password: str) -> str | None:
    """Why the password is too weak for someone of that role, or None when it will do."""
    problem = password_refusal(role, password)
    return None if problem is None else str(problem)


def password_refusal(role: str, password: str) -> InvalidValue | None:
    """The refusal of a password too short for someone of that role (kind
    "admin_password_short" or "password_short": least, length), or None when it will do."""
    least = MIN_ADMIN_PASSWORD if role == "admin" else MIN_PASSWORD
    if len(password) >= least:
        return None
    admin = role == "admin"
    whose = "An admin's password" if admin else "A password"
    return InvalidValue(
        f"{whose} must be at least {least} characters (this one has {len(password)})",
        kind="admin_password_short" if admin else "password_short",
        least=least,
        length=len(password),
    )


def _check_password(role: str, password: str) -> None:
    problem = password_refusal(role, password)
    if problem:
        raise refused(problem)


def _check_new(role: str, password: str) -> None:
    if role not in ROLES:
        raise InputError(f"Role must be {' or '.join(ROLES)}")
    _check_password(role, password)


def _clean(text: str, what: str) -> str:
    """A display or clinic name as stored: one line, no control characters, at most
    TITLE_LENGTH characters (InputError saying so)."""
    try:
        return clean_name(text, what, TITLE_LENGTH)
    except InvalidValue as exc:
        raise InputError(str(exc)) from exc


def _add_user(session: Session, username: str, display_name: str, role: str, password: str) -> User:
    if session.execute(select(User.id).where(User.username == username)).first():
        raise refusal(f"User name {username} is taken", "username_taken", username=username)
    user = User(
        username=username,
        display_name=_clean(display_name, "Display name") or username,
        role=role,
        password_hash=hash_password(password),
    )
    session.add(user)
    session.flush()
    return user


def has_users(db: Database) -> bool:
    """Whether anyone can sign in yet (False on a brand-new database: the first-run case)."""
    with db.reading() as session:
        return bool(session.execute(select(func.count(User.id))).scalar_one())


def create_user(
    ctx: ServiceContext, username: str, display_name: str, role: str, password: str
) -> UserRecord:
    """Adds a therapist or admin account (admins only)."""
    ctx.actor.require("users.manage")
    username = _clean_username(username)
    _check_new(role, password)
    _clean(display_name, "Display name")
    with ctx.db.session() as session:
        user = _add_user(session, username, display_name, role, password)
        record_event(
            session,
            ctx.actor,
            "user.create",
            entity="user",
            entity_id=user.id,
            detail={"username": username, "role": role},
        )
        return _record(user)


def create_first_admin(
    db: Database, clinic_name: str, username: str, display_name: str, password: str
) -> UserRecord:
    """First start: names the clinic and creates its first admin; refused once anyone exists.

    Needs no sign-in (nobody can sign in yet), which is why it works only while the
    database has no users at all.
    """
    username = _clean_username(username)
    _check_new("admin", password)
    clinic_name = _clean(clinic_name, "Clinic name")
    _clean(display_name, "Display name")
    with db.session() as session:
        if session.execute(select(func.count(User.id))).scalar_one():
            raise InputError("The clinic already has users; an admin must add new ones")
        clinic = session.execute(select(Clinic).limit(1)).scalar_one_or_none()
        if clinic is None:
            session.add(Clinic(name=clinic_name.strip()))
        elif clinic_name.strip():
            clinic.name = clinic_name.strip()
        user = _add_user(session, username, display_name, "admin", password)
        forget_clinic_seen(db)
        record = _record(user)
        record_event(
            session,
            record.actor(),
            "user.create",
            entity="user",
            entity_id=user.id,
            detail={"username": username, "role": "admin", "first_admin": True},
        )
        return record


def list_users(ctx: ServiceContext) -> list[UserRecord]:
    """Every account, by user name (admins only)."""
    ctx.actor.require("users.manage")
    with ctx.db.reading() as session:
        return [_record(u) for u in session.execute(select(User).order_by(User.username)).scalars()]


@cache
def _dummy_hash() -> str:
    return hash_password("no such user")


UNKNOWN_USER = "unknown user"
_FINGERPRINT_SALT = b"mobileathlete: a user name that is no account"


def unknown_user_label(typed: str) -> str:
    """How the audit trail names a sign-in under a name that is no account: never the text
    (it is often a password typed one field too early), only "unknown user #" and a short
    argon2id fingerprint, so repeated tries of one name show as such.

    The fingerprint costs one argon2id hash with the password hasher's own parameters (which
    also keeps an unknown name as slow as a real password check); 32 bits are too few to
    name the text, and confirming a guess costs as much as guessing a stored password.
    """
    from argon2.low_level import Type, hash_secret_raw

    digest = hash_secret_raw(
        typed.strip().lower().encode("utf-8"),
        _FINGERPRINT_SALT,
        time_cost=_hasher.time_cost,
        memory_cost=_hasher.memory_cost,
        parallelism=_hasher.parallelism,
        hash_len=16,
        type=Type.ID,
    )
    return f"{UNKNOWN_USER} #{digest[:4].hex()}"


def sign_in(
    ctx: ServiceContext,
    username: str,
    password: str,
    *,
    now: datetime | None = None,
    action: str = "signin",
) -> Actor:
    """The user as an actor when the password fits; SignInFailed otherwise.

    Every attempt is audited. After MAX_FAILED_SIGN_INS wrong passwords in a row the
    account is locked for LOCK_OUT, even against the right password. `action` names the
    event ("signin", or "unlock" when the idle lock is lifted).

    The argon2 check (0.1-0.4 s) runs between a read and a short write, never inside a
    transaction: inside one it held SQLite's write lock and kept every saving workstation
    waiting. The write re-reads the account (locked on a server), so the lock-out counter
    of concurrent attempts stays exact and a password changed meanwhile is checked again.
    On a clinic server the write is two requests (services.sign_in_server).

    The first read also reads the clinic's name and idle-lock setting: the window a sign-in
    opens shows them at once, without asking the server again (`clinic_name`,
    `idle_lock_minutes` use what was read for CLINIC_SEEN_FOR_S).
    """
    now = now or datetime.now(UTC)
    name = username.strip().lower()
    with ctx.db.reading() as session:
        seen = session.execute(
            select(
                User.active,
                User.locked_until,
                User.password_hash,
                select(Clinic.name).limit(1).scalar_subquery(),
                select(Clinic.idle_lock_minutes).limit(1).scalar_subquery(),
            ).where(User.username == name)
        ).first()
    label = name
    checked: str | None = None  # the hash the password was checked against
    matches = False
    if seen is None:
        # Spend the same time as a real check, so timing does not reveal user names: an
        # unknown name's fingerprint is that time, an inactive account's a dummy check.
        label = unknown_user_label(name)
    elif not seen.active:
        password_matches(_dummy_hash(), password)
    elif seen.locked_until is None or as_utc(seen.locked_until) <= now:
        checked = seen.password_hash
        matches = password_matches(checked, password)

    def verdict_on(account: Account | None) -> Verdict:
        # A password changed meanwhile is checked again, under the lock (rare).
        def recheck(stored: str) -> bool:
            return matches if stored == checked else password_matches(stored, password)

        return decide(account, name, label, recheck, now, action)

    settle = sign_in_server.settle if sign_in_server.applies(ctx) else settle_here
    verdict = settle(ctx, name, verdict_on)
    if verdict.actor is None:
        failed = SignInFailed(verdict.failure)
        message = verdict.failure or ""
        failed.__cause__ = InvalidValue(
            message, kind=verdict.failure_kind, **verdict.failure_details
        )
        raise failed
    if seen is not None:
        note_clinic(ctx.db, seen[3], seen[4])
    return verdict.actor


def _find(session: Session, username: str) -> User:
    user = session.execute(
        select(User).where(User.username == username.strip().lower())
    ).scalar_one_or_none()
    if user is None:
        raise InputError(f"No user {username!r}")
    return user


def _is_self(ctx: ServiceContext, user: User) -> bool:
    if ctx.actor.user_id is not None:
        return ctx.actor.user_id == user.id
    return ctx.actor.username == user.username and not ctx.actor.system


def unlock_account(ctx: ServiceContext, username: str) -> None:
    """Lifts a lock-out before it runs out (admins only)."""
    ctx.actor.require("users.manage")
    with ctx.db.session() as session:
        user = _find(session, username)
        user.locked_until = None
        user.failed_attempts = 0
        record_event(session, ctx.actor, "user.unlock", entity="user", entity_id=user.id)


def set_active(ctx: ServiceContext, username: str, active: bool) -> UserRecord:
    """Deactivates an account (it can no longer sign in; its work stays) or brings it back.

    Admins only. Refused for one's own account and for the last active admin, so the clinic
    always keeps someone who can manage users and backups.
    """
    ctx.actor.require("users.manage")
    with ctx.db.session() as session:
        user = _find(session, username)
        if user.active == active:
            return _record(user)
        if not active:
            if _is_self(ctx, user):
                raise refusal("You cannot deactivate your own account", "deactivate_self")
            if user.role == "admin":
                admins = session.execute(
                    select(func.count(User.id)).where(User.role == "admin", User.active)
                ).scalar_one()
                if admins <= 1:
                    raise refusal(
                        f"{user.username} is the last active admin; add another admin first",
                        "last_admin",
                        username=user.username,
                    )
        user.active = active
        record_event(
            session,
            ctx.actor,
            "user.reactivate" if active else "user.deactivate",
            entity="user",
            entity_id=user.id,
            detail={"before": {"active": not active}, "after": {"active": active}},
        )
        return _record(user)


def reset_password(ctx: ServiceContext, username: str, password: str) -> UserRecord:
    """Gives another user a new (temporary) password and lifts any lock-out (admins only).

    One's own password is changed with change_own_password, which asks for the current one:
    a moment away from an unlocked screen must not be enough to take over an admin account.
    """
    ctx.actor.require("users.manage")
    with ctx.db.session() as session:
        user = _find(session, username)
        if _is_self(ctx, user):
            raise refusal(
                "To change your own password use Change my password (it asks for the current one)",
                "reset_own_password",
            )
        _check_password(user.role, password)
        user.password_hash = hash_password(password)
        user.failed_attempts = 0
        user.locked_until = None
        record_event(session, ctx.actor, "user.password_reset", entity="user", entity_id=user.id)
        return _record(user)


def change_own_password(ctx: ServiceContext, current: str, password: str) -> None:
    """The signed-in user changes their own password; the current one must fit first."""
    wrong = False
    with ctx.db.session() as session:
        user = session.get(User, ctx.actor.user_id) if ctx.actor.user_id is not None else None
        if user is None:
            user = _find(session, ctx.actor.username)
        if not password_matches(user.password_hash, current):
            wrong = True  # audited here, refused once the event is committed
            record_event(
                session,
                ctx.actor,
                "user.password_change.failed",
                entity="user",
                entity_id=user.id,
                detail={"reason": "wrong current password"},
            )
        else:
            _check_password(user.role, password)
            user.password_hash = hash_password(password)
            record_event(
                session, ctx.actor, "user.password_change", entity="user", entity_id=user.id
            )
    if wrong:
        raise refusal("The current password is wrong; nothing was changed", "wrong_password")


def record_session_event(ctx: ServiceContext, action: str) -> None:
    """Notes a session event of the signed-in user (e.g. "session.lock", "signout")."""
    with ctx.db.session() as session:
        record_event(session, ctx.actor, action, entity="user", entity_id=ctx.actor.user_id or "")
