"""The command line: demo, clients, import, summary, catalogue and check, with their exit codes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.cli import main
from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services.assessments import load_history
from mobileathlete_desktop.services.clients import find_by_chart
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import open_database
from tests.conftest import ClinicTemplates

THERAPIST = Actor(username="pt", display_name="Pat Physio", role="therapist")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(tmp_path: Path, clinic_templates: ClinicTemplates) -> str:
    """What `demo --clients 6 --seed 3` makes (built once, copied per test)."""
    return str(clinic_templates.copy(tmp_path / "demo.sqlite3", clients=6, seed=3))


def test_demo_fills_an_empty_database_and_refuses_a_full_one(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", demo_db, "clients", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 6
    assert all(r["chart_number"].startswith("DEMO-") for r in rows)
    code, _, err = run(capsys, "--db", demo_db, "demo")
    assert code == 2 and "already holds data" in err
    code, out, _ = run(capsys, "--db", demo_db, "clients", "--json")
    assert len(json.loads(out)) == 6


def test_database_from_environment(
    demo_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOBILEATHLETE_DB", demo_db)
    code, out, _ = run(capsys, "clients")
    assert code == 0 and "6 clients" in out


def test_clients_search(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", demo_db, "clients", "--search", "DEMO-0002", "--json")
    assert code == 0 and [r["chart_number"] for r in json.loads(out)] == ["DEMO-0002"]


GOOD = """chart_number,date,measure,side,mode,value,pain,note
DEMO-0001,2026-01-10,wblt.distance,left,none,11.5,no,
DEMO-0001,2026-01-10,wblt.distance,right,none,8,yes,stiff
DEMO-0001,2026-01-10,hip.flexion,left,active,118,,
"""


def test_import_good_file(demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = tmp_path / "good.csv"
    csv.write_text(GOOD, encoding="utf-8")
    code, out, _ = run(capsys, "--db", demo_db, "import", "assessments", str(csv), "--dry-run")
    assert code == 0 and "Would import 3 rows" in out
    code, out, _ = run(capsys, "--db", demo_db, "import", "assessments", str(csv))
    assert code == 0 and "3 new values" in out
    db = open_database(demo_db)
    ctx = ServiceContext(db=db, actor=THERAPIST)
    history = load_history(ctx, find_by_chart(ctx, "DEMO-0001").id)
    db.dispose()
    imported = [a for a in history.assessments if a.date == date(2026, 1, 10)]
    assert len(imported) == 1
    assert imported[0].value("wblt.distance", "right") == 8
    right = imported[0].measurement("wblt.distance", "right")
    assert right is not None and right.pain and right.note == "stiff"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (GOOD + "DEMO-0001,2026-01-10,knee.flexion,left,active,400,,\n", "line 5"),
        (GOOD.replace("hip.flexion", "hip.flexshun"), "line 4: unknown measure code"),
        (GOOD.replace("2026-01-10,hip", "2026-02-30,hip"), "not a real date"),
        (GOOD.replace("11.5", "eleven"), "line 2"),
        ("chart,date,measure\nDEMO-0001,2026-01-10,x\n", "missing column"),
        (GOOD.replace("DEMO-0001,2026-01-10,hip", "NOPE-1,2026-01-10,hip"), "unknown chart number"),
        (GOOD + GOOD.splitlines()[1] + "\n", "same measure, side and mode as line 2"),
    ],
)
def test_import_bad_file_keeps_nothing(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    csv = tmp_path / "bad.csv"
    csv.write_text(content, encoding="utf-8")
    _, before, _ = run(capsys, "--db", demo_db, "summary", "DEMO-0001", "--json")
    code, _, err = run(capsys, "--db", demo_db, "import", "assessments", str(csv))
    assert code == 2
    assert message in err and "nothing was imported" in err
    _, after, _ = run(capsys, "--db", demo_db, "summary", "DEMO-0001", "--json")
    assert after == before


def test_import_latin1_file_is_refused_with_advice(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "latin1.csv"
    csv.write_bytes(GOOD.replace("stiff", "rígido").encode("latin-1"))
    code, _, err = run(capsys, "--db", demo_db, "import", "assessments", str(csv))
    assert code == 2 and "not UTF-8" in err


def test_import_creates_clients_only_when_asked(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "new.csv"
    csv.write_text(GOOD.replace("DEMO-0001", "NEW-7"), encoding="utf-8")
    code, _, err = run(capsys, "--db", demo_db, "import", "assessments", str(csv))
    assert code == 2 and "--create-clients" in err
    code, out, _ = run(
        capsys, "--db", demo_db, "import", "assessments", str(csv), "--create-clients"
    )
    assert code == 0 and "1 new client" in out and "1 new clients" not in out
    code, out, _ = run(capsys, "--db", demo_db, "clients", "--search", "NEW-7", "--json")
    assert [r["chart_number"] for r in json.loads(out)] == ["NEW-7"]


def test_summary_of_unknown_client(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", demo_db, "summary", "NOPE")
    assert code == 2 and "No client with chart number 'NOPE'" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--db", "/no/such/dir/x.sqlite3", "clients"], "Folder does not exist"),
        (["--db", "bogus://nowhere", "clients"], "Cannot use database"),
    ],
)
def test_unusable_database_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2 and message in err and err.count("\n") == 1


def test_unknown_subcommand_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["nosuchcommand"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_damaged_database_is_moved_aside_untouched_and_a_backup_offered(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"garbage" * 500)
    code, _, err = run(capsys, "--db", str(path), "check")
    assert code == 1 and path.read_bytes() == b"garbage" * 500  # check changes nothing
    code, _, _ = run(
        capsys, "--db", demo_db, "backup", "--out", str(tmp_path / "backups" / "a.sqlite3")
    )
    assert code == 0
    code, _, err = run(capsys, "--db", str(path), "clients")
    assert code == 2 and "Not a SQLite database" in err and err.count("\n") == 1
    assert not path.exists()
    [aside] = tmp_path.glob("junk.damaged-*.sqlite3")
    assert aside.read_bytes() == b"garbage" * 500
    assert "a.sqlite3" in err and "restore" in err


def test_check_reports_healthy(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", demo_db, "check")
    assert code == 0 and "ok" in out


def test_catalogue_lists_measures_with_sources(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalogue", "--json")
    data = json.loads(out)
    assert code == 0
    codes = {m["code"] for m in data["measures"]}
    assert {"hip.flexion", "wblt.distance"} <= codes
    source_ids = {s["id"] for s in data["sources"]}
    for measure in data["measures"]:
        for norm in measure["norms"]:
            assert norm["source"] in source_ids
        # every error figure (measure-specific or the instrument's estimate), MCID and
        # cut-off names its source too; every range of motion has an error figure
        for err in measure["errors"]:
            assert err["source"] in source_ids
        if measure["kind"] == "rom":
            assert measure["errors"], measure["code"]
        if measure["important_change"]:
            assert measure["important_change"]["source"] in source_ids
        for cutoff in measure["cutoffs"]:
            assert cutoff["source"] in source_ids and cutoff["population"]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert "Mobile Athlete" in capsys.readouterr().out


def test_python_dash_m_runs_the_command() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "mobileathlete_desktop", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "Mobile Athlete" in result.stdout


def test_a_closed_pipe_ends_quietly() -> None:
    """`mobileathlete catalogue --json | head -1`: no traceback when the reader stops early."""
    import subprocess
    import sys

    with subprocess.Popen(
        [sys.executable, "-m", "mobileathlete_desktop", "catalogue", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()  # the reader goes away, like `head -1`
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=60) == 0
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_without_a_display_the_window_command_says_so_in_one_line(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-m", "mobileathlete_desktop", "--db", str(tmp_path / "c.sqlite3")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "mobileathlete: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are "
        "unset); run it in a desktop session, or use the subcommands (mobileathlete --help) "
        "on a server"
    ]
    assert not (tmp_path / "c.sqlite3").exists()  # nothing was created


def test_a_display_or_a_chosen_qt_platform_is_enough() -> None:
    from mobileathlete_desktop.commands.gui import no_display_problem

    assert no_display_problem({"DISPLAY": ":0"}, "linux") is None
    assert no_display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert no_display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert no_display_problem({}, "win32") is None and no_display_problem({}, "darwin") is None
    assert no_display_problem({}, "linux") is not None
