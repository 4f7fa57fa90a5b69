"""Commands on an assessment: undoable edits saved through the service, and signing's question."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
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


def sign_question(empty: list[str], not_stored: list[str]) -> str:
    """The sign dialog's text: what is still empty or was typed but not stored, then the ask."""
    lines = []
    if not_stored:
        lines.append(
            QCoreApplication.translate(
                "AssessmentEditor", "Typed but NOT stored (refused): {cells}"
            ).format(cells=", ".join(not_stored))
        )
    lines += empty
    summary = (
        QCoreApplication.translate("AssessmentEditor", "Before you sign, note:")
        + "\n"
        + "\n".join(f"• {line}" for line in lines)
        + "\n\n"
        if lines
        else QCoreApplication.translate(
            "AssessmentEditor", "Every part of the template holds a value."
        )
        + "\n\n"
    )
    return summary + QCoreApplication.translate(
        "AssessmentEditor",
        "Sign this assessment? It becomes read-only; later corrections are addenda.",
    )
