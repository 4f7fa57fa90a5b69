"""The audit trail's key, seals and head: what lets `check` find a trail edited in the file.

- The key: 32 random bytes in the user's config folder (`audit-key`, created 0600 on first
  use), never in the database. Every event carries a seal, `<key id>:<HMAC-SHA256(key, hash)>`,
  so an event written or rewritten without the key (even with the program's own hash
  function) is found.
- The head: after every commit that appended events, the chain's head (event count, last id
  and hash, sealed with the key) is written atomically beside the SQLite file
  (`<db>.audit-head`; for a clinic server, in the config folder under `audit-heads/`) and
  beside every backup. A trail shorter than its head, or one whose head event changed, was
  cut or rewritten. The program never moves a head back over a trail that lost it: the
  evidence stays until someone looks.

What this proves, and against whom, is in docs/trust.md ("The audit trail").
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import os
import secrets
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from mobileathlete_desktop.storage.models import AuditEvent
from mobileathlete_desktop.support.files import atomic_write

logger = logging.getLogger(__name__)

ENV_CONFIG = "MOBILEATHLETE_CONFIG_DIR"
KEY_FILE = "audit-key"
HEAD_SUFFIX = ".audit-head"
HEAD_FORMAT = 1

# Actions that legitimately replace the trail with another (a restored backup): the head
# follows the new trail, and the event itself records the head it replaced.
REANCHORING_ACTIONS = frozenset({"backup.restore"})


def config_dir() -> Path:
    """The user's config folder for the program ($MOBILEATHLETE_CONFIG_DIR overrides it),
    created owner-only on first use."""
    override = os.environ.get(ENV_CONFIG)
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_config_dir("MobileAthlete", "MobileAthlete"))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def audit_key_path() -> Path:
    """Where this workstation's audit key lives."""
    return config_dir() / KEY_FILE


@dataclass(frozen=True)
class AuditKey:
    """The secret that seals events and heads, and its public id (which seal used which key)."""

    secret: bytes
    key_id: str

    def mac(self, message: str) -> str:
        """HMAC-SHA256 of a text, in hex."""
        return hmac.new(self.secret, message.encode(), hashlib.sha256).hexdigest()

    def seal(self, event_hash: str) -> str:
        """An event's seal: this key's id and the MAC of its chain hash."""
        return f"{self.key_id}:{self.mac(event_hash)}"

    def verifies(self, seal: str, event_hash: str) -> bool:
        """Whether `seal` is this key's seal of `event_hash` (constant-time comparison)."""
        return hmac.compare_digest(seal, self.seal(event_hash))


def _key_id(secret: bytes) -> str:
    return hashlib.sha256(b"mobileathlete audit key id\0" + secret).hexdigest()[:16]


_keys: dict[Path, AuditKey] = {}


def audit_key() -> AuditKey:
    """This workstation's audit key, created (0600, never replaced) the first time it is needed."""
    path = audit_key_path()
    known = _keys.get(path)
    if known is not None and path.exists():
        return known
    if not path.exists():
        _create_key(path)
    text = path.read_text(encoding="ascii").strip()
    secret = bytes.fromhex(text)
    if len(secret) < 32:
        raise OSError(f"The audit key {path} is damaged (too short)")
    key = AuditKey(secret, _key_id(secret))
    _keys[path] = key
    return key


def _create_key(path: Path) -> None:
    """Writes a new key under a temporary name, then links it in place: two programs starting
    at once end with one key (the loser of the link reads the winner's), never a half file."""
    fd, temp = tempfile.mkstemp(prefix=".audit-key.", dir=path.parent)  # 0600
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secrets.token_hex(32) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(temp, path)
    finally:
        os.unlink(temp)


# --- the head -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Head:
    """The end of the chain as it was when written: how many events, the last one's id and hash."""

    events: int
    last_id: int
    last_hash: str
    written_at: str = ""


HeadStatus = Literal["ok", "missing", "altered", "foreign"]


@dataclass(frozen=True)
class HeadFile:
    """A head file as read: whether it is there and sealed with this key, and what it says."""

    path: Path
    status: HeadStatus
    head: Head | None = None


def head_path(target: URL | Path) -> Path | None:
    """Where a database's head lives: beside a SQLite file (or a backup); for a server, in
    this workstation's config folder. None for an in-memory database."""
    if isinstance(target, Path):
        return target.with_name(target.name + HEAD_SUFFIX)
    if target.get_backend_name() == "sqlite":
        if target.database in (None, "", ":memory:"):
            return None
        return head_path(Path(str(target.database)))
    where = target.set(password=None).render_as_string(hide_password=True)
    name = hashlib.sha256(where.encode()).hexdigest()[:16]
    folder = config_dir() / "audit-heads"
    folder.mkdir(exist_ok=True, mode=0o700)
    return folder / f"{name}{HEAD_SUFFIX}"


