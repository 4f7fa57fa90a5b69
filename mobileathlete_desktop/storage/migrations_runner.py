"""Brings a database's schema to the newest Alembic revision, creating or migrating it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from mobileathlete_desktop.storage.database import (
    Database,
    DatabaseError,
    DatabaseNewerError,
    create_all,
)


def _migrations_dir() -> Path:
    """The Alembic scripts: beside this module, or inside the bundle when frozen (PyInstaller)."""
    here = Path(__file__).resolve().parent / "migrations"
    bundle = getattr(sys, "_MEIPASS", None)
    if (here / "env.py").is_file() or not bundle:
        return here
    return Path(bundle) / "mobileathlete_desktop" / "storage" / "migrations"


MIGRATIONS_DIR = _migrations_dir()


def alembic_config(db: Database) -> Config:
    """An Alembic configuration pointing at our migrations and this database (no alembic.ini)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option(
        "sqlalchemy.url", db.url.render_as_string(hide_password=False).replace("%", "%%")
    )
    config.attributes["engine"] = db.engine
    return config


def head_revision(db: Database) -> str:
    """The newest schema revision this program knows."""
    head = ScriptDirectory.from_config(alembic_config(db)).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    """The schema revision the database is at (None for an empty or unmanaged database)."""
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def ensure_schema(db: Database, before_migration: Callable[[Database], None] | None = None) -> None:
    """Creates a new database at head, migrates an old one (backup first), refuses a newer one."""
    config = alembic_config(db)
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    current = current_revision(db)
    if current is None:
        existing = [t for t in inspect(db.engine).get_table_names() if t != "alembic_version"]
        if existing:
            raise DatabaseError(
                f"Database {db.location} holds tables the program did not create: "
                + ", ".join(sorted(existing)[:5])
            )
        create_all(db)
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
    command.upgrade(config, "head")
