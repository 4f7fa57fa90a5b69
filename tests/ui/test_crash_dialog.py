"""An unexpected error in the window is logged and shown once, with a report one can copy.

These tests turn off pytest-qt's own capture of exceptions in slots (which would swap
`sys.excepthook` for its own and fail the test) so that the program's hook gets them.
"""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.commands import gui
from mobileathlete_desktop.support.logs import configure_logging, shutdown_logging
from mobileathlete_desktop.ui import crash_dialog
from mobileathlete_desktop.ui.crash_dialog import CrashDialog
from mobileathlete_desktop.ui.crash_handler import CrashHandler, install_crash_handler

pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def log_file(isolated_data_dir: Path) -> Iterator[Path]:
    folder = configure_logging()
    try:
        yield folder / "mobileathlete.log"
    finally:
        shutdown_logging()


@pytest.fixture
def handler(qtbot: QtBot, log_file: Path) -> Iterator[CrashHandler]:
    hooks = sys.excepthook, threading.excepthook
    handler = install_crash_handler()
    try:
        yield handler
    finally:
        handler.uninstall()
        if handler.dialog is not None:
            handler.dialog.close()
        handler.deleteLater()
        assert (sys.excepthook, threading.excepthook) == hooks


def broken_button(qtbot: QtBot, message: str) -> QPushButton:
    button = QPushButton("Save")
    qtbot.addWidget(button)

    def save() -> None:
        raise RuntimeError(message)

    button.clicked.connect(save)
    return button


def crash_dialogs() -> list[CrashDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog)]


def test_an_error_in_a_slot_is_logged_and_shown_with_a_copyable_report(
    qtbot: QtBot, handler: CrashHandler, log_file: Path
) -> None:
    qtbot.mouseClick(broken_button(qtbot, "chart T-17 could not be drawn"), Qt.LeftButton)

    text = log_file.read_text(encoding="utf-8")
    assert "ERROR   mobileathlete_desktop.ui.crash_handler: Unhandled exception" in text
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: chart T-17 could not be drawn" in text

    dialog = handler.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.isVisible() and "Your saved work is safe" in dialog.message.text()
    report = dialog.report.toPlainText()
    assert "Traceback (most recent call last)" in report and "in save" in report
    assert dialog.report.isReadOnly()

    QApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.LeftButton)
    assert "RuntimeError: chart T-17 could not be drawn" in QApplication.clipboard().text()

    qtbot.mouseClick(dialog.close_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: handler.dialog is None)
    assert crash_dialogs() == []


def test_a_second_error_while_the_dialog_is_open_is_only_logged(
    qtbot: QtBot, handler: CrashHandler, log_file: Path
) -> None:
    qtbot.mouseClick(broken_button(qtbot, "first error"), Qt.LeftButton)
    first = handler.dialog
    assert first is not None
    qtbot.mouseClick(broken_button(qtbot, "second error"), Qt.LeftButton)
    assert handler.dialog is first and len(crash_dialogs()) == 1
    assert "first error" in first.report.toPlainText()
    assert "second error" not in first.report.toPlainText()
    text = log_file.read_text(encoding="utf-8")
    assert "RuntimeError: second error" in text
    assert "Another error while the crash dialog is open" in text


def test_an_error_while_showing_the_dialog_does_not_recurse(
    qtbot: QtBot, handler: CrashHandler, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_dialog(*_args: object) -> None:
        raise RuntimeError("the dialog itself failed")

    monkeypatch.setattr(crash_dialog, "CrashDialog", broken_dialog)
    qtbot.mouseClick(broken_button(qtbot, "the first failure"), Qt.LeftButton)
    assert handler.dialog is None
    text = log_file.read_text(encoding="utf-8")
    assert "RuntimeError: the first failure" in text
    assert "The crash dialog could not be shown" in text
    assert text.count("RuntimeError: the dialog itself failed") == 1


def test_an_error_in_a_worker_thread_is_shown_by_the_gui_thread(
    qtbot: QtBot, handler: CrashHandler, log_file: Path
) -> None:
    def work() -> None:
        raise ValueError("background job failed")

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: handler.dialog is not None)
    assert handler.dialog is not None
    assert "ValueError: background job failed" in handler.dialog.report.toPlainText()
    assert "ValueError: background job failed" in log_file.read_text(encoding="utf-8")


def test_open_log_folder_opens_the_folder_the_log_is_in(
    qtbot: QtBot, handler: CrashHandler, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(broken_button(qtbot, "boom"), Qt.LeftButton)
    assert handler.dialog is not None
    qtbot.mouseClick(handler.dialog.folder_button, Qt.LeftButton)
    assert [Path(url.toLocalFile()) for url in opened] == [log_file.parent]


def test_help_menu_opens_the_log_folder(
    window: object, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.log_folder_action.trigger()  # type: ignore[attr-defined]
    assert [Path(url.toLocalFile()) for url in opened] == [log_file.parent]


def test_opening_the_window_installs_the_crash_handler(
    qtbot: QtBot, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[object] = []

    def run_window(args: object, app: object, start_up: gui.StartUp) -> int:
        start_up.finish()  # as the sign-in's first frame does (tests/commands/test_gui_start_up)
        seen.append(sys.excepthook)
        return 0

    monkeypatch.setattr(gui, "_run_window", run_window)
    before = sys.excepthook
    assert gui.run_gui(argparse.Namespace(db=None, demo=False, user=None)) == 0
    [hook] = seen
    assert getattr(hook, "__self__", None).__class__ is CrashHandler
    assert sys.excepthook is before  # put back when the window closes
