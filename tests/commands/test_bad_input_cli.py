"""Bad input at the command line: control characters never reach the terminal raw; a full
disk, an unwritable folder or a mistyped path is one line on stderr and an exit code, never a
traceback; `check` at a mistyped path creates nothing."""

from __future__ import annotations

import errno
import json
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from mobileathlete_desktop.cli import main
from tests.conftest import ClinicTemplates

_real_fsync = None  # type: ignore[var-annotated]
RAW = "\x1b]0;owned\x07\x1b[2J\u202eevil\rX"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _no_controls(text: str) -> None:
    for char in ("\x1b", "\x07", "\u202e", "\r"):
        assert char not in text, repr(text)


@pytest.fixture
def demo_db(tmp_path: Path, clinic_templates: ClinicTemplates) -> str:
    path = clinic_templates.copy(tmp_path / "demo.sqlite3", clients=2)
    conn = sqlite3.connect(path)  # as an old record or a direct edit may hold it
    conn.execute("UPDATE client SET family_name = ? WHERE id = 1", ("Smith" + RAW,))
    conn.commit()
    conn.close()
    return str(path)


def test_a_client_list_shows_control_characters_as_escapes(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", demo_db, "clients")
    assert code == 0
    _no_controls(out)
    assert "Smith\\u001b]0;owned\\u0007" in out


def test_json_output_stays_json_and_keeps_the_name(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", demo_db, "clients", "--json")
    assert code == 0
    _no_controls(out)
    assert any(c["family_name"] == "Smith" + RAW for c in json.loads(out))


def test_an_error_naming_typed_text_escapes_it(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", demo_db, "summary", "NOPE" + RAW)
    assert code == 2 and out == "" and err.count("\n") == 1
    _no_controls(err)


@pytest.mark.parametrize("where", ["folder/typo.sqlite3", "typo.sqlite3"])
def test_check_at_a_mistyped_path_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    target = tmp_path / where
    code, _, err = run(capsys, "--db", str(target), "check")
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert str(target.parent if "folder" in where else target) in err
    assert not [
        p
        for p in tmp_path.rglob("*")
        if p.name.startswith("typo.sqlite3") and not p.name.endswith(".lock")
    ]


def _full_disk(path: Path) -> None:
    """The disk fills up as an export is finished (the daily backup before it still fits)."""
    if any(f"{suffix}." in Path(path).name for suffix in (".pdf", ".csv", ".png")):
        raise OSError(errno.ENOSPC, "No space left on device")
    _real_fsync(path)


def test_a_pdf_to_a_full_disk_is_one_line(
    demo_db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from mobileathlete_desktop.support import files

    global _real_fsync
    _real_fsync = files._fsync_path
    monkeypatch.setattr(files, "_fsync_path", _full_disk)
    for argv in (
        ["report", "DEMO-0001", "--out", str(tmp_path / "r.pdf")],
        ["export", "csv", "--out", str(tmp_path / "v.csv")],
        ["chart", "DEMO-0001", "profile", "--out", str(tmp_path / "c.png")],
    ):
        code, _, err = run(capsys, "--db", demo_db, *argv)
        assert code != 0 and err.count("\n") == 1 and "disk is full" in err, (argv, err)
    left = [p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".csv", ".png", ".part")]
    assert left == []


def test_an_unwritable_folder_is_one_line(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for argv in (
        ["report", "DEMO-0001", "--out", str(blocker / "r.pdf")],
        ["export", "csv", "--out", str(blocker / "v.csv")],
        ["export", "fhir", "--client", "DEMO-0001", "--out", str(blocker / "v.json")],
    ):
        code, _, err = run(capsys, "--db", demo_db, *argv)
        assert code != 0 and err.count("\n") == 1 and "Traceback" not in err, (argv, err)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A real full disk: a 64 KiB tmpfs filled up (needs root; skipped otherwise)."""
    mount = tmp_path / "full"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root)")
    try:
        with (mount / "filler").open("wb", buffering=0) as fh, pytest.raises(OSError):
            while True:
                fh.write(b"\0" * 4096)
                fh.flush()
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_real_full_disk_is_one_line(
    demo_db: str, full_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (
        ["report", "DEMO-0001", "--out", str(full_disk / "r.pdf")],
        ["export", "csv", "--out", str(full_disk / "v.csv")],
    ):
        code, _, err = run(capsys, "--db", demo_db, *argv)
        assert code != 0 and err.count("\n") == 1 and "Traceback" not in err, (argv, err)
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]
