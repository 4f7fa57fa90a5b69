"""Opening the clinic database: URL or path, SQLite safety settings, creation and migration."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, DisconnectionError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from mobileathlete_desktop.storage.clinic_files import BACKUP_FOLDER_SUFFIX as BACKUP_FOLDER_SUFFIX
from mobileathlete_desktop.storage.clinic_files import (
    DatabaseEncryptedAwayError as DatabaseEncryptedAwayError,
)
from mobileathlete_desktop.storage.clinic_files import (
    DatabaseSetAsideError as DatabaseSetAsideError,
)
from mobileathlete_desktop.storage.clinic_files import (
    companions,
    drop_snapshot,
    fsync_file,
    put_back,
    read_encrypted_note,
    read_set_aside_note,
    take_snapshot,
)
from mobileathlete_desktop.storage.clinic_files import set_aside_note_path as set_aside_note_path
from mobileathlete_desktop.storage.clinic_lock import ClinicLock

# The error types live in storage.errors (the migrations runner raises them too); they are
# re-exported here, where every caller has always found them.
from mobileathlete_desktop.storage.errors import DatabaseDamagedError as DatabaseDamagedError
from mobileathlete_desktop.storage.errors import DatabaseError as DatabaseError
from mobileathlete_desktop.storage.errors import DatabaseNewerError as DatabaseNewerError
from mobileathlete_desktop.storage.models import Base
from mobileathlete_desktop.storage.server_connections import READ_OPTION as READ_OPTION
from mobileathlete_desktop.storage.server_connections import WRITE_OPTION as WRITE_OPTION
from mobileathlete_desktop.storage.server_connections import install_server_settings
from mobileathlete_desktop.storage.sqlite_file_checks import check_sqlite_file, is_damage
from mobileathlete_desktop.support.files import make_owner_only, private_folder

ENV_DB = "MOBILEATHLETE_DB"
DEFAULT_FILENAME = "clinic.sqlite3"
DEMO_FILENAME = "demo-clinic.sqlite3"
BUSY_TIMEOUT_MS = 10_000
# A clinic server that is down or unreachable should fail in seconds, not hang the window.
CONNECT_TIMEOUT_S = 5
# On a clinic server a write waits this long for a row another workstation holds, then fails
# as "busy" (SQLSTATE 55P03) instead of hanging the window; an idle open transaction (a
# workstation that stopped mid-unit) is ended by the server after IDLE_TRANSACTION_MS.
LOCK_TIMEOUT_MS = BUSY_TIMEOUT_MS
IDLE_TRANSACTION_MS = 60_000


def user_data_dir() -> Path:
    """The platform's per-user data folder for the program (created on first use)."""
    override = os.environ.get("MOBILEATHLETE_DATA_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir("MobileAthlete", "MobileAthlete"))
    return private_folder(path)  # health data: the owner's alone (0700 on POSIX)


def default_database_path(demo: bool = False) -> Path:
    """Where the clinic's SQLite file lives when no URL is given."""
    return user_data_dir() / (DEMO_FILENAME if demo else DEFAULT_FILENAME)


def resolve_url(target: str | Path | None) -> URL:
    """A SQLAlchemy URL from a path or URL; None means $MOBILEATHLETE_DB or the default file."""
    if target is None or target == "":
        target = os.environ.get(ENV_DB) or str(default_database_path())
    raw = str(target)
    if "://" in raw:
        try:
            return make_url(raw)
        except ArgumentError as exc:
            raise DatabaseError(f"Not a database URL: {raw!r}") from exc
    path = Path(raw).expanduser().resolve()
    return URL.create("sqlite+pysqlite", database=str(path))


def describe_url(url: URL) -> str:
    """The URL as it may be shown to a person (no password)."""
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    return url.render_as_string(hide_password=True)


def _install_sqlite_settings(engine: Engine) -> None:
    """Foreign keys, WAL, FULL sync, busy timeout; and SQLAlchemy (not pysqlite) owns BEGIN."""

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # pysqlite's own implicit transactions are switched off: the "begin" hook below
        # emits BEGIN itself, so every unit of work is one real SQLite transaction.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()
            if mode and str(mode[0]).lower() not in ("wal", "memory"):
                raise DatabaseError("The database folder does not support WAL mode")
            cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "handle_error")
    def on_error(context: Any) -> Exception | None:
        # A damaged page found by any query (a large file is not fully checked at opening)
        # is damage like any other: one line for a person and the recovery, not a traceback.
        reason = str(context.original_exception).splitlines()[0]
        if is_damage(reason):
            where = describe_url(engine.url)
            return DatabaseDamagedError(f"Database is damaged ({reason}): {where}")
        return None

    @event.listens_for(engine, "begin")
    def on_begin(conn: Any) -> None:
        # A unit of work that will write takes the write lock at its start (IMMEDIATE),
        # waiting up to the busy timeout for another writer. Begun deferred, it would read
        # first and upgrade at its first write, which SQLite refuses at once ("database is
        # locked", the busy timeout not honoured) when another process wrote meanwhile.
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


