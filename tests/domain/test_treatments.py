"""The treatment vocabulary and its rules: typed grades and minutes, own words, the line a
report's visit list shows, in English and Spanish."""

from __future__ import annotations

import pytest

from mobileathlete_desktop.domain.treatments import (
    CUES,
    JOINTS,
    InvalidTreatment,
    TreatmentEntry,
    checked,
    parse_grade,
    parse_minutes,
    term_code,
    treatment_line,
)

VISIT = (
    TreatmentEntry("mobilisation", "talocrural", "pa", 3, "left", 8),
    TreatmentEntry("soft_tissue", "calf", "massage", side="both", minutes=5),
    TreatmentEntry("neuromuscular", method="hip_control", minutes=10),
    TreatmentEntry("cue", method="cadence", note="+5 %"),
    TreatmentEntry("other", note="Taping, left foot"),
)


def test_the_visit_line_in_english() -> None:
    assert treatment_line(VISIT, "en") == (
        "Joint mobilisation: Ankle (talocrural) left, PA glide, grade III, 8 min · "
        "Soft-tissue work: Calf (gastrocnemius–soleus) both sides, Massage, 5 min · "
        "Neuromuscular re-education: Hip and pelvic control, 10 min · "
        "Cue given: Raise step rate (cadence) (+5 %) · "
        "Other: Taping, left foot"
    )


def test_the_visit_line_in_spanish_and_a_language_without_words_in_english() -> None:
    assert treatment_line(VISIT[:2], "es") == (
        "Movilización articular: Tobillo (talocrural) lado izquierdo, Deslizamiento PA, "
        "grado III, 8 min · "
        "Trabajo de tejidos blandos: Pantorrilla (gastrocnemio-sóleo) ambos lados, Masaje, 5 min"
    )
    assert treatment_line(VISIT, "fr") == treatment_line(VISIT, "en")
    assert treatment_line((), "en") == ""


def test_own_words_are_shown_as_typed() -> None:
    own = TreatmentEntry("mobilisation", "Cuboid", "plantar whip", 5, "right")
    assert treatment_line([own], "es") == (
        "Movilización articular: Cuboid lado derecho, plantar whip, grado V"
    )


@pytest.mark.parametrize(
    ("text", "grade"), [("", None), ("iii", 3), (" IV ", 4), ("5", 5), ("I", 1)]
)
def test_typed_grades(text: str, grade: int | None) -> None:
    assert parse_grade(text) == grade


@pytest.mark.parametrize("text", ["7", "0", "VI", "III+", "grade 3"])
def test_grades_outside_one_to_five_are_refused_in_the_language_asked(text: str) -> None:
    with pytest.raises(InvalidTreatment, match="Grade must be I, II, III, IV or V"):
        parse_grade(text)
    with pytest.raises(InvalidTreatment, match="El grado debe ser I, II, III, IV o V"):
        parse_grade(text, "es")


@pytest.mark.parametrize("text", ["-5", "500", "121", "ten", "7.5", "1e2", "5 min"])
def test_minutes_must_be_a_whole_number_from_0_to_120(text: str) -> None:
    with pytest.raises(InvalidTreatment, match="from 0 to 120"):
        parse_minutes(text)


def test_minutes_at_the_edges() -> None:
    assert [parse_minutes(t) for t in ("", "0", "120", " 15 ")] == [None, 0, 120, 15]


def test_labels_in_either_language_and_codes_become_codes() -> None:
    assert term_code(JOINTS, "ankle (TALOCRURAL)") == "talocrural"
    assert term_code(JOINTS, "Cadera") == "hip"
    assert term_code(CUES, "cadence") == "cadence"
    assert term_code(JOINTS, "  Cuboid\x1b ") == "Cuboid"


def test_a_grade_is_only_for_a_mobilisation_in_spanish_too() -> None:
    with pytest.raises(InvalidTreatment, match="El grado solo se indica en una movilización"):
        checked(TreatmentEntry("soft_tissue", "calf", "massage", grade=2), "es")
