"""What the window needs but the sign-in's first frame does not (commands/gui.py)."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import TracebackType

    from PySide6.QtWidgets import QApplication

    from mobileathlete_desktop.ui.crash_handler import CrashHandler
    from mobileathlete_desktop.ui.garbage import GarbageCollector

log = logging.getLogger(__name__)


class StartUp:
    """What the window needs but the sign-in's first frame does not, set up once that frame is
    painted (`finish`, before the clinic's worker starts): the crash handler (importing it
    makes 16 ms of Qt types), and Python's collector on the UI thread (its first collection
    walks everything imported, 5 ms). Until then an error still reaches the crash handler:
    a light `sys.excepthook` loads it on the spot. No other thread runs before `finish`."""

    def __init__(self, app: QApplication, *, collect_garbage: bool) -> None:
        self.app = app
        self.handler: CrashHandler | None = None
        self.collector: GarbageCollector | None = None
        self._collect_garbage = collect_garbage
        self._previous_hook = sys.excepthook
        sys.excepthook = self._early_error

    def finish(self) -> None:
        """Installs the crash handler and the collector (once; later calls do nothing)."""
        self.install_crash_handler()
        if self._collect_garbage and self.collector is None:
            from mobileathlete_desktop.ui import garbage

            self.collector = garbage.install(self.app)

    def install_crash_handler(self) -> CrashHandler:
        """The crash handler, installed now if it was not yet."""
        if self.handler is None:
            from mobileathlete_desktop.ui.crash_handler import install_crash_handler

            if sys.excepthook == self._early_error:
                sys.excepthook = self._previous_hook  # the handler puts this one back
            self.handler = install_crash_handler(self.app)
        return self.handler

    def _early_error(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        try:
            handler = self.install_crash_handler()
        except Exception:  # never raise from the hook: at least the traceback is said
            log.exception("The crash handler could not be installed")
            self._previous_hook(kind, error, tb)
            return
        handler.handle(kind, error, tb)

    def uninstall(self) -> None:
        """Puts the hooks back and lets the handler go (the collector lives with the app)."""
        if self.handler is not None:
            self.handler.uninstall()
            self.handler.deleteLater()
            self.handler = None
        elif sys.excepthook == self._early_error:
            sys.excepthook = self._previous_hook
