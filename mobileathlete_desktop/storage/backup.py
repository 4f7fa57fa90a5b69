"""Backups of a SQLite clinic database with SQLite's online backup API (never a file copy)."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from mobileathlete_desktop.storage.database import Database, DatabaseError


class BackupError(DatabaseError):
    """A backup could not be written or verified; the message says why."""


def online_backup(source: Path, destination: Path) -> Path:
    """Copies a live SQLite database page by page into a new file, then verifies the copy.

    The copy is written under a temporary name and renamed only once it passes
    `PRAGMA integrity_check`, so a failed backup never leaves a half-written file behind.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                result = dst.execute("PRAGMA integrity_check").fetchone()
                if not result or result[0] != "ok":
                    raise BackupError(f"Backup failed its integrity check: {destination}")
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(partial, destination)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Backup to {destination} failed: {exc}") from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Backup to {destination} failed: {exc.strerror or exc}") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return destination


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
