"""The log: a file in the log folder, --verbose, and faulthandler's trace of a hard crash."""

from __future__ import annotations

import faulthandler
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mobileathlete_desktop.cli import main
from mobileathlete_desktop.support import logs
from mobileathlete_desktop.support.logs import configure_logging, log_folder, shutdown_logging


@pytest.fixture
def logging_undone() -> Iterator[None]:
    handlers = list(logging.getLogger().handlers)
    try:
        yield
    finally:
        shutdown_logging()
        assert logging.getLogger().handlers == handlers


def test_the_log_folder_follows_the_data_folder_or_the_platform(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert log_folder() == isolated_data_dir / "logs"
    monkeypatch.setenv("MOBILEATHLETE_LOG_DIR", str(tmp_path / "elsewhere"))
    assert log_folder() == tmp_path / "elsewhere"
    monkeypatch.delenv("MOBILEATHLETE_LOG_DIR")
    monkeypatch.delenv("MOBILEATHLETE_DATA_DIR")
    import platformdirs

    assert log_folder() == Path(platformdirs.user_log_dir("MobileAthlete", "MobileAthlete"))


def test_info_goes_to_the_file_with_time_level_and_logger(
    tmp_path: Path, logging_undone: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert configure_logging(log_dir=tmp_path / "logs") == tmp_path / "logs"
    logging.getLogger("mobileathlete_desktop.services.backups").info("Backup written: %s", "x")
    logging.getLogger("mobileathlete_desktop.services.backups").debug("not without --verbose")
    shutdown_logging()
    [line] = (tmp_path / "logs" / "mobileathlete.log").read_text(encoding="utf-8").splitlines()
    assert line.endswith("INFO    mobileathlete_desktop.services.backups: Backup written: x")
    assert line[:4].isdigit() and line[10] == " "  # 2026-12-02 03:04:05,123
    assert capsys.readouterr().err == ""


def test_verbose_logs_debug_and_copies_to_stderr(
    tmp_path: Path, logging_undone: None, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging(verbose=True, log_dir=tmp_path)
    logging.getLogger("mobileathlete_desktop.ui").debug("Client list filled: 40 rows")
    logging.getLogger("matplotlib.font_manager").debug("font scan noise")
    shutdown_logging()
    text = (tmp_path / "mobileathlete.log").read_text(encoding="utf-8")
    assert "DEBUG   mobileathlete_desktop.ui: Client list filled: 40 rows" in text
    assert "font scan noise" not in text
    assert "Client list filled: 40 rows" in capsys.readouterr().err


def test_configuring_again_replaces_and_shutdown_restores(
    tmp_path: Path, logging_undone: None
) -> None:
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    configure_logging(log_dir=tmp_path / "a")
    configure_logging(log_dir=tmp_path / "b")
    assert len(root.handlers) == len(before) + 1
    shutdown_logging()
    assert root.handlers == before and root.level == level


def test_an_unwritable_log_folder_does_not_stop_the_program(
    tmp_path: Path, logging_undone: None, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("")
    configure_logging(log_dir=blocker)
    logging.getLogger("mobileathlete_desktop").warning("still running")
    assert capsys.readouterr().err == ""


def test_verbose_command_writes_debug_lines_to_the_log(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--verbose", "catalogue"]) == 0
    out, err = capsys.readouterr()
    assert out and "DEBUG" in err  # --verbose copies the log to stderr
    text = (isolated_data_dir / "logs" / "mobileathlete.log").read_text(encoding="utf-8")
    assert " INFO    mobileathlete_desktop.cli: Mobile Athlete " in text
    assert " DEBUG   " in text
    assert logs._state is None  # a subcommand closes its log when it is done


def test_a_quiet_command_logs_info_only(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["catalogue"]) == 0
    assert capsys.readouterr().err == ""
    text = (isolated_data_dir / "logs" / "mobileathlete.log").read_text(encoding="utf-8")
    assert "catalogue" in text and " DEBUG " not in text


def test_faulthandler_is_restored_after_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    enabled = faulthandler.is_enabled()
    main(["catalogue"])
    assert faulthandler.is_enabled() == enabled


CRASH = """
import faulthandler
from mobileathlete_desktop.support.logs import configure_logging

def open_the_preview():
    faulthandler._sigsegv()  # what a crash in QtPrintSupport looks like to the process

configure_logging()
open_the_preview()
"""


def test_a_segfault_leaves_its_stack_in_the_log_folder(isolated_data_dir: Path) -> None:
    env = {**os.environ, "MOBILEATHLETE_DATA_DIR": str(isolated_data_dir)}
    done = subprocess.run(
        [sys.executable, "-c", CRASH], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    faults = (isolated_data_dir / "logs" / "faults.log").read_text(encoding="utf-8")
    assert "--- started" in faults
    assert "Fatal Python error: Segmentation fault" in faults
    assert "open_the_preview" in faults


def test_a_full_log_rolls_over_keeping_five_old_copies_readable_by_the_owner_only(
    tmp_path: Path, logging_undone: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "LOG_BYTES", 2_000)  # read when the handler is made
    folder = configure_logging(log_dir=tmp_path / "logs")
    log = logging.getLogger("mobileathlete_desktop.services.backups")
    for n in range(200):  # ~90 bytes a line: about 9 files' worth
        log.info("Backup written: backup-%03d.sqlite3", n)
    shutdown_logging()
    names = sorted(p.name for p in folder.iterdir() if p.name.startswith("mobileathlete.log"))
    assert names == ["mobileathlete.log"] + [f"mobileathlete.log.{n}" for n in range(1, 6)]
    assert all((folder / name).stat().st_size <= 2_000 for name in names)
    # The newest line is in the current file, the lines before it in .1, and none is lost
    # between the files kept.
    current = (folder / "mobileathlete.log").read_text(encoding="utf-8").splitlines()
    assert current[-1].endswith("backup-199.sqlite3")
    before = (folder / "mobileathlete.log.1").read_text(encoding="utf-8").splitlines()
    first_now = int(current[0].rsplit("-", 1)[1].split(".")[0])
    assert before[-1].endswith(f"backup-{first_now - 1:03d}.sqlite3")
    if os.name == "posix":
        assert all((folder / name).stat().st_mode & 0o077 == 0 for name in names)
