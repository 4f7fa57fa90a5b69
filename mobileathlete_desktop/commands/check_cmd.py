"""`mobileathlete check`: the database's health, changing nothing."""

from __future__ import annotations

import argparse
from typing import Any

from mobileathlete_desktop.commands.common import (
    EXIT_ERROR,
    EXIT_OK,
    CommandError,
    database_target,
)


def register(subparsers: Any) -> None:
    """Adds the `check` subcommand."""
    p = subparsers.add_parser("check", help="check the database's integrity (changes nothing)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Runs the full integrity check and the audit-chain check; exit 0 healthy, 1 damaged.

    On Linux it also names every system library Qt's window needs that is missing (a
    warning line: the database is no less healthy for it).
    """
    from mobileathlete_desktop.services.checks import check_database
    from mobileathlete_desktop.services.session import DatabaseError

    try:
        report = check_database(database_target(args))
    except DatabaseError as exc:
        raise CommandError(str(exc), EXIT_ERROR) from exc
    print(f"database: {report.location}")
    for line in report.state:
        print(line)
    # The window's own needs: said, but not a fault of the database (exit code unchanged;
    # a server that only runs commands needs none of these).
    from mobileathlete_desktop.commands.qt_libraries import advice, missing_libraries

    lacking = missing_libraries()
    if lacking:
        print(f"warning: {advice(lacking)}")
    if not report.healthy:
        for p in report.problems:
            print(f"PROBLEM: {p}")
        return EXIT_ERROR
    print("ok: integrity, schema and audit trail")
    return EXIT_OK