def anchor_path(target: URL | Path) -> Path:
    """`head_path` for a database that has one (tests and messages)."""
    path = head_path(target)
    assert path is not None
    return path


def _head_message(values: dict[str, Any]) -> str:
    return json.dumps(
        [values.get(k) for k in ("format", "events", "last_id", "last_hash", "written_at")],
        ensure_ascii=True,
    )


def write_head(path: Path, head: Head, key: AuditKey) -> None:
    """Writes a sealed head file atomically (fsynced, renamed in place)."""
    values: dict[str, Any] = {
        "format": HEAD_FORMAT,
        "events": head.events,
        "last_id": head.last_id,
        "last_hash": head.last_hash,
        "written_at": head.written_at or datetime.now(UTC).isoformat(timespec="microseconds"),
        "key_id": key.key_id,
    }
    values["mac"] = key.mac(_head_message(values))
    data = (json.dumps(values, indent=1) + "\n").encode()

    def produce(fh: BinaryIO) -> None:
        fh.write(data)

    atomic_write(path, produce)


def read_head(path: Path, key: AuditKey) -> HeadFile:
    """Reads and verifies a head file (never raises for a bad one: that is what it reports)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return HeadFile(path, "missing")
    except (OSError, UnicodeDecodeError):
        return HeadFile(path, "altered")
    try:
        values = json.loads(raw)
        head = Head(
            int(values["events"]),
            int(values["last_id"]),
            str(values["last_hash"]),
            str(values["written_at"]),
        )
        key_id, mac = str(values["key_id"]), str(values["mac"])
    except (ValueError, KeyError, TypeError):
        return HeadFile(path, "altered")
    if key_id != key.key_id:
        return HeadFile(path, "foreign", head)
    if not hmac.compare_digest(mac, key.mac(_head_message(values))):
        return HeadFile(path, "altered", head)
    return HeadFile(path, "ok", head)


def current_head(conn: Connection | Session) -> Head | None:
    """The chain's head in the database now (None for an empty trail)."""
    last = conn.execute(
        select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).first()
    if last is None:
        return None
    count = conn.execute(select(func.count(AuditEvent.id))).scalar_one()
    return Head(int(count), int(last.id), str(last.hash))


# --- keeping the head up to date ----------------------------------------------------------


def note_append(session: Session, event: AuditEvent, action: str) -> None:
    """Called by record_event: the head is brought forward once this session commits."""
    info = session.info
    info.setdefault("audit_first_id", event.id)
    info["audit_pending"] = True
    if action in REANCHORING_ACTIONS:
        info["audit_reanchor"] = True
    if not info.get("audit_hooked"):
        from sqlalchemy import event as sa_event

        info["audit_hooked"] = True
        sa_event.listen(session, "after_commit", _after_commit)
        sa_event.listen(session, "after_rollback", _after_rollback)


def _after_rollback(session: Session) -> None:
    for name in ("audit_pending", "audit_reanchor", "audit_first_id"):
        session.info.pop(name, None)


def _after_commit(session: Session) -> None:
    info = session.info
    if not info.pop("audit_pending", False):
        return
    reanchor = bool(info.pop("audit_reanchor", False))
    first_id = int(info.pop("audit_first_id", 0))
    bind = session.get_bind()
    engine = bind.engine if isinstance(bind, Connection) else bind
    try:
        advance_head(engine, first_id=first_id, reanchor=reanchor)
    except Exception as exc:  # the change is committed; check reports a stale head
        logger.warning("audit head not written: %s", exc)


def advance_head(engine: Engine, *, first_id: int = 0, reanchor: bool = False) -> Path | None:
    """Writes the database's head file for its trail as it is now; returns the file.

    The head only moves forward over a trail that still holds the old head: a trail that
    was cut or rewritten behind the program's back (or a head file altered, sealed with
    another key, or deleted while sealed events remain) is left for `check` to report.
    `reanchor` (a restore) replaces the head whatever it said.
    """
    path = head_path(engine.url)
    if path is None:
        return None
    key = audit_key()
    with engine.connect() as conn:
        now = current_head(conn)
        if now is None:
            return None
        if not reanchor:
            old = read_head(path, key)
            if old.status in ("altered", "foreign"):
                return None
            if old.status == "missing":
                sealed_before = conn.execute(
                    select(AuditEvent.id)
                    .where(AuditEvent.id < first_id, AuditEvent.seal.startswith(key.key_id))
                    .limit(1)
                ).first()
                if first_id and sealed_before is not None:
                    return None
            else:
                assert old.head is not None
                at = conn.execute(
                    select(AuditEvent.hash).where(AuditEvent.id == old.head.last_id)
                ).scalar_one_or_none()
                if at != old.head.last_hash or now.last_id <= old.head.last_id:
                    return None
    write_head(path, now, key)
    return path


