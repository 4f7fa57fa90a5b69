"""`mobileathlete restore FILE`: put a backup in place; the current file is kept aside (admins)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mobileathlete_desktop.commands.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    actor_for,
    database_target,
)


def register(subparsers: Any) -> None:
    """Adds the `restore` subcommand."""
    p = subparsers.add_parser(
        "restore", help="replace the database with a backup (the current file is kept aside)"
    )
    p.add_argument("file", type=Path, metavar="FILE", help="a Mobile Athlete backup")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Checks the backup, signs in, moves the current file aside and copies the backup in.

    The admin signs in against the current database when it opens; when it is damaged or
    gone, against the backup (whoever restores must be an admin of the data restored).
    """
    from mobileathlete_desktop.domain.permissions import PermissionDenied
    from mobileathlete_desktop.services.context import InputError
    from mobileathlete_desktop.services.recovery import CannotOpen, restore_from_backup

    try:
        done = restore_from_backup(database_target(args), args.file, lambda db: actor_for(args, db))
    except (InputError, PermissionDenied, CannotOpen) as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    print(
        f"Restored {done.database} from {args.file} "
        f"(signed in against {done.signed_in_against.name})."
    )
    if done.kept_aside is not None:
        print(f"The previous database was kept as {done.kept_aside}")
    return EXIT_OK
