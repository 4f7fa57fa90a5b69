"""The same program on a PostgreSQL clinic server: schema at head, data, conflicts, refusals."""

from __future__ import annotations

import socket
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy
from sqlalchemy import text

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.audit import verify_chain
from mobileathlete_desktop.services.context import ConflictError, ServiceContext
from mobileathlete_desktop.services.imports import ImportFailed, import_assessments
from mobileathlete_desktop.storage.database import (
    CONNECT_TIMEOUT_S,
    Database,
    DatabaseError,
    DatabaseNewerError,
    open_database,
    table_names,
)
from mobileathlete_desktop.storage.migrations_runner import current_revision, head_revision

THERAPIST = Actor(username="pt", display_name="Pat Physio", role="therapist")

SAMPLE = clients.ClientInput(
    chart_number="T-001",
    given_name="Testa",
    family_name="Runnerton",
    date_of_birth=date(1990, 4, 2),
    sex="female",
)


def test_new_database_is_created_at_head(backend_db: Database) -> None:
    assert current_revision(backend_db) == head_revision(backend_db)
    assert {"client", "assessment", "measurement", "audit_event"} <= set(table_names(backend_db))


def test_client_round_trips(backend_ctx: ServiceContext) -> None:
    made = clients.create_client(backend_ctx, replace(SAMPLE, weekly_distance_km=42.5))
    again = clients.get_client(backend_ctx, made.id)
    assert (again.chart_number, again.weekly_distance_km, again.date_of_birth) == (
        "T-001",
        42.5,
        date(1990, 4, 2),
    )


@pytest.mark.postgres
def test_postgres_backend_is_really_postgres(pg_url: str) -> None:
    db = open_database(pg_url)
    try:
        with db.engine.connect() as conn:
            assert "PostgreSQL" in conn.execute(text("SELECT version()")).scalar_one()
    finally:
        db.dispose()


def _two_workstations(url: str) -> tuple[ServiceContext, ServiceContext]:
    """Two separately opened databases (engines) on the same clinic data, as two computers."""
    return (
        ServiceContext(db=open_database(url), actor=THERAPIST),
        ServiceContext(db=open_database(url), actor=THERAPIST),
    )


def test_a_client_edit_from_another_workstation_is_caught(backend_url: str) -> None:
    first, second = _two_workstations(backend_url)
    try:
        made = clients.create_client(first, SAMPLE)
        seen_by_second = clients.get_client(second, made.id)
        clients.update_client(
            first, made.id, replace(SAMPLE, phone="555-0101"), expected_version=made.version
        )
        with pytest.raises(ConflictError, match="changed by someone else"):
            clients.update_client(
                second,
                made.id,
                replace(SAMPLE, phone="555-0199"),
                expected_version=seen_by_second.version,
            )
        assert clients.get_client(second, made.id).phone == "555-0101"
    finally:
        first.db.dispose()
        second.db.dispose()


def test_a_value_edit_from_another_workstation_is_caught(backend_url: str) -> None:
    first, second = _two_workstations(backend_url)
    try:
        client = clients.create_client(first, SAMPLE)
        visit = assessments.create_assessment(first, client.id, date(2025, 3, 1))
        assessments.set_value(first, visit.id, "hip.flexion", "left", "active", 110)
        # The second workstation reads while the first keeps editing.
        assert (
            assessments.get_assessment(second, visit.id).value("hip.flexion", "left", "active")
            == 110
        )
        assessments.set_value(first, visit.id, "hip.flexion", "left", "active", 115, expected=110)
        with pytest.raises(ConflictError, match="changed elsewhere to 115"):
            assessments.set_value(
                second, visit.id, "hip.flexion", "left", "active", 100, expected=110
            )
        assert (
            assessments.get_assessment(second, visit.id).value("hip.flexion", "left", "active")
            == 115
        )
    finally:
        first.db.dispose()
        second.db.dispose()


def test_audit_chain_stays_intact(backend_ctx: ServiceContext) -> None:
    made = clients.create_client(backend_ctx, SAMPLE)
    clients.update_client(backend_ctx, made.id, replace(SAMPLE, phone="555-0101"))
    with backend_ctx.db.session() as session:
        assert verify_chain(session) == []
    # The database itself refuses to rewrite history...
    with (
        pytest.raises(sqlalchemy.exc.DBAPIError, match="append-only"),
        backend_ctx.db.session() as session,
    ):
        session.execute(text("UPDATE audit_event SET username = 'mallory' WHERE id = 1"))
    # ...and someone who gets round the trigger (raw file access) is caught by the hash chain.
    with backend_ctx.db.session() as session:
        if session.get_bind().dialect.name == "sqlite":
            session.execute(text("DROP TRIGGER audit_event_no_update"))
        else:
            session.execute(text("ALTER TABLE audit_event DISABLE TRIGGER USER"))
        session.execute(text("UPDATE audit_event SET username = 'mallory' WHERE id = 1"))
        assert any("content changed" in p for p in verify_chain(session))
        session.rollback()


@pytest.mark.postgres
def test_a_server_database_from_a_newer_program_is_refused(pg_url: str) -> None:
    db = open_database(pg_url)
    with db.session() as session:
        session.execute(text("UPDATE alembic_version SET version_num = 'ffff_from_the_future'"))
    db.dispose()
    with pytest.raises(DatabaseNewerError, match="newer version"):
        open_database(pg_url)


def test_an_unreachable_server_fails_quickly_with_one_line() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # Nothing listens on that port now: the connection is refused at once.
    started = time.monotonic()
    with pytest.raises(DatabaseError, match="Cannot connect to") as caught:
        open_database(f"postgresql+psycopg://clinic:secret@127.0.0.1:{port}/clinic")
    assert time.monotonic() - started < CONNECT_TIMEOUT_S + 2
    assert "\n" not in str(caught.value)
    assert "secret" not in str(caught.value)


def test_an_import_is_all_or_nothing(backend_ctx: ServiceContext, tmp_path: Path) -> None:
    path = tmp_path / "values.csv"
    path.write_text(
        "chart_number,date,measure,side,mode,value\n"
        "T-001,2025-03-01,hip.flexion,left,active,110\n"
        "T-002,2025-03-01,hip.flexion,left,active,999\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFailed, match="line 3"):
        import_assessments(backend_ctx, path, create_clients=True)
    assert clients.search_clients(backend_ctx) == []
    path.write_text(
        "chart_number,date,measure,side,mode,value\nT-001,2025-03-01,hip.flexion,left,active,110\n",
        encoding="utf-8",
    )
    report = import_assessments(backend_ctx, path, create_clients=True)
    assert report.values_added == 1 and report.clients_created == ["T-001"]


@pytest.mark.postgres
def test_workstations_writing_at_once_keep_one_audit_chain(pg_url: str) -> None:
    """Two workstations creating clients at the same moment never fork the hash chain."""
    import threading

    first, second = _two_workstations(pg_url)
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def work(ctx: ServiceContext, prefix: str) -> None:
        try:
            start.wait()
            for i in range(25):
                clients.create_client(ctx, replace(SAMPLE, chart_number=f"{prefix}-{i:03d}"))
        except BaseException as exc:  # reported below, on the test's thread
            errors.append(exc)

    threads = [
        threading.Thread(target=work, args=(first, "A")),
        threading.Thread(target=work, args=(second, "B")),
    ]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        with first.db.session() as session:
            assert verify_chain(session) == []
        assert len(clients.search_clients(first, include_archived=True)) == 50
    finally:
        first.db.dispose()
        second.db.dispose()
