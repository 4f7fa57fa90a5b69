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
    from mobileathlete_desktop.services.encryption import encrypt_database

    with service_context(args) as ctx:
        made = encrypt_database(ctx, args.out, _new_key)
    print(
        f"Encrypted copy written and verified: {made}\n"
        f"Open it with MOBILEATHLETE_DB_KEY set to its key and --db {made}"
    )
    return EXIT_OK
