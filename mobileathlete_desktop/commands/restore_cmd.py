"""`mobileathlete restore FILE`: put a backup in place; the current file is kept aside (admins)."""

from __future__ import annotations

import argparse
import tempfile
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
    from mobileathlete_desktop.services.backups import record_restore
    from mobileathlete_desktop.services.context import ServiceContext
    from mobileathlete_desktop.storage.backup import (
        BackupError,
        check_backup_file,
        online_backup,
        restore_file,
    )
    from mobileathlete_desktop.storage.database import (
        DatabaseError,
        open_database,
        resolve_url,
    )

    url = resolve_url(database_target(args))
    if url.get_backend_name() != "sqlite" or not url.database:
        raise CommandError("restore works on a SQLite clinic file; restore a server there")
    db_path = Path(str(url.database))
    try:
        check_backup_file(args.file)
    except BackupError as exc:
        raise CommandError(f"{exc}; nothing was changed", EXIT_USAGE) from exc
    sign_in_target: Path = db_path
    try:
        current = open_database(db_path, migrate=False) if db_path.exists() else None
    except DatabaseError:
        current = None
    with tempfile.TemporaryDirectory(prefix="mobileathlete-restore-") as scratch:
        if current is None:
            # Signing in writes (the attempt is audited), and the backup must stay as it
            # is: sign in against a scratch copy of it.
            sign_in_target = args.file
            copy = online_backup(args.file, Path(scratch) / "signin.sqlite3")
            current = open_database(copy, migrate=False)
        try:
            actor = actor_for(args, current)
        finally:
            current.dispose()
    try:
        actor.require("backups.manage")
    except PermissionDenied as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    try:
        aside = restore_file(args.file, db_path)
    except BackupError as exc:
        raise CommandError(f"{exc}; the database was left as it was", EXIT_USAGE) from exc
    try:
        restored = open_database(db_path)
    except DatabaseError as exc:
        raise CommandError(f"restored file cannot be opened: {exc}") from exc
    try:
        record_restore(ServiceContext(db=restored, actor=actor), args.file, aside)
    finally:
        restored.dispose()
    print(f"Restored {db_path} from {args.file} (signed in against {sign_in_target.name}).")
    if aside is not None:
        print(f"The previous database was kept as {aside}")
    return EXIT_OK
