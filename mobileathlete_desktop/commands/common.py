"""What every subcommand shares: opening the database, acting as a user, exit codes, output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from mobileathlete_desktop.domain.catalogue import CatalogueError
from mobileathlete_desktop.domain.permissions import SYSTEM_ACTOR, Actor, PermissionDenied
from mobileathlete_desktop.domain.resources import MissingResourceError
from mobileathlete_desktop.domain.validation import InvalidValue
from mobileathlete_desktop.services.context import (
    ConflictError,
    InputError,
    NotFound,
    ServiceContext,
)
from mobileathlete_desktop.storage.database import (
    Database,
    DatabaseError,
    default_database_path,
    open_database,
)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A failure to report on stderr in one line, with its exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def database_target(args: argparse.Namespace) -> str | None:
    """The database the user asked for: --demo, --db, or None for the default."""
    if getattr(args, "demo", False):
        return str(default_database_path(demo=True))
    db: str | None = getattr(args, "db", None)
    return db


def open_for(args: argparse.Namespace) -> Database:
    """Opens the database named on the command line, turning failures into one-line errors."""
    try:
        return open_database(database_target(args), before_migration=_backup_before_migration)
    except DatabaseError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc


def _backup_before_migration(db: Database) -> None:
    from mobileathlete_desktop.storage.backup import backup_before_migration

    backup_before_migration(db)


def actor_for(args: argparse.Namespace, db: Database) -> Actor:
    """Who the command acts as. (Sign-in for the command line arrives with user accounts.)"""
    return SYSTEM_ACTOR


@contextmanager
def service_context(args: argparse.Namespace) -> Iterator[ServiceContext]:
    """An open database and service context for a subcommand; maps service errors to exit codes."""
    db = open_for(args)
    try:
        ctx = ServiceContext(db=db, actor=actor_for(args, db))
        yield ctx
    except (InputError, InvalidValue, NotFound, ConflictError) as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    except PermissionDenied as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    except (CatalogueError, MissingResourceError) as exc:
        raise CommandError(f"installation problem: {exc}", EXIT_ERROR) from exc
    except DatabaseError as exc:
        raise CommandError(str(exc), EXIT_ERROR) from exc
    finally:
        db.dispose()


def print_json(value: Any) -> None:
    """Writes JSON to stdout (UTF-8, indented, dates as ISO text)."""
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    """Writes an aligned plain-text table to stdout."""
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line.rstrip())
    print("  ".join("-" * w for w in widths).rstrip())
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
