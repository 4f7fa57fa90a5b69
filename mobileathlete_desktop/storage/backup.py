"""Backups of a SQLite clinic database with SQLite's online backup API (never a file copy)."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO

from mobileathlete_desktop.storage.clinic_files import (
    BACKUP_FOLDER_SUFFIX,
    companions,
    encrypted_note_path,
    set_aside_note_path,
)
from mobileathlete_desktop.storage.clinic_lock import ClinicLock
from mobileathlete_desktop.storage.database import Database, DatabaseError
from mobileathlete_desktop.support.files import (
    atomic_path,
    atomic_write_text,
    fsync_folder,
    private_folder,
)


class BackupError(DatabaseError):
    """A backup could not be written or verified; the message says why."""


class BackupCancelled(BackupError):
    """The person who started a backup stopped it; nothing was kept."""


Progress = Callable[[int, int], None]
"""Told (pages copied, pages in all) as a copy goes on; raising BackupCancelled stops it."""

PAGES_PER_STEP = 1024
"""Pages copied between progress reports (4 MB of the default 4 kB pages)."""


def _connect(path: str, key: str | None, uri: bool = False) -> sqlite3.Connection:
    """A plain sqlite3 connection, or with a key a SQLCipher one (the [encryption] extra)."""
    if key is None:
        return sqlite3.connect(path, uri=uri)
    import sqlcipher3

    conn: sqlite3.Connection = sqlcipher3.connect(path, uri=uri)
    conn.execute("PRAGMA key = '" + key.replace("'", "''") + "'")
    return conn


def online_backup(
    source: Path, destination: Path, key: str | None = None, progress: Progress | None = None
) -> Path:
    """Copies a live SQLite database page by page into a new file, then verifies the copy.

    The copy is written under a temporary name and renamed only once it passes
    `PRAGMA integrity_check`, so a failed backup never leaves a half-written file behind.
    With `key`, source and copy are SQLCipher files encrypted with that key. With
    `progress`, the copy goes in steps and reports after each (it may cancel).
    """
    private_folder(destination.parent)
    try:
        with atomic_path(destination) as partial:
            src = _connect(f"file:{source}?mode=ro", key, uri=True)
            try:
                dst = _connect(str(partial), key)
                try:
                    if progress is None:
                        src.backup(dst)
                    else:

                        def step(_status: int, remaining: int, total: int) -> None:
                            progress(total - remaining, total)

                        src.backup(dst, pages=PAGES_PER_STEP, progress=step)
                    result = dst.execute("PRAGMA integrity_check").fetchone()
                    if not result or result[0] != "ok":
                        raise BackupError(f"Backup failed its integrity check: {destination}")
                    dst.execute("PRAGMA journal_mode = DELETE")
                finally:
                    dst.close()
            finally:
                src.close()
    except (sqlite3.Error, _cipher_error()) as exc:
        raise BackupError(f"Backup to {destination} failed: {exc}") from exc
    except OSError as exc:
        raise BackupError(f"Backup to {destination} failed: {exc.strerror or exc}") from exc
    return destination


def _cipher_error() -> type[Exception]:
    """SQLCipher's own error class when it is installed (it is not sqlite3.Error)."""
    try:
        import sqlcipher3
    except ImportError:
        return sqlite3.Error
    error: type[Exception] = sqlcipher3.Error
    return error