def head_before_reanchor(session: Session) -> dict[str, Any] | None:
    """For a restore's event: the head the file had before (None when there was none)."""
    path = head_path(session.get_bind().engine.url)
    if path is None:
        return None
    found = read_head(path, audit_key())
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


# --- what `check` finds -------------------------------------------------------------------


def existing_key() -> AuditKey | None:
    """This workstation's key if it has one (a check creates nothing)."""
    return audit_key() if audit_key_path().exists() else None


def key_problems(session: Session, key: AuditKey | None) -> list[str]:
    """A missing key while the trail holds sealed events: nothing can be verified."""
    if key is not None:
        return []
    sealed = session.execute(
        select(func.count(AuditEvent.id)).where(AuditEvent.seal != "")
    ).scalar_one()
    if not sealed:
        return []
    return [
        f"audit key {audit_key_path()}: missing, so {sealed} sealed events cannot be verified "
        "(restore the key file, or check on the workstation that wrote them)"
    ]


def head_findings(
    session: Session, url: URL, key: AuditKey, own_sealed: int
) -> tuple[list[str], list[str]]:
    """The trail against its head file: (problems, state lines)."""
    path = head_path(url)
    if path is None:
        return [], []
    found = read_head(path, key)
    server = url.get_backend_name() != "sqlite"
    if found.status == "missing":
        if own_sealed and not server:
            return [
                f"audit head {path}: missing (deleted, or the clinic file was copied without it)"
            ], []
        where = "on this workstation" if server else "beside the file"
        return [], [f"audit head {where}: none yet (written with the next change)"]
    if found.status == "altered":
        return [f"audit head {path}: altered (its seal does not match)"], []
    if found.status == "foreign":
        return [
            f"audit head {path}: sealed with another key than {audit_key_path()} "
            "(altered, or the key was replaced)"
        ], []
    head = found.head
    assert head is not None
    now = session.execute(select(func.count(AuditEvent.id))).scalar_one()
    at = session.execute(
        select(AuditEvent.hash).where(AuditEvent.id == head.last_id)
    ).scalar_one_or_none()
    if at is None:
        return [
            f"audit trail lost its anchored head: event {head.last_id} is missing "
            f"({head.events} events anchored, {now} now; the newest events were deleted)"
        ], []
    if at != head.last_hash:
        return [
            f"audit event {head.last_id}: differs from the anchored head (the trail was rewritten)"
        ], []
    upto = session.execute(
        select(func.count(AuditEvent.id)).where(AuditEvent.id <= head.last_id)
    ).scalar_one()
    if upto != head.events:
        return [
            f"audit trail holds {upto} events up to its anchored head, which says "
            f"{head.events} (events were deleted)"
        ], []
    return [], [f"audit head: event {head.last_id}, {head.events} events ({path.name})"]


def backup_head_problems(
    session: Session, folders: list[Path], stem: str, key: AuditKey
) -> list[str]:
    """Every backup's head must still be in the trail (unless a restore replaced it since):
    a clinic rolled back with its own head file is found by the backups taken after."""
    restored = session.execute(
        select(func.max(AuditEvent.at)).where(AuditEvent.action.in_(REANCHORING_ACTIONS))
    ).scalar_one_or_none()
    problems: list[str] = []
    seen: set[Path] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob(f"{stem}-*{HEAD_SUFFIX}")):
            if path.resolve() in seen:
                continue
            seen.add(path.resolve())
            backup = path.name[: -len(HEAD_SUFFIX)]
            found = read_head(path, key)
            if found.status == "altered":
                problems.append(f"backup {backup}: its audit head is altered")
            if found.status != "ok" or found.head is None:
                continue
            written = datetime.fromisoformat(found.head.written_at).replace(tzinfo=None)
            if restored is not None and written <= restored:
                continue  # a restore since replaced the trail this backup saw
            at = session.execute(
                select(AuditEvent.hash).where(AuditEvent.id == found.head.last_id)
            ).scalar_one_or_none()
            if at != found.head.last_hash:
                problems.append(
                    f"backup {backup}: its audit head (event {found.head.last_id}) is not in "
                    "this trail (rolled back or rewritten since the backup)"
                )
    return problems


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
