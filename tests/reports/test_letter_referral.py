"""The referral letter's first sentence follows the record's referral: thanks for a referral
only when someone referred the runner; a self-referred runner's letter (or one whose referral
is not recorded) is written to the doctor for their information (sports-PT review)."""

from __future__ import annotations

from datetime import date

import pytest

from mobileathlete_desktop.domain.records import ClientRecord
from mobileathlete_desktop.reports.letter import (
    ReferralLetter,
    in_sentence,
    letter_story,
    referral_kind,
)
from mobileathlete_desktop.reports.pdf import ClinicHeader


def _letter(referral: str, lang: str = "en", sex: str = "female") -> ReferralLetter:
    client = ClientRecord(
        1,
        "L-1",
        "Testa",
        "Runnerton",
        date(1990, 4, 2),
        sex,  # type: ignore[arg-type]
        complaint="Right calf tightness on hills",
        referral=referral,
    )
    return ReferralLetter(
        client,
        ClinicHeader("Clinic"),
        date(2026, 12, 2),
        lang=lang,
        visit_dates=(date(2026, 11, 2),),
        drills=("Front plank", "Glute bridge"),
    )


def _said(letter: ReferralLetter) -> str:
    return " ".join(str(getattr(f, "text", "")) for f in letter_story(letter))


@pytest.mark.parametrize(
    ("referral", "kind"),
    [
        ("Self-referred", "self"),
        ("self", "self"),
        ("Autoderivada", "self"),
        ("Direct access", "self"),
        ("None", "self"),
        ("", "none"),
        ("GP", "referred"),
        ("Coach", "referred"),
        ("Dr. Ortiz (sports physician)", "referred"),
        ("Director of the running club", "referred"),
    ],
)
def test_how_the_runner_came_is_read_from_the_referral(referral: str, kind: str) -> None:
    assert referral_kind(referral) == kind


@pytest.mark.parametrize(
    ("lang", "sex", "opening"),
    [
        (
            "en",
            "female",
            "We are writing for your information about Testa Runnerton, a runner with right "
            "calf tightness on hills, who came to us directly (self-referred).",
        ),
        (
            "es",
            "female",
            "Le escribimos a título informativo sobre Testa Runnerton, corredora con right "
            "calf tightness on hills, que acudió a nosotros por iniciativa propia (sin "
            "derivación).",
        ),
        (
            "es",
            "unknown",
            "Le escribimos a título informativo sobre Testa Runnerton, quien corre y consulta "
            "por right calf tightness on hills; acudió a nosotros por iniciativa propia (sin "
            "derivación).",
        ),
    ],
)
def test_a_self_referred_runners_letter_thanks_nobody_for_referring(
    lang: str, sex: str, opening: str
) -> None:
    said = _said(_letter("Self-referred", lang, sex))
    assert opening in said
    assert "Thank you for referring" not in said and "Gracias por derivarnos" not in said


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_referral_recorded_is_for_information_and_a_referral_is_thanked(lang: str) -> None:
    unknown = _said(_letter("", lang))
    referred = _said(_letter("GP", lang))
    info = {"en": "We are writing for your information", "es": "Le escribimos a título"}[lang]
    thanks = {"en": "Thank you for referring", "es": "Gracias por derivarnos"}[lang]
    assert info in unknown and thanks not in unknown
    assert "self-referred" not in unknown and "iniciativa propia" not in unknown
    assert thanks in referred and info not in referred


def test_drill_names_are_lower_case_inside_a_spanish_sentence() -> None:
    assert in_sentence("Puente de glúteos", "es") == "puente de glúteos"
    assert in_sentence("Plancha de Copenhague, palanca corta", "es") == (
        "plancha de Copenhague, palanca corta"
    )
    assert in_sentence("FMS hurdle step", "es") == "FMS hurdle step"
    assert in_sentence("Glute bridge", "en") == "Glute bridge"
    said = _said(_letter("GP", "es"))
    assert "de 2 ejercicios: front plank, glute bridge." in said
