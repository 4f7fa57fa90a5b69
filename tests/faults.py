"""A crashed test worker leaves its last words: each xdist worker writes Python's fault
handler output (every thread's stack at a segfault or abort) to a file of its own, and the
controller prints any that are not empty at the end of the run.

pytest-xdist loses a crashed worker's stderr ("node down: Not properly terminated"), so
without this a rare crash in CI names only the test that was running, never where.
"""

from __future__ import annotations

import faulthandler
import os
import shutil
import tempfile
from pathlib import Path
from typing import IO, Any

import pytest

FAULT_DIR = "MOBILEATHLETE_TEST_FAULT_DIR"
_log: IO[str] | None = None


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


@pytest.hookimpl(trylast=True)  # after pytest's own faulthandler plugin enabled it on stderr
def pytest_configure(config: pytest.Config) -> None:
    global _log
    if not _is_worker(config):
        if FAULT_DIR not in os.environ:  # the workers inherit it
            os.environ[FAULT_DIR] = tempfile.mkdtemp(prefix="mobileathlete-faults-")
            config._fault_dir_owned = True  # type: ignore[attr-defined]
        return
    folder = Path(os.environ.get(FAULT_DIR, tempfile.gettempdir()))
    worker = config.workerinput.get("workerid", "gw")  # type: ignore[attr-defined]
    _log = (folder / f"{worker}-{os.getpid()}.log").open("w", encoding="utf-8")
    faulthandler.enable(file=_log, all_threads=True)


def pytest_runtest_logstart(nodeid: str, location: Any) -> None:
    if _log is not None:  # which test was running, above the stacks
        _log.write(f"running {nodeid}\n")
        _log.flush()


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    if _is_worker(config) or FAULT_DIR not in os.environ:
        return
    folder = Path(os.environ[FAULT_DIR])
    for path in sorted(folder.glob("*.log")):
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        faults = [i for i, line in enumerate(lines) if line.startswith("Fatal Python error")]
        if faults:
            start = max(0, faults[0] - 1)  # the test that was running, then the stacks
            terminalreporter.section(f"fatal error in test worker ({path.name})", sep="=")
            terminalreporter.write_line("\n".join(lines[start:]))
    if getattr(config, "_fault_dir_owned", False):
        shutil.rmtree(folder, ignore_errors=True)
