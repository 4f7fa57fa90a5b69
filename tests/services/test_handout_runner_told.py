"""What the runner reads on the handout when their program changes without them: a drill of
the saved program held back for their coded complaint is named in a calm box at the top, with
why (from the complaint's runner words, domain.complaint_runner_words) and to leave it out
until they talk with the physio; and a drill's steps never contradict its card's next step."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest

from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.reports.handout import Handout, write_handout
from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.programs import save_program
from mobileathlete_desktop.services.reports.handouts import build_handout
from tests.reports.helpers import add_runner

STRAIGHT_KNEE = ProgramItemRecord("strength.calf_raise_straight_knee", 3, 15, sessions_per_week=3)
ONE_LEG = ProgramItemRecord("strength.single_leg_calf_raise", 3, 12, sessions_per_week=3)


def _runner(ctx: ServiceContext, chart: str, complaint: str, *items: ProgramItemRecord) -> int:
    """A runner whose program of 2026-09-01 holds `items`; the complaint coded afterwards."""
    client = add_runner(ctx, chart)
    save_program(ctx, ProgramRecord(None, client.id, date(2026, 9, 1), "Home", items, weeks=4))
    if complaint:
        data = clients.input_from_record(clients.get_client(ctx, client.id))
        clients.update_client(ctx, client.id, replace(data, complaint_code=complaint))
    return client.id


@pytest.mark.parametrize(
    ("lang", "easy", "one_leg"),
    [
        ("en", "Calf raise, bent knee", "one leg"),
        ("es", "Elevación de talones con la rodilla doblada", "con una"),
    ],
)
def test_straight_knee_calf_raise_steps_agree_with_its_next_step(
    therapist_ctx: ServiceContext, lang: str, easy: str, one_leg: str
) -> None:
    """With the one-leg raise already in the program, the card's next step is the bent-knee
    raise: its steps no longer tell the runner to move on to one leg."""
    client_id = _runner(therapist_ctx, f"RT-3{lang}", "", STRAIGHT_KNEE, ONE_LEG)
    handout, _, _ = build_handout(therapist_ctx, client_id, lang=lang)
    card = handout.drills[0]
    assert card.code == "strength.calf_raise_straight_knee"
    assert card.when_easy == easy
    assert not any(one_leg in step for step in card.steps), card.steps


@pytest.mark.parametrize(("lang", "one_leg"), [("en", "one leg"), ("es", "con una")])
def test_bent_knee_calf_raise_steps_leave_the_next_step_to_the_card(
    therapist_ctx: ServiceContext, lang: str, one_leg: str
) -> None:
    """The bent-knee raise's next step is the one-leg raise; with that already in the program
    the card names the step beyond it, so its steps must not say 'one leg' either."""
    bent = ProgramItemRecord("strength.calf_raise_bent_knee", 3, 15, sessions_per_week=3)
    client_id = _runner(therapist_ctx, f"RT-5{lang}", "", bent, ONE_LEG)
    handout, _, _ = build_handout(therapist_ctx, client_id, lang=lang)
    card = handout.drills[0]
    assert card.code == "strength.calf_raise_bent_knee"
    assert card.when_easy and one_leg not in card.when_easy
    assert not any(one_leg in step for step in card.steps), card.steps


SOLEUS = ProgramItemRecord("stretch.soleus_wall", 3, hold_s=30, per_side=True, sessions_per_week=7)
SQUAT = ProgramItemRecord("strength.bodyweight_squat", 3, 12, sessions_per_week=3)
HIP_HIKE = ProgramItemRecord("control.hip_hike", 3, 12, per_side=True, sessions_per_week=7)
CLAMSHELL = ProgramItemRecord("control.clamshell", 3, 15, per_side=True, sessions_per_week=3)

ACHILLES_EN = (
    "with pain where your Achilles meets your heel, bending the ankle as far as it goes under "
    "your weight (a deep calf stretch, a deep squat) can press on the sore spot"
)
ACHILLES_ES = (
    "cuando te duele donde el Aquiles se une al talón, doblar el tobillo al máximo con tu peso "
    "encima (estirar a fondo la pantorrilla, una sentadilla profunda) puede presionar la zona "
    "dolorida"
)


def _pdf_text(handout: Handout) -> str:
    from pypdf import PdfReader

    buffer = io.BytesIO()
    write_handout(buffer, handout)
    buffer.seek(0)
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(buffer).pages)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            [
                f"We've taken out “Bent-knee calf stretch (soleus)” for now: {ACHILLES_EN}. "
                "Please leave it out until we talk.",
                f"We've taken out “Squat” for now: {ACHILLES_EN}. Please leave it out until we "
                "talk.",
            ],
        ),
        (
            "es",
            [
                "Por ahora quitamos «estiramiento de sóleo con la rodilla doblada»: "
                f"{ACHILLES_ES}. No lo hagas hasta que lo hablemos.",
                f"Por ahora quitamos «sentadilla»: {ACHILLES_ES}. No lo hagas hasta que lo "
                "hablemos.",
            ],
        ),
    ],
)
def test_insertional_achilles_runner_is_told_each_drill_taken_out_and_why(
    therapist_ctx: ServiceContext, lang: str, said: list[str]
) -> None:
    """DEMO-0004's case: the soleus stretch was done daily; coded insertional Achilles pain
    leaves it (and the squat) out, and the runner reads which and why, not just a shorter
    list."""
    client_id = _runner(
        therapist_ctx, f"RT-1{lang}", "achilles_insertional", SOLEUS, STRAIGHT_KNEE, SQUAT
    )
    handout, _, _ = build_handout(therapist_ctx, client_id, lang=lang)
    assert [d.code for d in handout.drills] == ["strength.calf_raise_straight_knee"]
    assert list(handout.taken_out) == said
    page = _pdf_text(handout)
    for line in said:
        assert line in page
    # At the top: before the findings and the drills.
    assert page.index(said[0]) < page.index(handout.drills[0].name)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_lateral_hip_runner_is_told_hip_hikes_are_out(
    therapist_ctx: ServiceContext, lang: str
) -> None:
    client_id = _runner(therapist_ctx, f"RT-2{lang}", "lateral_hip_gluteal", HIP_HIKE, CLAMSHELL)
    handout, _, _ = build_handout(therapist_ctx, client_id, lang=lang)
    assert [d.code for d in handout.drills] == ["control.clamshell"]
    (line,) = handout.taken_out
    name = {"en": "“Hip hikes on a step”", "es": "«elevación de pelvis en un escalón»"}[lang]
    hip = {"en": "the outside of your hip", "es": "la parte de afuera de la cadera"}[lang]
    assert name in line and hip in line


def test_uncoded_runner_reads_no_box(therapist_ctx: ServiceContext) -> None:
    client_id = _runner(therapist_ctx, "RT-4", "", SOLEUS, HIP_HIKE, SQUAT)
    handout, _, _ = build_handout(therapist_ctx, client_id)
    assert [d.code for d in handout.drills] == [
        "stretch.soleus_wall",
        "control.hip_hike",
        "strength.bodyweight_squat",
    ]
    assert handout.taken_out == ()
    assert "taken out" not in _pdf_text(handout)


def test_a_drill_held_back_for_pain_is_not_said_in_the_box() -> None:
    """Pain has its own handling (the therapist's warning; a check-in's review box)."""
    from mobileathlete_desktop.services.reports.held_back import HeldDrill, runner_lines

    pain = HeldDrill("stretch.soleus_wall", "held back for pain")
    complaint = HeldDrill("strength.bodyweight_squat", "held back", "achilles_insertional")
    (line,) = runner_lines((pain, complaint), "en", None)
    assert "“Squat”" in line


def test_every_complaint_that_holds_drills_back_has_runner_words_in_each_language() -> None:
    from mobileathlete_desktop.domain.complaint_runner_words import runner_why
    from mobileathlete_desktop.domain.recommendations.complaints import COMPLAINT_RULES
    from mobileathlete_desktop.support.languages import SUPPORTED_LANGUAGES

    holding = [code for code, rule in COMPLAINT_RULES.items() if rule.holds_back]
    assert holding
    for code in holding:
        english = runner_why(code, "en")
        assert english
        for lang in SUPPORTED_LANGUAGES:
            if lang != "en":
                assert runner_why(code, lang) not in ("", english), (code, lang)
