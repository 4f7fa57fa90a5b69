"""The scores the editor computes from the values typed: the Y-balance composite and the
movement screen's total, in labels under their grids, and each screen test's final score."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from mobileathlete_desktop.domain.catalogue import Catalogue, Measure
from mobileathlete_desktop.domain.records import AssessmentRecord
from mobileathlete_desktop.domain.scoring import (
    FMS_CLEARING,
    FMS_TESTS,
    fms_scores,
    fms_total,
    ybalance_composite_for,
)
from mobileathlete_desktop.ui.measure_grid.markers import side_words


class ComputedScores:
    """The composite and total labels, and the screen's final scores of the record shown."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.composite_label = QLabel()
        self.composite_label.setAccessibleName(
            QCoreApplication.translate("AssessmentEditor", "Y-balance composite")
        )
        self.fms_total_label = QLabel()
        self.fms_total_label.setAccessibleName(
            QCoreApplication.translate("AssessmentEditor", "Movement screen total")
        )
        self._fms_final: dict[str, int | None] = {}
        self._fms_clearing: dict[str, float | None] = {}

    def show(self, record: AssessmentRecord) -> None:
        """Shows the Y-balance composite and movement screen total of the record."""
        parts = []
        for side in ("left", "right"):
            value = ybalance_composite_for(record, side)
            words = side_words(side)
            parts.append(f"{words} {value:g} %" if value is not None else f"{words} —")
        self.composite_label.setText(
            QCoreApplication.translate(
                "AssessmentEditor",
                "Y-balance composite ((A + PM + PL) / (3 × limb length) × 100): {sides}",
            ).format(sides=" · ".join(parts))
        )
        bilateral = {m.code: m.bilateral for m in self.catalogue}
        self._fms_final = dict(fms_scores(record, bilateral))
        self._fms_clearing = {
            code: max(
                (v for s in ("none", "left", "right") if (v := record.value(code, s)) is not None),
                default=None,
            )
            for code in FMS_CLEARING
        }
        total = fms_total(self._fms_final)
        scored = sum(1 for t in FMS_TESTS if self._fms_final.get(t) is not None)
        self.fms_total_label.setText(
            QCoreApplication.translate(
                "AssessmentEditor", "<b>Movement screen total: {total} / 21</b>"
            ).format(total=total)
            if total is not None
            else QCoreApplication.translate(
                "AssessmentEditor", "Movement screen total: — ({scored} of {tests} tests scored)"
            ).format(scored=scored, tests=len(FMS_TESTS))
        )

    def final_text(self, measure: Measure, lang: str) -> str:
        """A movement screen test's final score as its grid's info column says it (a
        clearing test: positive or negative, naming the test it zeroes)."""
        if measure.code in FMS_CLEARING:
            linked = self.catalogue.get(FMS_CLEARING[measure.code])
            name = linked.label_in(lang) if linked else FMS_CLEARING[measure.code]
            result = self._fms_clearing.get(measure.code)
            if result is None:
                return "—"
            if result >= 1:
                return QCoreApplication.translate(
                    "AssessmentEditor", "positive: {test} scores 0"
                ).format(test=name)
            return QCoreApplication.translate("AssessmentEditor", "negative", "clearing test")
        score = self._fms_final.get(measure.code)
        if score is None:
            return "—"
        if measure.bilateral:
            return QCoreApplication.translate("AssessmentEditor", "{score} (lower side)").format(
                score=score
            )
        return str(score)
