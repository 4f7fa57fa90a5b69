"""Questionnaires: LEFS answers and total, PSFS activities, ratings and average."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from mobileathlete_desktop.domain.interpretation import lefs_total as score_lefs
from mobileathlete_desktop.domain.records import OutcomeRecord
from mobileathlete_desktop.domain.scoring import (
    PSFS_AVERAGE,
    PSFS_INSTRUMENT,
    PSFS_MAX_ACTIVITIES,
    PSFS_MAX_RATING,
    PSFS_MIN_ACTIVITIES,
    psfs_average,
)
from mobileathlete_desktop.services.assessments.records import (
    UNSET,
    _load,
    assessment_unit,
    check_unchanged,
)
from mobileathlete_desktop.services.context import InputError, ServiceContext, refusal
from mobileathlete_desktop.storage.models import Assessment, Measurement, OutcomeScore

LEFS_ITEMS = 20


def lefs_total(answers: list[int | None] | tuple[int | None, ...]) -> int | None:
    """The LEFS total (0–80) when all 20 items are answered, otherwise None (domain scorer)."""
    if len(answers) != LEFS_ITEMS:
        return None
    try:
        return score_lefs(answers)
    except ValueError:
        return None


def _store_score(session: Session, assessment_id: int, code: str, value: float | None) -> None:
    """A questionnaire's score kept as a value of its own (lefs.total, psfs.average): stored,
    updated, or cleared when the answers no longer give one."""
    stored = session.execute(
        select(Measurement).where(
            Measurement.assessment_id == assessment_id, Measurement.code == code
        )
    ).scalar_one_or_none()
    if value is None:
        if stored is not None:
            session.delete(stored)
    elif stored is None:
        session.add(
            Measurement(
                assessment_id=assessment_id,
                code=code,
                side="none",
                mode="none",
                value=value,
                unit="score",
                instrument="questionnaire",
            )
        )
    else:
        stored.value = value


def _checked_lefs(answers: list[int | None]) -> int | None:
    """The LEFS total of 20 answers 0–4 (None while some are missing), or InputError."""
    if len(answers) != LEFS_ITEMS:
        raise InputError(f"LEFS has {LEFS_ITEMS} items, got {len(answers)}")
    for number, answer in enumerate(answers, start=1):
        if answer is not None and not 0 <= answer <= 4:
            raise InputError(f"LEFS item {number}: {answer} is outside 0–4")
    return lefs_total(answers)


def set_lefs_answers(
    ctx: ServiceContext,
    assessment_id: int,
    answers: list[int | None],
    *,
    expected: tuple[int | None, ...] = UNSET,
) -> OutcomeRecord:
    """Saves the 20 LEFS item answers (0–4 each) and, when complete, the total as a value.

    With `expected` (the answers this editor last saw; `()` for none), the save is refused
    (ConflictError) when another workstation changed them meanwhile.
    """
    with assessment_unit(ctx, assessment_id) as unit:
        session = unit.session
        total = _checked_lefs(answers)
        cell = session.execute(
            select(OutcomeScore).where(
                OutcomeScore.assessment_id == assessment_id, OutcomeScore.instrument == "lefs"
            )
        ).scalar_one_or_none()
        seen = tuple(cell.answers or ()) if cell is not None else ()
        if expected is not UNSET:
            check_unchanged(_no_blanks(seen), _no_blanks(expected), "The LEFS answers were")
        if cell is None:
            cell = OutcomeScore(assessment_id=assessment_id, instrument="lefs")
            session.add(cell)
        cell.answers = list(answers)
        cell.total = None if total is None else float(total)
        _store_score(session, assessment_id, "lefs.total", None if total is None else float(total))
        session.flush()
        unit.audit("outcome.set", {"instrument": "lefs", "answers": list(answers), "total": total})
        return OutcomeRecord("lefs", tuple(answers), None if total is None else float(total))


def _no_blanks(answers: tuple[int | None, ...]) -> tuple[int | None, ...]:
    """Answers compared as given: none stored and 20 blanks are the same LEFS."""
    answers = tuple(answers)
    return () if all(a is None for a in answers) else answers


PSFS_ACTIVITY_LENGTH = 120


@dataclass(frozen=True)
class PsfsOffer:
    """The activities a client named at an earlier visit, to be rated again."""

    activities: tuple[str, ...]
    visit: date


def _checked_psfs(
    activities: list[str] | tuple[str, ...], ratings: list[int | None] | tuple[int | None, ...]
) -> tuple[list[str], list[int | None]]:
    """The named activities and their ratings with empty rows dropped, or InputError."""
    if len(activities) != len(ratings):
        raise InputError("PSFS: each activity needs one rating")
    names: list[str] = []
    kept: list[int | None] = []
    for number, (raw, rating) in enumerate(zip(activities, ratings, strict=True), start=1):
        name = " ".join(raw.split())
        if not name and rating is None:
            continue
        if not name:
            raise refusal(
                f"PSFS row {number}: name the activity before rating it",
                "psfs_unnamed",
                row=number,
            )
        if len(name) > PSFS_ACTIVITY_LENGTH:
            raise refusal(
                f"PSFS row {number}: an activity name is at most {PSFS_ACTIVITY_LENGTH} characters",
                "psfs_name_long",
                row=number,
                limit=PSFS_ACTIVITY_LENGTH,
            )
        if rating is not None and not 0 <= rating <= PSFS_MAX_RATING:
            raise InputError(
                f"PSFS {name!r}: {rating} is outside 0–{PSFS_MAX_RATING} "
                "(0 = unable, 10 = able as before the problem)"
            )
        if name.casefold() in (n.casefold() for n in names):
            raise refusal(f"PSFS: {name!r} is named twice", "psfs_twice", name=name)
        names.append(name)
        kept.append(rating)
    if len(names) > PSFS_MAX_ACTIVITIES:
        raise refusal(
            f"PSFS takes at most {PSFS_MAX_ACTIVITIES} activities, got {len(names)}",
            "psfs_too_many",
            limit=PSFS_MAX_ACTIVITIES,
            count=len(names),
        )
    return names, kept


def set_psfs(
    ctx: ServiceContext,
    assessment_id: int,
    activities: list[str] | tuple[str, ...],
    ratings: list[int | None] | tuple[int | None, ...],
    *,
    expected: tuple[tuple[str, ...], tuple[int | None, ...]] = UNSET,
) -> OutcomeRecord:
    """Saves the PSFS: the client's activities (names kept for the next visit) and ratings 0–10.

    The average (`domain.scoring.psfs_average`) is stored as the measurement `psfs.average`
    once 3–5 activities are all rated, and cleared otherwise, so the interpretation, summary,
    reports and charts read it like any value. The outcome row keeps the names and ratings;
    its total stays empty, because the interpretation reads an outcome's total as
    `<instrument>.total` and the PSFS score is an average under its own code.
    With `expected` (the activities and ratings this editor last saw; `((), ())` for none),
    the save is refused (ConflictError) when another workstation changed them meanwhile.
    """
    with assessment_unit(ctx, assessment_id) as unit:
        session = unit.session
        names, kept = _checked_psfs(activities, ratings)
        average = psfs_average(kept) if len(names) >= PSFS_MIN_ACTIVITIES else None
        cell = session.execute(
            select(OutcomeScore).where(
                OutcomeScore.assessment_id == assessment_id,
                OutcomeScore.instrument == PSFS_INSTRUMENT,
            )
        ).scalar_one_or_none()
        before = (
            None
            if cell is None
            else {"activities": list(cell.labels or ()), "ratings": list(cell.answers or ())}
        )
        seen = ((), ()) if cell is None else (tuple(cell.labels or ()), tuple(cell.answers or ()))
        if expected is not UNSET:
            expected = (tuple(expected[0]), tuple(expected[1]))
        check_unchanged(seen, expected, "The PSFS activities and ratings were")
        if cell is None and not names:
            return OutcomeRecord(PSFS_INSTRUMENT)
        if cell is None:
            cell = OutcomeScore(assessment_id=assessment_id, instrument=PSFS_INSTRUMENT)
            session.add(cell)
        cell.labels = list(names)
        cell.answers = list(kept)
        cell.total = None
        _store_score(session, assessment_id, PSFS_AVERAGE, average)
        session.flush()
        unit.audit(
            "outcome.set",
            {
                "instrument": PSFS_INSTRUMENT,
                "before": before,
                "activities": names,
                "ratings": kept,
                "average": average,
            },
        )
        return OutcomeRecord(PSFS_INSTRUMENT, tuple(kept), None, tuple(names))


def psfs_offer(ctx: ServiceContext, assessment_id: int) -> PsfsOffer | None:
    """The activities of the client's latest earlier PSFS, to ask about again; None if none."""
    with assessment_unit(ctx, assessment_id, "assessments.read", draft=False) as unit:
        session, row = unit.session, unit.row
        anchor = _load(session, row.addendum_of_id) if row.addendum_of_id else row
        found = session.execute(
            select(OutcomeScore, Assessment.date)
            .join(Assessment, OutcomeScore.assessment_id == Assessment.id)
            .where(
                Assessment.client_id == row.client_id,
                Assessment.id.not_in((row.id, anchor.id)),
                OutcomeScore.instrument == PSFS_INSTRUMENT,
                (Assessment.date < anchor.date)
                | ((Assessment.date == anchor.date) & (Assessment.id < anchor.id)),
            )
            .order_by(Assessment.date.desc(), Assessment.id.desc())
        ).all()
        for outcome, when in found:
            if outcome.labels:
                return PsfsOffer(tuple(outcome.labels), when)
        return None
