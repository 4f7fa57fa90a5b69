"""At start, what killed programs left beside the clinic goes: a clinic creation's
`.NAME.new-PID` once that process no longer runs, an open's `NAME.opening-copy*` once it
is an hour old (issue 23, defect 9 leftovers)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from mobileathlete_desktop.domain.permissions import SYSTEM_ACTOR
from mobileathlete_desktop.services.checks import daily_backup_problem, remove_leftovers
from mobileathlete_desktop.services.context import ServiceContext


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def aged(path: Path, age_s: float, content: bytes = b"SQLite format 3\x00half") -> Path:
    path.write_bytes(content)
    then = time.time() - age_s
    os.utime(path, (then, then))
    return path


def clinic_path(ctx: ServiceContext) -> Path:
    assert ctx.db.path is not None
    return ctx.db.path


def test_a_killed_creation_is_removed_and_a_running_one_kept(system_ctx: ServiceContext) -> None:
    path = clinic_path(system_ctx)
    dead = dead_pid()
    killed = [aged(path.with_name(f".{path.name}.new-{dead}{s}"), 5) for s in ("", "-wal", "-shm")]
    running = aged(path.with_name(f".{path.name}.new-{os.getpid()}"), 3 * 3600)
    other = aged(path.with_name(f".other.sqlite3.new-{dead}"), 3 * 3600)
    removed = remove_leftovers(system_ctx)
    assert sorted(removed) == sorted(killed)
    assert not any(p.exists() for p in killed)
    assert running.exists() and other.exists() and path.exists()


def test_an_old_opening_copy_is_removed_and_a_fresh_one_kept(
    system_ctx: ServiceContext,
) -> None:
    path = clinic_path(system_ctx)
    old = [aged(path.with_name(f"{path.name}.opening-copy{s}"), 3 * 3600) for s in ("", "-wal")]
    daily_backup_problem(system_ctx)  # what every start runs
    assert not any(p.exists() for p in old)
    fresh = aged(path.with_name(f"{path.name}.opening-copy"), 60)
    remove_leftovers(system_ctx)
    assert fresh.exists() and path.exists()


def test_a_really_killed_creation_leaves_nothing_after_the_next_start(tmp_path: Path) -> None:
    """A clinic creation SIGKILLed while it builds: the next start removes its file."""
    import signal

    from mobileathlete_desktop.storage.database import open_database

    db = tmp_path / "clinic.sqlite3"
    script = (
        "import os, sys, signal\n"
        "import mobileathlete_desktop.storage.migrations_runner as m\n"
        "real = m.ensure_schema\n"
        "def die(database):\n"
        "    real(database)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "m.ensure_schema = die\n"
        "from mobileathlete_desktop.storage.database import open_database\n"
        "open_database(sys.argv[1])\n"
    )
    child = subprocess.run([sys.executable, "-c", script, str(db)], check=False)
    assert child.returncode == -signal.SIGKILL
    left = list(tmp_path.glob(".clinic.sqlite3.new-*"))
    assert left and not db.exists()
    fresh = open_database(db)
    try:
        ctx = ServiceContext(db=fresh, actor=SYSTEM_ACTOR)
        remove_leftovers(ctx)
    finally:
        fresh.dispose()
    assert list(tmp_path.glob(".clinic.sqlite3.new-*")) == []
