"""A check-in as the returned sheet records it: per drill, sessions done against sessions
prescribed and the pain or difficulty it gave, and the Exercise Adherence Rating Scale (all
self-report). Split from domain.checkins (which re-exports these names), whose proposal of the
next program reads them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord, tracker_boxes

# The Exercise Adherence Rating Scale (EARS), section B: 6 items, each scored 0-4 on the form
# (completely agree ... completely disagree, scored so that a higher score means better
# adherence), total 0-24. Newman-Beinart NA et al., Physiotherapy 2017;103(2):180-185
# (doi:10.1016/j.physio.2016.11.001), abstract: "An item pool consisting of 6 items"; scoring
# as stated in Newman-Beinart et al., EHPS 2016 abstract: "The 6-item EARS is scored on a
# 5-point Likert scale (0-4, completely agree to completely disagree) where a higher score
# indicates better adherence." The item wording is printed on the clinic's own form, not here.
EARS_ITEMS = 6
EARS_ITEM_MAX = 4
EARS_MAX = EARS_ITEMS * EARS_ITEM_MAX


class CheckinError(ValueError):
    """A check-in value out of its range (sessions, pain, an EARS item)."""


@dataclass(frozen=True)
class CheckinItemRecord:
    """One drill as the returned sheet says: sessions done of those prescribed, and the pain or
    difficulty (0-10) it gave; None when not recorded."""

    exercise_code: str
    prescribed: int
    done: int | None = None
    pain: int | None = None

    @property
    def adherence(self) -> float | None:
        """Sessions done as a share of those prescribed (may pass 1), or None."""
        if self.done is None or self.prescribed <= 0:
            return None
        return self.done / self.prescribed


@dataclass(frozen=True)
class CheckinRecord:
    """A check-in of one program at a visit (self-report)."""

    id: int | None
    program_id: int
    client_id: int
    date: date
    items: tuple[CheckinItemRecord, ...] = ()
    ears: tuple[int | None, ...] = ()
    """The 6 EARS item scores (0-4 as scored on the form), or () when not asked."""
    note: str = ""
    assessment_id: int | None = None

    @property
    def ears_total(self) -> int | None:
        """The EARS total (0-24), or None unless all 6 items are scored."""
        return ears_total(self.ears)

    @property
    def adherence(self) -> float | None:
        """Sessions done of those prescribed over the drills recorded, or None."""
        return overall_adherence(self.items)


def ears_total(answers: Sequence[int | None]) -> int | None:
    """The EARS total 0-24 from its 6 item scores, or None when any is missing."""
    if len(answers) != EARS_ITEMS or any(a is None for a in answers):
        return None
    scores = [int(a) for a in answers if a is not None]
    if any(not 0 <= a <= EARS_ITEM_MAX for a in scores):
        raise CheckinError(f"EARS items are scored 0 to {EARS_ITEM_MAX}")
    return sum(scores)


def overall_adherence(items: Iterable[CheckinItemRecord]) -> float | None:
    """All sessions done over all prescribed, of the drills whose sessions were recorded."""
    recorded = [i for i in items if i.done is not None and i.prescribed > 0]
    if not recorded:
        return None
    return sum(i.done or 0 for i in recorded) / sum(i.prescribed for i in recorded)


def prescribed_sessions(item: ProgramItemRecord, weeks: int) -> int:
    """Sessions a drill asked for over the weeks: its tracker boxes a week times the weeks."""
    return tracker_boxes(item) * max(weeks, 1)


def blank_checkin(program: ProgramRecord, client_id: int, on: date, weeks: int) -> CheckinRecord:
    """A check-in to fill in for a program: each drill with its sessions prescribed."""
    items = tuple(
        CheckinItemRecord(i.exercise_code, prescribed_sessions(i, weeks)) for i in program.items
    )
    return CheckinRecord(None, program.id or 0, client_id, on, items)


def check(checkin: CheckinRecord) -> None:
    """Raises CheckinError for a value out of range."""
    for item in checkin.items:
        if not 0 < item.prescribed <= 400:
            raise CheckinError(f"{item.exercise_code}: sessions prescribed must be 1-400")
        if item.done is not None and not 0 <= item.done <= 400:
            raise CheckinError(f"{item.exercise_code}: sessions done must be 0-400")
        if item.pain is not None and not 0 <= item.pain <= 10:
            raise CheckinError(f"{item.exercise_code}: pain or difficulty must be 0-10")
    if checkin.ears and len(checkin.ears) != EARS_ITEMS:
        raise CheckinError(f"The EARS has {EARS_ITEMS} items")
    for answer in checkin.ears:
        if answer is not None and not 0 <= answer <= EARS_ITEM_MAX:
            raise CheckinError(f"EARS items are scored 0 to {EARS_ITEM_MAX}")
