"""Opening the window (what `mobileathlete` does with no subcommand): recover, sign in, lock.

The sign-in dialog shows first; the clinic opens (and the main window's modules load) on a
worker thread while the password is typed. Nothing heavy is imported at module level here.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from mobileathlete_desktop.commands.bench_hook import (
    BENCH_READY_ENV,
    bench_actor,
    bench_sign_in,
    report_ready_then_quit,
)
from mobileathlete_desktop.commands.exits import EXIT_ERROR, EXIT_OK, EXIT_USAGE
from mobileathlete_desktop.commands.start_up import StartUp

if TYPE_CHECKING:
    from mobileathlete_desktop.domain.permissions import Actor
    from mobileathlete_desktop.services.context import ServiceContext
    from mobileathlete_desktop.services.session import Database
    from mobileathlete_desktop.ui.garbage import GarbageCollector
    from mobileathlete_desktop.ui.main_window import MainWindow
    from mobileathlete_desktop.ui.sign_in_dialog import OpenedClinic, SignInDialog

log = logging.getLogger(__name__)

UI_SWITCH_INTERVAL_S = 0.001
"""How long a thread runs Python before the interpreter hands its lock (the GIL) to another
that waits: CPython's 5 ms by default. The UI thread takes the lock back at each call Qt makes
into Python (a timer, a model's data(), an event filter), and while a job's worker runs
Python it waited up to 5 ms each time: a repaint of a few dozen such calls stalled the
window for the worker's whole run. At 1 ms it waits 1 ms at most. Issue 22, bench A/B of the
workday's grid entry, alternating 5 and 1 ms, 8 rounds each at load 4-7: the step's longest
stall lower at 1 ms in 7 rounds of 8 (median of the rounds' maxima 100 -> 73 ms, heartbeat
p99 54 -> 40 ms); two threads interpreting a visit 2x60 times took 489 and 493 ms (median of
4), no throughput lost."""


def favour_the_ui_thread() -> None:
    """Sets the interpreter's switch interval to UI_SWITCH_INTERVAL_S (the program's start;
    the bench sets it the same way for the window it measures in its own process)."""
    sys.setswitchinterval(UI_SWITCH_INTERVAL_S)


def open_clinic(args: argparse.Namespace) -> Database | None:
    """Opens the database for the window, recovering a damaged file; None if it cannot."""
    from mobileathlete_desktop.commands.common import database_target
    from mobileathlete_desktop.ui.recovery_dialog import open_clinic_or_recover

    return open_clinic_or_recover(database_target(args))


def open_in_background(args: argparse.Namespace, *, freeze: bool = False) -> OpenedClinic:
    """For the worker thread behind the sign-in dialog: opens the clinic (the demo filled
    once with --demo), without asking anything (damage raises services.recovery.CannotOpen
    and its kinds: the UI thread then runs the recovery screen), and loads the modules the
    main window needs that make no Qt class (ui.import_slices; the UI thread imports the
    others, `OpenedClinic.window_modules`, while the person types); with `freeze` (the
    program's collector runs on the UI thread: ui.garbage) what they made is frozen out of
    collections. Touches no widget and makes no Qt class."""
    from mobileathlete_desktop.commands.common import database_target
    from mobileathlete_desktop.services.accounts import clinic_is_demo, has_users
    from mobileathlete_desktop.services.context import ServiceContext
    from mobileathlete_desktop.services.recovery import open_with_recovery
    from mobileathlete_desktop.ui.sign_in_dialog import OpenedClinic

    db = open_with_recovery(database_target(args), offer=None)
    try:
        ctx = ServiceContext.system(db)
        _fill_demo(args, ctx)
        window_modules = _load_window_modules()
        opened = OpenedClinic(
            ctx=ctx,
            has_users=has_users(db),
            is_demo=clinic_is_demo(db),
            window_modules=window_modules,
        )
        if freeze:
            # What was just loaded (modules, classes) is never garbage: out of every
            # collection, as ui.garbage does at start, so the UI thread's next ones are short.
            gc.freeze()
    except BaseException:
        db.dispose()
        raise
    return opened


WINDOW_MODULES = (
    "mobileathlete_desktop.ui.jobs",
    "mobileathlete_desktop.ui.idle_lock",
    "mobileathlete_desktop.ui.first_run_dialog",
    "mobileathlete_desktop.ui.main_window",
    # Imported inside the window's constructor, so not found by following its imports:
    "mobileathlete_desktop.ui.next_steps_panel",
    "mobileathlete_desktop.ui.today_panel",
    "mobileathlete_desktop.ui.prewarm",
)
"""What signing in shows (the main window, its lock, or the first run), imported before Enter."""


def _load_window_modules() -> tuple[str, ...]:
    """On the worker: imports the services and domain modules the window needs (never Qt:
    ui.import_slices) so that after Enter only the window is built; returns the ui modules
    left for the UI thread, in dependency order."""
    import mobileathlete_desktop.services.checks  # noqa: F401  (the upkeep after the window)
    from mobileathlete_desktop.ui import import_slices

    plan = import_slices.plan(WINDOW_MODULES)
    import_slices.import_all(plan.background)
    return plan.ui_thread


def _import_window_modules(dialog: SignInDialog, then: Callable[[], None]) -> None:
    """On the UI thread once the clinic is open: the main window's ui modules, one per turn
    of the event loop (a few milliseconds each), so the dialog keeps answering keys; then
    `then()` (also after a failure: signing in imports the module again and says why)."""
    from PySide6.QtCore import QTimer

    from mobileathlete_desktop.ui import import_slices

    opened = dialog.opened
    if opened is None:
        then()
        return

    def later(step: Callable[[], None]) -> None:
        QTimer.singleShot(0, dialog, step)  # dropped with the dialog

    def failed(name: str, exc: Exception) -> None:
        # Signing in imports it again and says what is wrong; the sign-in goes on.
        log.warning("Could not import %s before signing in: %s", name, exc)
        then()

    import_slices.import_in_slices(opened.window_modules, later, then, failed)


def _fill_demo(args: argparse.Namespace, ctx: ServiceContext) -> None:
    if getattr(args, "demo", False):
        from mobileathlete_desktop.services.demo import create_demo_clinic, database_is_empty

        if database_is_empty(ctx):
            create_demo_clinic(ctx)


def start_session(ctx: ServiceContext) -> MainWindow | None:
    """First-run or sign-in, then the main window with its idle lock (the clinic is open
    already: after a recovery).

    The slow upkeep (the daily backup, the full check of a large file) starts in the
    background once the window is up: see `start_upkeep`.
    """
    from mobileathlete_desktop.services.accounts import has_users
    from mobileathlete_desktop.ui.first_run_dialog import FirstRunDialog
    from mobileathlete_desktop.ui.sign_in_dialog import SignInDialog

    actor = bench_actor(ctx)
    if actor is None:
        actor = SignInDialog.ask(ctx) if has_users(ctx.db) else FirstRunDialog.ask(ctx)
    if actor is None:
        return None
    return main_window(ctx, actor)


def main_window(ctx: ServiceContext, actor: Actor) -> MainWindow:
    """The main window for someone signed in, with its idle lock and the upkeep started."""
    from mobileathlete_desktop.ui.idle_lock import IdleLock
    from mobileathlete_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx.as_actor(actor))
    window.idle_lock = IdleLock.for_clinic(window, window.ctx)  # type: ignore[attr-defined]
    if not os.environ.get(BENCH_READY_ENV):
        start_upkeep(window, ctx)
    return window


def start_upkeep(window: MainWindow, ctx: ServiceContext) -> None:
    """Starts the background upkeep; a problem is shown in the status bar, damage found by
    the full check of a large file closes the window for the recovery screen."""
    from mobileathlete_desktop.services.checks import upkeep
    from mobileathlete_desktop.services.errors import DatabaseDamagedError
    from mobileathlete_desktop.ui.jobs import Job

    def done(problems: list[str]) -> None:
        for problem in problems:
            window.statusBar().showMessage(problem)

    def failed(exc: Exception) -> None:
        if isinstance(exc, DatabaseDamagedError):  # a large file's full check found damage
            window.damaged(str(exc))
        else:
            window.statusBar().showMessage(f"Upkeep failed: {exc}")

    job = Job(window, lambda _control: upkeep(ctx), done)
    job.failure(failed)
    window.upkeep = job.run()  # type: ignore[attr-defined]


def no_display_problem(env: Mapping[str, str], platform: str) -> str | None:
    """Why the window cannot open on this Linux machine (no display), or None. Qt would abort
    with a long message; this says it in one line, before anything is opened."""
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); run it in "
        "a desktop session, or use the subcommands (mobileathlete --help) on a server"
    )


def run_gui(args: argparse.Namespace) -> int:
    """Opens the database (the demo clinic once with --demo), signs in, shows the window."""
    from PySide6.QtWidgets import QApplication

    problem = no_display_problem(os.environ, sys.platform)
    if problem is not None and QApplication.instance() is None:
        print(f"mobileathlete: {problem}", file=sys.stderr)
        return EXIT_USAGE
    # Before the first worker starts (the clinic opens and the window's modules import on
    # one while the password is typed).
    favour_the_ui_thread()

    from mobileathlete_desktop.ui.app import create_application

    # The log and faulthandler are on already (cli.main); from here an error in a slot is
    # logged and shown with a copyable report (StartUp).
    existing = QApplication.instance()
    app = existing or create_application(sys.argv[:1], collect_garbage=False)
    start_up = StartUp(app, collect_garbage=existing is None)  # type: ignore[arg-type]
    try:
        return _run_window(args, app, start_up)
    finally:
        start_up.uninstall()


def _run_window(args: argparse.Namespace, app: Any, start_up: StartUp | None = None) -> int:
    started = sign_in_first(args, start_up)
    if start_up is not None:
        start_up.finish()  # done at the first frame; here too when none was painted
    if isinstance(started, int):
        return started
    db, window = started
    while db is not None:
        try:
            if window is None:  # the clinic came through the recovery screen
                from mobileathlete_desktop.services.context import ServiceContext

                ctx = ServiceContext.system(db)  # signing in, or the first run, says who works
                _fill_demo(args, ctx)
                window = start_session(ctx)
                if window is None:
                    return EXIT_OK
            window.show()
            window.activateWindow()  # the sign-in had the keyboard: the window takes it on
            if os.environ.get(BENCH_READY_ENV):
                report_ready_then_quit(app, window)
            code = app.exec()
        finally:
            db.dispose()
        if window.recovery_needed is None:
            return EXIT_OK if code == 0 else EXIT_ERROR
        # Damage was met while the window worked: the recovery screen, as at a start, with
        # every page checked (a large file is otherwise checked only after opening).
        db, window = recover_after_damage(args), None
    return EXIT_ERROR


def sign_in_first(
    args: argparse.Namespace, start_up: StartUp | None = None
) -> tuple[Database | None, MainWindow | None] | int:
    """The sign-in dialog at once, the clinic opening behind it. Returns the clinic and the
    signed-in window; or the clinic without a window when it came through the recovery
    screen (damage met while opening: the sign-in hides, the recovery runs, the caller signs
    in again); or the exit code when the person cancelled (EXIT_OK) or nothing opened.
    `start_up` is finished once the dialog's first frame is painted."""
    from mobileathlete_desktop.ui.sign_in_dialog import SignInDialog

    dialog = SignInDialog(demo_expected=bool(getattr(args, "demo", False)))
    try:
        return _after_sign_in(args, dialog, start_up)
    finally:
        dialog.deleteLater()


class _Opening:
    """The collector held off while the clinic opens (set on the UI thread before the worker
    starts, read by the worker)."""

    collector: GarbageCollector | None = None


def _after_sign_in(
    args: argparse.Namespace, dialog: SignInDialog, start_up: StartUp | None
) -> tuple[Database | None, MainWindow | None] | int:
    from mobileathlete_desktop.ui.sign_in_dialog import NEEDS_FIRST_RUN, OPEN_FAILED

    opening = _Opening()

    def before_the_worker() -> None:
        # On the UI thread, the first frame painted. The UI thread's garbage collections
        # hold off while the worker imports: a full one over the objects being loaded
        # stalled the dialog 100-200 ms (the GIL).
        if start_up is not None:
            start_up.finish()
        # The worker's plan of imports, loaded here: no ui module is imported off this thread.
        from mobileathlete_desktop.ui import import_slices  # noqa: F401

        ours = start_up.collector if start_up is not None else None
        opening.collector = ours or _garbage_collector()
        if opening.collector is not None:
            opening.collector.timer.stop()
            dialog.clinic_ready.connect(opening.collector.timer.start)

    def import_the_window(then: Callable[[], None]) -> None:
        # The clinic is ready to sign in with once the window's modules are in, as when the
        # worker imported them. The classes made now are never garbage either: frozen.
        def done() -> None:
            if opening.collector is not None:
                gc.freeze()
            then()

        _import_window_modules(dialog, done)

    dialog.before_ready = import_the_window

    def after_the_first_frame() -> None:
        # Its own turn of the event loop, before the worker's (posted after this one): the
        # crash handler's import is the largest piece (the dialog answers keys between).
        if start_up is not None:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, dialog, start_up.install_crash_handler)

    dialog.shown.connect(after_the_first_frame)
    dialog.opening.connect(before_the_worker)
    dialog.open_in_background(
        lambda: open_in_background(args, freeze=opening.collector is not None)
    )
    if os.environ.get(BENCH_READY_ENV):
        bench_sign_in(dialog)
    try:
        result = dialog.exec()
    finally:
        if opening.collector is not None:
            opening.collector.timer.start()
    dialog.hide()
    if result == OPEN_FAILED:
        log.info("Opening the clinic failed behind the sign-in: %s", dialog.open_error)
        # The recovery screen says what happened and offers the backups (the file may have
        # been set aside already: it then finds it so).
        db = open_clinic(args)
        return (db, None) if db is not None else EXIT_ERROR
    opened = dialog.opened
    if result == NEEDS_FIRST_RUN and opened is not None:
        from mobileathlete_desktop.ui.first_run_dialog import FirstRunDialog

        actor = FirstRunDialog.ask(opened.ctx)
    elif dialog.actor is not None and opened is not None:
        actor = dialog.actor
    else:  # cancelled; a clinic opened meanwhile is closed
        outcome = dialog.wait_for_open()
        if outcome is not None and not isinstance(outcome, Exception):
            outcome.ctx.db.dispose()
        return EXIT_OK
    if actor is None:
        opened.ctx.db.dispose()
        return EXIT_OK
    try:
        return opened.ctx.db, main_window(opened.ctx, actor)
    except BaseException:
        opened.ctx.db.dispose()
        raise


def _garbage_collector() -> GarbageCollector | None:
    from PySide6.QtCore import QCoreApplication

    from mobileathlete_desktop.ui.garbage import GarbageCollector

    app = QCoreApplication.instance()
    if app is None:
        return None
    # The one installed now: an uninstalled one may still be a child until it is deleted.
    running = [c for c in app.findChildren(GarbageCollector) if c.timer.isActive()]
    return running[-1] if running else None


def recover_after_damage(args: argparse.Namespace) -> Database | None:
    """Opens the clinic again after damage, through the recovery screen (every page checked)."""
    from mobileathlete_desktop.commands.common import database_target
    from mobileathlete_desktop.ui.recovery_dialog import open_clinic_or_recover

    return open_clinic_or_recover(database_target(args), full_check=True)
