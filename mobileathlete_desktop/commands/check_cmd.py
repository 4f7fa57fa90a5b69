"""`mobileathlete check`: the database's health, changing nothing."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import text

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
    """Runs the full integrity check and the audit-chain check; exit 0 healthy, 1 damaged."""
    from mobileathlete_desktop.services.audit import verify_chain
    from mobileathlete_desktop.storage.database import DatabaseError, open_database
    from mobileathlete_desktop.storage.migrations_runner import current_revision, head_revision

    try:
        db = open_database(database_target(args), migrate=False)
    except DatabaseError as exc:
        raise CommandError(str(exc), EXIT_ERROR) from exc
    problems: list[str] = []
    try:
        if db.is_sqlite:
            with db.engine.connect() as conn:
                result = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
                if result != ["ok"]:
                    problems += [f"integrity: {r}" for r in result[:10]]
                fk = list(conn.execute(text("PRAGMA foreign_key_check")))
                if fk:
                    problems.append(f"{len(fk)} rows point at missing records")
        current, head = current_revision(db), head_revision(db)
        if current != head:
            problems.append(f"schema at {current}, program expects {head}")
        else:
            with db.session() as session:
                problems += verify_chain(session)
    finally:
        db.dispose()
    print(f"database: {db.location}")
    if problems:
        for p in problems:
            print(f"PROBLEM: {p}")
        return EXIT_ERROR
    print("ok: integrity, schema and audit trail")
    return EXIT_OK
