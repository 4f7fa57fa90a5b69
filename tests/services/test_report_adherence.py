"""The summary report says when the LEFS changed beyond its measurement error while the home
program was mostly skipped (self-report), and nothing when it was done."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.services.checkins import checkin_sheet, save_checkin
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.programs import save_program
from mobileathlete_desktop.services.reports import build_summary_report
from tests.reports.helpers import add_runner

LEFS = ("lefs.total", "none", "none")
VISITS = {date(2026, 1, 5): {LEFS: 40.0}, date(2026, 2, 2): {LEFS: 60.0}}


@pytest.mark.parametrize(
    ("done", "said"),
    [
        (2, True),  # 2 of 12 sessions: the change is unlikely to come from the program
        (12, False),
    ],
)
def test_a_change_with_low_adherence_is_said(
    therapist_ctx: ServiceContext, done: int, said: bool
) -> None:
    client = add_runner(therapist_ctx, f"RA-{done}", visits=VISITS)
    program = save_program(
        therapist_ctx,
        ProgramRecord(
            None,
            client.id,
            date(2026, 1, 5),
            "Hips",
            (ProgramItemRecord("control.clamshell", 3, 15, sessions_per_week=3),),
            weeks=4,
        ),
    )
    _, sheet = checkin_sheet(therapist_ctx, client.id, program_id=program.id, on=date(2026, 2, 2))
    save_checkin(therapist_ctx, replace(sheet, items=(replace(sheet.items[0], done=done),)))
    for lang, words in (
        ("en", "the change is less likely to come from the home program"),
        ("es", "es menos probable que el cambio se deba al programa en casa"),
    ):
        report = build_summary_report(therapist_ctx, client.id, lang=lang, charts=False)
        assert (words in report.adherence) is said
        assert "self-report" in report.adherence or "según el cliente" in report.adherence


def test_the_full_report_charts_adherence_beside_the_lefs_once_checked_in(
    therapist_ctx: ServiceContext,
) -> None:
    from mobileathlete_desktop.services.reports import build_progress_report

    client = add_runner(therapist_ctx, "RA-F", visits=VISITS)

    def adherence_charts() -> list[object]:
        report = build_progress_report(therapist_ctx, client.id)
        return [
            f
            for f in report.figures
            if any(p.get_gid() == "adherence-bars" for ax in f.axes for p in ax.patches)
        ]

    assert adherence_charts() == []
    program = save_program(
        therapist_ctx,
        ProgramRecord(
            None,
            client.id,
            date(2026, 1, 5),
            "Hips",
            (ProgramItemRecord("control.clamshell", 3, 15, sessions_per_week=3),),
        ),
    )
    _, sheet = checkin_sheet(therapist_ctx, client.id, program_id=program.id, on=date(2026, 2, 2))
    save_checkin(therapist_ctx, replace(sheet, items=(replace(sheet.items[0], done=9),)))
    assert len(adherence_charts()) == 1
