"""Restore while another process has the clinic open: refused, and nothing that process saves
is lost (before, its later saves went into the file set aside, silently)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services.context import InputError
from mobileathlete_desktop.services.recovery import restore_from_backup
from mobileathlete_desktop.storage.backup import online_backup
from tests.conftest import ClinicTemplates

ROOT = Path(__file__).resolve().parents[2]
ADMIN = Actor(username="admin", display_name="Admin", role="admin")
IN_USE = "The clinic is open on this computer (another window or command); close it first"


class Writer:
    """tests/services/recovery_writer.py in its own process, saving through the services."""

    def __init__(self, db: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.services.recovery_writer", str(db)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.acked: list[int] = []

    def wait_for(self, count: int) -> None:
        """Reads acknowledgements until `count` more saves were acknowledged."""
        assert self.proc.stdout is not None
        goal = len(self.acked) + count
        while len(self.acked) < goal:
            line = self.proc.stdout.readline()
            assert line, "the writer ended"
            self.acked.append(int(line.split()[1]))

    def kill(self) -> None:
        """SIGKILL (the lock goes with the process), then every acknowledgement it printed."""
        assert self.proc.stdout is not None
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        self.acked += [int(line.split()[1]) for line in self.proc.stdout.read().splitlines()]
        self.proc.stdout.close()


@pytest.fixture
def clinic(tmp_path: Path, clinic_templates: ClinicTemplates) -> tuple[Path, Path]:
    """The demo clinic (admin/demo) and a backup of it."""
    path = clinic_templates.copy(tmp_path / "clinic.sqlite3", clients=2)
    backup = online_backup(path, tmp_path / "backups" / "clinic-manual-20260301-080000.sqlite3")
    return path, backup


@pytest.fixture
def writer(clinic: tuple[Path, Path]) -> Iterator[Writer]:
    w = Writer(clinic[0])
    try:
        w.wait_for(3)
        yield w
    finally:
        if w.proc.poll() is None:
            w.kill()


def saved_by_writer(path: Path) -> set[int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT chart_number FROM client WHERE chart_number LIKE 'W-%'")
        return {int(r[0][2:]) for r in rows}
    finally:
        conn.close()


def test_restore_is_refused_while_another_process_has_the_clinic_open_and_nothing_is_lost(
    clinic: tuple[Path, Path], writer: Writer
) -> None:
    path, backup = clinic
    with pytest.raises(InputError, match="open on this computer") as refused:
        restore_from_backup(str(path), backup, lambda _db: ADMIN)
    assert IN_USE in str(refused.value)
    writer.wait_for(5)  # it goes on saving, into the clinic file
    writer.kill()
    assert set(writer.acked) <= saved_by_writer(path)
    assert list(path.parent.glob("*before-restore*")) == []
    # Once nobody else has it open, the same restore goes ahead.
    done = restore_from_backup(str(path), backup, lambda _db: ADMIN)
    assert done.kept_aside is not None and set(writer.acked) <= saved_by_writer(done.kept_aside)
    assert saved_by_writer(path) == set()


def test_the_restore_command_says_so_in_one_line_while_a_window_or_command_has_it_open(
    clinic: tuple[Path, Path], writer: Writer
) -> None:
    path, backup = clinic
    env = dict(os.environ, MOBILEATHLETE_USER="admin", MOBILEATHLETE_PASSWORD="demo")
    done = subprocess.run(
        [sys.executable, "-m", "mobileathlete_desktop", "--db", str(path), "restore", str(backup)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert IN_USE in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    writer.wait_for(3)
    writer.kill()
    assert set(writer.acked) <= saved_by_writer(path)
