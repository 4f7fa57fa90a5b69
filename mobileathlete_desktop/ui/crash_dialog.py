"""The dialog an unexpected error is shown in (ui/crash_handler.py decides when): a plain
message, the technical report, **Copy report**, **Open log folder** and **Close**.

Imported when the first error is shown, not at start: its widget classes' enums (about a
hundred Python enums made on first use) and `platform` took 25-30 ms of the UI thread in the
turn after the sign-in dialog's first frame, where the handler is installed.
"""

from __future__ import annotations

import platform
import traceback
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mobileathlete_desktop import __version__
from mobileathlete_desktop.support.logs import log_folder
from mobileathlete_desktop.ui.i18n import QT_TRANSLATE_NOOP

PLAIN_MESSAGE = QT_TRANSLATE_NOOP(
    "CrashDialog",
    "Something went wrong. Your saved work is safe: everything you saved before this "
    "message is in the clinic database.\n\n"
    "If it happens again, copy the report below and send it to whoever looks after "
    "Mobile Athlete for you. It holds no client names.",
)


def technical_report(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> str:
    """The program's and platform's versions, then the traceback."""
    lines = [
        f"Mobile Athlete {__version__}",
        f"Python {platform.python_version()}, PySide6 {pyside_version}, {platform.platform()}",
        "",
        *traceback.format_exception(kind, error, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


def open_log_folder() -> bool:
    """Shows the log folder in the file manager (created first if need be)."""
    folder = log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class CrashDialog(QDialog):
    """The plain message, the report (read-only) and its three buttons."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mobile Athlete: something went wrong"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.message = QLabel(self.tr(PLAIN_MESSAGE))
        self.message.setWordWrap(True)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report.setAccessibleName(self.tr("Technical report"))
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("&Copy report"))
        self.folder_button = QPushButton(self.tr("&Open log folder"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.copy_button.clicked.connect(self.copy_report)
        self.folder_button.clicked.connect(open_log_folder)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.close_button.setFocus()

    def copy_report(self) -> None:
        """Puts the whole report on the clipboard."""
        QApplication.clipboard().setText(self.report.toPlainText())
        self.copy_button.setText(self.tr("Copied"))
