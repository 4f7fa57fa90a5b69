"""Alt-letter mnemonics a window offers at once, for tests that look for duplicates."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QTabBar,
    QTabWidget,
    QWidget,
)

_MNEMONIC = re.compile(r"&(.)")


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ("&&" is a literal ampersand), lower case."""
    for match in _MNEMONIC.finditer(text.replace("&&", "")):
        return match.group(1).lower()
    return None


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window)


def visible_mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Letter → the texts that use it among the window's shown buttons, labels, group boxes,
    tabs and menu-bar titles (what Alt+letter can reach at this moment)."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        letter = mnemonic(text)
        if letter is not None:
            found[letter].append(text)

    for button in window.findChildren(QAbstractButton):
        if _shown(button, window) and button.window() is window:
            add(button.text())
    for label in window.findChildren(QLabel):
        if _shown(label, window) and label.window() is window and label.buddy() is not None:
            add(label.text())
    for box in window.findChildren(QGroupBox):
        if _shown(box, window) and box.window() is window:
            add(box.title())
    for bar in window.findChildren(QTabBar):
        if _shown(bar, window) and bar.window() is window:
            for index in range(bar.count()):
                if bar.isTabVisible(index):
                    add(bar.tabText(index))
    if isinstance(window, QMainWindow) and window.menuBar().isVisibleTo(window):
        for action in window.menuBar().actions():
            if action.isVisible():
                add(action.text())
    return found


def duplicates(window: QWidget) -> dict[str, list[str]]:
    """The letters used more than once in the window as it is shown now."""
    return {k: v for k, v in visible_mnemonics(window).items() if len(v) > 1}


def duplicates_on_every_tab(window: QWidget) -> dict[str, list[str]]:
    """`duplicates` for each page of each tab widget in turn (pages hide each other's
    controls, so only what is shown together can clash); the current pages are restored."""
    clashes: dict[str, list[str]] = dict(duplicates(window))
    for tabs in window.findChildren(QTabWidget):
        if tabs.window() is not window:
            continue
        current = tabs.currentIndex()
        for index in range(tabs.count()):
            if tabs.isTabVisible(index):
                tabs.setCurrentIndex(index)
                QApplication.processEvents()
                for letter, texts in duplicates(window).items():
                    clashes.setdefault(letter, texts)
        tabs.setCurrentIndex(current)
    return clashes


def menu_duplicates(window: QMainWindow) -> dict[str, list[str]]:
    """Letters used twice inside one menu of the menu bar ("Menu: letter" → texts)."""
    clashes: dict[str, list[str]] = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is None:
            continue
        letters: dict[str, list[str]] = defaultdict(list)
        for action in menu.actions():  # type: ignore[attr-defined]
            letter = mnemonic(action.text())
            if action.isVisible() and letter:
                letters[letter].append(action.text())
        for letter, texts in letters.items():
            if len(texts) > 1:
                clashes[f"{top.text()}: {letter}"] = texts
    return clashes
