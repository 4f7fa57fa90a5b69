"""A client's page read in one request on a clinic server gives what the ORM's reads give.

`list_and_history` sends its five reads together on PostgreSQL (storage.server_pipeline),
the child rows keyed by the client; a SQLite file reads them through the ORM one after the
other. Both paths are compared here on both backends, on a client with every kind of row
the page shows (values with pain and notes, findings with faults and no score, both
questionnaires, a signed visit corrected by a signed addendum, a draft addendum).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import Connection

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.assessments import queries
from mobileathlete_desktop.services.context import NotFound, ServiceContext
from mobileathlete_desktop.storage.database import open_database

THERAPIST = Actor(username="pt", display_name="Pat Physio", role="therapist")


def _rich_client(ctx: ServiceContext, chart: str) -> int:
    client = clients.create_client(
        ctx, clients.ClientInput(chart, "Rita", "Pages", date_of_birth=date(1990, 5, 17))
    )
    first = assessments.create_assessment(ctx, client.id, date(2026, 1, 5)).id
    assessments.set_value(ctx, first, "hip.flexion", "left", "active", 101.5, pain=True, note="ow")
    assessments.set_value(ctx, first, "hip.flexion", "right", "active", 105.0)
    assessments.set_finding(ctx, first, "sls", "left", faults=("knee_valgus",), rating="poor")
    assessments.set_finding(ctx, first, "sls", "right", rating="good", note="steady")
    assessments.set_lefs_answers(ctx, first, [3] * 19 + [None])
    assessments.set_psfs(ctx, first, ["Hopping", "Stairs"], [4, None])
    assessments.sign_assessment(ctx, first)
    fixed = assessments.create_addendum(ctx, first, "Left hip was 110").id
    assessments.set_value(ctx, fixed, "hip.flexion", "left", "active", 110.0)
    assessments.sign_assessment(ctx, fixed)
    second = assessments.create_assessment(ctx, client.id, date(2026, 2, 2)).id
    assessments.set_value(ctx, second, "knee.flexion", "left", "active", 130.0)
    assessments.set_finding(ctx, second, "stepdown", "left", faults=("trunk_lean", "knee_valgus"))
    assessments.set_psfs(ctx, second, ["Running"], [6])
    assessments.sign_assessment(ctx, second)
    assessments.create_addendum(ctx, second, "Knee redone")  # a draft addendum
    draft = assessments.create_assessment(ctx, client.id, date(2026, 2, 2)).id  # same day
    assessments.set_value(ctx, draft, "hip.flexion", "left", "passive", 120.0)
    return client.id


def _loaded(ctx: ServiceContext, client_id: int) -> Any:
    with ctx.db.reading() as session:
        return queries._page(*queries._page_rows_loaded(session, client_id))


def _from_statements(ctx: ServiceContext, client_id: int) -> Any:
    """The one-request path's statements and assembly; on SQLite run one by one through
    SQLAlchemy (the pipeline is PostgreSQL's)."""
    statements = queries.page_statements(client_id)
    with ctx.db.reading() as session:
        conn: Connection = session.connection()
        if ctx.db.is_sqlite:
            found = [[tuple(row) for row in conn.execute(stmt)] for stmt in statements]
        else:
            from mobileathlete_desktop.storage.server_pipeline import read_together

            found = read_together(conn, statements)
        return queries._page(*queries.page_from_rows(client_id, statements, found))


def test_the_page_read_together_equals_the_orm_s(backend_url: str) -> None:
    ctx = ServiceContext(db=open_database(backend_url), actor=THERAPIST)
    try:
        client_id = _rich_client(ctx, "PG-1")
        other = _rich_client(ctx, "PG-2")  # rows of another client stay out
        listed, history = _loaded(ctx, client_id)
        assert len(listed) == 5 and len(history.assessments) == 3
        assert history.assessments[0].value("hip.flexion", "left", "active") == 110.0
        assert any(o.labels for o in history.assessments[1].outcomes)
        assert any(f.faults for f in history.assessments[1].findings)
        assert _from_statements(ctx, client_id) == (listed, history)
        assert queries.list_and_history(ctx, client_id) == (listed, history)
        assert queries.list_and_history(ctx, other) == _loaded(ctx, other)
        empty = clients.create_client(ctx, clients.ClientInput("PG-3", "Ed", "Empty")).id
        assert queries.list_and_history(ctx, empty) == _loaded(ctx, empty)
        with pytest.raises(NotFound):
            queries.list_and_history(ctx, 999_999)
    finally:
        ctx.db.dispose()


def test_a_server_gone_during_the_page_s_read_is_said_and_the_next_read_works(
    pg_url: str, postgres_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The driver's own error (the pipeline is not SQLAlchemy's) is said as any other read's
    ("cannot be reached"), and the broken connection is not given back to the pool."""
    import psycopg

    from mobileathlete_desktop.services.errors import StorageUnavailable
    from mobileathlete_desktop.storage import server_connections

    monkeypatch.setattr(server_connections, "PING_AFTER_IDLE_S", 3600.0)
    ctx = ServiceContext(db=open_database(pg_url), actor=THERAPIST)
    try:
        client_id = _rich_client(ctx, "PG-4")
        real = queries.read_together

        def cut_then_read(conn: Connection, statements: Any) -> Any:
            pid = conn.connection.driver_connection.info.backend_pid  # type: ignore[union-attr]
            with psycopg.connect(
                f"host=127.0.0.1 port={postgres_server.port} user={postgres_server.user} "
                "dbname=postgres",
                autocommit=True,
            ) as admin:
                admin.execute("SELECT pg_terminate_backend(%s, 10000)", [pid])
            return real(conn, statements)

        monkeypatch.setattr(queries, "read_together", cut_then_read)
        with pytest.raises(StorageUnavailable):
            queries.list_and_history(ctx, client_id)
        monkeypatch.setattr(queries, "read_together", real)
        assert queries.list_and_history(ctx, client_id) == _loaded(ctx, client_id)
    finally:
        ctx.db.dispose()
