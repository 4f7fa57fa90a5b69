"""Starting the window sign-in first: the dialog before the clinic (and before SQLAlchemy),
damage met while opening leads to the recovery screen, a new clinic to the first run."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mobileathlete_desktop import cli
from mobileathlete_desktop.commands import gui
from mobileathlete_desktop.services.backups import Recovery
from mobileathlete_desktop.services.clients import search_clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.backup import online_backup
from mobileathlete_desktop.ui import recovery_dialog
from mobileathlete_desktop.ui.first_run_dialog import FirstRunDialog

from ..conftest import ClinicTemplates


@pytest.fixture
def demo_path(tmp_path: Path, clinic_templates: ClinicTemplates) -> Path:
    return clinic_templates.copy(tmp_path / "clinic.sqlite3", clients=2)


def _args(path: Path) -> argparse.Namespace:
    return argparse.Namespace(db=str(path), demo=False, user=None)


def test_bench_hook_signs_in_through_the_dialog(
    demo_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(gui.BENCH_READY_ENV, "1")
    started = gui.sign_in_first(_args(demo_path))
    assert not isinstance(started, int)
    db, window = started
    assert db is not None and window is not None
    qtbot.addWidget(window)
    try:
        assert window.ctx.actor.username == "admin"
        out = capsys.readouterr().out
        assert "MOBILEATHLETE_SIGNIN " in out and "MOBILEATHLETE_ENTER " in out
        assert out.index("MOBILEATHLETE_SIGNIN") < out.index("MOBILEATHLETE_ENTER")
    finally:
        window.idle_lock.stop()  # type: ignore[attr-defined]
        db.dispose()


def test_damage_met_while_opening_hides_the_sign_in_for_the_recovery_screen(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    online_backup(demo_path, demo_path.parent / "backups" / "clinic-daily-20260301-080000.sqlite3")
    demo_path.write_bytes(b"\x00garbage" * 1000)
    offered: list[Recovery] = []
    monkeypatch.setattr(recovery_dialog, "ask_restore", lambda r, e: offered.append(r) or True)
    started = gui.sign_in_first(_args(demo_path))
    assert not isinstance(started, int)
    db, window = started
    assert db is not None and window is None  # the caller signs in on the restored clinic
    try:
        assert len(offered) == 1 and offered[0].backup is not None
        assert len(search_clients(ServiceContext.system(db))) == 2
        assert len(list(demo_path.parent.glob("clinic.damaged-*.sqlite3"))) == 1
    finally:
        db.dispose()


def test_a_clinic_that_cannot_open_is_said_and_the_program_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    said: list[str] = []
    monkeypatch.setattr(recovery_dialog, "say", said.append)
    target = tmp_path / "no-such-folder" / "deeper" / "clinic.sqlite3"
    (tmp_path / "no-such-folder").write_text("a file where the folder should be")
    assert gui.sign_in_first(_args(target)) == gui.EXIT_ERROR
    assert said and "cannot be opened" in said[0]


def test_a_clinic_without_users_goes_to_the_first_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        FirstRunDialog, "ask", classmethod(lambda cls, c, parent=None: asked.append("first"))
    )
    assert gui.sign_in_first(_args(tmp_path / "new.sqlite3")) == gui.EXIT_OK
    assert asked == ["first"]


def test_command_names_match_the_command_modules() -> None:
    parser = cli.build_parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert tuple(sub.choices) == cli.COMMAND_NAMES


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ([], True),
        (["--db", "x.sqlite3", "-v"], True),
        (["--db=x.sqlite3", "--demo", "--user", "ana"], True),
        (["clients"], False),
        (["--db", "x.sqlite3", "report", "C-1"], False),
        (["--help"], False),
        (["--version"], False),
        (["--db"], False),  # the full parser says what is missing
        (["--verb"], False),  # abbreviations are the full parser's
    ],
)
def test_only_global_options_mean_the_window(argv: list[str], window: bool) -> None:
    assert cli.wants_window(argv) is window


def test_the_window_path_shows_the_sign_in_before_sqlalchemy_is_imported(
    demo_path: Path, tmp_path: Path
) -> None:
    """The real program, as started from a desktop: at the sign-in dialog's first frame no
    SQLAlchemy, service or main-window module is loaded; the bench then signs in."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        gui.BENCH_READY_ENV: "1",
        "MOBILEATHLETE_USER": "admin",
        "MOBILEATHLETE_PASSWORD": "demo",
    }
    done = subprocess.run(
        [sys.executable, "-m", "mobileathlete_desktop", "--db", str(demo_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = {line.split()[0]: line for line in done.stdout.splitlines() if line.strip()}
    assert "MOBILEATHLETE_READY" in lines, done.stdout + done.stderr[-2000:]
    signin = lines["MOBILEATHLETE_SIGNIN"]
    assert "sqlalchemy_loaded=0" in signin and "services_loaded=0" in signin
    assert "main_window_loaded=0" in signin
    assert "clients=2" in lines["MOBILEATHLETE_READY"]


def test_the_new_window_reads_today_s_work_once(
    demo_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enter to a usable window: the today panel's worklist (the slowest query of a new
    window) is read once, not at construction and again at each show."""
    from mobileathlete_desktop.domain.permissions import Actor
    from mobileathlete_desktop.storage.database import open_database
    from mobileathlete_desktop.ui import today_panel

    reads: list[object] = []
    real = today_panel.assessment_service.worklist
    monkeypatch.setattr(
        today_panel.assessment_service,
        "worklist",
        lambda ctx, day: reads.append(day) or real(ctx, day),
    )
    db = open_database(demo_path)
    try:
        admin = Actor(username="admin", display_name="Admin", role="admin")
        window = gui.main_window(ServiceContext.system(db), admin)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        # Read off the UI thread (TodayPanel.refresh is a job): once its lists are filled,
        # the worklist was read exactly once.
        qtbot.waitUntil(lambda: window.today.heading.text() != "")
        assert len(reads) == 1
        window.today.hide()  # a client on the page
        window.today.show()  # back to the empty page: read again
        qtbot.waitUntil(lambda: len(reads) == 2)
        window.idle_lock.stop()  # type: ignore[attr-defined]
    finally:
        db.dispose()


def test_ui_garbage_collections_hold_off_while_the_clinic_opens(
    demo_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full collection on the UI thread over the objects the worker is loading froze the
    dialog 100-200 ms: the collector waits for the open, which freezes what it loaded."""
    import gc

    from PySide6.QtWidgets import QApplication

    from mobileathlete_desktop.ui import garbage

    collector = garbage.install(QApplication.instance())  # type: ignore[arg-type]
    active_while_opening: list[bool] = []
    real_open = gui.open_in_background

    def opener(args: argparse.Namespace, *, freeze: bool = False) -> object:
        active_while_opening.append(collector.timer.isActive())
        return real_open(args, freeze=freeze)

    monkeypatch.setattr(gui, "open_in_background", opener)
    monkeypatch.setenv(gui.BENCH_READY_ENV, "1")
    frozen = gc.get_freeze_count()
    try:
        started = gui.sign_in_first(_args(demo_path))
        assert not isinstance(started, int)
        db, window = started
        assert db is not None and window is not None
        qtbot.addWidget(window)
        window.idle_lock.stop()  # type: ignore[attr-defined]
        db.dispose()
        assert active_while_opening == [False] and collector.timer.isActive()
        assert gc.get_freeze_count() > frozen
    finally:
        collector.uninstall()
        collector.deleteLater()


def test_the_window_hands_the_interpreter_to_the_ui_thread_every_millisecond(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before the first worker starts, the switch interval is the program's (1 ms, not
    CPython's 5 ms): the UI thread waits at most that for the GIL at each call into Python
    while a job's worker runs Python."""
    seen: list[float] = []

    def run_window(_args: object, _app: object, start_up: gui.StartUp) -> int:
        start_up.finish()
        seen.append(sys.getswitchinterval())
        return 0

    monkeypatch.setattr(gui, "_run_window", run_window)
    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)
        assert gui.run_gui(argparse.Namespace(db=None, demo=False, user=None)) == 0
    finally:
        sys.setswitchinterval(before)
    assert seen == [pytest.approx(gui.UI_SWITCH_INTERVAL_S)]
    assert gui.UI_SWITCH_INTERVAL_S < 0.005
