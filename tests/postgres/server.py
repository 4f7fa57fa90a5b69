"""A throwaway PostgreSQL server for the test session, and fixtures for a database per test.

The server is started once (initdb into a temporary folder, a free loopback port, the unix
socket inside that folder) and stopped when the session ends. Tests that need it are marked
`postgres` and skip with the reason when no server can be started (no PostgreSQL binaries,
or running as root without a `postgres` account to run it as).
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from mobileathlete_desktop.domain.permissions import SYSTEM_ACTOR
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import Database, open_database

_counter = itertools.count(1)


@dataclass
class PostgresServer:
    """A running test server: where it listens, and how to make a fresh database on it."""

    port: int
    user: str = "postgres"

    def url(self, database: str = "postgres") -> str:
        """A SQLAlchemy URL for a database on this server."""
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """Creates an empty database with a new name; returns its URL."""
        import psycopg

        name = f"ma_test_{os.getpid()}_{next(_counter)}"
        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user={self.user} dbname=postgres",
            autocommit=True,
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        """Drops a test database (closing whatever still holds it)."""
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user={self.user} dbname=postgres",
            autocommit=True,
        ) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


def _as_server_user() -> tuple[list[str], int | None, int | None]:
    """The command prefix to run the server binaries (they refuse to run as root)."""
    if os.geteuid() != 0:
        return [], None, None
    try:
        account = pwd.getpwnam("postgres")
    except KeyError as exc:
        raise RuntimeError("running as root and there is no 'postgres' account") from exc
    runuser = shutil.which("runuser")
    if runuser is None:
        raise RuntimeError("running as root and 'runuser' is missing")
    return [runuser, "-u", "postgres", "--"], account.pw_uid, account.pw_gid


def _start(folder: Path) -> tuple[PostgresServer, list[str], Path]:
    bin_dir = _postgres_bin()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (no pg_ctl); apt-get install postgresql")
    prefix, uid, gid = _as_server_user()
    if uid is not None and gid is not None:
        os.chown(folder, uid, gid)
    data = folder / "data"
    subprocess.run(
        [*prefix, str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    port = _free_port()
    options = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 "
        "-c fsync=off -c synchronous_commit=off -c max_connections=60"
    )
    subprocess.run(
        [
            *prefix,
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(folder / "server.log"),
            "-w",
            "-t",
            "60",
            "start",
        ],
        check=True,
        capture_output=True,
        timeout=90,
    )
    return PostgresServer(port=port), [*prefix, str(bin_dir / "pg_ctl")], data


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the whole session, or a skip saying why there is none."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (pip install '.[postgres]')")
    folder = Path(tempfile.mkdtemp(prefix="mobileathlete-pg-"))
    try:
        server, pg_ctl, data = _start(folder)
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        detail = ""
        if isinstance(exc, subprocess.CalledProcessError):
            detail = (exc.stderr or b"").decode(errors="replace").strip().splitlines()[-1:]
            detail = f": {detail[0]}" if detail else ""
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"cannot start a PostgreSQL test server ({exc}{detail})")
    try:
        yield server
    finally:
        subprocess.run(
            [*pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"],
            capture_output=True,
            timeout=60,
            check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(postgres_server: PostgresServer) -> Iterator[str]:
    """The URL of a new, empty database on the test server (dropped afterwards)."""
    url = postgres_server.create_database()
    yield url
    postgres_server.drop_database(url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL for an empty database on each backend the program supports."""
    if request.param == "sqlite":
        return str(tmp_path / "clinic.sqlite3")
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def backend_db(backend_url: str) -> Iterator[Database]:
    """A fresh, migrated database on each backend (SQLite file, PostgreSQL server)."""
    database = open_database(backend_url)
    yield database
    database.dispose()


@pytest.fixture
def backend_ctx(backend_db: Database) -> ServiceContext:
    """A service context (acting as the system) on each backend."""
    return ServiceContext(db=backend_db, actor=SYSTEM_ACTOR)
