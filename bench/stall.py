"""A stall meter for the UI thread: a 5 ms heartbeat QTimer and a watchdog thread.

The heartbeat beats on the UI thread; the gap between two beats is how long the window could
not answer (the same measure as the sign-in's `signin_max_stall_ms`). Each gap is charged to
the step the scripted workday was in (`meter.step("open client")`). While the heartbeat is
late, a watchdog thread samples the UI thread's Python stack, so a long stall also says
which function of the program held the thread (file:function, innermost project frame).
"""

from __future__ import annotations

import gc
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, QTimer

PROJECT = "mobileathlete_desktop"
THRESHOLD_MS = 50.0


@dataclass
class Stall:
    """One gap of the heartbeat over the threshold: how long, in which step, and where the
    UI thread was while the heartbeat waited (the project's frames seen most often)."""

    ms: float
    step: str
    where: list[str] = field(default_factory=list)
    cpu_ms: float = 0.0  # the UI thread's own CPU time over the gap
    gc_ms: float = 0.0  # time spent in Python's garbage collector over the gap
    process_ms: float = 0.0  # the whole process's CPU time over the gap (every thread)

    @property
    def culprit(self) -> str:
        """The project function seen most often on the UI thread during the stall (or, when
        the UI thread ran none, what a worker thread ran: "worker: ...", GIL contention)."""
        if self.gc_ms > self.ms / 2:
            return f"garbage collection ({self.gc_ms:.0f} ms)"
        on_ui = [w for w in self.where if not w.startswith("worker: ")]
        if on_ui:
            return Counter(on_ui).most_common(1)[0][0]
        if self.where:
            return Counter(self.where).most_common(1)[0][0]
        if self.cpu_ms < self.ms / 2 and self.process_ms > self.ms / 2:
            return f"UI thread waiting for the GIL (a worker ran {self.process_ms:.0f} ms)"
        if self.cpu_ms < self.ms / 2:
            return f"process not running (CPU {self.process_ms:.0f} ms: the machine's load)"
        return f"no project code (UI thread ran {self.cpu_ms:.0f} ms in Qt or a library)"

    def describe(self) -> str:
        """The stall, its step and culprit, and the CPU time behind it: the UI thread's own,
        and the process's (every thread). UI CPU near the gap: the UI thread worked; process
        CPU near it but UI CPU low: another thread held the GIL; both low: the machine's
        load kept the process off the cores."""
        return (
            f"{self.ms:7.1f} ms  {self.step:<32} {self.culprit}"
            f"  [UI CPU {self.cpu_ms:.0f} ms, process {self.process_ms:.0f} ms]"
        )


def _project_frame(stack: traceback.StackSummary) -> str | None:
    """The innermost frame in the program (not the bench, not a library), as file:function."""
    for frame in reversed(stack):
        path = frame.filename.replace("\\", "/")
        if f"/{PROJECT}/" in path:
            tail = path.split(f"/{PROJECT}/", 1)[1]
            return f"{PROJECT}/{tail}:{frame.name}"
    return None


_WAITS = ("/threading.py", "/concurrent/futures/", "/queue.py", "/selectors.py")
_WAITING = frozenset({"wait", "result", "get", "put", "select", "join", "_wait_for_tstate_lock"})


def _waiting(stack: traceback.StackSummary) -> bool:
    """Whether a thread's innermost frame waits in the standard library's waits (a lock,
    a condition, a future, a queue) rather than running."""
    if not stack:
        return True
    top = stack[-1]
    path = top.filename.replace("\\", "/")
    return top.name in _WAITING and any(w in path for w in _WAITS)


