"""Writing a file so that it is either the whole new content or still the old one.

The content goes to a temporary sibling (same folder, so the rename stays on one file
system), which is flushed and fsynced, renamed over the target with `os.replace`, and then
the folder itself is fsynced (POSIX) so that the rename survives a power cut too. On any
failure the partial file is removed and the target is left as it was.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import BinaryIO, TextIO

PART_SUFFIX = ".part"

# An OSError with one of these, raised while the content is produced, is about the target
# (it could not be written) and is reported as such; any other is the producer's own.
_WRITE_ERRNOS = frozenset(
    code
    for code in (
        errno.ENOSPC,
        getattr(errno, "EDQUOT", None),
        errno.EFBIG,
        errno.EIO,
        errno.EROFS,
    )
    if code is not None
)
_PLAIN_REASONS = {
    errno.ENOSPC: "the disk is full",
    getattr(errno, "EDQUOT", -1): "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.ENOENT: "the folder does not exist",
}


class AtomicWriteError(OSError):
    """The target could not be written; the old file (if any) is untouched.

    `errno` is the cause's; `strerror` says it plainly; `str()` names the file.
    """

    def __init__(self, path: Path, cause: OSError) -> None:
        reason = cause.strerror or str(cause)
        plain = _PLAIN_REASONS.get(cause.errno or 0)
        if plain and plain.lower() not in reason.lower():
            reason = f"{reason} ({plain})"
        super().__init__(cause.errno, reason, str(path))
        self.path = path

    def __str__(self) -> str:
        return f"Cannot write {self.path}: {self.strerror}"


def fsync_folder(folder: Path) -> None:
    """Makes a rename or new file in `folder` durable (POSIX; a no-op on Windows, where a
    folder cannot be opened for fsync). A file system that does not support it is skipped."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def _fsync_path(path: Path) -> None:
    # Opened for writing: Windows' fsync (_commit) refuses a read-only descriptor.
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temp_sibling(path: Path) -> Path:
    folder = path.parent
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PART_SUFFIX, dir=folder)
    except OSError as exc:
        raise AtomicWriteError(path, exc) from exc
    os.close(fd)
    return Path(name)


def _commit(temp: Path, path: Path) -> None:
    """fsync the finished temporary file, rename it over `path`, fsync the folder.

    A file replaced keeps its permissions; a new one has mkstemp's owner-only ones."""
    try:
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temp, stat.S_IMODE(os.stat(path).st_mode))
        _fsync_path(temp)
        os.replace(temp, path)
        fsync_folder(path.parent)
    except OSError as exc:
        raise AtomicWriteError(path, exc) from exc


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yields an empty temporary sibling of `path` for code that writes by file name (SQLite's
    backup, SQLCipher's export); on a clean exit it is fsynced and renamed over `path`.

    On an exception the temporary file is removed, `path` is untouched and the exception
    goes on. Raises AtomicWriteError when the folder cannot take the file.
    """
    path = Path(path)
    temp = _temp_sibling(path)
    try:
        yield temp
        _commit(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def atomic_write(path: Path, produce: Callable[[BinaryIO], None]) -> Path:
    """Writes `path` with `produce(binary_file)`, all or nothing; returns `path`.

    Raises AtomicWriteError (an OSError naming the file, plainly worded: a full disk says
    so) when the file cannot be written; any other exception from `produce` goes on as it
    is. Either way no partial file is left and an existing `path` keeps its old content.
    """
    path = Path(path)
    with atomic_path(path) as temp:
        try:
            with temp.open("wb") as fh:
                produce(fh)
        except OSError as exc:
            if exc.errno in _WRITE_ERRNOS and not isinstance(exc, AtomicWriteError):
                raise AtomicWriteError(path, exc) from exc
            raise
    return path


def atomic_write_text(
    path: Path,
    produce: Callable[[TextIO], None],
    *,
    encoding: str = "utf-8",
    newline: str | None = "",
) -> Path:
    """`atomic_write` for text: `produce` gets a text file (UTF-8, no newline translation by
    default, which is what the csv module expects)."""

    def binary(fh: BinaryIO) -> None:
        text = io.TextIOWrapper(fh, encoding=encoding, newline=newline)
        try:
            produce(text)
            text.flush()
        finally:
            text.detach()

    return atomic_write(path, binary)


OWNER_ONLY_FILE = 0o600
OWNER_ONLY_FOLDER = 0o700
STALE_PART_AGE = timedelta(hours=1)
"""A temporary `.part` file untouched this long is a leftover: a running backup or export
writes to its file all the time, and none takes an hour without writing."""


@contextlib.contextmanager
def owner_only_files() -> Iterator[None]:
    """While it lasts, every file and folder the process creates is the owner's alone (POSIX:
    077 added to the umask, so SQLite's, Qt's and the log's files too; the umask is put back
    after). A no-op on Windows, whose per-user folders are private already."""
    if os.name != "posix":
        yield
        return
    before = os.umask(0o077)
    os.umask(before | 0o077)
    try:
        yield
    finally:
        os.umask(before)


def make_owner_only(*paths: Path) -> None:
    """chmod 0600 (0700 for a folder) on those of `paths` that exist (POSIX only)."""
    if os.name != "posix":
        return
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            os.chmod(path, OWNER_ONLY_FOLDER if Path(path).is_dir() else OWNER_ONLY_FILE)


def private_folder(path: Path) -> Path:
    """Creates `path` (and missing parents) as folders only the owner may enter; a folder
    that exists already keeps its permissions (an admin may share one on purpose)."""
    path = Path(path)
    missing = [p for p in (path, *path.parents) if not p.exists()]
    path.mkdir(parents=True, exist_ok=True)
    make_owner_only(*missing)
    return path


def remove_stale_parts(
    folder: Path, older_than: timedelta = STALE_PART_AGE, pattern: str = f".*{PART_SUFFIX}"
) -> list[Path]:
    """Removes the temporary files (`.<name>.<random>.part`, see `atomic_path`; or those
    matching another glob `pattern`) in `folder` untouched for `older_than`: left by a
    program killed while writing, never one being written now. Returns what was removed; a
    file that cannot be removed is left."""
    removed: list[Path] = []
    limit = time.time() - older_than.total_seconds()
    try:
        candidates = list(Path(folder).glob(pattern))
    except OSError:
        return removed
    for part in candidates:
        try:
            if part.is_file() and part.stat().st_mtime < limit:
                part.unlink()
                removed.append(part)
        except OSError:
            continue
    return removed


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer (a reused id counts as alive)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - Windows only; os.kill would terminate it there
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: it runs, as someone else
        return True
    return True


def remove_dead_pid_files(folder: Path, pattern: str, name: re.Pattern[str]) -> list[Path]:
    """Removes the files in `folder` matching the glob `pattern` whose name matches `name`
    (a regex with a group `pid`) and names a process that no longer runs: what a killed
    program was building. Returns what was removed; a file that cannot be removed is left."""
    removed: list[Path] = []
    try:
        candidates = list(Path(folder).glob(pattern))
    except OSError:
        return removed
    for leftover in candidates:
        match = name.fullmatch(leftover.name)
        if match is None or pid_alive(int(match.group("pid"))):
            continue
        try:
            if leftover.is_file():
                leftover.unlink()
                removed.append(leftover)
        except OSError:
            continue
    return removed
