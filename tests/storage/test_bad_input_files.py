"""Files the program makes hold health data: on POSIX they are the owner's alone (files 0600,
folders 0700), whatever the umask; and half-written copies left by a killed backup do not
pile up."""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.checks import daily_backup_problem
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.exports import export_csv
from mobileathlete_desktop.storage.backup import online_backup
from mobileathlete_desktop.storage.database import open_database, user_data_dir
from mobileathlete_desktop.support.files import remove_stale_parts
from mobileathlete_desktop.support.logs import configure_logging, shutdown_logging

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    """A umask that lets everyone read (the common default): the program must not rely on it."""
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def test_a_new_database_and_its_wal_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "new" / "clinic.sqlite3"
    path.parent.mkdir()
    db = open_database(path)
    try:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("CREATE TABLE t (x)")
            conn.exec_driver_sql("INSERT INTO t VALUES (1)")
            conn.commit()
        for name in ("clinic.sqlite3", "clinic.sqlite3-wal", "clinic.sqlite3-shm"):
            assert mode(path.parent / name) == 0o600, name
    finally:
        db.dispose()


def test_folders_the_program_makes_are_owner_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOBILEATHLETE_DATA_DIR", str(tmp_path / "data"))
    assert mode(user_data_dir()) == 0o700
    logs = tmp_path / "logs"
    configure_logging(log_dir=logs)
    shutdown_logging()
    assert mode(logs) == 0o700
    assert all(mode(p) == 0o600 for p in logs.iterdir())


def test_backups_and_exports_are_owner_only(
    ctx: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    clients.create_client(ctx, clients.ClientInput("F-1", "Fi", "Le", date(1990, 1, 1)))
    assert ctx.db.path is not None
    backup = online_backup(ctx.db.path, tmp_path / "made" / "backups" / "b.sqlite3")
    assert mode(backup) == 0o600
    assert mode(backup.parent) == 0o700 and mode(backup.parent.parent) == 0o700
    out = tmp_path / "values.csv"
    export_csv(admin_ctx, out)
    assert mode(out) == 0o600


def _part(folder: Path, name: str, age_s: float) -> Path:
    part = folder / f".{name}.abc123.part"
    part.write_bytes(b"half a backup")
    then = time.time() - age_s
    os.utime(part, (then, then))
    return part


def test_stale_part_files_are_removed_and_fresh_ones_kept(tmp_path: Path) -> None:
    old = _part(tmp_path, "clinic-daily.sqlite3", 3 * 3600)
    fresh = _part(tmp_path, "clinic-daily2.sqlite3", 10)
    other = tmp_path / "notes.part"  # not one of ours (no leading dot)
    other.write_text("x")
    os.utime(other, (time.time() - 9999, time.time() - 9999))
    assert remove_stale_parts(tmp_path) == [old]
    assert not old.exists() and fresh.exists() and other.exists()


def test_start_up_cleans_leftovers_of_a_killed_backup(system_ctx: ServiceContext) -> None:
    assert system_ctx.db.path is not None
    folder = system_ctx.db.path.parent / "backups"
    folder.mkdir(exist_ok=True)
    old = _part(folder, "clinic-daily-20250101-000000.sqlite3", 3 * 3600)
    beside = _part(system_ctx.db.path.parent, "clinic.sqlite3", 3 * 3600)
    fresh = _part(folder, "clinic-daily-20250101-000001.sqlite3", 5)
    daily_backup_problem(system_ctx)
    assert not old.exists() and not beside.exists() and fresh.exists()


def test_the_command_line_makes_owner_only_files_whatever_the_umask(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mobileathlete_desktop.cli import main

    db = tmp_path / "clinic.sqlite3"
    assert main(["--db", str(db), "demo", "--clients", "1"]) == 0
    assert main(["--db", str(db), "backup"]) == 0
    assert main(["--db", str(db), "export", "fhir", "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    made = list(tmp_path.rglob("*"))
    assert made and {str(p): mode(p) for p in made} == {
        str(p): 0o700 if p.is_dir() else 0o600 for p in made
    }
    assert os.umask(0o022) == 0o022  # put back after the command
