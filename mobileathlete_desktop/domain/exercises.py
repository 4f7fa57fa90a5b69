"""The exercise library: drills for runners with instructions by language, dosage and targets.

Names, steps, cues and frequencies are language tables ({"en": ..., "es": ...}); the accessors
take any language code and follow the program's one rule (English for a language not shipped).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from mobileathlete_desktop.domain.language_tables import (
    LanguageTableError,
    TextLists,
    Texts,
    pick_lines,
    text_lists_table,
    text_table,
)
from mobileathlete_desktop.support.i18n import texts
from mobileathlete_desktop.support.languages import language_code, pick

Category = Literal["mobility", "control", "strength", "running", "stretch"]

CATEGORIES: tuple[Category, ...] = ("mobility", "control", "strength", "running", "stretch")
REGIONS: tuple[str, ...] = ("hip", "knee", "ankle", "foot", "hallux", "trunk", "thoracic")
# Tags: what a drill answers ("deficit:", "fault:") and how it loads the body ("load:impact":
# ground contact, a hop, skip or run; "load:resisted": against a band or weight).
TAG_PREFIXES: tuple[str, ...] = ("deficit:", "fault:", "load:")

# Codes are a public contract (stored in home programs and exports): lowercase dotted words.
CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
_MEASURE_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*(\.\*)?$")
_TAG_PATTERN = re.compile(r"^(deficit|fault|load):[a-z][a-z0-9_]*$")

STEPS_RANGE = (3, 5)
CUES_RANGE = (2, 4)


class ExerciseLibraryError(ValueError):
    """The exercise data file is malformed (a packaging or editing error, not user input)."""


@dataclass(frozen=True)
class Dosage:
    """The default dose of a drill: sets of repetitions, a hold time or a distance."""

    sets: int
    frequencies: Texts = field(hash=False)
    """How often, by language code ("daily" / "a diario")."""
    reps: int | None = None
    hold_s: int | None = None
    distance_m: int | None = None
    per_side: bool = False

    def frequency(self, lang: str | None = "en") -> str:
        """How often to do it, in that language ("daily" / "a diario")."""
        return pick(self.frequencies, lang)

    def describe(self, lang: str | None = "en") -> str:
        """The dose in a line a client reads: "2 × 10 each side, daily" ("2 × 10 por lado,
        a diario")."""
        language = language_code(lang)
        tr = texts(language)
        if self.reps is not None:
            amount = str(self.reps)
        elif self.hold_s is not None:
            amount = f"{self.hold_s} s"
        else:
            amount = f"{self.distance_m} m"
        dose = {"sets": self.sets, "amount": amount}
        # Translators: a drill's dose: {sets} sets of {amount} (repetitions, "30 s", "400 m").
        if self.hold_s is not None and self.per_side:
            text = tr.gettext("{sets} × {amount} hold each side", **dose)
        elif self.hold_s is not None:
            text = tr.gettext("{sets} × {amount} hold", **dose)
        elif self.per_side:
            text = tr.gettext("{sets} × {amount} each side", **dose)
        else:
            text = tr.gettext("{sets} × {amount}", **dose)
        frequency = self.frequency(language)
        return f"{text}, {frequency}" if frequency else text


@dataclass(frozen=True)
class Exercise:
    """One drill: what it is for, how to do it (by language), its dose and its figure."""

    code: str
    names: Texts = field(hash=False)
    category: Category
    regions: tuple[str, ...]
    targets: tuple[str, ...]
    active: bool
    steps_by_language: TextLists = field(hash=False)
    cues_by_language: TextLists = field(hash=False)
    dosage: Dosage
    level: int
    progressions: tuple[str, ...] = ()
    regressions: tuple[str, ...] = ()
    # The raw pose block, read by the illustration renderer (kept out of equality and hashing).
    pose: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)
    loads: tuple[str, ...] = ()
    """The measures or tests the drill bears load through without training them (hip
    airplanes stand on one leg, hinged into hip flexion: "balance.single_leg", "hip.flexion"):
    a test painful at the latest assessment holds such a drill back."""
    pain_cues: Texts = field(default_factory=dict, hash=False)
    """The one cue that allows some pain ("Mild discomfort is fine; sharp pain is not."), by
    language code, one of the cues in each: left out where the drill carries the pain caution
    ("Keep it pain-free — stop before it hurts."), which it would contradict."""

    def name(self, lang: str | None = "en") -> str:
        """The drill's name in that language (English for a language the program does not ship)."""
        return pick(self.names, lang)

    def steps(self, lang: str | None = "en") -> tuple[str, ...]:
        """The numbered steps (without numbers) in that language."""
        return pick_lines(self.steps_by_language, lang)

    def cues(self, lang: str | None = "en", *, pain_free: bool = False) -> tuple[str, ...]:
        """The coaching cues in that language; `pain_free` (the drill carries the pain
        caution): without the cue that allows some pain (`pain_cues`)."""
        cues = pick_lines(self.cues_by_language, lang)
        if not pain_free or not self.pain_cues:
            return cues
        allowing = set(self.pain_cues.values())
        return tuple(cue for cue in cues if cue not in allowing)

    def frequency(self, lang: str | None = "en") -> str:
        """How often to do it by default, in that language."""
        return self.dosage.frequency(lang)

    def targets_any(self, code_or_tag: str) -> bool:
        """Whether the drill addresses that measure code or deficit tag ("fms.*" targets match
        every fms code)."""
        for target in self.targets:
            if target == code_or_tag:
                return True
            if target.endswith(".*") and code_or_tag.startswith(target[:-1]):
                return True
        return False


