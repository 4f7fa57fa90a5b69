"""The Spanish a client in Los Angeles reads: one register (tú), Mexican and Central-American
words, centimetres, and every dose word in Spanish (issue 16, item 9)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.exercises import default_exercise_library
from mobileathlete_desktop.domain.programs import (
    ProgramItemRecord,
    ProgramRecord,
    dosage_text,
    frequency_text,
)
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.support.i18n import texts
from tests.reports.helpers import add_runner, pdf_pages
from tests.support.test_catalogs import catalogue_texts

LIBRARY = default_exercise_library()

# Spain-only words, with what a client in Los Angeles says instead.
SPAIN_ONLY = {
    r"t[úu]mba(te|se|rse)|tumbad[oa]s?": "acuéstate / acostado",
    r"gemelos?": "pantorrilla",
    r"cog(er|e|iendo)|c[óo]ge(te|lo|la)": "agarra / toma",
    r"vale": "está bien / de acuerdo",
    r"ordenador": "computadora",
    r"en el sitio": "en tu lugar",
    r"hacia delante|de delante": "hacia adelante / de adelante",
    r"zona lumbar": "espalda baja",
    r"tira del": "jala",
    r"valoraci[óo]n": "evaluación",
}
# Imperial units (and foot-lengths said as "pies"): centimetres instead.
IMPERIAL = r"pulgadas?|\d+\s*(pies|pulg|ft)|(un|dos|tres|medio) pies? (de distancia|por delante)"
# The usted register: the client is addressed with tú everywhere.
USTED = (
    r"usted(es)?|su (pierna|rodilla|pie|cadera|tobillo|programa|fisioterapeuta|evaluaci[óo]n"
    r"|pr[óo]xima|edad)|sus (ejercicios|piernas|rodillas|pies)"
    r"|p[óo]ngase|si[ée]ntese|acu[ée]stese|col[óo]quese|ap[óo]yese|mant[ée]ngase"
    r"|mantenga (la|el|los|las|su|sus)"
    r"|lev[áa]ntese|ll[áa]menos|pare|llame|marque|traiga|pida|repita|cambie"
)
FORBIDDEN = [
    *(re.compile(rf"\b({pattern})\b", re.IGNORECASE) for pattern in SPAIN_ONLY),
    re.compile(rf"\b({IMPERIAL})\b", re.IGNORECASE),
    re.compile(rf"\b({USTED})\b", re.IGNORECASE),
]


def _library_text() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for e in LIBRARY:
        out.append((f"{e.code} name.es", e.name("es")))
        out += [(f"{e.code} steps.es", s) for s in e.steps("es")]
        out += [(f"{e.code} cues.es", c) for c in e.cues("es")]
        out.append((f"{e.code} frequency.es", e.frequency("es")))
    return out


def _shipped_text() -> list[tuple[str, str]]:
    """Every Spanish string the program prints for a client that this test guards."""
    out = _library_text()
    # The handout's words, dose words, client findings and drill notes: the gettext catalogue.
    out += [(f"catalogue {msgid[:30]}", text) for msgid, text in catalogue_texts("es")]
    for m in default_catalogue():
        out.append((f"{m.code} label.es", m.label_in("es")))
        out += [(f"{m.code} fault {f.code}", f.label_in("es")) for f in m.faults]
    return out


def _offences(text: str) -> list[str]:
    return [m.group(0) for pattern in FORBIDDEN for m in pattern.finditer(text)]


def test_the_guard_catches_what_it_should() -> None:
    assert _offences("Túmbate boca arriba y estira el gemelo") == ["Túmbate", "gemelo"]
    assert _offences("con un pie a dos pies de distancia, unas 4 pulgadas") == [
        "dos pies de distancia",
        "pulgadas",
    ]
    assert sorted(_offences("Pare si le duele su rodilla; llame a su fisioterapeuta")) == [
        "Pare",
        "llame",
        "su fisioterapeuta",
        "su rodilla",
    ]
    assert not _offences("Acuéstate boca arriba, apoya los pies y aguanta 30 s por lado.")


@pytest.mark.parametrize(("where", "text"), _shipped_text(), ids=lambda v: str(v)[:40])
def test_shipped_spanish_is_tu_register_for_los_angeles(where: str, text: str) -> None:
    assert not _offences(text), f"{where}: {text!r}"


def test_the_library_speaks_tu() -> None:
    steps = " ".join(s for _, s in _library_text())
    for word in ("Acuéstate", "Párate", "Aguanta", "Quédate así", "pantorrilla", "piso"):
        assert word in steps


@pytest.mark.parametrize("exercise", list(LIBRARY), ids=lambda e: e.code)
def test_library_frequencies_translate_both_ways(exercise) -> None:  # type: ignore[no-untyped-def]
    dose = exercise.dosage
    assert frequency_text(dose.frequency("en"), "es") == dose.frequency("es")
    assert frequency_text(dose.frequency("es"), "en") == dose.frequency("en")


# English dose words that must never reach a Spanish handout.
ENGLISH_DOSE = re.compile(
    r"\b(sets?|reps?|hold|each side|per side|daily|times a (week|day)|twice|once|before"
    r"|after|runs?|seconds?|minutes?)\b",
    re.IGNORECASE,
)


def test_every_dose_word_on_a_spanish_handout_is_spanish(
    therapist_ctx: ServiceContext, tmp_path: Path
) -> None:
    from mobileathlete_desktop.services.reports import write_client_handout

    client = add_runner(therapist_ctx, "ES-1", given="Lupita", family="Ramírez")
    codes = (
        "mobility.leg_swing_front_back",  # before every run, per side
        "control.single_leg_balance",  # a hold, per side
        "strength.single_leg_rdl",  # 2–3 times a week
        "running.b_skip",  # before runs, twice a week
        "stretch.calf_wall",  # a hold, daily
        "control.lateral_band_walk",  # a distance
    )
    items = []
    for code in codes:
        dose = LIBRARY[code].dosage
        # As the program builder saves a line: the library's English frequency.
        items.append(
            ProgramItemRecord(
                code, dose.sets, dose.reps, dose.hold_s, dose.per_side, dose.frequency("en")
            )
        )
    program = ProgramRecord(None, client.id, date(2026, 5, 4), "Casa", tuple(items))
    from mobileathlete_desktop.services.programs import save_program

    save_program(therapist_ctx, program)
    out = tmp_path / "casa.pdf"
    write_client_handout(therapist_ctx, client.id, out, lang="es")
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert not ENGLISH_DOSE.findall(text), ENGLISH_DOSE.findall(text)
    assert not _offences(text)
    for item in items:
        assert dosage_text(item, "es") in text
    for phrase in (
        "Tu programa de ejercicios en casa",
        "repeticiones por lado — antes de salir a correr",
        "mantén 30 s",
        "2 o 3 veces por semana",
        "antes de correr, 2 veces por semana",
        "a diario",
    ):
        assert phrase in text


def _domain_spanish() -> list[tuple[str, str]]:
    """The recommender's Spanish that reaches a client (drill notes, reasons)."""
    from mobileathlete_desktop.domain import recommendations as rec

    tr = texts("es")
    out: list[tuple[str, str]] = []
    for name in (
        "PAIN_NOTE",
        "PAIN_HANDOUT",
        "CONTROL_NOTE",
        "HYPERMOBILE_NOTE",
        "HYPERMOBILE_HANDOUT",
        "FAULT_NOTE",
        "MAINTENANCE_REASON",
        "MAINTENANCE_FALLBACK_REASON",
    ):
        out.append((name, tr.gettext(getattr(rec, name))))
    out += [(f"PURPOSES {prefix}", tr.gettext(message)) for prefix, message in rec.PURPOSES]
    out += [(f"FAULTS {fault.code}", tr.gettext(fault.words)) for fault in rec.FAULTS]
    return out


