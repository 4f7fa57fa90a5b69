"""Run by the kill test in a child process: types values into an editor, says so once they are
stored, then waits.

Usage: python -m tests.ui.editor_child DB_PATH ASSESSMENT_ID
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import open_database
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor


def main() -> None:
    app = QApplication([])
    db = open_database(Path(sys.argv[1]))
    ctx = ServiceContext(db=db, actor=Actor("kill", "Kill Tester", "therapist"))
    editor = AssessmentEditor(ctx, int(sys.argv[2]))
    editor.show()
    editor.activateWindow()
    QTest.qWaitForWindowActive(editor)
    editor.views[0].setFocus()
    for text in ("121", "131", "119"):
        for ch in text:
            QTest.keyClick(QApplication.focusWidget(), ch)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    # Stored off the UI thread a moment after each Tab: what the editor said it saved.
    while editor.entries.saves.busy:
        QApplication.processEvents()
    for ch in "12":  # being typed when the power goes: may be lost
        QTest.keyClick(QApplication.focusWidget(), ch)
    print("ENTERED", flush=True)
    app.exec()  # until killed


if __name__ == "__main__":
    main()
