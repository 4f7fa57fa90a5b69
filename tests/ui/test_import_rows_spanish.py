"""The import dialog in a Spanish window beyond the values refused (test_import_refusals_spanish):
an assessment file's rows refused for their side, measure code, pain word, unit, a cell given
twice, a side the measure does not take and a motor-control test left empty are said in
Spanish (the file's own words, column names and codes stay as the file writes them); a good
file's preview names its new clients and its summary in Spanish and imports them; a computed
score the file gives wrongly previews as recomputed, and one given without its inputs is
refused, in Spanish. The command line keeps its English (tests/services/test_imports,
test_import_faults_and_scores)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations
from mobileathlete_desktop.ui.import_dialog import ImportDialog
from tests.conftest import ADMIN

ROWS = (
    "chart_number,date,measure,side,mode,value,pain,unit\n"
    "C-1,2026-03-02,knee.flexion,up,active,120,,\n"
    "C-1,2026-03-02,knee.flexx,left,active,120,,\n"
    "C-1,2026-03-02,knee.flexion,left,active,120,maybe,\n"
    "C-1,2026-03-02,knee.flexion,left,active,120,,in\n"
    "C-1,2026-03-02,hip.flexion,left,active,100,,\n"
    "C-1,2026-03-02,hip.flexion,left,active,105,,\n"
    "C-1,2026-03-02,fms.deep_squat,left,none,2,,\n"
    "C-1,2026-03-02,sls,left,none,,,\n"
)
CLIENTS = "chart_number,given_name,family_name\nT-001,Testa,Runnerton\nT-002,Probe,Striderson\n"


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[str]:
    language = install_translations(qapp, "es")
    yield language
    remove_translations(qapp)


def _dialog(ctx: ServiceContext, qtbot: QtBot, path: Path, kind: str) -> ImportDialog:
    dialog = ImportDialog(ctx.as_actor(ADMIN))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog._job is None, timeout=10_000)
    return dialog


def _rows(dialog: ImportDialog) -> list[list[str]]:
    model = dialog.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_refused_assessment_rows_read_spanish(
    spanish: str, ctx: ServiceContext, qtbot: QtBot, tmp_path: Path
) -> None:
    client = clients.create_client(ctx, clients.ClientInput("C-1", "Ada", "Stridewell"))
    path = tmp_path / "valores.csv"
    path.write_text(ROWS, encoding="utf-8")
    dialog = _dialog(ctx, qtbot, path, "assessments")
    assert "no se ha importado nada" in dialog.status.text()
    assert not dialog.import_button.isEnabled()
    sls = ctx.catalogue.measures["sls"].label_in("es")
    assert _rows(dialog) == [
        ["2", "side: «up» no es left, right ni none"],
        ["3", "código de medida desconocido: «knee.flexx»"],
        ["4", "pain: «maybe» no es yes ni no"],
        ["5", "knee.flexion se registra en deg, no en «in» (convierta el valor primero)"],
        ["7", "misma medida, lado y modo que la línea 6"],
        ["8", "fms.deep_squat: side debe ser none, no left"],
        ["9", f"{sls}: vacío (indique una calificación o fallos)"],
    ]
    assert assessments.list_assessments(ctx, client.id) == []


def test_a_good_file_previews_and_imports_in_spanish(
    spanish: str, ctx: ServiceContext, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "clientes.csv"
    path.write_text(CLIENTS, encoding="utf-8")
    dialog = _dialog(ctx, qtbot, path, "clients")
    assert _rows(dialog) == [
        ["2", "T-001", "cliente nuevo", "", "Runnerton, Testa"],
        ["3", "T-002", "cliente nuevo", "", "Striderson, Probe"],
    ]
    assert dialog.status.text().startswith("Se importarían 2 filas: 2 clientes nuevos")
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text().startswith("Se importaron 2 filas: 2 clientes nuevos")
    assert [c.chart_number for c in clients.search_clients(ctx)] == ["T-001", "T-002"]


REACHES = (
    "chart_number,date,measure,side,mode,value\n"
    "C-1,2026-03-02,ybalance.anterior,left,none,60\n"
    "C-1,2026-03-02,ybalance.posteromedial,left,none,100\n"
    "C-1,2026-03-02,ybalance.posterolateral,left,none,95\n"
    "C-1,2026-03-02,limb.length,left,none,85\n"
    "C-1,2026-03-02,ybalance.composite,left,none,92\n"
)


def test_a_recomputed_score_previews_in_spanish(
    spanish: str, ctx: ServiceContext, qtbot: QtBot, tmp_path: Path
) -> None:
    clients.create_client(ctx, clients.ClientInput("C-1", "Ada", "Stridewell"))
    path = tmp_path / "alcances.csv"
    path.write_text(REACHES, encoding="utf-8")
    dialog = _dialog(ctx, qtbot, path, "assessments")
    assert dialog.import_button.isEnabled()
    assert _rows(dialog)[-1] == [
        "6",
        "C-1",
        "2026-03-02 ybalance.composite left no concuerda con sus datos; se recalcula",
        "92 en el archivo",
        "100",
    ]
    assert "1 puntuación calculada actualizada" in dialog.status.text(), dialog.status.text()


def test_a_score_without_its_inputs_is_refused_in_spanish(
    spanish: str, ctx: ServiceContext, qtbot: QtBot, tmp_path: Path
) -> None:
    clients.create_client(ctx, clients.ClientInput("C-1", "Ada", "Stridewell"))
    path = tmp_path / "compuesto.csv"
    path.write_text(
        "chart_number,date,measure,side,mode,value\nC-1,2026-03-02,ybalance.composite,left,none,95\n",
        encoding="utf-8",
    )
    dialog = _dialog(ctx, qtbot, path, "assessments")
    assert _rows(dialog) == [
        [
            "2",
            "ybalance.composite (left) se calcula a partir de los tres alcances del Y-Balance y "
            "la longitud del miembro de ese lado, que faltan en esta evaluación; indíquelos en "
            "lugar de la puntuación",
        ]
    ]
