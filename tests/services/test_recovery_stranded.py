"""After a damaged clinic file is set aside, nothing creates a new empty clinic in its place:
every command and the window say what happened and lead to a restore, which works with the
clinic file gone (before: `check` made an empty clinic, then `restore` found nobody to sign in)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mobileathlete_desktop.cli import main
from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services.backups import make_backup, set_backup_folder
from mobileathlete_desktop.services.checks import check_database
from mobileathlete_desktop.services.clients import search_clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.recovery import DamagedSetAside, open_with_recovery
from mobileathlete_desktop.storage import database
from mobileathlete_desktop.storage.backup import online_backup
from mobileathlete_desktop.storage.database import DatabaseDamagedError, open_database
from tests.conftest import ClinicTemplates

GARBAGE = b"\x00garbage" * 1000
ADMIN = Actor(username="admin", display_name="Admin", role="admin")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def set_aside(tmp_path: Path, clinic_templates: ClinicTemplates) -> tuple[Path, Path]:
    """The demo clinic (admin/demo), a good daily backup, then the file damaged and set aside
    by the first command that met it."""
    path = clinic_templates.copy(tmp_path / "clinic.sqlite3", clients=2)
    backup = online_backup(path, tmp_path / "backups" / "clinic-daily-20260301-080000.sqlite3")
    path.write_bytes(GARBAGE)
    with pytest.raises(DamagedSetAside):
        open_with_recovery(str(path))
    assert not path.exists()
    return path, backup


def test_every_command_after_the_set_aside_says_so_and_creates_nothing(
    set_aside: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path, backup = set_aside
    for command in (["check"], ["clients"], ["backup"]):
        code, out, err = run(capsys, "--db", str(path), *command)
        assert code != 0, command
        assert "damaged and set aside on" in err and "restore" in err, (command, err)
        assert "ok:" not in out
        assert not path.exists(), f"{command} created a new clinic where one was expected"
    assert str(backup) in err  # the command names the backup to restore
    with pytest.raises(database.DatabaseSetAsideError):
        open_database(path)
    with pytest.raises(database.DatabaseSetAsideError):
        check_database(str(path))


def test_the_suggested_restore_works_with_the_clinic_file_gone(
    set_aside: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path, backup = set_aside
    run(capsys, "--db", str(path), "check")  # what a worried admin runs first
    code, out, err = run(capsys, "--db", str(path), "restore", str(backup))
    assert code == 0, err
    assert f"signed in against {backup.name}" in out  # the backup's users decide
    code, out, err = run(capsys, "--db", str(path), "clients", "--json")
    assert code == 0 and out.count("chart_number") == 2, err
    assert not path.with_name(path.name + ".damaged-moved-aside").exists()


def test_restore_signs_in_against_the_backup_when_the_clinic_there_has_no_users(
    tmp_path: Path, clinic_templates: ClinicTemplates, capsys: pytest.CaptureFixture[str]
) -> None:
    """A clinic stranded by the old program: an empty clinic was made where one was expected."""
    path = clinic_templates.copy(tmp_path / "clinic.sqlite3", clients=2)
    backup = online_backup(path, tmp_path / "backups" / "clinic-daily-20260301-080000.sqlite3")
    path.unlink()
    clinic_templates.copy(path)  # empty: nobody can sign in
    code, out, err = run(capsys, "--db", str(path), "restore", str(backup))
    assert code == 0, err
    assert "nobody can sign in" not in err and f"signed in against {backup.name}" in out


def test_the_window_offers_every_good_backup_and_restores_the_one_chosen(
    set_aside: tuple[Path, Path], tmp_path: Path
) -> None:
    path, newest = set_aside
    older = online_backup(newest, tmp_path / "backups" / "clinic-daily-20260201-080000.sqlite3")
    (tmp_path / "backups" / "clinic-daily-20260202-080000.sqlite3").write_bytes(GARBAGE)
    offered: list[list[Path]] = []

    def choose_older(recovery, _error):  # type: ignore[no-untyped-def]
        offered.append([b.path for b in recovery.backups])
        return recovery.backups[1]

    db = open_with_recovery(str(path), offer=choose_older)
    db.dispose()
    assert offered == [[newest, older]]  # verified ones only, newest first


def test_recovery_finds_the_backups_in_the_folder_the_admin_chose(
    tmp_path: Path, clinic_templates: ClinicTemplates
) -> None:
    path = clinic_templates.copy(tmp_path / "clinic.sqlite3", clients=2)
    chosen = tmp_path / "nas" / "clinic-backups"
    db = open_database(path)
    admin = ServiceContext(db=db, actor=ADMIN)
    set_backup_folder(admin, chosen)
    made = make_backup(admin)
    db.dispose()
    assert made.parent == chosen
    path.write_bytes(GARBAGE)  # the clinic settings, with the folder, are unreadable now
    with pytest.raises(DamagedSetAside) as caught:
        open_with_recovery(str(path))
    assert [b.path for b in caught.value.recovery.backups] == [made]
    reopened = open_with_recovery(str(path), offer=lambda _r, _e: True)
    try:
        assert len(search_clients(ServiceContext.system(reopened))) == 2
    finally:
        reopened.dispose()


def test_an_empty_clinic_file_is_damage_not_a_new_clinic(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "clinic.sqlite3"
    path.write_bytes(b"")
    with pytest.raises(DatabaseDamagedError, match="empty"):
        open_database(path)
    code, out, err = run(capsys, "--db", str(path), "check")
    assert code == 1 and "ok:" not in out and "empty" in err
    assert path.read_bytes() == b""  # check changes nothing


def test_check_at_a_mistyped_path_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "clinc.sqlite3"
    code, _out, err = run(capsys, "--db", str(path), "check")
    assert code == 1 and "no clinic database" in err.lower()
    assert not path.exists()
