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

LIBRARY = default_exercise_library()
ACCENTS = re.compile("[áéíóúñ¿¡ü]")


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
def test_every_drill_is_complete_in_both_languages(exercise) -> None:  # type: ignore[no-untyped-def]
    assert CODE_PATTERN.match(exercise.code)
    for lang in ("en", "es"):
        assert exercise.name(lang)
        assert 3 <= len(exercise.steps(lang)) <= 5
        assert 2 <= len(exercise.cues(lang)) <= 4
        assert exercise.frequency(lang)
    assert len(exercise.steps_en) == len(exercise.steps_es)
    assert exercise.name_en != exercise.name_es or exercise.code == "running.a_skip"
    for linked in (*exercise.progressions, *exercise.regressions):
        assert linked in LIBRARY and linked != exercise.code


def test_spanish_text_has_accents_and_stretches_are_passive() -> None:
    spanish = " ".join(" ".join(e.steps_es) + e.name_es for e in LIBRARY)
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
        (Dosage(2, "daily", "a diario", reps=10, per_side=True), "en", "2 × 10 each side, daily"),
        (Dosage(2, "daily", "a diario", reps=10, per_side=True), "es", "2 × 10 por lado, a diario"),
        (Dosage(3, "daily", "a diario", hold_s=30), "en", "3 × 30 s hold, daily"),
        (
            Dosage(3, "daily", "a diario", hold_s=30),
            "es",
            "3 × 30 s (mantén la posición), a diario",
        ),
        (
            Dosage(3, "twice a week", "2 veces por semana", distance_m=20),
            "en",
            "3 × 20 m, twice a week",
        ),
    ],
)
def test_dosage_describe(dosage: Dosage, lang: str, text: str) -> None:
    assert dosage.describe(lang) == text


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        LIBRARY["running.a_skip"].name("fr")


GOOD = """
[[exercises]]
code = "mobility.test_drill"
name_en = "Test"
name_es = "Prueba"
category = "mobility"
regions = ["hip"]
targets = ["hip.flexion"]
active = true
level = 1
steps_en = ["a", "b", "c"]
steps_es = ["a", "b", "c"]
cues_en = ["a", "b"]
cues_es = ["a", "b"]
dosage = { sets = 2, reps = 10, frequency_en = "daily", frequency_es = "a diario" }
progressions = []
"""


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("progressions = []", 'progressions = ["mobility.nope"]', "unknown drill"),
        ('category = "mobility"', 'category = "yoga"', "unknown category"),
        ('name_es = "Prueba"', 'name_es = ""', "name_es"),
        ("reps = 10", "reps = 10, hold_s = 30", "exactly one"),
        ("sets = 2", "sets = 0", "sets"),
        ('code = "mobility.test_drill"', 'code = "Mobility Test"', "bad drill code"),
        ('steps_es = ["a", "b", "c"]', 'steps_es = ["a"]', "steps_es"),
        ('targets = ["hip.flexion"]', 'targets = ["deficit:Bad Tag"]', "malformed tag"),
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
