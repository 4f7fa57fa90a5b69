"""The findings lines in the window's language: a Spanish window reads pain, control-deficit
and below-norm lines in Spanish; English stays the default, and an unknown language reads
English (the reports, JSON and CSV keep their English)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.catalogue import default_catalogue
from mobileathlete_desktop.domain.interpretation import (
    AssessmentInterpretation,
    glance,
    interpret_assessment,
)
from mobileathlete_desktop.domain.records import (
    AssessmentRecord,
    ClientHistory,
    ClientRecord,
    FindingRecord,
    MeasurementRecord,
)
from mobileathlete_desktop.ui.findings_panel import FindingsPanel
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations

# A man of 34: inside the group Mosler 2017 measured (male footballers 18-40), so its hip
# abduction norm judges him (for a woman it is a context-only fallback, no finding).
CLIENT = ClientRecord(1, "ES-2", "Lucas", "Carrera", date(1991, 6, 2), "male")


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[str]:
    """The Spanish translations installed for one test, English again afterwards."""
    language = install_translations(qapp, "es")
    yield language
    remove_translations(qapp)


def _visit() -> AssessmentInterpretation:
    readings = (
        MeasurementRecord("hip.flexion", "right", "active", 118, pain=True),
        MeasurementRecord("hip.internal_rotation", "left", "active", 22),
        MeasurementRecord("hip.internal_rotation", "left", "passive", 34),
        MeasurementRecord("hip.abduction", "left", "passive", 20),
    )
    record = AssessmentRecord(
        id=1,
        client_id=1,
        date=date(2026, 3, 2),
        kind="initial",
        status="signed",
        measurements=readings,
    )
    return interpret_assessment(ClientHistory(CLIENT, (record,)), None, default_catalogue())


def _lines(panel: FindingsPanel, symbol: str) -> list[str]:
    return [text for text in panel.texts() if text.startswith(symbol)]


PAIN_ES = "✱ Dolor: Flexión de cadera, lado derecho: dolor durante la prueba (activo 118°)"


def test_a_spanish_window_reads_the_findings_in_spanish(spanish: str, qtbot: QtBot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show_interpretation(_visit())
    assert _lines(panel, "✱") == [PAIN_ES]
    # A 12° gap against the 8.6° error: beyond it, not clearly (results.CLEAR_GAP_FACTOR):
    # flagged, and the words leave it to clinical judgement (catalogue review o2).
    assert _lines(panel, "◆") == [
        "◆ Déficit de control: Rotación interna de cadera, lado izquierdo: activo 22°, pasivo "
        "34°, diferencia 12°, mayor que el error de medida de 8.6° (gradoz-2018): el activo "
        "queda por debajo del pasivo en más que el error de medida; los corredores sanos "
        "también muestran cierta diferencia: a valorar clínicamente."
    ]
    assert _lines(panel, "▼") == [
        "▼ Por debajo de la norma: Abducción de cadera, lado izquierdo: pasivo 20° — 40% de la "
        "norma, 50° ± 7.3° (hombres, 18–40, mosler-2017)"
    ]


def test_the_short_lines_as_typed_are_spanish_too(spanish: str, qtbot: QtBot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show_interpretation(_visit(), short=True)
    assert _lines(panel, "✱") == [PAIN_ES]
    assert _lines(panel, "◆") == [
        "◆ Déficit de control: Rotación interna de cadera, lado izquierdo: activo 22°, pasivo "
        "34° (diferencia 12°, mayor que el error de medida)"
    ]
    assert _lines(panel, "▼") == [
        "▼ Por debajo de la norma: Abducción de cadera, lado izquierdo: pasivo 20° (rango "
        "habitual de 38° a 62°)"
    ]


def test_an_english_window_keeps_the_english_lines(qtbot: QtBot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show_interpretation(_visit())
    assert _lines(panel, "✱") == ["✱ Pain: Hip flexion, right: pain during the test (active 118°)"]
    assert _lines(panel, "◆") == [
        "◆ Control deficit: Left hip internal rotation: active 22°, passive 34°, gap 12°, more "
        "than the 8.6° measurement error (gradoz-2018): active short of passive by more than "
        "the measurement error; healthy runners show some gap too: judge clinically."
    ]


def test_an_unknown_language_reads_english_and_english_is_the_default() -> None:
    result = _visit()
    english = glance(result)
    assert glance(result, lang="fr") == english
    assert glance(result, lang="en") == english
    spanish = glance(result, lang="es")
    assert [line.detail for line in spanish] == [line.detail for line in english]
    assert [line.text for line in spanish] != [line.text for line in english]


def _follow_up() -> AssessmentInterpretation:
    """A second visit: a knee-flexion asymmetry, LEFS up 12 points (beyond its 9-point MCID),
    a Y-Balance composite under Plisky's 94% (no finding since catalogue 2026.7: a cut-off
    from one injury cohort, not applied to this man), a Beighton score of 6 (at its
    screening cut-point) and a single-leg squat rated fair."""
    first = AssessmentRecord(
        id=1,
        client_id=1,
        date=date(2026, 1, 12),
        kind="initial",
        status="signed",
        measurements=(MeasurementRecord("lefs.total", "none", "none", 40),),
    )
    second = AssessmentRecord(
        id=2,
        client_id=1,
        date=date(2026, 3, 2),
        kind="follow_up",
        status="signed",
        measurements=(
            MeasurementRecord("knee.flexion", "left", "active", 120),
            MeasurementRecord("knee.flexion", "right", "active", 140),
            MeasurementRecord("lefs.total", "none", "none", 52),
            MeasurementRecord("ybalance.anterior", "left", "none", 60),
            MeasurementRecord("ybalance.posteromedial", "left", "none", 80),
            MeasurementRecord("ybalance.posterolateral", "left", "none", 75),
            MeasurementRecord("limb.length", "left", "none", 90),
            MeasurementRecord("beighton.score", "none", "none", 6),
        ),
        findings=(FindingRecord("sls", "right", ("trunk_lean",), "fair"),),
    )
    history = ClientHistory(CLIENT, (first, second))
    return interpret_assessment(history, None, default_catalogue())


def test_asymmetry_change_reference_point_and_fault_lines_read_spanish(
    spanish: str, qtbot: QtBot
) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show_interpretation(_follow_up())
    assert _lines(panel, "↔") == [
        "↔ Asimetría: Flexión de rodilla, lado izquierdo: activo 120°, 20° menos que el lado "
        "derecho (umbral 10°, hancock-2018)."
    ]
    improvement = (
        "Escala funcional de la pierna (LEFS): 52 puntos, subió 12 puntos (30%) desde el "
        "2026-01-12: mayor que el error de medida de 9 puntos (binkley-1999); alcanza la "
        "diferencia clínicamente importante de 9 puntos (binkley-1999): mejoró, cambio "
        "clínicamente importante."
    )
    assert _lines(panel, "↑") == [f"↑ Mejor ★: {improvement}"]
    # The Y-Balance composite under Plisky's 94% is no line (catalogue 2026.7); the
    # Beighton screen is.
    assert _lines(panel, "▽") == [
        "▽ Más allá de un punto de referencia: Puntaje de Beighton: 6 puntos, igual o por "
        "encima del punto de corte de 5 puntos de juul-kristensen-2017 (adultos, según una "
        "revisión sistemática; en niños, al menos 6 de 9): posible hipermovilidad articular "
        "generalizada (a interpretar con la historia clínica); es un punto de corte de "
        "tamizaje, no un diagnóstico ni una predicción de riesgo."
    ]
    assert not any("plisky" in text for text in panel.texts())
    assert _lines(panel, "⚑") == [
        "⚑ Fallos de movimiento: Sentadilla a una pierna, lado derecho: calificación "
        "regular; fallos observados: inclinación del tronco (crossley-2011, mcgovern-2018)."
    ]
    assert not any("than" in text or "rated" in text for text in panel.texts())


def test_the_short_reference_point_and_fault_lines_are_spanish_too() -> None:
    short = {line.flag: line.short for line in glance(_follow_up(), lang="es")}
    assert short["cutoff"] == (
        "Puntaje de Beighton: 6 puntos (igual o por encima del punto de corte de 5 puntos de "
        "juul-kristensen-2017)"
    )
    assert (
        short["faults"]
        == "Sentadilla a una pierna, lado derecho: calificación regular (inclinación del tronco)"
    )


def test_the_english_follow_up_lines_are_the_reasons_the_report_prints() -> None:
    lines = glance(_follow_up())
    asymmetry = next(line for line in lines if line.flag == "asymmetry")
    assert asymmetry.text == (
        "Left knee flexion (active) 120°, 20° less than right (threshold 10°, hancock-2018)."
    )
    assert asymmetry.text in asymmetry.detail
    cutoff = next(line for line in lines if line.flag == "cutoff")
    assert cutoff.code == "beighton.score"
    assert cutoff.text.endswith("a screening cut-point, not a diagnosis or a risk prediction.")
    spanish = glance(_follow_up(), lang="es")
    assert [line.detail for line in spanish] == [line.detail for line in lines]
