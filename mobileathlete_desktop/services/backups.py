"""Backups: on demand, once a day (rotated), restoring one, and recovering from a damaged file."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.audit_seal import drop_backup_heads, seal_backups
from mobileathlete_desktop.services.context import InputError, ServiceContext, refusal
from mobileathlete_desktop.storage.backup import (
    BackupCancelled,
    BackupError,
    BackupFile,
    Progress,
    check_backup_file,
    finish_set_aside,
    list_backups,
    online_backup,
    remember_backup_folder,
    remembered_backup_folder,
    restore_file,
    rotate,
    set_aside_damaged,
)
from mobileathlete_desktop.storage.clinic_lock import ClinicInUse
from mobileathlete_desktop.storage.database import open_database
from mobileathlete_desktop.storage.models import Clinic

KEEP_DAILY = 14
KEEP_WEEKLY = 8
DAILY_EVERY = timedelta(hours=24)
WEEKLY_EVERY = timedelta(days=7)


@dataclass(frozen=True)
class Recovery:
    """A damaged database moved aside, and the good backups to offer in its place."""

    damaged: Path
    moved_to: Path
    backup: BackupFile | None
    """The newest good backup (None when there is none)."""
    backups: tuple[BackupFile, ...] = ()
    """Every backup that passed its check, newest first (the chosen folder's and beside)."""
    set_aside_at: datetime | None = None

    def describe(self) -> str:
        """One paragraph for a person: what happened and what to do."""
        when = f" on {self.set_aside_at:%Y-%m-%d %H:%M}" if self.set_aside_at else ""
        text = f"The clinic database {self.damaged} is damaged; it was moved aside untouched"
        text += f"{when} to {self.moved_to}."
        if self.backup is None:
            return text + " No good backup was found (beside it or in the backup folder)."
        return (
            text + f" The newest good backup is {self.backup.path.name} "
            f"({self.backup.taken_at:%Y-%m-%d %H:%M}); restore it with: "
            f"mobileathlete --db {self.damaged} restore {self.backup.path}"
        )


def default_folder(db_path: Path) -> Path:
    """The backups folder beside a database file."""
    return db_path.parent / "backups"


def backup_folder(ctx: ServiceContext) -> Path:
    """The folder the admin chose (Clinic.backup_folder), else `backups` beside the database."""
    if ctx.db.path is None:
        raise InputError("Backups here are for a SQLite file; a clinic server is backed up there")
    with ctx.db.session() as session:
        chosen = session.execute(select(Clinic.backup_folder).limit(1)).scalar_one_or_none()
    return Path(chosen).expanduser() if chosen else default_folder(ctx.db.path)


def _check_writable(folder: Path) -> None:
    """Creates the folder if need be and writes (then removes) a small file in it."""
    probe = folder / f".mobileathlete-write-test-{os.getpid()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with probe.open("wb") as fh:
            fh.write(b"Mobile Athlete checks it can write its backups here\n")
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise refusal(  # noqa: B904 (raised from its InvalidValue, itself from exc)
            f"Cannot use {folder} for backups: {reason}",
            "backup_folder_unusable",
            cause=exc,
            folder=str(folder),
            reason=reason,
        )
    finally:
        with contextlib.suppress(OSError):
            probe.unlink(missing_ok=True)


def set_backup_folder(ctx: ServiceContext, folder: Path | None) -> None:
    """Changes where backups go (None: back to the default beside the database).

    The folder is created if missing and must take a file: a read-only or full disk is
    refused now, not found out at the next backup.
    """
    ctx.actor.require("backups.manage")
    if folder is not None:
        if not folder.is_absolute():
            raise refusal(
                f"Give the backup folder's full path (not {folder})",
                "backup_folder_relative",
                folder=str(folder),
            )
        _check_writable(folder)
    with ctx.db.session() as session:
        clinic = session.execute(select(Clinic).limit(1)).scalar_one_or_none()
        if clinic is None:
            clinic = Clinic()
            session.add(clinic)
        before = clinic.backup_folder
        clinic.backup_folder = str(folder) if folder else ""
        if ctx.db.path is not None:
            remember_backup_folder(ctx.db.path, folder)
        record_event(
            session,
            ctx.actor,
            "settings.backup_folder",
            entity="clinic",
            detail={"before": before, "after": clinic.backup_folder},
        )


def _key(ctx: ServiceContext) -> str | None:
    """The database key of an encrypted (SQLCipher) clinic file; its backups stay encrypted."""
    url = ctx.db.url
    return url.password if url.get_driver_name() == "pysqlcipher" and url.password else None


def _name(db_path: Path, kind: str, now: datetime) -> str:
    return f"{db_path.stem}-{kind}-{now:%Y%m%d-%H%M%S}.sqlite3"


def make_backup(
    ctx: ServiceContext, out: Path | None = None, progress: Progress | None = None
) -> Path:
    """Writes a verified backup now (to `out`, or the backup folder); admins only.

    `progress` hears (pages copied, pages in all) and may stop the copy by raising
    BackupCancelled; nothing is kept then.
    """
    ctx.actor.require("backups.manage")
    if ctx.db.path is None:
        raise InputError("Backups here are for a SQLite file; a clinic server is backed up there")
    now = datetime.now()
    if out is None:
        name = _name(ctx.db.path, "manual", now)
        dest = backup_folder(ctx) / name
        n = 1
        while dest.exists():  # two within the same second: both kept
            n += 1
            dest = dest.with_name(name.replace(".sqlite3", f"-{n}.sqlite3"))
    else:
        dest = out
    if dest.exists():
        raise InputError(f"{dest} already exists; choose another name")
    if dest.resolve() == ctx.db.path.resolve():
        raise InputError("A backup cannot be written over the database itself")
    online_backup(ctx.db.path, dest, key=_key(ctx), progress=progress)
    seal_backups(ctx.db.engine, dest)  # the audit head beside it: a later rollback is found
    with ctx.db.session() as session:
        record_event(session, ctx.actor, "backup.create", detail={"file": str(dest)})
    return dest


@dataclass(frozen=True)
class BackupListing:
    """A backup file as an admin chooses among them: when, which kind, how big, where."""

    path: Path
    taken_at: datetime
    """Local time the backup was taken (from its name, else the file's time)."""
    kind: str
    size: int


def backups_on_hand(ctx: ServiceContext) -> list[BackupListing]:
    """Backups in the chosen folder and beside the database (before a migration), newest first."""
    ctx.actor.require("backups.manage")
    if ctx.db.path is None:
        return []
    found: list[BackupListing] = []
    for backup in _each_backup_once([backup_folder(ctx), default_folder(ctx.db.path)]):
        try:
            size = backup.path.stat().st_size
        except OSError:
            continue  # gone since it was listed
        found.append(BackupListing(backup.path, backup.taken_at, backup.kind, size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def _each_backup_once(folders: list[Path]) -> Iterator[BackupFile]:
    """The backups in these folders, each file once (a folder may be listed twice)."""
    seen: set[Path] = set()
    for folder in folders:
        for backup in list_backups(folder):
            where = backup.path.resolve()
            if where not in seen:
                seen.add(where)
                yield backup


def restore_backup(
    ctx: ServiceContext, backup: Path, progress: Progress | None = None
) -> Path | None:
    """Puts a backup in place of the clinic file (admins); returns where the old file was kept.

    The backup is checked first (a damaged or foreign file changes nothing). The program's
    connections are closed, the current file is renamed aside (never overwritten), the backup
    copied in and opened (an older backup is migrated), and the restore is written into the
    restored database's audit trail. The program must start again afterwards: what it had on
    screen came from the replaced file.
    """
    ctx.actor.require("backups.manage")
    db_path = ctx.db.path
    if db_path is None:
        raise InputError("Restore works on a SQLite clinic file; restore a server there")
    check_backup_file(backup)
    if backup.resolve() == db_path.resolve():
        raise InputError("That file is the database itself, not a backup of it")
    ctx.db.dispose()  # a clean file to move aside, and this program's lock let go
    try:
        aside = restore_file(backup, db_path, progress=progress)
    except ClinicInUse as exc:  # another window or command has it open: nothing changed
        raise InputError(str(exc)) from exc
    restored = open_database(db_path)
    try:
        record_restore(
            ServiceContext(db=restored, actor=ctx.actor, catalogue=ctx.catalogue), backup, aside
        )
    finally:
        restored.dispose()
    return aside


def maybe_daily_backup(ctx: ServiceContext, now: datetime | None = None) -> Path | None:
    """The automatic daily backup: taken when the last is over a day old, then rotated.

    Runs as the program itself (no permission needed: it protects everyone's work). Keeps
    KEEP_DAILY daily and KEEP_WEEKLY weekly copies. Returns the new file, or None when no
    backup was due (or the database is a server or has no clinic yet).
    """
    if ctx.db.path is None:
        return None
    now = now or datetime.now(UTC)
    with ctx.db.session() as session:
        clinic = session.execute(select(Clinic).limit(1)).scalar_one_or_none()
        if clinic is None:
            return None
        last = clinic.last_backup_at
    if last is not None:
        last = last if last.tzinfo else last.replace(tzinfo=UTC)
        if now - last < DAILY_EVERY:
            return None
    folder = backup_folder(ctx)
    if folder != default_folder(ctx.db.path):  # for recovery, when the file cannot be read
        remember_backup_folder(ctx.db.path, folder)
    local = now.astimezone().replace(tzinfo=None)
    key = _key(ctx)
    daily = online_backup(ctx.db.path, folder / _name(ctx.db.path, "daily", local), key=key)
    weekly = [b for b in list_backups(folder) if b.kind == "weekly"]
    made = [str(daily)]
    if not weekly or local - weekly[0].taken_at >= WEEKLY_EVERY:
        weekly_file = folder / _name(ctx.db.path, "weekly", local)
        made.append(str(online_backup(daily, weekly_file, key=key)))
    seal_backups(ctx.db.engine, *map(Path, made))
    removed = rotate(folder, "daily", KEEP_DAILY) + rotate(folder, "weekly", KEEP_WEEKLY)
    drop_backup_heads(removed)
    with ctx.db.session() as session:
        clinic = session.execute(select(Clinic).limit(1)).scalar_one()
        clinic.last_backup_at = now
        record_event(
            session,
            ctx.actor,
            "backup.daily",
            detail={"files": made, "rotated_out": [p.name for p in removed]},
        )
    return daily


def recover_damaged(db_path: Path, error: str = "", backups: Path | None = None) -> Recovery:
    """Moves a damaged database aside untouched, leaving a note so that nothing creates a
    new clinic in its place, and finds the good backups to offer."""
    now = datetime.now()
    moved = set_aside_damaged(db_path, error, now)
    return _recovery(db_path, moved, now, backups)


def stranded_recovery(db_path: Path, note: dict[str, str]) -> Recovery:
    """The recovery of a clinic whose damaged file was set aside earlier (its note read)."""
    try:
        at: datetime | None = datetime.fromisoformat(note.get("at", ""))
    except ValueError:
        at = None
    moved = Path(note["moved_to"]) if note.get("moved_to") else db_path
    with contextlib.suppress(
        OSError
    ):  # a move a kill interrupted: finished now (else left as it is)
        finish_set_aside(db_path, moved)
    return _recovery(db_path, moved, at, None)


def recovery_folders(db_path: Path) -> list[Path]:
    """Where backups of this clinic may be: the admin's chosen folder, then beside it."""
    folders = [default_folder(db_path)]
    chosen = remembered_backup_folder(db_path)
    if chosen is not None and chosen != folders[0]:
        folders.insert(0, chosen)
    return folders


def good_backups(folders: list[Path]) -> list[BackupFile]:
    """The backups in these folders that pass check_backup_file, newest first."""
    good: list[BackupFile] = []
    for backup in _each_backup_once(folders):
        try:
            check_backup_file(backup.path)
        except BackupError:
            continue
        good.append(backup)
    return sorted(good, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def _recovery(db_path: Path, moved: Path, at: datetime | None, backups: Path | None) -> Recovery:
    found = good_backups([backups] if backups else recovery_folders(db_path))
    return Recovery(
        damaged=db_path,
        moved_to=moved,
        backup=found[0] if found else None,
        backups=tuple(found),
        set_aside_at=at,
    )


def record_restore(ctx: ServiceContext, source: Path, aside: Path | None) -> None:
    """Writes the restore into the restored database's own audit trail."""
    with ctx.db.session() as session:
        record_event(
            session,
            ctx.actor,
            "backup.restore",
            detail={"file": str(source), "previous_kept_at": str(aside) if aside else None},
        )


__all__ = ["BackupCancelled", "BackupError", "BackupFile", "check_backup_file"]
