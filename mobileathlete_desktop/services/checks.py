"""The database's health: the full check (`mobileathlete check`) and the start-up upkeep.

Both change nothing but the daily backup; problems are returned as sentences for a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from mobileathlete_desktop.services.audit import verify_trail
from mobileathlete_desktop.services.audit_check import (
    backup_head_problems,
    existing_key,
    head_findings,
    key_problems,
)
from mobileathlete_desktop.services.audit_replay import replay_problems
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.server_roles import account_role_problems
from mobileathlete_desktop.services.session import Database
from mobileathlete_desktop.storage.backup import BackupError, list_backups
from mobileathlete_desktop.storage.database import DatabaseDamagedError, open_database
from mobileathlete_desktop.storage.migrations_runner import current_revision, head_revision
from mobileathlete_desktop.storage.models import AuditEvent, Clinic, User

AUDIT_TRIGGERS = frozenset({"audit_event_no_update", "audit_event_no_delete"})


@dataclass(frozen=True)
class CheckReport:
    """What the full check found: where, the state in a few lines, and every problem."""

    location: str
    state: tuple[str, ...]
    """Users, audit events and backups, one line each (empty when the schema is not current)."""
    problems: tuple[str, ...]

    @property
    def healthy(self) -> bool:
        """No problem found: integrity, schema and audit trail all sound."""
        return not self.problems


def check_database(target: str | Path | None) -> CheckReport:
    """Runs the full integrity check, the schema check and the audit-chain check (read-only).

    The database is opened without migrating; DatabaseError when it cannot be opened at all.
    """
    db = open_database(target, migrate=False)
    problems: list[str] = []
    state: list[str] = []
    try:
        if db.is_sqlite:
            problems += _sqlite_problems(db)
        if any(p.startswith("integrity") for p in problems):
            pass  # a damaged file: reading on would only meet its bad pages
        elif (current := current_revision(db)) != (head := head_revision(db)):
            problems.append(f"schema at {current}, program expects {head}")
        else:
            if db.url.get_backend_name() == "postgresql":
                server_problems, server_state = _server_findings(db)
                problems += server_problems
                state += server_state
            with db.reading() as session:  # a long read: writers go on meanwhile
                found, lines = _findings(session, db)
            if found and db.is_sqlite:
                # A writer that committed after this read began may have written a head file
                # naming events the read cannot see: a problem is confirmed with writers held
                # off (a healthy clinic, the usual case, never holds the write lock).
                with db.session() as session:
                    found, lines = _findings(session, db)
            problems += found
            state += lines
    except DatabaseDamagedError as exc:  # a bad page met by a query: damage, said in one line
        problems.append(str(exc))
    finally:
        db.dispose()
    return CheckReport(location=db.location, state=tuple(state), problems=tuple(problems))


def _findings(session: Session, db: Database) -> tuple[list[str], list[str]]:
    """The audit trail, accounts, chart numbers and state, read in one transaction."""
    audit_problems, audit_state = _audit_findings(session, db)
    replayed, replay_state = replay_problems(session)
    problems = audit_problems + replayed + account_role_problems(session) + _chart_clashes(session)
    return problems, _state(session, db) + audit_state + replay_state


def _sqlite_problems(db: Database) -> list[str]:
    """PRAGMA integrity_check and foreign_key_check, and the audit trail's guard triggers."""
    problems: list[str] = []
    with db.engine.connect() as conn:
        result = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
        if result != ["ok"]:
            return [f"integrity: {r}" for r in result[:10]]  # reading on meets bad pages
        fk = list(conn.execute(text("PRAGMA foreign_key_check")))
        if fk:
            problems.append(f"{len(fk)} rows point at missing records")
        triggers = {
            r[0]
            for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        }
    missing = AUDIT_TRIGGERS - triggers
    if missing and head_revision(db) == current_revision(db):
        problems.append("audit trail unprotected: missing triggers " + ", ".join(sorted(missing)))
    return problems


def _server_findings(db: Database) -> tuple[list[str], list[str]]:
    """A clinic server: the audit trail's guard trigger, and whether this login could
    switch it off or alter the trail (catalogue reads only; docs/server.md)."""
    from mobileathlete_desktop.services.server_roles import guard_problems, login_problems

    with db.engine.connect() as conn:
        problems = guard_problems(conn) + login_problems(conn)
    state = [] if problems else [f"server login {db.url.username}: restricted (audit append-only)"]
    return problems, state


