"""The main window's modules before Enter without a Qt class made off the UI thread
(ui/import_slices.py): the worker's share imports no Qt, the UI thread's share comes in
dependency order, one module per turn of the event loop."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

from mobileathlete_desktop.commands import gui
from mobileathlete_desktop.ui import import_slices


def test_the_worker_s_share_imports_no_qt_and_the_ui_thread_s_comes_in_order() -> None:
    plan = import_slices.plan(gui.WINDOW_MODULES)
    assert set(gui.WINDOW_MODULES) <= set(plan.ui_thread)
    # What a ui module imports comes before it.
    order = plan.ui_thread.index
    assert order("mobileathlete_desktop.ui.i18n") < order("mobileathlete_desktop.ui.jobs")
    assert order("mobileathlete_desktop.ui.client_page") < order(
        "mobileathlete_desktop.ui.main_window"
    )
    assert not any(name.startswith("mobileathlete_desktop.ui") for name in plan.background)
    assert "mobileathlete_desktop.services.clients" in plan.background
    # In a fresh interpreter, the worker's share loads no Qt at all.
    code = (
        "import sys; from mobileathlete_desktop.ui import import_slices as s; "
        f"s.import_all({plan.background!r}); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[]"


def test_imports_come_one_per_turn_and_a_failure_stops_them() -> None:
    turns: list[Callable[[], None]] = []
    finished: list[bool] = []
    failures: list[str] = []
    names = ("json", "mobileathlete_desktop.no_such_module", "colorsys")
    sys.modules.pop("colorsys", None)
    import_slices.import_in_slices(
        names, turns.append, lambda: finished.append(True), lambda n, e: failures.append(n)
    )
    assert len(turns) == 1 and not finished  # nothing imported before the first turn
    while turns:
        turns.pop(0)()
    assert failures == ["mobileathlete_desktop.no_such_module"]
    assert not finished and "colorsys" not in sys.modules  # left to whoever needs it
    import_slices.import_in_slices(("json",), turns.append, lambda: finished.append(True), print)
    while turns:
        turns.pop(0)()
    assert finished == [True]
