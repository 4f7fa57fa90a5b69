"""What the recommender reads and returns: findings (Observation), drills, recommendations and
the plan, and how much each flag weighs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mobileathlete_desktop.domain.programs import ProgramItemRecord, library_item
from mobileathlete_desktop.domain.recommendations.measures import (
    DEFICIT_CONTROL,
    DEFICIT_FLEXIBILITY,
    DEFICIT_STRENGTH,
)
from mobileathlete_desktop.support.sentence_case import lower_first

# How much each flag weighs when ranking findings (higher first).
FLAG_WEIGHTS: dict[str, float] = {
    "control_deficit": 4.5,
    "asymmetry": 2.0,
    "below_norm": 2.0,
    # Past a published reference point: a criterion (hop LSI under 90%) is answered like a
    # short reading, weighed a little under one; a screening total (SCREENING_CUTOFFS) is not
    # answered at all.
    "cutoff": 1.75,
    "worse": 1.5,
    "faults": 1.5,
    "above_norm": 1.0,
    "pain": 0.5,
    # A change reaching the MCID: sets a worse finding ahead of one inside it, asks for
    # nothing by itself (an improvement needs no drill).
    "clinically_important": 0.5,
}

if TYPE_CHECKING:
    from mobileathlete_desktop.domain.exercises import ExerciseLibrary


# Flags that call for drills: a real deficit or fault of this runner (short of the norm or of
# the other side beyond measurement error, active short of passive, a fault seen, a change for
# the worse beyond error, a criterion not met). Pain shapes the program (safety),
# clinically_important ranks; a range above the norm is no deficit: it keeps stretching out of
# its region (safety) and asks for no drill of its own.
ACTIONABLE = frozenset(FLAG_WEIGHTS) - {"pain", "clinically_important", "above_norm"}


# Published cut-offs that went with injury in one cohort (Plisky 2006: Y-balance composite under
# 94% of limb length; Kiesel 2007: FMS total 14 or less): shown as a reference comparison,
# never a reason for a drill, which would read as an injury-risk prediction. The drills come
# from the components (a reach short of the other side beyond error, an FMS test with a left-
# right asymmetry). A criterion (hop LSI under 90%, return to running) is a deficit and does
# choose drills.
SCREENING_CUTOFFS = frozenset({"ybalance.composite", "fms.total"})


# Screen items no running drill answers: the FMS shoulder mobility test and its clearing test
# are shoulder findings, so a left-right difference there chooses no trunk or hip drill (the
# library's "fms.*" drills answer the items a runner moves through); the therapist decides.
NOT_FOR_RUNNING_DRILLS = frozenset({"fms.shoulder_mobility", "fms.clear.shoulder"})


STATIC_CATEGORIES = frozenset({"stretch", "static_stretch", "flexibility"})


LOADED_CATEGORIES = frozenset({"strength", "running"})


# Drills that retrain the single-leg squat and step-down load one bent knee with body weight.
SINGLE_LEG_LOADED = frozenset({"sls", "stepdown"})


# Drills with ground contact (hops, skips, bounds, running drills: tagged "load:impact" in the
# library) and the drills for the hop tests (they land on one leg): loaded whatever their
# category, so a painful hop (a bone-stress warning) never lets one through as pain-free
# control work, and never the answer to an active-passive gap (slow end-range control work is).
IMPACT_TAG = "load:impact"
IMPACT = frozenset({"hop.*", IMPACT_TAG})


# Drills against a band or weight ("load:resisted": the clamshell with band): loaded work,
# held back from a painful region like a strength drill.
RESISTED = frozenset({"load:resisted"})


MAX_DRILLS = 4
"""Daily drills a recommended program holds at most, the most relevant first. Bachmann C,
Oesch P, Bachmann S. Recommendations for improving adherence to home-based exercise: a
systematic review. Phys Med Rehab Kuror 2018;28(1):20-31 (doi:10.1055/s-0043-120527),
abstract: adherence went with "prescription of a low number of exercises (<4)"; conclusion:
"instruction of 2 to a maximum of 4 exercises". The therapist may add more in the builder."""


PER_FINDING = 2


@dataclass(frozen=True)
class Observation:
    """One interpreted finding: a measure and side, its flags and the reason in plain words."""

    code: str
    side: str
    flags: frozenset[str]
    reason: str
    region: str = ""
    faults: tuple[str, ...] = ()  # movement-fault codes seen ("knee_valgus"), with flag faults
    pain: str = ""  # the pain line, with what the test's pain warns of (hopping: bone stress)

    @property
    def weight(self) -> float:
        """How urgent this finding is for the program (sum of its flags' weights)."""
        return sum(FLAG_WEIGHTS.get(flag, 0.0) for flag in self.flags)

    @property
    def drill_flags(self) -> frozenset[str]:
        """The flags that call for drills (ACTIONABLE), without the cut-off of a screening
        total (SCREENING_CUTOFFS): empty when the finding chooses no drill (a shoulder item of
        the movement screen: NOT_FOR_RUNNING_DRILLS)."""
        flags = self.flags & ACTIONABLE
        if self.code in NOT_FOR_RUNNING_DRILLS:
            return frozenset()
        if self.code in SCREENING_CUTOFFS:
            flags -= {"cutoff"}
        return flags

    @property
    def need(self) -> str:
        """What kind of work the finding calls for: control, faults, hypermobile or range."""
        if "control_deficit" in self.flags:
            return "control"
        if "faults" in self.flags:
            return "faults"
        if "above_norm" in self.flags and "below_norm" not in self.flags:
            return "hypermobile"
        return "range"


@dataclass(frozen=True)
class Drill:
    """What the recommender needs to know about a drill in the library."""

    code: str
    category: str
    targets: frozenset[str]
    active: bool
    dosage: ProgramItemRecord = field(default_factory=lambda: ProgramItemRecord(""))
    regions: frozenset[str] = frozenset()
    loads: frozenset[str] = frozenset()
    """Measures or tests it bears load through without training them (the library's `loads`:
    hip airplanes stand on one leg hinged into hip flexion): a painful one holds it back."""

    @property
    def is_static_stretch(self) -> bool:
        """A passive hold: fine for a flexibility limit, never for a control deficit."""
        return self.category in STATIC_CATEGORIES or not self.active

    @property
    def is_flexibility_only(self) -> bool:
        """Range work with no control or strength in it (a stretch, a leg swing)."""
        return self.is_static_stretch or (
            DEFICIT_FLEXIBILITY in self.targets
            and not self.targets & {DEFICIT_CONTROL, DEFICIT_STRENGTH}
        )

    @property
    def is_loaded(self) -> bool:
        """Work under load: strength and running drills, anything built for strength, the
        single-leg squat and step-down retraining (body weight on one bent knee), drills with
        ground contact (impact) and drills against a band or weight (resisted)."""
        return (
            self.category in LOADED_CATEGORIES
            or DEFICIT_STRENGTH in self.targets
            or bool(self.targets & (SINGLE_LEG_LOADED | IMPACT | RESISTED))
        )

    @property
    def pain_free_control(self) -> bool:
        """Active control work that may go into a painful motion, within its pain-free range:
        tagged deficit:control, active, unloaded (heel slides, quad sets, toe yoga)."""
        return DEFICIT_CONTROL in self.targets and not (self.is_static_stretch or self.is_loaded)

    @property
    def trains_control(self) -> bool:
        """Active, controlled work: a control drill or one made for control deficits."""
        return self.active and (self.category == "control" or DEFICIT_CONTROL in self.targets)

    def aims_at(self, target: str) -> bool:
        """Whether the drill targets this measure code or tag ("fms.*" covers every fms code)."""
        if target in self.targets:
            return True
        return any(t.endswith(".*") and target.startswith(t[:-1]) for t in self.targets)


@dataclass(frozen=True)
class Recommendation:
    """A drill suggested for a client, with why, how urgent (1 = first), how much, and a note
    for the client's handout ("Keep it pain-free…"), empty when none is needed."""

    exercise_code: str
    reason: str
    priority: int
    dosage: ProgramItemRecord
    note: str = ""


@dataclass(frozen=True)
class Plan:
    """The recommended drills, and the findings no drill in the library answers (the therapist
    chooses for those); `maintenance` is true when the general program stands in."""

    recommendations: list[Recommendation]
    unanswered: list[Observation]
    maintenance: bool = False
    blocked: frozenset[str] = frozenset()  # unanswered codes whose drills safety left out
    # The client's coded complaint (complaints.COMPLAINT_RULES): why it holds drills back, the
    # drills the findings alone would have chosen that it held back, the unanswered codes whose
    # drills it held back, and the complaint's own drill when the pain rule held it back.
    complaint_why: str = ""
    held: tuple[str, ...] = ()
    complaint_blocked: frozenset[str] = frozenset()
    # (drill code, what it was for, the painful tests it loads as the findings name them with
    # their side: "Ankle dorsiflexion, knee extended, right")
    not_proposed: tuple[tuple[str, str, tuple[str, ...]], ...] = ()

    def warnings(self, names: Mapping[str, str] | None = None) -> list[str]:
        """One line for the therapist per unanswered finding, and per drill the client's
        complaint held back (`names`: drill code -> name; the code when not given)."""
        named = names or {}
        lines = []
        if self.held:
            drills = ", ".join(named.get(code, code) for code in self.held)
            them = "them" if len(self.held) > 1 else "it"
            lines.append(
                f"Held back: {drills}, for {self.complaint_why}; the handout leaves {them} out "
                "while this complaint is coded"
            )
        for code, what, painful in self.not_proposed:
            tests = "; ".join(lower_first(test) for test in painful) or "a region"
            lines.append(
                f"{named.get(code, code)} not proposed for {what}: it loads {tests}, painful at "
                "the latest assessment; you may add it deliberately if that pain is the "
                f"{what} itself and settles by the next day"
            )
        for observation in self.unanswered:
            what = (observation.reason or observation.code).rstrip(".")
            if "pain" in observation.flags and observation.pain and observation.pain != what:
                what = f"{what}; {observation.pain.rstrip('.')}"
            left_out = ""
            if observation.code in self.blocked and "pain" in observation.flags:
                left_out = (
                    " (it hurts: only pain-free active control work may go into it, no "
                    "stretch, loaded or mobility drill, and the library has none for it)"
                )
            elif observation.code in self.blocked:
                left_out = (
                    " (drills that would stretch or load a painful or over-mobile range"
                    " are left out)"
                )
            elif observation.code in self.complaint_blocked:
                left_out = " (its drills are held back for the client's complaint)"
            lines.append(
                f"No drill in the library answers: {what}{left_out}; the therapist should choose"
            )
        if self.maintenance and self.unanswered:
            lines.append("The general runner maintenance program is used meanwhile")
        return lines


def library_drills(library: ExerciseLibrary, lang: str = "en") -> list[Drill]:
    """The library's drills as the recommender sees them (targets, category, active, the
    regions they work and the tests they load), each with its default dose in `lang`."""
    return [
        Drill(
            code=exercise.code,
            category=exercise.category,
            targets=frozenset(exercise.targets),
            active=exercise.active,
            dosage=library_item(exercise.code, exercise.dosage, lang),
            regions=frozenset(exercise.regions),
            loads=frozenset(exercise.loads),
        )
        for exercise in library
    ]


def observation_from(row: Any) -> Observation:
    """An Observation from any interpreted row that has code, side, flags and reason(s)."""
    flags = getattr(row, "flags", ())
    reason = getattr(row, "reason", "") or "; ".join(getattr(row, "reasons", ()) or ())
    return Observation(
        code=str(getattr(row, "code", "")),
        side=str(getattr(row, "side", "none")),
        flags=frozenset(str(f) for f in flags),
        reason=str(reason),
        region=str(getattr(row, "region", "") or ""),
        faults=tuple(str(f) for f in (getattr(row, "faults", ()) or ())),
    )


def observations_from_glance(
    lines: Iterable[Any], region_of: Callable[[str], str] | None = None
) -> list[Observation]:
    """The recommender's findings from an interpretation's glance lines (GlanceLine: flag,
    code, side, text, short, faults), one a measure and side, in the order first seen.

    Each carries every flag its lines have and the movement faults seen; its reason is the line
    of its weightiest flag (the first such line on a tie; pain weighs least of the flags that
    choose drills, so a painful limited measure is explained by its limit), in its short form
    when it has one. `region_of` gives a measure code's catalogue region.
    """
    by_key: dict[tuple[str, str], list[Any]] = {}
    for line in lines:
        by_key.setdefault((str(line.code), str(line.side)), []).append(line)
    found: list[Observation] = []
    for (code, side), group in by_key.items():
        weightiest = max(group, key=lambda line: FLAG_WEIGHTS.get(line.flag, 0.0))
        pain = next((str(line.text) for line in group if line.flag == "pain"), "")
        found.append(
            Observation(
                code=code,
                side=side,
                flags=frozenset(str(line.flag) for line in group),
                reason=str(weightiest.short or weightiest.text),
                region=region_of(code) if region_of is not None else "",
                faults=tuple(dict.fromkeys(str(f) for line in group for f in (line.faults or ()))),
                pain=pain,
            )
        )
    return found
