"""The plan in a summary and a letter reads as sentences, whatever way the notes were typed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mobileathlete_desktop.services.assessments import create_assessment, set_notes
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.reports import write_report
from mobileathlete_desktop.services.reports.summary import as_sentences
from tests.reports.helpers import add_clinic, add_runner, pdf_pages


def test_notes_typed_a_point_a_line_become_sentences() -> None:
    assert as_sentences("Hip abduction strength below the runner norm\nCalf endurance low") == (
        "Hip abduction strength below the runner norm. Calf endurance low."
    )
    assert as_sentences("Done.\n\n  Next:  cadence\n") == "Done. Next: cadence."
    assert as_sentences("") == ""


def test_the_summary_and_the_letter_print_the_notes_as_sentences(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    add_clinic(ctx)
    client = add_runner(ctx, "PN-1")
    visit = create_assessment(ctx, client.id, date(2026, 3, 1))
    set_notes(ctx, visit.id, "Hip abduction strength below the runner norm\nCalf endurance low")
    for kind in ("summary", "letter"):
        out = tmp_path / f"{kind}.pdf"
        write_report(ctx, client.id, out, kind=kind)
        text = " ".join(" ".join(pdf_pages(out)).split())
        assert "below the runner norm. Calf endurance low." in text, kind
