"""The parts a catalogue measure is made of: sources, norms, errors, important changes,
cut-offs, asymmetry rules and movement faults (split from catalogue.py, which re-exports them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from mobileathlete_desktop.domain.language_tables import Texts
from mobileathlete_desktop.support.languages import DEFAULT_LANGUAGE, pick

Mode = Literal["active", "passive", "none"]
Sex = Literal["female", "male", "any"]


@dataclass(frozen=True)
class Source:
    """A published reference that a number in the catalogue comes from."""

    id: str
    citation: str
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class Norm:
    """A normative value for one sex and age band, with the source that gives it."""

    sex: Sex
    age_min: int
    age_max: int
    mean: float
    source: str
    sd: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    mode: Mode = "none"
    note: str = ""
    position: str = ""
    population: str = ""
    fallback: bool = False
    """The norm is applied beyond the group it was measured in (another sex or other ages
    than the sample's) because no verified source covers them: a documented fallback, which
    reports say beside the group (catalogue `fallback = true`, the note says why)."""
    instrument: str = ""
    intercept: float | None = None
    """With `per_year`: the source's regression equation, mean = intercept + per_year x age
    (Ramskov 2014's hip abduction strength); `mean` and `sd` are then the group's figures."""
    per_year: float | None = None
    equation_sd: float | None = None
    """The spread the source gives around its equation (used as the SD at an age)."""
    at_age: int | None = None
    """Set on the norm given for a person: the age its equation was worked out for."""

    def for_age(self, age: int) -> Norm:
        """This norm for a person of that age: with an equation, its mean at that age."""
        if self.intercept is None or self.per_year is None:
            return self
        mean = round(self.intercept + self.per_year * age, 3)
        sd = self.equation_sd if self.equation_sd is not None else self.sd
        return replace(self, mean=mean, sd=sd, at_age=age)

    def reference_interval(self, z: float) -> tuple[float, float] | None:
        """mean ± z·SD (the range most healthy people fall in), or None without an SD."""
        if self.sd is None:
            return None
        return (self.mean - z * self.sd, self.mean + z * self.sd)

    def applies_to(self, sex: str | None, age: int | None) -> bool:
        """Whether this norm covers a person of that sex and age (unknown age matches no band)."""
        if age is None or not (self.age_min <= age <= self.age_max):
            return False
        return self.sex == "any" or self.sex == sex


@dataclass(frozen=True)
class MeasurementError:
    """How much a reading varies when nothing changed: SEM and MDC95 for one instrument."""

    instrument: str
    source: str
    rater: Literal["intra", "inter", "any"] = "any"
    sem: float | None = None
    mdc95: float | None = None
    note: str = ""
    scope: Literal["measure", "instrument"] = "measure"
    """"measure": published for this measure; "instrument": the instrument's general error."""
    comparable: bool = True
    """False when the study population is unlike a runner clinic's (kept, used only as a last
    resort): e.g. hip osteoarthritis in people aged 50-84."""
    population: str = ""

    @property
    def smallest_real_change(self) -> float | None:
        """MDC95 when given, otherwise derived from the SEM (SEM x 1.96 x sqrt 2)."""
        if self.mdc95 is not None:
            return self.mdc95
        if self.sem is not None:
            return round(self.sem * 1.96 * 2**0.5, 2)
        return None


@dataclass(frozen=True)
class ImportantChange:
    """The minimal clinically important difference (MCID): a change a client feels.

    Reached when the change is at least `points`, or at least `percent` of the earlier value
    where a percentage is published (NPRS: 2 points or 30%, Farrar 2001). Distinct from the
    measurement error: a change can be beyond error yet too small to matter, or the reverse.
    """

    source: str
    points: float | None = None
    percent: float | None = None
    note: str = ""
    percent_improvement_only: bool = False
    """The percentage was published for an improvement only (Farrar 2001: "a reduction of
    approximately two points or a reduction of approximately 30%" of chronic pain): a
    worsening reaches the MCID only by its points (pain 2 → 3 is up 50% but 1 point)."""
    percent_baseline_over: float | None = None
    """The percentage counts only from an earlier value over this (NPRS: over 3): a 30%
    of a pain of 2 is under a point, and Farrar 2001 derived it in chronic-pain trials,
    not from mild pain (catalogue note)."""

    def percent_applies(self, previous: float, *, improved: bool) -> bool:
        """Whether the percentage may count for a change from `previous` (for the better or
        not): never for a worsening of an improvement-only percentage, nor from an earlier
        value at or under `percent_baseline_over`."""
        if self.percent is None or not previous:
            return False
        if self.percent_improvement_only and not improved:
            return False
        return self.percent_baseline_over is None or previous > self.percent_baseline_over

    def reached(self, previous: float, delta: float, *, improved: bool) -> bool:
        """Whether a change of `delta` from `previous` reaches this difference (≥, not >);
        `improved`: whether the change is for the better (the percentage may count only
        then, `percent_improvement_only`, and only from a baseline over
        `percent_baseline_over`)."""
        size = abs(delta)
        if self.points is not None and size - self.points >= -1e-9:
            return True
        if self.percent is None or not self.percent_applies(previous, improved=improved):
            return False
        return size / abs(previous) * 100 - self.percent >= -1e-9

    def text_for(self, previous: float, *, improved: bool) -> str:
        """The difference as it applies to a change from `previous`: "2 or 30%", or "2"
        where the percentage does not count (a pain of 3 or less, a worsening)."""
        if self.points is not None and not self.percent_applies(previous, improved=improved):
            return f"{self.points:g}"
        return self.text

    @property
    def text(self) -> str:
        """ "2 points or 30%", "9 points"."""
        parts = []
        if self.points is not None:
            parts.append(f"{self.points:g}")
        if self.percent is not None:
            parts.append(f"{self.percent:g}%")
        return " or ".join(parts)


@dataclass(frozen=True)
class Cutoff:
    """A published reference point (not a norm and never a risk prediction for this client)."""

    value: float
    direction: Literal["below", "above"]
    source: str
    population: str
    note: str = ""
    inclusive: bool = False
    """True when the cut-off itself counts (FMS total 14 or less)."""
    kind: Literal["reference", "criterion", "screen"] = "reference"
    """"reference": a value from one group; "criterion": a decision criterion such as the
    hop LSI >= 90% for return to running; "screen": a screening cut-point such as Beighton 5/9."""
    meaning: Texts = field(default_factory=dict, hash=False)
    """What crossing it means, by language code ("possible generalised joint hypermobility")."""
    sex: Sex = "any"
    """The sex of the group it was measured in, as the source says it ("any" when mixed)."""
    age_min: int | None = None
    """The ages of the group it was measured in, where the source states them (None: not
    readable, so a reference value from one group is applied to nobody, `applies_to`)."""
    age_max: int | None = None

    def applies_to(self, sex: str | None, age: int | None) -> bool:
        """Whether a runner of that sex and age belongs to the group the cut-off was measured
        in, by the rule norms follow (Norm.applies_to): a cut-off from another sex or other
        ages is not applied. A reference value from one group (kind "reference", an injury
        cohort's cut-off) whose ages the source does not state is applied to nobody: the
        runner cannot be shown to be of that group. A decision criterion or screen applies
        unless its stored sex or ages exclude the runner."""
        if self.sex != "any" and self.sex != sex:
            return False
        if self.age_min is None or self.age_max is None:
            return self.kind != "reference"
        return age is not None and self.age_min <= age <= self.age_max

    def meaning_in(self, lang: str | None) -> str:
        """What crossing it means in that language (English otherwise; "" when not said)."""
        return pick(self.meaning, lang) if self.meaning else ""

    def crossed(self, value: float) -> bool:
        """Whether the value lies on the flagged side of the cut-off."""
        if self.direction == "below":
            return value < self.value or (self.inclusive and value == self.value)
        return value > self.value or (self.inclusive and value == self.value)


@dataclass(frozen=True)
class AsymmetryRule:
    """When a left-right difference is beyond normal: absolute units or percent (LSI below)."""

    kind: Literal["absolute", "lsi"]
    threshold: float
    source: str
    note: str = ""


@dataclass(frozen=True)
class Fault:
    """An observed movement fault in a motor-control test (e.g. knee valgus)."""

    code: str
    labels: Texts = field(hash=False)
    """The label by language code (English always there)."""
    description: str = ""

    @property
    def label(self) -> str:
        """The English label; `label_in(lang)` gives it in another language."""
        return pick(self.labels, DEFAULT_LANGUAGE)

    def label_in(self, lang: str | None) -> str:
        """The label in that language; English for a language the program does not ship."""
        return pick(self.labels, lang)


SINGULAR_UNITS: Mapping[str, str] = {"points": "point", "reps": "rep"}
"""A unit label said of one ("1 point", "1 rep")."""

UNSPACED_UNITS = frozenset({"°", "%"})
"""Unit signs written straight after their number ("28°", "91.1%")."""

UNIT_LABELS: Mapping[str, str] = {
    "deg": "°",
    "cm": "cm",
    "s": "s",
    "score": "points",
    "percent": "%",
    "count": "",
    "N": "N",
    "m": "m",
    "kg": "kg",
    "Nm/kg": "Nm/kg",
    "reps": "reps",
    "steps/min": "steps/min",
}


__all__ = [
    "SINGULAR_UNITS",
    "UNIT_LABELS",
    "UNSPACED_UNITS",
    "AsymmetryRule",
    "Cutoff",
    "Fault",
    "ImportantChange",
    "MeasurementError",
    "Mode",
    "Norm",
    "Sex",
    "Source",
]
