"""The command line for import, export and the clinic server: outputs and exit codes."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from mobileathlete_desktop.cli import main
from tests.conftest import ClinicTemplates


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def new_clinic(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, path: Path
) -> str:
    """A fresh clinic database with its first admin ("admin", who signs in from then on)."""
    monkeypatch.setenv("MOBILEATHLETE_NEW_PASSWORD", "admin-password")
    monkeypatch.setenv("MOBILEATHLETE_PASSWORD", "admin-password")
    code, _, err = run(capsys, "--db", str(path), "users", "add", "admin", "--role", "admin")
    assert code == 0, err
    return str(path)


@pytest.fixture
def demo_db(tmp_path: Path, clinic_templates: ClinicTemplates) -> str:
    """What `demo --clients 3 --seed 3` makes (built once, copied per test)."""
    return str(clinic_templates.copy(tmp_path / "demo.sqlite3", clients=3, seed=3))


def test_import_clients_dry_run_then_for_real(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = new_clinic(capsys, monkeypatch, tmp_path / "c.sqlite3")
    csv_file = tmp_path / "clients.csv"
    csv_file.write_text("chart_number;given_name;family_name\nT-001;Testa;Runnerton\n")
    code, out, _ = run(capsys, "--db", db, "import", "clients", str(csv_file), "--dry-run")
    assert code == 0 and "line 2: T-001 new client" in out and "Would import 1 row:" in out
    code, out, _ = run(capsys, "--db", db, "clients", "--json")
    assert json.loads(out) == []
    code, out, _ = run(capsys, "--db", db, "import", "clients", str(csv_file))
    assert code == 0 and "Imported 1 row: 1 new client, 0 updated" in out
    code, _, err = run(capsys, "--db", db, "import", "clients", str(csv_file))
    assert code == 2 and "line 2: chart number T-001 is already in the clinic" in err


def test_import_reports_every_bad_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = new_clinic(capsys, monkeypatch, tmp_path / "c.sqlite3")
    csv_file = tmp_path / "clients.csv"
    csv_file.write_text(
        "chart_number,given_name,family_name,date_of_birth\n"
        "T-001,Testa,Runnerton,03/04/1990\nT-002,,Striderson,\n"
    )
    code, _, err = run(capsys, "--db", db, "import", "clients", str(csv_file))
    assert code == 2
    assert "line 2: date_of_birth: '03/04/1990' is ambiguous" in err
    assert "line 3: Given name is required" in err
    assert "nothing was imported" in err


def test_export_csv_and_fhir(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", demo_db, "export", "csv", "--out", str(tmp_path / "a.csv"))
    assert code == 0 and "of 3 clients" in out
    header = (tmp_path / "a.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == (
        "chart_number,date,measure,label,side,mode,value,unit,pain,note,instrument,"
        "assessment_id,status,faults"
    )
    chart = (tmp_path / "a.csv").read_text(encoding="utf-8").splitlines()[1].split(",")[0]
    out_json = tmp_path / "one.json"
    code, out, _ = run(
        capsys, "--db", demo_db, "export", "fhir", "--client", chart, "--out", str(out_json)
    )
    assert code == 0 and json.loads(out_json.read_text())["resourceType"] == "Bundle"
    folder = tmp_path / "fhir"
    folder.mkdir()
    code, out, _ = run(capsys, "--db", demo_db, "export", "fhir", "--out", str(folder))
    assert code == 0 and len(list(folder.glob("*.json"))) == 3


def test_export_of_an_unknown_client_is_bad_input(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys,
        "--db",
        demo_db,
        "export",
        "csv",
        "--client",
        "NOPE",
        "--out",
        str(tmp_path / "x.csv"),
    )
    assert code == 2 and "NOPE" in err


def test_an_unreachable_server_is_exit_2_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"postgresql+psycopg://clinic:secret@127.0.0.1:{port}/clinic"
    code, _, err = run(capsys, "--db", url, "clients")
    assert code == 2
    assert err.count("\n") == 1 and "Cannot connect to" in err and "secret" not in err


def test_migrate_to_an_unreachable_server_changes_nothing(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code, _, err = run(
        capsys, "--db", demo_db, "migrate-to", f"postgresql+psycopg://u@127.0.0.1:{port}/clinic"
    )
    assert code == 2 and "Cannot connect to" in err
    code, out, _ = run(capsys, "--db", demo_db, "clients", "--json")
    assert code == 0 and len(json.loads(out)) == 3
