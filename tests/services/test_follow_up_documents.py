"""After a painful hop the summary report, the handout and the recommended program all bring
the next visit forward to within a week (not "in about 4 weeks"); without one they keep the
program's weeks."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.services.assessments import create_assessment, set_value
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.programs import recommended_program
from mobileathlete_desktop.services.reports.handouts import build_handout
from mobileathlete_desktop.services.reports.summary import build_summary_report
from tests.reports.helpers import add_runner

VISIT = date(2026, 10, 31)


def runner_who_hopped(ctx: ServiceContext, painful: bool) -> int:
    client = add_runner(ctx, "HOP-1" if painful else "HOP-2")
    a = create_assessment(ctx, client.id, VISIT, therapist="Pat Physio, PT")
    set_value(ctx, a.id, "hop.triple", "left", "none", 417, pain=painful)
    set_value(ctx, a.id, "hop.triple", "right", "none", 441)
    return client.id


@pytest.mark.parametrize(
    ("lang", "soon", "late"),
    [
        ("en", "Next visit: within a week, by Nov 7, 2026", "in about 4 weeks"),
        ("es", "Próxima consulta: dentro de una semana, antes del 7 nov 2026", "4 semanas"),
    ],
)
def test_the_summary_reports_next_visit_after_a_painful_hop(
    ctx: ServiceContext, lang: str, soon: str, late: str
) -> None:
    report = build_summary_report(ctx, runner_who_hopped(ctx, True), lang=lang, charts=False)
    assert report.next_visit.startswith(soon), report.next_visit
    assert late not in report.next_visit
    calm = build_summary_report(ctx, runner_who_hopped(ctx, False), lang=lang, charts=False)
    assert late in calm.next_visit


def test_the_handout_and_recommended_program_after_a_painful_hop(ctx: ServiceContext) -> None:
    hurt = runner_who_hopped(ctx, True)
    program, _ = recommended_program(ctx, hurt)
    assert program.weeks == 1  # the builder opens with one week to the next visit
    handout, _, _ = build_handout(ctx, hurt, lang="es", on=date(2026, 11, 2))
    assert handout.weeks == 1  # the tracker covers the week until the review
    assert handout.next_visit.startswith(
        "Ve a tu fisioterapeuta o a tu médico dentro de una semana (antes del 9 nov 2026)"
    )
    calm = runner_who_hopped(ctx, False)
    assert recommended_program(ctx, calm)[0].weeks is None
    handout, _, _ = build_handout(ctx, calm, lang="en", on=date(2026, 11, 2))
    assert handout.weeks == 4 and handout.next_visit == ""
