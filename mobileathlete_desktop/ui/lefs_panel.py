"""The Lower Extremity Functional Scale: 20 items answered 0–4, with a live total."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QSpinBox

LEFS_ITEMS: tuple[str, ...] = (
    "Usual work, housework or school activities",
    "Usual hobbies, recreational or sporting activities",
    "Getting into or out of the bath",
    "Walking between rooms",
    "Putting on shoes or socks",
    "Squatting",
    "Lifting an object, like a bag of groceries, from the floor",
    "Light activities around the home",
    "Heavy activities around the home",
    "Getting into or out of a car",
    "Walking 2 blocks",
    "Walking a mile",
    "Going up or down 10 stairs",
    "Standing for 1 hour",
    "Sitting for 1 hour",
    "Running on even ground",
    "Running on uneven ground",
    "Making sharp turns while running fast",
    "Hopping",
    "Rolling over in bed",
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
        super().__init__("LEFS (0 = extreme difficulty or unable … 4 = no difficulty)")
        self.setAccessibleName("LEFS")
        self.items: list[QSpinBox] = []
        self._loading = False
        grid = QGridLayout(self)
        half = (len(LEFS_ITEMS) + 1) // 2
        for number, text in enumerate(LEFS_ITEMS, start=1):
            spin = AnswerBox()
            spin.setRange(UNANSWERED, MAX_ANSWER)
            spin.setSpecialValueText("—")
            spin.setValue(UNANSWERED)
            spin.setAccessibleName(f"LEFS item {number}: {text}")
            spin.valueChanged.connect(self._edited)
            spin.refused.connect(lambda typed, n=number: self._refused(n, typed))
            label = QLabel(f"{number}. {text}")
            label.setBuddy(spin)
            row, col = (number - 1) % half, ((number - 1) // half) * 2
            grid.addWidget(label, row, col)
            grid.addWidget(spin, row, col + 1)
            self.items.append(spin)
        self.total = QLabel()
        self.total.setAccessibleName("LEFS total")
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
            why = f"{typed} is outside 0–{MAX_ANSWER}"
        else:
            why = f"{typed!r} is not an answer; type 0–{MAX_ANSWER}"
        self.refused.emit(
            f"LEFS item {number}: {why} (0 = extreme difficulty … 4 = no difficulty) — not stored"
        )

    def _show_total(self) -> None:
        answers = self.answers()
        answered = [a for a in answers if a is not None]
        if len(answered) == len(answers):
            self.total.setText(f"<b>LEFS total: {sum(answered)} / 80</b>")
        else:
            self.total.setText(
                f"LEFS total: — ({len(answered)} of {len(answers)} items answered; "
                f"running sum {sum(answered)})"
            )

    def _edited(self) -> None:
        self._show_total()
        if not self._loading:
            self.answers_edited.emit(self.answers())
