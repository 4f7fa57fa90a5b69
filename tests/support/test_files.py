"""Atomic writes: the whole new file or the old one, durable, and no partial file left."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

import pytest

from mobileathlete_desktop.support import files
from mobileathlete_desktop.support.files import (
    AtomicWriteError,
    atomic_path,
    atomic_write,
    atomic_write_text,
)


def leftovers(folder: Path, *keep: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_the_content_lands_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    assert atomic_write(target, lambda fh: fh.write(b"%PDF new")) == target
    assert target.read_bytes() == b"%PDF new"
    assert leftovers(tmp_path, "report.pdf") == []


def test_text_is_utf8_without_newline_translation(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    atomic_write_text(target, lambda fh: fh.write("chart,név\r\nT-1,Ω\n"))
    assert target.read_bytes() == "chart,név\r\nT-1,Ω\n".encode()


def test_a_failure_keeps_the_old_file_and_leaves_no_partial(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.write_bytes(b"old content")

    def half_then_fail(fh: BinaryIO) -> None:
        fh.write(b"half of the new")
        raise ValueError("the producer broke")

    with pytest.raises(ValueError, match="the producer broke"):
        atomic_write(target, half_then_fail)
    assert target.read_bytes() == b"old content"
    assert leftovers(tmp_path, "export.csv") == []


def test_a_full_disk_is_said_plainly_and_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "handout.pdf"
    target.write_bytes(b"old handout")

    def disk_full(fh: BinaryIO) -> None:
        fh.write(b"some pages")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(AtomicWriteError) as caught:
        atomic_write(target, disk_full)
    error = caught.value
    assert isinstance(error, OSError) and error.errno == errno.ENOSPC
    assert str(error).startswith(f"Cannot write {target}: ")
    assert "the disk is full" in str(error)
    assert target.read_bytes() == b"old handout"
    assert leftovers(tmp_path, "handout.pdf") == []


def test_a_folder_that_cannot_take_the_file_is_a_write_error(tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "x.csv"
    with pytest.raises(AtomicWriteError, match="folder does not exist"):
        atomic_write(missing, lambda fh: fh.write(b"x"))


def test_the_file_and_then_its_folder_are_fsynced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        mode = os.fstat(fd).st_mode
        synced.append("folder" if stat.S_ISDIR(mode) else "file")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(files.os, "name", "posix")
    real_replace = os.replace

    def replace(source: Path, target: Path) -> None:
        synced.append("rename")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    atomic_write(tmp_path / "a.bin", lambda fh: fh.write(b"data"))
    assert synced == ["file", "rename", "folder"]


def test_no_folder_fsync_on_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    monkeypatch.setattr(files.os, "name", "nt")
    monkeypatch.setattr(os, "fsync", synced.append)
    files.fsync_folder(tmp_path)
    assert synced == []


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "shared.csv"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write(target, lambda fh: fh.write(b"new"))
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_atomic_path_hands_a_file_name_to_code_that_writes_by_name(tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    with atomic_path(target) as temp:
        assert temp.parent == tmp_path and temp != target and not target.exists()
        temp.write_bytes(b"SQLite format 3\0")
    assert target.read_bytes() == b"SQLite format 3\0"
    assert leftovers(tmp_path, "copy.sqlite3") == []

    with pytest.raises(RuntimeError), atomic_path(target) as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("integrity check failed")
    assert target.read_bytes() == b"SQLite format 3\0"
    assert leftovers(tmp_path, "copy.sqlite3") == []
