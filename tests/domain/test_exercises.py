"""Tests for the exercise library data and loader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mobileathlete_desktop.domain.exercises import (
    CATEGORIES,
    CODE_PATTERN,
    Dosage,
    ExerciseLibraryError,
    default_exercise_library,
    load_exercise_library,
)
from mobileathlete_desktop.domain.language_tables import missing_languages
from mobileathlete_desktop.support import languages
from mobileathlete_desktop.support.languages import SUPPORTED_LANGUAGES

LIBRARY = default_exercise_library()
ACCENTS = re.compile("[áéíóúñ¿¡ü]")
DAILY = {"en": "daily", "es": "a diario"}


def test_library_has_enough_drills_in_every_category() -> None:
    assert len(LIBRARY) >= 62
    assert {e.category for e in LIBRARY} == set(CATEGORIES)


@pytest.mark.parametrize(
    "code",
    [
        "mobility.leg_swing_front_back",
        "mobility.leg_swing_side_to_side",
        "mobility.walking_lunge_twist",
        "mobility.hip_car",
        "mobility.ninety_ninety_switch",
        "mobility.knee_to_wall_rock",
        "strength.calf_raise_bent_knee",
        "strength.calf_raise_straight_knee",
        "strength.copenhagen_short",
        "running.a_skip",
        "running.pogo_hops",
        "control.step_down_forward",
        "control.step_down_lateral",
        "control.single_leg_squat_to_box",
    ],
)
def test_named_drills_exist(code: str) -> None:
    assert code in LIBRARY


@pytest.mark.parametrize("exercise", list(LIBRARY), ids=lambda e: e.code)
def test_every_drill_is_complete_in_every_shipped_language(exercise) -> None:  # type: ignore[no-untyped-def]
    assert CODE_PATTERN.match(exercise.code)
    for table in (
        exercise.names,
        exercise.steps_by_language,
        exercise.cues_by_language,
        exercise.dosage.frequencies,
    ):
        assert missing_languages(table) == ()
    for lang in SUPPORTED_LANGUAGES:
        assert 3 <= len(exercise.steps(lang)) <= 5
        assert 2 <= len(exercise.cues(lang)) <= 4
        assert len(exercise.steps(lang)) == len(exercise.steps("en"))
    assert exercise.name("en") != exercise.name("es") or exercise.code == "running.a_skip"
    for linked in (*exercise.progressions, *exercise.regressions):
        assert linked in LIBRARY and linked != exercise.code


def test_spanish_text_has_accents_and_stretches_are_passive() -> None:
    spanish = " ".join(" ".join(e.steps("es")) + e.name("es") for e in LIBRARY)
    assert len(ACCENTS.findall(spanish)) > 100
    assert all(not e.active for e in LIBRARY.by_category("stretch"))
    assert all(e.active for e in LIBRARY if e.category != "stretch")


@pytest.mark.parametrize(
    ("text", "category", "region", "expected"),
    [
        ("leg swing", None, None, "mobility.leg_swing_front_back"),
        ("balanceo lateral", None, None, "mobility.leg_swing_side_to_side"),
        ("rotacion", "mobility", None, "mobility.walking_lunge_twist"),  # accent-blind
        ("COPENHAGUE", None, "hip", "strength.copenhagen_short"),
        ("calf raise", "strength", "ankle", "strength.calf_raise_bent_knee"),
    ],
)
def test_search_matches_both_languages(
    text: str, category: str | None, region: str | None, expected: str
) -> None:
    found = [e.code for e in LIBRARY.search(text, category=category, region=region)]
    assert expected in found
    assert all(LIBRARY[c].category == category for c in found if category)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("ankle.dorsiflexion.knee_flexed", "mobility.knee_to_wall_rock"),
        ("fault:knee_valgus", "control.step_down_lateral"),
        ("deficit:balance", "control.single_leg_balance"),
        ("fms.deep_squat", "control.dead_bug"),  # "fms.*" covers every FMS code
    ],
)
def test_targeting(target: str, expected: str) -> None:
    assert expected in [e.code for e in LIBRARY.targeting(target)]
    assert "running.heel_flicks" not in [e.code for e in LIBRARY.targeting(target)]


@pytest.mark.parametrize(
    ("dosage", "lang", "text"),
    [
        (Dosage(2, DAILY, reps=10, per_side=True), "en", "2 × 10 each side, daily"),
        (Dosage(2, DAILY, reps=10, per_side=True), "es", "2 × 10 por lado, a diario"),
        (Dosage(3, DAILY, hold_s=30), "en", "3 × 30 s hold, daily"),
        (Dosage(3, DAILY, hold_s=30), "es", "3 × 30 s (mantén la posición), a diario"),
        (
            Dosage(3, {"en": "twice a week", "es": "2 veces por semana"}, distance_m=20),
            "en",
            "3 × 20 m, twice a week",
        ),
        (Dosage(2, DAILY, reps=10, per_side=True), "fr", "2 × 10 each side, daily"),
        (Dosage(3, DAILY, hold_s=30), "es_AR.UTF-8", "3 × 30 s (mantén la posición), a diario"),
    ],
)
def test_dosage_describe(dosage: Dosage, lang: str, text: str) -> None:
    assert dosage.describe(lang) == text


@pytest.mark.parametrize(
    ("code", "lang", "name", "first_step", "first_cue", "frequency"),
    [
        (
            "mobility.leg_swing_front_back",
            "en",
            "Leg swings, front to back",
            "Stand tall beside a wall and rest one hand on it.",
            "Keep your trunk tall and still.",
            "before every run",
        ),
        (
            "mobility.leg_swing_front_back",
            "es",
            "Balanceo de pierna hacia adelante y hacia atrás",
            "Ponte de pie junto a una pared y apoya una mano en ella.",
            "Mantén el tronco derecho y quieto.",
            "antes de salir a correr",
        ),
        (
            "mobility.standing_itb_side_reach",
            "es",
            "Inclinación lateral, pierna cruzada atrás (cadera externa)",
            "Párate derecho y cruza por detrás de la otra la pierna que vas a trabajar; los dos"
            " pies bien apoyados y la pierna de atrás estirada.",
            "Mantén el pecho hacia el frente, sin girar el tronco.",
            "a diario",
        ),
    ],
)
def test_shipped_texts_read_as_before_the_language_tables(
    code: str, lang: str, name: str, first_step: str, first_cue: str, frequency: str
) -> None:
    drill = LIBRARY[code]
    assert drill.name(lang) == name
    assert drill.steps(lang)[0] == first_step
    assert drill.cues(lang)[0] == first_cue
    assert drill.frequency(lang) == frequency


@pytest.mark.parametrize("lang", ["fr", "de_DE", "", None, "xx-YY"])
def test_a_language_the_program_does_not_ship_reads_english(lang: str | None) -> None:
    drill = LIBRARY["mobility.leg_swing_front_back"]
    assert drill.name(lang) == "Leg swings, front to back"
    assert drill.steps(lang) == drill.steps("en")
    assert drill.cues(lang) == drill.cues("en")
    assert drill.frequency(lang) == "before every run"


def test_a_locale_name_reads_its_base_language() -> None:
    drill = LIBRARY["mobility.leg_swing_front_back"]
    assert drill.name("es_MX.UTF-8") == drill.name("es") != drill.name("en")
    assert drill.steps("ES") == drill.steps("es")


GOOD = """
[[exercises]]
code = "mobility.test_drill"
name = { en = "Test", es = "Prueba" }
category = "mobility"
regions = ["hip"]
targets = ["hip.flexion"]
active = true
level = 1
steps.en = ["a", "b", "c"]
steps.es = ["a", "b", "c"]
cues = { en = ["a", "b"], es = ["a", "b"] }
dosage = { sets = 2, reps = 10, frequency = { en = "daily", es = "a diario" } }
progressions = []
"""


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("progressions = []", 'progressions = ["mobility.nope"]', "unknown drill"),
        ('category = "mobility"', 'category = "yoga"', "unknown category"),
        ('es = "Prueba"', 'es = ""', "name.es must be a non-empty text"),
        ('{ en = "Test", es = "Prueba" }', '"Test"', "name must be a language table"),
        ('name = { en = "Test", es = "Prueba" }', 'name_en = "Test"', "name must be a language"),
        ('{ en = "Test", es = "Prueba" }', '{ es = "Prueba" }', "name has no English"),
        ('{ en = "Test", es = "Prueba" }', '{ en = "Test", Spanish = "P" }', "not a language"),
        ('{ en = "daily", es = "a diario" }', '{ es = "a diario" }', "frequency has no English"),
        ('cues = { en = ["a", "b"]', 'cues = { en = "a"', "cues.en must be a list"),
        ("reps = 10", "reps = 10, hold_s = 30", "exactly one"),
        ("sets = 2", "sets = 0", "sets"),
        ('code = "mobility.test_drill"', 'code = "Mobility Test"', "bad drill code"),
        ('steps.es = ["a", "b", "c"]', 'steps.es = ["a"]', "steps.es has 1 entries"),
        ('targets = ["hip.flexion"]', 'targets = ["deficit:Bad Tag"]', "malformed tag"),
        ("progressions = []", 'progressions = []\npain_cue = { en = "z" }', "not one of its cues"),
    ],
)
def test_malformed_files_are_refused(tmp_path: Path, old: str, new: str, message: str) -> None:
    path = tmp_path / "exercises.toml"
    path.write_text(GOOD.replace(old, new), encoding="utf-8")
    with pytest.raises(ExerciseLibraryError, match=message):
        load_exercise_library(path)


def test_good_file_loads_and_known_measures_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "exercises.toml"
    path.write_text(GOOD, encoding="utf-8")
    assert load_exercise_library(path, known_measures={"hip.flexion"}).codes() == [
        "mobility.test_drill"
    ]
    with pytest.raises(ExerciseLibraryError, match="unknown measure"):
        load_exercise_library(path, known_measures={"knee.flexion"})


FRENCH = (
    GOOD.replace('es = "Prueba" }', 'es = "Prueba", fr = "Essai" }')
    .replace('es = "a diario" }', 'es = "a diario", fr = "chaque jour" }')
    .replace(
        'steps.es = ["a", "b", "c"]',
        'steps.es = ["a", "b", "c"]\nsteps.fr = ["un", "deux", "trois"]',
    )
)


def test_a_third_language_is_data_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """French in the file loads with no change to the loader or the drill; it is read once
    French is a language the program ships (one entry in SUPPORTED_LANGUAGES), English until
    then, and English for any text not translated yet."""
    path = tmp_path / "exercises.toml"
    path.write_text(FRENCH, encoding="utf-8")
    library = load_exercise_library(path)
    drill = library["mobility.test_drill"]
    assert drill.name("fr") == "Test"
    assert [d.code for d in library.search("essai")] == ["mobility.test_drill"]
    monkeypatch.setattr(languages, "SUPPORTED_LANGUAGES", ("en", "es", "fr"))
    assert drill.name("fr") == drill.name("fr_CA") == "Essai"
    assert drill.frequency("fr") == "chaque jour"
    assert drill.dosage.describe("fr").endswith(", chaque jour")
    assert drill.steps("fr") == ("un", "deux", "trois")
    assert drill.cues("fr") == ("a", "b")  # not translated yet: English
    assert drill.name("es") == "Prueba"


def test_the_tip_allowing_some_pain_is_left_out_for_a_drill_kept_pain_free() -> None:
    """Heel drops' "Mild discomfort is fine" contradicts the pain caution: `pain_free` drops
    it (in each language), and only it; a drill with no such tip keeps all of them."""
    library = default_exercise_library()
    heel = library["strength.eccentric_heel_drop"]
    for lang, allowing in (("en", "Mild discomfort"), ("es", "Una molestia leve")):
        assert any(c.startswith(allowing) for c in heel.cues(lang))
        kept = heel.cues(lang, pain_free=True)
        assert kept and not any(c.startswith(allowing) for c in kept)
        assert len(kept) == len(heel.cues(lang)) - 1
    squat = library["strength.bodyweight_squat"]
    assert squat.cues("es", pain_free=True) == squat.cues("es")
