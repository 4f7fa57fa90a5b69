"""Backup files: checking one, restoring it (the current file kept aside), a full disk."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services.clients import ClientInput, create_client, search_clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.errors import StorageFull
from mobileathlete_desktop.storage import backup as backup_module
from mobileathlete_desktop.storage.backup import (
    BackupError,
    check_backup_file,
    move_aside,
    online_backup,
    restore_file,
)
from mobileathlete_desktop.storage.database import open_database

THERAPIST = Actor(username="pt", display_name="Pat Physio", role="therapist")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not a SQLite database"),
        (b"PK\x03\x04 a zip file" * 10, "not a SQLite database"),
        (os.urandom(4096), "not a SQLite database"),
        ("sqlite-other", "without the clinic's tables"),
    ],
    ids=["empty", "zip", "random", "other-sqlite"],
)
def test_a_file_that_is_not_a_backup_is_refused(
    tmp_path: Path, content: bytes | str, message: str
) -> None:
    path = tmp_path / "candidate.sqlite3"
    if content == "sqlite-other":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE invoices (id INTEGER)")
        conn.commit()
        conn.close()
    else:
        assert isinstance(content, bytes)
        path.write_bytes(content)
    with pytest.raises(BackupError, match=message):
        check_backup_file(path)


def test_restore_keeps_the_current_file_aside(ctx: ServiceContext, tmp_path: Path) -> None:
    create_client(ctx, ClientInput("T-1", "Testa", "Runnerton"))
    assert ctx.db.path is not None
    saved = online_backup(ctx.db.path, tmp_path / "b" / "clinic-manual-20260101-000000.sqlite3")
    create_client(ctx, ClientInput("T-2", "Bexa", "Striderton"))
    ctx.db.dispose()
    aside = restore_file(saved, ctx.db.path)
    assert aside is not None and ".before-restore-" in aside.name
    again = open_database(ctx.db.path)
    found = search_clients(ServiceContext(again, actor=THERAPIST))
    assert [c.chart_number for c in found] == ["T-1"]
    again.dispose()
    kept = open_database(aside)
    found = search_clients(ServiceContext(kept, actor=THERAPIST))
    assert {c.chart_number for c in found} == {"T-1", "T-2"}
    kept.dispose()


def test_restore_of_a_non_backup_changes_nothing(ctx: ServiceContext, tmp_path: Path) -> None:
    assert ctx.db.path is not None
    create_client(ctx, ClientInput("T-1", "Testa", "Runnerton"))
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"hello" * 100)
    with pytest.raises(BackupError, match="Not a Mobile Athlete backup"):
        restore_file(junk, ctx.db.path)
    assert [c.chart_number for c in search_clients(ctx)] == ["T-1"]
    assert list(tmp_path.glob("*before-restore*")) == []


def test_move_aside_renames_untouched(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    path.write_bytes(b"damaged bytes")
    (tmp_path / "clinic.sqlite3-wal").write_bytes(b"wal bytes")
    moved = move_aside(path, "damaged")
    assert not path.exists() and moved.read_bytes() == b"damaged bytes"
    assert moved.with_name(moved.name + "-wal").read_bytes() == b"wal bytes"


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB tmpfs (needs root; skipped where it cannot be mounted): room for a new clinic
    (schema, write-ahead log and shared memory), little more."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root); the monkeypatched test covers it")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> None:
    with (folder / "filler").open("wb", buffering=0) as fh, contextlib.suppress(OSError):
        while True:
            fh.write(b"\0" * 4096)


def test_backup_to_a_full_disk_says_so_and_leaves_nothing_half_written(
    ctx: ServiceContext, tiny_disk: Path
) -> None:
    assert ctx.db.path is not None
    for n in range(300):
        create_client(ctx, ClientInput(f"T-{n}", "Testa", "Runnerton" * 10))
    fill(tiny_disk)
    target = tiny_disk / "b.sqlite3"
    with pytest.raises(BackupError, match=r"full|space"):
        online_backup(ctx.db.path, target)
    assert not target.exists() and list(tiny_disk.glob("*.part")) == []
    assert len(search_clients(ctx)) == 300


def test_saving_on_a_full_disk_keeps_what_was_stored(tiny_disk: Path) -> None:
    db = open_database(tiny_disk / "clinic.sqlite3")
    ctx = ServiceContext(db, actor=THERAPIST)
    create_client(ctx, ClientInput("T-1", "Testa", "Runnerton"))
    fill(tiny_disk)
    stored = ["T-1"]
    # One sentence for a person (services.errors), the driver's words kept as the reason.
    with pytest.raises(StorageFull, match="disk holding the clinic database is full") as full:
        for n in range(2, 2000):
            stored.append(create_client(ctx, ClientInput(f"T-{n}", "T", "R" * 90)).chart_number)
    assert full.value.reason == "database or disk is full"
    (tiny_disk / "filler").unlink()
    assert sorted(c.chart_number for c in search_clients(ctx)) == sorted(stored)
    db.dispose()
    with sqlite3.connect(tiny_disk / "clinic.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_disk_full_during_backup_simulated(
    ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where no tmpfs can be mounted: SQLite's own 'disk is full' error from the copy."""
    assert ctx.db.path is not None
    create_client(ctx, ClientInput("T-1", "Testa", "Runnerton"))
    real_connect = sqlite3.connect

    class FullDisk:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def backup(self, target: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        def __getattr__(self, name: str) -> object:
            return getattr(self.conn, name)

    monkeypatch.setattr(
        backup_module.sqlite3, "connect", lambda *a, **k: FullDisk(real_connect(*a, **k))
    )
    target = tmp_path / "out.sqlite3"
    with pytest.raises(BackupError, match="database or disk is full"):
        online_backup(ctx.db.path, target)
    monkeypatch.undo()
    assert not target.exists() and list(tmp_path.glob("*.part")) == []
    assert [c.chart_number for c in search_clients(ctx)] == ["T-1"]
