"""Encryption at rest as a use case: an encrypted (SQLCipher) copy of the clinic file."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.audit_seal import seal_backups
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.storage.backup import BackupError
from mobileathlete_desktop.storage.encryption import encrypted_copy
from mobileathlete_desktop.storage.errors import DatabaseError


def encrypt_database(ctx: ServiceContext, out: Path, new_key: Callable[[], str]) -> Path:
    """Writes an encrypted copy of a plain SQLite clinic file, verified, and audits it (admins).

    `new_key` is asked for the key only once the copy may be made. InputError says why not.
    """
    ctx.actor.require("backups.manage")
    if ctx.db.path is None or ctx.db.url.get_driver_name() != "pysqlite":
        raise InputError("encrypt copies a plain SQLite clinic file")
    key = new_key()
    try:
        made = encrypted_copy(ctx.db.path, out, key)
    except BackupError as exc:
        raise InputError(str(exc)) from exc
    seal_backups(ctx.db.engine, made)  # the copy's audit head beside it, as for a backup
    with ctx.db.session() as session:
        record_event(session, ctx.actor, "database.encrypt", detail={"file": str(made)})
    return made


SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Plaintext:
    """What an encryption left unencrypted: the plain clinic file with its -wal/-shm, and the
    plain copies of it (backups by folder, `before-restore`/`damaged` files beside it)."""

    clinic: Path
    clinic_files: list[Path]
    copies: dict[Path, list[Path]] = field(default_factory=dict)

    def files(self) -> list[Path]:
        return [*self.clinic_files, *(p for found in self.copies.values() for p in found)]

    def describe(self) -> list[str]:
        """Plain lines for a person."""
        lines = [f"Still unencrypted: the clinic file {f}" for f in self.clinic_files]
        for folder, found in self.copies.items():
            lines.append(f"Still unencrypted: {len(found)} plain backup(s) in {folder}")
        return lines


def _is_plain(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def plaintext_left(ctx: ServiceContext, made: Path) -> Plaintext:
    """The plain files of this clinic that the encrypted copy `made` does not replace: only
    copies named after the clinic (`NAME-daily-…`, `NAME.before-restore-…`) whose first bytes
    are SQLite's plain header; another clinic's files in a shared folder are not counted."""
    from mobileathlete_desktop.services.backups import backup_folder, default_folder
    from mobileathlete_desktop.storage.backup import list_backups
    from mobileathlete_desktop.storage.clinic_files import companions

    path = ctx.db.path
    assert path is not None
    clinic_files = [p for p, _suffix in companions(path) if p.exists()]
    folders = [default_folder(path), path.parent]
    with suppress(InputError, DatabaseError):
        folders.insert(0, backup_folder(ctx))
    skip = {path.resolve(), made.resolve()}
    copies: dict[Path, list[Path]] = {}
    seen: set[Path] = set()
    for folder in folders:
        for backup in list_backups(folder):
            where = backup.path.resolve()
            if where in skip or where in seen or not backup.path.name.startswith(path.stem):
                continue
            seen.add(where)
            if _is_plain(backup.path):
                copies.setdefault(folder, []).append(backup.path)
    return Plaintext(clinic=path, clinic_files=clinic_files, copies=copies)


def remove_plaintext(left: Plaintext, made: Path) -> list[Path]:
    """Unlinks the plain clinic files and plain copies (with their audit heads), holding the
    clinic's lock exclusively: InputError while anyone else has the clinic open. Refuses
    (InputError) unless `made` is still there and not plain. Returns what was removed.
    A note (`<clinic>.moved-to-encrypted`) is left first, naming `made`: no opener creates
    a new, empty clinic at the old path (storage.clinic_files.DatabaseEncryptedAwayError).

    Unlinking is all: on SSDs and journaling file systems overwriting would not guarantee
    the old blocks are gone either (docs/trust.md, Encryption at rest)."""
    from mobileathlete_desktop.services.audit_head_file import head_path
    from mobileathlete_desktop.storage.clinic_files import write_encrypted_note
    from mobileathlete_desktop.storage.clinic_lock import IN_USE, ClinicLock

    if not made.is_file() or _is_plain(made):
        raise InputError(f"the encrypted copy {made} is not there; nothing was removed")
    lock = ClinicLock(left.clinic)
    if not lock.try_exclusive():
        raise InputError(IN_USE)
    removed: list[Path] = []
    try:
        if left.clinic_files:
            # First: from the moment the plain file is gone, no opener makes a new one there.
            write_encrypted_note(left.clinic, made)
        for plain in left.files():
            head = head_path(plain)
            for victim in (plain, head):
                if victim is not None and victim.exists():
                    victim.unlink()
                    removed.append(victim)
    finally:
        lock.release()
    return removed
