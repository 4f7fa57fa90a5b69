"""A clinic server's roles (issue 23.6): workstations hold a login that cannot change the
schema or the audit trail; migrate-to, server-roles and check set it up and verify it."""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy
from sqlalchemy import create_engine, text

from mobileathlete_desktop.cli import main
from mobileathlete_desktop.domain.permissions import SYSTEM_ACTOR
from mobileathlete_desktop.services import accounts, assessments, clients, server_roles
from mobileathlete_desktop.services.audit import verify_chain
from mobileathlete_desktop.services.checks import check_database
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import open_database
from tests.postgres.server import PostgresServer

pytestmark = pytest.mark.postgres

_counter = itertools.count(1)


@dataclass
class ClinicServer:
    """A clinic database set up with roles.sql: the owner's, the workstations' and the
    superuser's URLs."""

    owner: str
    app: str
    admin: str
    app_user: str
    owner_user: str


def _drop(server: PostgresServer, database: str, *roles: str) -> None:
    import psycopg

    with psycopg.connect(
        f"host=127.0.0.1 port={server.port} user=postgres dbname=postgres", autocommit=True
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        for role in roles:
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')


def _url(server: PostgresServer, user: str, database: str, password: str = "") -> str:
    secret = f":{password}" if password else ""
    return f"postgresql+psycopg://{user}{secret}@127.0.0.1:{server.port}/{database}"


@pytest.fixture
def roles_made(postgres_server: PostgresServer) -> Iterator[ClinicServer]:
    """Part 1 of roles.sql run by the program as the superuser: two logins and a database
    (the test server trusts local connections, so the passwords are not asked for)."""
    n = f"{os.getpid()}_{next(_counter)}"
    owner, app, database = f"ma_owner_{n}", f"ma_app_{n}", f"ma_roles_{n}"
    admin = postgres_server.url("postgres")
    server_roles.create_roles(
        admin,
        owner_user=owner,
        owner_password="owner-'secret",  # quoted as a literal, whatever it holds
        app_user=app,
        app_password="app-secret; DROP ROLE postgres; --",
        database=database,
    )
    yield ClinicServer(
        owner=_url(postgres_server, owner, database, "owner-secret"),
        app=_url(postgres_server, app, database, "app-secret"),
        admin=postgres_server.url(database),
        app_user=app,
        owner_user=owner,
    )
    _drop(postgres_server, database, app, owner)


@pytest.fixture
def clinic_server(roles_made: ClinicServer) -> ClinicServer:
    """The same, with the tables made by the owner and the application login granted."""
    report = server_roles.set_up_roles(roles_made.owner, roles_made.app_user)
    assert report.problems == ()
    return roles_made


def _refused(url: str, statement: str) -> str:
    engine = create_engine(url)
    try:
        with pytest.raises(sqlalchemy.exc.DBAPIError) as caught, engine.begin() as conn:
            conn.execute(text(statement))
        return str(caught.value.orig)
    finally:
        engine.dispose()


def _sign_in_admin(db_url: str) -> ServiceContext:
    db = open_database(db_url)
    accounts.create_first_admin(db, "Server Clinic", "boss", "Boss Admin", "long-enough-pw")
    return ServiceContext(
        db=db, actor=accounts.sign_in(ServiceContext(db, SYSTEM_ACTOR), "boss", "long-enough-pw")
    )


def test_the_application_login_cannot_alter_the_audit_trail_or_the_schema(
    clinic_server: ClinicServer,
) -> None:
    ctx = _sign_in_admin(clinic_server.app)
    try:
        clients.create_client(ctx, clients.ClientInput("T-001", "Testa", "Runnerton"))
    finally:
        ctx.db.dispose()
    app = clinic_server.app
    trigger = server_roles.AUDIT_TRIGGER
    assert "must be owner" in _refused(app, f"ALTER TABLE audit_event DISABLE TRIGGER {trigger}")
    assert "must be owner" in _refused(app, "ALTER TABLE audit_event DISABLE TRIGGER USER")
    assert "must be owner" in _refused(app, f"DROP TRIGGER {trigger} ON audit_event")
    assert "permission denied" in _refused(app, "DELETE FROM audit_event")
    assert "permission denied" in _refused(app, "UPDATE audit_event SET username = 'mallory'")
    assert "permission denied" in _refused(app, "TRUNCATE audit_event")
    assert "permission denied" in _refused(app, "CREATE TABLE stash (id integer)")
    assert "permission denied" in _refused(app, "CREATE TEMP TABLE stash (id integer)")
    assert "permission denied" in _refused(app, "UPDATE alembic_version SET version_num = 'x'")
    assert "permission denied" in _refused(
        app, "SELECT setval(pg_get_serial_sequence('audit_event', 'id'), 1)"
    )
    # The trail is whole: every event still there, the guard still on.
    engine = create_engine(clinic_server.admin)
    with engine.connect() as conn:
        assert server_roles.guard_problems(conn) == []
        assert conn.execute(text("SELECT count(*) FROM audit_event")).scalar_one() >= 3
    engine.dispose()


def test_the_program_works_normally_under_the_application_login(
    clinic_server: ClinicServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    ctx = _sign_in_admin(clinic_server.app)
    try:
        accounts.create_user(ctx, "pat", "Pat Physio", "therapist", "pat-pass")
        pat = ServiceContext(
            db=ctx.db,
            actor=accounts.sign_in(ServiceContext(ctx.db, SYSTEM_ACTOR), "pat", "pat-pass"),
        )
        made = clients.create_client(pat, clients.ClientInput("T-001", "Testa", "Runnerton"))
        visit = assessments.create_assessment(pat, made.id, date(2025, 3, 1))
        assessments.set_value(pat, visit.id, "hip.flexion", "left", "active", 110)
        assessments.set_notes(pat, visit.id, "Runs 40 km a week")
        signed = assessments.sign_assessment(pat, visit.id)
        assert signed.signed_at is not None
        assert (
            assessments.get_assessment(pat, visit.id).value("hip.flexion", "left", "active") == 110
        )
        with ctx.db.session() as session:
            assert verify_chain(session) == []
    finally:
        ctx.db.dispose()
    capsys.readouterr()
    # check, as a workstation runs it: healthy, and it says the login is restricted.
    assert main(["--db", clinic_server.app, "check"]) == 0
    out = capsys.readouterr().out
    assert f"server login {clinic_server.app_user}: restricted" in out
    assert "ok: integrity" in out
    # The command line signs in and works under the application login too...
    monkeypatch.setenv("MOBILEATHLETE_USER", "boss")
    monkeypatch.setenv("MOBILEATHLETE_PASSWORD", "long-enough-pw")
    out_csv = tmp_path / "values.csv"
    assert main(["--db", clinic_server.app, "export", "csv", "--out", str(out_csv)]) == 0
    assert "T-001" in out_csv.read_text(encoding="utf-8")
    capsys.readouterr()
    # ...and backups of a server are the server's own (pg_dump): `backup` says so in one line.
    assert main(["--db", clinic_server.app, "backup"]) == 2
    err = capsys.readouterr().err.strip()
    assert "a clinic server is backed up there" in err and len(err.splitlines()) == 1


def test_check_reports_a_workstation_login_that_owns_the_tables(
    clinic_server: ClinicServer, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # The owner: fine for migrations, not for a workstation.
    assert main(["--db", clinic_server.owner, "check"]) == 1
    out = capsys.readouterr().out
    assert f"PROBLEM: server login {clinic_server.owner_user} owns the clinic's tables" in out
    # The way the clinic was set up before: every workstation a superuser.
    open_database(pg_url).dispose()
    assert main(["--db", pg_url, "check"]) == 1
    assert "PROBLEM: server login postgres is a superuser" in capsys.readouterr().out
    # An application login given too much by hand.
    engine = create_engine(clinic_server.owner)
    with engine.begin() as conn:
        conn.execute(text(f'GRANT UPDATE, DELETE ON audit_event TO "{clinic_server.app_user}"'))
    assert main(["--db", clinic_server.app, "check"]) == 1
    assert "may UPDATE, DELETE the audit trail" in capsys.readouterr().out
    # A login that may act as the owner (made a member of its role by a superuser) is as
    # bad as the owner.
    admin = create_engine(clinic_server.admin)
    with admin.begin() as conn:
        conn.execute(text(f'GRANT "{clinic_server.owner_user}" TO "{clinic_server.app_user}"'))
    assert main(["--db", clinic_server.app, "check"]) == 1
    assert f"server login {clinic_server.app_user} owns the clinic's tables" in (
        capsys.readouterr().out
    )
    with admin.begin() as conn:
        conn.execute(text(f'REVOKE "{clinic_server.owner_user}" FROM "{clinic_server.app_user}"'))
    admin.dispose()
    # server-roles puts the rights back as they should be.
    assert (
        main(
            [
                "server-roles",
                "--owner-url",
                clinic_server.owner,
                "--app-user",
                clinic_server.app_user,
            ]
        )
        == 0
    )
    assert main(["--db", clinic_server.app, "check"]) == 0
    capsys.readouterr()
    # The owner switches the guard off: every workstation's check says so.
    with engine.begin() as conn:
        conn.execute(text(f"ALTER TABLE audit_event DISABLE TRIGGER {server_roles.AUDIT_TRIGGER}"))
    engine.dispose()
    assert main(["--db", clinic_server.app, "check"]) == 1
    assert "audit trail unprotected" in capsys.readouterr().out


def test_a_therapist_promoted_by_direct_sql_is_found(
    clinic_server: ClinicServer, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = _sign_in_admin(clinic_server.app)
    try:
        accounts.create_user(ctx, "pat", "Pat Physio", "therapist", "pat-pass")
    finally:
        ctx.db.dispose()
    assert check_database(clinic_server.app).problems == ()
    # The application login may still write the user table (the program manages accounts)...
    engine = create_engine(clinic_server.app)
    with engine.begin() as conn:
        conn.execute(text("UPDATE \"user\" SET role = 'admin' WHERE username = 'pat'"))
    engine.dispose()
    # ...but the role the trail gave the account no longer matches.
    problems = check_database(clinic_server.app).problems
    assert problems == (
        "account pat is admin but the audit trail gave it therapist "
        "(its role was changed outside the program)",
    )
    # So is an admin account inserted by hand (copying pat's password hash).
    engine = create_engine(clinic_server.app)
    with engine.begin() as conn:
        conn.execute(
            text(
                'INSERT INTO "user" (username, display_name, role, password_hash, active, '
                "failed_attempts, created_at) "
                "SELECT 'mallory', 'M', 'admin', password_hash, true, 0, now() "
                "FROM \"user\" WHERE username = 'pat'"
            )
        )
    engine.dispose()
    assert check_database(clinic_server.app).problems[1:] == (
        "account mallory (admin) has no creation event in the audit trail "
        "(made outside the program)",
    )


def test_migrate_to_grants_and_verifies_the_application_login(
    postgres_server: PostgresServer, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    n = f"{os.getpid()}_{next(_counter)}"
    owner, database = f"ma_owner_{n}", f"ma_move_{n}"
    app = server_roles.DEFAULT_APP
    server_roles.create_roles(
        postgres_server.url("postgres"),
        owner_user=owner,
        owner_password="x",
        app_user=app,
        app_password="y",
        database=database,
    )
    try:
        assert main(["--db", str(db_path), "demo", "--clients", "2"]) == 0
        capsys.readouterr()
        app_url = _url(postgres_server, app, database)
        # The workstations' login cannot make the tables: refused in one line, exit 2.
        assert main(["--db", str(db_path), "migrate-to", app_url]) == 2
        assert "use the URL of the database's owner" in capsys.readouterr().err
        assert (
            main(["--db", str(db_path), "migrate-to", _url(postgres_server, owner, database)]) == 0
        )
        out = capsys.readouterr().out
        assert "row counts verified" in out
        assert f"Application login {app}: rights granted and verified" in out
        assert f"Workstations connect with: postgresql+psycopg://{app}:PASSWORD@" in out
        assert main(["--db", app_url, "check"]) == 0
        assert main(["--db", app_url, "clients", "--json"]) == 0
        assert "DEMO-0001" in capsys.readouterr().out
    finally:
        _drop(postgres_server, database, app, owner)


def test_migrate_to_a_server_without_an_application_login_warns(
    db_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "demo", "--clients", "1"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "migrate-to", pg_url]) == 0
    out = capsys.readouterr().out
    assert "Warning: the server has no application login mobileathlete_app" in out
    assert "Use --db with that URL" not in out


def test_server_roles_command(
    postgres_server: PostgresServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    n = f"{os.getpid()}_{next(_counter)}"
    owner, app, database = f"ma_owner_{n}", f"ma_app_{n}", f"ma_cli_{n}"
    owner_url = _url(postgres_server, owner, database, "owner-secret")
    # --print changes nothing and shows the shipped script with these names.
    assert main(["server-roles", "--owner-url", owner_url, "--app-user", app, "--print"]) == 0
    printed = capsys.readouterr().out
    assert f'REVOKE UPDATE, DELETE ON audit_event FROM "{app}";' in printed
    assert f"CREATE ROLE \"{owner}\" LOGIN PASSWORD :'owner_password'" in printed
    assert "owner-secret" not in printed
    # Without the login on the server: exit 2, one line.
    assert main(["server-roles", "--owner-url", owner_url, "--app-user", app]) == 2
    capsys.readouterr()
    monkeypatch.setenv("MOBILEATHLETE_APP_PASSWORD", "app-secret")
    try:
        args = ["server-roles", "--owner-url", owner_url, "--app-user", app]
        assert main([*args, "--admin-url", postgres_server.url("postgres")]) == 0
        out = capsys.readouterr().out
        assert f"Created logins {owner} (owner) and {app}" in out
        assert f"Workstations connect with: postgresql+psycopg://{app}:PASSWORD@127.0.0.1" in out
        assert main(args) == 0  # again (after an upgrade): the same rights, verified
        app_url = _url(postgres_server, app, database)
        assert main(["--db", app_url, "check"]) == 0
    finally:
        _drop(postgres_server, database, app, owner)


def test_the_shipped_script_runs_in_psql(
    postgres_server: PostgresServer, capsys: pytest.CaptureFixture[str]
) -> None:
    psql = shutil.which("psql") or next(
        iter(sorted(Path("/usr/lib/postgresql").glob("*/bin/psql"))), None
    )
    if psql is None:
        pytest.skip("no psql")
    n = f"{os.getpid()}_{next(_counter)}"
    owner, app, database = f"ma_owner_{n}", f"ma_app_{n}", f"ma_psql_{n}"
    script = Path(server_roles.__file__).parent.parent / "resources" / "server" / "roles.sql"
    base = [
        str(psql),
        "-X",
        "-v",
        "ON_ERROR_STOP=1",
        "-h",
        "127.0.0.1",
        "-p",
        str(postgres_server.port),
    ]
    variables = [
        "-v",
        f"owner_user={owner}",
        "-v",
        "owner_password=o'quote",
        "-v",
        f"app_user={app}",
        "-v",
        "app_password=a",
        "-v",
        f"db={database}",
    ]
    try:
        subprocess.run(
            [*base, "-U", "postgres", "-d", "postgres", *variables, "-f", str(script)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        owner_url = _url(postgres_server, owner, database)
        open_database(owner_url).dispose()  # the owner makes the tables
        subprocess.run(
            [*base, "-U", owner, "-d", database, *variables, "-v", "grants=1", "-f", str(script)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        engine = create_engine(_url(postgres_server, app, database))
        with engine.connect() as conn:
            assert server_roles.login_problems(conn) == []
        engine.dispose()
    finally:
        _drop(postgres_server, database, app, owner)


def test_a_workstation_cannot_migrate_and_says_who_can(
    roles_made: ClinicServer, capsys: pytest.CaptureFixture[str]
) -> None:
    # A new clinic database opened first from a workstation: the tables are the owner's job.
    assert main(["--db", roles_made.app, "clients"]) == 2
    err = capsys.readouterr().err.strip()
    assert f"The login {roles_made.app_user} may not create the tables" in err
    assert "server-roles --owner-url" in err and len(err.splitlines()) == 1
    # After an upgrade that brings a migration: refused in one line, schema left as it was.
    server_roles.set_up_roles(roles_made.owner, roles_made.app_user)
    engine = create_engine(roles_made.owner)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0004_client_search_text'"))
    engine.dispose()
    assert main(["--db", roles_made.app, "clients"]) == 2
    err = capsys.readouterr().err.strip()
    assert "may not migrate (schema 0004_client_search_text" in err
    assert len(err.splitlines()) == 1
