"""`mobileathlete migrate-to URL`: moves the clinic's database onto a (PostgreSQL) clinic server."""

from __future__ import annotations

import argparse
from typing import Any

from mobileathlete_desktop.commands.common import EXIT_OK, EXIT_USAGE, CommandError, service_context


def register(subparsers: Any) -> None:
    """Adds the `migrate-to` subcommand."""
    p = subparsers.add_parser(
        "migrate-to",
        help="copy this clinic's database into an empty server database (ids kept, verified)",
    )
    p.add_argument(
        "url",
        metavar="URL",
        help="the target, e.g. postgresql+psycopg://user:password@server/clinic (must be empty)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Copies every table, verifies the counts, and prints what was moved."""
    from mobileathlete_desktop.services.server_move import move_to_server
    from mobileathlete_desktop.services.session import DatabaseError

    with service_context(args) as ctx:
        try:
            report = move_to_server(ctx, args.url)
        except DatabaseError as exc:
            raise CommandError(str(exc), EXIT_USAGE) from exc
    print(report.describe())
    return EXIT_OK
