"""The benchmark hook (bench/run.py), apart from the window's own start (commands/gui.py).

With MOBILEATHLETE_BENCH_READY=1 the program prints one line
    MOBILEATHLETE_READY <unix time> clients=<rows in the list> peak_rss_mb=<MB>
as soon as the main window is usable: shown and active, the keyboard in its search box, and
its client list filled (or its count said, for an empty clinic); then it quits.
It signs in with $MOBILEATHLETE_USER and $MOBILEATHLETE_PASSWORD (bench/run.py sets them)
instead of showing the sign-in dialog; without the hook variable those are ignored.
Nothing heavy is imported at module level here.
"""

from __future__ import annotations

import itertools
import os
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mobileathlete_desktop.domain.permissions import Actor
    from mobileathlete_desktop.services.context import ServiceContext
    from mobileathlete_desktop.ui.sign_in_dialog import SignInDialog

BENCH_READY_ENV = "MOBILEATHLETE_BENCH_READY"


def bench_actor(ctx: ServiceContext) -> Actor | None:
    """Under the benchmark harness only, signs in from MOBILEATHLETE_USER/PASSWORD."""
    user = os.environ.get("MOBILEATHLETE_USER")
    password = os.environ.get("MOBILEATHLETE_PASSWORD")
    if not (os.environ.get(BENCH_READY_ENV) and user and password):
        return None
    from mobileathlete_desktop.services.accounts import sign_in

    return sign_in(ctx, user, password)


def peak_rss_mb() -> float | None:
    """This process's peak resident memory in MB (None where the OS does not say).

    On Linux it is the address space's own peak (VmHWM): ru_maxrss is carried over fork and
    exec, so a program started by a bigger process would report that process's peak."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        status = ""
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    if found:
        return int(found.group(1)) / 1024
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def report_ready_then_quit(app: Any, window: Any) -> None:
    from PySide6.QtCore import QTimer

    timer = QTimer(window, interval=2)

    def check() -> None:
        label = getattr(window, "count_label", None)
        filled = window.model.rowCount() > 0 or (label is not None and bool(label.text()))
        typing = window.isActiveWindow() and window.search.hasFocus()
        if window.isVisible() and filled and typing:
            timer.stop()
            rss = peak_rss_mb()
            print(
                f"MOBILEATHLETE_READY {time.time():.6f} clients={window.model.rowCount()} "
                f"peak_rss_mb={rss if rss is None else round(rss, 1)}",
                flush=True,
            )
            app.quit()

    timer.timeout.connect(check)
    timer.start()


def bench_sign_in(dialog: SignInDialog) -> None:
    """Under the benchmark harness: prints when the dialog is painted, then once the clinic is
    open types $MOBILEATHLETE_USER / $MOBILEATHLETE_PASSWORD and presses Enter, printing
        MOBILEATHLETE_SIGNIN <unix time> sqlalchemy_loaded=0 services_loaded=0 main_window_loaded=0
            cpu_s=<the process's CPU seconds so far>
        MOBILEATHLETE_ENTER <unix time> clinic_open=<unix time> max_stall_ms=<ms>
    (the longest gap of a 5 ms heartbeat on the UI thread while the dialog was up)."""
    from PySide6.QtCore import QTimer

    heartbeat = QTimer(dialog, interval=5)
    beats: list[float] = []

    def beat() -> None:
        beats.append(time.perf_counter())

    def shown() -> None:
        loaded = " ".join(
            f"{name}_loaded={int(module in sys.modules)}"
            for name, module in (
                ("sqlalchemy", "sqlalchemy"),
                ("services", "mobileathlete_desktop.services"),
                ("main_window", "mobileathlete_desktop.ui.main_window"),
            )
        )
        cpu = f"cpu_s={time.process_time():.4f}"  # the process's CPU time so far
        print(f"MOBILEATHLETE_SIGNIN {time.time():.6f} {loaded} {cpu}", flush=True)
        beats.append(time.perf_counter())
        heartbeat.start()

    def ready() -> None:
        opened_at = time.time()
        heartbeat.stop()
        beat()
        stall = max((b - a for a, b in itertools.pairwise(beats)), default=0.0)
        dialog.username.setText(os.environ.get("MOBILEATHLETE_USER", ""))
        dialog.password.setText(os.environ.get("MOBILEATHLETE_PASSWORD", ""))
        print(
            f"MOBILEATHLETE_ENTER {time.time():.6f} clinic_open={opened_at:.6f} "
            f"max_stall_ms={stall * 1000:.1f}",
            flush=True,
        )
        dialog.try_sign_in()

    heartbeat.timeout.connect(beat)
    dialog.shown.connect(shown)
    dialog.clinic_ready.connect(ready)
