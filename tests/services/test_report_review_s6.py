"""What a reader of the summary, the letter and the full record notices (print review s6): a
draft says it is one on every page, a drill's Why names the finding it is for by its kind, a
reference value from another group carries its caveat, the outcome chart is the one kept, a
heading never ends a page without its table, the plan holds no machine lines, one finding is
said once, and the Spanish agrees."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.domain.recommendations import Observation
from mobileathlete_desktop.domain.records import ClientRecord
from mobileathlete_desktop.domain.report_findings import drill_reason
from mobileathlete_desktop.reports.pdf import ClinicHeader
from mobileathlete_desktop.reports.summary import (
    DrillLine,
    FindingLine,
    SummaryReport,
    summary_story,
)
from mobileathlete_desktop.services.assessments import (
    create_assessment,
    set_value,
    sign_assessment,
)
from mobileathlete_desktop.services.clients import ClientInput, create_client
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.programs import (
    exercise_library,
    library_drills,
    save_program,
)
from mobileathlete_desktop.services.reports import build_summary_report, write_report
from mobileathlete_desktop.services.reports.letter import build_letter
from tests.reports.helpers import add_clinic, add_runner, pdf_pages

FIRST, LATEST = date(2025, 3, 1), date(2025, 5, 1)


@pytest.fixture
def clinic(ctx: ServiceContext) -> ServiceContext:
    add_clinic(ctx)
    return ctx


def _runner(
    ctx: ServiceContext,
    chart: str,
    latest: dict[tuple[str, str, str], float],
    *,
    sign_latest: bool,
    painful: tuple[tuple[str, str, str], ...] = (),
    sex: str = "female",
) -> int:
    """Two visits, NPRS 6 → 2; the first signed, the latest signed or left a draft; the
    `painful` readings of the latest visit hurt during the test. Born 1990-04-02."""
    if sex == "female":
        client = add_runner(ctx, chart)
    else:
        client = create_client(
            ctx, ClientInput(chart, "Testo", "Runnerton", date(1990, 4, 2), sex=sex)
        )
    first = create_assessment(ctx, client.id, FIRST, therapist="Pat Physio, PT")
    set_value(ctx, first.id, "nprs", "none", "none", 6)
    sign_assessment(ctx, first.id)
    visit = create_assessment(ctx, client.id, LATEST, therapist="Pat Physio, PT")
    set_value(ctx, visit.id, "nprs", "none", "none", 2)
    for (code, side, mode), value in latest.items():
        pain = (code, side, mode) in painful
        set_value(ctx, visit.id, code, side, mode, value, pain=pain)  # type: ignore[arg-type]
    if sign_latest:
        sign_assessment(ctx, visit.id)
    return client.id


def _flat(text: str) -> str:
    return " ".join(text.split())


HIP_ABDUCTION = {
    # Passive 37°: under the usual range of Mosler 2017's 50 ± 7.3° (38° to 62°), for a man
    # of the group it was measured in (male, 18-40); for a woman a context-only fallback.
    ("hip.abduction", "right", "passive"): 37.0,
    ("hip.abduction", "right", "active"): 30.0,
}


# --- H2: a draft is said on every page, and nothing is offered as signed ---------------------


@pytest.mark.parametrize("kind", ["summary", "letter", "full"])
def test_a_document_from_a_draft_says_so_on_every_page_and_has_no_line_to_sign(
    clinic: ServiceContext, tmp_path: Path, kind: str
) -> None:
    client_id = _runner(clinic, "DR-1", HIP_ABDUCTION, sign_latest=False)
    out = tmp_path / f"{kind}.pdf"
    write_report(clinic, client_id, out, kind=kind)
    pages = pdf_pages(out)
    day = "May 1, 2025"  # the letter's long style and the others' medium agree in English
    for page in pages:
        assert f"DRAFT — not signed: the assessment of {day}" in _flat(page), kind
    text = _flat(" ".join(pages))
    assert f"Not signed: the assessment of {day} is a draft." in text
    assert "Signature" not in text and "____" not in text


@pytest.mark.parametrize("kind", ["summary", "letter", "full"])
def test_a_document_from_signed_assessments_has_no_draft_band_and_a_line_to_sign(
    clinic: ServiceContext, tmp_path: Path, kind: str
) -> None:
    client_id = _runner(clinic, "SG-1", HIP_ABDUCTION, sign_latest=True)
    out = tmp_path / f"{kind}.pdf"
    write_report(clinic, client_id, out, kind=kind)
    text = _flat(" ".join(pdf_pages(out)))
    assert "DRAFT" not in text and "Not signed" not in text
    assert ("Signature" in text) if kind != "letter" else ("____" in text)


def test_the_spanish_letter_from_a_draft_names_it_in_its_own_date_style(
    clinic: ServiceContext, tmp_path: Path
) -> None:
    client_id = _runner(clinic, "DR-2", HIP_ABDUCTION, sign_latest=False)
    letter = build_letter(clinic, client_id, lang="es")
    assert letter.drafts == (LATEST,)
    out = tmp_path / "carta.pdf"
    write_report(clinic, client_id, out, kind="letter", lang="es")
    text = _flat(" ".join(pdf_pages(out)))
    assert "BORRADOR — sin firmar: la evaluación del 1 de mayo de 2025" in text
    assert "la evaluación es un borrador, aún sin firmar" in text
    assert "Sin firmar: la evaluación del 1 de mayo de 2025 es un borrador." in text


def test_a_draft_discharge_is_not_said_as_a_discharge(clinic: ServiceContext) -> None:
    from mobileathlete_desktop.services.assessments import create_assessment as create

    client = add_runner(clinic, "DC-1")
    visit = create(clinic, client.id, LATEST, kind="discharge", therapist="Pat Physio, PT")
    set_value(clinic, visit.id, "nprs", "none", "none", 1)
    report = build_summary_report(clinic, client.id)
    assert "Discharged on" not in report.next_visit
    assert "not yet signed" in report.next_visit
    sign_assessment(clinic, visit.id)
    assert build_summary_report(clinic, client.id).next_visit.startswith("Discharged on May 1")


# --- H4: a drill's Why is the finding the recommender gives it for, by its kind --------------


@pytest.fixture(scope="module")
def drills() -> dict[str, object]:
    library = exercise_library()
    assert library is not None
    return {d.code: d for d in library_drills(library)}


def test_a_control_drill_is_for_the_movement_fault_and_a_mobility_drill_for_the_restriction(
    drills: dict[str, object],
) -> None:
    found = [
        Observation("hip.flexion", "left", frozenset({"pain"}), "painful"),
        Observation("hip.abduction", "left", frozenset({"below_norm"}), "passive 39°"),
        Observation("sls", "left", frozenset({"faults"}), "fair", faults=("pelvic_drop",)),
    ]
    why = {code: drill_reason(drills[code], found, "en") for code in drills}  # type: ignore[arg-type]
    assert why["control.clamshell"] == "Movement faults: Single-leg squat, left"
    assert why["control.hip_hike"] == "Movement faults: Single-leg squat, left"
    assert why["mobility.quadruped_hip_circle"] == "Restriction: Hip abduction, left"
    # Pain chooses no drill: never the reason, even for a drill into the painful motion.
    assert not any(w.startswith("Pain") for w in why.values())
    assert why["running.a_skip"] == ""
    spanish = drill_reason(drills["control.clamshell"], found, "es")  # type: ignore[arg-type]
    assert spanish == "Fallos de movimiento: Sentadilla a una pierna, lado izquierdo"


def test_a_control_drill_is_for_the_control_deficit(drills: dict[str, object]) -> None:
    found = [
        Observation("hip.abduction", "right", frozenset({"below_norm", "control_deficit"}), ""),
    ]
    reason = drill_reason(drills["control.clamshell"], found, "en")  # type: ignore[arg-type]
    assert reason == "Control deficit: Hip abduction, right"


def test_the_summarys_why_column_never_gives_pain_as_the_reason(clinic: ServiceContext) -> None:
    client_id = _runner(
        clinic,
        "WH-1",
        {**HIP_ABDUCTION, ("hip.flexion", "left", "active"): 120.0},
        sign_latest=True,
        painful=(("hip.flexion", "left", "active"),),
    )
    # A saved program (progressed at a check-in) with a drill into the painful hip flexion.
    items = (ProgramItemRecord("control.clamshell"), ProgramItemRecord("running.a_skip"))
    save_program(clinic, ProgramRecord(None, client_id, LATEST, "Step 2", items))
    report = build_summary_report(clinic, client_id)
    assert any(f.kind == "Pain" for f in report.findings)
    whys = [d.why for d in report.program]
    # The A-skip answers no finding of this visit: its kind, and that none calls for it.
    assert whys == [
        "Control deficit: Hip abduction, right",
        "Running form and load: no finding at this assessment calls for it",
    ]


# --- M4: a restriction said by its control deficit is one finding ----------------------------


def test_a_passive_limit_with_an_active_gap_is_one_finding_said_once(
    clinic: ServiceContext,
) -> None:
    client_id = _runner(clinic, "M4-1", HIP_ABDUCTION, sign_latest=True, sex="male")
    report = build_summary_report(clinic, client_id)
    hip = [f for f in report.findings if f.text.startswith("Hip abduction, right")]
    assert len(hip) == 1
    assert hip[0].kind == "Restriction and control deficit"
    assert "a restriction and a control deficit" in hip[0].text
    spanish = build_summary_report(clinic, client_id, lang="es")
    assert [f.kind for f in spanish.findings if "Abducción de cadera" in f.text] == [
        "Restricción y déficit de control"
    ]


# --- H5: a reference value from another group carries its caveat ----------------------------


def test_a_norm_from_another_group_is_context_not_a_finding(
    clinic: ServiceContext, tmp_path: Path
) -> None:
    """A lunge angle of 30° for a woman of 35, against Calatayud 2015's 40.6 ± 5.2° measured
    in 26 male university students (a documented fallback): no "below norm" finding, so the
    summary, the letter and the Spanish quote neither the figure nor its group."""
    lunge = {("ankle.dorsiflexion.weight_bearing", "right", "active"): 30.0}
    client_id = _runner(clinic, "H5-1", lunge, sign_latest=True)
    report = build_summary_report(clinic, client_id)
    assert not any("calatayud-2015" in f.text for f in report.findings)
    assert report.reference_note == ""
    out = tmp_path / "s.pdf"
    write_report(clinic, client_id, out)
    text = _flat(" ".join(pdf_pages(out)))
    assert "calatayud" not in text and "documented fallback" not in text
    spanish = build_summary_report(clinic, client_id, lang="es")
    assert spanish.reference_note == ""
    letter = tmp_path / "l.pdf"
    write_report(clinic, client_id, letter, kind="letter")
    assert "calatayud" not in _flat(" ".join(pdf_pages(letter)))


@pytest.mark.parametrize(
    ("lang", "marked", "plain"),
    [("en", "40.6° (reference only)", "Norm"), ("es", "40,6° (solo referencia)", "Norma")],
)
def test_the_full_records_norm_column_marks_another_groups_value(
    clinic: ServiceContext, tmp_path: Path, lang: str, marked: str, plain: str
) -> None:
    # The lunge's only adult value is Calatayud 2015's young men: for a woman of 35 it is
    # context, no verdict, and the full record's Norm column says so beside the figure (it
    # printed "40.6°" as if it were her norm). A man of 35 gets the same mark: the sample
    # is university students, applied to every adult as a documented fallback.
    lunge = {("ankle.dorsiflexion.weight_bearing", "right", "active"): 30.0}
    client_id = _runner(clinic, f"H5-N{lang}", lunge, sign_latest=True)
    out = tmp_path / "full.pdf"
    write_report(clinic, client_id, out, kind="full", lang=lang)
    text = _flat(" ".join(pdf_pages(out)))
    assert plain in text
    assert marked in text


def test_no_caveat_line_without_a_value_from_another_group(clinic: ServiceContext) -> None:
    # Hip flexion's norm (AAOS 120°) names no group: a restriction against it has no caveat.
    hip_flexion = {("hip.flexion", "right", "passive"): 100.0}
    client_id = _runner(clinic, "H5-2", hip_flexion, sign_latest=True)
    report = build_summary_report(clinic, client_id)
    assert any(f.text.startswith("Hip flexion, right") for f in report.findings)
    assert report.reference_note == ""


def test_hip_abduction_below_mosler_names_the_footballers_group(clinic: ServiceContext) -> None:
    """Catalogue 2026.6: a man of 35 is judged against Mosler 2017's male professional
    footballers (his own group, not a fallback); the report names that group beside the
    finding that quotes it."""
    client_id = _runner(clinic, "H5-3", HIP_ABDUCTION, sign_latest=True, sex="male")
    note = build_summary_report(clinic, client_id).reference_note
    assert "mosler-2017: 394 asymptomatic male professional football players aged 18-40" in note
    assert "documented fallback" not in note


# --- M1: the outcome chart is the one kept ---------------------------------------------------


def test_the_spanish_summary_keeps_the_outcome_chart(
    clinic: ServiceContext, tmp_path: Path
) -> None:
    client_id = _runner(clinic, "M1-1", HIP_ABDUCTION, sign_latest=True)
    for lang in ("en", "es"):
        out = tmp_path / f"{lang}.pdf"
        document = write_report(clinic, client_id, out, lang=lang)
        captions = [c.caption for c in document.report.charts]
        outcome = [c for c in captions if c.startswith(("Outcome scores", "Escalas de"))]
        assert len(outcome) == 1, captions


# --- M2: a heading never ends a page without its table ---------------------------------------


def test_the_program_heading_is_on_the_page_of_its_table_wherever_the_break_falls() -> None:
    from pypdf import PdfReader

    from mobileathlete_desktop.reports.pdf import build_document

    client = ClientRecord(1, "M2-1", "Testa", "Runnerton", date(1990, 4, 2), "female")
    program = tuple(
        DrillLine(f"Drill {n}", "3 sets × 10 reps", "Control deficit: Hip abduction, right")
        for n in range(4)
    )
    for count in range(4, 40, 2):
        report = SummaryReport(
            client=client,
            clinic=ClinicHeader("Clinic"),
            generated_on=date(2026, 12, 2),
            visit_dates=(LATEST,),
            findings=tuple(FindingLine("Pain", f"Finding {n} " * 12) for n in range(count)),
            program_title="Runner hip program (May 1, 2025)",
            program=program,
        )
        buffer = io.BytesIO()
        build_document(buffer, summary_story(report), title="", author="", footer="")
        pages = [p.extract_text() or "" for p in PdfReader(buffer).pages]
        for page in pages:
            if "Current home program" in page:
                assert "Runner hip program" in page and "Drill 0" in page, count


# --- M3: the plan holds the therapist's notes, not machine lines ----------------------------


@pytest.mark.parametrize("notes", ["", "Keep the cadence up on hills"])
def test_the_plan_leaves_out_a_check_ins_machine_lines(clinic: ServiceContext, notes: str) -> None:
    client_id = _runner(clinic, "M3-1", HIP_ABDUCTION, sign_latest=True)
    save_program(
        clinic,
        ProgramRecord(
            None,
            client_id,
            LATEST,
            "Step 2",
            (ProgramItemRecord("control.clamshell", sets=3, reps=15),),
            notes=notes,
            summary="done 11 of 28 sessions (39 %): kept, to be done before moving on",
        ),
    )
    for kind in ("summary", "letter"):
        for lang in ("en", "es"):
            if kind == "summary":
                plan = build_summary_report(clinic, client_id, lang=lang).plan
            else:
                plan = build_letter(clinic, client_id, lang=lang).plan
            assert "done 11 of 28" not in plan, (kind, lang)
            assert ("Keep the cadence up on hills." in plan) == bool(notes), (kind, lang)


# --- Low: Spanish agreement, plural years ----------------------------------------------------


def test_one_year_running_is_singular_in_both_languages() -> None:
    from mobileathlete_desktop.reports.summary import years_running
    from mobileathlete_desktop.support.i18n import texts

    assert years_running(1, texts("en")) == "1 year running"
    assert years_running(12, texts("en")) == "12 years running"
    assert years_running(1, texts("es")) == "1 año corriendo"
    assert years_running(1.5, texts("es")) == "1,5 años corriendo"  # a decimal comma
    assert years_running(1.5, texts("en")) == "1.5 years running"


def test_a_poor_single_leg_squat_is_said_in_agreement_in_spanish(
    clinic: ServiceContext,
) -> None:
    from mobileathlete_desktop.services.assessments import load_history, set_finding

    client_id = _runner(clinic, "ES-1", {}, sign_latest=False)
    latest = load_history(clinic, client_id).latest
    assert latest is not None
    set_finding(clinic, latest.id, "sls", "left", faults=("knee_valgus",), rating="poor")
    findings = build_summary_report(clinic, client_id, lang="es").findings
    said = " ".join(f.text for f in findings)
    assert "Sentadilla a una pierna, lado izquierdo: calificación mala" in said
    assert "calificado como" not in said


def test_the_page_fitter_leaves_another_chart_out_before_the_outcome_chart() -> None:
    from matplotlib.figure import Figure

    from mobileathlete_desktop.reports.summary import CHART_HEIGHT, Chart
    from mobileathlete_desktop.reports.summary_fit import shorter as _shorter

    client = ClientRecord(1, "M1-2", "Testa", "Runnerton", date(1990, 4, 2), "female")
    outcome = Chart(Figure(figsize=(7, 3.5)), "Outcome scores", full_size=True)
    other = Chart(Figure(figsize=(7, 3.6)), "Active against passive range")
    report = SummaryReport(
        client, ClinicHeader("Clinic"), date(2026, 12, 2), charts=(other, outcome)
    )
    smaller = _shorter(report)
    assert smaller is not None and smaller.charts == (other, outcome)
    assert smaller.chart_height < CHART_HEIGHT  # the other chart drawn smaller first
    fewer = _shorter(smaller)
    assert fewer is not None and [c.caption for c in fewer.charts] == ["Outcome scores"]
    # Alone, the outcome chart is never drawn smaller: the next cut is elsewhere.
    alone = SummaryReport(client, ClinicHeader("Clinic"), date(2026, 12, 2), charts=(outcome,))
    assert _shorter(alone) is None or _shorter(alone).chart_height == CHART_HEIGHT  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "1 more chart is drawn in the full record."),
        ("es", "1 gráfico más figura en el registro completo."),
    ],
)
def test_a_chart_left_out_to_keep_two_pages_is_said(lang: str, said: str) -> None:
    # The Spanish summary left the active-vs-passive chart out without a word (its longer
    # text took the room): the reader is told where it is.
    from matplotlib.figure import Figure

    from mobileathlete_desktop.reports.summary import Chart, summary_story
    from mobileathlete_desktop.reports.summary_fit import shorter as _shorter

    client = ClientRecord(1, "M1-2", "Testa", "Runnerton", date(1990, 4, 2), "female")
    outcome = Chart(Figure(figsize=(7, 3.5)), "Outcome scores", full_size=True)
    other = Chart(Figure(figsize=(7, 3.6)), "Active against passive range")
    report = SummaryReport(
        client,
        ClinicHeader("Clinic"),
        date(2026, 12, 2),
        lang=lang,
        visit_dates=(date(2026, 11, 2),),
        charts=(other, outcome),
    )
    shorter = _shorter(report)
    assert shorter is not None
    fewer = _shorter(shorter)
    assert fewer is not None and fewer.more_charts == 1
    words = [getattr(f, "text", "") for f in summary_story(fewer, draw_charts=False)]
    assert any(said in str(w) for w in words)
    before = [getattr(f, "text", "") for f in summary_story(report, draw_charts=False)]
    assert not any(said in str(w) for w in before)
