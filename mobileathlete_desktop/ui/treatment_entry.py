"""Pieces of the Treatment tab's entry row: the editable term boxes (a list of the kind's
terms, own words allowed) and whether a list is open under an entry widget."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox

from mobileathlete_desktop.domain.treatments import Term


def term_box() -> QComboBox:
    """An editable box listing terms, completing on any part of a word, any case."""
    box = QComboBox()
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.setMinimumContentsLength(14)
    # As wide as 14 characters, not as the longest term ("Ankle (talocrural)…"): the
    # editor must fit a 1366×768 screen at 150 % (the list drops down wider anyway).
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    completer = box.completer()
    if completer is not None:
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return box


def fill_terms(box: QComboBox, terms: tuple[Term, ...] | None, lang: str) -> None:
    """Lists `terms` in the box, keeping what was typed (emptied when the kind has none)."""
    typed = box.currentText()
    box.blockSignals(True)
    box.clear()
    for term in terms or ():
        box.addItem(term.label_in(lang), term.code)
    box.setCurrentIndex(-1)
    box.setEditText(typed if terms is not None else "")
    box.blockSignals(False)


def set_placeholder(box: QComboBox, text: str) -> None:
    """The grey hint in the box's edit field."""
    edit = box.lineEdit()
    if edit is not None:
        edit.setPlaceholderText(text)


def popup_open(widget: QObject) -> bool:
    """Whether a list is open under the entry widget (Enter then chooses from it)."""
    box = widget if isinstance(widget, QComboBox) else widget.parent()
    if isinstance(box, QComboBox):
        if box.view().isVisible():
            return True
        completer = box.completer()
        popup = completer.popup() if completer is not None else None
        return popup is not None and popup.isVisible()
    return False
