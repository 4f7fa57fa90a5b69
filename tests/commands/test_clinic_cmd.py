"""`mobileathlete clinic show|set`: the letterhead and paper from the command line (admins
change, anyone reads), bad input exits 2 saying why and changes nothing."""

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
    return str(clinic_templates.copy(tmp_path / "demo.sqlite3", clients=2))


def _logo(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (400, 200), (29, 111, 138)).save(path)
    return path


def test_set_then_show(demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys,
        "--db",
        demo_db,
        "clinic",
        "set",
        "--name",
        "North Track Physio",
        "--address",
        "4 Quay Street\\nPortside",
        "--phone",
        "+1 555 0100",
        "--logo",
        str(_logo(tmp_path / "logo.png")),
        "--paper",
        "Letter",
    )
    assert code == 0, err
    assert "North Track Physio" in out and "Letter" in out
    code, out, _ = run(capsys, "--db", demo_db, "clinic", "show", "--json")
    shown = json.loads(out)
    assert shown["name"] == "North Track Physio" and shown["address"] == "4 Quay Street\nPortside"
    assert shown["paper_size"] == "Letter" and "bytes, sha256" in shown["logo"]
    code, out, _ = run(capsys, "--db", demo_db, "clinic", "set", "--no-logo", "--paper", "a4")
    assert code == 0
    assert json.loads(run(capsys, "--db", demo_db, "clinic", "show", "--json")[1])["logo"] is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--phone", "call the desk"], "is not a phone number"),
        (["--name", "x" * 5000], "Clinic name is too long: 5000 characters, at most 200"),
        (["--logo", "README.md"], "is not a PNG or JPEG picture"),
        (["--logo", "missing.png"], "No file"),
    ],
)
def test_bad_input_exits_2_and_changes_nothing(
    demo_db: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    args: list[str],
    message: str,
) -> None:
    (tmp_path / "README.md").write_text("# not a picture\n")
    monkeypatch.chdir(tmp_path)
    before = run(capsys, "--db", demo_db, "clinic", "show", "--json")[1]
    code, _, err = run(capsys, "--db", demo_db, "clinic", "set", *args)
    assert code == 2 and message in err
    assert run(capsys, "--db", demo_db, "clinic", "show", "--json")[1] == before


def test_a_therapist_may_read_but_not_set(
    demo_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOBILEATHLETE_USER", "therapist")
    code, out, _ = run(capsys, "--db", demo_db, "clinic", "show")
    assert code == 0 and "Demo Sports Physio" in out
    code, _, err = run(capsys, "--db", demo_db, "clinic", "set", "--name", "Mine")
    assert code == 2 and "may not settings write" in err
    monkeypatch.setenv("MOBILEATHLETE_USER", "admin")
    code, out, _ = run(capsys, "--db", demo_db, "audit", "--json")
    assert "settings.clinic.refused" in out
