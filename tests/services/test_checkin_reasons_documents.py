"""A program progressed at a check-in, in documents: the summary, the full record and the
handout say why each drill is there by the finding it works on, in the document's language;
the check-in's own reasons (saved as codes, or as English words before) are never printed,
in either language, as words or as codes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from mobileathlete_desktop.domain.checkin_reasons import reason_text
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.demo import create_demo_clinic
from mobileathlete_desktop.services.programs import latest_program
from mobileathlete_desktop.services.reports import write_client_handout, write_report
from mobileathlete_desktop.storage.database import Database, open_database
from tests.reports.helpers import pdf_pages

# A check-in reason's words in either language, and its code.
REASON_WORDS = re.compile(
    r"done \d+ of \d+ sessions|hizo \d+ de \d+ sesiones|moved on to|made easier|pasa a |"
    r"se facilita|not made harder|sin hacerlo más difícil|\"code\"|checkin\.",
)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[ServiceContext]:
    db = open_database(tmp_path / "clinic.sqlite3")
    ctx = ServiceContext.system(db)
    create_demo_clinic(ctx, clients=3, seed=7)
    yield ctx
    db.dispose()


def _as_old_words(db: Database, program_id: int) -> None:
    """The program's reasons as English words, as it was saved before reasons were codes."""
    with db.engine.begin() as conn:
        rows = conn.execute(
            text("SELECT id, reason FROM program_item WHERE program_id = :p"), {"p": program_id}
        ).all()
        for row_id, reason in rows:
            conn.execute(
                text("UPDATE program_item SET reason = :r WHERE id = :id"),
                {"r": reason_text(reason, "en"), "id": row_id},
            )


@pytest.mark.slow  # twelve PDFs with their charts: about 25 s a language
@pytest.mark.parametrize("lang", ["es", "en"])
def test_no_check_in_reason_is_printed_in_a_report_or_a_handout(
    demo: ServiceContext, tmp_path: Path, lang: str
) -> None:
    program = latest_program(demo, 1)
    assert program is not None and program.id is not None
    # Coded (the demo's drills taken from the recommender in place of one held back for pain
    # keep the recommender's reason).
    assert any(reason_text(i.reason, lang) != i.reason for i in program.items)
    for old in (False, True):
        if old:
            _as_old_words(demo.db, program.id)
        for kind in ("summary", "full"):
            out = tmp_path / f"{kind}-{old}.pdf"
            write_report(demo, 1, out, kind=kind, lang=lang)
            printed = " ".join(pdf_pages(out))
            assert "Runner hip and calf program, step 3" in " ".join(printed.split())
            assert not REASON_WORDS.search(" ".join(printed.split())), (kind, old)
        out = tmp_path / f"handout-{old}.pdf"
        write_client_handout(demo, 1, out, lang=lang)
        printed = " ".join(" ".join(pdf_pages(out)).split())
        assert not REASON_WORDS.search(printed), ("handout", old)
