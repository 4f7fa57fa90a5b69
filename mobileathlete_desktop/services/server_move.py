"""Moving a clinic's database onto a clinic server: every table copied, ids kept, counts checked."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select, text
from sqlalchemy.engine import URL

from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.storage.database import Database, open_database
from mobileathlete_desktop.storage.models import Base

BATCH_ROWS = 1000


@dataclass(frozen=True)
class MoveReport:
    """What was copied, table by table."""

    target: str
    rows: dict[str, int] = field(default_factory=dict)

    def describe(self) -> str:
        """One line for the command line."""
        total = sum(self.rows.values())
        return (
            f"Copied {total} rows in {len(self.rows)} tables to {self.target}; "
            "row counts verified. Use --db with that URL from now on."
        )


def _count(conn: Connection, table_name: str) -> int:
    table = Base.metadata.tables[table_name]
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _reset_sequences(conn: Connection) -> None:
    """PostgreSQL: the next id of each table follows the copied ids (they were given explicitly)."""
    for table in Base.metadata.sorted_tables:
        if "id" not in table.c:
            continue
        quoted = conn.dialect.identifier_preparer.quote(table.name)
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence(:t, 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {quoted}), 1), "
                f"(SELECT MAX(id) FROM {quoted}) IS NOT NULL)"
            ),
            {"t": quoted},
        )


def move_to_server(ctx: ServiceContext, target: str | URL) -> MoveReport:
    """Copies the whole clinic into an empty database at `target`, in one transaction.

    The target gets the program's schema (the same Alembic migrations) first; one that
    already holds data is refused. Rows keep their ids; on PostgreSQL the id sequences are
    moved past them. Counts are compared table by table before the copy is committed, so a
    failed move leaves the target without data and the source untouched.
    """
    ctx.actor.require("backups.manage")
    source = ctx.db
    dest: Database = open_database(target)
    try:
        if dest.url.render_as_string(hide_password=False) == source.url.render_as_string(
            hide_password=False
        ):
            raise InputError("The target is the database already in use")
        tables = Base.metadata.sorted_tables  # parents before children (foreign-key order)
        with dest.engine.connect() as check:
            held = {t.name: _count(check, t.name) for t in tables}
        if any(held.values()):
            busy = ", ".join(f"{n} ({c})" for n, c in held.items() if c)
            raise InputError(
                f"{dest.location} already holds data ({busy}); moving needs an empty database"
            )
        copied: dict[str, int] = {}
        with source.engine.connect() as src, dest.engine.begin() as dst:
            for table in tables:
                result = src.execution_options(yield_per=BATCH_ROWS).execute(
                    select(table).order_by(*table.primary_key.columns)
                )
                n = 0
                for chunk in result.mappings().partitions():
                    dst.execute(table.insert(), [dict(row) for row in chunk])
                    n += len(chunk)
                copied[table.name] = n
            if dst.dialect.name == "postgresql":
                _reset_sequences(dst)
            for table in tables:
                there = _count(dst, table.name)
                here = _count(src, table.name)
                if there != here or there != copied[table.name]:
                    raise InputError(
                        f"Row count differs for {table.name} (source {here}, copied {there}); "
                        "nothing was moved"
                    )
            src.rollback()
        detail = {"from": source.location, "to": dest.location, "rows": copied}
        with dest.session() as session:
            record_event(session, ctx.actor, "data.move", entity="database", detail=detail)
        with source.session() as session:
            record_event(session, ctx.actor, "data.move", entity="database", detail=detail)
        return MoveReport(target=dest.location, rows=copied)
    finally:
        dest.dispose()
