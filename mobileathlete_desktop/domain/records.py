"""Plain, frozen records of clients and visits that every layer above storage speaks in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from mobileathlete_desktop.domain.catalogue import Mode, Side

AssessmentKind = Literal["initial", "reassessment", "discharge", "screen", "addendum"]
AssessmentStatus = Literal["draft", "signed"]
ClientSex = Literal["female", "male", "other", "unknown"]

ASSESSMENT_KINDS: tuple[AssessmentKind, ...] = (
    "initial",
    "reassessment",
    "discharge",
    "screen",
    "addendum",
)
CLIENT_SEXES: tuple[ClientSex, ...] = ("female", "male", "other", "unknown")

# The presenting complaint, coded (beside the free-text complaint, which stays): what the
# home program's complaint rules read (domain.recommendations.complaints). "" = not coded, and
# a client without a code gets the program the findings alone choose.
COMPLAINT_CODES: tuple[str, ...] = (
    "achilles_midportion",
    "achilles_insertional",
    "plantar_heel",
    "patellofemoral",
    "lateral_hip_gluteal",
    "itb",
    "mtss",
    "hamstring_proximal",
    "other",
)


def age_on(date_of_birth: date | None, on: date) -> int | None:
    """Age in whole years on a given day, or None when the date of birth is unknown."""
    if date_of_birth is None:
        return None
    years = on.year - date_of_birth.year
    if (on.month, on.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years


@dataclass(frozen=True)
class ClientRecord:
    """A client as the rest of the program sees them (no database object)."""

    id: int
    chart_number: str
    given_name: str
    family_name: str
    date_of_birth: date | None = None
    sex: ClientSex = "unknown"
    email: str = ""
    phone: str = ""
    address: str = ""
    dominant_leg: Literal["left", "right", "unknown"] = "unknown"
    weekly_distance_km: float | None = None
    years_running: float | None = None
    goal_event: str = ""
    footwear: str = ""
    injury_history: str = ""
    complaint: str = ""
    referral: str = ""
    archived: bool = False
    version: int = 1
    complaint_code: str = ""  # one of COMPLAINT_CODES, or "" when not coded

    @property
    def full_name(self) -> str:
        """Given and family name, as printed on a handout."""
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def sorted_name(self) -> str:
        """Family name first, as shown in lists."""
        return f"{self.family_name}, {self.given_name}".strip(", ")

    def age_on(self, on: date) -> int | None:
        """Age in whole years on that day."""
        return age_on(self.date_of_birth, on)

    @property
    def norm_sex(self) -> str | None:
        """The sex used to pick a norm (None when no sex-specific norm applies)."""
        return self.sex if self.sex in ("female", "male") else None


@dataclass(frozen=True)
class MeasurementRecord:
    """One recorded value: a measure, a side, a mode, and how it was taken."""

    code: str
    side: Side
    mode: Mode
    value: float
    pain: bool = False
    note: str = ""
    instrument: str = ""
    position: str = ""
    rater: str = ""
    unit: str = ""


@dataclass(frozen=True)
class FindingRecord:
    """A motor-control test observation: faults seen and a rating or score, per side."""

    test_code: str
    side: Side
    faults: tuple[str, ...] = ()
    rating: str = ""
    score: float | None = None
    note: str = ""


@dataclass(frozen=True)
class OutcomeRecord:
    """A questionnaire (e.g. LEFS) with its item answers and total.

    `labels` name the items when the client chose them (the PSFS activities), one per answer.
    """

    instrument: str
    answers: tuple[int | None, ...] = ()
    total: float | None = None
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class AssessmentRecord:
    """One visit's assessment with everything recorded in it."""

    id: int
    client_id: int
    date: date
    kind: AssessmentKind
    status: AssessmentStatus
    therapist: str = ""
    notes: str = ""
    template: str = ""
    signed_at: datetime | None = None
    signed_by: str = ""
    addendum_of: int | None = None
    version: int = 1
    measurements: tuple[MeasurementRecord, ...] = ()
    findings: tuple[FindingRecord, ...] = ()
    outcomes: tuple[OutcomeRecord, ...] = ()

    def value(self, code: str, side: Side = "none", mode: Mode = "none") -> float | None:
        """The value recorded for that measure, side and mode, or None."""
        m = self.measurement(code, side, mode)
        return None if m is None else m.value

    def measurement(
        self, code: str, side: Side = "none", mode: Mode = "none"
    ) -> MeasurementRecord | None:
        """The measurement for that measure, side and mode, or None."""
        for m in self.measurements:
            if m.code == code and m.side == side and m.mode == mode:
                return m
        return None

    def codes(self) -> list[str]:
        """Measure codes recorded in this assessment, in first-recorded order."""
        seen: dict[str, None] = {}
        for m in self.measurements:
            seen.setdefault(m.code, None)
        return list(seen)


@dataclass(frozen=True)
class ClientHistory:
    """A client with their assessments, oldest first: what charts and reports are built from."""

    client: ClientRecord
    assessments: tuple[AssessmentRecord, ...] = field(default_factory=tuple)

    @property
    def latest(self) -> AssessmentRecord | None:
        """The most recent assessment, or None."""
        return self.assessments[-1] if self.assessments else None
