"""A fork server for kill tests of whole-file operations (restore, clinic creation).

Run as `python -m tests.storage.kill_child`: it imports the program once, then for each line
`restore N BACKUP DB` or `create N DB` on stdin forks a child that prints `ready N PID`,
does the work through the program's own code and prints `done N`; `reap N` waits for that
child and prints `reaped N STATUS`. The test SIGKILLs the child at a random moment.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mobileathlete_desktop.storage.backup import restore_file
from mobileathlete_desktop.storage.database import open_database


def _say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def _work(verb: str, args: list[str]) -> None:
    if verb == "restore":
        restore_file(Path(args[0]), Path(args[1]))
    elif verb == "create":
        open_database(args[0]).dispose()
    else:
        raise ValueError(verb)


def _warm_up() -> None:
    """Creates and drops one clinic, so that every child starts with Alembic and the models
    imported: its time goes to the work, where the kills should land."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        open_database(Path(folder) / "warm.sqlite3").dispose()


def serve() -> None:
    """The fork server loop (see the module docstring)."""
    _warm_up()
    children: dict[int, int] = {}
    for line in sys.stdin:
        verb, number, *args = line.split()
        n = int(number)
        if verb == "reap":
            _, status = os.waitpid(children.pop(n), 0)
            _say(f"reaped {n} {status}")
            continue
        pid = os.fork()
        if pid == 0:
            code = 3
            try:
                _say(f"ready {n} {os.getpid()}")
                _work(verb, args)
                _say(f"done {n}")
                code = 0
            finally:
                os._exit(code)
        children[n] = pid


if __name__ == "__main__":
    serve()
