"""The program's log: a rotating file in the platform's log folder, and faulthandler beside it.

`configure_logging` is called once at start (the command line does it). Everything logged
with the standard `logging` module lands in `mobileathlete.log` (1 MB, five old copies);
a hard crash (a segfault inside Qt or a C library) writes every thread's Python stack to
`faults.log` in the same folder, since such a crash ends the process before any Python
handler runs. `--verbose` logs at DEBUG and copies the lines to stderr when there is one
(the windowed launcher on Windows has none).

No health data in the log: chart numbers, record ids, counts and file names are fine;
client names, dates of birth, notes and measurements are not. Exception messages from the
services name a client by chart number, so a traceback is safe to log.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from mobileathlete_desktop.support.files import make_owner_only, private_folder

APP_NAME = "MobileAthlete"
LOG_NAME = "mobileathlete.log"
FAULTS_NAME = "faults.log"
LOG_BYTES = 1_000_000
LOG_COPIES = 5
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
ENV_LOG_DIR = "MOBILEATHLETE_LOG_DIR"
ENV_DATA_DIR = "MOBILEATHLETE_DATA_DIR"

# Libraries whose DEBUG output would bury ours under --verbose (font scans, PNG chunks).
QUIET_LIBRARIES = ("matplotlib", "PIL", "fontTools", "asyncio")


def log_folder() -> Path:
    """Where the log files go (not created here).

    $MOBILEATHLETE_LOG_DIR if set; else `logs` inside $MOBILEATHLETE_DATA_DIR when the
    data folder is moved (a portable install, the tests); else the platform's log folder
    (`~/.local/state/MobileAthlete/log`, `%LOCALAPPDATA%\\MobileAthlete\\MobileAthlete\\Logs`,
    `~/Library/Logs/MobileAthlete`).
    """
    override = os.environ.get(ENV_LOG_DIR)
    if override:
        return Path(override)
    data = os.environ.get(ENV_DATA_DIR)
    if data:
        return Path(data) / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, APP_NAME))


def log_file() -> Path:
    """The current log file (`mobileathlete.log` in `log_folder()`)."""
    return log_folder() / LOG_NAME


@dataclass
class _State:
    """What `configure_logging` changed, so that it can be done again or undone."""

    handlers: list[logging.Handler] = field(default_factory=list)
    root_level: int = logging.WARNING
    library_levels: dict[str, int] = field(default_factory=dict)
    faults: TextIO | None = None
    faulthandler_was_enabled: bool = False


_state: _State | None = None


def configure_logging(verbose: bool = False, log_dir: Path | None = None) -> Path:
    """Sends logging to the rotating log file (INFO, or DEBUG and stderr too when `verbose`)
    and hard crashes to `faults.log`; returns the log folder.

    Calling it again replaces the previous set-up. A folder that cannot be written does not
    stop the program: it runs on without a log file (said on stderr when `verbose`).
    """
    shutdown_logging()
    folder = Path(log_dir) if log_dir is not None else log_folder()
    root = logging.getLogger()
    state = _State(root_level=root.level, faulthandler_was_enabled=faulthandler.is_enabled())
    formatter = logging.Formatter(FORMAT)
    try:
        private_folder(folder)
        handler: logging.Handler = RotatingLog(folder / LOG_NAME, LOG_BYTES, LOG_COPIES)
        handler.setFormatter(formatter)
        state.handlers.append(handler)
        state.faults = _open_faults(folder / FAULTS_NAME)
        make_owner_only(folder / LOG_NAME, folder / FAULTS_NAME)  # names, paths: 0600
    except OSError as exc:
        if verbose and sys.stderr is not None:
            print(f"mobileathlete: no log file in {folder}: {exc}", file=sys.stderr)
    if verbose and sys.stderr is not None:
        console = logging.StreamHandler(sys.stderr)
        console.setFormatter(formatter)
        state.handlers.append(console)
    for handler in state.handlers:
        root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    if verbose:
        for name in QUIET_LIBRARIES:
            library = logging.getLogger(name)
            state.library_levels[name] = library.level
            library.setLevel(logging.INFO)
    if state.faults is not None:
        # faulthandler writes to the file descriptor at crash time, so the file stays open for
        # the life of the process (it is not the rotating handler's, which may be closed).
        faulthandler.enable(file=state.faults, all_threads=True)
    _set_state(state)
    logging.getLogger(__name__).debug("Logging to %s (verbose=%s)", folder, verbose)
    return folder


class RotatingLog(logging.FileHandler):
    """The log file: past `max_bytes` it becomes `.1` (`.1` becomes `.2`, ... up to `copies`;
    the oldest goes) and a new one starts, as logging.handlers.RotatingFileHandler does.

    Not that class: importing logging.handlers brings socket, selectors, pickle and queue
    (for its network and queue handlers), about 10 ms before the sign-in dialog's first frame
    at every start, for a file handler that needs none of them."""

    def __init__(self, path: Path, max_bytes: int = LOG_BYTES, copies: int = LOG_COPIES) -> None:
        super().__init__(path, mode="a", encoding="utf-8")
        self.max_bytes = max_bytes
        self.copies = copies

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full(record):
                self._roll_over()
        except Exception:  # as logging does: a log that cannot rotate never stops the program
            self.handleError(record)
        super().emit(record)

    def _full(self, record: logging.LogRecord) -> bool:
        if self.stream is None:  # closed by a roll-over that failed, or never opened
            self.stream = self._open()
        if not os.path.isfile(self.baseFilename):  # a device or a pipe: never rotated
            return False
        line = f"{self.format(record)}{self.terminator}"
        self.stream.seek(0, os.SEEK_END)
        return bool(self.stream.tell()) and self.stream.tell() + len(line) >= self.max_bytes

    def _roll_over(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for n in range(self.copies - 1, 0, -1):
            if os.path.exists(f"{base}.{n}"):
                os.replace(f"{base}.{n}", f"{base}.{n + 1}")
        if self.copies > 0:
            os.replace(base, f"{base}.1")
        self.stream = self._open()
        make_owner_only(Path(base))


def _open_faults(path: Path) -> TextIO:
    """Opens `faults.log` to append; past LOG_BYTES the old one becomes `faults.log.1`."""
    if path.exists() and path.stat().st_size > LOG_BYTES:
        os.replace(path, path.with_name(path.name + ".1"))
    faults = path.open("a", encoding="utf-8")
    faults.write(f"--- started {time.strftime('%Y-%m-%d %H:%M:%S')} (pid {os.getpid()}) ---\n")
    faults.flush()
    return faults


def _set_state(state: _State | None) -> None:
    global _state
    _state = state


def shutdown_logging() -> None:
    """Undoes `configure_logging`: handlers removed and closed, levels and faulthandler as
    they were. A short command calls it when done; the window keeps its log to the end."""
    state = _state
    if state is None:
        return
    _set_state(None)
    root = logging.getLogger()
    for handler in state.handlers:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(state.root_level)
    for name, level in state.library_levels.items():
        logging.getLogger(name).setLevel(level)
    if state.faults is not None:
        faulthandler.disable()
        if state.faulthandler_was_enabled and sys.__stderr__ is not None:
            faulthandler.enable(file=sys.__stderr__, all_threads=True)
        state.faults.close()