# WRITE_OPTION marks a connection whose transactions begin IMMEDIATE on SQLite (and with the
# write lock on a server): the sessions of `Database.sessions` / `Database.session()` carry it;
# `Database.reading()` (READ_OPTION) and plain `engine.connect()` (checks, migrations) begin
# deferred and never hold the write lock.


def write_sessions(engine: Engine) -> sessionmaker[Session]:
    """The factory of units of work that write: on SQLite each begins with BEGIN IMMEDIATE."""
    return sessionmaker(engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False)


@dataclass
class Database:
    """An open clinic database: its engine and a factory of sessions (one per unit of work)."""

    url: URL
    engine: Engine
    sessions: sessionmaker[Session]
    lock: ClinicLock | None = None
    """The shared hold on the clinic's lock file (SQLite files): no restore while it is held."""

    @property
    def is_sqlite(self) -> bool:
        """Whether this is an embedded SQLite file (as opposed to a clinic server)."""
        return self.url.get_backend_name() == "sqlite"

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        return Path(str(self.url.database)) if self.is_sqlite and self.url.database else None

    @property
    def location(self) -> str:
        """Where the data lives, for messages and the About dialog."""
        return describe_url(self.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits when the block ends, rolls back if it raises.

        On SQLite it begins IMMEDIATE (it holds the write lock from its first statement,
        after waiting up to BUSY_TIMEOUT_MS for another writer): use `reading()` for long
        read-only work (exports, reports, checks) so writers are not kept waiting.
        """
        session = self.sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only unit of work: begins deferred (WAL readers never wait for a writer nor
        hold one up) and ends without committing (what was read stays loaded); on a clinic
        server it sends no BEGIN nor COMMIT (storage.server_connections). Never write in it: a
        write would upgrade the read to a write, which SQLite refuses at once when another
        process wrote meanwhile, and on a server it would not be undone at the end."""
        session = self.sessions(bind=self.engine.execution_options(**{READ_OPTION: True}))
        try:
            yield session
        finally:
            session.close()

    def warm(self, connections: int = 2) -> None:
        """On a clinic server, opens up to `connections` pooled connections ahead (each costs
        a server process and the LAN's waits to make): the signed-in window reads on one
        while its panels read on another, and made after Enter the second cost the UI thread
        ~10 ms (more behind a LAN). Quiet when the server cannot be reached: the work that
        follows says so. Nothing to do for a SQLite file."""
        if self.is_sqlite:
            return
        held: list[Connection] = []
        try:
            for _ in range(connections):
                held.append(self.engine.connect())
        except (DBAPIError, DisconnectionError):
            pass
        finally:
            for connection in held:
                connection.close()

    def dispose(self) -> None:
        """Closes every pooled connection and lets go of the clinic's lock file.

        The engine may still be used afterwards: its next connection takes the lock again
        (waiting for a restore that holds it to finish).
        """
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()


def make_engine(url: URL) -> Engine:
    """An engine with the program's connection settings for that backend."""
    try:
        if url.get_backend_name() == "sqlite":
            engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            _install_sqlite_settings(engine)
        elif url.get_backend_name() == "postgresql":
            # Sessions run in UTC so stored timestamps (and the audit hashes over them) read
            # back the same from every workstation, whatever the server's own time zone. No
            # ping per checkout: a connection idle for a while is pinged (server_connections).
            engine = create_engine(
                url,
                connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "options": _server_options()},
            )
            install_server_settings(engine)
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise DatabaseError(f"Cannot use database {describe_url(url)}: {exc}") from exc
    return engine


