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
    MeasurementRecord,
)
from mobileathlete_desktop.ui.findings_panel import FindingsPanel
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations

CLIENT = ClientRecord(1, "ES-2", "Lucía", "Carrera", date(1991, 6, 2), "female")


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[str]:
    """The Spanish translations installed for one test, English again afterwards."""
    language = install_translations(qapp, "es")
    yield language
    remove_translations(qapp)


def _visit() -> AssessmentInterpretation:
    readings = (
        MeasurementRecord("hip.flexion", "right", "active", 118, pain=True),
        MeasurementRecord("thomas.hip_extension", "left", "active", -1),
        MeasurementRecord("thomas.hip_extension", "left", "passive", 6),
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
    assert _lines(panel, "◆") == [
        "◆ Déficit de control: Prueba de Thomas (ángulo de cadera), lado izquierdo: activo -1°, "
        "pasivo 6°, diferencia 7°, mayor que el error de medida de 4° (estimación del "
        "instrumento, boone-1978): déficit de control, no es una limitación de flexibilidad."
    ]
    assert _lines(panel, "▼") == [
        "▼ Por debajo de la norma: Abducción de cadera, lado izquierdo: pasivo 20° — 44% de la "
        "norma, 45° (18–120, aaos-1965)"
    ]


def test_the_short_lines_as_typed_are_spanish_too(spanish: str, qtbot: QtBot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show_interpretation(_visit(), short=True)
    assert _lines(panel, "✱") == [PAIN_ES]
    assert _lines(panel, "◆") == [
        "◆ Déficit de control: Prueba de Thomas (ángulo de cadera), lado izquierdo: activo -1°, "
        "pasivo 6° (diferencia 7°, mayor que el error de medida)"
    ]
    assert _lines(panel, "▼") == [
        "▼ Por debajo de la norma: Abducción de cadera, lado izquierdo: pasivo 20° (44% del "
        "valor habitual)"
    ]


def test_an_english_window_keeps_the_english_lines(qtbot: QtBot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show_interpretation(_visit())
    assert _lines(panel, "✱") == ["✱ Pain: Hip flexion, right: pain during the test (active 118°)"]
    assert _lines(panel, "◆") == [
        "◆ Control deficit: Left thomas test (hip angle): active -1°, passive 6°, gap 7°, more "
        "than the 4° measurement error (instrument estimate, boone-1978): a control deficit, "
        "not a flexibility limit."
    ]


def test_an_unknown_language_reads_english_and_english_is_the_default() -> None:
    result = _visit()
    english = glance(result)
    assert glance(result, lang="fr") == english
    assert glance(result, lang="en") == english
    spanish = glance(result, lang="es")
    assert [line.detail for line in spanish] == [line.detail for line in english]
    assert [line.text for line in spanish] != [line.text for line in english]
