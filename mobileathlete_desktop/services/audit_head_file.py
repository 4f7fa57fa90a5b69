"""The audit trail's head file: where a database's head lives (beside a SQLite file or a
backup, `<db>.audit-head`; for a clinic server, in the config folder under `audit-heads/`),
and writing and reading it, sealed with this workstation's audit key. A trail shorter than
its head, or one whose head event changed, was cut or rewritten (services.audit_seal keeps
the head up to date; services.audit_check compares it with the trail).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal

from sqlalchemy.engine import URL

from mobileathlete_desktop.services.audit_heads import Head
from mobileathlete_desktop.services.audit_key import AuditKey, config_dir
from mobileathlete_desktop.support.files import atomic_write

HEAD_SUFFIX = ".audit-head"
HEAD_FORMAT = 1

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
