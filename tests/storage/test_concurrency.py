"""Several processes on one clinic file at once: writers wait their turn (BEGIN IMMEDIATE and
the busy timeout), nobody sees "database is locked", and every acknowledged value is stored."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from mobileathlete_desktop.services.accounts import create_user
from mobileathlete_desktop.services.assessments import create_assessment, get_assessment
from mobileathlete_desktop.services.clients import ClientInput, create_client
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import Database, open_database
from mobileathlete_desktop.storage.models import Assessment, AuditEvent, Client
from tests.conftest import ADMIN, THERAPIST
from tests.storage.concurrency_worker import CELLS, value_for

ROOT = Path(__file__).resolve().parents[2]
SECONDS = 4.0
EDITORS = 3
SIGN_INS = 2
PASSWORD = "a long enough password 42"


def _start(role: str, db: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.storage.concurrency_worker",
            role,
            str(db),
            str(SECONDS),
            *args,
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _result(proc: subprocess.Popen[str]) -> dict[str, Any]:
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err[-2000:]
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


@pytest.mark.slow
def test_editors_import_sign_ins_and_a_backup_at_once(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    db = open_database(path)
    admin = ServiceContext(db=db, actor=ADMIN)
    therapist = ServiceContext(db=db, actor=THERAPIST)
    create_user(admin, "pt", "Pat Physio", "therapist", PASSWORD)
    editing = []
    for n in range(EDITORS):
        client = create_client(admin, ClientInput(f"ED-{n}", "Edith", f"Editor{n}"))
        editing.append(create_assessment(therapist, client.id).id)
    create_client(admin, ClientInput("IMP-1", "Ivo", "Imported"))
    db.dispose()
    imports = tmp_path / "imports"
    backups = tmp_path / "backups"
    imports.mkdir()
    backups.mkdir()

    procs = [_start("editor", path, str(a)) for a in editing]
    procs.append(_start("import", path, str(imports), "IMP-1"))
    procs += [_start("signin", path, "pt", PASSWORD) for _ in range(SIGN_INS)]
    procs.append(_start("backup", path, str(backups)))
    for proc in procs:  # each has imported the program and opened the clinic
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    for proc in procs:  # then all start at once
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = [_result(p) for p in procs]

    by_role: dict[str, Counter[str]] = {}
    for r in results:
        counts = by_role.setdefault(r["role"], Counter())
        counts["attempts"] += r["attempts"]
        counts["acks"] += len(r["acks"])
        counts["errors"] += len(r["errors"])
        counts["slowest_ms"] = max(counts["slowest_ms"], round(r["slowest"] * 1000))
    print("\nconcurrency:", {role: dict(c) for role, c in by_role.items()})
    errors = [e for r in results for e in r["errors"]]
    assert not [e for e in errors if "locked" in e], errors[:5]
    assert errors == []
    for role in ("editor", "import", "signin", "backup"):
        assert by_role[role]["acks"] > 0, role

    db = open_database(path, migrate=False)
    try:
        ctx = ServiceContext(db=db, actor=THERAPIST)
        for assessment_id, r in zip(editing, results[:EDITORS], strict=True):
            stored = get_assessment(ctx, assessment_id)
            last: dict[tuple[str, str, str], float] = {}
            for code, side, mode, value in r["acks"]:
                last[(code, side, mode)] = value
            for (code, side, mode), value in last.items():
                assert stored.value(code, side, mode) == value  # type: ignore[arg-type]
            with db.session() as session:
                audited = session.scalar(
                    select(func.count())
                    .select_from(AuditEvent)
                    .where(
                        AuditEvent.action == "measurement.set",
                        AuditEvent.entity_id == str(assessment_id),
                    )
                )
            assert audited == len(r["acks"])  # every acknowledged save, no more, no less
        imported = next(r for r in results if r["role"] == "import")
        last_seq = imported["acks"][-1]
        with db.session() as session:
            draft = session.scalars(
                select(Assessment.id)
                .join(Client)
                .where(Client.chart_number == "IMP-1", Assessment.date == date.today())
            ).one()
        record = get_assessment(ctx, draft)
        for code, side, mode in CELLS:
            assert record.value(code, side, mode) == value_for(code, last_seq)  # type: ignore[arg-type]
        for r in results:
            if r["role"] == "backup":
                assert all(Path(p).stat().st_size > 0 for p in r["acks"])
    finally:
        db.dispose()


def test_a_unit_of_work_that_reads_then_writes_waits_for_the_other_writer(
    db_path: Path, db: Database
) -> None:
    """The upgrade from read to write that failed at once ("database is locked", the busy
    timeout ignored) when another process wrote between the read and the write."""
    made = create_client(ServiceContext(db=db, actor=ADMIN), ClientInput("W-1", "Wanda", "Wait"))
    other = open_database(db_path, migrate=False)
    failures: list[BaseException] = []

    def other_workstation() -> None:
        try:
            with other.session() as session:
                row = session.get(Client, made.id)
                assert row is not None
                row.phone = "555-0202"
        except BaseException as exc:  # reported by the test
            failures.append(exc)

    try:
        with db.session() as session:
            row = session.get(Client, made.id)  # read first...
            assert row is not None
            writer = threading.Thread(target=other_workstation)
            writer.start()
            writer.join(timeout=1.0)  # deferred, it would commit meanwhile; now it waits
            row.email = "wanda@example.org"  # ...then write
        writer.join(timeout=30)
        assert failures == []
        with db.session() as session:
            row = session.get(Client, made.id)
            assert row is not None and (row.email, row.phone) == ("wanda@example.org", "555-0202")
    finally:
        other.dispose()
