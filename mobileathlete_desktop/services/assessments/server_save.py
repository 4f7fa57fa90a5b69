"""A value typed over one already stored, saved on a clinic server in one or two waits.

The usual save (`set_value`) waits five times on a clinic LAN: BEGIN with the write lock and
the audit trail's last event, the visit, the compare-and-set UPDATE, the audit INSERT, COMMIT.
Here the visit's check (it exists, is this client's, is not signed), the compare-and-set and
the audit event are one statement, and the COMMIT goes with it (storage.server_pipeline):

    WITH updated AS (UPDATE measurement ... WHERE <the cell holds `expected`>
                     AND EXISTS (<the visit, this client's, not signed>)
                     AND <the trail still ends with the event chained from> RETURNING ...),
         logged AS (INSERT INTO audit_event ... SELECT ... FROM updated RETURNING id)
    SELECT ... (one row: what was stored, if anything, and the trail's end)

The event is hashed and sealed here, as `record_event` would write it, chained from the
trail's last event as this process last wrote or read it; BEGIN, the write lock, the
statement and COMMIT are one request. When another workstation appended since, the guard
stores nothing and the statement answers with the trail's end: the save is sent again from
it (two requests; a third workstation meanwhile, and the write unit's BEGIN reads the end
under the lock). Its detail names the painful mark as
stored, which only the UPDATE knows: both versions are sealed, and the statement stores the
one that matches. The UPDATE and the INSERT stand or fall together: a cell that no longer
holds `expected`, a signed visit, or a visit not known to this process stores nothing and
logs nothing (the transaction commits empty), and `set_value` then takes its usual path,
which says why (ConflictError, InputError) or saves it the long way.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from mobileathlete_desktop.domain.catalogue import Mode, Side
from mobileathlete_desktop.domain.records import MeasurementRecord
from mobileathlete_desktop.services.assessments.records import known_client
from mobileathlete_desktop.services.audit import (
    chain_tip_under_lock,
    note_appended,
    note_trail_end,
    sealed_event,
    trail_end_seen,
)
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.errors import sent
from mobileathlete_desktop.storage.models import AuditEvent, utcnow
from mobileathlete_desktop.storage.server_connections import READ_OPTION, WRITE_LOCK_KEY
from mobileathlete_desktop.storage.server_pipeline import begin_execute_commit, execute_and_commit

_FIELDS = ("pain", "note", "instrument", "position", "rater")

_FIRST_VALUE = """
WITH visit AS (
    SELECT therapist_name FROM assessment
    WHERE id = %(assessment)s AND client_id = %(client)s AND status <> 'signed'
      AND COALESCE(
          (SELECT id::text || ':' || hash FROM audit_event ORDER BY id DESC LIMIT 1), ''
      ) = %(tip)s
), updated AS (
    INSERT INTO measurement
        (assessment_id, code, side, mode, value, unit, pain, note, instrument, position,
         rater, updated_at)
    SELECT %(assessment)s, %(code)s, %(side)s, %(mode)s, %(value)s, %(unit)s, %(pain)s,
           %(note)s, %(instrument)s, %(position)s,
           COALESCE(CAST(%(rater)s AS varchar), visit.therapist_name), %(now)s
    FROM visit
    ON CONFLICT (assessment_id, code, side, mode) DO NOTHING
    RETURNING value, pain, note, instrument, position, rater, unit
), {tail}"""
"""A first value in an empty cell: stored (with the defaults `set_value` gives a new cell)
unless the cell holds one already (the unique cell: nothing stored, nothing logged)."""

_STATEMENT = """
WITH updated AS (
    UPDATE measurement SET value = %(value)s, updated_at = %(now)s{extra}
    WHERE assessment_id = %(assessment)s AND code = %(code)s AND side = %(side)s
      AND mode = %(mode)s AND value = %(expected)s
      AND EXISTS (
          SELECT 1 FROM assessment
          WHERE id = %(assessment)s AND client_id = %(client)s AND status <> 'signed'
      )
      AND COALESCE(
          (SELECT id::text || ':' || hash FROM audit_event ORDER BY id DESC LIMIT 1), ''
      ) = %(tip)s
    RETURNING value, pain, note, instrument, position, rater, unit
), {tail}"""

_TAIL = """logged AS (
    INSERT INTO audit_event
        (at, user_id, username, action, entity, entity_id, client_id, detail, prev_hash,
         hash, seal)
    SELECT %(at)s, %(user_id)s, %(username)s, %(action)s, %(entity)s, %(entity_id)s,
           %(client)s,
           CAST(CASE WHEN updated.pain THEN %(detail_painful)s ELSE %(detail)s END AS json),
           %(prev_hash)s,
           CASE WHEN updated.pain THEN %(hash_painful)s ELSE %(hash)s END,
           CASE WHEN updated.pain THEN %(seal_painful)s ELSE %(seal)s END
    FROM updated
    RETURNING id
), tip AS (
    SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1
)
SELECT updated.value, updated.pain, updated.note, updated.instrument, updated.position,
       updated.rater, updated.unit, logged.id, tip.id, tip.hash
