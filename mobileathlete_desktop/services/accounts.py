"""User accounts: creating users and checking passwords (argon2id hashes)."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from mobileathlete_desktop.domain.permissions import ROLES, Actor, Role
from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.storage.models import User

# argon2id with the library's RFC 9106 "low memory" profile: strong, yet quick enough that
# signing in on a clinic's older workstation takes well under a second.
_hasher = PasswordHasher()


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

    def actor(self) -> Actor:
        """This user as the actor of service calls."""
        role: Role = "admin" if self.role == "admin" else "therapist"
        return Actor(
            username=self.username, display_name=self.display_name, role=role, user_id=self.id
        )


def create_user(
    ctx: ServiceContext, username: str, display_name: str, role: str, password: str
) -> UserRecord:
    """Adds a therapist or admin account."""
    ctx.actor.require("users.manage")
    username = username.strip().lower()
    if not username or not username.replace(".", "").replace("_", "").replace("-", "").isalnum():
        raise InputError("User name: letters, digits, . _ - only")
    if role not in ROLES:
        raise InputError(f"Role must be {' or '.join(ROLES)}")
    if len(password) < 4:
        raise InputError("Password must be at least 4 characters")
    with ctx.db.session() as session:
        if session.execute(select(User.id).where(User.username == username)).first():
            raise InputError(f"User name {username} is taken")
        user = User(
            username=username,
            display_name=display_name.strip() or username,
            role=role,
            password_hash=hash_password(password),
        )
        session.add(user)
        session.flush()
        record_event(
            session,
            ctx.actor,
            "user.create",
            entity="user",
            entity_id=user.id,
            detail={"username": username, "role": role},
        )
        return UserRecord(user.id, user.username, user.display_name, user.role, user.active)


def list_users(ctx: ServiceContext) -> list[UserRecord]:
    """Every account, by user name."""
    with ctx.db.session() as session:
        return [
            UserRecord(u.id, u.username, u.display_name, u.role, u.active)
            for u in session.execute(select(User).order_by(User.username)).scalars()
        ]