def _fold(text: str) -> str:
    """Lower case without accents, so "rotacion" finds "rotación"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class ExerciseLibrary:
    """Every drill, indexed by code, in file order."""

    version: str
    exercises: Mapping[str, Exercise]
    # Each drill's names and code folded for search (_fold), by code: made once, at the first
    # search with words (folding every drill's names took 8 ms a search).
    _haystacks: dict[str, str] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __contains__(self, code: object) -> bool:
        return code in self.exercises

    def __getitem__(self, code: str) -> Exercise:
        return self.exercises[code]

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises.values())

    def __len__(self) -> int:
        return len(self.exercises)

    def get(self, code: str) -> Exercise | None:
        """The drill with that code, or None."""
        return self.exercises.get(code)

    def codes(self) -> list[str]:
        """Every drill code, in file order."""
        return list(self.exercises)

    def by_category(self, category: str) -> list[Exercise]:
        """The drills of one category, in file order."""
        return [e for e in self.exercises.values() if e.category == category]

    def search(
        self, text: str, category: str | None = None, region: str | None = None
    ) -> list[Exercise]:
        """Drills whose name in any language (or code) contains every word of the text,
        ignoring case and accents, optionally limited to a category and a region."""
        words = _fold(text).split()
        found = []
        for exercise in self.exercises.values():
            if category is not None and exercise.category != category:
                continue
            if region is not None and region not in exercise.regions:
                continue
            if not words or all(word in self._haystack(exercise) for word in words):
                found.append(exercise)
        return found

    def _haystack(self, exercise: Exercise) -> str:
        """The drill's names in every language and its code, folded (kept)."""
        haystack = self._haystacks.get(exercise.code)
        if haystack is None:
            haystack = _fold(" ".join([*exercise.names.values(), exercise.code]))
            self._haystacks[exercise.code] = haystack
        return haystack

    def targeting(self, code_or_tag: str) -> list[Exercise]:
        """Drills that address a measure code ("ankle.dorsiflexion.knee_flexed") or a deficit
        tag ("deficit:control", "fault:knee_valgus"), in file order."""
        return [e for e in self.exercises.values() if e.targets_any(code_or_tag)]


