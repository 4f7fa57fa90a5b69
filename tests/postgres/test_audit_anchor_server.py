"""The audit trail's seals and head on both backends, and migration 0005 on a clinic server."""

from __future__ import annotations

import pytest
import sqlalchemy
from alembic import command
from sqlalchemy import text
from sqlalchemy.orm import sessionmaker

from mobileathlete_desktop.services.audit import event_hash, record_event
from mobileathlete_desktop.services.audit_head_file import anchor_path
from mobileathlete_desktop.services.checks import check_database
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import Database, make_engine, resolve_url
from mobileathlete_desktop.storage.migrations_runner import alembic_config, current_revision
from mobileathlete_desktop.storage.models import AuditEvent


def _audit_problems(target: str) -> list[str]:
    """check's problems about the trail (the test server's superuser login is another's)."""
    return [p for p in check_database(target).problems if not p.startswith("server login")]


def _events(ctx: ServiceContext, n: int) -> None:
    for i in range(n):
        with ctx.db.session() as session:
            record_event(session, ctx.actor, "test.event", detail={"n": i})


def _as_owner(ctx: ServiceContext, statement: str) -> None:
    """What the tables' owner can do on either backend: switch the guard off, then edit."""
    with ctx.db.engine.begin() as conn:
        if ctx.db.is_sqlite:
            conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_event_no_delete")
        else:
            conn.exec_driver_sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only")
        conn.exec_driver_sql(statement)


def test_the_head_follows_the_trail_and_a_cut_is_found(backend_ctx: ServiceContext) -> None:
    _events(backend_ctx, 5)
    assert anchor_path(backend_ctx.db.url).is_file()
    assert _audit_problems(backend_ctx.db.url.render_as_string(False)) == []
    _as_owner(backend_ctx, "DELETE FROM audit_event WHERE id > 3")
    backend_ctx.db.dispose()
    found = _audit_problems(backend_ctx.db.url.render_as_string(False))
    assert any("newest events were deleted" in p for p in found), found


def test_a_forged_append_is_found(backend_ctx: ServiceContext) -> None:
    _events(backend_ctx, 3)
    with backend_ctx.db.engine.begin() as conn:
        last_hash, at = conn.execute(
            sqlalchemy.select(AuditEvent.hash, AuditEvent.at).order_by(AuditEvent.id.desc())
        ).first()
        forged = event_hash(last_hash, at, "admin", "client.open", "", "", None, {})
        conn.execute(
            text(
                "INSERT INTO audit_event (at, username, action, entity, entity_id, detail, "
                "prev_hash, hash, seal) VALUES (:at, 'admin', 'client.open', '', '', '{}', "
                ":prev, :hash, '')"
            ),
            {"at": at, "prev": last_hash, "hash": forged},
        )
    backend_ctx.db.dispose()
    found = _audit_problems(backend_ctx.db.url.render_as_string(False))
    assert any("not sealed" in p for p in found), found


@pytest.mark.postgres
def test_migration_0005_on_a_server_adds_the_seal(pg_url: str) -> None:
    url = resolve_url(pg_url)
    engine = make_engine(url)
    db = Database(url, engine, sessionmaker(engine, expire_on_commit=False))
    try:
        command.upgrade(alembic_config(db), "0004_client_search_text")
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO audit_event (at, username, action, entity, entity_id, detail, "
                "prev_hash, hash) VALUES (now(), 'a', 'x', '', '', '{}', '', '')"
            )
        command.upgrade(alembic_config(db), "0005_audit_anchor")
        assert current_revision(db) == "0005_audit_anchor"
        columns = {c["name"] for c in sqlalchemy.inspect(engine).get_columns("audit_event")}
        assert "seal" in columns
        with engine.connect() as conn:
            assert conn.execute(text("SELECT seal FROM audit_event")).scalar_one() == ""
    finally:
        engine.dispose()