class StallMeter(QObject):
    """Beats every `interval_ms` on the UI thread; keeps the gaps, per step."""

    def __init__(self, interval_ms: int = 5, threshold_ms: float = THRESHOLD_MS) -> None:
        super().__init__()
        self.threshold_ms = threshold_ms
        self.current = "idle"
        self.stalls: list[Stall] = []
        self.max_ms = 0.0
        self.worst: Stall | None = None
        self.per_step: dict[str, float] = {}
        self.worst_in_step: dict[str, Stall] = {}
        """Each step's longest stall over the threshold (its culprit said), by step."""
        self._last = 0.0
        self._last_cpu = 0.0
        self._last_process = 0.0
        self._gc_ms = 0.0
        self._gc_started = 0.0
        self._samples: list[str] = []
        self._lock = threading.Lock()
        self._ui_thread = threading.get_ident()
        self._running = False
        self._watchdog: threading.Thread | None = None
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._beat)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._last_process = time.process_time()
        gc.callbacks.append(self._gc)
        self._running = True
        self._timer.start()
        self._watchdog = threading.Thread(target=self._watch, name="stall-watchdog", daemon=True)
        self._watchdog.start()

    def stop(self) -> None:
        self._beat()
        self._timer.stop()
        self._running = False
        if self._gc in gc.callbacks:
            gc.callbacks.remove(self._gc)
        if self._watchdog is not None:
            self._watchdog.join(1)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        """Charges the gaps that end while the block runs to `name`."""
        self._beat()  # the gap before the step belongs to the one before
        before, self.current = self.current, name
        try:
            yield
        finally:
            self._beat()
            self.current = before

    def switch(self, name: str) -> None:
        """Charges the gaps from now on to `name` (inside a step: until the step ends)."""
        self._beat()  # the gap before belongs to the step it ended in
        self.current = name

    @property
    def over_threshold(self) -> int:
        return len(self.stalls)

    def _gc(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        elif self._gc_started:
            with self._lock:
                self._gc_ms += (time.perf_counter() - self._gc_started) * 1000
            self._gc_started = 0.0

    def worst_stalls(self, n: int = 8) -> list[Stall]:
        return sorted(self.stalls, key=lambda s: -s.ms)[:n]

    def _beat(self) -> None:
        now, cpu, process = time.perf_counter(), time.thread_time(), time.process_time()
        gap_ms = (now - self._last) * 1000
        cpu_ms = (cpu - self._last_cpu) * 1000
        process_ms = (process - self._last_process) * 1000
        self._last, self._last_cpu, self._last_process = now, cpu, process
        with self._lock:
            where, self._samples = self._samples, []
            gc_ms, self._gc_ms = self._gc_ms, 0.0
        step = self.current
        self.per_step[step] = max(self.per_step.get(step, 0.0), gap_ms)
        if gap_ms > self.threshold_ms:
            stall = Stall(gap_ms, step, where, cpu_ms, gc_ms, process_ms)
            self.stalls.append(stall)
            if self.worst is None or gap_ms > self.worst.ms:
                self.worst = stall
            if step not in self.worst_in_step or gap_ms > self.worst_in_step[step].ms:
                self.worst_in_step[step] = stall
        self.max_ms = max(self.max_ms, gap_ms)

    def _watch(self) -> None:
        """Samples the UI thread's stack every 5 ms while the heartbeat is late.

        No frame object outlives one sample (`_sample` returns strings only): a UI frame held
        here past its function's return keeps that function's locals alive (CPython hands
        them to the frame object), so a Qt wrapper outlived its C++ object (a stale wrapper:
        a new grid's header came back as a QAbstractScrollArea in CI) or was freed here, off
        the UI thread, when the watcher let go (the server bench's segfaults under load).
        Lines are not looked up (no file reads: the GIL is not let go meanwhile)."""
        late_s = self.threshold_ms / 2000
        while self._running:
            time.sleep(0.005)
            if time.perf_counter() - self._last < late_s:
                continue
            found = self._sample()
            if found is not None:
                with self._lock:
                    self._samples.append(found)

    def _sample(self) -> str | None:
        """Where the UI thread is (or, when it waits, a busy worker), as file:function."""
        frames = sys._current_frames()
        try:
            stacks = {
                ident: traceback.StackSummary.extract(
                    traceback.walk_stack(frame), lookup_lines=False
                )
                for ident, frame in frames.items()
                if ident != threading.get_ident()
            }
        finally:
            frames.clear()  # let go of every frame at once, before anything else runs
            del frames
        ui = stacks.pop(self._ui_thread, None)
        if ui is None:
            return None
        ui.reverse()  # walk_stack goes innermost first; the summaries read outermost first
        found = _project_frame(ui)
        if found is not None:
            return found
        # The UI thread waits (for the GIL?): what do the workers run? A worker waiting on
        # another (a future's result, a lock, a queue) holds no GIL: one running is named
        # first (the page's read waited for its audited open and was named, not the thread
        # that ran).
        others = [traceback.StackSummary.from_list(stack[::-1]) for stack in stacks.values()]
        others.sort(key=_waiting)
        busy = next((p for p in map(_project_frame, others) if p is not None), None)
        return f"worker: {busy}" if busy else None
