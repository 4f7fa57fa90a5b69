"""`mobileathlete report`: one client, a day's batch into one PDF or a folder, and bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.cli import main
from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import open_database
from tests.reports.helpers import add_clinic, add_runner, pdf_pages

THERAPIST = Actor(username="pt", display_name="Pat Physio", role="therapist")

SEEN = date(2025, 6, 10)


@pytest.fixture
def clinic_db(tmp_path: Path) -> str:
    path = tmp_path / "clinic.sqlite3"
    db = open_database(path)
    ctx = ServiceContext.system(db)  # the seeded clinic: settings and visits
    add_clinic(ctx)
    add_runner(ctx, "A-1", "Ada", "Quickstep", {SEEN: {("wblt.distance", "left", "none"): 8.0}})
    add_runner(ctx, "B-2", "Bea", "Longrun", {SEEN: {("wblt.distance", "left", "none"): 9.0}})
    add_runner(ctx, "C-3", "Cy", "Elsewhere", {date(2025, 6, 12): {}})
    db.dispose()
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_one_client(clinic_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ada.pdf"
    code, stdout, _ = run(capsys, "--db", clinic_db, "report", "A-1", "--out", str(out))
    assert code == 0 and str(out) in stdout
    assert "Ada Quickstep" in pdf_pages(out)[0]


def test_day_into_one_pdf_with_progress(
    clinic_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "day.pdf"
    code, _, err = run(
        capsys, "--db", clinic_db, "report", "--date", "2025-06-10", "--out", str(out)
    )
    assert code == 0
    assert "report 1/2" in err and "report 2/2" in err
    text = "\n".join(pdf_pages(out))
    assert "Ada Quickstep" in text and "Bea Longrun" in text and "Elsewhere" not in text


def test_range_into_folder(
    clinic_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    code, _, _ = run(
        capsys,
        "--db",
        clinic_db,
        "report",
        "--date",
        "2025-06-10",
        "--to",
        "2025-06-12",
        "--out",
        str(folder),
    )
    assert code == 0
    # One file per client, named with the date of the visit its report describes.
    assert sorted(p.name for p in folder.iterdir()) == [
        "A-1_2025-06-10.pdf",
        "B-2_2025-06-10.pdf",
        "C-3_2025-06-12.pdf",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2026-01-01"], "no assessments on 2026-01-01"),
        (["--date", "2025-13-01"], "is not a date"),
        (["NOPE"], "No client with chart number 'NOPE'"),
        ([], "give a CHART_NUMBER or --date"),
        (["--date", "2025-06-10", "--to", "2025-06-01"], "--to is before --date"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    clinic_db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    out = tmp_path / "x.pdf"
    code, _, err = run(capsys, "--db", clinic_db, "report", *args, "--out", str(out))
    assert code == 2 and message in err
    assert not out.exists()


def test_unwritable_folder_exits_2(
    clinic_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no-such-folder" / "x.pdf"
    code, _, err = run(capsys, "--db", clinic_db, "report", "A-1", "--out", str(out))
    assert code == 2 and "does not exist" in err
    assert len(err.strip().splitlines()) == 1


def test_handout_without_library_or_program_still_comes_out(
    clinic_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "h.pdf"
    code, stdout, err = run(
        capsys, "--db", clinic_db, "handout", "C-3", "--lang", "es", "--out", str(out)
    )
    assert code == 0 and str(out) in stdout
    assert "warning:" in err
    text = "\n".join(pdf_pages(out))
    assert "Tu programa de ejercicios en casa" in text and "Cy Elsewhere" in text
    pages = pdf_pages(out)
    assert all(f"Página {n} de {len(pages)}" in page for n, page in enumerate(pages, 1))
    assert "general runner program" in err  # nothing flagged: maintenance drills, said so


def test_handout_states_the_findings_in_the_clients_language_without_numbers(
    clinic_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(Path(clinic_db))
    # Both short (a length limit): passive 112° of the AAOS 135°, active close to it.
    knee = {("knee.flexion", "left", "active"): 110.0, ("knee.flexion", "left", "passive"): 112.0}
    add_runner(ServiceContext.system(db), "D-4", "Di", "Kneebend", {SEEN: knee})
    db.dispose()
    out = tmp_path / "h.pdf"
    code, _, _ = run(capsys, "--db", clinic_db, "handout", "D-4", "--lang", "es", "--out", str(out))
    assert code == 0
    first = " ".join(pdf_pages(out)[0].split())
    assert "Flexión de rodilla, lado izquierdo: menos movimiento de lo normal" in first
    assert "aaos" not in first.lower() and "of the norm" not in first


def test_exercises_set_and_clear_a_drill_picture_signed_in_as_a_therapist(
    clinic_db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PIL import Image

    from mobileathlete_desktop.services.accounts import create_user
    from mobileathlete_desktop.services.drill_images import drill_images

    db = open_database(Path(clinic_db))
    create_user(ServiceContext.system(db), "pt", "Pat Physio", "therapist", "a long password 1")
    db.dispose()
    photo = tmp_path / "bridge.jpg"
    Image.new("RGB", (30, 20), "blue").save(photo, format="JPEG")
    drill = "control.glute_bridge"
    # An admin does not build programs: refused in one line, nothing stored.
    code, _, err = run(capsys, "--db", clinic_db, "exercises", "--set-image", drill, str(photo))
    assert code != 0 and len(err.strip().splitlines()) == 1
    monkeypatch.setenv("MOBILEATHLETE_USER", "pt")
    monkeypatch.setenv("MOBILEATHLETE_PASSWORD", "a long password 1")
    code, out, _ = run(capsys, "--db", clinic_db, "exercises", "--set-image", drill, str(photo))
    assert code == 0 and "bridge.jpg replaces the drawn figure" in out
    db = open_database(Path(clinic_db))
    assert drill_images(ServiceContext(db=db, actor=THERAPIST)) == {drill: photo.read_bytes()}
    code, _, err = run(capsys, "--db", clinic_db, "exercises", "--set-image", drill, "nope.png")
    assert code == 2 and "nope.png" in err
    code, out, _ = run(capsys, "--db", clinic_db, "exercises", "--clear-image", drill)
    assert code == 0 and drill_images(ServiceContext(db=db, actor=THERAPIST)) == {}
    db.dispose()
