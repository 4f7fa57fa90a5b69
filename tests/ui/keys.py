"""Keyboard helpers for GUI tests: type into whatever has focus, Tab until a widget has it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def focused() -> QWidget:
    """The widget with keyboard focus (fails the test if none)."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def type_text(qtbot: QtBot, text: str) -> None:
    """Types each character into the focused widget (which may change, e.g. a cell editor)."""
    for ch in text:
        qtbot.keyClick(focused(), ch)


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Presses one key on the focused widget."""
    qtbot.keyClick(focused(), key, modifier)


def enter_cells(qtbot: QtBot, values: list[str], key: Qt.Key = Qt.Key.Key_Tab) -> None:
    """Types each value and moves on with Tab (or Enter), as fast as keys go, then waits until
    the editors' grids have stored them (their saves run off the UI thread)."""
    for value in values:
        type_text(qtbot, value)
        press(qtbot, key)
    saves_done(qtbot)


def saves_done(qtbot: QtBot) -> None:
    """Waits until every open assessment editor's queued grid saves are answered."""
    from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor

    editors = [w for w in QApplication.topLevelWidgets() if isinstance(w, AssessmentEditor)]
    qtbot.waitUntil(lambda: not any(e.entries.saves.busy for e in editors), timeout=10_000)


def tab_to(qtbot: QtBot, target: QWidget, limit: int = 80) -> None:
    """Presses Tab until the target (or its cell editor) has focus."""
    for _ in range(limit):
        widget = focused()
        if widget is target or target.isAncestorOf(widget):
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.accessibleName() or target}")
