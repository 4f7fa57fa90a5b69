"""A new clinic's first steps (therapists, clients, a backup folder) and which are done."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.models import Client, Clinic, User


@dataclass(frozen=True)
class SetupSteps:
    """What a new clinic's admin still has to do after the first start."""

    therapists: int
    """Active therapist accounts."""
    clients: int
    backup_folder: str
    """The folder the admin chose ('' while backups go to the default beside the database)."""
    backups_apply: bool = True
    """False on a clinic server, which is backed up there (nothing to choose here)."""

    @property
    def backup_folder_chosen(self) -> bool:
        """Whether the admin has chosen where backups go (or there is nothing to choose)."""
        return bool(self.backup_folder) or not self.backups_apply

    @property
    def done(self) -> bool:
        """Every step is done."""
        return self.therapists > 0 and self.clients > 0 and self.backup_folder_chosen


def setup_steps(ctx: ServiceContext) -> SetupSteps | None:
    """The first steps and how far they are, for an admin of a real clinic; None otherwise.

    The demo clinic (invented runners, ready-made accounts) and therapists get None: there is
    nothing for them to set up.
    """
    if not ctx.actor.can("users.manage"):
        return None
    # One read, no write unit: it runs on the UI thread after Enter, and a write unit would
    # take the clinic's write lock (other workstations' saves waiting) for three counts.
    therapists = (
        select(func.count(User.id)).where(User.role == "therapist", User.active).scalar_subquery()
    )
    clients = select(func.count(Client.id)).scalar_subquery()
    with ctx.db.reading() as session:
        row = session.execute(
            select(Clinic.is_demo, Clinic.backup_folder, therapists, clients).limit(1)
        ).one_or_none()
        if row is None or row[0]:
            return None
        return SetupSteps(
            therapists=row[2],
            clients=row[3],
            backup_folder=row[1] or "",
            backups_apply=ctx.db.path is not None,
        )
