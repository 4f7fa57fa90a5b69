"""Restore and clinic creation under SIGKILL at random moments: the clinic's path always holds
a whole clinic (the old one or the new one), never nothing, never half a file."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mobileathlete_desktop.services.clients import ClientInput, create_client
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.backup import online_backup
from mobileathlete_desktop.storage.database import open_database
from mobileathlete_desktop.storage.migrations_runner import HEAD_REVISION, current_revision

ROOT = Path(__file__).resolve().parents[2]
KILLS = 20


class Server:
    """The fork server of tests/storage/kill_child.py, driven line by line."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.storage.kill_child"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.n = 0
        self.took = 0.0
        """How long the last operation that finished took, from its start."""

    def run(self, line: str, kill_after: float | None) -> bool:
        """Runs one operation in a fresh child, SIGKILLed after `kill_after` seconds (None:
        left to finish). Returns whether it finished before the kill."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.n += 1
        verb, *rest = line.split(maxsplit=1)
        self.proc.stdin.write(f"{verb} {self.n} {' '.join(rest)}\n")
        self.proc.stdin.flush()
        ready = self.proc.stdout.readline().split()
        assert ready[:2] == ["ready", str(self.n)], ready
        began = time.monotonic()
        if kill_after is not None:
            time.sleep(kill_after)
            with contextlib.suppress(ProcessLookupError):  # it had ended already
                os.kill(int(ready[2]), signal.SIGKILL)
        self.proc.stdin.write(f"reap {self.n}\n")
        self.proc.stdin.flush()
        done = False
        while True:
            words = self.proc.stdout.readline().split()
            assert words, "the kill server ended"
            if words[:2] == ["done", str(self.n)]:
                done = True
                self.took = time.monotonic() - began
            elif words[:2] == ["reaped", str(self.n)]:
                return done

    def close(self) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self.proc.stdout.close()


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    try:
        yield s
    finally:
        s.close()


def charts(path: Path) -> set[str]:
    """The clinic's chart numbers, read with plain sqlite3 after its integrity check."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return {r[0] for r in conn.execute("SELECT chart_number FROM client")}
    finally:
        conn.close()


def two_backups(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A clinic file and two different backups of it (A: 400 clients, B: those and B-ONLY)."""
    path = tmp_path / "clinic.sqlite3"
    db = open_database(path)
    ctx = ServiceContext.system(db)
    for n in range(400):
        create_client(ctx, ClientInput(f"A-{n}", "Anna" * 20, "Lyse" * 25))
    a = online_backup(path, tmp_path / "backups" / "clinic-manual-20260301-080000.sqlite3")
    create_client(ctx, ClientInput("B-ONLY", "Bea", "Later"))
    b = online_backup(path, tmp_path / "backups" / "clinic-manual-20260302-080000.sqlite3")
    db.dispose()
    return path, a, b


def test_a_restore_killed_at_any_moment_leaves_the_old_or_the_new_clinic(
    tmp_path: Path, server: Server
) -> None:
    path, a, b = two_backups(tmp_path)
    state_a, state_b = charts(a), charts(b)
    assert server.run(f"restore {a} {path}", kill_after=None)
    took = server.took
    assert charts(path) == state_a
    rng = random.Random(23)
    finished = 0
    for _ in range(KILLS):
        current = charts(path)
        other = b if current == state_a else a
        finished += server.run(f"restore {other} {path}", kill_after=rng.uniform(0, took))
        assert path.exists(), "a killed restore left no clinic file"
        assert charts(path) in (state_a, state_b)
        assert not path.with_name(path.name + "-wal").exists() or charts(path)
    assert finished < KILLS, "no kill landed inside a restore: the test proved nothing"
    db = open_database(path)  # the program opens what is left
    db.dispose()


def test_creating_a_clinic_killed_at_any_moment_never_leaves_an_unopenable_file(
    tmp_path: Path, server: Server
) -> None:
    assert server.run(f"create {tmp_path / 'first.sqlite3'}", kill_after=None)
    took = server.took
    rng = random.Random(9)
    cut = 0
    for n in range(2 * KILLS):  # the window that once left half a clinic is narrow
        path = tmp_path / f"clinic-{n}.sqlite3"
        if not server.run(f"create {path}", kill_after=rng.uniform(0, took)):
            cut += 1
        if path.exists():
            db = open_database(path)  # whole, or it would be refused as damaged or foreign
            try:
                assert current_revision(db) == HEAD_REVISION
            finally:
                db.dispose()
    assert cut, "no kill landed inside a creation: the test proved nothing"
