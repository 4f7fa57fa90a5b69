"""Names inside a sentence (support.sentence_case, one rule for every layer): a Spanish drill
name loses its capital mid-sentence ("... con puente de glúteos"), an initialism, a lone
letter and a proper name keep theirs ("FMS ...", "Y-Balance ...", "Thomas test")."""

from __future__ import annotations

from mobileathlete_desktop.support.sentence_case import in_sentence, lower_first, sentence_start


def test_spanish_drill_names_are_lower_case_inside_a_sentence() -> None:
    assert in_sentence("Puente de glúteos", "es") == "puente de glúteos"
    assert in_sentence("Puente de glúteos", "es_MX.UTF-8") == "puente de glúteos"
    assert in_sentence("Plancha de Copenhague, palanca corta", "es") == (
        "plancha de Copenhague, palanca corta"
    )
    assert in_sentence("FMS hurdle step", "es") == "FMS hurdle step"
    assert in_sentence("Glute bridge", "en") == "Glute bridge"


def test_initialisms_letters_and_proper_names_keep_their_capitals() -> None:
    assert lower_first("Hip flexion (active)") == "hip flexion (active)"
    assert lower_first("Thomas test (hip angle)") == "Thomas test (hip angle)"
    assert lower_first("Beighton score") == "Beighton score"
    assert lower_first("Y-Balance anterior reach") == "Y-Balance anterior reach"
    assert lower_first("A-skip") == "A-skip"
    assert lower_first("ITB pain on downhills") == "ITB pain on downhills"
    assert lower_first("Achilles pain after long runs") == "Achilles pain after long runs"
    assert lower_first("Modified Ober test") == "modified Ober test"
    assert lower_first("") == ""
    assert sentence_start("izquierda") == "Izquierda"
