"""Tampering with the clinic file behind the program's back is found by `check` (issue 23.5).

Each test plays someone who edits the SQLite file directly (guard triggers dropped, since
the file's owner can), then runs the full check as an auditor would.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from mobileathlete_desktop.cli import main
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.audit import event_hash, record_event
from mobileathlete_desktop.services.audit_head_file import anchor_path
from mobileathlete_desktop.services.audit_key import audit_key_path
from mobileathlete_desktop.services.checks import check_database
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import open_database
from mobileathlete_desktop.storage.models import AuditEvent


@pytest.fixture
def clinic(ctx: ServiceContext, db_path: Path) -> Path:
    """A clinic with a client, a signed visit holding a value, a draft, and a few events."""
    made = clients.create_client(ctx, clients.ClientInput("T-1", "Testa", "Runnerton"))
    visit = assessments.create_assessment(ctx, made.id, date(2025, 3, 1))
    assessments.set_value(ctx, visit.id, "hip.flexion", "left", "active", 110)
    assessments.sign_assessment(ctx, visit.id)
    draft = assessments.create_assessment(ctx, made.id, date(2025, 3, 8))
    assessments.set_value(ctx, draft.id, "hip.flexion", "left", "active", 115)
    ctx.db.dispose()
    assert check_database(str(db_path)).problems == ()
    return db_path


def tamper(path: Path, *statements: str, unguard: bool = True) -> None:
    """Runs SQL on the file as its owner would: the append-only triggers dropped first."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            if unguard:
                conn.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
                conn.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
            for statement in statements:
                conn.execute(statement)
    finally:
        conn.close()


def problems(path: Path) -> tuple[str, ...]:
    return check_database(str(path)).problems


def count_events(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM audit_event").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("newest", [1, 3])
def test_deleting_the_newest_events_is_found(clinic: Path, newest: int) -> None:
    tamper(
        clinic,
        f"DELETE FROM audit_event WHERE id IN "
        f"(SELECT id FROM audit_event ORDER BY id DESC LIMIT {newest})",
    )
    found = problems(clinic)
    assert any("newest events were deleted" in p for p in found), found


def test_deleting_every_event_is_found(clinic: Path) -> None:
    events = count_events(clinic)
    tamper(clinic, "DELETE FROM audit_event")
    found = problems(clinic)
    assert any(f"{events} events anchored, 0 now" in p for p in found), found


def test_rewriting_the_whole_chain_with_the_programs_own_hash_is_found(clinic: Path) -> None:
    tamper(clinic)  # triggers off
    db = open_database(clinic)
    try:
        with db.session() as session:
            prev = "0" * 64
            for event in session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars():
                if event.action == "measurement.set":
                    event.detail = {**event.detail, "after": 90}
                event.prev_hash = prev
                event.hash = event_hash(
                    prev,
                    event.at,
                    event.username,
                    event.action,
                    event.entity,
                    event.entity_id,
                    event.client_id,
                    event.detail,
                )
                prev = event.hash
    finally:
        db.dispose()
    found = problems(clinic)
    assert any("seal does not match" in p for p in found), found
    assert not any("chain broken" in p or "content changed" in p for p in found)


def test_a_forged_event_appended_with_a_correct_chain_hash_is_found(clinic: Path) -> None:
    db = open_database(clinic)
    try:
        with db.session() as session:
            last = session.execute(
                select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)
            ).scalar_one()
            forged = AuditEvent(
                at=last.at,
                username="admin",
                action="client.open",
                entity="client",
                entity_id="1",
                client_id=1,
                detail={},
                prev_hash=last.hash,
            )
            forged.hash = event_hash(
                last.hash, last.at, "admin", "client.open", "client", "1", 1, {}
            )
            session.add(forged)
    finally:
        db.dispose()
    found = problems(clinic)
    assert any("not sealed" in p for p in found), found


def test_unsigning_a_signed_assessment_is_found(clinic: Path) -> None:
    tamper(clinic, "UPDATE assessment SET status = 'draft', signed_by = '' WHERE id = 1")
    found = problems(clinic)
    assert any("assessment 1: signed" in p and "now draft" in p for p in found), found


def test_changing_a_value_of_a_signed_visit_is_found(clinic: Path) -> None:
    tamper(clinic, "UPDATE measurement SET value = 95 WHERE assessment_id = 1")
    found = problems(clinic)
    assert any("assessment 1: changed since it was signed" in p for p in found), found


