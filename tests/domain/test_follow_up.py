"""The next visit after a warning sign: a painful hop (a possible bone stress injury) brings it
forward to within a week; other pain, or none, leaves the program's weeks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.follow_up import (
    PROMPT_REVIEW_WEEKS,
    follow_up,
    prompt_review_advice,
    prompt_review_plan,
)
from mobileathlete_desktop.domain.records import AssessmentRecord, MeasurementRecord

VISIT = date(2026, 10, 31)


def assessment(*values: tuple[str, str, float, bool]) -> AssessmentRecord:
    return AssessmentRecord(
        id=1,
        client_id=1,
        date=VISIT,
        kind="reassessment",
        status="signed",
        measurements=tuple(
            MeasurementRecord(code, side, "none", value, pain=pain)  # type: ignore[arg-type]
            for code, side, value, pain in values
        ),
    )


def test_a_painful_hop_brings_the_next_visit_forward_to_within_a_week() -> None:
    hurt = assessment(("hop.triple", "left", 417, True), ("hop.triple", "right", 441, False))
    soon = follow_up(hurt, VISIT, 4, default_catalogue())
    assert soon.prompt and soon.warned_by == ("hop.triple",)
    assert soon.weeks == PROMPT_REVIEW_WEEKS == 1
    assert soon.due == VISIT + timedelta(weeks=1)


@pytest.mark.parametrize(
    "values",
    [
        (("hop.triple", "left", 417, False),),  # hops without pain
        (("hip.flexion", "left", 110, True),),  # a painful range: no bone-stress warning
        (),
    ],
)
def test_without_a_warning_sign_the_programs_weeks_stand(
    values: tuple[tuple[str, str, float, bool], ...],
) -> None:
    later = follow_up(assessment(*values), VISIT, 4, default_catalogue())
    assert not later.prompt and later.weeks == 4 and later.due == VISIT + timedelta(weeks=4)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("within a week", "bone stress injury", "referred to a doctor", "Stop running")),
        (
            "es",
            (
                "dentro de una semana",
                "lesión ósea por estrés",
                "derivar al médico",
                "deja de correr",
            ),
        ),
    ],
)
def test_the_reports_next_visit_says_why_and_what_to_do(lang: str, words: tuple[str, ...]) -> None:
    said = prompt_review_plan(lang, VISIT + timedelta(weeks=1))
    assert all(w in said for w in words), said
    assert "4" not in said and "semanas" not in said and "weeks" not in said


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("See your physio or doctor within a week", "Stop running if the pain persists")),
        ("es", ("Ve a tu fisioterapeuta o a tu médico dentro de una semana", "deja de correr")),
    ],
)
def test_the_handout_tells_the_client_whom_to_see_and_what_to_stop(
    lang: str, words: tuple[str, ...]
) -> None:
    said = prompt_review_advice(lang, VISIT + timedelta(weeks=1))
    assert all(w in said for w in words), said
    assert "usted" not in said.lower()  # tú, never usted
