"""What every subcommand shares: opening the database, acting as a user, exit codes, output."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# Re-exported: every command uses them; they live apart so cli.py can start the window
# without importing the services.
from mobileathlete_desktop.commands.exits import EXIT_ERROR as EXIT_ERROR
from mobileathlete_desktop.commands.exits import EXIT_OK as EXIT_OK
from mobileathlete_desktop.commands.exits import EXIT_USAGE as EXIT_USAGE
from mobileathlete_desktop.commands.exits import CommandError as CommandError
from mobileathlete_desktop.commands.exits import terminal_safe_output as terminal_safe_output
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
from mobileathlete_desktop.services.session import (
    ENV_DB_KEY,
    Database,
    DatabaseDamagedError,
    DatabaseError,
    clinic_target,
    failed_write,
)

ENV_USER = "MOBILEATHLETE_USER"
ENV_PASSWORD = "MOBILEATHLETE_PASSWORD"

OPEN_WITHOUT_USERS = frozenset({"demo", "users"})
"""Subcommands that may run, as the program itself, on a database nobody can sign in to yet:
`demo` (fills only an empty database) and `users add` (creates the first admin). `check` and
`catalogue` never sign in (they read no clinic data). Everything else refuses, so a new
empty database is never filled anonymously."""


def database_target(args: argparse.Namespace) -> str | None:
    """The database the user asked for: --demo, --db, or None for the default.

    With $MOBILEATHLETE_DB_KEY set, a file path is opened as an encrypted (SQLCipher)
    database with that key (a `sqlite+pysqlcipher://:KEY@/PATH` URL works too).
    """
    return clinic_target(
        getattr(args, "db", None),
        demo=getattr(args, "demo", False),
        key=os.environ.get(ENV_DB_KEY),
    )


def open_for(args: argparse.Namespace) -> Database:
    """Opens the database named on the command line, turning failures into one-line errors.

    A damaged SQLite file is moved aside untouched and the newest good backup is named,
    with the command that restores it.
    """
    from mobileathlete_desktop.services.recovery import CannotOpen, open_with_recovery

    try:
        return open_with_recovery(database_target(args))
    except CannotOpen as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc


def read_password(prompt: str) -> str:
    """Asks for a password without echoing it (a terminal is needed)."""
    if not sys.stdin.isatty():
        raise CommandError(
            f"no password: set {ENV_PASSWORD} or run the command in a terminal", EXIT_USAGE
        )
    return getpass.getpass(prompt)


def _username(args: argparse.Namespace) -> str:
    name: str | None = getattr(args, "user", None) or os.environ.get(ENV_USER)
    if name:
        return name
    if not sys.stdin.isatty():
        raise CommandError(f"sign in: give --user NAME (or set {ENV_USER})", EXIT_USAGE)
    return input("User name: ")


def actor_for(args: argparse.Namespace, db: Database) -> Actor:
    """Who the command acts as: the user who signs in with --user/$MOBILEATHLETE_USER.

    The password comes from $MOBILEATHLETE_PASSWORD or a prompt. A wrong one exits 2 with
    one line, and is audited (and counts towards the account's lock-out) like in the window.
    """
    from mobileathlete_desktop.services.accounts import SignInFailed, has_users, sign_in

    if not has_users(db):
        if getattr(args, "command", None) in OPEN_WITHOUT_USERS:
            return SYSTEM_ACTOR
        raise CommandError(
            f"nobody can sign in to {db.location} yet: create the first admin with "
            "`mobileathlete users add NAME --role admin`",
            EXIT_USAGE,
        )
    username = _username(args)
    password = os.environ.get(ENV_PASSWORD)
    if password is None:
        password = read_password(f"Password for {username}: ")
    try:
        return sign_in(ServiceContext.system(db), username, password)
    except SignInFailed as exc:
        raise CommandError(f"sign-in failed: {exc}", EXIT_USAGE) from exc


def _daily_backup(ctx: ServiceContext) -> None:
    """The once-a-day backup at start-up, taken as the program itself; a failure is a
    warning, never a reason not to work."""
    from mobileathlete_desktop.services.checks import daily_backup_problem

    problem = daily_backup_problem(ctx.as_actor(SYSTEM_ACTOR))
    if problem is not None:
        print(f"mobileathlete: warning: daily backup not written: {problem}", file=sys.stderr)


@contextmanager
def service_context(args: argparse.Namespace) -> Iterator[ServiceContext]:
    """An open database and a signed-in service context for a subcommand.

    Maps service errors to exit codes, and takes the daily backup when one is due.
    """
    db = open_for(args)
    try:
        ctx = ServiceContext(db=db, actor=actor_for(args, db))
        _daily_backup(ctx)
        yield ctx
    except (InputError, InvalidValue, NotFound, ConflictError) as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    except PermissionDenied as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    except (CatalogueError, MissingResourceError) as exc:
        raise CommandError(f"installation problem: {exc}", EXIT_ERROR) from exc
    except DatabaseDamagedError as exc:
        # A bad page met after opening (a large file is checked in full only later): set
        # aside like damage found at opening, and the good backups named.
        from mobileathlete_desktop.services.recovery import set_aside_after_damage

        db.dispose()
        raise CommandError(set_aside_after_damage(database_target(args), exc), EXIT_ERROR) from exc
    except DatabaseError as exc:
        raise CommandError(str(exc), EXIT_ERROR) from exc
    except Exception as exc:
        # A failed write (disk full, read-only folder, locked too long) rolls back whole:
        # what was stored before stays, this change is not half-stored.
        reason = failed_write(exc)
        if reason is None:
            raise
        raise CommandError(
            f"the database could not be written ({reason}); this change was not stored, "
            "everything saved before is intact",
            EXIT_ERROR,
        ) from exc
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
