"""The clinical catalogue: every measure recorded, with bounds, norms, errors and sources."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from mobileathlete_desktop.domain.catalogue_parts import (
    SINGULAR_UNITS,
    UNIT_LABELS,
    UNSPACED_UNITS,
    AsymmetryRule,
    Cutoff,
    Fault,
    ImportantChange,
    MeasurementError,
    Mode,
    Norm,
    Source,
)
from mobileathlete_desktop.domain.language_tables import LanguageTableError, Texts, text_table
from mobileathlete_desktop.support.languages import DEFAULT_LANGUAGE, pick

Side = Literal["left", "right", "none"]
SideExpression = Literal["percent", "difference"]

SIDES: tuple[Side, ...] = ("left", "right", "none")
MODES: tuple[Mode, ...] = ("active", "passive", "none")


class CatalogueError(ValueError):
    """The catalogue data file is malformed (a programming or packaging error, not user input)."""


@dataclass(frozen=True)
class Measure:
    """One thing the program records: a range of motion, a distance, a time, a score or a test."""

    code: str
    labels: Texts = field(hash=False)
    """The label by language code (English always there)."""
    kind: Literal[
        "rom", "distance", "time", "score", "ratio", "test", "force", "mass", "count", "rate"
    ]
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
    compare_sides: bool = True
    """Whether left is judged against right (not for a set-up length such as a lever arm)."""
    compare_modes: bool = True
    """Whether an active reading is judged against the passive one (the active-passive gap,
    a control deficit); not for a test that is passive by nature (the Thomas test)."""
    sources: tuple[str, ...] = ()
    important_change: ImportantChange | None = None
    cutoffs: tuple[Cutoff, ...] = ()
    protocol: Texts = field(default_factory=dict, hash=False)
    """The short protocol by language code (how to run the test), when the catalogue gives one."""
    pain_warning: Texts = field(default_factory=dict, hash=False)
    """What pain during this test warns of (hopping: bone stress), by language code."""
    body_measure: bool = False
    """A body measurement (limb length, body mass, a lever arm), not a movement or test: it
    cannot be painful, and a pain mark on it is refused (validation.check_pain)."""
    client_labels: Texts = field(default_factory=dict, hash=False)
    """The name a runner reads on a handout, where the clinician's label is jargon ("Big toe
    bending up" for "First MTP (hallux) extension"), by language code."""
    asymmetry_as: SideExpression | None = None
    """The catalogue's `asymmetry_as`, how left against right is expressed; None: derived
    from the measure's data (`side_expression`)."""
    retired_modes: tuple[Mode, ...] = ()
    """Modes no longer offered for new values (not in `modes`, so entry refuses them) whose
    old saved values still load, display and are interpreted: the Thomas test's "active"
    (a passive test by nature)."""

    @property
    def recorded_modes(self) -> tuple[Mode, ...]:
        """Every mode a saved value may hold: `modes`, then `retired_modes`."""
        return self.modes + self.retired_modes

    @property
    def label(self) -> str:
        """The English label; `label_in(lang)` gives it in another language."""
        return pick(self.labels, DEFAULT_LANGUAGE)

    def client_label_in(self, lang: str | None) -> str:
        """The name a client reads on a handout: the catalogue's client label where it has
        one, else the label, in that language."""
        if self.client_labels:
            return pick(self.client_labels, lang)
        return self.label_in(lang)

    def label_in(self, lang: str | None) -> str:
        """The label in that language; English for a language the program does not ship."""
        return pick(self.labels, lang)

    def protocol_in(self, lang: str | None) -> str:
        """The short protocol in that language (English otherwise), else the description."""
        return pick(self.protocol, lang) if self.protocol else self.description

    def pain_warning_in(self, lang: str | None) -> str:
        """What pain during the test warns of, in that language ("" when nothing is said)."""
        return pick(self.pain_warning, lang) if self.pain_warning else ""

    @property
    def signed(self) -> bool:
        """Whether a value may fall below zero (an angle from a reference position: a Thomas
        angle, knee extension, dorsiflexion past neutral). Its zero is not "none of it", so a
        percentage of its norm means nothing (−5° is not "−47%" of a 10.6° norm): such a value
        is read as a difference from the norm."""
        return self.bounds[0] < 0

    @property
    def side_expression(self) -> SideExpression:
        """How left against right is said and judged: "percent", the limb symmetry index
        (weaker ÷ stronger, the convention for hop, strength and endurance tests), or
        "difference", in the measure's own unit against its threshold or measurement error.

        The catalogue's `asymmetry_as` where given; otherwise from the measure's data: an
        LSI rule is a percentage; an absolute rule, an angle, or a range reaching below zero
        is a difference (a percentage of a value near or across zero means nothing: a Thomas
        angle of 1° against 4° is a 3° difference, not "25%"); anything else a percentage.
        """
        if self.asymmetry_as is not None:
            return self.asymmetry_as
        if self.asymmetry is not None:
            return "percent" if self.asymmetry.kind == "lsi" else "difference"
        return "difference" if self.signed or self.unit == "deg" else "percent"

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
        """A value with its unit as printed: "28°", "91.1%", "11.5 cm", "7 points", "1 rep".
        A degree or percent sign follows its number with no space, as every percentage the
        findings say ("89% of the usual value", "limb symmetry 85%", "(27%)"), in both
        languages (the Spanish texts write "89%" too)."""
        label = self.unit_label
        if not label:
            return f"{value:g}"
        if value in (1, -1):
            label = SINGULAR_UNITS.get(label, label)
        return f"{value:g}{label}" if label in UNSPACED_UNITS else f"{value:g} {label}"

    @property
    def decimals(self) -> int:
        """Decimals a reading is recorded with, from the measure's step (1 → none, 0.5 → one,
        0.01 → two)."""
        text = f"{self.step:g}"
        return len(text.split(".", 1)[1]) if "." in text and "e" not in text else 0

    @property
    def figure_decimals(self) -> int:
        """Decimals a figure worked out from readings is said with: as the measure is recorded,
        and at least one, so a published error is quoted as its source gives it (Gradoz 2018's
        8.6°, not 9° beside the citation) and a derived one keeps one decimal (SEM 17.74 cm x
        1.96 x sqrt 2 = 49.2 cm, not 49.17), while a timed hop keeps its hundredths (0.17 s)."""
        return max(self.decimals, 1)

    def round_figure(self, value: float) -> float:
        """A figure worked out from readings (a measurement error, a change, a difference)
        rounded to `figure_decimals` ("49.2 cm", "0.17 s", "8.6°", a change of "5°")."""
        return round(value, self.figure_decimals) + 0.0

    def format_figure(self, value: float) -> str:
        """`format_value` of `round_figure` ("49.2 cm", "0.17 s", "2 points")."""
        return self.format_value(self.round_figure(value))

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
        if not norms or age is None:
            return None
        return norms[0].for_age(age)  # a norm given as an equation: its mean at that age

    def error_for(self, instrument: str = "", rater: str = "intra") -> MeasurementError | None:
        """The measurement error to judge this measure with, most fitting first.

        A figure published for this measure in a comparable population, for the instrument
        used (or for any instrument), beats the instrument's general error; the rater kind
        that matches beats "any". A figure from an unlike population (hip osteoarthritis) is
        used only when nothing else exists.
        """
        if not self.errors:
            return None
        instrument = instrument or self.instrument

        def rank(e: MeasurementError) -> tuple[int, int, int, int]:
            fits_instrument = not e.instrument or not instrument or e.instrument == instrument
            return (
                0 if e.comparable else 1,
                0 if fits_instrument else 1,
                0 if e.scope == "measure" else 1,
                0 if e.rater == rater else (1 if e.rater == "any" else 2),
            )

        usable = [e for e in self.errors if e.smallest_real_change is not None]
        if not usable:
            return None
        return min(usable, key=rank)


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


