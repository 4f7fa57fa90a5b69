"""A clinic file looked at before SQLAlchemy opens it: a missing folder, a folder, an empty
file, another kind of file or a cut copy each get a clear error (storage/database.py)."""

from __future__ import annotations

from pathlib import Path

from mobileathlete_desktop.storage.errors import DatabaseDamagedError, DatabaseError


def check_sqlite_file(path: Path, encrypted: bool = False) -> None:
    """Clear errors for a missing folder or a file that is not SQLite, before SQLAlchemy tries."""
    if not path.parent.is_dir():
        raise DatabaseError(f"Folder does not exist: {path.parent}")
    if path.exists() and not encrypted:
        if path.is_dir():
            raise DatabaseError(f"Not a database file (it is a folder): {path}")
        with path.open("rb") as fh:
            header = fh.read(16)
        if not header:
            # The program never leaves an empty clinic file (new clinics are built beside and
            # renamed in): 0 bytes is a cut copy or a full disk, not a new clinic.
            raise DatabaseDamagedError(f"Database is damaged (the file is empty, 0 bytes): {path}")
        if header != b"SQLite format 3\x00":
            raise DatabaseDamagedError(
                f"Not a SQLite database (damaged or another kind of file): {path}"
            )
        problem = truncation(path)
        if problem:
            raise DatabaseDamagedError(f"Database is damaged ({problem}): {path}")


def truncation(path: Path) -> str | None:
    """Why the file is shorter than its own header says (a cut copy, a full disk), or None.

    Reads 100 bytes: the header's page size and page count. The count is trusted only when
    SQLite marked it valid (the "version-valid-for" number equals the change counter).
    """
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) < 100:
        return f"only {len(header)} bytes"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    change_counter = int.from_bytes(header[24:28], "big")
    pages = int.from_bytes(header[28:32], "big")
    valid_for = int.from_bytes(header[92:96], "big")
    if pages and valid_for == change_counter:
        expected = pages * page_size
        size = path.stat().st_size
        if size < expected:
            return f"file is {size} bytes, its header says {expected}"
    return None


def is_damage(reason: str) -> bool:
    """Whether SQLite's error says the file is damaged (not a database, malformed)."""
    return "not a database" in reason or "malformed" in reason
