"""A clinic server's roles: an owner that migrates, a restricted login for workstations.

The statements are those of `resources/server/roles.sql` (one source for the person who runs
the server with psql and for the program): part 1 makes the two roles and the database (as
a superuser, once), part 2 gives the application login its rights (as the owner, after every
migration). `login_problems` reads the PostgreSQL catalogue only, for `check`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib.resources import files

from sqlalchemy import Connection, create_engine, select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from mobileathlete_desktop.services.context import InputError
from mobileathlete_desktop.storage.database import (
    CONNECT_TIMEOUT_S,
    Database,
    DatabaseError,
    open_database,
    resolve_url,
)
from mobileathlete_desktop.storage.models import AuditEvent, Base, User

DEFAULT_OWNER = "mobileathlete_owner"
DEFAULT_APP = "mobileathlete_app"
ROLES_SQL = "roles.sql"
AUDIT_TABLE = str(AuditEvent.__tablename__)
AUDIT_TRIGGER = "audit_event_append_only"
READ_ONLY_TABLES = ("alembic_version",)
ALTERING = ("UPDATE", "DELETE", "TRUNCATE", "TRIGGER", "REFERENCES")
"""Rights on the audit trail that let a login change it or hang other objects on it."""


def roles_script() -> str:
    """The shipped psql script (resources/server/roles.sql)."""
    return (files("mobileathlete_desktop.resources") / "server" / ROLES_SQL).read_text("utf-8")


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _quote_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


_VARIABLE = re.compile(r""":(["'])(\w+)\1""")


def fill(sql: str, values: dict[str, str]) -> str:
    """psql's `:"name"` (identifier) and `:'name'` (literal) filled from `values`; a name
    not given is left for psql."""

    def one(match: re.Match[str]) -> str:
        quote, name = match.group(1), match.group(2)
        if name not in values:
            return match.group(0)
        value = values[name]
        return _quote_ident(value) if quote == '"' else _quote_literal(value)

    return _VARIABLE.sub(one, sql)


def part(number: int, values: dict[str, str]) -> list[str]:
    """The statements of one part of the script, filled; `\\connect` kept as a statement."""
    body = roles_script().split(f"-- @part {number}:", 1)[1].split("-- @part ", 1)[0]
    statements = []
    for line in body.splitlines()[1:]:
        line = line.strip()
        if not line or line.startswith("--"):
            continue
        if line.startswith("\\") and not line.startswith("\\connect"):
            continue  # psql's own \if / \endif
        statements.append(fill(line.rstrip(";"), values))
    return statements


def printable_script(owner_user: str, app_user: str, database: str) -> str:
    """The script with names filled and the passwords left as psql variables (never printed)."""
    return fill(roles_script(), {"owner_user": owner_user, "app_user": app_user, "db": database})


@dataclass(frozen=True)
class RolesReport:
    """What `set_up_roles` did and found."""

    app_user: str
    workstation_url: str
    problems: tuple[str, ...] = ()
    done: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """Lines for the command line."""
        lines = [*self.done]
        if self.problems:
            lines += [f"PROBLEM: {p}" for p in self.problems]
        else:
            lines.append(
                f"Application login {self.app_user}: reads and writes clinic data, adds to the "
                "audit trail only, owns nothing (verified)."
            )
            lines.append(f"Workstations connect with: {self.workstation_url}")
        return "\n".join(lines)


def _server_url(target: str | URL) -> URL:
    url = target if isinstance(target, URL) else resolve_url(target)
    if url.get_backend_name() != "postgresql":
        raise InputError(f"Not a PostgreSQL server URL: {url.render_as_string()}")
    return url


def workstation_url(owner_url: URL, app_user: str) -> str:
    """The URL a workstation uses: the owner's server and database, the application login."""
    return owner_url.set(username=app_user, password="PASSWORD").render_as_string(
        hide_password=False
    )


def create_roles(
    admin_url: str | URL,
    *,
    owner_user: str,
    owner_password: str,
    app_user: str,
    app_password: str,
    database: str,
) -> None:
    """Part 1 as a superuser (or a role with CREATEROLE and CREATEDB): both roles and the
    database, owned by the owner. Roles or a database already there are refused by the server."""
    url = _server_url(admin_url)
    values = {
        "owner_user": owner_user,
        "owner_password": owner_password,
        "app_user": app_user,
        "app_password": app_password,
        "db": database,
    }
    engine = create_engine(
        url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": CONNECT_TIMEOUT_S}
    )
    try:
        for statement in part(1, values):
            if statement.startswith("\\connect"):
                engine.dispose()
                engine = create_engine(
                    url.set(database=database),
                    isolation_level="AUTOCOMMIT",
                    connect_args={"connect_timeout": CONNECT_TIMEOUT_S},
                )
                continue
            with engine.connect() as conn:
                conn.execute(text(statement))
    except DBAPIError as exc:
        raise InputError(f"Cannot set up the roles: {_reason(exc)}") from exc
    finally:
        engine.dispose()


def _reason(exc: DBAPIError) -> str:
    return str(exc.orig or exc).strip().splitlines()[0]


def grant_application(conn: Connection, app_user: str) -> None:
    """Part 2 as the owner: the application login's rights on the tables as they are now."""
    for statement in part(2, {"app_user": app_user}):
        conn.execute(text(statement))


def role_exists(conn: Connection, name: str) -> bool:
    """Whether a role of that name exists on the server."""
    found = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
    return found is not None


def open_server(url: URL) -> Database:
    """Opens a server database as a login that must create or migrate its tables (the
    owner): InputError in one line when it cannot (a restricted login, a wrong URL)."""
    from mobileathlete_desktop.storage.migrations_runner import ensure_schema

    try:
        db = open_database(url, migrate=False)
    except DatabaseError as exc:
        raise InputError(str(exc)) from exc
    try:
        with db.engine.connect() as conn:
            may_create = conn.execute(
                text("SELECT has_schema_privilege(current_schema(), 'CREATE')")
            ).scalar_one()
        if not may_create:
            raise InputError(
                f"The login {url.username} may not create the clinic's tables; "
                "use the URL of the database's owner"
            )
        ensure_schema(db)
    except DatabaseError as exc:
        db.dispose()
        raise InputError(str(exc)) from exc
    except DBAPIError as exc:
        db.dispose()
        raise InputError(
            f"Cannot create the clinic's tables as {url.username} ({_reason(exc)}); "
            "use the URL of the database's owner"
        ) from exc
    except BaseException:
        db.dispose()
        raise
    return db


def set_up_roles(owner_url: str | URL, app_user: str = DEFAULT_APP) -> RolesReport:
    """Opens the clinic as the owner (creating or migrating its tables), grants the
    application login its rights and verifies them. InputError when the login is missing
    or the owner URL cannot make tables."""
    url = _server_url(owner_url)
    db = open_server(url)
    try:
        with db.engine.begin() as conn:
            if not role_exists(conn, app_user):
                raise InputError(
                    f"There is no login {app_user} on the server: create it first "
                    "(mobileathlete server-roles --admin-url …, or roles.sql; docs/server.md)"
                )
            grant_application(conn, app_user)
        with db.engine.connect() as conn:
            problems = login_problems(conn, app_user)
    except DBAPIError as exc:
        raise InputError(f"Cannot grant the application login: {_reason(exc)}") from exc
    finally:
        db.dispose()
    return RolesReport(
        app_user=app_user,
        workstation_url=workstation_url(url, app_user),
        problems=tuple(problems),
        done=[f"Schema at the program's version on {db.location}; rights granted to {app_user}."],
    )


# --- what `check` reads -------------------------------------------------------------------


def _tables() -> list[str]:
    return [t.name for t in Base.metadata.sorted_tables]


def login_problems(conn: Connection, role: str | None = None) -> list[str]:
    """Why a login (the connecting one by default) could change the schema or the audit
    trail, or lacks a right the program needs: sentences for `check`. Catalogue reads only."""
    name = role or str(conn.execute(text("SELECT current_user")).scalar_one())
    found = conn.execute(
        text("SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = :r"), {"r": name}
    ).first()
    if found is None:
        return [f"server login {name}: no such role"]
    advice = (
        "workstations must connect with the application login "
        "(mobileathlete server-roles; docs/server.md)"
    )
    if found.rolsuper:
        return [
            f"server login {name} is a superuser: it can switch off the audit trail's guard "
            f"and delete events; {advice}"
        ]
    problems: list[str] = []
    if found.rolcreaterole:
        problems.append(f"server login {name} may create roles (and so take others' rights)")
    owned = [
        r.relname
        for r in conn.execute(
            text(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') "
                "AND c.relname = ANY(:tables) AND pg_has_role(:r, c.relowner, 'MEMBER') "
                "ORDER BY c.relname"
            ),
            {"r": name, "tables": _tables()},
        )
    ]
    if owned:
        problems.append(
            f"server login {name} owns the clinic's tables ({', '.join(owned[:4])}"
            f"{', …' if len(owned) > 4 else ''}): it can switch off the audit trail's guard "
            f"and alter any table; {advice}"
        )
    may = _privileges(conn, name)
    altering = [p for p in ALTERING if may.get((AUDIT_TABLE, p))]
    if altering and not owned:
        problems.append(
            f"server login {name} may {', '.join(altering)} the audit trail "
            "(it should only add to it; run mobileathlete server-roles)"
        )
    if (
        conn.execute(
            text("SELECT has_schema_privilege(:r, current_schema(), 'CREATE')"), {"r": name}
        ).scalar_one()
        and not owned
    ):
        problems.append(f"server login {name} may create tables in the clinic's schema")
    lacking = [f"{p} on {t}" for t in _tables() for p in _needed(t) if not may.get((t, p))]
    if lacking:
        problems.append(
            f"server login {name} lacks {', '.join(lacking[:4])}"
            f"{', …' if len(lacking) > 4 else ''} (run mobileathlete server-roles)"
        )
    return problems


def _needed(table: str) -> tuple[str, ...]:
    if table == AUDIT_TABLE:
        return ("SELECT", "INSERT")
    return ("SELECT", "INSERT", "UPDATE", "DELETE")


def _privileges(conn: Connection, role: str) -> dict[tuple[str, str], bool]:
    rights = (*ALTERING, "SELECT", "INSERT")
    rows = conn.execute(
        text(
            "SELECT t.name, p.priv, has_table_privilege(:r, c.oid, p.priv) AS granted "
            "FROM unnest(CAST(:tables AS text[])) AS t(name) "
            "JOIN pg_class c ON c.relname = t.name "
            "JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema() "
            "CROSS JOIN unnest(CAST(:privs AS text[])) AS p(priv)"
        ),
        {"r": role, "tables": _tables(), "privs": list(rights)},
    )
    return {(r.name, r.priv): bool(r.granted) for r in rows}


def guard_problems(conn: Connection) -> list[str]:
    """The audit trail's guard trigger on the server: missing or switched off."""
    state = conn.execute(
        text(
            "SELECT t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relname = :table AND t.tgname = :name"
        ),
        {"table": AUDIT_TABLE, "name": AUDIT_TRIGGER},
    ).scalar_one_or_none()
    if state is None:
        return [f"audit trail unprotected: missing trigger {AUDIT_TRIGGER}"]
    if state == "D":
        return [f"audit trail unprotected: trigger {AUDIT_TRIGGER} is switched off"]
    return []


# --- accounts' roles against the trail ------------------------------------------------------

ROLE_ACTIONS = ("user.create", "user.role")
"""Events that give an account its role (`detail["role"]`); the program changes a role no
other way, so an account whose role differs from its last such event was changed outside it."""


def account_role_problems(session: Session) -> list[str]:
    """Accounts whose role is not the one the audit trail last gave them (a therapist made
    an admin by direct SQL), and accounts made after the first recorded one with no event
    at all (inserted by direct SQL). Older accounts with no event (the demo's, or made
    before the trail recorded roles) are not judged."""
    recorded: dict[str, str] = {}
    stmt = (
        select(AuditEvent.entity_id, AuditEvent.detail)
        .where(AuditEvent.entity == "user", AuditEvent.action.in_(ROLE_ACTIONS))
        .order_by(AuditEvent.id)
    )
    for entity_id, detail in session.execute(stmt):
        role = (detail or {}).get("role")
        if isinstance(role, str):
            recorded[str(entity_id)] = role
    if not recorded:
        return []
    first = min((int(i) for i in recorded if i.isdigit()), default=0)
    problems = []
    for user in session.execute(select(User.id, User.username, User.role).order_by(User.id)):
        given = recorded.get(str(user.id))
        if given is None and first and user.id > first:
            problems.append(
                f"account {user.username} ({user.role}) has no creation event in the audit "
                "trail (made outside the program)"
            )
        elif given is not None and given != user.role:
            problems.append(
                f"account {user.username} is {user.role} but the audit trail gave it {given} "
                "(its role was changed outside the program)"
            )
    return problems


def owner_parts(owner_url: str) -> tuple[str, str | None, str]:
    """The owner's user name, password (None when the URL has none) and database."""
    url = _server_url(owner_url)
    if not url.username or not url.database:
        raise InputError(
            "The owner URL needs a user name and a database: "
            "postgresql+psycopg://OWNER:PASSWORD@SERVER/clinic"
        )
    return url.username, url.password, url.database
