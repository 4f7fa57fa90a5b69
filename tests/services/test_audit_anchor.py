"""The audit trail's head beside backups, restores, migration 0005, and what gets an event
(issue 23.5): every imported value, every client an import creates, every computed value."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy.orm import sessionmaker

from mobileathlete_desktop.domain.interpretation.codes import (
    LIMB_LENGTH,
    YBALANCE_COMPOSITE,
    YBALANCE_REACHES,
)
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.audit import AuditFilter, find_events
from mobileathlete_desktop.services.audit_head_file import anchor_path
from mobileathlete_desktop.services.audit_key import audit_key_path
from mobileathlete_desktop.services.backups import make_backup, restore_backup
from mobileathlete_desktop.services.checks import check_database
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.imports import import_assessments
from mobileathlete_desktop.storage.database import Database, make_engine, resolve_url
from mobileathlete_desktop.storage.migrations_runner import alembic_config


def work(ctx: ServiceContext, chart: str) -> None:
    made = clients.create_client(ctx, clients.ClientInput(chart, "Testa", "Runnerton"))
    visit = assessments.create_assessment(ctx, made.id, date(2025, 3, 1))
    assessments.set_value(ctx, visit.id, "hip.flexion", "left", "active", 110)


def test_a_rollback_of_the_clinic_and_its_head_is_found_by_a_later_backups_head(
    ctx: ServiceContext, admin_ctx: ServiceContext, db_path: Path, tmp_path: Path
) -> None:
    work(ctx, "T-1")
    saved = tmp_path / "saved"
    saved.mkdir()
    ctx.db.dispose()
    for path in (db_path, anchor_path(db_path)):
        shutil.copy(path, saved / path.name)  # the clinic and its head as they were
    work(ctx, "T-2")
    backup = make_backup(admin_ctx)
    assert anchor_path(backup).is_file()
    ctx.db.dispose()
    assert check_database(str(db_path)).problems == ()
    for name in (db_path.name, anchor_path(db_path).name):
        shutil.copy(saved / name, db_path.parent / name)  # rolled back, head and all
    found = check_database(str(db_path)).problems
    assert any(
        f"backup {backup.name}: its audit head" in p and "rolled back" in p for p in found
    ), found


def test_a_restore_through_the_program_leaves_a_healthy_trail_that_says_so(
    ctx: ServiceContext, admin_ctx: ServiceContext, db_path: Path
) -> None:
    work(ctx, "T-1")
    backup = make_backup(admin_ctx)
    work(ctx, "T-2")
    restore_backup(admin_ctx, backup)
    report = check_database(str(db_path))
    assert report.problems == (), report.problems
    from mobileathlete_desktop.storage.database import open_database

    db = open_database(db_path)
    try:
        (event,) = find_events(
            ServiceContext(db=db, actor=admin_ctx.actor), AuditFilter(action="backup.restore")
        )
    finally:
        db.dispose()
    before = event.detail["audit_head_before"]
    assert before["status"] == "ok" and before["events"] > 0  # the replaced trail's head


def test_imported_values_and_created_clients_have_events_of_their_own(
    admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    path = tmp_path / "values.csv"
    path.write_text(
        "chart_number,date,measure,side,mode,value,pain\n"
        "NEW-1,2025-03-01,hip.flexion,left,active,110,no\n"
        "NEW-1,2025-03-01,hip.flexion,right,active,105,yes\n"
    )
    import_assessments(admin_ctx, path, create_clients=True)
    path.write_text(
        "chart_number,date,measure,side,mode,value,pain\n"
        "NEW-1,2025-03-01,hip.flexion,left,active,112,no\n"
    )
    import_assessments(admin_ctx, path)
    created = find_events(admin_ctx, AuditFilter(action="client.create"))
    assert [e.chart_number for e in created] == ["NEW-1"]
    values = find_events(admin_ctx, AuditFilter(action="measurement.set", chart_number="NEW-1"))
    got = [(e.detail["side"], e.detail["before"], e.detail["after"]) for e in values]
    assert got == [("left", None, 110), ("right", None, 105), ("left", 110, 112)]
    assert all(e.detail["source"] == "values.csv" for e in values)
    assert "from 110° to 112°" in values[-1].description


def test_a_computed_value_changed_with_its_inputs_has_an_event(
    ctx: ServiceContext, admin_ctx: ServiceContext
) -> None:
    made = clients.create_client(ctx, clients.ClientInput("T-1", "Testa", "Runnerton"))
    visit = assessments.create_assessment(ctx, made.id, date(2025, 3, 1))
    assessments.set_value(ctx, visit.id, LIMB_LENGTH, "left", "none", 90)
    for reach in YBALANCE_REACHES:
        assessments.set_value(ctx, visit.id, reach, "left", "none", 80)
    assessments.update_computed(ctx, visit.id)
    assessments.set_value(ctx, visit.id, YBALANCE_REACHES[0], "left", "none", 90)
    computed = [
        e
        for e in find_events(admin_ctx, AuditFilter(action="measurement."))
        if e.detail.get("code") == YBALANCE_COMPOSITE
    ]
    assert [e.detail["before"] is None for e in computed] == [True, False]
    assert all(e.detail["computed"] for e in computed)
    assert computed[1].detail["after"] > computed[1].detail["before"]


def test_migration_0005_rebuilds_the_trail_with_autoincrement_and_its_guards(
    tmp_path: Path,
) -> None:
    url = resolve_url(tmp_path / "migrated.sqlite3")
    engine = make_engine(url)
    db = Database(url, engine, sessionmaker(engine))
    command.upgrade(alembic_config(db), "0004_client_search_text")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO audit_event (id, at, username, action, entity, entity_id, detail, "
            "prev_hash, hash) VALUES (1, '2025-01-01 00:00:00', 'a', 'x', '', '', '{}', '', '')"
        )
    command.upgrade(alembic_config(db), "head")
    engine.dispose()
    conn = sqlite3.connect(tmp_path / "migrated.sqlite3")
    try:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'audit_event'").fetchone()
        assert "AUTOINCREMENT" in sql[0] and "seal" in sql[0]
        assert conn.execute("SELECT seq FROM sqlite_sequence").fetchone() == (1,)
        triggers = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        assert {"audit_event_no_update", "audit_event_no_delete"} <= triggers
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM audit_event")
    finally:
        conn.close()


def test_the_key_is_made_once_owner_only_and_outside_the_clinic_folder(
    ctx: ServiceContext, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOBILEATHLETE_CONFIG_DIR", str(tmp_path / "fresh-config"))
    work(ctx, "T-1")
    key = audit_key_path()
    first = key.read_text()
    work(ctx, "T-2")
    assert key.read_text() == first and len(bytes.fromhex(first.strip())) == 32
    assert (key.stat().st_mode & 0o077) == 0
    assert not any(db_path.parent.glob("*key*"))


def test_a_config_folder_that_cannot_be_written_never_stops_a_save_and_check_says_so(
    ctx: ServiceContext, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work(ctx, "T-1")
    sealed_with = audit_key_path().parent
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("MOBILEATHLETE_CONFIG_DIR", str(blocker / "config"))
    work(ctx, "T-2")  # saved, unsealed
    assert [c.chart_number for c in clients.search_clients(ctx)] == ["T-1", "T-2"]
    ctx.db.dispose()
    monkeypatch.setenv("MOBILEATHLETE_CONFIG_DIR", str(sealed_with))
    found = check_database(str(db_path)).problems
    assert any("not sealed (written outside the program)" in p for p in found), found
