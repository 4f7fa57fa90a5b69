"""`mobileathlete backup [--out FILE]`: a verified copy of the live database (admins)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mobileathlete_desktop.commands.common import EXIT_OK, service_context


def register(subparsers: Any) -> None:
    """Adds the `backup` subcommand."""
    p = subparsers.add_parser("backup", help="write a verified backup of the clinic database")
    p.add_argument(
        "--out", type=Path, metavar="FILE", help="where (default: the clinic's backup folder)"
    )
    p.add_argument(
        "--set-folder",
        type=Path,
        metavar="DIR",
        help="from now on keep backups in DIR ('' for the default beside the database)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Writes the backup with SQLite's online backup API and checks it."""
    from mobileathlete_desktop.services.backups import make_backup, set_backup_folder

    with service_context(args) as ctx:
        if args.set_folder is not None:
            folder = args.set_folder if str(args.set_folder) not in ("", ".") else None
            set_backup_folder(ctx, folder.resolve() if folder else None)
            print(f"Backups now go to {folder.resolve() if folder else 'the default folder'}")
        path = make_backup(ctx, args.out)
    print(f"Backup written and verified: {path}")
    return EXIT_OK
