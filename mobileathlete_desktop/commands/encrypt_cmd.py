"""`mobileathlete encrypt --out FILE`: an encrypted (SQLCipher) copy of the clinic database."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from mobileathlete_desktop.commands.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    read_password,
    service_context,
)

ENV_NEW_DB_KEY = "MOBILEATHLETE_NEW_DB_KEY"


def register(subparsers: Any) -> None:
    """Adds the `encrypt` subcommand."""
    p = subparsers.add_parser(
        "encrypt",
        help="write an encrypted copy of the database (needs the [encryption] extra; admins)",
    )
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="the encrypted copy")
    p.set_defaults(handler=run)


def _new_key() -> str:
    key = os.environ.get(ENV_NEW_DB_KEY)
    if key is not None:
        return key
    first = read_password("New database key: ")
    if read_password("Same key again: ") != first:
        raise CommandError("the two keys differ; nothing was written", EXIT_USAGE)
    return first


def run(args: argparse.Namespace) -> int:
    """Copies the database into a new encrypted file, verifies it and audits the copy."""
    from mobileathlete_desktop.services.audit import record_event
    from mobileathlete_desktop.storage.backup import BackupError
    from mobileathlete_desktop.storage.encryption import encrypted_copy

    with service_context(args) as ctx:
        ctx.actor.require("backups.manage")
        if ctx.db.path is None or ctx.db.url.get_driver_name() != "pysqlite":
            raise CommandError("encrypt copies a plain SQLite clinic file", EXIT_USAGE)
        try:
            made = encrypted_copy(ctx.db.path, args.out, _new_key())
        except BackupError as exc:
            raise CommandError(str(exc), EXIT_USAGE) from exc
        with ctx.db.session() as session:
            record_event(session, ctx.actor, "database.encrypt", detail={"file": str(made)})
    print(
        f"Encrypted copy written and verified: {made}\n"
        f"Open it with MOBILEATHLETE_DB_KEY set to its key and --db {made}"
    )
    return EXIT_OK
