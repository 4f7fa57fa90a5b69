"""Opening the clinic database for the command line and the window.

Which database (a path, a URL, the demo file, an encrypted file with its key), opened with
the automatic backup before a migration. The command line and the window call these
instead of the storage layer; `Database` and the error types are re-exported for them.
"""

from __future__ import annotations

import os
from pathlib import Path

from mobileathlete_desktop.storage.database import Database as Database
from mobileathlete_desktop.storage.database import DatabaseDamagedError as DatabaseDamagedError
from mobileathlete_desktop.storage.database import DatabaseError as DatabaseError
from mobileathlete_desktop.storage.database import (
    default_database_path,
    open_database,
    resolve_url,
)

ENV_DB_KEY = "MOBILEATHLETE_DB_KEY"


def clinic_target(db: str | None, *, demo: bool = False, key: str | None = None) -> str | None:
    """The database asked for: the demo file, `db` (a path or URL), or None for the default.

    With `key`, a plain SQLite file path is opened as an encrypted (SQLCipher) database with
    that key (a `sqlite+pysqlcipher://:KEY@/PATH` URL works too).
    """
    if demo:
        return str(default_database_path(demo=True))
    if key:
        from mobileathlete_desktop.storage.encryption import encrypted_url

        url = resolve_url(db)
        if url.get_backend_name() == "sqlite" and url.get_driver_name() == "pysqlite":
            return encrypted_url(Path(str(url.database)), key)
    return db


def sqlite_file(target: str | None) -> Path | None:
    """The SQLite file a target names, or None for a server database."""
    url = resolve_url(target)
    if url.get_backend_name() != "sqlite" or not url.database:
        return None
    return Path(str(url.database))


def open_clinic(
    target: str | Path | None, *, migrate: bool = True, full_check: bool | None = None
) -> Database:
    """Opens (creating or migrating) the clinic database; a migration is preceded by a backup.

    Raises DatabaseError (DatabaseDamagedError for a damaged file) with a one-line message.
    """
    return open_database(
        target, migrate=migrate, before_migration=_backup_before_migration, full_check=full_check
    )


def _backup_before_migration(db: Database) -> None:
    from mobileathlete_desktop.storage.backup import backup_before_migration

    backup_before_migration(db)


def folder_hint(target: str | None) -> str:
    """Why SQLite may have said "unable to open": the folder cannot be written to ("" if not)."""
    path = sqlite_file(target)
    if path is None:
        return ""
    folder = path.parent
    if folder.is_dir() and not os.access(folder, os.W_OK):
        return f" (the folder {folder} is read-only: SQLite needs to write beside the file)"
    return ""


def failed_write(exc: BaseException) -> str | None:
    """The reason a write failed inside the database (disk full, read-only folder, locked too
    long), or None when `exc` is not such a failure. The failed unit of work rolled back whole.
    """
    from sqlalchemy.exc import OperationalError

    if not isinstance(exc, OperationalError):
        return None
    return str(exc.orig).splitlines()[0] if exc.orig else "database error"
