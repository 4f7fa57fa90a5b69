"""When to see the runner again: when the home program has run its course, or within a week
after a warning sign (a painful hop: a possible bone stress injury), to assess or refer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from mobileathlete_desktop.domain.catalogue import Catalogue
from mobileathlete_desktop.domain.records import AssessmentRecord, ClientHistory
from mobileathlete_desktop.support.i18n import texts

PROMPT_REVIEW_WEEKS = 1
"""Clinic convention, not a published figure: a test whose pain warns of more (the catalogue's
`pain_warning`; today the hop tests, a bone-stress warning sign) brings the next visit forward
from the program's weeks to within a week, so the pain is assessed (or referred to a doctor)
before more running or impact. A recommendation for the therapist to weigh, not a diagnosis."""


@dataclass(frozen=True)
class FollowUp:
    """The next visit: how many weeks away, by when, and whether a warning sign brought it
    forward (`warned_by`: the measures whose pain did)."""

    weeks: int
    due: date
    warned_by: tuple[str, ...] = ()

    @property
    def prompt(self) -> bool:
        """Whether the visit was brought forward by a warning sign."""
        return bool(self.warned_by)


def warning_signs(assessment: AssessmentRecord | None, catalogue: Catalogue) -> tuple[str, ...]:
    """The measures recorded painful at this assessment whose pain warns of more (a painful
    hop: a bone-stress warning), each once, in the order recorded."""
    if assessment is None:
        return ()
    codes = []
    for m in assessment.measurements:
        measure = catalogue.get(m.code)
        if m.pain and measure is not None and measure.pain_warning:
            codes.append(m.code)
    return tuple(dict.fromkeys(codes))


def follow_up(
    assessment: AssessmentRecord | None, start: date, weeks: int, catalogue: Catalogue
) -> FollowUp:
    """The next visit after `start`: in `weeks` (the program's), or within PROMPT_REVIEW_WEEKS
    when the assessment holds a warning sign."""
    warned = warning_signs(assessment, catalogue)
    if warned:
        weeks = min(weeks, PROMPT_REVIEW_WEEKS)
    return FollowUp(weeks, start + timedelta(weeks=weeks), warned)


def prompt_review_plan(lang: str, due: date) -> str:
    """The report's next-visit line after a warning sign (the therapist and the client read it)."""
    tr = texts(lang)
    return tr.gettext(
        "Next visit: within a week, by {date}, not when the home program has run its course: "
        "pain when hopping is a warning sign of a bone stress injury, to be assessed (or "
        "referred to a doctor) before more running or impact. Stop running if the pain "
        "persists.",
        date=tr.date(due, "medium"),
    )


def prompt_review_advice(lang: str, due: date) -> str:
    """The handout's words to the client after a warning sign: who to see, by when, and what
    to stop meanwhile."""
    tr = texts(lang)
    return tr.gettext(
        "See your physio or doctor within a week (by {date}) to have the pain you felt when "
        "hopping checked. Stop running if the pain persists.",
        date=tr.date(due, "medium"),
    )


def pain_worse(history: ClientHistory | None, catalogue: Catalogue) -> str | None:
    """The therapist's line when the runner's pain (NPRS) rose by a clinically important
    amount since the visit before the latest (2 points or more: a rise is judged by the points
    alone, Farrar 2001's 30% is a reduction criterion), else None. Pain is no drill target: it
    belongs in the report and the follow-up, beside the next visit."""
    if history is None or history.latest is None:
        return None
    from mobileathlete_desktop.domain.interpretation import change_sentence, interpret_assessment
    from mobileathlete_desktop.domain.recommendations.measures import is_pain_score

    interpretation = interpret_assessment(history, catalogue=catalogue)
    for row in interpretation.rows:
        if is_pain_score(row.code) and row.change.verdict == "worse" and row.change.important:
            return change_sentence(row, "en", catalogue)
    return None


def pain_worse_advice(lang: str) -> str:
    """The handout's words to the client when their pain rose by a clinically important amount
    since the last visit: what to do meanwhile and when to call (tú in Spanish)."""
    return texts(lang).gettext(
        "Your pain is higher than at your last visit. Do your drills only as far as they stay "
        "pain-free, ease off the runs that bring the pain on, and call us if it keeps rising."
    )
