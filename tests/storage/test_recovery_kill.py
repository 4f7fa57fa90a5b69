"""Recovery under SIGKILL at random moments (issue 23, "a kill test over ... recovery"): while
a damaged clinic (with its write-ahead log) is set aside and a backup restored, a kill never
loses the damaged bytes, and the next open recovers or says the clinic was set aside; it
never makes an empty clinic where one was expected.

Run as `python -m tests.storage.test_recovery_kill` it is the fork server (as
tests/storage/kill_child.py): `recover N DB` forks a child that recovers through
`services.recovery.open_with_recovery`, saying yes to the newest backup.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.storage.test_restore_kill import ROOT, Server

KILLS = 20
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="a fork server")


class RecoveryServer(Server):
    def __init__(self) -> None:  # the same protocol, this module's child
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.storage.test_recovery_kill"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.n = 0
        self.took = 0.0


@pytest.fixture
def server() -> Iterator[RecoveryServer]:
    s = RecoveryServer()
    try:
        yield s
    finally:
        s.close()


def clients_in(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM client").fetchone()[0])
    finally:
        conn.close()


def damaged_clinic(tmp_path: Path) -> tuple[bytes, bytes, int]:
    """A clinic's bytes with a non-empty write-ahead log (a program killed while open) and
    pages in the middle of the file overwritten, and a good backup of it (its client count)."""
    from mobileathlete_desktop.services.clients import ClientInput, create_client
    from mobileathlete_desktop.services.context import ServiceContext
    from mobileathlete_desktop.storage.backup import online_backup
    from mobileathlete_desktop.storage.database import open_database

    path = tmp_path / "source" / "clinic.sqlite3"
    path.parent.mkdir()
    db = open_database(path)
    ctx = ServiceContext.system(db)
    for n in range(300):
        create_client(ctx, ClientInput(f"A-{n}", "Anna" * 20, "Lyse" * 25))
    online_backup(path, tmp_path / "backups" / "clinic-manual-20260301-080000.sqlite3")
    db.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE client SET given_name = 'In the log only' WHERE chart_number = 'A-7'")
    conn.commit()
    main, wal = path.read_bytes(), path.with_name(path.name + "-wal").read_bytes()
    conn.close()
    middle = len(main) // 2 // 4096 * 4096
    rng = random.Random(7)
    garbage = bytes(rng.randrange(256) for _ in range(4 * 4096))
    main = main[:middle] + garbage + main[middle + len(garbage) :]
    return main, wal, 300


def lay_out(folder: Path, main: bytes, wal: bytes) -> Path:
    for leftover in folder.glob("clinic.*"):
        leftover.unlink()
    path = folder / "clinic.sqlite3"
    path.write_bytes(main)
    path.with_name(path.name + "-wal").write_bytes(wal)
    return path


def bytes_kept(folder: Path) -> set[bytes]:
    """The contents of every clinic-named file in the folder (in place, aside, copies)."""
    return {p.read_bytes() for p in folder.glob("clinic.sqlite3*") if p.is_file()} | {
        p.read_bytes() for p in folder.glob("clinic.damaged-*") if p.is_file()
    }


def pair_kept(folder: Path, main: bytes, wal: bytes) -> bool:
    """Whether the damaged file and its log are kept together: one name holds the file and
    that name's -wal the log (a file under one name and its log under another is not kept:
    SQLite would open the file without it)."""
    for candidate in [*folder.glob("clinic.sqlite3*"), *folder.glob("clinic.damaged-*")]:
        log = candidate.with_name(candidate.name + "-wal")
        if candidate.name.endswith(("-wal", "-shm")) or not log.is_file():
            continue
        if candidate.read_bytes() == main and log.read_bytes() == wal:
            return True
    return False


def next_open(path: Path, backup_clients: int) -> str:
    """What the next start does, not killed: 'recovered' or 'set aside'; never a new clinic."""
    from mobileathlete_desktop.services.recovery import DamagedSetAside, open_with_recovery

    try:
        db = open_with_recovery(str(path))
    except DamagedSetAside as stranded:
        assert "moved aside untouched" in str(stranded) and "restore" in str(stranded)
        assert "\n" not in str(stranded)
        return "set aside"
    db.dispose()
    assert clients_in(path) == backup_clients, "an empty or wrong clinic was opened"
    return "recovered"


def test_recovery_killed_at_any_moment_never_loses_the_damaged_file_nor_strands_it(
    tmp_path: Path, server: RecoveryServer
) -> None:
    main, wal, backup_clients = damaged_clinic(tmp_path)
    folder = tmp_path
    path = lay_out(folder, main, wal)
    assert server.run(f"recover {path}", kill_after=None)
    took = server.took
    assert clients_in(path) == backup_clients
    assert {main, wal} <= bytes_kept(folder)
    rng = random.Random(23)
    finished = 0
    outcomes: dict[str, int] = {}
    for _ in range(KILLS):
        path = lay_out(folder, main, wal)
        finished += server.run(f"recover {path}", kill_after=rng.uniform(0, took))
        assert {main, wal} <= bytes_kept(folder), "the damaged bytes were lost"
        # A kill may land while a pre-open copy is put back (a rename each for the file and
        # its log): the bytes are all there, and the next open, which puts the copy back
        # first, leaves the file and its log together.
        outcome = next_open(path, backup_clients)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        assert {main, wal} <= bytes_kept(folder), "the next open lost the damaged bytes"
        assert pair_kept(folder, main, wal), "the next open split the file and its log"
    assert finished < KILLS, "no kill landed inside a recovery: the test proved nothing"
    print(f"{KILLS} kills, {finished} finished first; next open: {outcomes}")


def test_an_open_killed_after_folding_the_log_leaves_the_originals_for_the_next_one(
    tmp_path: Path,
) -> None:
    """The kill the test above found: an open of a damaged file with a -wal copies both
    aside, its closing checkpoint folds the log into the file, and it is killed before it
    puts the copy back. The next open put a copy of the changed file over the originals."""
    from mobileathlete_desktop.services.recovery import DamagedSetAside, open_with_recovery
    from mobileathlete_desktop.storage.clinic_files import take_snapshot

    main, wal, _ = damaged_clinic(tmp_path)
    path = lay_out(tmp_path, main, wal)
    assert take_snapshot(path) is not None  # what the killed open did first ...
    path.write_bytes(main[:4096] + b"\0" * (len(main) - 4096))  # ... then its checkpoint
    with pytest.raises(DamagedSetAside) as stranded:
        open_with_recovery(str(path))
    moved = stranded.value.recovery.moved_to
    assert moved.read_bytes() == main
    assert moved.with_name(moved.name + "-wal").read_bytes() == wal
    assert list(tmp_path.glob("clinic.sqlite3.opening-copy*")) == []


def _work(db: str) -> None:
    from mobileathlete_desktop.services.recovery import open_with_recovery

    open_with_recovery(db, offer=lambda recovery, error: True).dispose()


def serve() -> None:
    """The fork server loop of tests/storage/kill_child.py, with `recover N DB`."""
    import mobileathlete_desktop.services.recovery  # noqa: F401 - imported once, as the program
    import tests.storage.kill_child as kill_child

    _work_before = kill_child._work

    def work(verb: str, args: list[str]) -> None:
        if verb == "recover":
            _work(args[0])
        else:
            _work_before(verb, args)

    kill_child._work = work  # serve() looks it up in its module for each line
    kill_child.serve()


if __name__ == "__main__":
    serve()
