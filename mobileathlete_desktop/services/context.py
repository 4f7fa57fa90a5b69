"""What every service call needs: the open database, who is acting, and the catalogue."""

from __future__ import annotations

from dataclasses import dataclass, field

from mobileathlete_desktop.domain.catalogue import Catalogue, default_catalogue
from mobileathlete_desktop.domain.permissions import SYSTEM_ACTOR, Actor
from mobileathlete_desktop.storage.database import Database


class InputError(ValueError):
    """Something a person typed or a file held is not acceptable; the message says what."""


class NotFound(LookupError):
    """The client, assessment or program asked for does not exist."""


class ConflictError(RuntimeError):
    """Someone else changed the record since it was read (optimistic version check)."""


@dataclass(frozen=True)
class ServiceContext:
    """The database, the acting person and the catalogue, passed to every service function.

    There is no default actor: a context acts for the signed-in person, or, for start-up and
    maintenance jobs only, for the program itself (`ServiceContext.system(db)`).
    """

    db: Database
    actor: Actor
    catalogue: Catalogue = field(default_factory=default_catalogue)

    @classmethod
    def system(cls, db: Database) -> ServiceContext:
        """A context acting as the program itself, which may do anything: for start-up and
        maintenance jobs (signing in, the daily backup, filling the demo clinic), never for
        work done on behalf of a person."""
        return cls(db=db, actor=SYSTEM_ACTOR)

    def as_actor(self, actor: Actor) -> ServiceContext:
        """The same context acting for someone else."""
        return ServiceContext(db=self.db, actor=actor, catalogue=self.catalogue)
