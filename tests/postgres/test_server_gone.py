"""A clinic server gone in the middle of an ordinary read or save: the person is told it
cannot be reached (one sentence), never a SQLAlchemy message, and the next call works."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from sqlalchemy import event

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.errors import StorageUnavailable
from mobileathlete_desktop.storage import server_connections
from mobileathlete_desktop.storage.database import open_database

pytestmark = pytest.mark.postgres

THERAPIST = Actor(username="pt", display_name="Pat Physio", role="therapist")


def _cut_at_next_statement(ctx: ServiceContext, server: Any, marker: str) -> list[int]:
    """Ends the server session of the connection that next sends a statement containing
    `marker`, just before it is sent (a server restart, a link dropped mid-unit)."""
    cut: list[int] = []

    def before(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if cut or marker not in statement:
            return
        pid = conn.connection.driver_connection.info.backend_pid
        with psycopg.connect(
            f"host=127.0.0.1 port={server.port} user={server.user} dbname=postgres",
            autocommit=True,
        ) as admin:
            admin.execute("SELECT pg_terminate_backend(%s, 10000)", [pid])
        cut.append(pid)

    event.listen(ctx.db.engine, "before_cursor_execute", before)
    return cut


@pytest.mark.parametrize("unit", ["read", "write"])
def test_a_server_gone_during_an_orm_unit_is_said_and_the_next_call_works(
    pg_url: str, postgres_server: Any, monkeypatch: pytest.MonkeyPatch, unit: str
) -> None:
    """An ordinary ORM read (the client list's search, a read unit) and a write unit (an
    edit): the unit's end found the connection invalidated; its rollback listener asked the
    dead connection for its state and raised PendingRollbackError ('Can't reconnect until
    invalid transaction is rolled back'), which reached the window as an unexpected error."""
    monkeypatch.setattr(server_connections, "PING_AFTER_IDLE_S", 3600.0)  # no ping first
    ctx = ServiceContext(db=open_database(pg_url), actor=THERAPIST)
    try:
        made = clients.create_client(ctx, clients.ClientInput("GONE-1", "Rita", "Gone"))
        if unit == "read":
            cut = _cut_at_next_statement(ctx, postgres_server, "FROM client")
            with pytest.raises(StorageUnavailable) as raised:
                clients.search_clients(ctx, "", limit=10)
        else:
            cut = _cut_at_next_statement(ctx, postgres_server, "UPDATE client")
            with pytest.raises(StorageUnavailable) as raised:
                clients.update_client(
                    ctx,
                    made.id,
                    clients.ClientInput("GONE-1", "Rita", "Gonzales"),
                    expected_version=made.version,
                )
        assert cut, "the session was not cut"
        assert "cannot be reached" in str(raised.value)
        found = clients.search_clients(ctx, "gone", limit=10)  # a fresh connection
        assert [c.chart_number for c in found] == ["GONE-1"]
        assert clients.get_client(ctx, made.id).family_name == "Gone"  # nothing half-stored
    finally:
        ctx.db.dispose()
