"""Connections to a clinic server (PostgreSQL) that spend no round trip they do not need.

On a clinic LAN every request that waits for an answer costs the network's delay twice, so
the program begins its own transactions (the driver is in autocommit mode) and says what
each unit of work is:

- A write unit (`Database.session()`) begins with one request: `BEGIN`, the clinic's write
  lock (`pg_advisory_xact_lock(WRITE_LOCK_KEY)`, held to the unit's end, as SQLite's write
  lock is) and the audit trail's last event, read after the lock was granted. The audit
  chain is appended from that event (`chain_tip`) without reading it again; write units
  run one after another, so two never fork the chain nor deadlock on each other's rows.
- A read unit (`Database.reading()`) runs without BEGIN and COMMIT: each statement reads
  the newest committed data, as it would inside a READ COMMITTED transaction. A streamed
  read (`yield_per`, a server-side cursor) opens a transaction first, as it must.
- Any other connection (checks, migrations, `engine.begin()`) begins with a plain BEGIN,
  exactly where the driver would have sent its own.

A pooled connection is pinged at checkout only when the server sent it something while it
was idle (a server that ends a session, at a restart or by an administrator, says so before
closing it), or its socket has an error (a link that went while it was idle: the operating
system finds it with TCP keepalives, KEEPALIVE_IDLE_S after the last packet, probing every
KEEPALIVE_INTERVAL_S, KEEPALIVE_PROBES times, with no request), or it sat idle for
PING_AFTER_IDLE_S (minutes: whatever a keepalive could not tell). A look at the socket,
no request: the first save after a pause of a few seconds or minutes (a word with the
client) is one request, not a ping and then the save. A link dropped silently since the
last keepalive probe fails that one unit (StorageUnavailable, "cannot be reached") and the
pool starts afresh.
"""

from __future__ import annotations

import select
import time
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import DisconnectionError

WRITE_OPTION = "mobileathlete_write"
"""Execution option of a write unit's connection (SQLite: BEGIN IMMEDIATE; a server: the
write lock and the chain's tip with its BEGIN)."""
READ_OPTION = "mobileathlete_read"
"""Execution option of a read unit's connection (a server: no BEGIN, no COMMIT)."""

WRITE_LOCK_KEY = 0x4D41_4155  # "MAAU": the advisory lock that serialises audited writes
PING_AFTER_IDLE_S = 300.0
KEEPALIVE_IDLE_S = 5
KEEPALIVE_INTERVAL_S = 2
KEEPALIVE_PROBES = 3

_IDLE = 0  # psycopg.pq.TransactionStatus.IDLE (not imported: psycopg is optional)
_TIP = "mobileathlete_chain_tip"
_IDLE_SINCE = "mobileathlete_idle_since"
_LAST_RESULT = "mobileathlete_last_result"

WRITE_BEGIN = (
    f"BEGIN; SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY}); "
    "SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1"
)


def chain_tip(conn: Connection) -> tuple[bool, tuple[int, str] | None]:
    """(known, tip): whether this transaction holds the write lock with the audit trail's last
    event known, and that event's (id, hash) (None for an empty trail)."""
    found = conn.info.get(_TIP)
    if found is None:
        return False, None
    tip: tuple[int, str] | None = found[0]
    return True, tip


def note_chain_tip(conn: Connection, event_id: int, event_hash: str) -> None:
    """The event just appended in this transaction is the trail's new last event."""
    if _TIP in conn.info:
        conn.info[_TIP] = ((event_id, event_hash),)


def install_server_settings(engine: Engine) -> None:
    """Autocommit driver, the program's own BEGIN per kind of unit, and the idle-only ping."""

    @event.listens_for(engine, "do_connect")
    def keepalives(_dialect: Any, _record: Any, _args: Any, params: dict[str, Any]) -> None:
        # The operating system probes an idle connection's link (no request): a link gone
        # leaves an error on the socket, seen at the next checkout (ping_if_idle).
        params.setdefault("keepalives", 1)
        params.setdefault("keepalives_idle", KEEPALIVE_IDLE_S)
        params.setdefault("keepalives_interval", KEEPALIVE_INTERVAL_S)
        params.setdefault("keepalives_count", KEEPALIVE_PROBES)

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.autocommit = True  # BEGIN is the program's (on_begin)

    @event.listens_for(engine, "begin")
    def on_begin(conn: Connection) -> None:
        options = conn.get_execution_options()
        conn.info.pop(_TIP, None)
        if options.get(READ_OPTION, False):
            return  # autocommit reads
        if options.get(WRITE_OPTION, False):
            row = conn.exec_driver_sql(WRITE_BEGIN, execution_options={_LAST_RESULT: True}).first()
            conn.info[_TIP] = (None if row is None else (int(row[0]), str(row[1])),)
        else:
            conn.exec_driver_sql("BEGIN")

    @event.listens_for(engine, "after_cursor_execute")
    def last_result(
        _conn: Connection, cursor: Any, _stmt: str, _params: Any, context: Any, _many: bool
    ) -> None:
        # Several statements in one request: the result read is the last one's.
        if context is not None and context.execution_options.get(_LAST_RESULT, False):
            while cursor.nextset():
                pass

    @event.listens_for(engine, "before_cursor_execute")
    def streamed_read(
        conn: Connection, cursor: Any, _stmt: str, _params: Any, context: Any, _many: bool
    ) -> None:
        # A server-side cursor lives in a transaction: a streamed read unit opens one (its
        # end rolls it back, as any read unit's end did).
        if (
            context is not None
            and context.execution_options.get("stream_results", False)
            and conn.get_execution_options().get(READ_OPTION, False)
        ):
            dbapi = conn.connection.driver_connection
            if dbapi is not None and dbapi.info.transaction_status == _IDLE:
                dbapi.execute("BEGIN")

    @event.listens_for(engine, "commit")
    @event.listens_for(engine, "rollback")
    def ended(conn: Connection) -> None:
        # A connection lost mid-unit (the server went, the link dropped) is invalidated
        # before the unit's end rolls it back: its state cannot be asked for then (SQLAlchemy
        # raises PendingRollbackError, which replaced the "cannot be reached" said for the
        # failed statement), and there is nothing to forget: the tip went with the session,
        # and every unit's BEGIN sets its own.
        if conn.invalidated:
            return
        conn.info.pop(_TIP, None)

    @event.listens_for(engine, "checkin")
    def idle_from(_dbapi_connection: Any, record: Any) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if dbapi_connection.closed or dbapi_connection.broken:
            raise DisconnectionError("the connection to the clinic server was closed")
        since = record.info.get(_IDLE_SINCE)
        idle = since is not None and time.monotonic() - since >= PING_AFTER_IDLE_S
        if not idle and not _has_news(dbapi_connection):
            return
        try:
            dbapi_connection.execute("SELECT 1")
        except Exception as exc:  # psycopg.Error: the server went or the link dropped
            raise DisconnectionError(f"the clinic server did not answer: {exc}") from exc


def _has_news(dbapi_connection: Any) -> bool:
    """Whether an idle connection has something to read (a server that ended the session
    says so, then closes it) or an error (its link went: a keepalive went unanswered, or the
    other end reset it): a look at the socket, no request."""
    try:
        ready, _write, _error = select.select([dbapi_connection.fileno()], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(ready)
