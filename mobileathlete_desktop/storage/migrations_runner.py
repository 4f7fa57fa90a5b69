"""Brings a database's schema to the newest Alembic revision, creating or migrating it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import URL

from mobileathlete_desktop.storage.errors import DatabaseError, DatabaseNewerError
from mobileathlete_desktop.storage.models import Base

if TYPE_CHECKING:
    from alembic.config import Config


class Opened(Protocol):
    """What the runner needs of an open database (storage.database.Database is one).

    The runner works on this shape instead of importing `database`, which calls the runner
    when it opens a file: the import goes one way only (an import-linter contract says so).
    """

    @property
    def url(self) -> URL: ...

    @property
    def engine(self) -> Engine: ...

    @property
    def location(self) -> str: ...


Db = TypeVar("Db", bound=Opened)

# The newest revision in migrations/versions. Opening a database that is already at this
# revision (every start but the first after an upgrade) then needs no Alembic at all, which
# keeps ~0.2 s of imports off the start-up path. tests/storage pins it to Alembic's own head.
HEAD_REVISION = "0013_client_complaint_code"


def _migrations_dir() -> Path:
    """The Alembic scripts, package data beside this module (a checkout, a wheel, a bundle)."""
    return Path(str(files("mobileathlete_desktop.storage") / "migrations"))


MIGRATIONS_DIR = _migrations_dir()


def alembic_config(db: Opened) -> Config:
    """An Alembic configuration pointing at our migrations and this database (no alembic.ini)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option(
        "sqlalchemy.url", db.url.render_as_string(hide_password=False).replace("%", "%%")
    )
    config.attributes["engine"] = db.engine
    return config


def head_revision(db: Opened) -> str:
    """The newest schema revision this program knows (asking Alembic's scripts)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(db)).get_current_head()
    assert head is not None
    return head


def current_revision(db: Opened) -> str | None:
    """The schema revision the database is at (None for an empty or unmanaged database)."""
    if "alembic_version" not in inspect(db.engine).get_table_names():
        return None
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return rows[0] if len(rows) == 1 else None


def ensure_schema(db: Db, before_migration: Callable[[Db], None] | None = None) -> None:
    """Creates a new database at head, migrates an old one (backup first), refuses a newer one."""
    current = current_revision(db)
    if current == HEAD_REVISION:
        return
    from alembic import command
    from alembic.script import ScriptDirectory

    config = alembic_config(db)
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    if current is None:
        existing = [t for t in inspect(db.engine).get_table_names() if t != "alembic_version"]
        if existing:
            raise DatabaseError(
                f"Database {db.location} holds tables the program did not create: "
                + ", ".join(sorted(existing)[:5])
            )
        with _may_not_migrate(db, "create"):
            Base.metadata.create_all(db.engine)
        command.stamp(config, "head")
        return
    if current == head:
        return
    known = {rev.revision for rev in script.walk_revisions()}
    if current not in known:
        raise DatabaseNewerError(
            f"Database {db.location} was written by a newer version of Mobile Athlete "
            f"(schema {current}); install the newer version to open it"
        )
    if before_migration is not None:
        before_migration(db)
    with _may_not_migrate(db, f"migrate (schema {current}, this program needs {head})"):
        command.upgrade(config, "head")


@contextmanager
def _may_not_migrate(db: Opened, what: str) -> Iterator[None]:
    """A clinic server's application login may not create or alter tables: one line naming
    who can (docs/server.md), not a traceback. Other errors pass through."""
    from sqlalchemy.exc import DBAPIError

    try:
        yield
    except DBAPIError as exc:
        reason = str(exc.orig or exc).strip().splitlines()[0]
        if "must be owner" not in reason and "permission denied" not in reason:
            raise
        raise DatabaseError(
            f"The login {db.url.username} may not {what} the tables of {db.location}: "
            "the server's administrator runs `mobileathlete server-roles --owner-url ...` "
            "with this version first"
        ) from exc