def may_be_encrypted(path: Path) -> bool:
    """Whether a file without SQLite's header could be an encrypted (SQLCipher) database:
    those are whole pages of random-looking bytes. Such a file is never moved aside as
    damaged, since it may only need its key."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError:
        return False
    return header != b"SQLite format 3\x00" and size >= 512 and size % 512 == 0


def default_backup_dir(db: Database) -> Path:
    """The backups folder beside the database file."""
    assert db.path is not None
    return db.path.parent / "backups"


def backup_before_migration(db: Database) -> Path | None:
    """The automatic backup taken before a schema migration (SQLite only)."""
    if db.path is None or not db.path.exists():
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = default_backup_dir(db) / f"{db.path.stem}-before-migration-{stamp}.sqlite3"
    return online_backup(db.path, dest)


BACKUP_SUFFIX = ".sqlite3"
REQUIRED_TABLES = frozenset({"alembic_version", "clinic", "user", "client", "audit_event"})


def check_backup_file(path: Path) -> None:
    """Raises BackupError with a plain reason unless the file is a sound Mobile Athlete database."""
    if not path.is_file():
        raise BackupError(f"No such backup file: {path}")
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise BackupError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    if header != b"SQLite format 3\x00":
        raise BackupError(f"Not a Mobile Athlete backup (not a SQLite database): {path}")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not tables >= REQUIRED_TABLES:
                raise BackupError(
                    f"Not a Mobile Athlete backup (a SQLite file without the clinic's tables): "
                    f"{path}"
                )
            result = conn.execute("PRAGMA integrity_check").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise BackupError(f"Not a usable backup ({exc}): {path}") from exc
    if not result or result[0] != "ok":
        raise BackupError(f"Backup is damaged (integrity check: {result[0] if result else '?'})")


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now()).strftime("%Y%m%d-%H%M%S")


def _aside_name(path: Path, reason: str, now: datetime | None) -> Path:
    target = path.with_name(f"{path.stem}.{reason}-{_stamp(now)}{path.suffix}")
    n = 1
    while any(p.exists() for p, _s in companions(target)):
        target = path.with_name(f"{path.stem}.{reason}-{_stamp(now)}-{n}{path.suffix}")
        n += 1
    return target


def move_aside(path: Path, reason: str, now: datetime | None = None) -> Path:
    """Moves a database file (with its -wal and -shm) to `<stem>.<reason>-<time><suffix>`.

    Nothing is copied, changed or deleted: the bytes stay exactly as they were, under a
    name that says why and when they were set aside. See `link_aside` and `drop_originals`
    for why a kill at any moment splits nothing.
    """
    target = link_aside(path, reason, now)
    drop_originals(path, target)
    return target


def link_aside(path: Path, reason: str, now: datetime | None = None) -> Path:
    """Gives the file and its -wal and -shm a second name, `<stem>.<reason>-<time><suffix>`
    (hard links: no bytes copied), and returns it. Until `drop_originals`, the whole set is
    under both names, so a kill leaves at least one complete set, never a file under one
    name and its log under another. Where the disk has no hard links (some network or FAT
    drives) the files are renamed instead, the main file last."""
    target = _aside_name(path, reason, now)
    present = [
        (source, target.with_name(target.name + suffix))
        for source, suffix in companions(path)
        if source.exists()
    ]
    made: list[Path] = []
    try:
        for source, second in present:
            os.link(source, second)
            made.append(second)
    except OSError:
        for second in made:
            second.unlink(missing_ok=True)
        for source, second in reversed(present):
            os.replace(source, second)
    fsync_folder(path.parent)
    return target


def drop_originals(path: Path, target: Path) -> None:
    """Removes the original names of a set linked aside (`link_aside`): the log files first,
    the main file last, and only a name that is the very same file as its second name.
    Run again after a kill, it finishes the move; a log file is never left beside a main
    file it does not belong to."""
    for source, suffix in reversed(companions(path)):
        second = target.with_name(target.name + suffix)
        try:
            if source.exists() and second.exists() and os.path.samefile(source, second):
                source.unlink()
        except FileNotFoundError:
            continue
    fsync_folder(path.parent)


def set_aside_damaged(path: Path, error: str, now: datetime | None = None) -> Path:
    """Moves a damaged clinic file aside (see `move_aside`) and leaves a note in its place, so
    that no opener creates a new, empty clinic where this one was expected. The note names
    the set-aside copy before the original names are removed (`finish_set_aside` completes
    a move a kill interrupted)."""
    when = now or datetime.now()
    note = {"at": when.isoformat(timespec="seconds"), "error": error, "moved_to": ""}
    note_path = set_aside_note_path(path)
    _write_text(note_path, json.dumps(note))
    target = link_aside(path, "damaged", now)
    note["moved_to"] = str(target)
    _write_text(note_path, json.dumps(note))
    drop_originals(path, target)
    return target


def finish_set_aside(path: Path, moved_to: Path) -> None:
    """Completes setting a damaged file aside after a kill: original names that are the same
    files as the set-aside copy are removed (nothing else is touched)."""
    if moved_to != path and moved_to.exists():
        drop_originals(path, moved_to)


def _write_text(path: Path, text: str) -> None:
    def produce(fh: TextIO) -> None:
        fh.write(text)

    atomic_write_text(path, produce)


def remember_backup_folder(db_path: Path, folder: Path | None) -> None:
    """Writes the admin's backup folder beside the database (None removes it), so recovery
    finds those backups when the database itself cannot be read."""
    hint = db_path.with_name(db_path.name + BACKUP_FOLDER_SUFFIX)
    if folder is None:
        hint.unlink(missing_ok=True)
        return
    text = str(folder) + "\n"
    try:
        if hint.read_text(encoding="utf-8") == text:
            return
    except OSError:
        pass
    _write_text(hint, text)


def remembered_backup_folder(db_path: Path) -> Path | None:
    """The backup folder written by `remember_backup_folder`, or None."""
    hint = db_path.with_name(db_path.name + BACKUP_FOLDER_SUFFIX)
    try:
        text = hint.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return Path(text) if text else None


@dataclass(frozen=True)
class BackupFile:
    """A backup found in a folder: where, when it was taken, and which kind."""

    path: Path
    taken_at: datetime
    kind: str


_STAMPED = re.compile(r"-(daily|weekly|before-migration|manual)-(\d{8}-\d{6})")


def list_backups(folder: Path) -> list[BackupFile]:
    """Backups in a folder, newest first: ours by the time in their name, others by mtime."""
    if not folder.is_dir():
        return []
    found: list[BackupFile] = []
    for path in folder.glob(f"*{BACKUP_SUFFIX}"):
        if not path.is_file():
            continue
        match = _STAMPED.search(path.name)
        if match:
            taken = datetime.strptime(match.group(2), "%Y%m%d-%H%M%S")
            found.append(BackupFile(path, taken, match.group(1)))
        else:
            found.append(BackupFile(path, datetime.fromtimestamp(path.stat().st_mtime), "other"))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def newest_good_backup(folder: Path) -> BackupFile | None:
    """The newest backup in the folder that passes check_backup_file."""
    for backup in list_backups(folder):
        try:
            check_backup_file(backup.path)
        except BackupError:
            continue
        return backup
    return None


def rotate(folder: Path, kind: str, keep: int) -> list[Path]:
    """Deletes the oldest backups of one kind beyond `keep`; returns what was removed."""
    of_kind = [b for b in list_backups(folder) if b.kind == kind]
    removed = []
    for old in of_kind[keep:]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


RESTORING_SUFFIX = ".restoring"


def restore_file(
    backup: Path, db_path: Path, now: datetime | None = None, progress: Progress | None = None
) -> Path | None:
    """Puts a backup in place of the database file; the current file is kept aside first.

    Refused (ClinicInUse) while any process has the clinic open: its later saves would go
    to the file set aside. Returns where the replaced file now lives (None if there was
    none). Atomic under a kill: the backup is copied and verified beside the database, the
    current file's write-ahead log folded in, the file linked (or copied) aside, and the
    copy renamed over it, so the path always holds the old clinic or the restored one.
    """
    check_backup_file(backup)
    if db_path.exists() and backup.resolve() == db_path.resolve():
        raise BackupError("That file is the database itself, not a backup of it")
    lock = ClinicLock(db_path)
    lock.exclusive()
    try:
        staging = db_path.with_name(db_path.name + RESTORING_SUFFIX)
        for leftover, _suffix in companions(staging):
            leftover.unlink(missing_ok=True)
        online_backup(backup, staging, progress=progress)
        aside = _keep_aside(db_path, now) if db_path.exists() else None
        os.replace(staging, db_path)
        fsync_folder(db_path.parent)
        set_aside_note_path(db_path).unlink(missing_ok=True)
        encrypted_note_path(db_path).unlink(missing_ok=True)
    finally:
        lock.release()
    return aside


def _keep_aside(db_path: Path, now: datetime | None) -> Path:
    """Keeps the current file (with its -wal and -shm) under a `before-restore` name, leaving
    it in place too: hard links where the disk has them, byte copies otherwise, and always
    copies when a write-ahead log is there (folding it in must not touch what is kept).

    The log is then folded into the file in place (nobody else has it open: the caller holds
    the lock) and removed: an old log must never meet the restored file, SQLite would
    replay it into it. A damaged file's log cannot be folded in; it lives on in the copy.
    """
    wal = db_path.with_name(db_path.name + "-wal")
    has_log = wal.exists() and wal.stat().st_size > 0
    target = _aside_name(db_path, "before-restore", now)
    for source, suffix in companions(db_path):
        if not source.exists():
            continue
        kept = target.with_name(target.name + suffix)
        if has_log:
            _copy_synced(source, kept)
            continue
        try:
            os.link(source, kept)
        except OSError:
            _copy_synced(source, kept)
    fsync_folder(db_path.parent)
    if has_log:
        try:
            conn = sqlite3.connect(f"file:{db_path}?mode=rw", uri=True)
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()
        except sqlite3.Error:
            pass
        for source, _suffix in companions(db_path)[1:]:
            source.unlink(missing_ok=True)
    return target


def _copy_synced(source: Path, copy: Path) -> None:
    shutil.copyfile(source, copy)
    with copy.open("rb+") as fh:
        os.fsync(fh.fileno())
