"""Killing the program mid-save (SIGKILL) never loses an acknowledged edit or damages the file."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mobileathlete_desktop.services.assessments import create_assessment
from mobileathlete_desktop.services.clients import ClientInput, create_client
from mobileathlete_desktop.services.context import ServiceContext
from tests.storage.crash_writer import CELLS, cell_for

ROOT = Path(__file__).resolve().parents[2]


def kill_loop(ctx: ServiceContext, kills: int, seed: int) -> tuple[int, int]:
    """Starts and SIGKILLs a writer `kills` times, checking the file after each kill.

    Returns (kills, acknowledged edits checked).
    """
    assert ctx.db.path is not None
    client = create_client(ctx, ClientInput(f"CRASH-{seed}", "Testa", "Runnerton"))
    assessment = create_assessment(ctx, client.id)
    ctx.db.dispose()
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.storage.crash_writer", str(ctx.db.path), str(assessment.id)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    assert server.stdin is not None and server.stdout is not None
    rng = random.Random(seed)
    last_acked: dict[tuple[str, str, str], int] = {}
    acked_total = 0
    try:
        for round_no in range(1, kills + 1):
            server.stdin.write(f"go {round_no}\n")
            server.stdin.flush()
            verb, number, pid = server.stdout.readline().split()
            assert (verb, int(number)) == ("ready", round_no)
            for _ in range(rng.randint(0, 8)):
                verb, number, seq = server.stdout.readline().split()
                assert verb == "ack"
                last_acked[cell_for(int(seq))] = int(seq)
                acked_total += 1
            # Land the kill anywhere: between saves, inside a commit, during the fsync.
            spin_until = time.perf_counter() + rng.random() * 0.004
            while time.perf_counter() < spin_until:
                pass
            os.kill(int(pid), signal.SIGKILL)
            server.stdin.write(f"reap {round_no}\n")
            server.stdin.flush()
            while True:  # acknowledgements written before the kill landed, then the reaping
                verb, number, value = server.stdout.readline().split()
                if verb == "reaped":
                    assert int(value) == signal.SIGKILL  # killed, never exited on its own
                    break
                last_acked[cell_for(int(value))] = int(value)
                acked_total += 1
            check_file(ctx.db.path, assessment.id, last_acked, acked_total, round_no)
    finally:
        server.stdin.close()
        server.wait(timeout=30)
        server.stdout.close()
    return kills, acked_total


def check_file(
    path: Path,
    assessment_id: int,
    last_acked: dict[tuple[str, str, str], int],
    acked_total: int,
    rounds: int,
) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {
            (code, side, mode): int(note.split()[1])
            for code, side, mode, note in conn.execute(
                "SELECT code, side, mode, note FROM measurement WHERE assessment_id = ?",
                (assessment_id,),
            )
        }
        events = conn.execute(
            "SELECT count(*) FROM audit_event WHERE action = 'measurement.set'"
        ).fetchone()[0]
    finally:
        conn.close()
    for cell, seq in last_acked.items():
        # The acknowledged edit, or one made after it (in flight when killed), never older.
        assert stored[cell] >= seq, f"acknowledged edit {seq} to {cell} lost"
    # Every acknowledged edit left its audit event; at most one unacknowledged edit a round
    # (its commit finished as the kill arrived) may be there too.
    assert acked_total <= events <= acked_total + rounds


def test_kills_during_saves_quick(ctx: ServiceContext) -> None:
    kills, checked = kill_loop(ctx, kills=15, seed=1)
    assert kills == 15 and checked > 0


@pytest.mark.slow
def test_200_kills_during_saves(ctx: ServiceContext, capsys: pytest.CaptureFixture[str]) -> None:
    started = time.perf_counter()
    kills, checked = kill_loop(ctx, kills=200, seed=2)
    with capsys.disabled():
        print(
            f"\ncrash test: {kills} SIGKILLs, {checked} acknowledged edits checked "
            f"over {len(CELLS)} cells, {time.perf_counter() - started:.1f} s"
        )
    assert kills == 200 and checked >= 200
