"""The client page's "at a glance" lines: every flag with the reason the summary gives."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.interpretation import glance, interpret_assessment
from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
    ClientHistory,
    ClientRecord,
    MeasurementRecord,
)

CLIENT = ClientRecord(1, "SYN-1", "Testa", "Runnerton", date(1996, 1, 1), "female")


def _assessment(
    ident: int, when: date, *values: tuple[str, str, str, float], pain: bool = False
) -> AssessmentRecord:
    return AssessmentRecord(
        id=ident,
        client_id=1,
        date=when,
        kind="initial",
        status="signed",
        measurements=tuple(
            MeasurementRecord(c, s, m, v, pain=pain)  # type: ignore[arg-type]
            for c, s, m, v in values
        ),
    )


def test_control_deficit_and_below_norm_are_listed_with_reasons() -> None:
    record = _assessment(
        1,
        date(2026, 3, 1),
        ("knee.flexion", "left", "active", 100),
        ("knee.flexion", "left", "passive", 135),
    )
    result = interpret_assessment(ClientHistory(CLIENT, (record,)), None, default_catalogue())
    lines = glance(result)
    flags = {(line.flag, line.code, line.side) for line in lines}
    assert ("control_deficit", "knee.flexion", "left") in flags
    # Passive range is normal: the short active range is a control deficit, not "less
    # movement than usual" (the active reading is judged by its gap, not against the norm).
    assert ("below_norm", "knee.flexion", "left") not in flags
    deficit = next(line for line in lines if line.flag == "control_deficit")
    assert "100" in deficit.text and "135" in deficit.text


def test_worse_comes_first_and_a_noise_sized_change_is_not_flagged() -> None:
    before = _assessment(
        1,
        date(2026, 3, 1),
        ("wblt.distance", "left", "none", 12),
        ("wblt.distance", "right", "none", 12),
    )
    now = _assessment(
        2,
        date(2026, 4, 1),
        ("wblt.distance", "left", "none", 6),
        ("wblt.distance", "right", "none", 11.5),
    )
    lines = glance(interpret_assessment(ClientHistory(CLIENT, (before, now)), None, None))
    assert lines[0].flag == "worse" and lines[0].side == "left"
    assert not any(line.flag in ("worse", "improved") and line.side == "right" for line in lines)
    assert any(line.flag == "asymmetry" for line in lines)


def test_pain_is_a_line_of_its_own_and_no_assessment_means_no_lines() -> None:
    record = _assessment(1, date(2026, 3, 1), ("knee.flexion", "right", "active", 140), pain=True)
    lines = glance(interpret_assessment(ClientHistory(CLIENT, (record,))))
    assert [line.flag for line in lines if line.flag == "pain"] == ["pain"]
    assert glance(interpret_assessment(ClientHistory(replace(CLIENT), ()))) == []


def test_client_lines_say_each_finding_once_in_plain_english_or_spanish() -> None:
    from mobileathlete_desktop.domain.interpretation import client_lines

    record = _assessment(
        1,
        date(2026, 3, 1),
        ("knee.flexion", "left", "active", 100),
        ("knee.flexion", "left", "passive", 135),
    )
    lines = glance(interpret_assessment(ClientHistory(CLIENT, (record,))))
    english = client_lines(lines, "en")
    assert english == ["Knee flexion, left: moves further with help than on its own: control work"]
    spanish = client_lines(lines, "es")
    assert spanish[0].startswith("Flexión de rodilla, lado izquierdo: con ayuda llega más lejos")
    # No numbers, norms or source codes for the client.
    assert not any(ch.isdigit() for ch in english[0] + spanish[0])
    assert client_lines([], "es") == []


def test_the_short_line_for_a_program_drops_sources_and_rules() -> None:
    record = _assessment(
        1,
        date(2026, 3, 1),
        ("knee.flexion", "left", "active", 100),
        ("knee.flexion", "left", "passive", 135),
    )
    lines = {
        line.flag: line for line in glance(interpret_assessment(ClientHistory(CLIENT, (record,))))
    }
    deficit = lines["control_deficit"].short
    assert deficit == (
        "Knee flexion, left: active 100°, passive 135° (gap 35°, beyond the measurement error)"
    )
    assert "below_norm" not in lines  # passive 135° is the norm itself
    limited = _assessment(
        2,
        date(2026, 3, 1),
        ("knee.flexion", "left", "active", 110),
        ("knee.flexion", "left", "passive", 112),
    )
    lines = {
        line.flag: line for line in glance(interpret_assessment(ClientHistory(CLIENT, (limited,))))
    }
    below = lines["below_norm"].short
    assert below.startswith("Knee flexion, left: passive 112° (")
    assert below.endswith("% of the usual value)") and "aaos" not in below.lower()


def test_a_norm_with_an_sd_is_said_as_its_usual_range_not_a_percentage() -> None:
    # An angle's zero is arbitrary: hip IR 24° is not "52% of" anything; the range says it.
    record = _assessment(1, date(2026, 3, 1), ("hip.internal_rotation", "left", "passive", 24))
    lines = {
        line.flag: line for line in glance(interpret_assessment(ClientHistory(CLIENT, (record,))))
    }
    assert lines["below_norm"].short == (
        "Hip internal rotation, left: passive 24° (usual range 31° to 61°)"
    )


def test_a_capped_finding_list_keeps_both_sides_of_a_measure() -> None:
    """DEMO-0004: a 6-line cap listed the left lunge (32°) and dropped the lower right (31°).
    A measure kept keeps both sides: never the milder side without the worse. (The lunge
    angle's norm is now a fallback, context only: the modified Ober, Ferber 2010, below its
    usual range on both sides stands in.)"""
    from mobileathlete_desktop.domain.interpretation import client_lines

    record = _assessment(
        1,
        date(2026, 3, 1),
        ("ober.hip_adduction", "left", "passive", 5),
        ("ober.hip_adduction", "right", "passive", 4),
        ("slr", "left", "passive", 50),
        ("slr", "right", "passive", 52),
    )
    lines = glance(interpret_assessment(ClientHistory(CLIENT, (record,))))
    one = client_lines(lines, "en", limit=1)
    assert len(one) == 2 and {line.split(":")[0].split(", ")[-1] for line in one} == {
        "left",
        "right",
    }
    assert len({line.split(",")[0] for line in one}) == 1


def test_jargon_measures_have_client_names_in_both_languages() -> None:
    """The review's handouts said "Modified Ober test (hip adduction angle)", "First MTP
    (hallux) extension", "NPRS 0-10" and "FMS total score" to a runner."""
    cat = default_catalogue()
    names = {
        code: (cat[code].client_label_in("en"), cat[code].client_label_in("es"))
        for code in ("ober.hip_adduction", "hallux.extension", "nprs", "fms.total")
    }
    assert names == {
        "ober.hip_adduction": (
            "Outer-hip flexibility",
            "Flexibilidad de la parte externa de la cadera",
        ),
        "hallux.extension": ("Big toe bending up", "Dedo gordo doblado hacia arriba"),
        "nprs": ("Pain (0 to 10)", "Dolor (de 0 a 10)"),
        "fms.total": ("Movement screen, total score", "Evaluación del movimiento, puntaje total"),
    }
    for en, es in names.values():
        assert not {"MTP", "NPRS", "FMS", "Ober"} & (set(en.split()) | set(es.split()))
    # Without a client name, the label stands.
    assert cat["slr"].client_label_in("en") == cat["slr"].label_in("en")


