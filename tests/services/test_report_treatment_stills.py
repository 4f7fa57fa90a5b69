"""The full record shows what was done at each visit and the stills values were measured on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mobileathlete_desktop.domain.treatments import TreatmentEntry
from mobileathlete_desktop.services import assessments
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.reports import build_progress_report, write_report
from mobileathlete_desktop.services.treatments import add_treatment
from tests.reports.helpers import add_clinic, add_runner, pdf_pages
from tests.services.test_media import attach


def test_the_full_record_lists_the_treatment_and_shows_the_still(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    add_clinic(ctx)
    client = add_runner(ctx, "TS-1")
    first = assessments.create_assessment(ctx, client.id, date(2026, 3, 1))
    second = assessments.create_assessment(ctx, client.id, date(2026, 3, 15))
    add_treatment(
        ctx,
        first.id,
        TreatmentEntry("mobilisation", "talocrural", "pa", grade=3, side="left", minutes=8),
    )
    attach(ctx, second.id)  # knee flexion measured on a photo: 90°
    report = build_progress_report(ctx, client.id)
    assert [on for on, _line in report.treatments] == [date(2026, 3, 1)]
    assert "grade III, 8 min" in report.treatments[0][1]
    assert len(report.stills) == 1
    out = tmp_path / "full.pdf"
    write_report(ctx, client.id, out, kind="full")
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert "Treatment given" in text and "grade III, 8 min" in text
    assert "Knee flexion" in text and "90" in text
    # Spanish words around them as well.
    report_es = build_progress_report(ctx, client.id, lang="es")
    assert "grado III" in report_es.treatments[0][1]
