"""`check` reads the audit trail in batches: its memory does not grow with the trail (before,
100,000 events took 483 MB)."""

from __future__ import annotations

import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from mobileathlete_desktop.services.audit import GENESIS, event_hash
from mobileathlete_desktop.services.checks import check_database
from mobileathlete_desktop.storage.database import open_database
from mobileathlete_desktop.storage.models import AuditEvent
from tests.conftest import ClinicTemplates


def add_events(path: Path, count: int) -> None:
    """Appends `count` well-chained events (plain inserts, the way a long-used clinic has them)."""
    db = open_database(path)
    try:
        with db.session() as session:
            last = session.execute(
                select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
            ).scalar_one_or_none()
        prev = last or GENESIS
        start = datetime(2026, 1, 1, tzinfo=UTC)
        rows = []
        for n in range(count):
            at = start + timedelta(seconds=n)
            detail = {"file": f"export-{n}.csv", "rows": n}
            h = event_hash(prev, at, "admin", "export.csv", "client", str(n), None, detail)
            rows.append(
                {
                    "at": at.replace(tzinfo=None),
                    "username": "admin",
                    "action": "export.csv",
                    "entity": "client",
                    "entity_id": str(n),
                    "client_id": None,
                    "detail": detail,
                    "prev_hash": prev,
                    "hash": h,
                }
            )
            prev = h
        with db.engine.begin() as conn:
            conn.execute(insert(AuditEvent), rows)
    finally:
        db.dispose()


def peak_of_check(path: Path) -> int:
    tracemalloc.start()
    try:
        report = check_database(str(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert any("audit events:" in line for line in report.state)
    return peak


@pytest.mark.slow
def test_check_memory_does_not_grow_with_the_audit_trail(
    tmp_path: Path, clinic_templates: ClinicTemplates
) -> None:
    small = clinic_templates.copy(tmp_path / "small.sqlite3")
    large = clinic_templates.copy(tmp_path / "large.sqlite3")
    add_events(small, 1_000)
    add_events(large, 10_000)
    peak_small, peak_large = peak_of_check(small), peak_of_check(large)
    # Ten times the events; a check that held them all would need about ten times the memory.
    print(peak_small, peak_large)
    assert peak_large < 2 * peak_small + 8_000_000, (peak_small, peak_large)
