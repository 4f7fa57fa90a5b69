"""`backup`, `restore` and `check` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mobileathlete_desktop.cli import main
from tests.conftest import ClinicTemplates


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(tmp_path: Path, clinic_templates: ClinicTemplates) -> str:
    """What `demo --clients 3` makes (built once, copied per test)."""
    return str(clinic_templates.copy(tmp_path / "clinic.sqlite3", clients=3))


def charts(capsys: pytest.CaptureFixture[str], db: str) -> list[str]:
    code, out, err = run(capsys, "--db", db, "clients", "--json")
    assert code == 0, err
    return sorted(c["chart_number"] for c in json.loads(out))


def test_backup_then_restore_keeps_the_replaced_file(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "copy.sqlite3"
    code, out, _ = run(capsys, "--db", demo_db, "backup", "--out", str(out_file))
    assert code == 0 and "verified" in out and out_file.exists()
    code, _, err = run(capsys, "--db", demo_db, "backup", "--out", str(out_file))
    assert code == 2 and "already exists" in err
    before = charts(capsys, demo_db)
    csv = tmp_path / "new.csv"
    csv.write_text(
        "chart_number,date,measure,side,mode,value\nNEW-1,2026-01-10,wblt.distance,left,none,9\n"
    )
    assert (
        run(capsys, "--db", demo_db, "import", "assessments", str(csv), "--create-clients")[0] == 0
    )
    assert "NEW-1" in charts(capsys, demo_db)
    code, out, err = run(capsys, "--db", demo_db, "restore", str(out_file))
    assert code == 0, err
    assert charts(capsys, demo_db) == before
    [aside] = tmp_path.glob("clinic.before-restore-*.sqlite3")
    assert str(aside) in out
    code, out, _ = run(capsys, "--db", demo_db, "audit", "--action", "backup.restore", "--json")
    assert [e["user"] for e in json.loads(out)] == ["admin"]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"not a backup" * 50, "Not a Mobile Athlete backup"), (None, "No such backup file")],
)
def test_restore_refuses_what_is_not_a_backup(
    demo_db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes | None,
    message: str,
) -> None:
    bad = tmp_path / "bad.sqlite3"
    if content is not None:
        bad.write_bytes(content)
    before = Path(demo_db).read_bytes()
    code, _, err = run(capsys, "--db", demo_db, "restore", str(bad))
    assert code == 2 and message in err and "nothing was changed" in err
    assert err.count("\n") == 1
    assert Path(demo_db).read_bytes() == before


def test_therapist_may_not_restore(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert run(capsys, "--db", demo_db, "backup", "--out", str(copy))[0] == 0
    code, _, err = run(capsys, "--db", demo_db, "--user", "therapist", "restore", str(copy))
    assert code == 2 and "may not" in err
    assert list(tmp_path.glob("*before-restore*")) == []


def test_restore_over_a_damaged_database_signs_in_against_the_backup(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert run(capsys, "--db", demo_db, "backup", "--out", str(copy))[0] == 0
    copy_bytes = copy.read_bytes()
    Path(demo_db).write_bytes(b"\0" * 8192)
    code, _, err = run(capsys, "--db", demo_db, "restore", str(copy))
    assert code == 0, err
    assert copy.read_bytes() == copy_bytes
    assert len(charts(capsys, demo_db)) == 3


def test_daily_backup_at_command_line_start(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    charts(capsys, demo_db)
    daily = list((tmp_path / "backups").glob("clinic-daily-*.sqlite3"))
    assert len(daily) == 1
    charts(capsys, demo_db)
    assert len(list((tmp_path / "backups").glob("clinic-daily-*.sqlite3"))) == 1


def test_check_reports_state_and_changes_nothing(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    charts(capsys, demo_db)
    code, out, _ = run(capsys, "--db", demo_db, "check")
    assert code == 0
    assert "users: 2" in out and "backups in" in out and "newest clinic-" in out


def test_backup_folder_can_be_set(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "nas-share"
    code, out, err = run(capsys, "--db", demo_db, "backup", "--set-folder", str(folder))
    assert code == 0, err
    assert len(list(folder.glob("clinic-manual-*.sqlite3"))) == 1
    code, out, _ = run(capsys, "--db", demo_db, "check")
    assert f"backups in {folder}" in out
