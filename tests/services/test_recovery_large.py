"""A large clinic (checked in full only off the start-up path) with one damaged page: the
commands and `check` handle it like any damage, in one line, with the file set aside and a
backup named (before: 60-line tracebacks, nothing set aside, no backup offered)."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mobileathlete_desktop.cli import main
from mobileathlete_desktop.storage import database
from mobileathlete_desktop.storage.backup import online_backup
from tests.conftest import ClinicTemplates

ROOT = Path(__file__).resolve().parents[2]


def damage_table(path: Path, table: str) -> None:
    """Overwrites the root page of `table` (not the schema page: the file still opens)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
    finally:
        conn.close()
    with path.open("r+b") as fh:
        fh.seek((root[0] - 1) * page_size)
        fh.write(b"\xa5" * page_size)


@pytest.fixture
def big_and_damaged(
    tmp_path: Path, clinic_templates: ClinicTemplates, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path]:
    """The demo clinic with a good backup, treated as large (no full check at opening), then
    the client table's root page overwritten."""
    monkeypatch.setattr(database, "FULL_CHECK_MAX_BYTES", 1024)
    path = clinic_templates.copy(tmp_path / "clinic.sqlite3", clients=6)
    backup = online_backup(path, tmp_path / "backups" / "clinic-daily-20260301-080000.sqlite3")
    damage_table(path, "client")
    return path, backup


@pytest.mark.parametrize(
    "command",
    [["clients"], ["export", "csv", "--out", "OUT"]],
    ids=["clients", "export"],
)
def test_a_command_meeting_a_damaged_page_sets_the_file_aside_and_names_the_backup(
    big_and_damaged: tuple[Path, Path],
    command: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, backup = big_and_damaged
    argv = [str(tmp_path / "out.csv") if a == "OUT" else a for a in command]
    code = main(["--db", str(path), *argv])
    _out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in err
    [line] = [x for x in err.splitlines() if "damaged" in x]
    assert "moved aside untouched" in line and str(backup) in line
    assert not path.exists() and list(tmp_path.glob("clinic.damaged-*.sqlite3"))


def test_check_reports_a_damaged_page_in_a_large_file_without_a_traceback(
    big_and_damaged: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _backup = big_and_damaged
    before = path.read_bytes()
    code = main(["--db", str(path), "check"])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    assert re.search(r"PROBLEM: (integrity|Database is damaged)", out) and "ok:" not in out
    assert path.read_bytes() == before  # check changes nothing


@pytest.mark.slow
def test_a_real_large_clinic_with_a_damaged_page_is_handled_by_every_command(
    tmp_path: Path,
) -> None:
    """Over 32 MB (no monkeypatching: the real threshold), through the installed command."""
    sys.path.insert(0, str(ROOT))
    from bench.build import BENCH_PASSWORD, BENCH_USER, Scale, build_clinic

    path = tmp_path / "clinic.sqlite3"
    build_clinic(path, Scale(clients=3_000, assessments=16_000))
    assert path.stat().st_size > database.FULL_CHECK_MAX_BYTES
    backup = online_backup(path, tmp_path / "backups" / "clinic-daily-20260301-080000.sqlite3")
    damage_table(path, "client")
    env = dict(os.environ, MOBILEATHLETE_USER=BENCH_USER, MOBILEATHLETE_PASSWORD=BENCH_PASSWORD)

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mobileathlete_desktop", "--db", str(path), *argv],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    checked = run("check")
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert re.search(r"PROBLEM: (integrity|Database is damaged)", checked.stdout)
    listed = run("clients")
    assert listed.returncode == 1 and "Traceback" not in listed.stderr, listed.stderr
    assert str(backup) in listed.stderr and not path.exists()
