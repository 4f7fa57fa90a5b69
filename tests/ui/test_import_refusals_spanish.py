"""The import dialog's refused lines in a Spanish window: a client row's empty name, future or
impossible date of birth, weekly distance out of range and bad email, and a measurement row's
value outside its measure's bounds or not a number, each said in Spanish (ui/refusals, the
grid's words for a measure's value), nothing imported; the command line's report keeps its
English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.imports import ImportFailed, import_clients
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations
from mobileathlete_desktop.ui.import_dialog import ImportDialog
from tests.conftest import ADMIN

CLIENTS = (
    "chart_number,given_name,family_name,date_of_birth,weekly_distance_km,email\n"
    "T-001,,Runnerton,,500,testa@\n"
    "T-002,Probe,Striderson,2099-01-01,,\n"
    "T-003,Pia,Pacer,1990-13-01,,\n"
)


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[str]:
    language = install_translations(qapp, "es")
    yield language
    remove_translations(qapp)


def _preview(ctx: ServiceContext, qtbot: QtBot, path: Path, kind: str) -> list[list[str]]:
    dialog = ImportDialog(ctx.as_actor(ADMIN))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "no se ha importado nada" in dialog.status.text())
    assert not dialog.import_button.isEnabled()
    model = dialog.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_refused_client_rows_read_spanish(
    spanish: str, ctx: ServiceContext, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "clientes.csv"
    path.write_text(CLIENTS, encoding="utf-8")
    rows = _preview(ctx, qtbot, path, "clients")
    assert rows == [
        [
            "2",
            "Nombre: este dato es obligatorio; Distancia semanal: debe estar entre 0 y 400 km; "
            "Correo electrónico: «testa@» no es una dirección válida",
        ],
        ["3", "date_of_birth: 2099-01-01 es una fecha futura"],
        ["4", "date_of_birth: «1990-13-01» no es una fecha que exista"],
    ]
    assert clients.search_clients(ctx) == []


def test_the_command_line_report_keeps_its_english(ctx: ServiceContext, tmp_path: Path) -> None:
    path = tmp_path / "clients.csv"
    path.write_text(CLIENTS, encoding="utf-8")
    with pytest.raises(ImportFailed) as failed:
        import_clients(ctx.as_actor(ADMIN), path)
    assert [str(e) for e in failed.value.errors] == [
        "line 2: Given name is required; Weekly distance must be 0–400 km; Email address is "
        "not valid",
        "line 3: date_of_birth: 2099-01-01 is in the future",
        "line 4: date_of_birth: '1990-13-01' is not a real date",
    ]


def test_refused_measurement_rows_read_spanish(
    spanish: str, ctx: ServiceContext, qtbot: QtBot, tmp_path: Path
) -> None:
    client = clients.create_client(ctx, clients.ClientInput("T-001", "Testa", "Runnerton"))
    path = tmp_path / "mediciones.csv"
    path.write_text(
        "chart_number,date,measure,side,mode,value,pain\n"
        "T-001,2026-03-02,knee.flexion,left,active,400,no\n"
        "T-001,2026-03-02,knee.flexion,right,active,1o5,no\n"
        "T-001,2026-03-02,limb.length,left,none,91,yes\n",
        encoding="utf-8",
    )
    rows = _preview(ctx, qtbot, path, "assessments")
    assert [r[0] for r in rows] == ["2", "3", "4"]
    assert (
        rows[0][1].startswith("Flexión de rodilla")
        and "400° está fuera del intervalo" in (rows[0][1])
    ), rows[0][1]
    assert rows[1][1].startswith("Flexión de rodilla") and "«1o5» no es un número" in rows[1][1]
    assert "es una medida corporal" in rows[2][1], rows[2][1]
    assert not any("outside" in r[1] or "not a number" in r[1] for r in rows)
    assert assessments.list_assessments(ctx, client.id) == []


def test_a_file_refused_as_a_whole_or_by_chart_number_reads_spanish(
    spanish: str, ctx: ServiceContext, qtbot: QtBot, tmp_path: Path
) -> None:
    clients.create_client(ctx, clients.ClientInput("T-001", "Testa", "Runnerton"))
    path = tmp_path / "clientes.csv"
    path.write_text(
        "chart_number,given_name,family_name\nT-001,Testa,Runnerton\nT-002,Probe\n"
        "T-003,Pia,Pacer\nt-003,Pia,Pacer\n",
        encoding="utf-8",
    )
    assert _preview(ctx, qtbot, path, "clients") == [["3", "2 campos; se esperan 3"]]
    path.write_text(
        "chart_number,given_name,family_name\nT-001,Testa,Runnerton\nT-003,Pia,Pacer\n"
        "t-003,Pia,Pacer\n",
        encoding="utf-8",
    )
    assert _preview(ctx, qtbot, path, "clients") == [
        ["4", "el n.º de historia t-003 también está en la línea 3"]
    ]
    path.write_text("chart_number,given_name,family_name\nT-001,Testa,Runnerton\n")
    assert _preview(ctx, qtbot, path, "clients") == [
        [
            "2",
            "el n.º de historia T-001 ya está en la clínica (marque «Actualizar los clientes "
            "que ya están en la clínica» para cambiar sus datos)",
        ]
    ]
    path.write_text("chart_number;given_name\nT-009;Pia\n")  # one ';': read as one column
    assert _preview(ctx, qtbot, path, "clients")[0][1] == (
        "faltan columnas: chart_number, given_name, family_name; se esperan "
        "chart_number,given_name,family_name[,date_of_birth][,sex][,email][,...] (el "
        "encabezado tiene una sola columna: separe las columnas con comas o con puntos y coma)"
    )
    assert clients.count_clients(ctx, "") == 1


def test_a_file_that_is_not_utf8_reads_spanish(
    spanish: str, ctx: ServiceContext, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "clientes.csv"
    path.write_bytes("chart_number,given_name,family_name\nT-009,Iñigo,Peña\n".encode("cp1252"))
    dialog = ImportDialog(ctx.as_actor(ADMIN))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "UTF-8" in dialog.status.text())
    assert dialog.status.text() == (
        "clientes.csv: no es texto UTF-8 (byte 44); guarde el archivo como «CSV UTF-8» o "
        "elija Latin-1 / Windows como codificación del texto"
    )
    assert clients.count_clients(ctx, "") == 0
