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


def test_a_window_package_imports_its_modules_one_a_turn_not_all_with_its_first() -> None:
    # Importing any module of a package runs the package's __init__ first: when that imported
    # every module of the package, ui.prewarm's first slice of the editor (or the builder, or
    # the grid) loaded all of it in one turn of the UI thread (up to 45 ms). The packages load
    # their names when asked for, and the plan lists their modules one by one.
    from mobileathlete_desktop.ui import prewarm

    packages = (
        "mobileathlete_desktop.ui.assessment_editor",
        "mobileathlete_desktop.ui.program_builder",
        "mobileathlete_desktop.ui.measure_grid",
    )
    code = (
        "import sys, importlib\n"
        f"for p in {packages!r}: importlib.import_module(p)\n"
        f"print(sorted(m for m in sys.modules if m.startswith({packages!r})))\n"
        "from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor\n"
        "from mobileathlete_desktop.ui.program_builder import ProgramBuilder, drill_pictures\n"
        "from mobileathlete_desktop.ui.measure_grid import CellKey\n"
        "print(AssessmentEditor.__name__, ProgramBuilder.__name__, CellKey.__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    loaded, names = out.stdout.strip().splitlines()
    assert loaded == repr(sorted(packages))
    assert names == "AssessmentEditor ProgramBuilder CellKey"
    plan = prewarm.split().ui_thread
    for module in (
        "mobileathlete_desktop.ui.assessment_editor.window",
        "mobileathlete_desktop.ui.assessment_editor.parts",
        "mobileathlete_desktop.ui.program_builder.window",
        "mobileathlete_desktop.ui.program_builder.library_panel",
        "mobileathlete_desktop.ui.measure_grid.view",
    ):
        assert module in plan  # each a turn of its own
    assert plan.index("mobileathlete_desktop.ui.measure_grid.view") < plan.index(
        "mobileathlete_desktop.ui.assessment_editor.parts"
    )
