"""The crash handler: a crash inside the process leaves its Python stack in the log file."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mobileathlete_desktop.commands import gui
from mobileathlete_desktop.ui import crash_log

CRASH = """
from mobileathlete_desktop.ui.crash_log import install_crash_log
import faulthandler

def open_the_preview():
    faulthandler._sigsegv()  # what a crash in QtPrintSupport looks like to the process

install_crash_log()
open_the_preview()
"""


def test_a_segfault_leaves_its_stack_in_the_log(isolated_data_dir: Path) -> None:
    env = {**os.environ, "MOBILEATHLETE_DATA_DIR": str(isolated_data_dir)}
    done = subprocess.run(
        [sys.executable, "-c", CRASH], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    log = (isolated_data_dir / "logs" / "mobileathlete.log").read_text(encoding="utf-8")
    assert "--- started" in log
    assert "Fatal Python error: Segmentation fault" in log
    assert "open_the_preview" in log


def test_opening_the_window_installs_the_crash_log(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed: list[crash_log.CrashLog | None] = []
    real = crash_log.install_crash_log
    monkeypatch.setattr(crash_log, "install_crash_log", lambda: installed.append(real()))
    monkeypatch.setattr(gui, "_run_window", lambda args, app: 0)
    try:
        assert gui.run_gui(argparse.Namespace(db=None, demo=False, user=None)) == 0
        [log] = installed
        assert log is not None and log.path == crash_log.log_path()
        assert log.path.is_relative_to(isolated_data_dir)
        assert "--- started" in log.path.read_text(encoding="utf-8")
    finally:
        for log in installed:
            if log is not None:
                log.close()
