"""Keeping the audit trail's head file sealed and current: what lets `check` find a trail
edited in the file.

After every commit that appended events, the chain's head (event count, last id and hash,
sealed with the workstation's key: services.audit_key) is written atomically beside the
SQLite file, or for a clinic server in the config folder (services.audit_head_file), and
beside every backup. The program never moves a head back over a trail that lost it: the
evidence stays until someone looks.

What this proves, and against whom, is in docs/trust.md ("The audit trail").
"""

from __future__ import annotations

import contextlib
import logging
import threading
import weakref
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.orm import Session
from sqlalchemy.pool import Pool

from mobileathlete_desktop.services.audit_head_file import (
    anchor_path,
    head_path,
    read_head,
    write_head,
)
from mobileathlete_desktop.services.audit_heads import Appended, Head, LaterHeads, PlannedHeads
from mobileathlete_desktop.services.audit_key import AuditKey, audit_key
from mobileathlete_desktop.storage.models import AuditEvent

logger = logging.getLogger(__name__)

# Actions that legitimately replace the trail with another (a restored backup): the head
# follows the new trail, and the event itself records the head it replaced.
REANCHORING_ACTIONS = frozenset({"backup.restore"})


def current_head(conn: Connection | Session) -> Head | None:
    """The chain's head in the database now (None for an empty trail)."""
    last = conn.execute(
        select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).first()
    if last is None:
        return None
    count = conn.execute(select(func.count(AuditEvent.id))).scalar_one()
    return Head(int(count), int(last.id), str(last.hash))


def note_append(
    session: Session, event: AuditEvent, action: str, before: tuple[int, str] | None = None
) -> None:
    """Called by record_event: the head is brought forward when this session commits.

    The new head is worked out just before the commit, inside the writing transaction (which
    holds SQLite's write lock or PostgreSQL's audit lock, so no other writer can interleave),
    and the file is written just after it: a head never names an event that was not stored.
    `before` is the trail's last event before this one (record_event read it under the lock).
    """
    info = session.info
    info.setdefault("audit_first_id", event.id)
    info["audit_pending"] = True
    if "audit_appended" not in info:
        info["audit_appended"] = Appended(before, 1, (event.id, event.hash))
    else:
        known: Appended | None = info["audit_appended"]
        # Each append chains from the one before it; anything else is planned the long way.
        follows = known is not None and before == known.last
        info["audit_appended"] = (
            Appended(known.before, known.count + 1, (event.id, event.hash))
            if known is not None and follows
            else None
        )
    if action in REANCHORING_ACTIONS:
        info["audit_reanchor"] = True
    if not info.get("audit_hooked"):
        from sqlalchemy import event as sa_event

        info["audit_hooked"] = True
        sa_event.listen(session, "before_commit", _before_commit)
        sa_event.listen(session, "after_commit", _after_commit)
        sa_event.listen(session, "after_rollback", _after_rollback)


_STATE = (
    "audit_pending",
    "audit_reanchor",
    "audit_first_id",
    "audit_head_plan",
    "audit_appended",
)


def _after_rollback(session: Session) -> None:
    for name in _STATE:
        session.info.pop(name, None)


def _before_commit(session: Session) -> None:
    info = session.info
    if not info.pop("audit_pending", False):
        return
    reanchor = bool(info.pop("audit_reanchor", False))
    first_id = int(info.pop("audit_first_id", 0))
    appended = info.pop("audit_appended", None)
    try:
        session.flush()
        path = head_path(session.get_bind().engine.url)
        if path is not None:
            head = plan_head(session, path, first_id=first_id, reanchor=reanchor, appended=appended)
            if head is not None:
                info["audit_head_plan"] = (path, head, reanchor)
    except Exception as exc:  # a head not written is reported by check, never a lost change
        logger.warning("audit head not planned: %s", exc)


def _after_commit(session: Session) -> None:
    plan = session.info.pop("audit_head_plan", None)
    if plan is None:
        return
    path, head, reanchor = plan
    _planned.add(path, head)
    if reanchor or not _later.enabled:
        _write_if_newer(path, head, reanchor=reanchor)
    else:
        _later.add(path, head)


