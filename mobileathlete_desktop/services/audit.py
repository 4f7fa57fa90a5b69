"""The audit trail: every sign-in, opening, change, signing and print, hash-chained."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.storage.models import AuditEvent

GENESIS = "0" * 64


def _canonical(value: Any) -> Any:
    """JSON-safe form of a value (dates as ISO text), so the hash is stable."""
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def event_hash(
    prev_hash: str,
    at: datetime,
    username: str,
    action: str,
    entity: str,
    entity_id: str,
    client_id: int | None,
    detail: dict[str, Any],
) -> str:
    """SHA-256 over the previous hash and this event's content."""
    payload = json.dumps(
        [
            prev_hash,
            at.replace(tzinfo=None).isoformat(timespec="microseconds"),
            username,
            action,
            entity,
            entity_id,
            client_id,
            detail,
        ],
        sort_keys=True,
        ensure_ascii=True,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def record_event(
    session: Session,
    actor: Actor,
    action: str,
    *,
    entity: str = "",
    entity_id: object = "",
    client_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Appends an event to the trail inside the caller's unit of work."""
    last = session.execute(
        select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).scalar_one_or_none()
    prev = last or GENESIS
    at = datetime.now(UTC).replace(tzinfo=None)
    clean = _canonical(detail or {})
    event = AuditEvent(
        at=at,
        user_id=actor.user_id,
        username=actor.username,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        client_id=client_id,
        detail=clean,
        prev_hash=prev,
        hash=event_hash(prev, at, actor.username, action, entity, str(entity_id), client_id, clean),
    )
    session.add(event)
    session.flush()
    return event


def verify_chain(session: Session) -> list[str]:
    """Problems found in the trail (an edited, deleted or reordered event); empty when intact."""
    problems: list[str] = []
    prev = GENESIS
    for event in session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars():
        if event.prev_hash != prev:
            problems.append(
                f"audit event {event.id}: chain broken (an event before it was removed)"
            )
        expected = event_hash(
            event.prev_hash,
            event.at,
            event.username,
            event.action,
            event.entity,
            event.entity_id,
            event.client_id,
            event.detail,
        )
        if expected != event.hash:
            problems.append(f"audit event {event.id}: content changed after it was written")
        prev = event.hash
    return problems
