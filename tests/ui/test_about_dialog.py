"""The Help menu: About shows version, database and licences; Help shows where data lives."""

from __future__ import annotations

from importlib.metadata import version

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from mobileathlete_desktop import __version__
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.about_dialog import AboutDialog
from mobileathlete_desktop.ui.help_dialog import HelpDialog
from mobileathlete_desktop.ui.main_window import MainWindow


@pytest.mark.parametrize(
    "expected",
    [
        f"Mobile Athlete {__version__}",
        "LGPL v3",
        f"SQLAlchemy {version('SQLAlchemy')}",
        f"ReportLab {version('reportlab')}",
        f"matplotlib {version('matplotlib')}",
        f"argon2-cffi {version('argon2-cffi')}",
        "DejaVu",
        "/clinic/here.sqlite3",
    ],
)
def test_about_names_version_database_and_licences(qtbot: QtBot, expected: str) -> None:
    dialog = AboutDialog("/clinic/here.sqlite3")
    qtbot.addWidget(dialog)
    assert expected in dialog.text.toPlainText()


@pytest.mark.parametrize(
    ("action", "dialog_type", "expected"),
    [("about_action", AboutDialog, "Bundled software"), ("help_action", HelpDialog, "Ctrl+F")],
)
def test_help_menu_opens_the_dialogs(
    ctx: ServiceContext,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    action: str,
    dialog_type: type[QDialog],
    expected: str,
) -> None:
    shown: list[str] = []

    def fake_exec(dialog: QDialog) -> int:
        shown.append(dialog.text.toPlainText())  # type: ignore[attr-defined]
        return 0

    monkeypatch.setattr(dialog_type, "exec", fake_exec)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Help" in titles
    getattr(window, action).trigger()
    assert len(shown) == 1
    assert expected in shown[0]
    assert ctx.db.location in shown[0]


def test_help_lists_every_main_window_shortcut_and_explains_every_finding(
    window: MainWindow,
) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    from mobileathlete_desktop.ui.findings_panel import FLAG_SYMBOLS
    from mobileathlete_desktop.ui.help_dialog import help_html

    html = help_html("/somewhere/clinic.sqlite3")
    shortcuts = {
        action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        for action in window.findChildren(QAction)
        if not action.shortcut().isEmpty()
    }
    assert {"Ctrl+N", "Ctrl+Shift+P", "Ctrl+R", "Ctrl+F"} <= shortcuts
    for keys in shortcuts:
        assert keys in html, f"{keys} is not in the help"
    for symbol in FLAG_SYMBOLS.values():
        assert symbol in html
    assert "/somewhere/clinic.sqlite3" in html and "14 daily" in html
