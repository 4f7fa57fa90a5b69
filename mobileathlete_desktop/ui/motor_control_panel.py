"""Motor-control tests (single-leg squat, step-down): faults seen and a rating, per side."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop.domain.catalogue import Measure, Side
from mobileathlete_desktop.domain.records import FindingRecord
from mobileathlete_desktop.support.languages import language_code
from mobileathlete_desktop.ui import focus_chain
from mobileathlete_desktop.ui.built_when_shown import BuiltWhenShown
from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP

NO_RATING = ""  # the rating box's first item: no rating stored
# The catalogue's ratings are stored in English; the box shows them in the window's language.
RATING_WORDS = {
    "good": QT_TRANSLATE_NOOP("MotorControlPanel", "good"),
    "fair": QT_TRANSLATE_NOOP("MotorControlPanel", "fair"),
    "poor": QT_TRANSLATE_NOOP("MotorControlPanel", "poor"),
}
# A rating walked through with the arrow keys is saved once the therapist stops on it: when
# the box loses focus, or after this pause (so a rating left in a focused box is kept too).
RATING_SAVE_DELAY_MS = 1500


def with_mnemonic(text: str, taken: set[str]) -> str:
    """The text with '&' before its first letter not in `taken` (which then takes it);
    unchanged when every letter is taken."""
    for position, char in enumerate(text):
        letter = char.lower()
        if letter.isalpha() and letter.isascii() and letter not in taken:
            taken.add(letter)
            return text[:position] + "&" + text[position:]
    return text


def mnemonic_letters(texts: Iterable[str]) -> set[str]:
    """The Alt-letters ('&' followed by a letter; '&&' is a plain ampersand) in the texts."""
    letters = set()
    for text in texts:
        plain = text.replace("&&", "")
        at = plain.find("&")
        if 0 <= at < len(plain) - 1:
            letters.add(plain[at + 1].lower())
    return letters


class MotorControlPanel(BuiltWhenShown, QWidget):
    """Check-boxes for each fault and a rating combo, per test and side.

    Each test's box has its own Alt-letter (avoiding the letters in `taken`, those of the
    window around it). A fault is saved when ticked; a rating when the therapist settles on
    it, not at every value the arrow keys pass through.
    """

    finding_edited = Signal(object)  # FindingRecord as now shown

    def __init__(self, tests: Sequence[Measure], taken: Iterable[str] = ()) -> None:
        super().__init__()
        self.tests = list(tests)
        self._loading = False
        self._pending: dict[QComboBox, tuple[Measure, Side]] = {}
        self._timer = QTimer(self, singleShot=True, interval=RATING_SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        # The Alt-letters are chosen now, against the window's letters as they are now.
        letters = {letter.lower() for letter in taken}
        self._lang = language_code(QLocale().name())
        self._titles = [with_mnemonic(t.label_in(self._lang), letters) for t in self.tests]
        self._shown: dict[tuple[str, Side], FindingRecord] = {}
        self._read_only = False
        self._built = False

    # -- built when first shown ------------------------------------------------------------

    def build(self) -> None:
        """Makes a box per test, with the findings shown and the lock set so far.

        The motor control tab is never the one the editor opens on: its 40-odd check-boxes
        and combos made in the turn after the window (motor_control_panel __init__ in the
        workday's 99 ms stall on PostgreSQL) are made when it first shows, or when anything
        of it is asked for (a finding, a test)."""
        if self._built:
            return
        self._built = True
        self.faults: dict[tuple[str, Side, str], QCheckBox] = {}
        self.ratings: dict[tuple[str, Side], QComboBox] = {}
        self.boxes: dict[str, QGroupBox] = {}
        lang = self._lang
        sides = {"left": self.tr("Left"), "right": self.tr("Right"), "none": ""}
        made: list[QWidget] = []  # the controls in the order Tab walks them
        layout = QVBoxLayout(self)
        for test, title in zip(self.tests, self._titles, strict=True):
            label = test.label_in(lang)
            box = QGroupBox(title)
            box.setAccessibleName(label)
            self.boxes[test.code] = box
            grid = QGridLayout(box)
            for c, side in enumerate(test.sides):
                heading = QLabel(f"<b>{sides.get(side, side)}</b>")
                grid.addWidget(heading, 0, c)
                for r, fault in enumerate(test.faults, start=1):
                    check = QCheckBox(fault.label_in(lang))
                    check.setAccessibleName(
                        f"{label} {sides.get(side, side)} {fault.label_in(lang)}"
                    )
                    check.toggled.connect(lambda _on, t=test, s=side: self._edited(t, s))
                    self.faults[(test.code, side, fault.code)] = check
                    made.append(check)
                    grid.addWidget(check, r, c)
                rating = QComboBox()
                rating.addItem(self.tr("not rated"), NO_RATING)
                for value in test.ratings:
                    words = RATING_WORDS.get(value)
                    shown = (
                        QCoreApplication.translate("MotorControlPanel", words) if words else value
                    )
                    rating.addItem(shown, value)
                rating.setAccessibleName(
                    self.tr("{test} {side} rating").format(test=label, side=sides.get(side, side))
                )
                rating.currentIndexChanged.connect(
                    lambda _i, t=test, s=side, box=rating: self._rating_changed(box, t, s)
                )
                rating.installEventFilter(self)
                self.ratings[(test.code, side)] = rating
                made.append(rating)
                grid.addWidget(rating, len(test.faults) + 1, c)
            layout.addWidget(box)
        layout.addStretch(1)
        focus_chain.in_place(self, made)  # in the Tab order where made with the panel
        for finding in list(self._shown.values()):
            self.show_finding(finding)
        self.set_read_only(self._read_only)
        if self.isVisible():  # built from showEvent: Qt would show the boxes a turn later
            for box in self.boxes.values():
                box.show()

    def finding(self, test: Measure, side: Side) -> FindingRecord:
        """What the panel shows for one test and side."""
        faults = tuple(
            f.code for f in test.faults if self.faults[(test.code, side, f.code)].isChecked()
        )
        rating = self.ratings[(test.code, side)].currentData()
        return FindingRecord(test.code, side, faults, str(rating or NO_RATING))

    def show_finding(self, finding: FindingRecord) -> None:
        """Sets the check-boxes and rating without reporting an edit."""
        self._shown[(finding.test_code, finding.side)] = finding
        if not self._built:
            return  # set when built
        self._loading = True
        try:
            for (code, side, fault), check in self.faults.items():
                if code == finding.test_code and side == finding.side:
                    check.setChecked(fault in finding.faults)
            combo = self.ratings.get((finding.test_code, finding.side))
            if combo is not None:
                self._pending.pop(combo, None)
                index = combo.findData(finding.rating) if finding.rating else 0
                combo.setCurrentIndex(max(index, 0))
        finally:
            self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        """Locks every control (a signed assessment)."""
        self._read_only = read_only
        if not self._built:
            return  # set when built
        for widget in [*self.faults.values(), *self.ratings.values()]:
            widget.setEnabled(not read_only)

    def flush(self) -> None:
        """Reports every rating changed and not yet reported (on focus-out, after a pause,
        and before the window closes or signs)."""
        self._timer.stop()
        pending, self._pending = self._pending, {}
        for test, side in pending.values():
            self.finding_edited.emit(self.finding(test, side))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched in self._pending:
            popup = isinstance(watched, QComboBox) and watched.view().isVisible()
            if not popup:  # the list opening takes the focus; the choice is still to come
                self.flush()
        return super().eventFilter(watched, event)

    def _rating_changed(self, box: QComboBox, test: Measure, side: Side) -> None:
        if self._loading:
            return
        self._pending[box] = (test, side)
        if box.hasFocus() or box.view().isVisible():
            self._timer.start()
        else:  # set from outside the box (a click elsewhere, a test): report now
            self.flush()

    def _edited(self, test: Measure, side: Side) -> None:
        if not self._loading:
            self._pending.pop(self.ratings[(test.code, side)], None)  # reported with it
            self.finding_edited.emit(self.finding(test, side))
