"""`mobileathlete server-roles`: a clinic server's owner and restricted application login."""

from __future__ import annotations

import argparse
import os
from typing import Any

from mobileathlete_desktop.commands.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    read_password,
)

ENV_APP_PASSWORD = "MOBILEATHLETE_APP_PASSWORD"


def register(subparsers: Any) -> None:
    """Adds the `server-roles` subcommand."""
    p = subparsers.add_parser(
        "server-roles",
        help="set up or verify a PostgreSQL clinic server's roles: the owner runs migrations, "
        "workstations use a login that may only add to the audit trail (docs/server.md)",
    )
    p.add_argument(
        "--owner-url",
        required=True,
        metavar="URL",
        help="the clinic database as its owner, e.g. "
        "postgresql+psycopg://mobileathlete_owner:PASSWORD@SERVER/clinic",
    )
    p.add_argument(
        "--app-user",
        default="mobileathlete_app",
        metavar="NAME",
        help="the workstations' login (default: mobileathlete_app)",
    )
    p.add_argument(
        "--admin-url",
        metavar="URL",
        help="first create both logins and the database as this superuser, e.g. "
        "postgresql+psycopg://postgres@SERVER/postgres (the application login's password "
        f"from a prompt or ${ENV_APP_PASSWORD})",
    )
    p.add_argument(
        "--print",
        action="store_true",
        dest="print_only",
        help="print the SQL (resources/server/roles.sql with these names) and change nothing",
    )
    p.set_defaults(handler=run)


def _app_password() -> str:
    given = os.environ.get(ENV_APP_PASSWORD)
    if given:
        return given
    first = read_password("Password for the application login: ")
    if first != read_password("Again: "):
        raise CommandError("the two passwords differ", EXIT_USAGE)
    return first


def run(args: argparse.Namespace) -> int:
    """Prints the script, or creates the logins (with --admin-url), migrates as the owner,
    grants the application login its rights and verifies them: exit 0 when sound, 1 not."""
    from mobileathlete_desktop.services import server_roles
    from mobileathlete_desktop.services.context import InputError

    try:
        owner, owner_password, database = server_roles.owner_parts(args.owner_url)
        if args.print_only:
            print(server_roles.printable_script(owner, args.app_user, database), end="")
            return EXIT_OK
        if args.admin_url:
            if not owner_password:
                raise CommandError("--owner-url needs the owner's password", EXIT_USAGE)
            server_roles.create_roles(
                args.admin_url,
                owner_user=owner,
                owner_password=owner_password,
                app_user=args.app_user,
                app_password=_app_password(),
                database=database,
            )
            print(f"Created logins {owner} (owner) and {args.app_user}, and database {database}.")
        report = server_roles.set_up_roles(args.owner_url, args.app_user)
    except InputError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    print(report.describe())
    return EXIT_ERROR if report.problems else EXIT_OK
