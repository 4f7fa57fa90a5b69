"""One statement and the COMMIT of its transaction sent together to a clinic server: one wait.

A write unit on a server (storage.server_connections) waits for its BEGIN (with the write
lock and the audit trail's last event), then for each statement, then for its COMMIT. When
the last statement is known to be the last, psycopg's pipeline mode sends it and the COMMIT
at once and reads both answers: the LAN's delay is paid once for them. If the statement fails,
the server skips the COMMIT (the pipeline is aborted) and the error is raised: the unit then
rolls back as any failed unit does.

A unit that must read under the write lock before it knows what to write (signing in: the
account's row, locked) sends BEGIN, the lock, the trail's last event and that read together
(`begin_and_read`), then its writes and the COMMIT together (`execute_all_and_commit`): two
waits, where the ORM's unit waited for each statement.

Reads that do not depend on each other (a client's page: the record, the visits, their values,
findings and questionnaires) go the same way, all in one request: `read_together`. Reads
that must agree with each other (a search: the words' counts, and the page read the way those
counts choose, gated by them on the server) go in one request and one snapshot:
`read_in_one_snapshot`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler


def execute_and_commit(conn: Connection, statement: str, params: dict[str, Any]) -> list[Any]:
    """Runs `statement` (psycopg's %(name)s parameters) then COMMIT on the unit's connection,
    in one request; the statement's rows. The transaction is over when this returns: the
    session's own commit afterwards sends nothing (the driver sees no transaction open)."""
    driver = conn.connection.driver_connection
    assert driver is not None and hasattr(driver, "pipeline"), "a psycopg 3 connection"
    with driver.pipeline():
        cursor = driver.cursor()
        cursor.execute(statement, params)
        driver.execute("COMMIT")
    rows: list[Any] = cursor.fetchall()
    cursor.close()
    return rows


def begin_execute_commit(
    conn: Connection, lock_key: int, statement: str, params: dict[str, Any]
) -> list[Any]:
    """BEGIN, the advisory write lock `lock_key` (held to the COMMIT), `statement` and COMMIT
    in one request, on a connection whose unit sends no BEGIN of its own (a read unit's); the
    statement's rows. A failure leaves the transaction aborted: the unit's rollback ends it."""
    driver = conn.connection.driver_connection
    assert driver is not None and hasattr(driver, "pipeline"), "a psycopg 3 connection"
    with driver.pipeline():
        driver.execute("BEGIN")
        driver.execute("SELECT pg_advisory_xact_lock(%s)", [lock_key])
        cursor = driver.cursor()
        cursor.execute(statement, params)
        driver.execute("COMMIT")
    rows: list[Any] = cursor.fetchall()
    cursor.close()
    return rows


def begin_and_read(
    conn: Connection, lock_key: int, statement: str, params: dict[str, Any]
) -> tuple[tuple[int, str] | None, list[Any]]:
    """BEGIN, the advisory write lock `lock_key` (held to the unit's end), the audit trail's
    last event (read under the lock, as a write unit's BEGIN reads it) and `statement` (a read
    under the lock: `FOR UPDATE` of the rows the unit will change), in one request, on a
    connection whose unit sends no BEGIN of its own (a read unit's). (The trail's last event
    (id, hash), None for an empty trail; the statement's rows.) The transaction stays open:
    end it with `execute_all_and_commit`, or the unit's rollback ends it."""
    driver = conn.connection.driver_connection
    assert driver is not None and hasattr(driver, "pipeline"), "a psycopg 3 connection"
    with driver.pipeline():
        driver.execute("BEGIN")
        driver.execute("SELECT pg_advisory_xact_lock(%s)", [lock_key])
        last = driver.cursor()
        last.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")
        cursor = driver.cursor()
        cursor.execute(statement, params)
    tip_row = last.fetchone()
    rows: list[Any] = cursor.fetchall()
    last.close()
    cursor.close()
    tip = None if tip_row is None else (int(tip_row[0]), str(tip_row[1]))
    return tip, rows


def execute_all_and_commit(
    conn: Connection, statements: Sequence[tuple[str, dict[str, Any]]]
) -> list[list[Any]]:
    """Runs `statements` (psycopg's %(name)s parameters) one after the other, then COMMIT,
    in one request, in the transaction open on the unit's connection (`begin_and_read`);
    each statement's rows (empty for one that returns none). If one fails, the server skips
    the rest and the COMMIT (the pipeline is aborted) and the error is raised: the unit's
    rollback ends the transaction, nothing of it stored."""
    driver = conn.connection.driver_connection
    assert driver is not None and hasattr(driver, "pipeline"), "a psycopg 3 connection"
    cursors = []
    with driver.pipeline():
        for statement, params in statements:
            cursor = driver.cursor()
            cursor.execute(statement, params)
            cursors.append(cursor)
        driver.execute("COMMIT")
    found: list[list[Any]] = []
    for cursor in cursors:
        found.append(cursor.fetchall() if cursor.description is not None else [])
        cursor.close()
    return found


def read_together(conn: Connection, statements: Sequence[ClauseElement]) -> list[list[Any]]:
    """Runs independent reads (SQLAlchemy statements, compiled for this connection) in one
    request on a read unit's connection (the driver in autocommit: no BEGIN, each statement
    its own snapshot, as when sent one by one); each statement's rows, as the driver gives
    them (psycopg's own types: the column types' result processing is not applied, so read
    only columns the driver returns as the program stores them). A failure is the driver's
    own error, not wrapped by SQLAlchemy: the caller says what it means and, when the link
    went (the driver closed the connection), ends the unit so that SQLAlchemy finds the
    connection lost (services.assessments.queries). A read unit has nothing to undo."""
    driver = conn.connection.driver_connection
    assert driver is not None and hasattr(driver, "pipeline"), "a psycopg 3 connection"
    compiled = [stmt.compile(dialect=conn.dialect) for stmt in statements]
    cursors = []
    with driver.pipeline():
        for query in compiled:
            cursor = driver.cursor()
            cursor.execute(str(query), query.params)
            cursors.append(cursor)
    found: list[list[Any]] = []
    for cursor in cursors:
        found.append(cursor.fetchall())
        cursor.close()
    return found


@lru_cache(maxsize=256)
def _compiled(statement: ClauseElement, dialect: Dialect) -> SQLCompiler:
    """A statement built once (a cached one) compiled once for the server's dialect."""
    compiled = statement.compile(dialect=dialect)
    assert isinstance(compiled, SQLCompiler)
    return compiled


def read_in_one_snapshot(
    conn: Connection, statements: Sequence[tuple[ClauseElement, Mapping[str, Any]]]
) -> list[list[Any]]:
    """Runs reads (SQLAlchemy statements, each with its parameters' values) in one request
    and one snapshot: BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY, the reads, COMMIT,
    on a read unit's connection (the driver in autocommit: the unit sends no BEGIN of its
    own). Every read sees the same committed state, so a later read may be gated by what an
    earlier one counts (the same rule, the same answer). Each statement's rows, as the driver
    gives them (no result processing, as `read_together`). A failure is the driver's own
    error; the transaction is rolled back here when the link still stands."""
    driver = conn.connection.driver_connection
    assert driver is not None and hasattr(driver, "pipeline"), "a psycopg 3 connection"
    states = [
        _compiled(statement, conn.dialect).construct_expanded_state(dict(values))
        for statement, values in statements
    ]
    cursors = []
    try:
        with driver.pipeline():
            driver.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            for state in states:
                cursor = driver.cursor()
                cursor.execute(state.statement, state.parameters)
                cursors.append(cursor)
            driver.execute("COMMIT")
    except BaseException:
        if not driver.closed:
            with contextlib.suppress(Exception):
                driver.rollback()  # the aborted transaction (its COMMIT was skipped)
        raise
    found: list[list[Any]] = []
    for cursor in cursors:
        found.append(cursor.fetchall())
        cursor.close()
    return found
