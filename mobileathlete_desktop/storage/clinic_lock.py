"""The lock file beside a clinic's SQLite file: shared by every process that has it open,
exclusive while a restore replaces the file.

SQLite's own locks last only as long as a transaction; between two saves a running window
holds none, so a restore could swap the file under it and its next saves would go to the
file set aside. Every `open_database` of a SQLite file therefore holds a shared lock on
`<file>.lock` until it is disposed, and a restore takes the exclusive lock without
waiting: while anyone else has the clinic open, it refuses.

POSIX: `fcntl.flock` (shared / exclusive on one open file; released by the kernel when the
process ends, even under SIGKILL). Windows has no shared `msvcrt` lock, so each opener
locks one byte of a range of slots and the restore tries to lock the whole range.
"""

from __future__ import annotations

import contextlib
import os
import time
import weakref
from pathlib import Path

from mobileathlete_desktop.storage.errors import DatabaseError

LOCK_SUFFIX = ".lock"
IN_USE = "The clinic is open on this computer (another window or command); close it first"
_WINDOWS_SLOTS = 4096


class ClinicInUse(DatabaseError):
    """Someone else has the clinic open (a restore is refused) or is restoring it."""


def lock_path(db_path: Path) -> Path:
    """The lock file for a clinic file: `<file>.lock` beside it."""
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


class _Fd:
    """A raw descriptor for the lock file, closed by `close()` or when it is collected (a
    Database dropped without dispose() lets go of its lock then, without a warning)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self._finalizer = weakref.finalize(self, os.close, fd)

    def fileno(self) -> int:
        return self.fd

    def seek(self, offset: int) -> None:
        os.lseek(self.fd, offset, os.SEEK_SET)

    def close(self) -> None:
        self._finalizer()


class ClinicLock:
    """One process's hold on a clinic's lock file (shared or exclusive), or none."""

    def __init__(self, db_path: Path) -> None:
        self.path = lock_path(db_path)
        self._file: _Fd | None = None
        self._slot: int | None = None

    @property
    def held(self) -> bool:
        """Whether this object holds the lock (either kind)."""
        return self._file is not None

    def _open(self) -> _Fd:
        return _Fd(os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600))

    def try_shared(self) -> bool:
        """Takes the shared lock without waiting; False while a restore holds it."""
        if self._file is not None:
            return True
        fh = self._open()
        if _lock(fh, exclusive=False, slot_holder=self):
            self._file = fh
            return True
        fh.close()
        return False

    def shared(self, timeout: float) -> None:
        """Takes the shared lock, waiting up to `timeout` seconds for a restore to finish."""
        deadline = time.monotonic() + timeout
        while not self.try_shared():
            if time.monotonic() >= deadline:
                raise ClinicInUse(
                    f"The clinic {self.path.with_suffix('')} is being restored; try again"
                )
            time.sleep(0.05)

    def try_exclusive(self) -> bool:
        """Takes the exclusive lock without waiting; False while anyone else holds it."""
        if self._file is not None:
            raise RuntimeError("release the lock before taking it again")
        fh = self._open()
        if _lock(fh, exclusive=True, slot_holder=self):
            self._file = fh
            return True
        fh.close()
        return False

    def exclusive(self) -> None:
        """Takes the exclusive lock, or raises ClinicInUse at once."""
        if not self.try_exclusive():
            raise ClinicInUse(IN_USE)

    def release(self) -> None:
        """Lets go of the lock (closing the file releases it; a kill releases it too)."""
        fh, self._file = self._file, None
        if fh is not None:
            _unlock(fh, self)
            fh.close()


def _lock(fh: _Fd, *, exclusive: bool, slot_holder: ClinicLock) -> bool:
    if os.name == "nt":  # pragma: no cover - Windows only
        return _windows_lock(fh, exclusive, slot_holder)
    import fcntl

    try:
        fcntl.flock(fh.fileno(), (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fh: _Fd, holder: ClinicLock) -> None:
    if os.name == "nt":  # pragma: no cover - Windows only
        import msvcrt

        start, length = (1, _WINDOWS_SLOTS) if holder._slot is None else (1 + holder._slot, 1)
        fh.seek(start)
        with contextlib.suppress(OSError):
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, length)  # type: ignore[attr-defined]
        holder._slot = None
        return
    import fcntl

    fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _windows_lock(
    fh: _Fd, exclusive: bool, holder: ClinicLock
) -> bool:  # pragma: no cover - Windows only
    """Exclusive: the whole slot range; shared: any one free slot of it."""
    import msvcrt

    def try_range(start: int, length: int) -> bool:
        fh.seek(start)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, length)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True

    if exclusive:
        holder._slot = None
        return try_range(1, _WINDOWS_SLOTS)
    first = os.getpid() % _WINDOWS_SLOTS
    for n in range(_WINDOWS_SLOTS):
        slot = (first + n) % _WINDOWS_SLOTS
        if try_range(1 + slot, 1):
            holder._slot = slot
            return True
    return False
