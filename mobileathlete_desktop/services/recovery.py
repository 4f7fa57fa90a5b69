"""Recovering from a damaged clinic database, and restoring a backup in place of the file.

One use case for the command line and the window: open the file; when it is damaged, move
it aside untouched (unless it may be an encrypted file opened without its key), find the
newest good backup, restore it when the person agrees, and open the restored file (which
checks it again). The front ends only word the outcome and ask the question.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services.backups import (
    Recovery,
    record_restore,
    recover_damaged,
    stranded_recovery,
)
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.services.session import (
    Database,
    DatabaseDamagedError,
    DatabaseError,
    folder_hint,
    open_clinic,
    sqlite_file,
)
from mobileathlete_desktop.storage.backup import (
    BackupError,
    BackupFile,
    check_backup_file,
    may_be_encrypted,
    online_backup,
    restore_file,
)
from mobileathlete_desktop.storage.clinic_lock import ClinicInUse
from mobileathlete_desktop.storage.database import (
    DatabaseEncryptedAwayError,
    DatabaseSetAsideError,
    open_database,
    resolve_url,
)


class CannotOpen(Exception):
    """The clinic database cannot be opened; str() says why in one line for a person."""


class DamagedSetAside(CannotOpen):
    """The file was damaged and moved aside untouched (now, or earlier: its note says when);
    `recovery` lists the good backups, newest first.

    `offered` is True when a backup was offered and the person said no.
    """

    def __init__(self, error: str, recovery: Recovery, offered: bool = False) -> None:
        super().__init__(f"{error}. {recovery.describe()}")
        self.error = error
        self.recovery = recovery
        self.offered = offered


class DamagedUnmovable(CannotOpen):
    """The file is damaged and could not even be moved aside (`move_error` says why)."""

    def __init__(self, error: str, move_error: OSError) -> None:
        super().__init__(f"{error} (and it cannot be moved aside: {move_error})")
        self.error = error
        self.move_error = move_error


OfferRestore = Callable[[Recovery, str], "bool | BackupFile | None"]
"""Asked (the recovery, what was wrong) which backup to restore: one of `recovery.backups`,
True for the newest, False or None for none."""


def damaged_but_maybe_locked(target: str | None, error: Exception) -> str | None:
    """Why a file that failed to open must NOT be moved aside, or None if it may be.

    A wrong key for an encrypted database, or a file that may be an encrypted database
    opened without its key, looks damaged to SQLite; such a file is left where it is.
    """
    url = resolve_url(target)
    if url.get_driver_name() == "pysqlcipher":
        return f"cannot open the encrypted database {url.database}: wrong key, or it is damaged"
    if url.database and may_be_encrypted(Path(str(url.database))):
        return (
            f"{error}; if it is an encrypted clinic database, set its key in "
            "MOBILEATHLETE_DB_KEY (the file was left as it is)"
        )
    return None


def open_with_recovery(
    target: str | None, offer: OfferRestore | None = None, *, full_check: bool | None = None
) -> Database:
    """Opens the clinic database, recovering a damaged SQLite file.

    A damaged file is moved aside untouched (a note left in its place) and the good backups
    found, beside it and in the admin's folder; a clinic set aside earlier is never replaced
    by a new empty one. When `offer` chooses a backup, it is restored in the file's place
    and opened (the open checks it again). Raises CannotOpen (one of its kinds above) when
    no database is open.
    """
    try:
        return _open(target, full_check)
    except DamagedSetAside as damaged:
        recovery = damaged.recovery
        if offer is None or recovery.backup is None:
            raise
        chosen = offer(recovery, damaged.error)
        if not chosen:
            raise DamagedSetAside(damaged.error, recovery, offered=True) from damaged
        restore_offered(recovery, chosen if isinstance(chosen, BackupFile) else None)
        return _open(target)


def restore_offered(recovery: Recovery, backup: BackupFile | None = None) -> None:
    """Puts the chosen (else the newest) good backup where the damaged file was (CannotOpen
    if it fails; the clinic is then as it was: set aside, its note in place)."""
    chosen = backup or recovery.backup
    assert chosen is not None
    try:
        restore_file(chosen.path, recovery.damaged)
    except (BackupError, ClinicInUse) as exc:
        raise CannotOpen(f"The backup could not be restored: {exc}") from exc


def _open(target: str | None, full_check: bool | None = None) -> Database:
    try:
        return open_clinic(target, full_check=full_check)
    except DatabaseSetAsideError as exc:
        raise DamagedSetAside(str(exc), stranded_recovery(exc.path, exc.note)) from exc
    except DatabaseEncryptedAwayError as exc:
        raise CannotOpen(str(exc)) from exc  # its note names the encrypted copy to open
    except DatabaseDamagedError as exc:
        path = sqlite_file(target)
        if path is None:
            raise CannotOpen(str(exc)) from exc
        locked = damaged_but_maybe_locked(target, exc)
        if locked:
            raise CannotOpen(locked) from exc
        return _set_aside(path, exc)
    except DatabaseError as exc:
        raise CannotOpen(f"{exc}{folder_hint(target)}") from exc


def _set_aside(path: Path, exc: DatabaseError) -> Database:
    """Moves the damaged file aside, unless another process still has it open (then it
    stays: their work must not go to a file set aside)."""
    from mobileathlete_desktop.storage.clinic_lock import ClinicLock

    lock = ClinicLock(path)
    try:
        if not lock.try_exclusive():
            raise CannotOpen(
                f"{exc}. The clinic is open on this computer (another window or command); "
                "close it, then start again to set the damaged file aside and restore a backup"
            ) from exc
    except OSError:
        pass  # no lock file can be made here (read-only folder): SQLite's own rules apply
    try:
        try:
            recovery = recover_damaged(path, str(exc))
        except OSError as move_error:
            raise DamagedUnmovable(str(exc), move_error) from exc
    finally:
        lock.release()
    raise DamagedSetAside(str(exc), recovery) from exc


def set_aside_after_damage(target: str | None, exc: DatabaseError) -> str:
    """For a damaged page met after opening (a large file is not fully checked then): once
    the caller has closed the database, the file is set aside as at opening and the good
    backups named. Returns the paragraph to show."""
    path = sqlite_file(target)
    if path is None or damaged_but_maybe_locked(target, exc):
        return str(exc)
    try:
        _set_aside(path, exc)
    except CannotOpen as outcome:
        return str(outcome)
    return str(exc)  # pragma: no cover - _set_aside always raises


@dataclass(frozen=True)
class Restored:
    """A backup put in place of the clinic file."""

    database: Path
    signed_in_against: Path
    """The file the admin signed in against: the current database, or the backup itself."""
    kept_aside: Path | None
    """Where the replaced file was kept (None when there was none)."""


def restore_from_backup(
    target: str | None, backup: Path, sign_in: Callable[[Database], Actor]
) -> Restored:
    """Checks the backup, signs in, moves the current file aside, copies the backup in,
    opens it (an older one is migrated) and writes the restore into its audit trail.

    The admin signs in (`sign_in`) against the current database when it opens; when it is
    damaged or gone, against a scratch copy of the backup (whoever restores must be an admin
    of the data restored). InputError or PermissionDenied leaves everything as it was.
    """
    db_path = sqlite_file(target)
    if db_path is None:
        raise InputError("restore works on a SQLite clinic file; restore a server there")
    try:
        check_backup_file(backup)
    except BackupError as exc:
        raise InputError(f"{exc}; nothing was changed") from exc
    signed_in_against = db_path
    current = _current_to_sign_in(db_path, backup)
    with tempfile.TemporaryDirectory(prefix="mobileathlete-restore-") as scratch:
        if current is None:
            # Signing in writes (the attempt is audited), and the backup must stay as it
            # is: sign in against a scratch copy of it.
            signed_in_against = backup
            copy = online_backup(backup, Path(scratch) / "signin.sqlite3")
            current = open_database(copy, migrate=False)
        try:
            actor = sign_in(current)
        finally:
            current.dispose()
    actor.require("backups.manage")
    try:
        aside = restore_file(backup, db_path)
    except BackupError as exc:
        raise InputError(f"{exc}; the database was left as it was") from exc
    except ClinicInUse as exc:
        raise InputError(f"{exc}; nothing was changed") from exc
    try:
        restored = open_database(db_path)
    except DatabaseError as exc:
        raise CannotOpen(f"restored file cannot be opened: {exc}") from exc
    try:
        record_restore(ServiceContext(db=restored, actor=actor), backup, aside)
    finally:
        restored.dispose()
    return Restored(database=db_path, signed_in_against=signed_in_against, kept_aside=aside)


def _current_to_sign_in(db_path: Path, backup: Path) -> Database | None:
    """The current clinic to sign in against, or None (then the backup's users decide): when
    it is missing, damaged or set aside, or nobody can sign in to it but someone can to the
    backup (an empty clinic made where one was expected)."""
    from mobileathlete_desktop.services.accounts import has_users

    if not db_path.exists():
        return None
    try:
        current = open_database(db_path, migrate=False)
    except DatabaseError:
        return None
    try:
        if has_users(current) or not _has_users(backup):
            return current
    except Exception:  # an old, damaged or foreign schema: the backup's users decide
        pass
    current.dispose()
    return None


def _has_users(backup: Path) -> bool:
    """Whether anyone can sign in to a backup (read only; it was checked already)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        return bool(conn.execute('SELECT count(*) FROM "user"').fetchone()[0])
    except sqlite3.Error:
        return False
    finally:
        conn.close()
