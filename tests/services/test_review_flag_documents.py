"""A program a check-in flagged for review (pain or difficulty above 5/10, or rising), on every
document: the runner's handout says in a box at its top which drill, what they reported and
to call before the next exercises; the clinician's summary, full record and `program` command
say "Flagged for review: ..."; a discharge with the flag open says it is open. No "When this
gets easy" leads into, or out of, a drill flagged, held back or kept for pain. Worked from the
clinical review of the demo (DEMO-0004: Bird dog flagged, still printed with "When this gets
easy: Front plank"; the review note named a drill the runner no longer had)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mobileathlete_desktop.domain.checkin_reasons import CheckinReason
from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.services.assessments import create_assessment
from mobileathlete_desktop.services.checkins import checkin_sheet, proposed_program, save_checkin
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.programs import save_program
from mobileathlete_desktop.services.reports import (
    build_handout,
    build_letter,
    build_progress_report,
    build_summary_report,
    handout_program,
    program_listing,
)
from tests.reports.helpers import add_runner

START = date(2026, 3, 2)
CHECKED = date(2026, 3, 16)
ITEMS = (
    ProgramItemRecord("control.bird_dog", 3, 8, per_side=True, frequency="daily"),
    ProgramItemRecord("control.clamshell", 3, 15, per_side=True, frequency="daily"),
)


def _flagged(ctx: ServiceContext, chart: str, bird_dog_pain: int = 7) -> int:
    """A runner assessed on 2 March (nothing painful) with the bird dog and the clamshell;
    at the check-in of 16 March the bird dog scored `bird_dog_pain`/10 and the clamshell 1/10:
    the proposal (saved as proposed) makes the bird dog easier (the dead bug) and moves the
    clamshell on, and is flagged for review for the bird dog."""
    client = add_runner(ctx, chart)
    create_assessment(ctx, client.id, START, therapist="Pat Physio, PT")
    program = save_program(ctx, ProgramRecord(None, client.id, START, "Hips", ITEMS, weeks=2))
    _, sheet = checkin_sheet(ctx, client.id, program_id=program.id, on=CHECKED)
    bird, clam = sheet.items
    save_checkin(
        ctx,
        replace(
            sheet,
            items=(
                replace(bird, done=bird.prescribed, pain=bird_dog_pain),
                replace(clam, done=clam.prescribed, pain=1),
            ),
        ),
    )
    proposed, changes = proposed_program(ctx, client.id)
    assert "review" in [c.action for c in changes]
    assert proposed.items[0].exercise_code == "control.dead_bug"
    save_program(ctx, proposed)
    return client.id


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "Bird dog scored 7/10 for pain or difficulty at your check-in; we've taken it out "
            "for now. Call us before you next do your exercises.",
        ),
        (
            "es",
            "Perro de caza (bird dog): le diste 7/10 de dolor o dificultad en tu seguimiento; por "
            "ahora quitamos ese ejercicio de tu programa. Llámanos antes de volver a hacer tus "
            "ejercicios.",
        ),
    ],
)
def test_the_handout_says_which_drill_is_out_what_the_runner_reported_and_to_call(
    ctx: ServiceContext, lang: str, said: str
) -> None:
    client_id = _flagged(ctx, f"FLAG-{lang}")
    handout, _, _ = build_handout(ctx, client_id, lang=lang)
    assert handout.review == said
    # Said once, in the box: not again, vaguer, among the notes.
    assert "5/10" not in handout.notes and "fisioterapeuta" not in handout.notes
    # The easier drill it was swapped for leads on to the flagged bird dog: no next step.
    easy = {d.code: d.when_easy for d in handout.drills}
    assert easy["control.dead_bug"] == ""


def test_a_flagged_drill_still_in_the_program_has_no_next_step(ctx: ServiceContext) -> None:
    """The dead bug (no easier drill in the library: kept) at 8/10: in the program, so not
    "taken out", and not to be made harder either."""
    client = add_runner(ctx, "FLAG-KEPT")
    create_assessment(ctx, client.id, START, therapist="Pat Physio, PT")
    item = ProgramItemRecord("control.dead_bug", 3, 8, per_side=True, frequency="daily")
    flag = CheckinReason(
        "checkin.review_pain", {"drill": "control.dead_bug", "pain": 8, "limit": 5}
    )
    save_program(
        ctx, ProgramRecord(None, client.id, CHECKED, "Core", (item,), summary=flag.stored())
    )
    handout, _, _ = build_handout(ctx, client.id, lang="en")
    assert handout.review == (
        "Dead bug scored 8/10 for pain or difficulty at your check-in. Call us before you next "
        "do your exercises."
    )
    assert handout.drills[0].when_easy == ""
    rising = CheckinReason(
        "checkin.review_rising", {"drill": "control.dead_bug", "pain": 5, "was": 2}
    )
    save_program(
        ctx, ProgramRecord(None, client.id, CHECKED, "Core", (item,), summary=rising.stored())
    )
    handout, _, _ = build_handout(ctx, client.id, lang="en")
    assert handout.review.startswith(
        "Dead bug went from 2/10 to 5/10 for pain or difficulty at your check-in."
    )


def test_no_next_step_from_a_drill_kept_for_pain_nor_into_one_held_back(
    ctx: ServiceContext,
) -> None:
    """The check-in kept the dead bug, not made harder, because its next step loads a painful
    test: no "When this gets easy". A clamshell beside a held back side-lying leg raise (its
    next step) is not sent to it."""
    client = add_runner(ctx, "KEPT-1")
    create_assessment(ctx, client.id, START, therapist="Pat Physio, PT")
    painful = [{"code": "balance.single_leg", "side": "left"}]
    held = CheckinReason(
        "checkin.held_next_painful",
        {"done": 12, "prescribed": 12, "pain": 1, "drill": "control.bird_dog", "painful": painful},
    )
    back = CheckinReason(
        "checkin.held_back_pain", {"drill": "control.side_lying_hip_abduction", "painful": painful}
    )
    items = (
        ProgramItemRecord("control.dead_bug", 3, 8, reason=held.stored()),
        ProgramItemRecord("control.clamshell", 3, 15),
    )
    save_program(ctx, ProgramRecord(None, client.id, CHECKED, "Core", items, summary=back.stored()))
    handout, _, _ = build_handout(ctx, client.id, lang="en")
    easy = {d.code: d.when_easy for d in handout.drills}
    assert easy == {"control.dead_bug": "", "control.clamshell": ""}
    assert handout.review == ""
    # The same program without those reasons keeps the library's next steps.
    plain = tuple(replace(i, reason="") for i in items)
    save_program(ctx, ProgramRecord(None, client.id, CHECKED, "Core", plain))
    handout, _, _ = build_handout(ctx, client.id, lang="en")
    easy = {d.code: d.when_easy for d in handout.drills}
    assert easy == {"control.dead_bug": "Bird dog", "control.clamshell": "Side-lying leg raise"}


@pytest.mark.parametrize(
    ("lang", "flagged", "told"),
    [
        (
            "en",
            "Flagged for review: Bird dog 7/10 at the check-in of Mar 16, 2026 (no longer in "
            "the program)",
            "The runner's handout asks them to call the clinic before doing the exercises again.",
        ),
        (
            "es",
            "Marcado para revisión: perro de caza (bird dog) 7/10 en el seguimiento del 16 mar "
            "2026 (ya no está en el programa)",
            "La hoja de ejercicios del cliente le pide llamar a la clínica antes de volver a "
            "hacerlos.",
        ),
    ],
)
def test_the_clinicians_documents_say_the_flag(
    ctx: ServiceContext, lang: str, flagged: str, told: str
) -> None:
    client_id = _flagged(ctx, f"DOC-{lang}")
    summary = build_summary_report(ctx, client_id, lang=lang, charts=False)
    assert summary.review == (flagged, told)
    full = build_progress_report(ctx, client_id, lang=lang, charts=False)
    assert full.review == (flagged, told)
    assert summary.discharge_warning == ""  # not discharged


def test_a_discharge_with_the_flag_open_says_so(ctx: ServiceContext) -> None:
    client_id = _flagged(ctx, "DIS-1")
    create_assessment(ctx, client_id, date(2026, 3, 20), kind="discharge", therapist="Pat")
    summary = build_summary_report(ctx, client_id, lang="en", charts=False)
    assert summary.next_visit.startswith("Discharge visit of Mar 20, 2026")  # a draft
    warning = (
        "Review still open: the runner's handout asks them to call about Bird dog before doing "
        "the exercises again."
    )
    assert summary.discharge_warning == warning
    # The letter to the referring clinician says it beside the discharge too.
    letter = build_letter(ctx, client_id, lang="en")
    assert letter.next_visit.startswith("Discharge visit") and letter.next_visit.endswith(warning)
    es = build_summary_report(ctx, client_id, lang="es", charts=False)
    assert es.discharge_warning.startswith("Revisión pendiente")
    assert "llamar a la clínica por perro de caza (bird dog) antes" in es.discharge_warning


def test_the_program_command_lists_the_flag(ctx: ServiceContext) -> None:
    from mobileathlete_desktop.commands.program_cmd import program_json

    client_id = _flagged(ctx, "CMD-1")
    data = program_json(program_listing(ctx, client_id, lang="es"))
    assert data["review"] == [
        {
            "drill": "control.bird_dog",
            "name": "Perro de caza (bird dog)",
            "pain": 7,
            "was": None,
            "date": "2026-03-16",
            "in_program": False,
            "text": "Flagged for review: Bird dog 7/10 at the check-in of 2026-03-16 (no longer "
            "in the program)",
        }
    ]


@pytest.mark.parametrize("phone", [False, True], ids=["print", "phone"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_box_is_printed_under_the_title_on_the_first_page(
    ctx: ServiceContext, lang: str, phone: bool
) -> None:
    """The runner reads it before the findings and the drills, on paper and on a phone."""
    import io

    from mobileathlete_desktop.reports.handout import write_handout
    from tests.reports.helpers import pdf_pages

    client_id = _flagged(ctx, f"BOX-{lang}-{phone}")
    handout, _, _ = build_handout(ctx, client_id, lang=lang)
    buffer = io.BytesIO()
    write_handout(buffer, handout, phone=phone)
    first = " ".join(pdf_pages(buffer.getvalue())[0].split())
    findings = {"en": "What we found", "es": "Qué encontramos"}[lang]
    box = first.find(" ".join(handout.review.split()[:6]))
    assert box > 0, first
    assert findings not in first or box < first.find(findings), first
    assert " ".join(handout.review.split()[-4:]) in first


@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_document_says_the_review_note_its_own_way_from_the_saved_notes(
    ctx: ServiceContext, lang: str
) -> None:
    """The program both documents are made of keeps its saved notes: the `program` listing
    puts the review note at the head of its notes (its public contract), the handout says it
    in its box only. (handout_program wrote the note into the notes and build_handout took
    it out again.)"""
    from mobileathlete_desktop.services.programs import latest_program

    client_id = _flagged(ctx, f"NOTES-{lang}")
    saved = latest_program(ctx, client_id)
    assert saved is not None
    program, _ = handout_program(ctx, client_id, lang=lang)
    assert program.notes == saved.notes
    end = {
        "en": "contact your physio before your next session.",
        "es": "contacta con tu fisioterapeuta antes de tu próxima sesión.",
    }[lang]
    assert end not in saved.notes
    listed = program_listing(ctx, client_id, lang=lang).program.notes
    assert listed.split("\n")[0].endswith(end)
    handout, _, _ = build_handout(ctx, client_id, lang=lang)
    assert end not in handout.notes and handout.review
