"""The audit trail: every sign-in, opening, change, signing and print, hash-chained.

How to record an event (for every service that reads or changes clinic data)::

    with ctx.db.session() as session:
        ...  # the change itself
        record_event(
            session, ctx.actor, "handout.print",        # noun.verb, lower case
            entity="home_program", entity_id=program.id, # what was touched
            client_id=program.client_id,                 # whose record (for --client)
            detail={"file": str(path), "language": "es"},# JSON-safe; changes as before/after
        )

- Call it inside the same session as the change, so the change and its event commit
  together (or neither does).
- Changes carry `detail={"before": {...}, "after": {...}}` with only the changed fields.
- Anything that leaves the program (export, handout, report, print, chart image) names
  the file or printer in `detail`; opening a client's record is `client.open`.
- Never write to audit_event any other way: the database refuses UPDATE and DELETE on it.
  (One exception: services.assessments.server_save inserts a grid value's event in the
  statement that stores the value, sealed here by `sealed_event`.)
- Each event is sealed with a key kept outside the database, and after the commit the
  chain's head is written beside the database (services.audit_seal); `check` compares both.
"""

from __future__ import annotations

import csv
import hashlib
import json
import threading
import weakref
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import select, text
from sqlalchemy.orm import Session
from sqlalchemy.pool import Pool

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services.audit_key import AuditKey, seal_or_blank
from mobileathlete_desktop.services.audit_seal import (
    REANCHORING_ACTIONS,
    head_before_reanchor,
    note_append,
)
from mobileathlete_desktop.services.audit_words import EventFacts, describe
from mobileathlete_desktop.services.context import InputError, ServiceContext
from mobileathlete_desktop.storage.models import Assessment, AuditEvent, Client, User
from mobileathlete_desktop.storage.server_connections import (
    WRITE_LOCK_KEY,
    chain_tip,
    note_chain_tip,
)
from mobileathlete_desktop.support.csv_cells import safe_csv_row
from mobileathlete_desktop.support.files import AtomicWriteError, atomic_write_text

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


# The PostgreSQL advisory lock that serialises audit appends: a write unit takes it with its
# BEGIN (storage.server_connections); any other unit that appends takes it here.
AUDIT_LOCK_KEY = WRITE_LOCK_KEY


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
    tip = _chain_tip(session)
    clean = _canonical(detail or {})
    if action in REANCHORING_ACTIONS:
        # The trail is replaced (a restore): it says which head it replaced.
        clean["audit_head_before"] = head_before_reanchor(session)
    event = sealed_event(
        tip, actor, action, entity=entity, entity_id=entity_id, client_id=client_id, detail=clean
    )
    session.add(event)
    session.flush()
    note_appended(session, event, tip)
    return event


def sealed_event(
    tip: tuple[int, str] | None,
    actor: Actor,
    action: str,
    *,
    entity: str = "",
    entity_id: object = "",
    client_id: int | None = None,
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """The event that follows `tip` (the trail's last event, read under the write lock),
    hashed and sealed, not yet stored (no id): record_event adds it; a statement that writes
    the change and its event at once (services.assessments.server_save) sends its fields.
    `at` (naive UTC) is now unless given."""
    prev = tip[1] if tip else GENESIS
    at = at if at is not None else datetime.now(UTC).replace(tzinfo=None)
    clean = _canonical(detail or {})
    digest = event_hash(prev, at, actor.username, action, entity, str(entity_id), client_id, clean)
    return AuditEvent(
        at=at,
        user_id=actor.user_id,
        username=actor.username,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        client_id=client_id,
        detail=clean,
        prev_hash=prev,
        hash=digest,
        seal=seal_or_blank(digest),
    )


def note_appended(session: Session, event: AuditEvent, tip: tuple[int, str] | None) -> None:
    """An event stored in this transaction (its id known) is the trail's new last event: the
    next append chains from it, and the head file follows at the commit."""
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        note_chain_tip(session.connection(), event.id, event.hash)
        note_trail_end(bind.engine.pool, (event.id, event.hash))
    note_append(session, event, event.action, tip)


# The trail's end as this process last wrote (or read) it, per clinic server (keyed by the
# engine's pool): a save may chain from it at once, its statement checking under the write
# lock that it still is the end (services.assessments.server_save). A guess, never trusted:
# an end rolled back or passed by another workstation only costs that save a second wait.
_ENDS: weakref.WeakKeyDictionary[Pool, tuple[int, str] | None] = weakref.WeakKeyDictionary()
_ENDS_LOCK = threading.Lock()


def note_trail_end(pool: Pool, end: tuple[int, str] | None) -> None:
    """The trail's end (id, hash; None: empty) as just written or read on this database."""
    with _ENDS_LOCK:
        _ENDS[pool] = end


def trail_end_seen(pool: Pool) -> tuple[bool, tuple[int, str] | None]:
    """(known, end): the trail's end as this process last wrote or read it, if it did."""
    with _ENDS_LOCK:
        return pool in _ENDS, _ENDS.get(pool)


def chain_tip_under_lock(session: Session) -> tuple[int, str] | None:
    """The trail's last event (id, hash), read so that no other transaction can append after
    it before this one ends (on a server, a write unit knows it from its BEGIN)."""
    return _chain_tip(session)


def _chain_tip(session: Session) -> tuple[int, str] | None:
    """The trail's last event (id, hash), None for an empty trail, read so that no other
    transaction can append after it before this one ends."""
    if session.get_bind().dialect.name == "postgresql":
        known, tip = chain_tip(session.connection())
        if known:  # a write unit: its BEGIN took the write lock and read the last event
            return tip
        # Workstations append concurrently: without this lock two transactions could read the
        # same last hash and fork the chain. The lock is held until this transaction ends.
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK_KEY})
    last = session.execute(
        select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).first()
    return None if last is None else (int(last.id), str(last.hash))


