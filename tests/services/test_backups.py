"""Backups: verified on demand and daily (rotated 14 daily, 8 weekly), in the chosen folder."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mobileathlete_desktop.domain.permissions import PermissionDenied
from mobileathlete_desktop.services.audit import AuditFilter, find_events
from mobileathlete_desktop.services.backups import (
    KEEP_DAILY,
    KEEP_WEEKLY,
    make_backup,
    maybe_daily_backup,
    set_backup_folder,
)
from mobileathlete_desktop.services.clients import ClientInput, create_client
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.backup import check_backup_file, list_backups
from mobileathlete_desktop.storage.models import Clinic


@pytest.fixture
def clinic(ctx: ServiceContext) -> ServiceContext:
    with ctx.db.session() as session:
        session.add(Clinic(name="Backup Test Clinic"))
    create_client(ctx, ClientInput("T-1", "Testa", "Runnerton"))
    return ctx


def clients_in(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT chart_number FROM client")]
    finally:
        conn.close()


def test_daily_backup_once_a_day_verified_and_audited(clinic: ServiceContext) -> None:
    start = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    first = maybe_daily_backup(clinic, now=start)
    assert first is not None and first.parent == Path(str(clinic.db.path)).parent / "backups"
    check_backup_file(first)
    assert clients_in(first) == ["T-1"]
    assert maybe_daily_backup(clinic, now=start + timedelta(hours=23)) is None
    assert maybe_daily_backup(clinic, now=start + timedelta(hours=25)) is not None
    kinds = sorted(b.kind for b in list_backups(first.parent))
    assert kinds == ["daily", "daily", "weekly"]
    assert len(find_events(clinic, AuditFilter(action="backup.daily"))) == 2


def test_rotation_keeps_14_daily_and_8_weekly(clinic: ServiceContext) -> None:
    start = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    for day in range(70):
        assert maybe_daily_backup(clinic, now=start + timedelta(days=day)) is not None
    found = list_backups(Path(str(clinic.db.path)).parent / "backups")
    daily = [b for b in found if b.kind == "daily"]
    weekly = [b for b in found if b.kind == "weekly"]
    assert (len(daily), len(weekly)) == (KEEP_DAILY, KEEP_WEEKLY)
    newest = (start + timedelta(days=69)).astimezone().replace(tzinfo=None)
    assert daily[0].taken_at == newest.replace(microsecond=0)
    assert (weekly[0].taken_at - weekly[-1].taken_at).days == 7 * (KEEP_WEEKLY - 1)


def test_backups_go_to_the_folder_the_admin_chose(
    clinic: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    folder = tmp_path / "elsewhere"
    set_backup_folder(admin_ctx, folder)
    made = make_backup(admin_ctx)
    assert made.parent == folder and clients_in(made) == ["T-1"]
    daily = maybe_daily_backup(clinic)
    assert daily is not None and daily.parent == folder


def test_only_admins_take_backups(clinic: ServiceContext, therapist_ctx: ServiceContext) -> None:
    with pytest.raises(PermissionDenied):
        make_backup(therapist_ctx)
    with pytest.raises(PermissionDenied):
        set_backup_folder(therapist_ctx, None)


def test_backup_is_audited(clinic: ServiceContext, admin_ctx: ServiceContext) -> None:
    made = make_backup(admin_ctx)
    [event] = find_events(admin_ctx, AuditFilter(action="backup.create"))
    assert event.username == "admin" and event.detail["file"] == str(made)
