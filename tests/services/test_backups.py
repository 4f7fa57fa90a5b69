"""Backups: verified on demand and daily (rotated 14 daily, 8 weekly), in the chosen folder."""

from __future__ import annotations

import errno
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
from tests.conftest import THERAPIST


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


def test_daily_backup_once_a_day_verified_and_audited(
    clinic: ServiceContext, system_ctx: ServiceContext, admin_ctx: ServiceContext
) -> None:
    start = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    clinic = system_ctx  # the daily backup is the program's own start-up job
    first = maybe_daily_backup(clinic, now=start)
    assert first is not None and first.parent == Path(str(clinic.db.path)).parent / "backups"
    check_backup_file(first)
    assert clients_in(first) == ["T-1"]
    assert maybe_daily_backup(clinic, now=start + timedelta(hours=23)) is None
    assert maybe_daily_backup(clinic, now=start + timedelta(hours=25)) is not None
    kinds = sorted(b.kind for b in list_backups(first.parent))
    assert kinds == ["daily", "daily", "weekly"]
    assert len(find_events(admin_ctx, AuditFilter(action="backup.daily"))) == 2


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


def test_a_folder_that_takes_no_file_is_refused_and_the_setting_kept(
    clinic: ServiceContext,
    admin_ctx: ServiceContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from mobileathlete_desktop.services.backups import backup_folder
    from mobileathlete_desktop.services.context import InputError

    before = backup_folder(admin_ctx)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(InputError, match=r"Cannot use .*a-file/backups for backups: Not a dir"):
        set_backup_folder(admin_ctx, blocker / "backups")
    with pytest.raises(InputError, match="full path"):
        set_backup_folder(admin_ctx, Path("relative/folder"))
    read_only = tmp_path / "read-only"
    read_only.mkdir()

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError, match="read-only for backups: Permission denied"):
        set_backup_folder(admin_ctx, read_only)
    monkeypatch.undo()
    assert backup_folder(admin_ctx) == before
    assert find_events(admin_ctx, AuditFilter(action="settings.backup_folder")) == []


def test_a_full_disk_leaves_no_backup_and_says_so(
    clinic: ServiceContext, admin_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mobileathlete_desktop.services.backups import BackupError, backup_folder
    from mobileathlete_desktop.storage import backup as storage_backup

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage_backup.os, "replace", full)
    with pytest.raises(BackupError, match="failed: No space left on device"):
        make_backup(admin_ctx)
    assert list(backup_folder(admin_ctx).iterdir()) == []  # no half-written file
    assert find_events(admin_ctx, AuditFilter(action="backup.create")) == []


def test_a_backup_reports_progress_and_can_be_stopped(
    clinic: ServiceContext, admin_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mobileathlete_desktop.services.backups import BackupCancelled, backup_folder
    from mobileathlete_desktop.storage import backup as storage_backup

    monkeypatch.setattr(storage_backup, "PAGES_PER_STEP", 2)
    seen: list[tuple[int, int]] = []
    made = make_backup(admin_ctx, progress=lambda done, total: seen.append((done, total)))
    assert len(seen) > 2 and seen[-1][0] == seen[-1][1] and clients_in(made) == ["T-1"]

    def stop(done: int, _total: int) -> None:
        if done >= 4:
            raise BackupCancelled("stopped")

    with pytest.raises(BackupCancelled):
        make_backup(admin_ctx, progress=stop)
    kept = sorted(p.name for p in backup_folder(admin_ctx).iterdir())
    assert kept == [made.name, made.name + ".audit-head"]  # the backup and its audit head


def test_backups_on_hand_newest_first_with_sizes(
    clinic: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    from mobileathlete_desktop.services.backups import backups_on_hand

    older = make_backup(
        admin_ctx, admin_ctx.db.path.parent / "backups" / "clinic-manual-20250101-090000.sqlite3"
    )  # type: ignore[union-attr]
    set_backup_folder(admin_ctx, tmp_path / "disk")
    newer = make_backup(admin_ctx)
    found = backups_on_hand(admin_ctx)
    assert [b.path for b in found] == [newer, older]
    assert found[1].taken_at == datetime(2025, 1, 1, 9, 0) and found[1].kind == "manual"
    assert all(b.size == b.path.stat().st_size > 0 for b in found)


def test_restore_puts_a_backup_back_and_keeps_the_replaced_file(
    clinic: ServiceContext, admin_ctx: ServiceContext
) -> None:
    from mobileathlete_desktop.services.backups import restore_backup

    made = make_backup(admin_ctx)
    create_client(clinic, ClientInput("T-2", "Later", "Runner"))
    aside = restore_backup(admin_ctx, made)
    assert aside is not None and clients_in(aside) == ["T-1", "T-2"]
    assert clients_in(Path(str(clinic.db.path))) == ["T-1"]
    [event] = find_events(admin_ctx, AuditFilter(action="backup.restore"))
    assert event.detail["file"] == str(made) and event.detail["previous_kept_at"] == str(aside)


def test_a_damaged_backup_is_refused_and_nothing_changes(
    clinic: ServiceContext, admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    from mobileathlete_desktop.services.backups import BackupError, restore_backup

    damaged = tmp_path / "clinic-manual-20260101-120000.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100 + b"garbage" * 200)
    with pytest.raises(BackupError):
        restore_backup(admin_ctx, damaged)
    with pytest.raises(PermissionDenied):
        restore_backup(clinic.as_actor(THERAPIST), make_backup(admin_ctx))
    assert clients_in(Path(str(clinic.db.path))) == ["T-1"]
    assert not list(Path(str(clinic.db.path)).parent.glob("*before-restore*"))