@dataclass
class TrailFindings:
    """What one pass over the trail found: problems, and how its events are sealed."""

    problems: list[str]
    events: int = 0
    own_sealed: int = 0
    """Events sealed with this workstation's key (all verified)."""
    unsealed: int = 0
    """Events written before seals existed (before migration 0005_audit_anchor)."""
    foreign: int = 0
    """Events sealed with another key, before any sealed with this one."""


def verify_chain(session: Session) -> list[str]:
    """Problems found in the trail (an edited, deleted or reordered event); empty when intact."""
    return verify_trail(session).problems


def verify_trail(
    session: Session, key: AuditKey | None = None, *, contiguous_ids: bool = False
) -> TrailFindings:
    """One streaming pass over the trail: the chain, and with `key` every seal; with
    `contiguous_ids` (SQLite, where ids are never skipped) a gap in the ids is a deletion.

    Once an event is sealed with `key`, every later one must be too: an unsealed or
    foreign-sealed event after it was written without the program's key.
    """
    found = TrailFindings(problems=[])
    problems = found.problems
    prev = GENESIS
    last_id = 0
    stmt = select(AuditEvent).order_by(AuditEvent.id).execution_options(yield_per=2000)
    for event in session.execute(stmt).scalars():
        found.events += 1
        if contiguous_ids and last_id and event.id != last_id + 1:
            gap = (
                f"audit event {last_id + 1} missing"
                if event.id == last_id + 2
                else f"audit events {last_id + 1}-{event.id - 1} missing"
            )
            problems.append(f"{gap} (ids jump from {last_id} to {event.id}: deleted)")
        last_id = event.id
        if key is not None:
            _check_seal(event, key, found)
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
        session.expunge(event)  # bounded memory over a long trail
    return found


def _check_seal(event: AuditEvent, key: AuditKey, found: TrailFindings) -> None:
    seal = event.seal or ""
    if seal.startswith(key.key_id + ":"):
        if not key.verifies(seal, event.hash):
            found.problems.append(
                f"audit event {event.id}: seal does not match "
                "(changed or written without the program's key)"
            )
        found.own_sealed += 1
    elif found.own_sealed:
        what = "not sealed" if not seal else "sealed with an unknown key"
        found.problems.append(f"audit event {event.id}: {what} (written outside the program)")
    elif seal:
        found.foreign += 1
    else:
        found.unsealed += 1


