"""What every subcommand shares: opening the database, acting as a user, exit codes, output."""

from __future__ import annotations

import argparse
import getpass
import io
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any, TextIO

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
from mobileathlete_desktop.support.plain_text import terminal_safe

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

ENV_USER = "MOBILEATHLETE_USER"
ENV_PASSWORD = "MOBILEATHLETE_PASSWORD"

OPEN_WITHOUT_USERS = frozenset({"demo", "users"})
"""Subcommands that may run, as the program itself, on a database nobody can sign in to yet:
`demo` (fills only an empty database) and `users add` (creates the first admin). `check` and
`catalogue` never sign in (they read no clinic data). Everything else refuses, so a new
empty database is never filled anonymously."""


class CommandError(Exception):
    """A failure to report on stderr in one line, with its exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


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


class _TerminalText(io.TextIOBase):
    """A text stream that writes through to another with every control character shown as
    an escape (support.plain_text.terminal_safe): tabs and line breaks pass."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(terminal_safe(text, keep_newlines=True))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.stream.fileno()

    def isatty(self) -> bool:
        return self.stream.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.stream.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self.stream.errors


@contextmanager
def terminal_safe_output() -> Iterator[None]:
    """The one way out to the terminal: while it lasts, whatever a command prints on stdout or
    stderr (tables, JSON, errors, warnings) shows control characters as escapes (`\\u001b`)
    instead of letting a stored name move the cursor, clear the screen or retitle the window.
    JSON stays JSON (the escape is JSON's own), so `--json` output reads back unchanged."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _TerminalText(saved[0]), _TerminalText(saved[1])
    try:
        yield
    finally:
        for wrapper in (sys.stdout, sys.stderr):
            with suppress(OSError, ValueError):
                wrapper.flush()
        sys.stdout, sys.stderr = saved


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
