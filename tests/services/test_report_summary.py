"""The two-page progress summary, the referral letter and a day's batch with its cover page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.services.assessments import create_assessment, set_value, sign_assessment
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.reports import (
    build_summary_report,
    clients_assessed_between,
    write_batch,
    write_report,
)
from mobileathlete_desktop.storage.database import Database, open_database
from tests.conftest import ADMIN, ClinicTemplates
from tests.reports.helpers import add_clinic, add_runner, pdf_pages

FIRST, SECOND, THIRD = date(2025, 3, 1), date(2025, 4, 1), date(2025, 5, 1)


def page_count(path: Path) -> int:
    """Pages as a printer would get them (pypdfium2, the program's own PDF renderer)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def flat(path: Path) -> str:
    return " ".join("\n".join(pdf_pages(path)).split())


@pytest.fixture
def clinic(ctx: ServiceContext) -> ServiceContext:
    add_clinic(ctx)
    return ctx


def _worked_runner(ctx: ServiceContext, chart: str = "WK-1", *, signed: bool = True) -> int:
    """A hip control deficit (passive internal rotation within the runners' norm, active 15°
    short), a painful hip flexion below norm, a lunge asymmetry, NPRS 6 → 3 → 2."""
    client = add_runner(ctx, chart)
    visits = {
        FIRST: [
            ("nprs", "none", "none", 6.0, False),
            ("wblt.distance", "right", "none", 3.0, False),
        ],
        SECOND: [
            ("nprs", "none", "none", 3.0, False),
            ("wblt.distance", "right", "none", 5.5, False),
        ],
        THIRD: [
            ("hip.internal_rotation", "right", "active", 25.0, False),
            ("hip.internal_rotation", "right", "passive", 40.0, False),
            ("hip.flexion", "left", "active", 95.0, True),
            ("wblt.distance", "left", "none", 11.0, False),
            ("wblt.distance", "right", "none", 6.0, False),
            ("nprs", "none", "none", 2.0, False),
        ],
    }
    for on, values in visits.items():
        visit = create_assessment(ctx, client.id, on, therapist="Pat Physio, PT")
        for code, side, mode, value, pain in values:
            set_value(ctx, visit.id, code, side, mode, value, pain=pain)  # type: ignore[arg-type]
        if signed:
            sign_assessment(ctx, visit.id)
    return client.id


def test_the_worked_runners_summary_is_two_pages_saying_what_a_pt_expects(
    clinic: ServiceContext, tmp_path: Path
) -> None:
    out = tmp_path / "summary.pdf"
    document = write_report(clinic, _worked_runner(clinic), out)
    assert page_count(out) <= 2 and document.pages == page_count(out)
    text = flat(out)
    assert "Progress summary" in text and "Testa Runnerton" in text and "Chart WK-1" in text
    assert "Complaint: Right calf tightness on hills. Referral: Coach." in text
    assert "3 visits from Mar 1, 2025 to May 1, 2025." in text
    # The findings, ranked: the control deficit first, each with its number and norm.
    findings = text[text.index("Findings that matter") : text.index("What changed")]
    assert findings.index("Control deficit") < findings.index("Pain") < findings.index("Asymmetry")
    assert (
        "Hip internal rotation, right: passive 40° is within the norm (46° ± 9.1°, "
        "hip-rotation-runners-ijspt) but active reaches only 25°: a control deficit, not a "
        "flexibility limit" in findings
    )
    assert "Hip flexion, left: active 95°, below the norm (120°, aaos-1965) and painful" in findings
    assert "right 6 cm against left 11 cm, a difference of 5 cm" in findings
    # What changed: since the first visit and since the last, MDC and MCID said apart.
    since_first = text[text.index("Since the first visit (Mar 1, 2025)") :]
    assert "Pain (NPRS 0-10): 6 points → 2 points, improved" in since_first[:90]
    assert "Since the last visit (Apr 1, 2025)" in text
    # NPRS 3 -> 2 since the last visit: 1 point, within the 2-point error, and Farrar's 30%
    # is not applied from a pain of 3 or less (catalogue 2026.7): no longer listed as
    # "improved ... clinically important".
    assert "3 points → 2 points" not in text
    assert "unchanged" not in text
    # Charts chosen for this client: the gap of its control deficit and its outcome scores.
    captions = [c.caption for c in document.report.charts]
    assert captions[0].startswith("Active against passive range")
    assert any(c.startswith("Outcome scores") for c in captions)
    # The program as drill, dose, why; the plan; the therapist's name and a line to sign.
    assert "Drill Dose Why" in text and "Control deficit: Hip internal rotation, right" in text
    assert "Plan and next visit" in text and "Next visit: in about 4 weeks" in text
    # Signed by the signed-in therapist: the name that signed, and a line to sign the letter.
    assert "Therapist: Test Therapist" in text and "Signature" in text
    assert "DRAFT" not in text and "Not signed" not in text


def test_a_first_visit_has_nothing_to_compare_yet(clinic: ServiceContext, tmp_path: Path) -> None:
    client = add_runner(clinic, "ONE-1", visits={FIRST: {("hip.flexion", "left", "active"): 95}})
    out = tmp_path / "one.pdf"
    write_report(clinic, client.id, out)
    text = flat(out)
    changed = text[text.index("What changed") :]
    assert changed.startswith("What changed First visit: nothing to compare yet.")
    assert "Since the first visit" not in text
    assert "Hip flexion, left: active 95°, below the norm" in text  # a finding, not a change
    assert page_count(out) == 1


def test_the_summary_in_spanish(clinic: ServiceContext, tmp_path: Path) -> None:
    out = tmp_path / "es.pdf"
    write_report(clinic, _worked_runner(clinic), out, lang="es")
    text = flat(out)
    for phrase in (
        "Resumen de evolución",
        "Hallazgos importantes",
        "Déficit de control",
        "el pasivo 40° está dentro de la norma",
        "Qué cambió",
        "Desde la primera consulta",
        # "30 %": a no-break space before the sign, read as a space by flat().
        "clínicamente importante (DMCI 2 puntos o 30 %, farrar-2001)",
        "Programa de ejercicios en casa actual",
        "Ejercicio Dosis Por qué",
        "Fisioterapeuta: Test Therapist",
        "Página 1 de 2",
    ):
        assert phrase in text, phrase
    assert "Findings that matter" not in text and "What changed" not in text


def test_the_letter_is_one_page_to_the_referring_clinician(
    clinic: ServiceContext, tmp_path: Path
) -> None:
    from mobileathlete_desktop.services.audit import AuditFilter, find_events

    out = tmp_path / "letter.pdf"
    write_report(clinic, _worked_runner(clinic), out, kind="letter")
    assert page_count(out) == 1
    printed = find_events(clinic.as_actor(ADMIN), AuditFilter(action="report.print"))
    assert [e.detail["kind"] for e in printed] == ["letter"]  # the audit says which report
    text = flat(out)
    assert "Re: Testa Runnerton" in text and "Referral: Coach" in text
    assert "Dear colleague," in text
    assert "Thank you for referring Testa Runnerton, a runner with right calf tightness" in text
    assert "We have seen Testa 3 times, from March 1, 2025 to May 1, 2025." in text
    assert "passive 40° is within the norm" in text  # the same findings as the summary
    found = text[text.index("What we found") : text.index("Since the first visit")]
    assert found.index("Control deficit") < found.index("Pain") < found.index("Asymmetry")
    assert "Our plan:" in text and "Please contact us with any question: +00 111 222." in text
    assert "do not predict injury" in text
    assert "Kind regards," in text and "Test Therapist" in text


def test_the_letter_in_spanish_speaks_for_the_clinic(
    clinic: ServiceContext, tmp_path: Path
) -> None:
    out = tmp_path / "carta.pdf"
    write_report(clinic, _worked_runner(clinic), out, kind="letter", lang="es")
    text = flat(out)
    assert "Estimado/a colega:" in text and "Gracias por derivarnos a Testa Runnerton" in text
    assert "Hemos atendido a Testa 3 veces" in text and "Atentamente," in text
    assert page_count(out) == 1


def test_the_full_record_is_still_there_on_request(clinic: ServiceContext, tmp_path: Path) -> None:
    out = tmp_path / "full.pdf"
    write_report(clinic, _worked_runner(clinic), out, kind="full")
    text = flat(out)
    assert "Range of motion" in text and "Outcome scores" in text
    # Dates head their columns whole; a problem is marked "!" besides its shade.
    assert "Measure Side 1 Mar 2025 initial 1 Apr 2025 initial 1 May 2025 initial" in text
    assert "! control deficit" in text and "! below norm; pain" in text


def test_the_full_record_in_spanish(clinic: ServiceContext, tmp_path: Path) -> None:
    out = tmp_path / "completo.pdf"
    write_report(clinic, _worked_runner(clinic), out, kind="full", lang="es")
    text = flat(out)
    for phrase in (
        "Informe de evolución",
        "Motivo de consulta Right calf tightness on hills",  # the record's own words
        "Rango de movimiento",
        "Medida Lado 1 mar 2025 inicial",
        "Rotación interna de cadera (activo) D 25°",
        "! déficit de control",
        "! por debajo de la norma; dolor",
        "Escalas de resultados",
        "-4 (mejoró: CMD, DMCI)",
        "Dolor (escala numérica 0-10): 6 puntos → 2 puntos, mejoró",
        "Fisioterapeuta: Test Therapist",
        "Página 1 de",
    ):
        assert phrase in text, phrase
    for english in ("Range of motion", "Measure Side", "control deficit", "improved"):
        assert english not in text, english


# -- the demo clinic: every client's summary fits two pages; a day's batch 2N + 1 -----------


@pytest.fixture
def demo(clinic_templates: ClinicTemplates, tmp_path: Path) -> Iterator[ServiceContext]:
    database: Database = open_database(
        clinic_templates.copy(tmp_path / "demo.sqlite3", clients=6, seed=1)
    )
    yield ServiceContext(db=database, actor=ADMIN)
    database.dispose()


def test_every_demo_clients_summary_fits_two_pages_and_the_letter_one(
    demo: ServiceContext, tmp_path: Path
) -> None:
    ids = clients_assessed_between(demo, date(2000, 1, 1), date(2100, 1, 1))
    assert len(ids) == 6
    result = write_batch(demo, ids, tmp_path, label="demo")
    assert len(result.files) == 6
    for path in result.files:
        assert page_count(path) <= 2, path.name
    # The demo's clients checked in on their programs: the summary says how it went.
    texts = [" ".join("\n".join(pdf_pages(p)).split()) for p in result.files]
    followed = [t for t in texts if "At the check-in of" in t]
    assert followed and all("Done at check-in" in t for t in followed)
    assert any(re.search(r"\b\d+ of \d+\b", t) for t in followed)
    letters = write_batch(demo, ids[:2], tmp_path, label="demo", kind="letter")
    assert all("_letter_" in p.name and page_count(p) == 1 for p in letters.files)


def test_a_days_combined_batch_has_a_cover_and_at_most_two_pages_a_client(
    demo: ServiceContext, tmp_path: Path
) -> None:
    ids = clients_assessed_between(demo, date(2000, 1, 1), date(2100, 1, 1))
    out = tmp_path / "day.pdf"
    write_batch(demo, ids, out, label="2026-06-30")
    pages = pdf_pages(out)
    assert len(pages) <= 2 * len(ids) + 1
    cover = " ".join(pages[0].split())
    assert "Progress summary" in cover and f"{len(ids)} clients, Jun 30, 2026" in cover
    assert "Chart Client Visit Pages From page" in cover
    summaries = [build_summary_report(demo, i, charts=False) for i in ids]
    for summary in summaries:
        assert summary.client.chart_number in cover and summary.client.full_name in cover
    # "From page" is where each client's report begins, counted from the cover.
    starts = [i for i, page in enumerate(pages[1:], start=2) if "Page 1 of" in page]
    assert len(starts) == len(ids)
    for start, summary in zip(starts, summaries, strict=True):
        assert f"{summary.client.full_name} ({summary.client.chart_number})" in pages[start - 1]
        assert f"{summary.client.chart_number} {summary.client.full_name}" in cover


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("summary", "No assessments recorded yet."),
        ("letter", "We have not assessed Nova Runnerton yet."),
    ],
)
def test_a_client_without_visits_still_gets_a_page_saying_so(
    clinic: ServiceContext, tmp_path: Path, kind: str, said: str
) -> None:
    client = add_runner(clinic, "NEW-1", given="Nova")
    out = tmp_path / f"{kind}.pdf"
    write_report(clinic, client.id, out, kind=kind)
    assert said in flat(out) and page_count(out) == 1


def test_full_records_in_one_pdf_get_a_cover_with_their_pages(
    demo: ServiceContext, tmp_path: Path
) -> None:
    ids = clients_assessed_between(demo, date(2000, 1, 1), date(2100, 1, 1))[:3]
    out = tmp_path / "full.pdf"
    write_batch(demo, ids, out, label="full", kind="full")
    pages = pdf_pages(out)
    starts = [i for i, page in enumerate(pages[1:], start=2) if "Page 1 of" in page]
    assert len(starts) == 3
    ends = [*starts[1:], len(pages) + 1]
    cover = " ".join(pages[0].split())
    for start, end in zip(starts, ends, strict=True):
        assert f" {end - start} {start}" in cover  # pages, from page
