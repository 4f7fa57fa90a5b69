"""What every service call needs: the open database, who is acting, and the catalogue."""

from __future__ import annotations

from dataclasses import dataclass, field

from mobileathlete_desktop.domain.catalogue import Catalogue, default_catalogue
from mobileathlete_desktop.domain.permissions import SYSTEM_ACTOR, Actor
from mobileathlete_desktop.domain.validation import InvalidValue
from mobileathlete_desktop.storage.database import Database


class InputError(ValueError):
    """Something a person typed or a file held is not acceptable; the message says what."""


def refusal(
    message: str, kind: str, *, cause: BaseException | None = None, **details: object
) -> InputError:
    """An InputError saying `message` (English, as the command line and logs say it), raised
    from the domain's InvalidValue naming the rule (`kind`) and its figures, so that a window
    can say the same in its own language (ui/refusals). `cause` is what the InvalidValue was
    raised from (raise refusal(...) without `from`, which would replace the InvalidValue)."""
    problem = InvalidValue(message, kind=kind, **details)
    problem.__cause__ = cause
    return refused(problem)


def refused(problem: InvalidValue) -> InputError:
    """The InputError of a domain refusal: its message, raised from it."""
    error = InputError(str(problem))
    error.__cause__ = problem
    return error


class NotFound(LookupError):
    """The client, assessment or program asked for does not exist."""


def missing(message: str, kind: str, **details: object) -> NotFound:
    """A NotFound saying `message` (English), raised from the domain's InvalidValue naming
    the rule (`kind`) and its figures, so that a window can say it in its own language
    (ui/refusals), as `refusal` does for an InputError."""
    found = NotFound(message)
    found.__cause__ = InvalidValue(message, kind=kind, **details)
    return found


class ConflictError(RuntimeError):
    """Someone else changed the record since it was read (optimistic version check)."""


def conflict(message: str, kind: str, **details: object) -> ConflictError:
    """A ConflictError saying `message` (English), raised from the InvalidValue naming its
    rule and figures, for a window to say it in its own language (as `refusal`)."""
    clash = ConflictError(message)
    clash.__cause__ = InvalidValue(message, kind=kind, **details)
    return clash


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