def _server_options() -> str:
    """Session settings for a PostgreSQL connection: UTC, and waits that end."""
    return (
        f"-c timezone=UTC -c lock_timeout={LOCK_TIMEOUT_MS}"
        f" -c idle_in_transaction_session_timeout={IDLE_TRANSACTION_MS}"
    )


# Up to this size the whole file is checked (PRAGMA quick_check) every time it is opened:
# well under 100 ms. A larger clinic file is checked structurally at open (header, length,
# schema) and in full off the start-up path: the window runs `quick_check` in the background
# and every daily backup runs `PRAGMA integrity_check` on its copy.
FULL_CHECK_MAX_BYTES = 32 * 1024 * 1024


def quick_check(db: Database) -> str | None:
    """PRAGMA quick_check on a SQLite database: None when sound, else what is wrong."""
    if not db.is_sqlite:
        return None
    with db.engine.connect() as conn:
        result = conn.execute(text("PRAGMA quick_check")).scalar()
    return None if result == "ok" else f"Database fails its integrity check ({result})"


def _wants_full_check(url: URL, full_check: bool | None) -> bool:
    if full_check is not None:
        return full_check
    if url.database in (None, "", ":memory:"):
        return True
    try:
        return Path(str(url.database)).stat().st_size <= FULL_CHECK_MAX_BYTES
    except OSError:
        return True


def _create_atomically(url: URL, path: Path) -> None:
    """A new clinic built under a temporary name beside `path`, then renamed into place: a
    kill while it is built leaves no file (or a leftover temporary one), never half a clinic."""
    from mobileathlete_desktop.storage.migrations_runner import ensure_schema

    building = path.with_name(f".{path.name}.new-{os.getpid()}")
    for leftover, _suffix in companions(building):
        leftover.unlink(missing_ok=True)
    engine = make_engine(url.set(database=str(building)))
    try:
        ensure_schema(
            Database(url=url.set(database=str(building)), engine=engine, sessions=sessionmaker())
        )
    except BaseException:
        engine.dispose()
        for leftover, _suffix in companions(building):
            leftover.unlink(missing_ok=True)
        raise
    engine.dispose()  # the last connection folds the write-ahead log in and deletes it
    try:
        fsync_file(building)
        if path.exists():  # made meanwhile by another process: theirs stands
            building.unlink()
        else:
            os.replace(building, path)
        from mobileathlete_desktop.support.files import fsync_folder

        fsync_folder(path.parent)
    except OSError as exc:
        building.unlink(missing_ok=True)
        raise DatabaseError(f"Cannot create the database {path}: {exc.strerror or exc}") from exc


def _take_lock(path: Path) -> tuple[ClinicLock | None, bool]:
    """The clinic's lock: exclusive when nobody else has the file open (returned True), else
    shared (waiting for a restore to finish). None where no lock file can be made (a
    read-only folder: SQLite itself will say why it cannot work there)."""
    lock = ClinicLock(path)
    try:
        if lock.try_exclusive():
            return lock, True
        lock.shared(BUSY_TIMEOUT_MS / 1000)
    except PermissionError:
        return None, False
    except OSError as exc:
        if isinstance(exc, DatabaseError):
            raise
        return None, False
    return lock, False


