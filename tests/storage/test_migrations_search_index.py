"""Migration 0011_client_search_index: a clinic from before it opens with its search index
filled from the clients it holds, searches as before, and goes back down without it."""

from __future__ import annotations

from datetime import date

from alembic import command
from sqlalchemy import inspect
from sqlalchemy.orm import sessionmaker

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.demo import create_demo_clinic
from mobileathlete_desktop.storage.database import Database, make_engine, open_database, resolve_url
from mobileathlete_desktop.storage.migrations_runner import (
    HEAD_REVISION,
    alembic_config,
    current_revision,
)
from mobileathlete_desktop.storage.search_index import index_problems

BEFORE = "0010_program_checkin"
TABLES = {"client_search_fragment", "client_search_count"}
ORDERS = {"ix_client_name_order", "ix_client_chart_order", "ix_client_born_order"}
TEXTS = ["", "a", "demo-00", "nicolás", "1990", "rez, ma", "o'b", "zz"]


def _raw(url: str) -> Database:
    resolved = resolve_url(url)
    engine = make_engine(resolved)
    return Database(url=resolved, engine=engine, sessions=sessionmaker(engine))


def _client_indexes(db: Database) -> set[str]:
    return {i["name"] or "" for i in inspect(db.engine).get_indexes("client")}


def _found(ctx: ServiceContext) -> list[tuple[list[str], int]]:
    return [
        (
            [c.chart_number for c in clients.search_clients(ctx, t, include_archived=True)],
            clients.count_clients(ctx, t),
        )
        for t in TEXTS
    ]


def test_an_older_clinic_gets_its_index_and_gives_it_back(backend_url: str) -> None:
    db = open_database(backend_url)
    ctx = ServiceContext.system(db)
    create_demo_clinic(ctx, clients=15)
    made = clients.create_client(
        ctx, clients.ClientInput("N-1", "Nicolás", "O'Brien Márquez", date(1990, 5, 6))
    )
    clients.archive_client(ctx, made.id)
    before = _found(ctx)
    db.dispose()

    raw = _raw(backend_url)
    command.downgrade(alembic_config(raw), BEFORE)
    assert not TABLES & set(inspect(raw.engine).get_table_names())
    assert not ORDERS & _client_indexes(raw)
    raw.dispose()

    db = open_database(backend_url)  # the program's own opening upgrades it
    try:
        assert current_revision(db) == HEAD_REVISION
        assert set(inspect(db.engine).get_table_names()) >= TABLES
        assert _client_indexes(db) >= ORDERS
        with db.reading() as session:
            assert index_problems(session) == []
        assert _found(ServiceContext.system(db)) == before
    finally:
        db.dispose()
