"""The clinical reports list the program the runner's handout prints: a drill the client's coded
complaint holds back (the soleus stretch for insertional Achilles pain), or one loading a test
found painful after the program was saved, is left out of the summary's and the full record's
program as it is left out of the handout, and each report says under the program which drill
and why, in the report's language. Without a complaint rule or new pain: listed as saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.programs import save_program
from mobileathlete_desktop.services.reports.handouts import build_handout
from mobileathlete_desktop.services.reports.progress import build_progress_report
from mobileathlete_desktop.services.reports.summary import build_summary_report
from tests.reports.helpers import add_runner

SOLEUS = ProgramItemRecord("stretch.soleus_wall", 3, hold_s=30, per_side=True)
CALF_RAISE = ProgramItemRecord("strength.single_leg_calf_raise", 3, 12, sessions_per_week=3)
BALANCE = ProgramItemRecord("control.single_leg_balance", 3, hold_s=30, per_side=True)
CLAMSHELL = ProgramItemRecord("control.clamshell", 3, 15, per_side=True, sessions_per_week=3)

NAMES = {
    "en": {
        "stretch.soleus_wall": "Bent-knee calf stretch (soleus)",
        "strength.single_leg_calf_raise": "Single-leg calf raise",
        "control.single_leg_balance": "Single-leg balance",
        "control.clamshell": "Clamshell with band",
    },
}


def _complaint_runner(ctx: ServiceContext, chart: str, complaint: str) -> int:
    """A runner whose program of 2026-09-01 holds the soleus stretch and the calf raise, the
    complaint coded afterwards (no assessment: nothing painful)."""
    client = add_runner(ctx, chart)
    save_program(
        ctx, ProgramRecord(None, client.id, date(2026, 9, 1), "Home", (SOLEUS, CALF_RAISE))
    )
    if complaint:
        data = clients.input_from_record(clients.get_client(ctx, client.id))
        clients.update_client(ctx, client.id, replace(data, complaint_code=complaint))
    return client.id


def _painful_runner(ctx: ServiceContext, chart: str, saved_on: date) -> int:
    """A runner whose visit of 2026-05-01 found single-leg stance (left) painful, with a program
    of single-leg balance and the clamshell saved on `saved_on`."""
    from mobileathlete_desktop.services.assessments import create_assessment, set_value

    client = add_runner(ctx, chart)
    visit = create_assessment(ctx, client.id, date(2026, 5, 1))
    set_value(ctx, visit.id, "balance.single_leg", "left", "none", 20, pain=True)
    save_program(ctx, ProgramRecord(None, client.id, saved_on, "Hips", (BALANCE, CLAMSHELL)))
    return client.id


def _listed(ctx: ServiceContext, client_id: int, lang: str) -> tuple[list[str], ...]:
    """The drill names the handout, the summary and the full record list, and the lines under
    the summary's and the full record's program."""
    handout, _, _ = build_handout(ctx, client_id, lang=lang)
    summary = build_summary_report(ctx, client_id, lang=lang, charts=False)
    progress = build_progress_report(ctx, client_id, lang=lang, charts=False)
    return (
        [d.name for d in handout.drills],
        [d.name for d in summary.program],
        [p.name for p in progress.program],
        list(summary.review),
        list(progress.review),
    )


@pytest.mark.parametrize(
    ("lang", "kept", "line"),
    [
        (
            "en",
            "Single-leg calf raise",
            "Held back from the home program: Bent-knee calf stretch (soleus), for the "
            "client's complaint (insertional Achilles pain).",
        ),
        (
            "es",
            "Elevación de talón en una pierna",
            "Fuera del programa de ejercicios en casa: estiramiento de sóleo con la rodilla "
            "doblada, por el cuadro clínico del cliente (dolor del tendón de Aquiles en su "
            "inserción).",
        ),
    ],
)
def test_insertional_achilles_reports_leave_out_the_soleus_stretch_as_the_handout_does(
    therapist_ctx: ServiceContext, lang: str, kept: str, line: str
) -> None:
    client_id = _complaint_runner(therapist_ctx, f"RHB-1{lang}", "achilles_insertional")
    handout, summary, progress, summary_lines, progress_lines = _listed(
        therapist_ctx, client_id, lang
    )
    # A doctor reads the program the runner holds.
    assert handout == summary == progress == [kept]
    assert summary_lines == [line]
    assert progress_lines == [line]


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "en",
            "Held back from the home program: Single-leg balance, because it loads a test "
            "painful at the latest assessment.",
        ),
        (
            "es",
            "Fuera del programa de ejercicios en casa: equilibrio sobre una pierna, porque carga "
            "una prueba con dolor en la última evaluación.",
        ),
    ],
)
def test_a_program_saved_before_the_pain_was_found_is_reported_without_the_drill_loading_it(
    therapist_ctx: ServiceContext, lang: str, line: str
) -> None:
    client_id = _painful_runner(therapist_ctx, f"RHB-2{lang}", date(2026, 4, 1))
    handout, summary, progress, summary_lines, progress_lines = _listed(
        therapist_ctx, client_id, lang
    )
    assert len(handout) == 1
    assert handout == summary == progress
    assert line in summary_lines
    assert line in progress_lines


def test_without_a_complaint_or_new_pain_the_reports_list_the_program_as_saved(
    therapist_ctx: ServiceContext,
) -> None:
    """No complaint coded; a program saved on the day of the painful visit (the pain in view):
    every drill listed, and no line says one was held back."""
    uncoded = _complaint_runner(therapist_ctx, "RHB-3", "")
    seen = _painful_runner(therapist_ctx, "RHB-4", date(2026, 5, 1))
    for client_id, drills in ((uncoded, (SOLEUS, CALF_RAISE)), (seen, (BALANCE, CLAMSHELL))):
        handout, summary, progress, summary_lines, progress_lines = _listed(
            therapist_ctx, client_id, "en"
        )
        names = [NAMES["en"][d.exercise_code] for d in drills]
        assert handout == summary == progress == names
        assert not [x for x in summary_lines + progress_lines if "Held back" in x]
