"""The Treatment tab's entry row: one line of boxes for a treatment (the kind's terms
offered, own words allowed), read as a checked entry or filled from a stored one to change it;
and whether a list is open under an entry widget (Enter then chooses from it)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from mobileathlete_desktop.domain.treatments import (
    GRADES,
    KIND_TERMS,
    METHOD_TERMS,
    SITE_TERMS,
    Term,
    TreatmentEntry,
    TreatmentKind,
    TreatmentRecord,
    checked,
    method_label,
    parse_grade,
    parse_minutes,
    side_label,
    site_label,
    term_code,
)
from mobileathlete_desktop.ui.measure_grid.markers import window_lang


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


class TreatmentEntryRow(QWidget):
    """The entry row: kind, joint or region, direction or technique, grade, side, minutes and
    note, with the button that adds (or saves a change) and the one that cancels a change.

    It offers the chosen kind's terms, reads what was typed as a checked TreatmentEntry, and
    takes a stored treatment back in to change it; saving is the panel's (ui.treatment_panel).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.read_only = False
        lang = window_lang()

        self.kind = QComboBox()
        for term in KIND_TERMS:
            self.kind.addItem(term.label_in(lang), term.code)
        self.site = term_box()
        self.method = term_box()
        self.grade = QComboBox()
        self.grade.addItem("—", None)
        for number, roman in GRADES.items():
            self.grade.addItem(roman, number)
        self.side = QComboBox()
        for code in ("none", "left", "right", "both"):
            self.side.addItem(side_label(code, lang) or "—", code)
        self.minutes = QLineEdit()
        self.minutes.setPlaceholderText(self.tr("min"))
        self.minutes.setMaximumWidth(70)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.add_button = QPushButton(self.tr("Add"))
        self.cancel_button = QPushButton(self.tr("Cancel change"))
        self.cancel_button.hide()
        names = (
            (self.kind, self.tr("Kind of treatment")),
            (self.site, self.tr("Joint or region")),
            (self.method, self.tr("Direction, technique, what was trained or cue")),
            (self.grade, self.tr("Grade (Maitland I–V)")),
            (self.side, self.tr("Side")),
            (self.minutes, self.tr("Minutes")),
            (self.note, self.tr("Note")),
        )
        for widget, name in names:
            widget.setAccessibleName(name)
            widget.setToolTip(name)
        self.entry_widgets: list[QWidget] = [w for w, _ in names]

        row = QGridLayout(self)
        row.setContentsMargins(0, 0, 0, 0)  # laid out as if the panel's own lines
        headings = (
            self.tr("Kind"),
            self.tr("Joint / region"),
            self.tr("Direction / technique / cue"),
            self.tr("Grade"),
            self.tr("Side"),
            self.tr("Minutes"),
            self.tr("Note"),
        )
        # Kind, where and how on one line; grade, side and minutes under the kind, the note
        # beside them with the button that adds (or saves a change): narrow enough for a
        # 1366×768 screen at 150 %.
        small = QGridLayout()
        small.setContentsMargins(0, 0, 0, 0)
        for column, (heading, (field, _)) in enumerate(zip(headings, names, strict=True)):
            label = QLabel(heading)
            label.setBuddy(field)
            if column < 3:  # kind, joint/region, direction/technique/cue
                row.addWidget(label, 0, column)
                row.addWidget(field, 1, column)
            elif column < 6:  # grade, side, minutes
                small.addWidget(label, 0, column - 3)
                small.addWidget(field, 1, column - 3)
            else:  # the note
                row.addWidget(label, 2, 1)
                row.addWidget(field, 3, 1)
        row.addLayout(small, 2, 0, 2, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.cancel_button)
        row.addLayout(buttons, 3, 2)
        row.setColumnStretch(0, 2)
        row.setColumnStretch(1, 3)
        row.setColumnStretch(2, 3)

        self.kind.currentIndexChanged.connect(lambda _i: self.kind_chosen())
        self.kind_chosen()

    def set_read_only(self, read_only: bool) -> None:
        """Disables the row for a signed visit (enables it again for a draft)."""
        self.read_only = read_only
        for widget in [*self.entry_widgets, self.add_button]:
            widget.setEnabled(not read_only)
        self.kind_chosen()

    def _kind(self) -> TreatmentKind:
        return str(self.kind.currentData())  # type: ignore[return-value]

    def kind_chosen(self) -> None:
        """Offers the chosen kind's joints or regions and its directions, techniques, what
        may be trained or cues (own words may be typed too); a grade only for mobilisation."""
        kind, lang = self._kind(), window_lang()
        fill_terms(self.site, SITE_TERMS.get(kind), lang)
        fill_terms(self.method, METHOD_TERMS.get(kind), lang)
        site_words = {
            "mobilisation": self.tr("Joint"),
            "soft_tissue": self.tr("Region"),
            "other": self.tr("What"),
        }
        method_words = {
            "mobilisation": self.tr("Direction (optional)"),
            "soft_tissue": self.tr("Technique"),
            "neuromuscular": self.tr("What was trained"),
            "cue": self.tr("Cue"),
            "other": self.tr("How"),
        }
        set_placeholder(self.site, site_words.get(kind, ""))
        set_placeholder(self.method, method_words.get(kind, ""))
        self.site.setEnabled(not self.read_only and SITE_TERMS.get(kind) is not None)
        self.grade.setEnabled(not self.read_only and kind == "mobilisation")
        if kind != "mobilisation":
            self.grade.setCurrentIndex(0)

    def _typed_term(self, box: QComboBox, terms: tuple[Term, ...] | None) -> str:
        text = box.currentText()
        if terms is None or not text.strip():
            return ""
        return term_code(terms, text)

    def entry(self) -> TreatmentEntry:
        """What the entry row holds, checked (InvalidTreatment says what is wrong, in the
        window's language)."""
        lang = window_lang()
        kind = self._kind()
        grade = self.grade.currentData()
        entry = TreatmentEntry(
            kind=kind,
            site=self._typed_term(self.site, SITE_TERMS.get(kind)),
            method=self._typed_term(self.method, METHOD_TERMS.get(kind)),
            grade=parse_grade(str(grade), lang) if grade is not None else None,
            side=str(self.side.currentData()),  # type: ignore[arg-type]
            minutes=parse_minutes(self.minutes.text(), lang),
            note=self.note.text(),
        )
        return checked(entry, lang)

    def typed(self) -> bool:
        """Whether anything is typed in the row (a kind alone is not a treatment)."""
        texts = (self.site.currentText(), self.method.currentText(), self.minutes.text())
        return any(t.strip() for t in (*texts, self.note.text()))

    def clear_details(self) -> None:
        """Empties everything but the kind."""
        for box in (self.site, self.method):
            box.setCurrentIndex(-1)
            box.setEditText("")
        self.grade.setCurrentIndex(0)
        self.side.setCurrentIndex(0)
        self.minutes.clear()
        self.note.clear()

    def load(self, chosen: TreatmentRecord) -> None:
        """Shows a stored treatment in the row, to change it."""
        self.kind.setCurrentIndex(max(self.kind.findData(chosen.kind), 0))
        self.kind_chosen()
        lang = window_lang()
        self.site.setEditText(site_label(chosen.kind, chosen.site, lang) if chosen.site else "")
        self.method.setEditText(
            method_label(chosen.kind, chosen.method, lang) if chosen.method else ""
        )
        self.grade.setCurrentIndex(max(self.grade.findData(chosen.grade), 0))
        self.side.setCurrentIndex(max(self.side.findData(chosen.side), 0))
        self.minutes.setText("" if chosen.minutes is None else str(chosen.minutes))
        self.note.setText(chosen.note)

    def show_editing(self, changing: bool) -> None:
        """The buttons for adding a treatment, or for saving (or cancelling) a change."""
        self.add_button.setText(self.tr("Save change") if changing else self.tr("Add"))
        self.cancel_button.setVisible(changing)