def _write_if_newer(path: Path, head: Head, *, reanchor: bool = False) -> None:
    try:
        key = audit_key()
        if not reanchor:
            # Another program may have committed later and written its (newer) head since.
            there = read_head(path, key)
            if there.head is not None and there.head.last_id >= head.last_id:
                return
        write_head(path, head, key)
    except Exception as exc:  # the change is committed; check reports a stale head
        logger.warning("audit head not written: %s", exc)


_later = LaterHeads(_write_if_newer)
_LaterHeads = LaterHeads  # the name tests set DELAY_S on


def defer_head_writes(enabled: bool) -> None:
    """Head files written a moment after each commit (the window, where saves are typed)
    instead of inside it (commands, tests); turning it off writes what is pending."""
    if not enabled:
        _later.flush()
    _later.enabled = enabled


def flush_heads() -> None:
    """Writes every head file still pending (the window closing, a backup being taken)."""
    _later.flush()


_planned = PlannedHeads()


def plan_head(
    conn: Connection | Session,
    path: Path,
    *,
    first_id: int = 0,
    reanchor: bool = False,
    appended: Appended | None = None,
) -> Head | None:
    """The head to write for the trail as it is now, or None to leave the file alone.

    The head only moves forward over a trail that still holds the old head: a trail that
    was cut or rewritten behind the program's back (or a head file altered, sealed with
    another key, or deleted while sealed events remain) is left for `check` to report.
    `reanchor` (a restore) replaces the head whatever it said. `first_id` is the first
    event this transaction added; `appended` what it appended, seen under the lock (then
    the usual case, the trail's last event before them being the old head's, asks the
    database nothing).
    """
    key = audit_key()
    if reanchor:
        _forget_sealed(path)
    old = read_head(path, key)
    if not reanchor and old.status in ("altered", "foreign"):
        return None
    if appended is not None and not reanchor and old.status == "ok":
        assert old.head is not None
        if appended.before == (old.head.last_id, old.head.last_hash):
            return Head(old.head.events + appended.count, *appended.last)
        followed = _planned.follow(path, old.head, appended)
        if followed is not None:
            return followed
    if appended is not None:
        last: Any = appended.last
    else:
        last = conn.execute(
            select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
        ).first()
    if last is None:
        return None
    last_id, last_hash = int(last[0]), str(last[1])
    # Counted up to this head's event only: a save that committed with its statement
    # (services.assessments.server_save) plans its head after the write lock was let go, when
    # another workstation may have appended already (ids follow the order of the commits).
    if reanchor or old.status == "missing":
        if not reanchor and first_id and _sealed_before(conn, path, key, first_id):
            return None
        count = conn.execute(
            select(func.count(AuditEvent.id)).where(AuditEvent.id <= last_id)
        ).scalar_one()
        return Head(int(count), last_id, last_hash)
    assert old.head is not None
    if last_id <= old.head.last_id:
        return None
    at, newer = conn.execute(  # one request: the old head's event, and how many came after
        select(
            select(AuditEvent.hash).where(AuditEvent.id == old.head.last_id).scalar_subquery(),
            select(func.count(AuditEvent.id))
            .where(AuditEvent.id > old.head.last_id, AuditEvent.id <= last_id)
            .scalar_subquery(),
        )
    ).one()
    if at != old.head.last_hash:
        return None
    return Head(old.head.events + int(newer), last_id, last_hash)


# Per clinic server (the engine's pool) and head file: an event sealed with this key found
# before a transaction's first event (its id). Every workstation but the one that made the
# clinic has no head file for it, and its head is then never written (the sealed events say
# the trail is not new): each audited action asked again, one more wait on the LAN. The trail
# is append-only: an event found stays before every later transaction's first event, so the
# answer stays. It would change only if that event went: deleted by the tables' owner (then
# no head is started over the trail that lost it, as for any trail that lost events) or
# another database put at the same address while this process runs (asked again only when
# its transaction's first id is not past the event remembered). A SQLite file is asked each
# time (no network to wait for).
_SEALED_SEEN: weakref.WeakKeyDictionary[Pool, dict[tuple[Path, str], int]] = (
    weakref.WeakKeyDictionary()
)
_SEALED_LOCK = threading.Lock()


