"""Storage errors as one sentence a person can act on, never a SQL statement.

A driver error that reaches a service (the database busy past the busy timeout, a full disk,
a read-only file, a server gone) is replaced, at the engine, by a `StorageError`: a
`DatabaseError` whose message is one plain sentence (the driver's first line is kept in
`reason` and in the exception chain for the log). The mapping is installed for every engine
once this module is imported, which every service does through `services.context`.

The failed unit of work was rolled back whole: nothing of it was stored, everything saved
before is intact.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from mobileathlete_desktop.storage.errors import DatabaseDamagedError as DatabaseDamagedError
from mobileathlete_desktop.storage.errors import DatabaseError


class StorageError(DatabaseError):
    """The database could not do this now; `str()` is one sentence, `reason` the driver's."""

    sentence = "The clinic database could not be used; nothing was stored."

    def __init__(self, reason: str = "") -> None:
        super().__init__(self.sentence)
        self.reason = reason


class StorageBusy(StorageError):
    """Another workstation held the database for longer than the busy timeout."""

    sentence = "The clinic database is busy; try again in a moment."


class StorageFull(StorageError):
    """The disk (or the server's) is full."""

    sentence = "The disk holding the clinic database is full; free some space and try again."


class StorageReadOnly(StorageError):
    """The file or its folder cannot be written."""

    sentence = "The clinic database cannot be written here (a read-only file or folder)."


class StorageUnavailable(StorageError):
    """The file cannot be read or written (a disk or network problem), or the server is gone."""

    sentence = "The clinic database cannot be reached (a disk or network problem); try again."


# First lines of SQLite's messages, and PostgreSQL's SQLSTATE classes, by what they mean.
_SQLITE = (
    ("database is locked", StorageBusy),
    ("database table is locked", StorageBusy),
    ("database is busy", StorageBusy),
    ("database or disk is full", StorageFull),
    ("attempt to write a readonly database", StorageReadOnly),
    ("readonly database", StorageReadOnly),
    ("disk i/o error", StorageUnavailable),
    ("unable to open database file", StorageUnavailable),
)
_SQLSTATE = {
    "55P03": StorageBusy,  # lock_not_available (lock_timeout)
    "40P01": StorageBusy,  # deadlock_detected
    "40001": StorageBusy,  # serialization_failure
    "57014": StorageBusy,  # query_canceled (statement_timeout)
    "53100": StorageFull,  # disk_full
    "25006": StorageReadOnly,  # read_only_sql_transaction
    "08000": StorageUnavailable,
    "08003": StorageUnavailable,
    "08006": StorageUnavailable,
    "57P01": StorageUnavailable,  # admin_shutdown
}


_T = TypeVar("_T")


def sent(send: Callable[[], _T]) -> _T:
    """What a request sent straight to the driver answered (a pipelined statement bypasses
    the ORM's error translation); a driver error raised as the StorageError it means."""
    try:
        return send()
    except Exception as exc:
        known = storage_error(exc)
        if known is not None:
            raise known from exc
        raise


def sent_on(session: Session, send: Callable[[Connection], _T]) -> _T:
    """`send` on the session's connection (a request straight to the driver, as `sent`), a
    driver error raised as the StorageError it means. When the link went, the session is
    rolled back here, where the driver's "connection lost" finds the connection invalidated by
    SQLAlchemy (never back in the pool) and is not raised over this error when the unit ends."""
    conn = session.connection()
    try:
        return send(conn)
    except Exception as exc:
        if conn.connection.driver_connection.closed:  # type: ignore[union-attr]
            with contextlib.suppress(SQLAlchemyError):
                session.rollback()
        known = storage_error(exc)
        if known is not None:
            raise known from exc
        raise


def storage_error(exc: BaseException) -> StorageError | None:
    """The StorageError a driver error means, or None (a bug, a constraint, damage...)."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, IntegrityError):
        return None
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if orig is None:
        return None
    first = (str(orig).strip().splitlines() or [""])[0]
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if isinstance(state, str) and state in _SQLSTATE:
        return _SQLSTATE[state](first)
    low = first.lower()
    if isinstance(state, str) and state.startswith("08"):
        return StorageUnavailable(first)
    if "could not connect" in low or "server closed the connection" in low:
        return StorageUnavailable(first)
    for words, kind in _SQLITE:
        if words in low:
            return kind(first)
    return None


def _on_error(context: Any) -> Exception | None:
    if context.is_pre_ping:
        return None  # the pool's own check: it reconnects on its own
    before = getattr(context, "chained_exception", None)  # set once a handler answered
    if before is not None and not isinstance(before, DBAPIError):
        return None  # another handler already said what this is (damage, for one)
    return storage_error(context.original_exception)


if not event.contains(Engine, "handle_error", _on_error):
    event.listen(Engine, "handle_error", _on_error)