def _text(raw: Mapping[str, Any], key: str, code: str) -> Texts:
    try:
        return text_table(raw.get(key), f"{code}: {key}")
    except LanguageTableError as error:
        raise ExerciseLibraryError(str(error)) from error


def _texts(raw: Mapping[str, Any], key: str, code: str, bounds: tuple[int, int]) -> TextLists:
    try:
        return text_lists_table(raw.get(key), f"{code}: {key}", bounds)
    except LanguageTableError as error:
        raise ExerciseLibraryError(str(error)) from error


def _codes(raw: Mapping[str, Any], key: str, code: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ExerciseLibraryError(f"{code}: {key} must be a list of drill codes")
    return tuple(value)


def _positive_int(raw: Mapping[str, Any], key: str, code: str, high: int) -> int | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= high:
        raise ExerciseLibraryError(f"{code}: {key} must be a whole number from 1 to {high}")
    return value


def _dosage(raw: Mapping[str, Any], code: str) -> Dosage:
    sets = _positive_int(raw, "sets", code, 10)
    if sets is None:
        raise ExerciseLibraryError(f"{code}: sets is missing")
    reps = _positive_int(raw, "reps", code, 100)
    hold_s = _positive_int(raw, "hold_s", code, 600)
    distance_m = _positive_int(raw, "distance_m", code, 400)
    given = [v for v in (reps, hold_s, distance_m) if v is not None]
    if len(given) != 1:
        raise ExerciseLibraryError(f"{code}: give exactly one of reps, hold_s or distance_m")
    per_side = raw.get("per_side", False)
    if not isinstance(per_side, bool):
        raise ExerciseLibraryError(f"{code}: per_side must be true or false")
    return Dosage(
        sets=sets,
        reps=reps,
        hold_s=hold_s,
        distance_m=distance_m,
        per_side=per_side,
        frequencies=_text(raw, "frequency", code),
    )


def _target(value: Any, code: str, known_measures: Collection[str] | None) -> str:
    if not isinstance(value, str):
        raise ExerciseLibraryError(f"{code}: targets must be texts")
    if value.startswith(TAG_PREFIXES):
        if not _TAG_PATTERN.match(value):
            raise ExerciseLibraryError(f"{code}: malformed tag {value!r}")
        return value
    if not _MEASURE_PATTERN.match(value):
        raise ExerciseLibraryError(f"{code}: malformed measure code {value!r}")
    if known_measures is not None and not value.endswith(".*") and value not in known_measures:
        raise ExerciseLibraryError(f"{code}: targets unknown measure {value!r}")
    return value


def _table(raw: Mapping[str, Any], key: str, code: str) -> Mapping[str, Any]:
    value = raw.get(key)
    if not isinstance(value, dict):
        raise ExerciseLibraryError(f"{code}: {key} must be a table")
    return value


def _exercise(raw: Mapping[str, Any], known_measures: Collection[str] | None) -> Exercise:
    code = raw.get("code")
    if not isinstance(code, str) or not CODE_PATTERN.match(code):
        raise ExerciseLibraryError(f"bad drill code {code!r} (lowercase dotted words expected)")
    category = raw.get("category")
    if category not in CATEGORIES:
        raise ExerciseLibraryError(f"{code}: unknown category {category!r}")
    regions = raw.get("regions")
    if not isinstance(regions, list) or not regions:
        raise ExerciseLibraryError(f"{code}: regions must be a non-empty list")
    for region in regions:
        if region not in REGIONS:
            raise ExerciseLibraryError(f"{code}: unknown region {region!r}")
    targets = raw.get("targets")
    if not isinstance(targets, list) or not targets:
        raise ExerciseLibraryError(f"{code}: targets must be a non-empty list")
    active = raw.get("active")
    if not isinstance(active, bool):
        raise ExerciseLibraryError(f"{code}: active must be true or false")
    level = raw.get("level")
    if isinstance(level, bool) or level not in (1, 2, 3):
        raise ExerciseLibraryError(f"{code}: level must be 1, 2 or 3")
    pose = raw.get("pose", {})
    if not isinstance(pose, dict):
        raise ExerciseLibraryError(f"{code}: pose must be a table")
    cues = _texts(raw, "cues", code, CUES_RANGE)
    pain_cues = _text(raw, "pain_cue", code) if "pain_cue" in raw else {}
    for lang, cue in pain_cues.items():
        if cue not in cues.get(lang, ()):
            raise ExerciseLibraryError(f"{code}: pain_cue.{lang} is not one of its cues.{lang}")
    return Exercise(
        code=code,
        names=_text(raw, "name", code),
        category=category,
        regions=tuple(regions),
        targets=tuple(_target(t, code, known_measures) for t in targets),
        active=active,
        steps_by_language=_texts(raw, "steps", code, STEPS_RANGE),
        cues_by_language=cues,
        dosage=_dosage(_table(raw, "dosage", code), code),
        level=level,
        progressions=_codes(raw, "progressions", code),
        regressions=_codes(raw, "regressions", code),
        pose=pose,
        loads=tuple(_load(t, code, known_measures) for t in _list(raw, "loads", code)),
        pain_cues=pain_cues,
    )


def _list(raw: Mapping[str, Any], key: str, code: str) -> list[Any]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise ExerciseLibraryError(f"{code}: {key} must be a list")
    return value


def _load(value: Any, code: str, known_measures: Collection[str] | None) -> str:
    """A measure a drill loads: a measure code (no tag)."""
    if isinstance(value, str) and value.startswith(TAG_PREFIXES):
        raise ExerciseLibraryError(f"{code}: loads names measures, not tags ({value!r})")
    return _target(value, code, known_measures)


def parse_exercise_library(
    data: Mapping[str, Any], known_measures: Collection[str] | None = None
) -> ExerciseLibrary:
    """Builds the library from parsed TOML, checking every field and cross-reference.

    When `known_measures` is given, every measure-code target must be one of them."""
    raw_list = data.get("exercises")
    if not isinstance(raw_list, list) or not raw_list:
        raise ExerciseLibraryError("the file lists no [[exercises]]")
    exercises: dict[str, Exercise] = {}
    for raw in raw_list:
        exercise = _exercise(raw, known_measures)
        if exercise.code in exercises:
            raise ExerciseLibraryError(f"duplicate drill code {exercise.code!r}")
        exercises[exercise.code] = exercise
    for exercise in exercises.values():
        _check_links(exercise, "progressions", exercise.progressions, exercises)
        _check_links(exercise, "regressions", exercise.regressions, exercises)
    return ExerciseLibrary(version=str(data.get("version", "0")), exercises=exercises)


def _check_links(
    exercise: Exercise, key: str, codes: Sequence[str], exercises: Mapping[str, Exercise]
) -> None:
    for linked in codes:
        if linked == exercise.code:
            raise ExerciseLibraryError(f"{exercise.code}: {key} lists the drill itself")
        if linked not in exercises:
            raise ExerciseLibraryError(f"{exercise.code}: {key} names unknown drill {linked!r}")


def load_exercise_library(
    path: Path, known_measures: Collection[str] | None = None
) -> ExerciseLibrary:
    """Reads and checks an exercise library TOML file."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as error:
        raise ExerciseLibraryError(f"{path.name}: {error}") from error
    return parse_exercise_library(data, known_measures)


@cache
def default_exercise_library() -> ExerciseLibrary:
    """The library shipped with the program (read once, then cached)."""
    from mobileathlete_desktop.domain.resources import resource_path

    return load_exercise_library(resource_path("exercises.toml"))


__all__ = [
    "CATEGORIES",
    "CODE_PATTERN",
    "REGIONS",
    "Category",
    "Dosage",
    "Exercise",
    "ExerciseLibrary",
    "ExerciseLibraryError",
    "default_exercise_library",
    "load_exercise_library",
    "parse_exercise_library",
]
