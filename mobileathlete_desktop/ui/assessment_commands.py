"""Undoable edits of an assessment: each command's redo/undo saves through the service."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class SavedChange(QUndoCommand):
    """A change already saved when pushed; undo and redo save the old or new state again.

    `apply(state)` performs the save and returns False when the service refused it (the
    editor has then already said why).
    """

    def __init__(self, text: str, before: object, after: object, apply: Callable[[object], bool]):
        super().__init__(text)
        self.before = before
        self.after = after
        self._apply = apply
        self._first = True

    def redo(self) -> None:
        if self._first:  # the change was saved before the command was pushed
            self._first = False
            return
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)
