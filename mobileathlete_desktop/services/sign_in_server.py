"""Settling a sign-in on a clinic server in two waits after the password check.

`services.accounts.sign_in` checks the password (argon2, outside any transaction), then
settles the attempt in a write unit: the account read again under the clinic's write lock
(`FOR UPDATE`: the lock-out counter of concurrent attempts stays exact, a password changed
meanwhile is checked again), its counter and lock-out changed, and the attempt audited. The
ORM's unit waits for each step on a clinic LAN (BEGIN with the lock and the trail's end, the
account, the audit INSERT, COMMIT: four waits). Here BEGIN, the lock, the trail's last event
and the account go in one request (storage.server_pipeline.begin_and_read); the account's
change, the event (sealed here by `sealed_event`, chained from that event, as `record_event`
would write it) and COMMIT in a second. Nothing else differs: the same decision
(services.sign_in_verdict.decide), the same event, the same lock held from the read to the COMMIT.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from mobileathlete_desktop.services.audit import note_appended, sealed_event
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.errors import sent
from mobileathlete_desktop.services.sign_in_verdict import Account, Verdict
from mobileathlete_desktop.storage.server_connections import READ_OPTION, WRITE_LOCK_KEY
from mobileathlete_desktop.storage.server_pipeline import begin_and_read, execute_all_and_commit

_ACCOUNT = """
SELECT id, username, display_name, role, password_hash, active, locked_until, failed_attempts
FROM "user" WHERE username = %(username)s FOR UPDATE"""

_CHANGE = 'UPDATE "user" SET {fields} WHERE id = %(id)s'

_EVENT = """
INSERT INTO audit_event
    (at, user_id, username, action, entity, entity_id, client_id, detail, prev_hash, hash, seal)
VALUES (%(at)s, %(user_id)s, %(username)s, %(action)s, %(entity)s, %(entity_id)s,
        %(client_id)s, CAST(%(detail)s AS json), %(prev_hash)s, %(hash)s, %(seal)s)
RETURNING id"""


def applies(ctx: ServiceContext) -> bool:
    """Whether this database settles sign-ins here (a PostgreSQL server)."""
    return ctx.db.engine.dialect.name == "postgresql"


def settle(
    ctx: ServiceContext, username: str, decide: Callable[[Account | None], Verdict]
) -> Verdict:
    """Reads the account `username` under the write lock, settles the attempt with
    `decide` (given the account, or None when there is none) and stores what it says: the
    account's changes and its audit event, committed together. Two requests."""
    db = ctx.db
    # A unit whose BEGIN is its own (in the first request): the engine sends none for it.
    session = db.sessions(bind=db.engine.execution_options(**{READ_OPTION: True}))
    try:
        conn = session.connection()
        tip, rows = sent(
            lambda: begin_and_read(conn, WRITE_LOCK_KEY, _ACCOUNT, {"username": username})
        )
        account = Account(*rows[0]) if rows else None
        verdict = decide(account)
        event = sealed_event(
            tip,
            verdict.who,
            verdict.action,
            entity=verdict.entity,
            entity_id=verdict.entity_id,
            detail=verdict.detail,
        )
        statements: list[tuple[str, dict[str, Any]]] = []
        changes = _changed(account, verdict.changes)
        if account is not None and changes:
            fields = ", ".join(f"{name} = %({name})s" for name in changes)
            statements.append((_CHANGE.format(fields=fields), {**changes, "id": account.id}))
        statements.append(
            (
                _EVENT,
                {
                    "at": event.at,
                    "user_id": event.user_id,
                    "username": event.username,
                    "action": event.action,
                    "entity": event.entity,
                    "entity_id": event.entity_id,
                    "client_id": event.client_id,
                    "detail": json.dumps(event.detail),
                    "prev_hash": event.prev_hash,
                    "hash": event.hash,
                    "seal": event.seal,
                },
            )
        )
        found = sent(lambda: execute_all_and_commit(conn, statements))
        event.id = int(found[-1][0][0])
        note_appended(session, event, tip)
        session.commit()  # the transaction ended in the request: the head file follows
        return verdict
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def _changed(account: Account | None, changes: dict[str, object]) -> dict[str, object]:
    """The changes that change something (the ORM, too, writes no field set to its value)."""
    if account is None:
        return {}
    return {name: value for name, value in changes.items() if getattr(account, name) != value}
