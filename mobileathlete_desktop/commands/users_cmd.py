"""`mobileathlete users`: add the first admin or more users, list them, lift a lock-out."""

from __future__ import annotations

import argparse
import os
from typing import Any

from mobileathlete_desktop.commands.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    print_json,
    print_table,
    read_password,
    service_context,
)

ENV_NEW_PASSWORD = "MOBILEATHLETE_NEW_PASSWORD"


def register(subparsers: Any) -> None:
    """Adds the `users` subcommand and its actions."""
    p = subparsers.add_parser("users", help="user accounts: add, list, unlock (admins)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        help="add a user; on a new database the first user must be an admin (no sign-in needed)",
    )
    add.add_argument("username", metavar="USERNAME")
    add.add_argument("--role", choices=("admin", "therapist"), required=True)
    add.add_argument("--name", default="", metavar="NAME", help="name shown on screen and print")
    add.add_argument("--clinic", default="", metavar="NAME", help="clinic name (first admin only)")
    add.set_defaults(handler=run_add)
    listing = actions.add_parser("list", help="list user accounts")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(handler=run_list)
    unlock = actions.add_parser("unlock", help="lift a lock-out after too many wrong passwords")
    unlock.add_argument("username", metavar="USERNAME")
    unlock.set_defaults(handler=run_unlock)


def _new_password(username: str) -> str:
    password = os.environ.get(ENV_NEW_PASSWORD)
    if password is not None:
        return password
    first = read_password(f"New password for {username}: ")
    if read_password("Same password again: ") != first:
        raise CommandError("the two passwords differ; nothing was changed", EXIT_USAGE)
    return first


def run_add(args: argparse.Namespace) -> int:
    """Creates the account (the first admin when nobody can sign in yet)."""
    from mobileathlete_desktop.services.accounts import (
        create_first_admin,
        create_user,
        has_users,
    )

    with service_context(args) as ctx:
        if not has_users(ctx.db):
            if args.role != "admin":
                raise CommandError("the first user must be an admin (--role admin)", EXIT_USAGE)
            made = create_first_admin(
                ctx.db, args.clinic, args.username, args.name, _new_password(args.username)
            )
        else:
            ctx.actor.require("users.manage")
            made = create_user(
                ctx, args.username, args.name, args.role, _new_password(args.username)
            )
    print(f"User {made.username} ({made.role}) created")
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    """Prints every account (never a password hash)."""
    from mobileathlete_desktop.services.accounts import list_users

    with service_context(args) as ctx:
        users = list_users(ctx)
    if args.json:
        print_json([u.__dict__ for u in users])
        return EXIT_OK
    print_table(
        ["user", "name", "role", ""],
        [[u.username, u.display_name, u.role, "" if u.active else "inactive"] for u in users],
    )
    return EXIT_OK


def run_unlock(args: argparse.Namespace) -> int:
    """Clears a lock-out."""
    from mobileathlete_desktop.services.accounts import unlock_account

    with service_context(args) as ctx:
        unlock_account(ctx, args.username)
    print(f"User {args.username} can sign in again")
    return EXIT_OK
