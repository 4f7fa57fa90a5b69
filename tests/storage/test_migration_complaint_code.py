"""Migration 0013_client_complaint_code: a clinic from before it opens with every client's
complaint not coded (their programs unchanged), and goes back down without the column."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect
from sqlalchemy.orm import sessionmaker

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import Database, make_engine, open_database, resolve_url
from mobileathlete_desktop.storage.migrations_runner import (
    HEAD_REVISION,
    alembic_config,
    current_revision,
)

BEFORE = "0012_checkin_reason_codes"


def _raw(url: str) -> Database:
    resolved = resolve_url(url)
    engine = make_engine(resolved)
    return Database(url=resolved, engine=engine, sessions=sessionmaker(engine))


def _columns(db: Database) -> set[str]:
    return {c["name"] for c in inspect(db.engine).get_columns("client")}


def test_an_older_clinic_gets_uncoded_complaints_and_gives_the_column_back(
    backend_url: str,
) -> None:
    assert HEAD_REVISION == "0013_client_complaint_code"
    db = open_database(backend_url)
    ctx = ServiceContext.system(db)
    clients.create_client(
        ctx, clients.ClientInput("MIG-1", "Ada", "Older", complaint_code="plantar_heel")
    )
    db.dispose()

    raw = _raw(backend_url)
    command.downgrade(alembic_config(raw), BEFORE)
    assert "complaint_code" not in _columns(raw)
    raw.dispose()

    db = open_database(backend_url)  # the program's own opening upgrades it
    try:
        assert current_revision(db) == HEAD_REVISION
        (client,) = clients.search_clients(ServiceContext.system(db), "MIG-1")
        assert client.complaint_code == ""  # what the older clinic knew: not coded
        assert client.given_name == "Ada"
    finally:
        db.dispose()