def _sealed_before(conn: Connection | Session, path: Path, key: AuditKey, first_id: int) -> bool:
    """Whether the trail holds an event sealed with `key` before `first_id` (the first event of
    the transaction being committed): the head file of such a trail was deleted, or was never
    written on this workstation; either way not one to start anew."""
    bind = conn.get_bind() if isinstance(conn, Session) else conn
    pool = None if bind.dialect.name == "sqlite" else bind.engine.pool
    if pool is not None:
        with _SEALED_LOCK:
            seen = _SEALED_SEEN.get(pool, {}).get((path, key.key_id))
        if seen is not None and seen < first_id:
            return True
    found = conn.execute(
        select(AuditEvent.id)
        .where(AuditEvent.id < first_id, AuditEvent.seal.startswith(key.key_id + ":"))
        .limit(1)
    ).first()
    if found is None:
        return False
    if pool is not None:
        with _SEALED_LOCK:
            _SEALED_SEEN.setdefault(pool, {})[(path, key.key_id)] = int(found[0])
    return True


def learn_sealed(engine: Engine) -> None:
    """Asks a clinic server ahead (the sign-in dialog, while the password is typed) whether
    its trail holds an event sealed with this workstation's key, when this workstation has
    no head file for it: the first audited action (the sign-in itself) then commits without
    asking (`_sealed_before`: one wait fewer after Enter on the LAN). What it remembers is
    what that question would remember (an event found stays before every later one). Quiet
    when it cannot ask: the action asks itself then. Nothing to do for a SQLite file."""
    if engine.dialect.name == "sqlite":
        return
    try:
        path = head_path(engine.url)
        key = audit_key()
        if path is None or read_head(path, key).status != "missing":
            return
        with _SEALED_LOCK:
            if (path, key.key_id) in _SEALED_SEEN.get(engine.pool, {}):
                return
        with engine.connect() as conn:
            found = conn.execute(
                select(AuditEvent.id).where(AuditEvent.seal.startswith(key.key_id + ":")).limit(1)
            ).first()
            conn.rollback()
    except Exception as exc:  # the first audited action asks itself
        logger.info("sealed events not asked ahead: %s", exc)
        return
    if found is not None:
        with _SEALED_LOCK:
            _SEALED_SEEN.setdefault(engine.pool, {})[(path, key.key_id)] = int(found[0])


def _forget_sealed(path: Path) -> None:
    """A restore replaced the trail: the new one is asked again."""
    with _SEALED_LOCK:
        for seen in _SEALED_SEEN.values():
            for known in [k for k in seen if k[0] == path]:
                del seen[known]


def head_before_reanchor(session: Session) -> dict[str, Any] | None:
    """For a restore's event: the head the file had before (None when there was none)."""
    try:
        path = head_path(session.get_bind().engine.url)
        found = None if path is None else read_head(path, audit_key())
    except OSError:
        return None
    if found is None:
        return None
    if found.head is None:
        return None
    return {
        "events": found.head.events,
        "last_id": found.head.last_id,
        "last_hash": found.head.last_hash,
        "status": found.status,
    }


def write_backup_head(engine: Engine, backup: Path) -> Path | None:
    """Seals the trail's head as it is now beside a backup (`<backup>.audit-head`), so a later
    rollback of the clinic (and of its own head) is found by `check`."""
    key = audit_key()
    with engine.connect() as conn:
        now = current_head(conn)
    if now is None:
        return None
    path = head_path(backup)
    assert path is not None
    write_head(path, now, key)
    return path


def seal_backups(engine: Engine, *backups: Path) -> None:
    """`write_backup_head` for each new backup; a head that cannot be written is logged (the
    backup itself is sound), never a reason to fail the backup."""
    for backup in backups:
        try:
            write_backup_head(engine, backup)
        except Exception as exc:  # the backup stands without its head
            logger.warning("audit head not written beside %s: %s", backup, exc)


def drop_backup_heads(backups: list[Path]) -> None:
    """Removes the heads of backups rotated out."""
    for backup in backups:
        with contextlib.suppress(OSError):
            anchor_path(backup).unlink(missing_ok=True)
