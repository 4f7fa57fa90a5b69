"""`mobileathlete check`: the database's health, changing nothing."""

from __future__ import annotations

import argparse
from pathlib import Path
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
    """Runs the full integrity check and the audit-chain check; exit 0 healthy, 1 damaged.

    On Linux it also names every system library Qt's window needs that is missing (a
    warning line: the database is no less healthy for it).
    """
    from mobileathlete_desktop.services.audit import verify_chain
    from mobileathlete_desktop.storage.database import DatabaseError, open_database
    from mobileathlete_desktop.storage.migrations_runner import current_revision, head_revision

    try:
        db = open_database(database_target(args), migrate=False)
    except DatabaseError as exc:
        raise CommandError(str(exc), EXIT_ERROR) from exc
    problems: list[str] = []
    state: list[str] = []
    try:
        if db.is_sqlite:
            with db.engine.connect() as conn:
                result = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
                if result != ["ok"]:
                    problems += [f"integrity: {r}" for r in result[:10]]
                fk = list(conn.execute(text("PRAGMA foreign_key_check")))
                if fk:
                    problems.append(f"{len(fk)} rows point at missing records")
                triggers = {
                    r[0]
                    for r in conn.execute(
                        text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
                    )
                }
                missing = {"audit_event_no_update", "audit_event_no_delete"} - triggers
                if missing and head_revision(db) == current_revision(db):
                    problems.append(
                        "audit trail unprotected: missing triggers " + ", ".join(sorted(missing))
                    )
        current, head = current_revision(db), head_revision(db)
        if current != head:
            problems.append(f"schema at {current}, program expects {head}")
        else:
            with db.session() as session:
                problems += verify_chain(session)
                problems += _chart_clashes(session)
                state += _state(session, db)
    finally:
        db.dispose()
    print(f"database: {db.location}")
    for line in state:
        print(line)
    # The window's own needs: said, but not a fault of the database (exit code unchanged;
    # a server that only runs commands needs none of these).
    from mobileathlete_desktop.commands.qt_libraries import advice, missing_libraries

    lacking = missing_libraries()
    if lacking:
        print(f"warning: {advice(lacking)}")
    if problems:
        for p in problems:
            print(f"PROBLEM: {p}")
        return EXIT_ERROR
    print("ok: integrity, schema and audit trail")
    return EXIT_OK


def _chart_clashes(session: Any) -> list[str]:
    """Chart numbers that differ only by case (stored before they were refused): reported,
    not changed; the therapist renames one in the client dialog."""
    from mobileathlete_desktop.services.clients import chart_number_clashes

    return [
        "chart numbers differ only by case: "
        + ", ".join(group)
        + " (one number in searches and imports; rename all but one in Edit client)"
        for group in chart_number_clashes(session)
    ]


def _state(session: Any, db: Any) -> list[str]:
    """Users, audit events and backups, for the report (read-only)."""
    from sqlalchemy import func, select

    from mobileathlete_desktop.storage.backup import list_backups
    from mobileathlete_desktop.storage.models import AuditEvent, Clinic, User

    users = session.execute(select(func.count(User.id))).scalar_one()
    events = session.execute(select(func.count(AuditEvent.id))).scalar_one()
    clinic = session.execute(select(Clinic).limit(1)).scalar_one_or_none()
    lines = [f"users: {users}", f"audit events: {events}"]
    if db.path is not None:
        folder = Path(clinic.backup_folder) if clinic and clinic.backup_folder else None
        folder = folder or db.path.parent / "backups"
        found = list_backups(folder)
        last = clinic.last_backup_at if clinic else None
        lines.append(
            f"last daily backup: {last:%Y-%m-%d %H:%M} UTC" if last else "last daily backup: never"
        )
        lines.append(
            f"backups in {folder}: {len(found)}"
            + (
                f", newest {found[0].path.name} ({found[0].taken_at:%Y-%m-%d %H:%M})"
                if found
                else ""
            )
        )
    return lines