def test_the_movement_screens_tests_have_plain_names_on_a_handout() -> None:
    """Review: a runner's handout said "FMS hurdle step, left: clearly different from the other
    side" and "FMS active straight-leg raise". Every test of the screen (its clearing tests and
    total too) has a client name without the abbreviation, in English and Spanish, and the
    handout's lines use it."""
    from mobileathlete_desktop.domain.interpretation import client_lines

    cat = default_catalogue()
    screen = [m for m in cat if m.region == "fms"]
    assert len(screen) == 11
    for measure in screen:
        for lang in ("en", "es"):
            name = measure.client_label_in(lang)
            assert name != measure.label_in(lang) and "FMS" not in name, (measure.code, lang)
    record = _assessment(
        1,
        date(2026, 3, 1),
        ("fms.hurdle_step", "left", "none", 1),
        ("fms.hurdle_step", "right", "none", 3),
        ("fms.aslr", "left", "none", 3),
        ("fms.aslr", "right", "none", 1),
    )
    lines = glance(interpret_assessment(ClientHistory(CLIENT, (record,))))
    english = client_lines(lines, "en")
    spanish = client_lines(lines, "es")
    assert (
        "Stepping over a hurdle (movement screen), left: clearly different from the other side"
        in english
    )
    assert any(
        line.startswith("Straight-leg lift lying on your back (movement") for line in english
    )
    assert any(line.startswith("Paso por encima de una valla (evaluación del") for line in spanish)
    assert any(line.startswith("Elevar la pierna estirada boca arriba") for line in spanish)
    assert not [line for line in english + spanish if "FMS" in line]


def test_an_fms_asymmetry_line_is_said_in_the_reader_s_language() -> None:
    record = _assessment(
        1,
        date(2026, 3, 1),
        ("fms.hurdle_step", "left", "none", 2),
        ("fms.hurdle_step", "right", "none", 3),
    )
    result = interpret_assessment(ClientHistory(CLIENT, (record,)), catalogue=default_catalogue())
    said = {
        lang: [line.text for line in glance(result, lang) if line.flag == "asymmetry"]
        for lang in ("en", "es")
    }
    assert said["en"] == [
        "FMS hurdle step: left 2, right 3; the sides scored differently, an FMS asymmetry, "
        "cook-2006; the lower side counts towards the total."
    ]
    assert said["es"] == [
        "FMS: paso de valla: lado izquierdo 2, lado derecho 3; los lados puntuaron distinto, "
        "una asimetría del FMS, cook-2006; para el total cuenta el lado más bajo."
    ]
