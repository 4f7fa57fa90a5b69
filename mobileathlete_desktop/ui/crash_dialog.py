"""What the window does with an unexpected error: log it, then say so with a copyable report.

`install_crash_handler` sets `sys.excepthook` (an exception in a Qt slot or event handler
lands there; Qt carries on) and `threading.excepthook`. Each error is logged with its
traceback, then one dialog shows a plain message, the technical report, **Copy report**,
**Open log folder** and **Close**. While that dialog is open further errors are only
logged, and an error while showing it is only logged: the handler never calls itself.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from types import TracebackType
from typing import Any

import shiboken6
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, QUrl, Signal
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

log = logging.getLogger(__name__)

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


class CrashHandler(QObject):
    """The hooks, and the one crash dialog at a time. Lives in the GUI thread."""

    _reported = Signal(str)  # queued to the GUI thread when the error was in another

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: CrashDialog | None = None
        self._showing = False
        self._previous_hook: Any = None
        self._previous_thread_hook: Any = None
        self._reported.connect(self._show)

    def install(self) -> None:
        """Takes over `sys.excepthook` and `threading.excepthook` until `uninstall`."""
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        """Puts the previous hooks back."""
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            threading.excepthook = self._previous_thread_hook
            self._previous_hook = self._previous_thread_hook = None

    def handle(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        """`sys.excepthook`: log the error, then show it (or only log it; see the module)."""
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            sys.__excepthook__(kind, error, tb)
            return
        try:
            log.error("Unhandled exception", exc_info=(kind, error, tb))
            report = technical_report(kind, error, tb)
            if sys.stderr is not None:  # a terminal, when there is one
                print(report, file=sys.stderr)
            if shiboken6.isValid(self):
                self._reported.emit(report)
        except Exception:  # never let the hook raise into the hook
            log.exception("The crash handler failed")

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, report: str) -> None:
        if self._showing or (self.dialog is not None and shiboken6.isValid(self.dialog)):
            log.warning("Another error while the crash dialog is open (logged above)")
            return
        self._showing = True
        try:
            dialog = CrashDialog(report, QApplication.activeWindow())
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(self._forget_dialog)
            self.dialog = dialog
            dialog.show()
            dialog.raise_()
        except Exception:
            log.exception("The crash dialog could not be shown")
            self.dialog = None
        finally:
            self._showing = False

    def _forget_dialog(self) -> None:
        self.dialog = None


def install_crash_handler(parent: QObject | None = None) -> CrashHandler:
    """Installs the window's crash handler (call once a QApplication exists); by default it
    lives as long as the application."""
    handler = CrashHandler(parent or QApplication.instance())
    handler.install()
    return handler
