"""One process of the concurrency test: an editor, an import, sign-ins or backups, all at once.

Run as `python -m tests.storage.concurrency_worker ROLE DB SECONDS ARG...`: imports the
program, opens the clinic, prints `ready` and waits for a line on stdin (so every process
starts at once), then does its work through the services for SECONDS (at least twice) and
prints one JSON line: what it acknowledged (as the window would say "saved") and every
error's first line. Roles:

- `editor ASSESSMENT_ID`: saves values one at a time (`set_value`), cycling over four cells;
- `import CSV_FOLDER CHART`: imports a small measurements file for that client again and again;
- `signin USER PASSWORD`: signs in again and again;
- `backup FOLDER`: takes a verified backup again and again.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import open_database

THERAPIST = Actor(username="pt", display_name="Pat Physio", role="therapist")
ADMIN = Actor(username="boss", display_name="Ada Admin", role="admin")
CELLS = (
    ("hip.flexion", "left", "active"),
    ("hip.flexion", "right", "active"),
    ("wblt.distance", "left", "none"),
    ("wblt.distance", "right", "none"),
)


def value_for(code: str, seq: int) -> float:
    """A value within the measure's bounds that differs from save to save."""
    return float(90 + seq % 30) if code == "hip.flexion" else float(5 + seq % 10)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"


def run(role: str, ctx_db: str, seconds: float, args: list[str]) -> dict[str, Any]:
    """Does `role`'s work for `seconds` once told to go; returns what it acknowledged."""
    from mobileathlete_desktop.domain.catalogue import default_catalogue
    from mobileathlete_desktop.services.accounts import sign_in
    from mobileathlete_desktop.services.assessments import set_value
    from mobileathlete_desktop.services.backups import make_backup
    from mobileathlete_desktop.services.imports import import_assessments

    default_catalogue()  # loaded before the start, as a running window has it
    db = open_database(ctx_db, migrate=False)
    acks: list[Any] = []
    errors: list[str] = []
    seq = 0
    slowest = 0.0
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdin.readline()
    until = time.monotonic() + seconds
    try:
        while time.monotonic() < until or seq < 2:
            seq += 1
            began = time.monotonic()
            try:
                if role == "editor":
                    ctx = ServiceContext(db=db, actor=THERAPIST)
                    code, side, mode = CELLS[seq % len(CELLS)]
                    value = value_for(code, seq)
                    set_value(ctx, int(args[0]), code, side, mode, value)  # type: ignore[arg-type]
                    acks.append([code, side, mode, value])
                elif role == "import":
                    folder, chart = Path(args[0]), args[1]
                    csv = folder / f"import-{seq}.csv"
                    lines = ["chart_number,date,measure,side,mode,value"]
                    for code, side, mode in CELLS:
                        value = value_for(code, seq)
                        lines.append(f"{chart},{date.today()},{code},{side},{mode},{value:g}")
                    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
                    import_assessments(ServiceContext(db=db, actor=ADMIN), csv)
                    acks.append(seq)
                elif role == "signin":
                    sign_in(ServiceContext.system(db), args[0], args[1])
                    acks.append(seq)
                elif role == "backup":
                    out = Path(args[0]) / f"backup-{seq}.sqlite3"
                    make_backup(ServiceContext(db=db, actor=ADMIN), out)
                    acks.append(str(out))
                else:
                    raise SystemExit(f"unknown role {role}")
            except Exception as exc:  # every failure is what the test counts
                errors.append(_first_line(exc))
            slowest = max(slowest, time.monotonic() - began)
    finally:
        db.dispose()
    return {"role": role, "attempts": seq, "acks": acks, "errors": errors, "slowest": slowest}


def main(argv: list[str]) -> None:
    role, db, seconds, *args = argv
    result = run(role, db, float(seconds), args)
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
