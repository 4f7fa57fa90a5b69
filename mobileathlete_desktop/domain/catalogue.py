"""The clinical catalogue: every measure recorded, with bounds, norms, errors and sources."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

Side = Literal["left", "right", "none"]
Mode = Literal["active", "passive", "none"]
Sex = Literal["female", "male", "any"]

SIDES: tuple[Side, ...] = ("left", "right", "none")
MODES: tuple[Mode, ...] = ("active", "passive", "none")


class CatalogueError(ValueError):
    """The catalogue data file is malformed (a programming or packaging error, not user input)."""


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

    @property
    def smallest_real_change(self) -> float | None:
        """MDC95 when given, otherwise derived from the SEM (SEM x 1.96 x sqrt 2)."""
        if self.mdc95 is not None:
            return self.mdc95
        if self.sem is not None:
            return round(self.sem * 1.96 * 2**0.5, 2)
        return None


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
    label: str
    label_es: str
    description: str = ""


@dataclass(frozen=True)
class Measure:
    """One thing the program records: a range of motion, a distance, a time, a score or a test."""

    code: str
    label: str
    label_es: str
    kind: Literal["rom", "distance", "time", "score", "ratio", "test"]
    region: str
    unit: str
    bounds: tuple[float, float]
    bilateral: bool
    modes: tuple[Mode, ...]
    higher_is_better: bool = True
    description: str = ""
    instrument: str = ""
    computed: bool = False
    step: float = 1.0
    norms: tuple[Norm, ...] = ()
    errors: tuple[MeasurementError, ...] = ()
    asymmetry: AsymmetryRule | None = None
    faults: tuple[Fault, ...] = ()
    ratings: tuple[str, ...] = ()
    group: str = ""
    sources: tuple[str, ...] = ()

    @property
    def sides(self) -> tuple[Side, ...]:
        """The sides a value may be recorded for."""
        return ("left", "right") if self.bilateral else ("none",)

    def check_value(self, value: float) -> str | None:
        """A one-line reason why the value is impossible for this measure, or None if it is fine."""
        low, high = self.bounds
        if value != value:  # NaN
            return f"{self.label}: not a number"
        if value < low or value > high:
            return f"{self.label}: {value:g} {self.unit_label} is outside {low:g}–{high:g}"
        return None

    def format_value(self, value: float) -> str:
        """A value with its unit as printed: "28°", "11.5 cm", "7 points"."""
        label = self.unit_label
        if not label:
            return f"{value:g}"
        return f"{value:g}{label}" if label == "°" else f"{value:g} {label}"

    @property
    def unit_label(self) -> str:
        """The unit as a person reads it (° rather than deg)."""
        return UNIT_LABELS.get(self.unit, self.unit)

    def norms_for(self, sex: str | None, age: int | None, mode: Mode = "none") -> list[Norm]:
        """The norms that cover this person, the most specific (sex, then mode) first."""
        found = [n for n in self.norms if n.applies_to(sex, age)]
        found.sort(key=lambda n: (n.sex == "any", n.mode not in (mode, "none"), n.mode == "none"))
        return found

    def norm_for(self, sex: str | None, age: int | None, mode: Mode = "none") -> Norm | None:
        """The best norm for this person, or None if no source covers them."""
        norms = self.norms_for(sex, age, mode)
        return norms[0] if norms else None

    def error_for(self, instrument: str = "", rater: str = "intra") -> MeasurementError | None:
        """The measurement error for this instrument and rater, falling back to the default one."""
        if not self.errors:
            return None
        candidates = [e for e in self.errors if not instrument or e.instrument == instrument]
        if not candidates:
            candidates = list(self.errors)
        for e in candidates:
            if e.rater == rater:
                return e
        for e in candidates:
            if e.rater == "any":
                return e
        return candidates[0]


UNIT_LABELS: Mapping[str, str] = {
    "deg": "°",
    "cm": "cm",
    "s": "s",
    "score": "points",
    "percent": "%",
    "count": "",
}


@dataclass(frozen=True)
class Catalogue:
    """The whole catalogue, indexed by measure code."""

    version: str
    measures: Mapping[str, Measure]
    sources: Mapping[str, Source]
    instruments: Mapping[str, str] = field(default_factory=dict)

    def __contains__(self, code: object) -> bool:
        return code in self.measures

    def __getitem__(self, code: str) -> Measure:
        return self.measures[code]

    def get(self, code: str) -> Measure | None:
        """The measure with that code, or None."""
        return self.measures.get(code)

    def __iter__(self) -> Iterator[Measure]:
        return iter(self.measures.values())

    def by_kind(self, *kinds: str) -> list[Measure]:
        """Measures of the given kinds, in catalogue order."""
        return [m for m in self.measures.values() if m.kind in kinds]

    def source(self, source_id: str) -> Source:
        """The source with that id."""
        return self.sources[source_id]


def _tuple_bounds(raw: Any, code: str) -> tuple[float, float]:
    if not (isinstance(raw, list) and len(raw) == 2):
        raise CatalogueError(f"{code}: bounds must be [low, high]")
    low, high = float(raw[0]), float(raw[1])
    if low >= high:
        raise CatalogueError(f"{code}: bounds low must be below high")
    return (low, high)


def parse_catalogue(data: Mapping[str, Any]) -> Catalogue:
    """Builds a Catalogue from the parsed TOML, checking every cross-reference."""
    sources = {
        s["id"]: Source(s["id"], s["citation"], s.get("url", ""), s.get("note", ""))
        for s in data.get("sources", [])
    }

    def need_source(code: str, source_id: str) -> str:
        if source_id not in sources:
            raise CatalogueError(f"{code}: unknown source {source_id!r}")
        return source_id

    measures: dict[str, Measure] = {}
    for raw in data.get("measures", []):
        code = raw["code"]
        if code in measures:
            raise CatalogueError(f"duplicate measure code {code!r}")
        norms = tuple(
            Norm(
                sex=n.get("sex", "any"),
                age_min=int(n.get("age_min", 0)),
                age_max=int(n.get("age_max", 120)),
                mean=float(n["mean"]),
                sd=n.get("sd"),
                ci_low=n.get("ci_low"),
                ci_high=n.get("ci_high"),
                mode=n.get("mode", "none"),
                source=need_source(code, n["source"]),
                note=n.get("note", ""),
            )
            for n in raw.get("norms", [])
        )
        errors = tuple(
            MeasurementError(
                instrument=e.get("instrument", ""),
                rater=e.get("rater", "any"),
                sem=e.get("sem"),
                mdc95=e.get("mdc95"),
                source=need_source(code, e["source"]),
                note=e.get("note", ""),
            )
            for e in raw.get("errors", [])
        )
        asym = raw.get("asymmetry")
        asymmetry = (
            AsymmetryRule(
                kind=asym["kind"],
                threshold=float(asym["threshold"]),
                source=need_source(code, asym["source"]),
                note=asym.get("note", ""),
            )
            if asym
            else None
        )
        faults = tuple(
            Fault(f["code"], f["label"], f.get("label_es", f["label"]), f.get("description", ""))
            for f in raw.get("faults", [])
        )
        modes = tuple(raw.get("modes", ["none"]))
        for mode in modes:
            if mode not in MODES:
                raise CatalogueError(f"{code}: unknown mode {mode!r}")
        measures[code] = Measure(
            code=code,
            label=raw["label"],
            label_es=raw.get("label_es", raw["label"]),
            kind=raw["kind"],
            region=raw.get("region", ""),
            unit=raw["unit"],
            bounds=_tuple_bounds(raw["bounds"], code),
            bilateral=bool(raw.get("bilateral", False)),
            modes=modes,
            higher_is_better=bool(raw.get("higher_is_better", True)),
            description=raw.get("description", ""),
            instrument=raw.get("instrument", ""),
            computed=bool(raw.get("computed", False)),
            step=float(raw.get("step", 1.0)),
            norms=norms,
            errors=errors,
            asymmetry=asymmetry,
            faults=faults,
            ratings=tuple(raw.get("ratings", [])),
            group=raw.get("group", ""),
            sources=tuple(need_source(code, s) for s in raw.get("sources", [])),
        )
    return Catalogue(
        version=str(data.get("version", "0")),
        measures=measures,
        sources=sources,
        instruments=dict(data.get("instruments", {})),
    )


def load_catalogue_file(path: Path) -> Catalogue:
    """Reads and checks a catalogue TOML file."""
    with path.open("rb") as fh:
        return parse_catalogue(tomllib.load(fh))


@cache
def default_catalogue() -> Catalogue:
    """The catalogue shipped with the program (read once, then cached)."""
    from mobileathlete_desktop.domain.resources import resource_path

    return load_catalogue_file(resource_path("catalogue.toml"))


__all__ = [
    "MODES",
    "SIDES",
    "AsymmetryRule",
    "Catalogue",
    "CatalogueError",
    "Fault",
    "Measure",
    "MeasurementError",
    "Mode",
    "Norm",
    "Side",
    "Source",
    "default_catalogue",
    "load_catalogue_file",
    "parse_catalogue",
]
