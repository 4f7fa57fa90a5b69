"""`mobileathlete report`: the summary by default, --full, --letter, --lang, and bad mixes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import open_database
from tests.commands.test_report_cmd import run
from tests.reports.helpers import add_clinic, add_runner, pdf_pages

SEEN = date(2025, 6, 10)
WBLT = ("wblt.distance", "left", "none")


@pytest.fixture
def clinic_db(tmp_path: Path) -> str:
    path = tmp_path / "clinic.sqlite3"
    db = open_database(path)
    ctx = ServiceContext.system(db)
    add_clinic(ctx)
    add_runner(ctx, "A-1", "Ada", "Quickstep", {date(2025, 5, 1): {WBLT: 6.0}, SEEN: {WBLT: 9.0}})
    add_runner(ctx, "B-2", "Bea", "Longrun", {SEEN: {WBLT: 9.0}})
    db.dispose()
    return str(path)


def _text(path: Path) -> str:
    return " ".join("\n".join(pdf_pages(path)).split())


@pytest.mark.parametrize(
    ("flags", "title", "pages"),
    [
        ((), "Progress summary", 2),
        (("--full",), "Tests and computed scores", 99),
        (("--letter",), "Dear colleague,", 1),
        (("--letter", "--lang", "es"), "Estimado/a colega:", 1),
        (("--lang", "es"), "Resumen de evolución", 2),
    ],
)
def test_each_kind_of_report(
    clinic_db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    flags: tuple[str, ...],
    title: str,
    pages: int,
) -> None:
    out = tmp_path / "a.pdf"
    code, stdout, _ = run(capsys, "--db", clinic_db, "report", "A-1", *flags, "--out", str(out))
    assert code == 0 and str(out) in stdout
    assert title in _text(out)
    assert len(pdf_pages(out)) <= pages


def test_the_summary_is_not_the_full_record(
    clinic_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "a.pdf"
    run(capsys, "--db", clinic_db, "report", "A-1", "--out", str(out))
    text = _text(out)
    assert "Findings that matter" in text and "Tests and computed scores" not in text


def test_full_and_letter_together_is_bad_usage(
    clinic_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "a.pdf"
    code, _, err = run(
        capsys, "--db", clinic_db, "report", "A-1", "--full", "--letter", "--out", str(out)
    )
    assert code == 2 and "not allowed with argument" in err and not out.exists()


def test_a_day_into_a_folder_names_each_file_by_chart_kind_and_visit(
    clinic_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    for flags in ((), ("--letter",), ("--full",)):
        code, _, _ = run(
            capsys,
            "--db",
            clinic_db,
            "report",
            "--date",
            "2025-06-10",
            *flags,
            "--out",
            str(folder),
        )
        assert code == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "A-1_2025-06-10.pdf",
        "A-1_full_2025-06-10.pdf",
        "A-1_letter_2025-06-10.pdf",
        "B-2_2025-06-10.pdf",
        "B-2_full_2025-06-10.pdf",
        "B-2_letter_2025-06-10.pdf",
    ]


def test_a_days_letters_in_one_pdf_have_a_cover(
    clinic_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "letters.pdf"
    code, _, _ = run(
        capsys, "--db", clinic_db, "report", "--date", "2025-06-10", "--letter", "--out", str(out)
    )
    pages = pdf_pages(out)
    assert code == 0 and len(pages) == 3  # the cover and one page a client
    assert "Referral letter" in pages[0] and "2 clients, Jun 10, 2025" in " ".join(pages[0].split())


def test_a_date_ranges_cover_says_the_range_in_words(
    clinic_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "range.pdf"
    code, _, _ = run(
        capsys,
        "--db",
        clinic_db,
        "report",
        "--date",
        "2025-05-01",
        "--to",
        "2025-06-10",
        "--lang",
        "es",
        "--out",
        str(out),
    )
    cover = " ".join(pdf_pages(out)[0].split())
    assert code == 0 and "2 clientes, 1 may 2025 a 10 jun 2025" in cover


def test_full_records_in_one_pdf_are_counted_for_the_cover(
    clinic_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "full.pdf"
    code, _, _ = run(capsys, "--db", clinic_db, "report", "A-1", "B-2", "--full", "--out", str(out))
    pages = pdf_pages(out)
    cover = " ".join(pages[0].split())
    assert code == 0 and "Progress report: full record" in cover
    starts = [i for i, page in enumerate(pages[1:], start=2) if "Page 1 of" in page]
    ada, bea = starts
    assert f"A-1 Ada Quickstep Jun 10, 2025 {bea - ada} {ada}" in cover
    assert f"B-2 Bea Longrun Jun 10, 2025 {len(pages) + 1 - bea} {bea}" in cover