def _audit_findings(session: Session, db: Database) -> tuple[list[str], list[str]]:
    """The chain and its seals, the head file, the backups' heads and signed records:
    (problems, state lines). Read-only: a workstation without a key gets none made."""
    from mobileathlete_desktop.services.assessments.signatures import signed_record_problems

    key = existing_key()
    trail = verify_trail(session, key, contiguous_ids=db.is_sqlite)
    problems = trail.problems + key_problems(session, key)
    state: list[str] = []
    if key is not None:
        found, lines = head_findings(session, db.url, key, trail.own_sealed)
        problems += found
        state += lines
        if db.path is not None:
            folders = [_backup_folder(session, db.path), db.path.parent / "backups"]
            problems += backup_head_problems(session, folders, db.path.stem, key)
    if trail.unsealed or trail.foreign:
        state.append(
            f"audit events from before seals: {trail.unsealed}"
            + (f", sealed with another key: {trail.foreign}" if trail.foreign else "")
        )
    signed, unsealed = signed_record_problems(session)
    problems += signed
    if unsealed:
        state.append(f"signed assessments without a content hash in the trail: {unsealed}")
    return problems, state


def _backup_folder(session: Session, path: Path) -> Path:
    chosen = session.execute(select(Clinic.backup_folder).limit(1)).scalar_one_or_none()
    return Path(chosen).expanduser() if chosen else path.parent / "backups"


def _chart_clashes(session: Session) -> list[str]:
    """Chart numbers that differ only by case (stored before they were refused): reported,
    not changed; the therapist renames one in the client dialog."""
    from mobileathlete_desktop.services.clients import chart_number_clashes

    return [
        "chart numbers differ only by case: "
        + ", ".join(group)
        + " (one number in searches and imports; rename all but one in Edit client)"
        for group in chart_number_clashes(session)
    ]


def _state(session: Session, db: Database) -> list[str]:
    """Users, audit events and backups, for the report (read-only)."""
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


def daily_backup_problem(ctx: ServiceContext) -> str | None:
    """Takes the once-a-day backup when one is due; returns why it was not written, or None.

    A failed backup is never a reason not to work: the caller shows it as a warning.
    """
    from mobileathlete_desktop.services.backups import maybe_daily_backup

    remove_leftovers(ctx)
    try:
        maybe_daily_backup(ctx)
    except BackupError as exc:
        return str(exc)
    return None


def remove_leftovers(ctx: ServiceContext) -> list[Path]:
    """At start: removes what killed programs left beside the clinic and in its backups
    folder: `.part` files of a backup or export and `NAME.opening-copy[-wal|-shm]` of an
    open killed mid-check (only those untouched for support.files.STALE_PART_AGE, so never
    one being written; the clinic itself opened sound), and `.NAME.new-PID[-wal|-shm]` of
    a clinic creation whose process no longer runs."""
    import re
    from contextlib import suppress
    from glob import escape as glob_escape

    from mobileathlete_desktop.services.backups import backup_folder
    from mobileathlete_desktop.services.context import InputError
    from mobileathlete_desktop.storage.clinic_files import SNAPSHOT_SUFFIX
    from mobileathlete_desktop.storage.errors import DatabaseError
    from mobileathlete_desktop.support.files import remove_dead_pid_files, remove_stale_parts

    path = ctx.db.path
    if path is None:
        return []
    folders = {path.parent, path.parent / "backups"}
    with suppress(InputError, DatabaseError):  # no clinic row yet: the default folders still
        folders.add(backup_folder(ctx))
    removed = [part for folder in folders for part in remove_stale_parts(folder)]
    snapshot = glob_escape(path.name + SNAPSHOT_SUFFIX)
    if not path.with_name(path.name + SNAPSHOT_SUFFIX + ".list").exists():  # else: originals
        for pattern in (snapshot, f"{snapshot}-wal", f"{snapshot}-shm"):
            removed += remove_stale_parts(path.parent, pattern=pattern)
    building = re.compile(rf"\.{re.escape(path.name)}\.new-(?P<pid>\d+)(-wal|-shm|-journal)?")
    removed += remove_dead_pid_files(path.parent, f".{glob_escape(path.name)}.new-*", building)
    return removed


def upkeep(ctx: ServiceContext) -> list[str]:
    """The slow start-up work, run off the UI thread: the full check of a file too large to
    check at opening, then the daily backup. Returns the problems, in words; raises
    DatabaseDamagedError when the full check fails (no backup is taken of a damaged file:
    it would push a good one out), so the caller can set the file aside and recover."""
    from mobileathlete_desktop.storage import database

    path = ctx.db.path
    if path is not None and path.exists() and path.stat().st_size > database.FULL_CHECK_MAX_BYTES:
        try:
            problem = database.quick_check(ctx.db)
        except DBAPIError as exc:  # the check itself met a page it cannot read
            problem = f"Database is damaged ({str(exc.orig or exc).splitlines()[0]})"
        if problem:
            raise DatabaseDamagedError(f"{problem}: {path}")
    failed = daily_backup_problem(ctx)
    return [f"Daily backup not written: {failed}"] if failed else []
