"""The program's log file, and a crash handler that leaves a trace in it.

A crash inside Qt (a segfault in a C++ library) ends the process without a Python
traceback; `faulthandler` then writes every thread's Python stack to the log, so the next
person to look knows where it happened.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
import time
from pathlib import Path
from typing import TextIO

from mobileathlete_desktop.storage.database import user_data_dir

LOG_NAME = "mobileathlete.log"
LOG_BYTES = 1_000_000
LOG_COPIES = 3


def log_path() -> Path:
    """Where the log is written: `logs/mobileathlete.log` in the user data folder."""
    return user_data_dir() / "logs" / LOG_NAME


class CrashLog:
    """The open log: Python logging goes to it (rotated), and so do fatal crashes."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_COPIES, encoding="utf-8"
        )
        self.handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        )
        root = logging.getLogger()
        root.addHandler(self.handler)
        if root.level == logging.NOTSET or root.level > logging.INFO:
            root.setLevel(logging.INFO)
        # faulthandler writes with the file descriptor, so it needs its own file that stays
        # open for the life of the process (a rotated handler's stream may be closed).
        self.crash_file: TextIO = path.open("a", encoding="utf-8")
        self.crash_file.write(f"--- started {time.strftime('%Y-%m-%d %H:%M:%S')} ---\n")
        self.crash_file.flush()
        self._was_enabled = faulthandler.is_enabled()
        faulthandler.enable(file=self.crash_file, all_threads=True)
        self._previous_hook = sys.excepthook
        sys.excepthook = self._log_exception

    def _log_exception(self, kind: type[BaseException], error: BaseException, tb: object) -> None:
        # An exception in a Qt slot does not stop the program; it still belongs in the log.
        logging.getLogger("mobileathlete").error(
            "Unhandled exception",
            exc_info=(kind, error, tb),  # type: ignore[arg-type]
        )
        self._previous_hook(kind, error, tb)  # type: ignore[arg-type]

    def close(self) -> None:
        """Stops logging here (the program is ending, or a test is done)."""
        faulthandler.disable()
        if self._was_enabled and sys.__stderr__ is not None:
            faulthandler.enable(file=sys.__stderr__, all_threads=True)
        sys.excepthook = self._previous_hook
        logging.getLogger().removeHandler(self.handler)
        self.handler.close()
        self.crash_file.close()


def install_crash_log(path: Path | None = None) -> CrashLog | None:
    """Opens the log (default `log_path()`) with the crash handler; None when the folder
    cannot be written (the program runs on, without a log)."""
    try:
        return CrashLog(path or log_path())
    except OSError:
        return None