def test_changing_a_draft_outside_the_program_is_found(clinic: Path) -> None:
    # A draft is edited all day, each change an event with its value after: the trail
    # replayed says what the file must hold.
    tamper(clinic, "UPDATE measurement SET value = 99 WHERE assessment_id = 2", unguard=False)
    found = problems(clinic)
    assert any(
        "assessment 2: hip.flexion left active is 99 in the file, 115 in the audit trail" in p
        for p in found
    ), found


def test_a_value_deleted_or_added_outside_the_program_is_found(clinic: Path) -> None:
    tamper(
        clinic,
        "DELETE FROM measurement WHERE assessment_id = 2",
        "INSERT INTO measurement (assessment_id, code, side, mode, value, unit, pain, note, "
        "instrument, position, rater, updated_at) VALUES (2, 'knee.flexion', 'left', "
        "'active', 140, 'deg', 0, '', '', '', '', '2025-03-08 10:00:00')",
        unguard=False,
    )
    found = problems(clinic)
    assert any("hip.flexion left active (115 in the audit trail) is missing" in p for p in found)
    report = check_database(str(clinic))
    assert "values with no event in the audit trail (older data or the demo): 1" in report.state


def test_a_pain_flag_or_client_detail_changed_outside_the_program_is_found(
    clinic: Path,
) -> None:
    tamper(
        clinic,
        "UPDATE measurement SET pain = 1 WHERE assessment_id = 2",
        "UPDATE client SET phone = '555-0000', referral = 'Dr Nobody' WHERE chart_number = 'T-1'",
        unguard=False,
    )
    found = problems(clinic)
    assert any("assessment 2: hip.flexion left active pain flag differs" in p for p in found)
    assert any("client T-1: phone differs from the audit trail" in p for p in found), found
    assert any("client T-1: referral differs from the audit trail" in p for p in found), found


def test_ids_are_never_reused_after_a_cut(clinic: Path, ctx: ServiceContext) -> None:
    newest = count_events(clinic)
    tamper(clinic, f"DELETE FROM audit_event WHERE id = {newest}")
    db = open_database(clinic)
    try:
        with db.session() as session:
            event = record_event(session, ctx.actor, "client.open", entity="client")
            assert event.id > newest
    finally:
        db.dispose()
    found = problems(clinic)
    assert any(f"audit event {newest} missing" in p for p in found), found


def test_the_program_does_not_anchor_over_a_cut_trail(clinic: Path, ctx: ServiceContext) -> None:
    """Working on after a cut must not wipe the evidence: the head is not moved back."""
    tamper(clinic, "DELETE FROM audit_event WHERE id > 3")
    db = open_database(clinic)
    try:
        clients.create_client(
            ServiceContext(db=db, actor=ctx.actor), clients.ClientInput("T-2", "A", "B")
        )
    finally:
        db.dispose()
    found = problems(clinic)
    assert any("newest events were deleted" in p for p in found), found


def test_the_head_file_is_written_beside_the_clinic_and_sealed(clinic: Path) -> None:
    head = json.loads(anchor_path(clinic).read_text())
    assert head["events"] == count_events(clinic)
    assert len(head["last_hash"]) == 64 and head["mac"]
    key = audit_key_path()
    assert key.is_file() and not key.is_relative_to(clinic.parent)
    if os.name == "posix":
        assert stat.S_IMODE(key.stat().st_mode) == 0o600


def test_a_head_file_edited_without_the_key_is_found(clinic: Path) -> None:
    path = anchor_path(clinic)
    head = json.loads(path.read_text())
    tamper(clinic, "DELETE FROM audit_event WHERE id > 3")
    conn = sqlite3.connect(clinic)
    head["events"], head["last_id"], head["last_hash"] = (
        3,
        3,
        conn.execute("SELECT hash FROM audit_event WHERE id = 3").fetchone()[0],
    )
    conn.close()
    path.write_text(json.dumps(head))
    found = problems(clinic)
    assert any("audit head" in p and "altered" in p for p in found), found


def test_a_deleted_head_file_is_found(clinic: Path) -> None:
    anchor_path(clinic).unlink()
    found = problems(clinic)
    assert any("audit head" in p and "missing" in p for p in found), found


def test_check_says_it_on_the_command_line_with_exit_code_1(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tamper(clinic, "DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)")
    code = main(["--db", str(clinic), "check"])
    out = capsys.readouterr()
    assert code == 1
    assert "newest events were deleted" in out.out + out.err
