"""Motor-control tests (single-leg squat, step-down): faults seen and a rating, per side."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
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

NO_RATING = "not rated"


class MotorControlPanel(QWidget):
    """Check-boxes for each fault and a rating combo, per test and side."""

    finding_edited = Signal(object)  # FindingRecord as now shown

    def __init__(self, tests: Sequence[Measure]) -> None:
        super().__init__()
        self.tests = list(tests)
        self.faults: dict[tuple[str, Side, str], QCheckBox] = {}
        self.ratings: dict[tuple[str, Side], QComboBox] = {}
        self._loading = False
        layout = QVBoxLayout(self)
        for test in self.tests:
            box = QGroupBox(test.label)
            box.setAccessibleName(test.label)
            grid = QGridLayout(box)
            for c, side in enumerate(test.sides):
                heading = QLabel(f"<b>{side.capitalize() if side != 'none' else ''}</b>")
                grid.addWidget(heading, 0, c)
                for r, fault in enumerate(test.faults, start=1):
                    check = QCheckBox(fault.label)
                    check.setAccessibleName(f"{test.label} {side} {fault.label}")
                    check.toggled.connect(lambda _on, t=test, s=side: self._edited(t, s))
                    self.faults[(test.code, side, fault.code)] = check
                    grid.addWidget(check, r, c)
                rating = QComboBox()
                rating.addItems([NO_RATING, *test.ratings])
                rating.setAccessibleName(f"{test.label} {side} rating")
                rating.currentIndexChanged.connect(lambda _i, t=test, s=side: self._edited(t, s))
                self.ratings[(test.code, side)] = rating
                grid.addWidget(rating, len(test.faults) + 1, c)
            layout.addWidget(box)
        layout.addStretch(1)

    def finding(self, test: Measure, side: Side) -> FindingRecord:
        """What the panel shows for one test and side."""
        faults = tuple(
            f.code for f in test.faults if self.faults[(test.code, side, f.code)].isChecked()
        )
        rating = self.ratings[(test.code, side)].currentText()
        return FindingRecord(test.code, side, faults, "" if rating == NO_RATING else rating)

    def show_finding(self, finding: FindingRecord) -> None:
        """Sets the check-boxes and rating without reporting an edit."""
        self._loading = True
        try:
            for (code, side, fault), check in self.faults.items():
                if code == finding.test_code and side == finding.side:
                    check.setChecked(fault in finding.faults)
            combo = self.ratings.get((finding.test_code, finding.side))
            if combo is not None:
                index = combo.findText(finding.rating) if finding.rating else 0
                combo.setCurrentIndex(max(index, 0))
        finally:
            self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        """Locks every control (a signed assessment)."""
        for widget in [*self.faults.values(), *self.ratings.values()]:
            widget.setEnabled(not read_only)

    def _edited(self, test: Measure, side: Side) -> None:
        if not self._loading:
            self.finding_edited.emit(self.finding(test, side))
