"""The Lower Extremity Functional Scale: 20 items answered 0–4, with a live total."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QSpinBox

from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP

LEFS_ITEMS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("LefsPanel", "Usual work, housework or school activities"),
    QT_TRANSLATE_NOOP("LefsPanel", "Usual hobbies, recreational or sporting activities"),
    QT_TRANSLATE_NOOP("LefsPanel", "Getting into or out of the bath"),
    QT_TRANSLATE_NOOP("LefsPanel", "Walking between rooms"),
    QT_TRANSLATE_NOOP("LefsPanel", "Putting on shoes or socks"),
    QT_TRANSLATE_NOOP("LefsPanel", "Squatting"),
    str(
        QT_TRANSLATE_NOOP("LefsPanel", "Lifting an object, like a bag of groceries, from the floor")
    ),
    QT_TRANSLATE_NOOP("LefsPanel", "Light activities around the home"),
    QT_TRANSLATE_NOOP("LefsPanel", "Heavy activities around the home"),
    QT_TRANSLATE_NOOP("LefsPanel", "Getting into or out of a car"),
    QT_TRANSLATE_NOOP("LefsPanel", "Walking 2 blocks"),
    QT_TRANSLATE_NOOP("LefsPanel", "Walking a mile"),
    QT_TRANSLATE_NOOP("LefsPanel", "Going up or down 10 stairs"),
    QT_TRANSLATE_NOOP("LefsPanel", "Standing for 1 hour"),
    QT_TRANSLATE_NOOP("LefsPanel", "Sitting for 1 hour"),
    QT_TRANSLATE_NOOP("LefsPanel", "Running on even ground"),
    QT_TRANSLATE_NOOP("LefsPanel", "Running on uneven ground"),
    QT_TRANSLATE_NOOP("LefsPanel", "Making sharp turns while running fast"),
    QT_TRANSLATE_NOOP("LefsPanel", "Hopping"),
    QT_TRANSLATE_NOOP("LefsPanel", "Rolling over in bed"),
)
UNANSWERED = -1
MAX_ANSWER = 4


class AnswerBox(QSpinBox):
    """One item's answer, 0–4 (— unanswered), that says why it refuses a key instead of
    ignoring it (a spin box otherwise drops a 7 without a word)."""

    refused = Signal(str)  # what was typed

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        result = super().validate(text, pos)  # PySide6: (state, text, pos)
        if result[0] == QValidator.State.Invalid:
            self.refused.emit(text.replace(self.specialValueText(), "").strip())
        return result


class LefsPanel(QGroupBox):
    """Twenty spin boxes (— until answered) and the total, shown as soon as all are answered."""

    answers_edited = Signal(object)  # tuple of 20 answers (None = unanswered)
    refused = Signal(str)  # why a typed answer was not taken

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("LEFS (0 = extreme difficulty or unable … 4 = no difficulty)"))
        self.setAccessibleName("LEFS")
        self.items: list[QSpinBox] = []
        self._loading = False
        grid = QGridLayout(self)
        half = (len(LEFS_ITEMS) + 1) // 2
        for number, english in enumerate(LEFS_ITEMS, start=1):
            text = QCoreApplication.translate("LefsPanel", english)
            spin = AnswerBox()
            spin.setRange(UNANSWERED, MAX_ANSWER)
            spin.setSpecialValueText("—")
            spin.setValue(UNANSWERED)
            spin.setAccessibleName(
                self.tr("LEFS item {number}: {text}").format(number=number, text=text)
            )
            spin.valueChanged.connect(self._edited)
            spin.refused.connect(lambda typed, n=number: self._refused(n, typed))
            label = QLabel(f"{number}. {text}")
            label.setBuddy(spin)
            label.setWordWrap(True)  # a longer language wraps rather than widening the page
            row, col = (number - 1) % half, ((number - 1) // half) * 2
            grid.addWidget(label, row, col)
            grid.addWidget(spin, row, col + 1)
            self.items.append(spin)
        grid.setColumnStretch(0, 1)  # the items take the room; the answers stay narrow
        grid.setColumnStretch(2, 1)
        self.total = QLabel()
        self.total.setAccessibleName(self.tr("LEFS total"))
        grid.addWidget(self.total, half, 0, 1, 4)
        self.show_answers((None,) * len(LEFS_ITEMS))

    def answers(self) -> tuple[int | None, ...]:
        """The answers as shown (None for an unanswered item)."""
        return tuple(None if s.value() == UNANSWERED else s.value() for s in self.items)

    def show_answers(self, answers: Sequence[int | None]) -> None:
        """Shows saved answers without reporting an edit."""
        self._loading = True
        try:
            padded = list(answers) + [None] * (len(self.items) - len(answers))
            for spin, answer in zip(self.items, padded, strict=True):
                spin.setValue(UNANSWERED if answer is None else answer)
        finally:
            self._loading = False
        self._show_total()

    def set_read_only(self, read_only: bool) -> None:
        """Locks the items (a signed assessment); they stay reachable by keyboard."""
        for spin in self.items:
            spin.setReadOnly(read_only)

    def _refused(self, number: int, typed: str) -> None:
        if self.items[number - 1].isReadOnly():
            return
        if typed.lstrip("-").isdigit():
            why = self.tr("{typed} is outside 0–{top}").format(typed=typed, top=MAX_ANSWER)
        else:
            why = self.tr("{typed} is not an answer; type 0–{top}").format(
                typed=repr(typed), top=MAX_ANSWER
            )
        self.refused.emit(
            self.tr(
                "LEFS item {number}: {why} (0 = extreme difficulty … 4 = no difficulty) "
                "— not stored"
            ).format(number=number, why=why)
        )

    def _show_total(self) -> None:
        answers = self.answers()
        answered = [a for a in answers if a is not None]
        if len(answered) == len(answers):
            self.total.setText(
                self.tr("<b>LEFS total: {total} / 80</b>").format(total=sum(answered))
            )
        else:
            self.total.setText(
                self.tr(
                    "LEFS total: — ({answered} of {items} items answered; running sum {sum})"
                ).format(answered=len(answered), items=len(answers), sum=sum(answered))
            )

    def _edited(self) -> None:
        self._show_total()
        if not self._loading:
            self.answers_edited.emit(self.answers())
