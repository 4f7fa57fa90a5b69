"""Migration 0007_visit_treatment: a clinic file from before it opens with every row kept, its
signatures still good, and a treatment table that takes treatments and checks them."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.orm import sessionmaker

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.domain.treatments import TreatmentEntry
from mobileathlete_desktop.services import assessments, clients, treatments
from mobileathlete_desktop.services.checks import check_database
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import (
    Database,
    make_engine,
    open_database,
    resolve_url,
)
from mobileathlete_desktop.storage.migrations_runner import (
    HEAD_REVISION,
    alembic_config,
    current_revision,
)

BEFORE = "0006_clinic_paper_size"
THERAPIST = Actor(username="pt", display_name="Pat Physio", role="therapist")


def _raw(path: Path) -> Database:
    url = resolve_url(path)
    engine = make_engine(url)
    return Database(url=url, engine=engine, sessions=sessionmaker(engine))


def _columns(db: Database, table: str) -> list[str]:
    return [c["name"] for c in inspect(db.engine).get_columns(table)]


def _rows(db: Database, table: str, columns: list[str] | None = None) -> list[tuple[object, ...]]:
    """The table's rows; only `columns` when given (later migrations add columns of their own)."""
    names = ", ".join(columns) if columns else "*"
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(f"SELECT {names} FROM {table} ORDER BY 1"))]


@pytest.fixture
def old_clinic(tmp_path: Path) -> Path:
    """A clinic with a signed and a draft visit, taken back to the schema before 0007."""
    path = tmp_path / "clinic.sqlite3"
    db = open_database(path)
    ctx = ServiceContext(db=db, actor=THERAPIST)
    client = clients.create_client(ctx, clients.ClientInput("M-1", "Testa", "Migrated"))
    signed = assessments.create_assessment(ctx, client.id, date(2026, 1, 5))
    assessments.set_value(ctx, signed.id, "hip.flexion", "left", "active", 110)
    assessments.sign_assessment(ctx, signed.id)
    assessments.create_assessment(ctx, client.id, date(2026, 2, 5))
    db.dispose()
    raw = _raw(path)
    command.downgrade(alembic_config(raw), BEFORE)
    assert "treatment" not in inspect(raw.engine).get_table_names()
    raw.dispose()
    return path


def test_the_previous_schema_is_migrated_with_every_row_and_signature_kept(
    old_clinic: Path,
) -> None:
    raw = _raw(old_clinic)
    tables = ("client", "assessment", "measurement", "audit_event")
    columns = {t: _columns(raw, t) for t in tables}
    before = {t: _rows(raw, t) for t in tables}
    raw.dispose()
    db = open_database(old_clinic)
    try:
        assert current_revision(db) == HEAD_REVISION
        for table, rows in before.items():
            assert _rows(db, table, columns[table]) == rows, table
        assert _rows(db, "treatment") == []
        ctx = ServiceContext(db=db, actor=THERAPIST)
        draft = 2
        made = treatments.add_treatment(
            ctx, draft, TreatmentEntry("mobilisation", "hip", "caudal", 4, "right", 6)
        )
        assert treatments.list_treatments(ctx, draft) == (made,)
    finally:
        db.dispose()
    # The visit signed before treatments existed keeps the hash it was signed with.
    assert check_database(str(old_clinic)).problems == ()


def test_the_migrated_table_checks_its_rows_and_goes_with_its_visit(old_clinic: Path) -> None:
    open_database(old_clinic).dispose()
    conn = sqlite3.connect(old_clinic)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        insert = (
            "INSERT INTO treatment (assessment_id, position, kind, site, method, grade, side, "
            "minutes, note, updated_at) VALUES (2, 1, ?, 'hip', '', ?, 'none', ?, '', '2026-02-05')"
        )
        for kind, grade, minutes in (
            ("mobilisation", 7, None),
            ("soft_tissue", 3, None),
            ("mobilisation", None, 500),
            ("massage", None, None),
        ):
            with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
                conn.execute(insert, (kind, grade, minutes))
        conn.execute(insert, ("mobilisation", 5, 120))
        conn.execute("DELETE FROM assessment WHERE id = 2")
        assert conn.execute("SELECT count(*) FROM treatment").fetchone()[0] == 0
    finally:
        conn.close()
