"""The next visit after a warning sign: a painful hop (a possible bone stress injury) brings it
forward to within a week; other pain, or none, leaves the program's weeks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.follow_up import (
    PROMPT_REVIEW_WEEKS,
    follow_up,
    pain_worse,
    pain_worse_advice,
    prompt_review_advice,
    prompt_review_plan,
)
from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
    ClientHistory,
    ClientRecord,
    MeasurementRecord,
)

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


def _pain_history(*scores: float) -> ClientHistory:
    client = ClientRecord(1, "SYN-F1", "Testa", "Runnerton", date(1996, 5, 1), "female")
    visits = tuple(
        AssessmentRecord(
            id=n,
            client_id=1,
            date=VISIT - timedelta(weeks=4 * (len(scores) - n)),
            kind="reassessment",
            status="signed",
            measurements=(MeasurementRecord("nprs", "none", "none", score),),
        )
        for n, score in enumerate(scores, start=1)
    )
    return ClientHistory(client, visits)


def test_pain_up_beyond_the_error_is_said_for_the_follow_up() -> None:
    """NPRS 2 -> 5: 3 points, beyond Childs 2005's 2-point error and reaching Farrar 2001's
    2 points (a rise counts by its points, never its percentage): for the follow-up, the
    therapist's line and the client's advice. 2 -> 4 (at the error, not beyond it) and
    2 -> 3 (50%, 1 point) are not: a change must pass the measurement error first
    (catalogue 2026.7; 2 -> 4 was said before)."""
    cat = default_catalogue()
    line = pain_worse(_pain_history(2, 5), cat)
    assert line is not None
    assert line.startswith("Pain (NPRS 0-10): 2 points → 5 points, worse:")
    assert "clinically important (MCID 2 points, farrar-2001)" in line
    assert pain_worse(_pain_history(2, 4), cat) is None
    assert pain_worse(_pain_history(2, 3), cat) is None
    assert pain_worse(_pain_history(4, 2), cat) is None
    assert pain_worse_advice("es").startswith("Tu dolor es mayor que en tu última consulta.")