@pytest.mark.parametrize(("where", "text"), _domain_spanish(), ids=lambda v: str(v)[:40])
def test_recommender_spanish_is_tu_register_for_los_angeles(where: str, text: str) -> None:
    assert not _offences(text), f"{where}: {text!r}"


def test_every_recommender_word_is_said_in_spanish() -> None:
    """The notes, purposes and fault words are catalogue messages: none reads English in es."""
    from mobileathlete_desktop.domain import recommendations as rec

    english = {
        rec.PAIN_NOTE,
        rec.MAINTENANCE_REASON,
        *(message for _, message in rec.PURPOSES),
        *(fault.words for fault in rec.FAULTS),
    }
    spanish = dict(_domain_spanish())
    assert len(spanish) == 8 + len(rec.PURPOSES) + len(rec.FAULTS)
    assert not english & set(spanish.values())
    assert spanish["FAULTS knee_valgus"] == "la rodilla se va hacia adentro"


def test_client_findings_words_are_tu_register() -> None:
    from mobileathlete_desktop.domain.interpretation import client_words

    tr = texts("es")
    spanish = [tr.gettext(message) for message in client_words.CLIENT_WORDS.values()]
    assert "menos movimiento de lo normal" in spanish
    assert not [_offences(text) for text in spanish if _offences(text)]
    left, right = (tr.pgettext("side of the body", side) for side in ("left", "right"))
    assert (left, right) == ("lado izquierdo", "lado derecho")
