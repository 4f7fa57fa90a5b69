"""What the window does with an unexpected error: log it, then say so with a copyable report.

`install_crash_handler` sets `sys.excepthook` (an exception in a Qt slot or event handler
lands there; Qt carries on) and `threading.excepthook`. Each error is logged with its
traceback, then one dialog (ui/crash_dialog.py) shows a plain message, the technical report,
**Copy report**, **Open log folder** and **Close**. While that dialog is open further errors
are only logged, and an error while showing it is only logged: the handler never calls itself.

Installed at every start, in the turn after the sign-in dialog's first frame: this module
imports nothing the dialog alone needs (its widgets, `platform`); the dialog's module is
imported when an error is first shown.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from mobileathlete_desktop.ui.crash_dialog import CrashDialog

log = logging.getLogger(__name__)


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
            from mobileathlete_desktop.ui.crash_dialog import technical_report

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
            from mobileathlete_desktop.ui.crash_dialog import CrashDialog

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
