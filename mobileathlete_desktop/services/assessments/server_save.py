"""A value typed over one already stored, saved on a clinic server in two waits.

The usual save (`set_value`) waits five times on a clinic LAN: BEGIN with the write lock and
the audit trail's last event, the visit, the compare-and-set UPDATE, the audit INSERT, COMMIT.
Here the visit's check (it exists, is this client's, is not signed), the compare-and-set and
the audit event are one statement, and the COMMIT goes with it (storage.server_pipeline):

    WITH updated AS (UPDATE measurement ... WHERE <the cell holds `expected`>
                     AND EXISTS (<the visit, this client's, not signed>) RETURNING ...),
         logged AS (INSERT INTO audit_event ... SELECT ... FROM updated RETURNING id)
    SELECT ... FROM updated CROSS JOIN logged

The event is hashed and sealed here, chained from the trail's last event that the BEGIN read
under the write lock, exactly as `record_event` would write it. Its detail names the painful
mark as stored, which only the UPDATE knows: both versions are sealed, and the statement
stores the one that matches. The UPDATE and the INSERT stand or fall together: a cell that no
longer holds `expected`, a signed visit, or a visit not known to this process stores nothing
and logs nothing (the transaction commits empty), and `set_value` then takes its usual path,
which says why (ConflictError, InputError) or saves it the long way.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from mobileathlete_desktop.domain.catalogue import Mode, Side
from mobileathlete_desktop.domain.records import MeasurementRecord
from mobileathlete_desktop.services.assessments.records import known_client
from mobileathlete_desktop.services.audit import chain_tip_under_lock, note_appended, sealed_event
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.errors import storage_error
from mobileathlete_desktop.storage.models import utcnow
from mobileathlete_desktop.storage.server_pipeline import execute_and_commit

_FIELDS = ("pain", "note", "instrument", "position", "rater")

_STATEMENT = """
WITH updated AS (
    UPDATE measurement SET value = %(value)s, updated_at = %(now)s{extra}
    WHERE assessment_id = %(assessment)s AND code = %(code)s AND side = %(side)s
      AND mode = %(mode)s AND value = %(expected)s
      AND EXISTS (
          SELECT 1 FROM assessment
          WHERE id = %(assessment)s AND client_id = %(client)s AND status <> 'signed'
      )
    RETURNING value, pain, note, instrument, position, rater, unit
), logged AS (
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
)
SELECT updated.value, updated.pain, updated.note, updated.instrument, updated.position,
       updated.rater, updated.unit, logged.id
FROM updated CROSS JOIN logged
"""


def applies(ctx: ServiceContext) -> bool:
    """Whether saves to this database can take this path (a PostgreSQL server)."""
    return ctx.db.engine.dialect.name == "postgresql"


def swap_value(
    ctx: ServiceContext,
    assessment_id: int,
    cell: tuple[str, Side, Mode],
    expected: float,
    value: float,
    given: dict[str, object],
) -> MeasurementRecord | None:
    """Sets a cell holding `expected` to `value` (with the other fields given), audited, in
    one statement committed with it; the stored cell, or None when nothing was stored (the
    visit not loaded by this process yet, signed, or the cell not holding `expected`).

    The caller checked the permission and the value."""
    client_id = known_client(ctx.db.engine, assessment_id)
    if client_id is None:
        return None
    code, side, mode = cell
    changes = {k: v for k, v in given.items() if k in _FIELDS and v is not None}
    extra = "".join(f", {name} = %({name})s" for name in changes)
    base = {"code": code, "side": side, "mode": mode, "before": expected, "after": value}
    at = datetime.now(UTC).replace(tzinfo=None)
    with ctx.db.session() as session:
        tip = chain_tip_under_lock(session)  # read by the unit's BEGIN, under the write lock
        # Both versions at the same moment from the same tip: only the detail's painful mark
        # (and so the hash and the seal) tells them apart.
        events = {
            painful: sealed_event(
                tip,
                ctx.actor,
                "measurement.set",
                entity="assessment",
                entity_id=assessment_id,
                client_id=client_id,
                detail={**base, "pain": painful},
                at=at,
            )
            for painful in (False, True)
        }
        plain, painful = events[False], events[True]
        params: dict[str, Any] = {
            **changes,
            "value": value,
            "now": utcnow(),
            "assessment": assessment_id,
            "code": code,
            "side": side,
            "mode": mode,
            "expected": expected,
            "client": client_id,
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
        try:
            rows = execute_and_commit(session.connection(), _STATEMENT.format(extra=extra), params)
        except Exception as exc:
            known = storage_error(exc)
            if known is not None:
                raise known from exc
            raise
        if not rows:
            return None
        stored = rows[0]
        event = events[bool(stored[1])]
        event.id = int(stored[7])
        note_appended(session, event, tip)
    return MeasurementRecord(
        code=code,
        side=side,
        mode=mode,
        value=stored[0],
        pain=stored[1],
        note=stored[2],
        instrument=stored[3],
        position=stored[4],
        rater=stored[5],
        unit=stored[6],
    )
