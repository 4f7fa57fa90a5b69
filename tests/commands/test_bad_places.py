"""Bad places for the clinic file: a read-only folder, a truncated file. Clear words, no loss."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from mobileathlete_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def mounted(tmp_path: Path) -> Iterator[Path]:
    """A small tmpfs that the test can turn read-only (needs root; skipped otherwise)."""
    mount = tmp_path / "mnt"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_read_only_folder_is_named_and_the_file_untouched(
    mounted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = mounted / "clinic.sqlite3"
    assert run(capsys, "--db", str(db), "demo", "--clients", "2")[0] == 0
    subprocess.run(["mount", "-o", "remount,ro", str(mounted)], check=True)
    before = db.read_bytes()
    code, _, err = run(capsys, "--db", str(db), "clients")
    assert code == 2 and "is read-only" in err and err.count("\n") == 1
    assert db.read_bytes() == before


def test_truncated_database_is_moved_aside_with_a_backup_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "clinic.sqlite3"
    assert run(capsys, "--db", str(db), "demo", "--clients", "4")[0] == 0
    assert run(capsys, "--db", str(db), "backup")[0] == 0
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    code, _, err = run(capsys, "--db", str(db), "clients")
    assert code == 2 and "moved aside untouched" in err and "restore" in err
    [aside] = tmp_path.glob("clinic.damaged-*.sqlite3")
    assert aside.read_bytes() == data[: len(data) // 2]
    backup = err.split("restore ")[-1].strip()
    code, _, err = run(capsys, "--db", str(db), "restore", backup)
    assert code == 0, err
    code, out, _ = run(capsys, "--db", str(db), "clients")
    assert code == 0 and "4 clients" in out
