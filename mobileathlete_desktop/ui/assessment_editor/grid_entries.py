"""The editor's grid entries: values and painful marks typed in a measure grid, shown at once
and saved off the UI thread in the order typed (saving.SaveQueue), each undoable; a refused or
failed save puts the cell back as stored, marked, with the reason in the status line."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from mobileathlete_desktop.domain.records import AssessmentRecord, MeasurementRecord
from mobileathlete_desktop.domain.scoring import YBALANCE_REACHES
from mobileathlete_desktop.domain.validation import InvalidValue, parse_measure_value
from mobileathlete_desktop.services import assessments as assessment_service
from mobileathlete_desktop.services.context import ConflictError, InputError
from mobileathlete_desktop.services.session import DatabaseError
from mobileathlete_desktop.ui.assessment_commands import SavedChange
from mobileathlete_desktop.ui.assessment_editor.saving import GridSave, SaveQueue
from mobileathlete_desktop.ui.jobs import show_failure
from mobileathlete_desktop.ui.measure_grid.markers import cell_words, window_lang
from mobileathlete_desktop.ui.measure_grid.model import CellKey, MeasureGridModel
from mobileathlete_desktop.ui.refusals import refusal_text
from mobileathlete_desktop.ui.value_problems import refusal_words, value_with_unit

if TYPE_CHECKING:
    from mobileathlete_desktop.ui.assessment_editor.window import AssessmentEditor


def signed_message() -> str:
    """What the editor says when a signed assessment is typed into."""
    return QCoreApplication.translate(
        "AssessmentEditor", "This assessment is signed: add an addendum to correct it"
    )


def not_stored(error: object) -> str:
    """'<why> — not stored', in the window's language (an error's words: ui/refusals)."""
    return QCoreApplication.translate("AssessmentEditor", "{error} — not stored").format(
        error=refusal_text(error) if isinstance(error, BaseException) else error
    )


def value_not_stored(cell: str, value: str, error: object) -> str:
    """The status line when a typed value could not be stored (the database busy, full...)."""
    return QCoreApplication.translate(
        "AssessmentEditor",
        "{cell}: {value} was not stored — {reason} Press Enter on the cell to try again.",
    ).format(
        cell=cell,
        value=value or "—",
        reason=refusal_text(error) if isinstance(error, BaseException) else error,
    )


class GridEntries:
    """Saves the values and painful marks typed in the editor's grids, and puts each on the
    undo stack; `_saved` says any entry was saved (the editor's `changed`)."""

    def __init__(self, editor: AssessmentEditor) -> None:
        self.editor = editor
        self.ctx = editor.ctx
        self.saves = SaveQueue(editor, editor)

    def _saved(self, *, record_current: bool = False) -> None:
        """Says a save happened; `record_current`: the editor's record holds it (a grid
        save), so the live findings interpret that record without reading the visit again."""
        editor = self.editor
        editor.record_is_current = record_current
        try:
            editor.changed.emit(editor.assessment_id)
        finally:
            editor.record_is_current = False

    # -- values ----------------------------------------------------------------------------
    # A value or painful mark typed in a grid shows at once and is saved off the UI thread,
    # in the order typed (saving.SaveQueue); the cell is put back as stored, marked, with the
    # reason in the status line, when its save is refused or fails.

    def _grid_for(self, key: CellKey) -> MeasureGridModel | None:
        # A cell typed in is in a grid built already: looked for there first, so that a value
        # typed before the other tabs are built (they come a turn each after the window) does
        # not build them all in the same turn as its save (issue 22: 96 ms of the UI thread).
        parts = self.editor.parts
        built = next((g for g in parts.built_grids if g.index_of(key).isValid()), None)
        if built is not None or not parts.waiting:
            return built
        return next((g for g in parts.grids if g.index_of(key).isValid()), None)

    def _cell(self, key: CellKey) -> str:
        measure = self.ctx.catalogue[key.code]
        return cell_words(measure.label_in(window_lang()), key.side, key.mode)

    def value_typed(self, grid: MeasureGridModel, key: CellKey, text: str) -> None:
        """Checks a value typed in a grid cell ("" clears it), shows it and queues its save."""
        editor = self.editor
        if editor.read_only:  # the grid passes typing on so that it is answered, not ignored
            editor.say(signed_message(), error=True)
            return
        measure = self.ctx.catalogue[key.code]
        before = grid.values.get(key)
        if text:
            try:
                after: float | None = parse_measure_value(measure, text)
            except InvalidValue as exc:
                words = refusal_words(exc, self._cell(key))
                grid.set_error(key, words)
                editor.say(not_stored(words), error=True)
                return
        else:
            after = None
        if after == before:
            grid.set_value(key, before)
            return
        if self._save_value(key, after):
            editor.undo_stack.push(
                SavedChange(
                    cell_words(measure.label_in(window_lang()), key.side, key.mode),
                    before,
                    after,
                    lambda v, k=key: self._save_value(k, v),  # type: ignore[misc]
                )
            )

    def _save_value(self, key: CellKey, value: Any) -> bool:
        """Shows `value` in its cell and queues its save (undo and redo come here too)."""
        grid = self._grid_for(key)
        if grid is None:
            return False
        if value == grid.values.get(key) and key not in grid.errors:
            return True  # shown (and stored, or on its way) already
        # What the cell stores now, if no save of it is queued: shown, unless in error (the
        # typed text not stored is kept in `typed`, the value as stored in `values`).
        stored_now = grid.values.get(key)
        grid.set_value(key, value)
        ctx, assessment_id = self.ctx, self.editor.assessment_id
        computed = key.code in (*YBALANCE_REACHES, "limb.length") or key.code.startswith("fms.")

        def work(expected: float | None) -> tuple[str, Any, Any]:
            try:
                saved = assessment_service.set_value(
                    ctx,
                    assessment_id,
                    key.code,
                    key.side,
                    key.mode,
                    value,
                    expected=expected,
                )
            except ConflictError as exc:  # what is stored now, to put back in the cell
                fresh = assessment_service.get_assessment(ctx, assessment_id)
                return ("conflict", exc, fresh.measurement(key.code, key.side, key.mode))
            record = None
            if computed:
                # The value is stored (its totals with it); this only refreshes them.
                with contextlib.suppress(DatabaseError):
                    record = assessment_service.update_computed(ctx, assessment_id)
            return ("saved", saved, record)

        queued = self.editor.said
        self.saves.put(
            GridSave(
                key,
                work,
                lambda result: self._value_answered(key, value, result, queued),
                lambda error: self._value_failed(key, value, error),
            ),
            stored_now,
        )
        return True

    def _say_saved(self, text: str, queued: int) -> None:
        """Says a save went through, unless an error was said since it was queued (a value
        refused meanwhile is not hidden behind an older value's "Saved")."""
        if self.editor.error_said <= queued:
            self.editor.say(text)

    def _value_answered(self, key: CellKey, value: float | None, result: Any, queued: int) -> None:
        editor = self.editor
        grid = self._grid_for(key)
        outcome, answer, extra = result
        last = not self.saves.waiting_after(key)
        if outcome == "conflict":
            # Nothing was stored: the cell shows what is stored, marked with the reason. A
            # later value typed on top of this one compares with the same stale value, and is
            # refused (and said) in turn.
            editor.record = _with_measurement(editor.record, key, extra)
            said = refusal_text(answer, what=self._cell(key))  # the cell as the grid names it
            if grid is not None and last:
                grid.set_value(key, None if extra is None else extra.value)
                grid.set_error(key, said)
            editor.say(said, error=True)
            # The findings follow the other workstation's value (the record holds it).
            editor.live_findings.refresh(editor.assessment_id, editor.record)
            return
        saved = answer
        self.saves.stored[key] = None if saved is None else saved.value
        editor.record = _with_measurement(editor.record, key, saved)
        if grid is not None and last and _shown_differs(grid, key, saved):
            grid.set_value(
                key, None if saved is None else saved.value, None if saved is None else saved.pain
            )
        measure = self.ctx.catalogue[key.code]
        shown = (
            QCoreApplication.translate("AssessmentEditor", "cleared")
            if value is None
            else value_with_unit(value, measure.unit_label)
        )
        self._say_saved(
            QCoreApplication.translate("AssessmentEditor", "Saved {cell}: {value}").format(
                cell=self._cell(key), value=shown
            ),
            queued,
        )
        if extra is not None:
            editor.record = extra
            editor.parts.show_computed(extra)
        self._saved(record_current=True)

    def _value_failed(self, key: CellKey, value: float | None, error: Exception) -> None:
        editor = self.editor
        grid = self._grid_for(key)
        last = not self.saves.waiting_after(key)
        if isinstance(error, InputError | PermissionError):
            words = refusal_words(error, self._cell(key))
            if grid is not None and last:
                grid.set_value(key, self.saves.stored.get(key))
                grid.set_error(key, words)
            editor.say(words, error=True)
            return
        if not isinstance(error, DatabaseError):
            show_failure(editor, error)
        # Nothing was stored: the cell keeps what was typed, marked, for Enter to retry.
        typed = "" if value is None else f"{value:g}"
        if grid is not None and last:
            grid.set_value(key, self.saves.stored.get(key))
            grid.set_error(key, refusal_text(error), typed)
        editor.say(value_not_stored(self._cell(key), typed, error), error=True)

    def pain_toggled(self, grid: MeasureGridModel, key: CellKey) -> None:
        """Marks a value painful or not painful (P in the grid)."""
        editor = self.editor
        if editor.read_only:
            editor.say(signed_message(), error=True)
            return
        if key not in grid.values:
            editor.say(
                QCoreApplication.translate(
                    "AssessmentEditor", "Enter a value before marking it painful"
                ),
                error=True,
            )
            return
        before = grid.pain.get(key, False)
        if self._save_pain(key, not before):
            editor.undo_stack.push(
                SavedChange(
                    QCoreApplication.translate("AssessmentEditor", "painful"),
                    before,
                    not before,
                    lambda p, k=key: self._save_pain(k, bool(p)),  # type: ignore[misc]
                )
            )

    def _save_pain(self, key: CellKey, pain: bool) -> bool:
        """Shows the painful mark at once and queues its save after the cell's value."""
        grid = self._grid_for(key)
        if grid is None:
            return False
        before = grid.pain.get(key, False)
        grid.set_pain(key, pain)
        ctx, assessment_id = self.ctx, self.editor.assessment_id

        def work(_expected: object) -> Any:
            return assessment_service.set_pain(
                ctx, assessment_id, key.code, key.side, key.mode, pain
            )

        def failed(error: Exception) -> None:
            if not isinstance(error, InputError | PermissionError | ConflictError | DatabaseError):
                show_failure(self.editor, error)
            if grid is not None and not self.saves.waiting_after(key):
                grid.set_pain(key, before)
            self.editor.say(not_stored(refusal_words(error, self._cell(key))), error=True)

        queued = self.editor.said
        self.saves.put(
            GridSave(key, work, lambda saved: self._pain_answered(key, saved, queued), failed),
            grid.values.get(key),
        )
        return True

    def _pain_answered(self, key: CellKey, saved: MeasurementRecord, queued: int) -> None:
        editor = self.editor
        editor.record = _with_measurement(editor.record, key, saved)
        grid = self._grid_for(key)
        if grid is not None and not self.saves.waiting_after(key):
            grid.set_pain(key, saved.pain)
        cell = self._cell(key)
        self._say_saved(
            QCoreApplication.translate("AssessmentEditor", "{cell}: painful").format(cell=cell)
            if saved.pain
            else QCoreApplication.translate("AssessmentEditor", "{cell}: not painful").format(
                cell=cell
            ),
            queued,
        )
        self._saved(record_current=True)

    def flush_saves(self) -> bool:
        """Waits for the grid's saves still queued (signing, closing, reloading); False when
        some were still not answered after the wait."""
        return self.saves.flush()


def _shown_differs(grid: MeasureGridModel, key: CellKey, saved: MeasurementRecord | None) -> bool:
    """Whether the cell shows something else than what was stored (it shows the typed value
    from the moment it was typed: the usual answer repaints nothing)."""
    if key in grid.errors:
        return True
    if saved is None:
        return key in grid.values
    return grid.values.get(key) != saved.value or grid.pain.get(key, False) != saved.pain


def _with_measurement(
    record: AssessmentRecord, key: CellKey, saved: MeasurementRecord | None
) -> AssessmentRecord:
    """The record with one cell as stored (None: cleared)."""
    cell = (key.code, key.side, key.mode)
    kept = tuple(m for m in record.measurements if (m.code, m.side, m.mode) != cell)
    return replace(record, measurements=kept if saved is None else (*kept, saved))
