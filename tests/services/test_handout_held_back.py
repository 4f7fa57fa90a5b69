"""A saved program made before an assessment that found a test painful: the handout holds back
each drill that loads that test (the recommender's pain rule), and the therapist is told which
and why, to add it back deliberately; a program saved on or after that assessment is printed as
saved. A check-in's review note is said in the handout's language."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from mobileathlete_desktop.domain.checkin_reasons import CheckinReason
from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.services.context import ServiceContext
from tests.reports.helpers import add_runner

BALANCE = ProgramItemRecord("control.single_leg_balance", 3, hold_s=30, per_side=True)
CLAMSHELL = ProgramItemRecord("control.clamshell", 3, 15, per_side=True, sessions_per_week=3)


def _runner_with_painful_stance(ctx: ServiceContext, chart: str) -> int:
    """A runner whose visit of 2026-05-01 found single-leg stance (eyes open, left) painful."""
    from mobileathlete_desktop.services.assessments import create_assessment, set_value

    client = add_runner(ctx, chart)
    visit = create_assessment(ctx, client.id, date(2026, 5, 1))
    set_value(ctx, visit.id, "balance.single_leg", "left", "none", 20, pain=True)
    return client.id


def _saved(ctx: ServiceContext, client_id: int, on: date, *items: ProgramItemRecord) -> int:
    from mobileathlete_desktop.services.programs import save_program

    program = ProgramRecord(None, client_id, on, "Hips and balance", items=items, weeks=4)
    saved = save_program(ctx, program)
    assert saved.id is not None
    return saved.id


def test_a_program_saved_before_the_pain_was_found_holds_back_the_drill_that_loads_it(
    therapist_ctx: ServiceContext,
) -> None:
    """Program of 2026-04-01: single-leg balance and the clamshell. The visit of 2026-05-01
    found single-leg stance painful: the balance drill goes into that test and is not pain-free
    control work, so the handout leaves it out and the therapist reads why; the clamshell
    (hip, unloaded) is printed."""
    from mobileathlete_desktop.services.reports.handouts import build_handout, handout_program

    client_id = _runner_with_painful_stance(therapist_ctx, "HELD-1")
    _saved(therapist_ctx, client_id, date(2026, 4, 1), BALANCE, CLAMSHELL)
    for lang in ("en", "es"):
        handout, program, warnings = build_handout(therapist_ctx, client_id, lang=lang)
        assert [d.code for d in handout.drills] == ["control.clamshell"]
        assert [i.exercise_code for i in program.items] == ["control.clamshell"]
        assert (
            "Single-leg balance held back: pain on Single-leg stance, eyes open, left at the "
            "latest assessment; add it back deliberately if you judge it suitable (the program "
            "was made before the assessment of 2026-05-01)"
        ) in warnings
    # `mobileathlete program` shows what the handout prints.
    listed, _ = handout_program(therapist_ctx, client_id)
    assert [i.exercise_code for i in listed.items] == ["control.clamshell"]


def test_a_drill_added_back_after_the_painful_assessment_is_printed_with_the_caution(
    therapist_ctx: ServiceContext,
) -> None:
    """The therapist saw the pain and saved single-leg balance again on 2026-05-01 (added back
    deliberately): printed as saved, with "keep it pain-free", and no warning."""
    from mobileathlete_desktop.services.reports.handouts import build_handout

    client_id = _runner_with_painful_stance(therapist_ctx, "HELD-2")
    _saved(therapist_ctx, client_id, date(2026, 4, 1), BALANCE, CLAMSHELL)
    _saved(therapist_ctx, client_id, date(2026, 5, 1), BALANCE, CLAMSHELL)
    handout, _, warnings = build_handout(therapist_ctx, client_id, lang="en")
    assert [d.code for d in handout.drills] == ["control.single_leg_balance", "control.clamshell"]
    assert handout.drills[0].notes == "Keep it pain-free — stop before it hurts."
    assert not [w for w in warnings if "held back" in w]


def test_a_review_note_proposed_in_english_is_printed_in_spanish(
    therapist_ctx: ServiceContext,
) -> None:
    """A proposal made in an English window flagged heel drops (7/10) for review; the Spanish
    handout says it in Spanish (tú), from the summary's codes, in its box at the top: the old
    note the proposal wrote into the notes is not printed again, the therapist's own is."""
    from mobileathlete_desktop.domain.checkins import REVIEW_HANDOUT
    from mobileathlete_desktop.services.reports.handouts import build_handout
    from mobileathlete_desktop.support.i18n import texts

    client_id = _runner_with_painful_stance(therapist_ctx, "HELD-3")
    review = CheckinReason(
        "checkin.review_pain", {"drill": "strength.eccentric_heel_drop", "pain": 7, "limit": 5}
    )
    english = texts("en").gettext(REVIEW_HANDOUT, limit=5, drills="Heel drops off a step")
    program_id = _saved(therapist_ctx, client_id, date(2026, 5, 1), CLAMSHELL)
    from mobileathlete_desktop.services.programs import get_program, save_program

    saved = get_program(therapist_ctx, program_id)
    save_program(
        therapist_ctx,
        replace(saved, id=None, notes=f"{english}\nRun easy.", summary=review.stored()),
    )
    handout, _, _ = build_handout(therapist_ctx, client_id, lang="es")
    assert handout.review == (
        "Bajada de talón en un escalón: le diste 7/10 de dolor o dificultad en tu seguimiento; por "
        "ahora quitamos ese ejercicio de tu programa. Llámanos antes de volver a hacer tus "
        "ejercicios."
    )
    assert handout.notes == "Run easy."
    english_handout, _, _ = build_handout(therapist_ctx, client_id, lang="en")
    assert english_handout.review.startswith("Heel drops off a step scored 7/10")
    assert english_handout.notes == "Run easy."
