"""Issue 23, defect 9: `encrypt` says what it left in plaintext and, with
--remove-plaintext, removes it once the copy is verified, never while the clinic is open."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from mobileathlete_desktop.cli import main
from tests.conftest import ClinicTemplates

pytest.importorskip("sqlcipher3")

KEY = "correct horse battery"
PLAIN = b"SQLite format 3\x00"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def clinic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clinic_templates: ClinicTemplates
) -> Path:
    monkeypatch.setenv("MOBILEATHLETE_NEW_DB_KEY", KEY)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal
    plain = clinic_templates.copy(tmp_path / "clinic.sqlite3", clients=2)
    backups = tmp_path / "backups"
    backups.mkdir(exist_ok=True)
    for n in (1, 2):
        (backups / f"clinic-manual-2026010{n}-101010.sqlite3").write_bytes(plain.read_bytes())
    (backups / "other-manual-20260101-101010.sqlite3").write_bytes(plain.read_bytes())
    return plain


def plain_backups(folder: Path) -> list[str]:
    return sorted(
        p.name for p in folder.glob("clinic*.sqlite3") if p.read_bytes().startswith(PLAIN)
    )


def test_encrypt_names_what_stays_plain_and_removes_nothing(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = clinic.parent / "secret" / "enc.sqlite3"
    code, out, err = run(capsys, "--db", str(clinic), "encrypt", "--out", str(out_file))
    assert code == 0, err
    assert f"Still unencrypted: the clinic file {clinic}\n" in out
    folder = clinic.parent / "backups"
    count = len(plain_backups(folder))  # ours, and the daily one the command just took
    assert count >= 2
    assert f"Still unencrypted: {count} plain backup(s) in {folder}" in out
    assert "--remove-plaintext" in out
    assert clinic.exists() and len(plain_backups(folder)) == count


def test_remove_plaintext_unlinks_the_clinic_and_its_plain_backups_only(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out_file = clinic.parent / "enc.sqlite3"
    argv = ["--db", str(clinic), "encrypt", "--out", str(out_file), "--remove-plaintext"]
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert "Removed" in out and "SSD" in out
    assert not clinic.exists()
    assert not clinic.with_name("clinic.sqlite3-wal").exists()
    assert plain_backups(clinic.parent / "backups") == []
    # Another clinic's backup in the shared folder stays; the encrypted copy opens.
    assert (clinic.parent / "backups" / "other-manual-20260101-101010.sqlite3").exists()
    monkeypatch.setenv("MOBILEATHLETE_DB_KEY", KEY)
    code, out, err = run(capsys, "--db", str(out_file), "clients", "--json")
    assert code == 0 and "DEMO" in out, err


def test_remove_plaintext_is_refused_while_the_clinic_is_open_elsewhere(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from mobileathlete_desktop.storage.database import open_database\n"
            "db = open_database(sys.argv[1])\n"
            "print('open', flush=True)\n"
            "time.sleep(60)\n",
            str(clinic),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        out_file = clinic.parent / "enc.sqlite3"
        argv = ["--db", str(clinic), "encrypt", "--out", str(out_file), "--remove-plaintext"]
        code, _out, err = run(capsys, *argv)
    finally:
        holder.kill()
        holder.communicate()
    assert code == 2
    assert "open on this computer" in err and "not removed" in err
    assert clinic.exists() and len(plain_backups(clinic.parent / "backups")) >= 2
    assert out_file.exists()  # the verified copy stands


def test_at_a_terminal_no_means_nothing_is_removed(
    clinic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Tty("n\n"))
    out_file = clinic.parent / "enc.sqlite3"
    argv = ["--db", str(clinic), "encrypt", "--out", str(out_file), "--remove-plaintext"]
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert "Remove these" in out and "Nothing was removed" in out
    assert clinic.exists()


def test_a_start_at_the_old_path_names_the_encrypted_copy_and_creates_nothing(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 23, defect 2: after --remove-plaintext no command makes a new, empty clinic where
    the plain one was; it says in one line where the clinic went."""
    out_file = clinic.parent / "enc.sqlite3"
    argv = ["--db", str(clinic), "encrypt", "--out", str(out_file), "--remove-plaintext"]
    assert run(capsys, *argv)[0] == 0
    for command in (["clients"], ["check"]):
        code, _out, err = run(capsys, "--db", str(clinic), *command)
        assert code != 0, command
        assert err.count("\n") == 1, err  # one line
        assert "This clinic was encrypted on " in err, err
        assert f"to {out_file.resolve()} and the plain file removed" in err
        assert f"start with --db {out_file.resolve()} (and its key" in err
        assert not clinic.exists(), f"{command} created a new clinic where one was expected"
