"""Moving a clinic's database onto a clinic server: every table copied, ids kept, counts checked."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from mobileathlete_desktop.services.audit import record_event
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.storage.database import Database, open_database, resolve_url
from mobileathlete_desktop.storage.models import Base

BATCH_ROWS = 1000


@dataclass(frozen=True)
class MoveReport:
    """What was copied, table by table."""

    target: str
    rows: dict[str, int] = field(default_factory=dict)
    roles: tuple[str, ...] = ()
    """On a server: what became of the application login (granted and verified, or absent)."""

    def describe(self) -> str:
        """The copy in one line, then one line per finding about the server's logins."""
        total = sum(self.rows.values())
        if not self.roles:
            return (
                f"Copied {total} rows in {len(self.rows)} tables to {self.target}; "
                "row counts verified. Use --db with that URL from now on."
            )
        copied = f"Copied {total} rows in {len(self.rows)} tables to {self.target}"
        return "\n".join([f"{copied}; row counts verified.", *self.roles])


def _server_roles(dest: Database) -> tuple[str, ...]:
    """After a move onto PostgreSQL: the application login, when the server has one, gets
    its rights (the tables are new) and is verified; else a warning that workstations using
    the owner's URL could switch the audit trail's guard off."""
    from mobileathlete_desktop.services import server_roles

    app = server_roles.DEFAULT_APP
    try:
        with dest.engine.begin() as conn:
            if not server_roles.role_exists(conn, app):
                return (
                    f"Warning: the server has no application login {app}; workstations given "
                    f"this URL ({dest.url.username}) could switch off the audit trail's guard. "
                    "Set one up: mobileathlete server-roles (docs/server.md).",
                )
            server_roles.grant_application(conn, app)
        with dest.engine.connect() as conn:
            problems = server_roles.login_problems(conn, app)
    except DBAPIError as exc:  # the copy stands: say what is left to do
        reason = str(exc.orig or exc).strip().splitlines()[0]
        return (
            f"Warning: {app} was not granted its rights ({reason}); "
            "run mobileathlete server-roles with the owner's URL (docs/server.md).",
        )
    if problems:
        return tuple(f"Warning: {p}" for p in problems)
    return (
        f"Application login {app}: rights granted and verified (adds to the audit trail only).",
        f"Workstations connect with: {server_roles.workstation_url(dest.url, app)}",
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
    failed move leaves the target without data and the source untouched. On a server with
    the application login (server_roles.DEFAULT_APP), that login gets its rights and is
    verified; the report says which URL workstations use, or warns that there is none.
    """
    ctx.actor.require("backups.manage")
    source = ctx.db
    url = target if isinstance(target, URL) else resolve_url(target)
    if url.get_backend_name() == "postgresql":
        from mobileathlete_desktop.services.server_roles import open_server

        dest: Database = open_server(url)  # the owner's URL: a restricted login cannot
    else:
        dest = open_database(url)
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
        roles = _server_roles(dest) if dest.url.get_backend_name() == "postgresql" else ()
        return MoveReport(target=dest.location, rows=copied, roles=roles)
    finally:
        dest.dispose()
