"""Exit codes, the one-line command error and the terminal-safe output: what cli.py needs
before it knows whether a subcommand runs, so nothing here imports the services (the window
path stays light until its sign-in dialog is up)."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TextIO

from mobileathlete_desktop.support.plain_text import terminal_safe

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A failure to report on stderr in one line, with its exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class _TerminalText(io.TextIOBase):
    """A text stream that writes through to another with every control character shown as
    an escape (support.plain_text.terminal_safe): tabs and line breaks pass."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(terminal_safe(text, keep_newlines=True))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.stream.fileno()

    def isatty(self) -> bool:
        return self.stream.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.stream.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self.stream.errors


@contextmanager
def terminal_safe_output() -> Iterator[None]:
    """The one way out to the terminal: while it lasts, whatever a command prints on stdout or
    stderr (tables, JSON, errors, warnings) shows control characters as escapes (`\\u001b`)
    instead of letting a stored name move the cursor, clear the screen or retitle the window.
    JSON stays JSON (the escape is JSON's own), so `--json` output reads back unchanged."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _TerminalText(saved[0]), _TerminalText(saved[1])
    try:
        yield
    finally:
        for wrapper in (sys.stdout, sys.stderr):
            with suppress(OSError, ValueError):
                wrapper.flush()
        sys.stdout, sys.stderr = saved
