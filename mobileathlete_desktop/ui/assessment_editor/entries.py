"""What the therapist types in the editor, saved at once through the assessment service:
values, painful marks, motor control findings, LEFS, PSFS and notes, each undoable. The
grid's values and painful marks are saved off the UI thread, in the order typed
(grid_entries.GridEntries); the panels' entries here, on the UI thread."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer

from mobileathlete_desktop.domain.records import AssessmentRecord, FindingRecord
from mobileathlete_desktop.services import assessments as assessment_service
from mobileathlete_desktop.services.assessments import PsfsOffer
from mobileathlete_desktop.services.context import ConflictError, InputError
from mobileathlete_desktop.services.session import DatabaseError
from mobileathlete_desktop.ui.assessment_commands import SavedChange
from mobileathlete_desktop.ui.assessment_editor.grid_entries import GridEntries, not_stored
from mobileathlete_desktop.ui.measure_grid.markers import side_words, window_lang
from mobileathlete_desktop.ui.refusals import refusal_text

if TYPE_CHECKING:
    from mobileathlete_desktop.ui.assessment_editor.window import AssessmentEditor

NOTES_SAVE_DELAY_MS = 600


class EditorEntries(GridEntries):
    """Saves each entry of the editor's parts as it is made, and puts it on the undo stack:
    the grids' (GridEntries) and the panels' (findings, LEFS, PSFS, notes)."""

    def __init__(self, editor: AssessmentEditor) -> None:
        super().__init__(editor)
        self.notes_saved = ""
        self.psfs_offer_read: tuple[int, PsfsOffer | None] | None = None
        """The PSFS offer read with the opening (off the UI thread), for its visit, once."""
        self.notes_timer = QTimer(editor, singleShot=True, interval=NOTES_SAVE_DELAY_MS)
        self.notes_timer.timeout.connect(self.save_notes)

    # -- findings, LEFS, PSFS, notes -------------------------------------------------------

    def finding_edited(self, finding: FindingRecord) -> None:
        """Saves a motor control test's faults and rating."""
        before = next(
            (
                f
                for f in self.editor.record.findings
                if f.test_code == finding.test_code and f.side == finding.side
            ),
            FindingRecord(finding.test_code, finding.side),
        )
        if self._save_finding(finding):
            self.editor.undo_stack.push(
                SavedChange(
                    QCoreApplication.translate("AssessmentEditor", "finding"),
                    before,
                    finding,
                    self._apply_finding,
                )
            )

    def _apply_finding(self, finding: object) -> bool:
        assert isinstance(finding, FindingRecord)
        motor = self.editor.parts.motor
        if motor is not None:
            motor.show_finding(finding)
        return self._save_finding(finding)

    def _save_finding(self, finding: FindingRecord) -> bool:
        editor = self.editor
        seen = next(
            (
                (tuple(f.faults), f.rating)
                for f in editor.record.findings
                if (f.test_code, f.side) == (finding.test_code, finding.side)
            ),
            ((), ""),
        )
        try:
            assessment_service.set_finding(
                self.ctx,
                editor.assessment_id,
                finding.test_code,
                finding.side,
                faults=finding.faults,
                rating=finding.rating,
                expected=seen,
            )
        except (InputError, PermissionError) as exc:
            editor.say(not_stored(refusal_text(exc)), error=True)
            return False
        except (ConflictError, DatabaseError) as exc:
            editor.say(not_stored(exc), error=True)
            return False
        others = [
            f
            for f in editor.record.findings
            if (f.test_code, f.side) != (finding.test_code, finding.side)
        ]
        editor.record = _with_findings(editor.record, (*others, finding))
        test = self.ctx.catalogue[finding.test_code]
        lang = window_lang()
        names = {f.code: f.label_in(lang) for f in test.faults}
        faults = ", ".join(names.get(code, code) for code in finding.faults)
        where = " ".join(p for p in (test.label_in(lang), side_words(finding.side)) if p)
        editor.say(
            QCoreApplication.translate("AssessmentEditor", "Saved {test}: {faults}").format(
                test=where,
                faults=faults or QCoreApplication.translate("AssessmentEditor", "no faults"),
            )
        )
        self._saved()
        return True

    def lefs_edited(self, answers: tuple[int | None, ...]) -> None:
        """Saves the LEFS answers."""
        stored = next((o for o in self.editor.record.outcomes if o.instrument == "lefs"), None)
        before = stored.answers if stored else (None,) * len(answers)
        if self._save_lefs(answers):
            self.editor.undo_stack.push(SavedChange("LEFS", before, answers, self._apply_lefs))

    def _apply_lefs(self, answers: object) -> bool:
        assert isinstance(answers, tuple)
        lefs = self.editor.parts.lefs
        if lefs is not None:
            lefs.show_answers(answers)
        return self._save_lefs(answers)

    def _save_lefs(self, answers: tuple[int | None, ...]) -> bool:
        editor = self.editor
        stored = next((o for o in editor.record.outcomes if o.instrument == "lefs"), None)
        try:
            outcome = assessment_service.set_lefs_answers(
                self.ctx,
                editor.assessment_id,
                list(answers),
                expected=stored.answers if stored else (),
            )
        except (InputError, PermissionError) as exc:
            editor.say(not_stored(refusal_text(exc)), error=True)
            return False
        except (ConflictError, DatabaseError) as exc:
            editor.say(not_stored(exc), error=True)
            return False
        others = [o for o in editor.record.outcomes if o.instrument != "lefs"]
        editor.record = _with_outcomes(editor.record, (*others, outcome))
        editor.say(QCoreApplication.translate("AssessmentEditor", "Saved LEFS answers"))
        self._saved()
        return True

    def show_psfs(self) -> None:
        """Shows the saved PSFS, or offers last visit's activities on a new draft."""
        editor = self.editor
        psfs = editor.parts.psfs
        assert psfs is not None
        saved = next((o for o in editor.record.outcomes if o.instrument == "psfs"), None)
        offer = None
        read, self.psfs_offer_read = self.psfs_offer_read, None
        if saved is None and not editor.read_only:
            offer = (
                read[1]
                if read is not None and read[0] == editor.assessment_id
                else assessment_service.psfs_offer(self.ctx, editor.assessment_id)
            )
        if offer is not None:
            psfs.show_psfs(offer.activities, (), offered_from=offer.visit.isoformat())
        else:
            psfs.show_psfs(saved.labels if saved else (), saved.answers if saved else ())

    def psfs_edited(self, activities: tuple[str, ...], ratings: tuple[int | None, ...]) -> None:
        """Saves the PSFS activities and ratings."""
        stored = next((o for o in self.editor.record.outcomes if o.instrument == "psfs"), None)
        before = (stored.labels, stored.answers) if stored else ((), ())
        if self._save_psfs((activities, ratings)):
            self.editor.undo_stack.push(
                SavedChange("PSFS", before, (activities, ratings), self._apply_psfs)
            )

    def _apply_psfs(self, entry: object) -> bool:
        assert isinstance(entry, tuple)
        psfs = self.editor.parts.psfs
        if psfs is not None:
            psfs.show_psfs(*entry)
        return self._save_psfs(entry)

    def _save_psfs(self, entry: tuple[Any, ...]) -> bool:
        editor = self.editor
        psfs = editor.parts.psfs
        activities, ratings = entry
        stored = next((o for o in editor.record.outcomes if o.instrument == "psfs"), None)
        try:
            outcome = assessment_service.set_psfs(
                self.ctx,
                editor.assessment_id,
                list(activities),
                list(ratings),
                expected=(stored.labels, stored.answers) if stored else ((), ()),
            )
        except (InputError, PermissionError, ConflictError, DatabaseError) as exc:
            editor.say(not_stored(refusal_text(exc)), error=True)
            return False
        others = [o for o in editor.record.outcomes if o.instrument != "psfs"]
        editor.record = _with_outcomes(editor.record, (*others, outcome))
        if psfs is not None:
            psfs.mark_saved(outcome.labels, outcome.answers)
        average = psfs.average_value() if psfs is not None else None
        if average is not None:
            editor.say(
                QCoreApplication.translate(
                    "AssessmentEditor", "Saved PSFS: average {average} of {count} activities"
                ).format(average=f"{average:g}", count=len(outcome.labels))
            )
        else:
            rated = sum(r is not None for r in outcome.answers)
            editor.say(
                QCoreApplication.translate(
                    "AssessmentEditor",
                    "Saved PSFS ({named} activities named, {rated} rated): "
                    "no average until 3–5 activities are named and rated",
                ).format(named=len(outcome.labels), rated=rated)
            )
        self._saved()
        return True

    def save_notes(self) -> None:
        """Saves the notes if they changed since the last save."""
        editor = self.editor
        self.notes_timer.stop()
        text = editor.parts.notes.toPlainText()
        if text == self.notes_saved or editor.read_only:
            return
        try:
            assessment_service.set_notes(
                self.ctx, editor.assessment_id, text, expected=self.notes_saved
            )
        except (InputError, PermissionError) as exc:
            editor.say(not_stored(refusal_text(exc)), error=True)
            return
        except (ConflictError, DatabaseError) as exc:
            # The typed notes stay in the box; saved again (or refused again) at the next edit.
            editor.say(not_stored(exc), error=True)
            return
        self.notes_saved = text
        editor.say(QCoreApplication.translate("AssessmentEditor", "Saved notes"))
        self._saved()


def _with_findings(
    record: AssessmentRecord, findings: tuple[FindingRecord, ...]
) -> AssessmentRecord:
    return replace(record, findings=findings)


def _with_outcomes(record: AssessmentRecord, outcomes: tuple[Any, ...]) -> AssessmentRecord:
    return replace(record, outcomes=outcomes)
