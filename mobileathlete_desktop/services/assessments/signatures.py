"""A signed assessment's content hash: recorded in its sign event, compared by `check`.

Signing seals what was signed: the hash of the assessment's own fields and every value,
finding, questionnaire and treatment it holds goes into the `assessment.sign` event (itself
sealed in the audit chain). A signed record is never changed by the program (corrections are
addenda), so a later difference, or a signed record turned back into a draft or deleted,
was made behind the program's back.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mobileathlete_desktop.storage.models import Assessment, AuditEvent

CONTENT_VERSION = 1


def _iso(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:
        # A clinic server reads timestamps back with their zone (UTC): signed without one.
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat() if hasattr(value, "isoformat") else value


def _sorted(items: Any) -> list[Any]:
    """Rows in a stable order whatever their ids (None sorts fine as JSON text)."""
    return sorted(items, key=lambda item: json.dumps(item, default=str))


def content_hash(row: Assessment) -> str:
    """SHA-256 of what a signature covers (fields named one by one: a column added later
    does not change the hash of what was signed before it)."""
    content = {
        "v": CONTENT_VERSION,
        "id": row.id,
        "client_id": row.client_id,
        "date": _iso(row.date),
        "kind": row.kind,
        "template": row.template,
        "therapist_name": row.therapist_name,
        "notes": row.notes,
        "signed_at": _iso(row.signed_at),
        "signed_by": row.signed_by,
        "addendum_of": row.addendum_of_id,
        "measurements": _sorted(
            [
                m.code,
                m.side,
                m.mode,
                m.value,
                m.unit,
                bool(m.pain),
                m.note,
                m.instrument,
                m.position,
                m.rater,
            ]
            for m in row.measurements
        ),
        "findings": _sorted(
            [f.test_code, f.side, list(f.faults or ()), f.rating, f.score, f.note]
            for f in row.findings
        ),
        "outcomes": _sorted(
            [o.instrument, list(o.answers or ()), o.total, list(o.labels or ())]
            for o in row.outcomes
        ),
    }
    if row.treatments:
        # Only when there are any: a visit signed before treatments were recorded (or with
        # none) keeps the hash it was signed with; one added, changed or removed later shows.
        content["treatments"] = [
            [t.position, t.kind, t.site, t.method, t.grade, t.side, t.minutes, t.note]
            for t in sorted(row.treatments, key=lambda t: (t.position, t.id))
        ]
    if row.images:
        # Stills a value was measured on (issue 19), only when there are any, as above.
        content["images"] = [
            [
                *(i.code, i.side, i.mode, i.kind, i.sha256, i.annotated_sha256, i.value),
                json.dumps(i.annotation, sort_keys=True),
            ]
            for i in sorted(row.images, key=lambda i: (i.code, i.side, i.mode, i.sha256, i.id))
        ]
    payload = json.dumps(content, sort_keys=True, ensure_ascii=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def signed_record_problems(session: Session) -> tuple[list[str], int]:
    """Signed assessments that differ from what their sign event sealed, or are no longer
    signed or gone; and how many signed assessments have no such event (signed before
    signatures were hashed, or marked signed outside the program)."""
    problems: list[str] = []
    sealed: dict[int, tuple[int, str]] = {}
    stmt = (
        select(AuditEvent.id, AuditEvent.entity_id, AuditEvent.detail)
        .where(AuditEvent.action == "assessment.sign", AuditEvent.entity == "assessment")
        .order_by(AuditEvent.id)
    )
    for event_id, entity_id, detail in session.execute(stmt):
        content = (detail or {}).get("content")
        if isinstance(content, str) and str(entity_id).isdigit():
            sealed[int(entity_id)] = (event_id, content)
    for assessment_id, (event_id, content) in sorted(sealed.items()):
        row = session.get(Assessment, assessment_id)
        if row is None:
            problems.append(f"assessment {assessment_id}: signed (audit event {event_id}) but gone")
        elif row.status != "signed":
            problems.append(
                f"assessment {assessment_id}: signed (audit event {event_id}) but now {row.status}"
            )
        elif content_hash(row) != content:
            problems.append(
                f"assessment {assessment_id}: changed since it was signed (audit event {event_id})"
            )
        if row is not None:
            session.expunge(row)
    signed_ids = session.execute(
        select(Assessment.id).where(Assessment.status == "signed")
    ).scalars()
    unsealed = sum(1 for i in signed_ids if i not in sealed)
    return problems, unsealed
