"""Names inside the documents' sentences (sports-PT review): a change line says "Left Thomas
test", not "Left thomas test" (a proper name keeps its capital after the side), and a Spanish
drill name is written in lower case inside a sentence ("Programa en casa: yoga de dedos",
"Marcado para revisión: perro de caza (bird dog) 7/10"), as the referral letter already
wrote it."""

from __future__ import annotations

from datetime import date

from mobileathlete_desktop.domain.interpretation.highlight_model import Highlight
from mobileathlete_desktop.domain.report_findings import FindingAnswer
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.reports import build_progress_report
from mobileathlete_desktop.services.reports.review import (
    ReviewFlag,
    discharge_warning,
    flag_lines,
)
from tests.reports.helpers import add_clinic, add_runner

FIRST, LAST = date(2026, 3, 2), date(2026, 5, 4)


def test_a_change_line_keeps_a_proper_names_capital_after_the_side(
    ctx: ServiceContext,
) -> None:
    add_clinic(ctx)
    client = add_runner(
        ctx,
        "TH-1",
        visits={
            FIRST: {
                ("thomas.hip_extension", "left", "passive"): -20.0,
                ("hip.flexion", "left", "active"): 100.0,
            },
            LAST: {
                ("thomas.hip_extension", "left", "passive"): 25.0,
                ("hip.flexion", "left", "active"): 125.0,
            },
        },
    )
    en = build_progress_report(ctx, client.id, lang="en", charts=False)
    thomas = [line for line in en.changes if "homas" in line]
    assert thomas and thomas[0].startswith("Left Thomas test (hip angle) (passive): "), en.changes
    assert any(line.startswith("Left hip flexion (active): ") for line in en.changes)
    es = build_progress_report(ctx, client.id, lang="es", charts=False)
    assert any(
        line.startswith("Prueba de Thomas (ángulo de cadera), lado izquierdo")
        for line in es.changes
    ), es.changes


def test_the_findings_home_program_names_drills_in_lower_case_in_spanish() -> None:
    finding = Highlight("restriction", "hallux.extension", "left", "…")
    answer = FindingAnswer(finding, ("mobility.toe_yoga", "mobility.big_toe"))
    names_es = {
        "mobility.toe_yoga": "Yoga de dedos",
        "mobility.big_toe": "Movilidad del dedo gordo",
    }
    assert (
        answer.words("es", names_es) == "Programa en casa: yoga de dedos, movilidad del dedo gordo."
    )
    names_en = {"mobility.toe_yoga": "Toe yoga", "mobility.big_toe": "Big-toe rocks"}
    assert answer.words("en", names_en) == "Home program: Toe yoga, Big-toe rocks."


def test_review_flags_name_the_drill_in_lower_case_inside_a_spanish_sentence() -> None:
    flag = ReviewFlag("control.bird_dog", 7, on=date(2026, 3, 16), in_program=False)
    assert flag_lines([flag], "es", None) == (
        "Marcado para revisión: perro de caza (bird dog) 7/10 en el seguimiento del 16 mar 2026 "
        "(ya no está en el programa)",
    )
    assert "llamar a la clínica por perro de caza (bird dog) antes" in discharge_warning(
        [flag], "es", None
    )
    # English keeps the library's capitals (its names are titles there).
    assert flag_lines([flag], "en", None)[0].startswith("Flagged for review: Bird dog 7/10")
