"""What `check` finds about the audit trail beyond its chain: a missing key, the head file
against the trail, and every backup's head (services.audit_seal writes them)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from mobileathlete_desktop.services.audit_head_file import HEAD_SUFFIX, head_path, read_head
from mobileathlete_desktop.services.audit_key import AuditKey, audit_key, audit_key_path
from mobileathlete_desktop.services.audit_seal import REANCHORING_ACTIONS
from mobileathlete_desktop.storage.models import AuditEvent


def existing_key() -> AuditKey | None:
    """This workstation's key if it has a readable one (a check creates nothing)."""
    try:
        return audit_key() if audit_key_path().exists() else None
    except OSError:
        return None


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
        f"audit key {audit_key_path()}: missing or damaged, so {sealed} sealed events cannot "
        "be verified "
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
        if server and own_sealed:
            # plan_head starts a head only for a trail with no sealed events yet: this
            # workstation joined a trail begun elsewhere, whose head file guards its end.
            return [], [
                "audit head on this workstation: none (the trail was begun on another "
                "workstation, whose head file guards its end; here each event's seal is checked)"
            ]
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
