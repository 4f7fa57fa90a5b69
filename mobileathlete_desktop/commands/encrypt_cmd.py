"""`mobileathlete encrypt --out FILE`: an encrypted (SQLCipher) copy of the clinic database."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mobileathlete_desktop.commands.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    read_password,
    service_context,
)

if TYPE_CHECKING:
    from mobileathlete_desktop.services.encryption import Plaintext

ENV_NEW_DB_KEY = "MOBILEATHLETE_NEW_DB_KEY"


def register(subparsers: Any) -> None:
    """Adds the `encrypt` subcommand."""
    p = subparsers.add_parser(
        "encrypt",
        help="write an encrypted copy of the database (needs the [encryption] extra; admins)",
    )
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="the encrypted copy")
    p.add_argument(
        "--remove-plaintext",
        action="store_true",
        help="once the copy is verified, remove the plain clinic file and its plain backups "
        "(asks first at a terminal; refused while the clinic is open elsewhere)",
    )
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
    """Copies the database into a new encrypted file, verifies it and audits the copy; then
    says what is still in plaintext and, with --remove-plaintext, removes it."""
    from mobileathlete_desktop.services.encryption import encrypt_database, plaintext_left

    with service_context(args) as ctx:
        made = encrypt_database(ctx, args.out, _new_key)
        left = plaintext_left(ctx, made)
    # The database is closed here: the removal takes the clinic's lock exclusively.
    print(
        f"Encrypted copy written and verified: {made}\n"
        f"Open it with MOBILEATHLETE_DB_KEY set to its key and --db {made}"
    )
    if not left.files():
        return EXIT_OK
    for line in left.describe():
        print(line)
    if not args.remove_plaintext:
        print("Remove them with: mobileathlete encrypt ... --remove-plaintext (or by hand)")
        return EXIT_OK
    return _remove(left, made)


def _remove(left: Plaintext, made: Path) -> int:
    from mobileathlete_desktop.services.context import InputError
    from mobileathlete_desktop.services.encryption import remove_plaintext

    count = len(left.files())
    if sys.stdin.isatty():
        answer = input(f"Remove these {count} plain file(s) now? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was removed.")
            return EXIT_OK
    try:
        removed = remove_plaintext(left, made)
    except InputError as exc:
        raise CommandError(f"{exc}; the plain files were not removed", EXIT_USAGE) from exc
    except OSError as exc:
        raise CommandError(f"could not remove every plain file: {exc}", EXIT_ERROR) from exc
    print(
        f"Removed {len(removed)} plain file(s) (unlinked; on SSDs and journaling file systems "
        "the old blocks may survive until the disk reuses them)."
    )
    return EXIT_OK