def _error(raw: Mapping[str, Any], source: str, scope: str = "measure") -> MeasurementError:
    return MeasurementError(
        instrument=raw.get("instrument", ""),
        rater=raw.get("rater", "any"),
        sem=raw.get("sem"),
        mdc95=raw.get("mdc95"),
        source=source,
        note=raw.get("note", ""),
        scope="instrument" if scope == "instrument" else "measure",
        comparable=bool(raw.get("comparable", True)),
        population=raw.get("population", ""),
    )


def _labels(raw: Any, where: str) -> Texts:
    try:
        return text_table(raw, where)
    except LanguageTableError as error:
        raise CatalogueError(str(error)) from error


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

    instrument_errors: list[Mapping[str, Any]] = list(data.get("instrument_errors", []))
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
                position=n.get("position", ""),
                population=n.get("population", ""),
                fallback=bool(n.get("fallback", False)),
                instrument=n.get("instrument", ""),
                intercept=n.get("intercept"),
                per_year=n.get("per_year"),
                equation_sd=n.get("equation_sd"),
            )
            for n in raw.get("norms", [])
        )
        errors = tuple(_error(e, need_source(code, e["source"])) for e in raw.get("errors", []))
        if raw["kind"] == "rom":
            # The instrument's general error stands behind every range-of-motion measure.
            errors += tuple(
                _error(e, need_source(code, e["source"]), scope="instrument")
                for e in instrument_errors
                if not e.get("regions") or raw.get("region", "") in e["regions"]
            )
        mcid = raw.get("important_change")
        important = (
            ImportantChange(
                source=need_source(code, mcid["source"]),
                points=mcid.get("points"),
                percent=mcid.get("percent"),
                note=mcid.get("note", ""),
                percent_improvement_only=bool(mcid.get("percent_improvement_only", False)),
                percent_baseline_over=mcid.get("percent_baseline_over"),
            )
            if mcid
            else None
        )
        cutoffs = tuple(
            Cutoff(
                value=float(c["value"]),
                direction=c["direction"],
                source=need_source(code, c["source"]),
                population=c["population"],
                note=c.get("note", ""),
                inclusive=bool(c.get("inclusive", False)),
                kind=c.get("kind", "reference"),
                meaning=_labels(c["meaning"], f"{code}: cutoff meaning") if "meaning" in c else {},
                sex=c.get("sex", "any"),
                age_min=c.get("age_min"),
                age_max=c.get("age_max"),
            )
            for c in raw.get("cutoffs", [])
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
        asymmetry_as = raw.get("asymmetry_as")
        if asymmetry_as not in (None, "percent", "difference"):
            raise CatalogueError(f"{code}: asymmetry_as must be 'percent' or 'difference'")
        if (
            asymmetry
            and asymmetry_as
            and asymmetry_as != ("percent" if asymmetry.kind == "lsi" else "difference")
        ):
            raise CatalogueError(f"{code}: asymmetry_as {asymmetry_as!r} contradicts its rule")
        faults = tuple(
            Fault(
                f["code"],
                _labels(f.get("label"), f"{code}: fault {f['code']}: label"),
                f.get("description", ""),
            )
            for f in raw.get("faults", [])
        )
        modes = tuple(raw.get("modes", ["none"]))
        retired = tuple(raw.get("retired_modes", []))
        for mode in modes + retired:
            if mode not in MODES:
                raise CatalogueError(f"{code}: unknown mode {mode!r}")
        if set(modes) & set(retired):
            raise CatalogueError(f"{code}: a mode is both offered and retired")
        measures[code] = Measure(
            code=code,
            labels=_labels(raw.get("label"), f"{code}: label"),
            kind=raw["kind"],
            region=raw.get("region", ""),
            unit=raw["unit"],
            bounds=_tuple_bounds(raw["bounds"], code),
            bilateral=bool(raw.get("bilateral", False)),
            modes=modes,
            retired_modes=retired,
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
            compare_sides=bool(raw.get("compare_sides", True)),
            compare_modes=bool(raw.get("compare_modes", True)),
            sources=tuple(need_source(code, s) for s in raw.get("sources", [])),
            important_change=important,
            cutoffs=cutoffs,
            protocol=_labels(raw["protocol"], f"{code}: protocol") if "protocol" in raw else {},
            pain_warning=(
                _labels(raw["pain_warning"], f"{code}: pain_warning")
                if "pain_warning" in raw
                else {}
            ),
            body_measure=bool(raw.get("body_measure", False)),
            asymmetry_as=asymmetry_as,
            client_labels=(
                _labels(raw["client_label"], f"{code}: client_label")
                if "client_label" in raw
                else {}
            ),
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
    "SINGULAR_UNITS",
    "UNIT_LABELS",
    "UNSPACED_UNITS",
    "AsymmetryRule",
    "Catalogue",
    "CatalogueError",
    "Cutoff",
    "Fault",
    "ImportantChange",
    "Measure",
    "MeasurementError",
    "Mode",
    "Norm",
    "Side",
    "SideExpression",
    "Source",
    "default_catalogue",
    "load_catalogue_file",
    "parse_catalogue",
]
