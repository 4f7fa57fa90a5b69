"""Who may do what: the two roles and the actions each allows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["therapist", "admin"]
ROLES: tuple[Role, ...] = ("therapist", "admin")

# Actions are verbs the services check. Therapists record and treat; admins run the clinic
# (client details, printing, users, backups, the audit log). Both can look a client up.
PERMISSIONS: dict[str, frozenset[Role]] = {
    "clients.read": frozenset({"therapist", "admin"}),
    "clients.write": frozenset({"therapist", "admin"}),
    "clients.archive": frozenset({"admin"}),
    "assessments.read": frozenset({"therapist", "admin"}),
    "assessments.write": frozenset({"therapist"}),
    "assessments.sign": frozenset({"therapist"}),
    "programs.write": frozenset({"therapist"}),
    "handouts.print": frozenset({"therapist", "admin"}),
    "reports.print": frozenset({"therapist", "admin"}),
    "data.import": frozenset({"admin"}),
    "data.export": frozenset({"admin"}),
    "demo.create": frozenset({"admin"}),
    "users.manage": frozenset({"admin"}),
    "backups.manage": frozenset({"admin"}),
    "audit.read": frozenset({"admin"}),
    "settings.write": frozenset({"admin"}),
}


class PermissionDenied(PermissionError):
    """The signed-in user's role does not allow this action."""


@dataclass(frozen=True)
class Actor:
    """The person the program acts for: who they are and their role."""

    username: str
    display_name: str
    role: Role
    user_id: int | None = None
    system: bool = False

    def can(self, action: str) -> bool:
        """Whether this person's role allows the action (the system actor may do anything)."""
        if self.system:
            return True
        return self.role in PERMISSIONS.get(action, frozenset())

    def require(self, action: str) -> None:
        """Raises PermissionDenied unless the role allows the action."""
        if not self.can(action):
            who = self.display_name or self.username
            raise PermissionDenied(f"{who} ({self.role}) may not {action.replace('.', ' ')}")


SYSTEM_ACTOR = Actor(username="system", display_name="Mobile Athlete", role="admin", system=True)
