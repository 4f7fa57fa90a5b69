"""Encryption at rest: `encrypt --out` writes a SQLCipher copy that opens only with its key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mobileathlete_desktop.cli import main
from tests.conftest import ClinicTemplates

pytest.importorskip("sqlcipher3")

KEY = "correct horse battery"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def encrypted(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    clinic_templates: ClinicTemplates,
) -> Path:
    plain = clinic_templates.copy(tmp_path / "clinic.sqlite3", clients=3)
    out = tmp_path / "secret" / "clinic-encrypted.sqlite3"
    monkeypatch.setenv("MOBILEATHLETE_NEW_DB_KEY", KEY)
    code, stdout, err = run(capsys, "--db", str(plain), "encrypt", "--out", str(out))
    assert code == 0 and "verified" in stdout, err
    return out


def test_the_copy_is_unreadable_without_the_key(encrypted: Path) -> None:
    data = encrypted.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert b"DEMO-0001" not in data and b"Demo Therapist" not in data


def test_the_copy_opens_with_the_key_and_keeps_everything(
    encrypted: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOBILEATHLETE_DB_KEY", KEY)
    code, out, err = run(capsys, "--db", str(encrypted), "clients", "--json")
    assert code == 0, err
    assert len(json.loads(out)) == 3
    code, out, _ = run(capsys, "--db", str(encrypted), "check")
    assert code == 0 and "ok: integrity, schema and audit trail" in out
    # Backups of an encrypted database stay encrypted.
    backup = encrypted.parent / "b.sqlite3"
    assert run(capsys, "--db", str(encrypted), "backup", "--out", str(backup))[0] == 0
    assert not backup.read_bytes().startswith(b"SQLite format 3")


@pytest.mark.parametrize("key", [None, "wrong key entirely"])
def test_without_the_right_key_the_file_is_refused_and_left_alone(
    encrypted: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    key: str | None,
) -> None:
    if key:
        monkeypatch.setenv("MOBILEATHLETE_DB_KEY", key)
    before = encrypted.read_bytes()
    code, _, err = run(capsys, "--db", str(encrypted), "clients")
    assert code == 2 and ("wrong key" in err or "MOBILEATHLETE_DB_KEY" in err)
    assert encrypted.read_bytes() == before
    assert list(encrypted.parent.glob("*damaged*")) == []


def test_short_keys_and_therapists_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = tmp_path / "clinic.sqlite3"
    assert run(capsys, "--db", str(plain), "demo", "--clients", "1")[0] == 0
    monkeypatch.setenv("MOBILEATHLETE_NEW_DB_KEY", "short")
    code, _, err = run(capsys, "--db", str(plain), "encrypt", "--out", str(tmp_path / "e.db"))
    assert code == 2 and "at least 12" in err and not (tmp_path / "e.db").exists()
    monkeypatch.setenv("MOBILEATHLETE_NEW_DB_KEY", KEY)
    code, _, err = run(
        capsys,
        "--db",
        str(plain),
        "--user",
        "therapist",
        "encrypt",
        "--out",
        str(tmp_path / "e.db"),
    )
    assert code == 2 and "may not" in err
