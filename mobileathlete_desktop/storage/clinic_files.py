"""The files beside a clinic's SQLite file that recovery relies on.

`NAME.damaged-moved-aside`: the note left where a damaged file was moved aside (no opener
creates a new clinic while it is there). `NAME.moved-to-encrypted`: the same, where the plain
file was removed after an encrypted copy was made. `NAME.backup-folder`: the admin's backup
folder, for when the clinic cannot be read. `NAME.opening-copy[-wal|-shm]`: the byte-for-byte
copy of a file with a leftover write-ahead log, taken before SQLite opens it and put back if
it proves damaged.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import datetime
from pathlib import Path
from typing import TextIO

from mobileathlete_desktop.storage.errors import DatabaseError
from mobileathlete_desktop.support.files import atomic_write_text, make_owner_only

SET_ASIDE_SUFFIX = ".damaged-moved-aside"
"""The note left where a damaged clinic file was moved aside (`<file>.damaged-moved-aside`)."""
SNAPSHOT_SUFFIX = ".opening-copy"
"""A byte-identical copy of a file and its -wal/-shm, taken before opening a file with a
write-ahead log left by a process that ended without closing it (see `open_database`)."""
ENCRYPTED_SUFFIX = ".moved-to-encrypted"
"""The note left where the plain clinic file was removed once its encrypted copy was made."""
BACKUP_FOLDER_SUFFIX = ".backup-folder"
"""A one-line file beside the clinic naming the admin's backup folder, for when the
database itself cannot be read."""


class DatabaseSetAsideError(DatabaseError):
    """The clinic file was damaged and moved aside: no new clinic is created in its place.

    `note` is what was recorded then: "at" (ISO time), "moved_to", "error".
    """

    def __init__(self, path: Path, note: dict[str, str]) -> None:
        when = note.get("at", "?")[:16].replace("T", " ")
        super().__init__(
            f"The clinic file {path} was damaged and set aside on {when}"
            + (f" (kept as {note['moved_to']})" if note.get("moved_to") else "")
            + f"; restore a backup: mobileathlete --db {path} restore BACKUP-FILE"
        )
        self.path = path
        self.note = note


class DatabaseEncryptedAwayError(DatabaseError):
    """The plain clinic file was removed after an encrypted copy was made: no new clinic is
    created in its place. `note` holds "at" (ISO time) and "encrypted_to"."""

    def __init__(self, path: Path, note: dict[str, str]) -> None:
        when = note.get("at", "?")[:10] or "?"
        to = note.get("encrypted_to") or "the encrypted copy"
        super().__init__(
            f"This clinic was encrypted on {when} to {to} and the plain file removed; "
            f"start with --db {to} (and its key in MOBILEATHLETE_DB_KEY)"
        )
        self.path = path
        self.note = note


def encrypted_note_path(db_path: Path) -> Path:
    """Where the note about a plain file removed for its encrypted copy is kept."""
    return db_path.with_name(db_path.name + ENCRYPTED_SUFFIX)


def write_encrypted_note(db_path: Path, encrypted_to: Path, now: datetime | None = None) -> Path:
    """Leaves the note beside `db_path` (atomically, owner-only) naming the encrypted copy."""
    note = {
        "at": (now or datetime.now()).isoformat(timespec="seconds"),
        "encrypted_to": str(encrypted_to.resolve()),
    }
    target = encrypted_note_path(db_path)

    def produce(fh: TextIO) -> None:
        fh.write(json.dumps(note))

    atomic_write_text(target, produce)
    make_owner_only(target)
    return target


def _read_note(note: Path) -> dict[str, str] | None:
    try:
        raw = note.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError:
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def read_encrypted_note(db_path: Path) -> dict[str, str] | None:
    """The note left when the plain clinic file was removed for its encrypted copy, or None."""
    return _read_note(encrypted_note_path(db_path))


def set_aside_note_path(db_path: Path) -> Path:
    """Where the note about a damaged file moved aside is kept (beside the database)."""
    return db_path.with_name(db_path.name + SET_ASIDE_SUFFIX)


def read_set_aside_note(db_path: Path) -> dict[str, str] | None:
    """The note left when the damaged clinic file was moved aside, or None."""
    return _read_note(set_aside_note_path(db_path))


def companions(path: Path) -> list[tuple[Path, str]]:
    """The SQLite file and its write-ahead log and shared-memory files, with their suffixes."""
    return [(path.with_name(path.name + s), s) for s in ("", "-wal", "-shm")]


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _manifest(snapshot: Path) -> Path:
    """Written last when a snapshot is complete (listing the suffixes the originals had) and
    removed first when it is dropped: while it is there, the copies are the originals."""
    return snapshot.with_name(snapshot.name + ".list")


def take_snapshot(path: Path) -> Path | None:
    """Copies the file with its -wal and -shm, byte for byte, when a non-empty write-ahead
    log is there (a process ended without closing it): opening would fold the log into the
    file and delete it, and if the file then proves damaged its original bytes are needed.

    A complete snapshot left by an open killed before it put the copy back or dropped it
    holds the originals (nothing is written before the open ends): it is put back first,
    never overwritten by a copy of what that open changed. An incomplete one is dropped."""
    snapshot = path.with_name(path.name + SNAPSHOT_SUFFIX)
    if _manifest(snapshot).exists():
        put_back(snapshot, path)
    else:
        drop_snapshot(snapshot)
    wal = path.with_name(path.name + "-wal")
    try:
        if wal.stat().st_size == 0:
            return None
    except FileNotFoundError:
        return None
    had: list[str] = []
    for source, suffix in companions(path):
        copy = snapshot.with_name(snapshot.name + suffix)
        if source.exists():
            shutil.copyfile(source, copy)
            fsync_file(copy)
            had.append(suffix)
    manifest = _manifest(snapshot)
    manifest.write_text(json.dumps(had), encoding="utf-8")
    fsync_file(manifest)
    return snapshot


def put_back(snapshot: Path, path: Path) -> None:
    """Puts the copied files back over the ones opening changed (the originals, exactly).
    Safe to run again after a kill midway: a copy already moved back is skipped."""
    manifest = _manifest(snapshot)
    try:
        had = set(json.loads(manifest.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        had = {suffix for copy, suffix in companions(snapshot) if copy.exists()}
    for copy, suffix in companions(snapshot):
        live = path.with_name(path.name + suffix)
        if copy.exists():
            os.replace(copy, live)
        elif suffix not in had:
            live.unlink(missing_ok=True)
    manifest.unlink(missing_ok=True)


def drop_snapshot(snapshot: Path | None) -> None:
    if snapshot is not None:
        _manifest(snapshot).unlink(missing_ok=True)  # first: the copies are no longer needed
        for copy, _suffix in companions(snapshot):
            copy.unlink(missing_ok=True)