@dataclass(frozen=True)
class AuditRecord:
    """One event as an admin reads it."""

    id: int
    at: datetime
    username: str
    action: str
    entity: str
    entity_id: str
    chart_number: str
    detail: dict[str, Any]
    who: str = ""
    """The user's display name (the username when the account is unknown)."""
    description: str = ""
    """The event in one sentence ("Pat Therapist changed hip flexion left active from …")."""

    def values(self) -> dict[str, Any]:
        """JSON-ready form (time as ISO text in UTC)."""
        return {
            "id": self.id,
            "at": self.at.isoformat(timespec="seconds"),
            "user": self.username,
            "action": self.action,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "chart_number": self.chart_number,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class AuditFilter:
    """Which events to show: by client's chart number, user, earliest day and action prefix."""

    chart_number: str = ""
    username: str = ""
    since: date | None = None
    action: str = ""


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def find_events(
    ctx: ServiceContext,
    flt: AuditFilter = AuditFilter(),
    *,
    limit: int | None = None,
    newest_first: bool = False,
) -> list[AuditRecord]:
    """Events matching the filter, oldest first or newest first (admins only), each in words."""
    ctx.actor.require("audit.read")
    stmt = (
        select(AuditEvent, Client.chart_number, User.display_name)
        .outerjoin(Client, Client.id == AuditEvent.client_id)
        .outerjoin(User, User.id == AuditEvent.user_id)
    )
    if flt.chart_number.strip():
        stmt = stmt.where(Client.chart_number == flt.chart_number.strip())
    if flt.username.strip():
        stmt = stmt.where(AuditEvent.username == flt.username.strip().lower())
    if flt.since is not None:
        stmt = stmt.where(AuditEvent.at >= datetime(flt.since.year, flt.since.month, flt.since.day))
    if flt.action.strip():
        stmt = stmt.where(AuditEvent.action.startswith(flt.action.strip()))
    stmt = stmt.order_by(AuditEvent.id.desc() if newest_first else AuditEvent.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    with ctx.db.reading() as session:
        rows = session.execute(stmt).all()
        facts = EventFacts(ctx.catalogue, _assessment_dates(session, [e for e, _c, _n in rows]))
        found = []
        for e, chart, name in rows:
            who = name or e.username
            detail = dict(e.detail or {})
            found.append(
                AuditRecord(
                    id=e.id,
                    at=_utc(e.at),
                    username=e.username,
                    action=e.action,
                    entity=e.entity,
                    entity_id=e.entity_id,
                    chart_number=chart or "",
                    detail=detail,
                    who=who,
                    description=describe(e.action, who, e.entity_id, chart or "", detail, facts),
                )
            )
        return found


def _assessment_dates(session: Session, events: list[AuditEvent]) -> dict[int, date]:
    """The date of every assessment the events name (or an addendum refers to), in one query."""
    ids = {int(e.entity_id) for e in events if e.entity == "assessment" and e.entity_id.isdigit()}
    ids |= {
        int(e.detail["addendum_of"])
        for e in events
        if isinstance((e.detail or {}).get("addendum_of"), int)
    }
    if not ids:
        return {}
    found: dict[int, date] = {}
    chunk = sorted(ids)
    for start in range(0, len(chunk), 500):  # within any database's limit of bound values
        part = chunk[start : start + 500]
        stmt = select(Assessment.id, Assessment.date).where(Assessment.id.in_(part))
        found.update({row.id: row.date for row in session.execute(stmt)})
    return found


def record_export(
    ctx: ServiceContext, what: str, destination: str, flt: AuditFilter, count: int
) -> None:
    """Notes in the trail that part of the trail itself left the program."""
    with ctx.db.session() as session:
        record_event(
            session,
            ctx.actor,
            what,
            detail={
                "file": destination,
                "events": count,
                "filter": {
                    "chart_number": flt.chart_number,
                    "user": flt.username,
                    "since": flt.since,
                    "action": flt.action,
                },
            },
        )


def record_chart_export(
    ctx: ServiceContext, client_id: int, file_name: str, chart: str, mode: str | None = None
) -> None:
    """Notes in the trail that one of a client's charts left the program as an image file."""
    with ctx.db.session() as session:
        record_event(
            session,
            ctx.actor,
            "chart.export",
            entity="client",
            entity_id=client_id,
            client_id=client_id,
            detail={"file": file_name, "chart": chart, "mode": mode or ""},
        )


CSV_COLUMNS = ("id", "at", "user", "action", "entity", "entity_id", "chart_number", "detail")


def export_csv(ctx: ServiceContext, path: Path, flt: AuditFilter = AuditFilter()) -> int:
    """Writes the matching events to a UTF-8 CSV file (admins only; the export is audited)."""
    events = find_events(ctx, flt)

    def write(fh: TextIO) -> None:
        writer = csv.writer(fh)
        writer.writerow(CSV_COLUMNS)
        for e in events:
            v = e.values()
            cells = [*(v[c] for c in CSV_COLUMNS[:-1]), json.dumps(e.detail, default=str)]
            writer.writerow(safe_csv_row(cells, numeric=(0,)))  # `id` is a number

    try:
        atomic_write_text(path, write)
    except AtomicWriteError as exc:
        raise InputError(str(exc)) from exc
    record_export(ctx, "audit.export", str(path), flt, len(events))
    return len(events)
