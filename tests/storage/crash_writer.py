"""The writer the crash test kills: saves values one edit at a time and acknowledges each.

Run as `python -m tests.storage.crash_writer DB ASSESSMENT_ID`, it is a small fork server:
it imports the program once, then for each `go N` line on stdin forks a writer (printing
`ready N PID`, then `ack N SEQ` after every committed edit), and for each `reap N` line
waits for that writer to end and prints `reaped N STATUS`. Forking from a warm process
makes hundreds of kill-and-restart rounds take seconds, not minutes.
"""

from __future__ import annotations

import os
import sys

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services.assessments import set_value
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import open_database

THERAPIST = Actor(username="pt", display_name="Pat Physio", role="therapist")

CELLS = (
    ("hip.flexion", "left", "active"),
    ("hip.flexion", "right", "active"),
    ("wblt.distance", "left", "none"),
    ("wblt.distance", "right", "none"),
)
ROUND_SEQS = 1_000_000


def cell_for(seq: int) -> tuple[str, str, str]:
    """Which cell edit number `seq` goes to."""
    return CELLS[seq % len(CELLS)]


def value_for(seq: int) -> float:
    """A value within the measure's bounds that differs from edit to edit."""
    code = cell_for(seq)[0]
    return float(90 + seq % 30) if code == "hip.flexion" else float(5 + seq % 10)


def _say(line: str) -> None:
    os.write(1, (line + "\n").encode())  # one write() a line: atomic on a pipe


def write_forever(db_path: str, assessment_id: int, round_no: int) -> None:
    """Saves edits round_no*ROUND_SEQS, +1, ... each in its own transaction, acknowledging
    each after its commit returned (the moment the program tells a person it is saved)."""
    ctx = ServiceContext(db=open_database(db_path, migrate=False), actor=THERAPIST)
    _say(f"ready {round_no} {os.getpid()}")
    seq = round_no * ROUND_SEQS
    while True:
        code, side, mode = cell_for(seq)
        set_value(ctx, assessment_id, code, side, mode, value_for(seq), note=f"edit {seq}")  # type: ignore[arg-type]
        _say(f"ack {round_no} {seq}")
        seq += 1


def serve(db_path: str, assessment_id: int) -> None:
    """The fork server loop (see the module docstring)."""
    default_catalogue()  # loaded once, shared by every forked writer
    children: dict[int, int] = {}
    for line in sys.stdin:
        verb, number = line.split()
        round_no = int(number)
        if verb == "go":
            pid = os.fork()
            if pid == 0:
                try:
                    write_forever(db_path, assessment_id, round_no)
                finally:
                    os._exit(3)
            children[round_no] = pid
        elif verb == "reap":
            _, status = os.waitpid(children.pop(round_no), 0)
            _say(f"reaped {round_no} {status}")


if __name__ == "__main__":
    serve(sys.argv[1], int(sys.argv[2]))
