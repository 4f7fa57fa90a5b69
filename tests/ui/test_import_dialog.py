"""The Import dialog: preview off the UI thread, errors by line, import, and a refreshed list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.import_dialog import ImportDialog
from mobileathlete_desktop.ui.main_window import MainWindow

GOOD = (
    "chart_number,given_name,family_name,sex\nT-001,Testa,Runnerton,f\nT-002,Probe,Striderson,m\n"
)


@pytest.fixture
def dialog(admin_ctx: ServiceContext, qtbot: QtBot) -> ImportDialog:
    d = ImportDialog(admin_ctx)
    qtbot.addWidget(d)
    d.show()
    return d


def cells(d: ImportDialog) -> list[list[str]]:
    m = d.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_preview_lists_changes_and_import_stores_them(
    dialog: ImportDialog,
    ctx: ServiceContext,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "clients.csv"
    path.write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(ImportDialog, "ask_file", classmethod(lambda cls, parent: str(path)))
    dialog.choose_file()
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.import_button.isEnabled)
    assert cells(dialog) == [
        ["2", "T-001", "new client", "", "Runnerton, Testa"],
        ["3", "T-002", "new client", "", "Striderson, Probe"],
    ]
    assert "Would import 2 rows" in dialog.status.text()
    assert clients.search_clients(ctx) == []
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert [c.chart_number for c in clients.search_clients(ctx)] == ["T-001", "T-002"]
    assert not dialog.import_button.isEnabled()  # no second import of the same preview


def test_a_bad_file_shows_every_problem_and_cannot_be_imported(
    dialog: ImportDialog, ctx: ServiceContext, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "clients.csv"
    path.write_text(
        "chart_number,given_name,family_name,date_of_birth\n"
        "T-001,Testa,Runnerton,03/04/1990\nT-001,Probe,Striderson,\n",
        encoding="utf-8",
    )
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "nothing was imported" in dialog.status.text())
    rows = cells(dialog)
    assert rows[0][0] == "2" and "ambiguous" in rows[0][1]
    assert rows[1] == ["3", "chart number T-001 is also on line 2"]
    assert not dialog.import_button.isEnabled()
    assert clients.search_clients(ctx) == []


def test_changing_the_file_after_a_preview_asks_for_a_new_one(
    dialog: ImportDialog, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "clients.csv"
    path.write_text(GOOD, encoding="utf-8")
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.import_button.isEnabled)
    qtbot.keyClicks(dialog.path, "x")
    assert not dialog.import_button.isEnabled()
    assert "Preview again" in dialog.status.text()


def test_file_menu_opens_the_dialog_and_the_list_refreshes(
    admin_ctx: ServiceContext, qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow(admin_ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == 0
    window.import_action.trigger()
    dialog = window.import_dialog
    path = tmp_path / "clients.csv"
    path.write_text(GOOD, encoding="utf-8")
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.import_button.isEnabled)
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    dialog.close()