FROM (SELECT 1) AS answer
LEFT JOIN updated ON true LEFT JOIN logged ON true LEFT JOIN tip ON true
"""
"""The compare-and-set and its event, guarded by the trail's end they chain from ("id:hash",
"" for an empty trail); one row always: the stored cell and the event's id (NULL: nothing
stored), and the trail's end before it (the statement's snapshot does not see its own
insert), for the next save to chain from."""


ONE_WAIT_ATTEMPTS = 2
"""One-request tries before the two-request save: the first from the end this process knows
(or an empty trail), the second from the end the first answered with."""


def applies(ctx: ServiceContext) -> bool:
    """Whether saves to this database can take this path (a PostgreSQL server)."""
    return ctx.db.engine.dialect.name == "postgresql"


def swap_value(
    ctx: ServiceContext,
    assessment_id: int,
    cell: tuple[str, Side, Mode],
    expected: float | None,
    value: float,
    given: dict[str, object],
) -> MeasurementRecord | None:
    """Sets a cell holding `expected` (None: an empty cell) to `value` (with the other fields
    given), audited, in one statement committed with it; the stored cell, or None when
    nothing was stored (the visit not loaded by this process yet, signed, or the cell not
    holding `expected`).

    The BEGIN, the write lock, the statement and the COMMIT go in one request (one wait),
    chained from the trail's end this process last wrote or read; when another workstation
    appended since (the statement's guard stores nothing), once more from the end that
    request answered with (two waits), and if that too was passed, the write unit's BEGIN
    reads the end under the lock first. The caller checked the permission, the value and its
    painful mark (measurements._checked_value: a body measurement is never painful)."""
    pool = ctx.db.engine.pool
    client_id = known_client(ctx.db.engine, assessment_id)
    if client_id is None:
        return None
    save = _Save(ctx, assessment_id, client_id, cell, expected, value, given)
    _known, guess = trail_end_seen(pool)
    for _attempt in range(ONE_WAIT_ATTEMPTS):
        stored, end = save.in_one_wait(guess)
        note_trail_end(pool, end)
        if stored is not None or end == guess:
            return stored  # stored, or refused for its own reasons (the end was right)
        guess = end  # another workstation wrote since: chained from its event, at once
    # Still another one each time (a busy clinic): the end read under the lock first.
    stored, end = save.in_two_waits()
    note_trail_end(pool, end)
    return stored


class _Save:
    """One compare-and-set with its audit event, sealed for a given end of the trail."""

    def __init__(
        self,
        ctx: ServiceContext,
        assessment_id: int,
        client_id: int,
        cell: tuple[str, Side, Mode],
        expected: float | None,
        value: float,
        given: dict[str, object],
    ) -> None:
        self.ctx, self.assessment_id, self.client_id = ctx, assessment_id, client_id
        self.cell, self.expected, self.value = cell, expected, value
        self.changes = {k: v for k, v in given.items() if k in _FIELDS and v is not None}
        if expected is None:  # a first value: a new cell, with set_value's defaults
            measure = ctx.catalogue[cell[0]]
            self.changes = {
                "pain": bool(given.get("pain")),
                "note": given.get("note") or "",
                "instrument": given["instrument"]
                if given.get("instrument") is not None
                else measure.instrument,
                "position": given.get("position") or "",
                "rater": given.get("rater"),  # None: the visit's therapist
                "unit": measure.unit,
            }
            self.statement = _FIRST_VALUE.format(tail=_TAIL)
        else:
            extra = "".join(f", {name} = %({name})s" for name in self.changes)
            self.statement = _STATEMENT.format(extra=extra, tail=_TAIL)

    def _events(self, tip: tuple[int, str] | None) -> tuple[dict[bool, AuditEvent], dict[str, Any]]:
        """The event as it would be stored (not painful, painful) after `tip`, and the
        statement's parameters."""
        code, side, mode = self.cell
        base: dict[str, object] = {"code": code, "side": side, "mode": mode}
        base.update({"before": self.expected, "after": self.value})
        at = datetime.now(UTC).replace(tzinfo=None)
        # Both versions at the same moment from the same end: only the detail's painful mark
        # (and so the hash and the seal) tells them apart.
        events = {
            painful: sealed_event(
                tip,
                self.ctx.actor,
                "measurement.set",
                entity="assessment",
                entity_id=self.assessment_id,
                client_id=self.client_id,
                detail={**base, "pain": painful},
                at=at,
            )
            for painful in (False, True)
        }
        plain, painful = events[False], events[True]
        params: dict[str, Any] = {
            **self.changes,
            "value": self.value,
            "now": utcnow(),
            "assessment": self.assessment_id,
            "code": code,
            "side": side,
            "mode": mode,
            "expected": self.expected,
            "client": self.client_id,
            "tip": f"{tip[0]}:{tip[1]}" if tip else "",
            "at": plain.at,
            "user_id": plain.user_id,
            "username": plain.username,
            "action": plain.action,
            "entity": plain.entity,
            "entity_id": plain.entity_id,
            "detail": json.dumps(plain.detail),
            "detail_painful": json.dumps(painful.detail),
            "prev_hash": plain.prev_hash,
            "hash": plain.hash,
            "hash_painful": painful.hash,
            "seal": plain.seal,
            "seal_painful": painful.seal,
        }
        return events, params

    def in_two_waits(self) -> tuple[MeasurementRecord | None, tuple[int, str] | None]:
        """The write unit's BEGIN reads the trail's end under the lock; then the statement
        and the COMMIT. The stored cell (None: nothing stored) and the trail's end after."""
        with self.ctx.db.session() as session:
            tip = chain_tip_under_lock(session)  # read by the unit's BEGIN, under the lock
            events, params = self._events(tip)
            rows = sent(lambda: execute_and_commit(session.connection(), self.statement, params))
            return self._stored(session, rows[0], events, tip)

    def in_one_wait(
        self, guess: tuple[int, str] | None
    ) -> tuple[MeasurementRecord | None, tuple[int, str] | None]:
        """BEGIN, the write lock, the statement chained from `guess` and the COMMIT in one
        request. The stored cell (None: nothing stored, `guess` not the end or the save
        refused) and the trail's end after it."""
        db = self.ctx.db
        # A unit whose BEGIN is its own (in the request): the engine sends none for it.
        session = db.sessions(bind=db.engine.execution_options(**{READ_OPTION: True}))
        try:
            events, params = self._events(guess)
            conn = session.connection()
            rows = sent(lambda: begin_execute_commit(conn, WRITE_LOCK_KEY, self.statement, params))
            answer = self._stored(session, rows[0], events, guess)
            session.commit()  # the transaction ended in the request: the head file follows
            return answer
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def _stored(
        self,
        session: Session,
        row: Any,
        events: dict[bool, AuditEvent],
        tip: tuple[int, str] | None,
    ) -> tuple[MeasurementRecord | None, tuple[int, str] | None]:
        end = None if row[8] is None else (int(row[8]), str(row[9]))
        if row[7] is None:
            return None, end
        event = events[bool(row[1])]
        event.id = int(row[7])
        note_appended(session, event, tip)
        code, side, mode = self.cell
        stored = MeasurementRecord(
            code=code,
            side=side,
            mode=mode,
            value=row[0],
            pain=row[1],
            note=row[2],
            instrument=row[3],
            position=row[4],
            rater=row[5],
            unit=row[6],
        )
        return stored, (event.id, event.hash)