def open_database(
    target: str | Path | URL | None = None,
    *,
    migrate: bool = True,
    before_migration: Callable[[Database], None] | None = None,
    full_check: bool | None = None,
) -> Database:
    """Opens (creating or migrating as needed) the clinic database at a path or URL.

    A new database is created from the models and stamped at the newest migration, under a
    temporary name renamed into place; an older one is migrated, after `before_migration`
    (the automatic backup) has run; one written by a newer program is refused. With
    `migrate=False` a missing file is an error, not a new clinic. Where a damaged file was
    moved aside (its note is there), DatabaseSetAsideError; where the plain file was removed
    for an encrypted copy, DatabaseEncryptedAwayError: no new clinic replaces either.

    A SQLite file is checked: in full (`PRAGMA quick_check`) when `full_check` is True, or
    when it is None and the file is small (FULL_CHECK_MAX_BYTES); otherwise its header,
    length and schema only. A damaged file is left byte for byte as it was, -wal included.
    The returned Database holds a shared lock on `<file>.lock` until disposed.
    """
    url = target if isinstance(target, URL) else resolve_url(target)
    path: Path | None = None
    lock: ClinicLock | None = None
    alone = False
    snapshot: Path | None = None
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        path = Path(str(url.database))
        encrypted = url.get_driver_name() == "pysqlcipher"
        if not path.parent.is_dir():
            raise DatabaseError(f"Folder does not exist: {path.parent}")
        lock, alone = _take_lock(path)
        try:
            # An encrypted (SQLCipher) file has no plain header to check; its key is the test.
            check_sqlite_file(path, encrypted=encrypted)
            if not path.exists():
                note = read_set_aside_note(path)
                if note is not None:
                    raise DatabaseSetAsideError(path, note)
                moved = read_encrypted_note(path)
                if moved is not None:
                    raise DatabaseEncryptedAwayError(path, moved)
                if not migrate:
                    raise DatabaseError(f"There is no clinic database at {path}")
                _create_atomically(url, path)
                make_owner_only(path)  # 0600; SQLite gives its -wal and -shm the same
            if alone:
                snapshot = take_snapshot(path)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
    engine = make_engine(url)
    db = Database(url=url, engine=engine, sessions=write_sessions(engine), lock=lock)
    if lock is not None:
        _relock_on_connect(engine, lock)
    try:
        _first_look(db, url, full_check)
    except BaseException:
        engine.dispose()
        if snapshot is not None:
            put_back(snapshot, path)  # type: ignore[arg-type]
        if lock is not None:
            lock.release()
        raise
    drop_snapshot(snapshot)
    if alone and lock is not None:
        lock.release()
        lock.shared(BUSY_TIMEOUT_MS / 1000)
    if migrate:
        from mobileathlete_desktop.storage.migrations_runner import ensure_schema

        try:
            ensure_schema(db, before_migration=before_migration)
        except DatabaseError:
            db.dispose()
            raise
    return db


def _relock_on_connect(engine: Engine, lock: ClinicLock) -> None:
    """A disposed Database that is used again takes the clinic's lock again first."""

    @event.listens_for(engine, "connect", insert=True)
    def relock(_dbapi_connection: Any, _record: Any) -> None:
        if not lock.held:
            lock.shared(BUSY_TIMEOUT_MS / 1000)


def _first_look(db: Database, url: URL, full_check: bool | None) -> None:
    """Connects once: the schema readable, and the full check of a small file."""
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            if db.is_sqlite:
                conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
            if db.is_sqlite and _wants_full_check(url, full_check):
                result = conn.execute(text("PRAGMA quick_check")).scalar()
                if result != "ok":
                    raise DatabaseDamagedError(
                        f"Database fails its integrity check ({result}): {db.location}"
                    )
    except DatabaseError:
        raise
    except DBAPIError as exc:
        reason = str(exc.orig).splitlines()[0] if exc.orig else str(exc).splitlines()[0]
        if is_damage(reason):
            raise DatabaseDamagedError(f"Database is damaged ({reason}): {db.location}") from exc
        if not db.is_sqlite:
            raise DatabaseError(f"Cannot connect to {db.location}: {reason}") from exc
        raise DatabaseError(f"Cannot open database {db.location}: {reason}") from exc


def table_names(db: Database) -> list[str]:
    """Tables in the database (for checks and tests)."""
    return list(inspect(db.engine).get_table_names())


def create_all(db: Database) -> None:
    """Creates every table from the models (a brand-new database only)."""
    Base.metadata.create_all(db.engine)
