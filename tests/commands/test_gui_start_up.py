"""The sign-in's first frame needs nothing the window needs later (issue 22): at that frame the
dialog takes typing with no SQLAlchemy, service, main-window or crash-dialog module loaded;
the crash handler and the collector come right after it, before the clinic's worker starts,
and an error before then still reaches the crash handler."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from types import TracebackType

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.commands import gui
from mobileathlete_desktop.ui.crash_handler import CrashHandler

from ..conftest import ClinicTemplates

# The real program, started as from a desktop (the bench hook signs in), watched from inside:
# at the dialog's first frame, keys are typed into the user name and the loaded modules read;
# when the clinic is open (the worker done), the hooks and the collector are read; every
# ui or Qt module imported off the UI thread is named at exit.
_CHILD = """
import atexit, gc, importlib.abc, json, sys, threading

off_the_ui_thread = []

class Watch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.startswith(("mobileathlete_desktop.ui", "PySide6", "matplotlib.backends")):
            if threading.current_thread() is not threading.main_thread():
                off_the_ui_thread.append(name)

sys.meta_path.insert(0, Watch())
atexit.register(lambda: print("OFF_UI_THREAD " + json.dumps(off_the_ui_thread), flush=True))
from mobileathlete_desktop.ui import sign_in_dialog
Dialog = sign_in_dialog.SignInDialog
paint, opened = Dialog.paintEvent, Dialog._opened

def loaded():
    return {name: name in sys.modules for name in (
        "sqlalchemy", "mobileathlete_desktop.services", "mobileathlete_desktop.ui.main_window",
        "mobileathlete_desktop.ui.crash_handler", "mobileathlete_desktop.ui.garbage")}

def first_paint(self, event):
    paint(self, event)
    if getattr(self, "checked", False):
        return
    self.checked = True
    from PySide6.QtTest import QTest
    before = loaded()
    QTest.keyClicks(self.username, "ana")
    print("FIRST_FRAME " + json.dumps({
        "before_typing": before, "after_typing": loaded(), "typed": self.username.text(),
        "threads": sorted(t.name for t in threading.enumerate()),
        "hook": type(getattr(sys.excepthook, "__self__", None)).__name__,
    }), flush=True)

def clinic_opened(self, outcome):
    print("CLINIC_OPEN " + json.dumps({
        "hook": type(getattr(sys.excepthook, "__self__", None)).__name__,
        "thread_hook": type(getattr(threading.excepthook, "__self__", None)).__name__,
        "automatic_gc": gc.isenabled(), "frozen": gc.get_freeze_count() > 0,
        "crash_dialog": "mobileathlete_desktop.ui.crash_dialog" in sys.modules,
    }), flush=True)
    opened(self, outcome)

Dialog.paintEvent, Dialog._opened = first_paint, clinic_opened
from mobileathlete_desktop.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def _lines(out: str) -> dict[str, str]:
    return {line.split()[0]: line for line in out.splitlines() if line.strip()}


def test_the_first_frame_takes_typing_before_anything_heavy_is_loaded(
    tmp_path: Path, clinic_templates: ClinicTemplates
) -> None:
    clinic = clinic_templates.copy(tmp_path / "clinic.sqlite3", clients=2)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        gui.BENCH_READY_ENV: "1",
        "MOBILEATHLETE_USER": "admin",
        "MOBILEATHLETE_PASSWORD": "demo",
        "MOBILEATHLETE_LOG_DIR": str(tmp_path / "logs"),
    }
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(clinic)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = _lines(done.stdout)
    assert "MOBILEATHLETE_READY" in lines, done.stdout + done.stderr[-3000:]
    first = json.loads(lines["FIRST_FRAME"].split(" ", 1)[1])
    assert first["typed"] == "ana"
    for moment in ("before_typing", "after_typing"):
        assert not any(first[moment].values()), (moment, first[moment])
    # Nothing but the UI thread yet, and a light hook that would load the crash handler.
    assert first["threads"] == ["MainThread"]
    assert first["hook"] == "StartUp"
    opened = json.loads(lines["CLINIC_OPEN"].split(" ", 1)[1])
    assert opened["hook"] == opened["thread_hook"] == "CrashHandler"
    # The handler is in; its dialog (widgets' enums, `platform`) waits for an error to show.
    assert opened["crash_dialog"] is False
    assert opened["automatic_gc"] is False and opened["frozen"] is True
    assert "clients=2" in lines["MOBILEATHLETE_READY"]
    # The worker opened the clinic and loaded the services; every Qt class was made here.
    assert json.loads(lines["OFF_UI_THREAD"].split(" ", 1)[1]) == []


@pytest.fixture
def start_up(qapp: QApplication) -> object:
    hooks = sys.excepthook, threading.excepthook
    made = gui.StartUp(qapp, collect_garbage=False)
    yield made
    made.uninstall()
    assert (sys.excepthook, threading.excepthook) == hooks  # all put back


def test_an_error_before_the_first_frame_reaches_the_crash_handler(
    start_up: gui.StartUp, monkeypatch: pytest.MonkeyPatch
) -> None:
    handled: list[BaseException] = []

    def handle(
        self: CrashHandler, kind: type[BaseException], error: BaseException, tb: object
    ) -> None:
        handled.append(error)

    monkeypatch.setattr(CrashHandler, "handle", handle)
    assert start_up.handler is None
    error = ValueError("in a slot before the first frame")
    tb: TracebackType | None = None
    sys.excepthook(ValueError, error, tb)
    assert handled == [error]
    assert start_up.handler is not None
    assert getattr(sys.excepthook, "__self__", None) is start_up.handler
    start_up.finish()  # once installed, finishing changes nothing
    assert getattr(sys.excepthook, "__self__", None) is start_up.handler


def test_the_signed_in_window_takes_typing_in_its_search(
    tmp_path: Path, clinic_templates: ClinicTemplates, qtbot: QtBot
) -> None:
    """Usable, as the bench times it: once shown and active the keys go to the search."""
    from mobileathlete_desktop.domain.permissions import Actor
    from mobileathlete_desktop.services.context import ServiceContext
    from mobileathlete_desktop.storage.database import open_database

    db = open_database(clinic_templates.copy(tmp_path / "clinic.sqlite3", clients=2))
    try:
        admin = Actor(username="admin", display_name="Admin", role="admin")
        window = gui.main_window(ServiceContext.system(db), admin)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: window.isActiveWindow() and window.search.hasFocus())
        qtbot.keyClicks(QApplication.focusWidget(), "Ada")
        assert window.search.text() == "Ada"
        window.idle_lock.stop()  # type: ignore[attr-defined]
    finally:
        db.dispose()
