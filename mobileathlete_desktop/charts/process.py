"""The chart process: one long-lived helper process that draws the window's charts.

matplotlib's drawing holds the GIL for tens of milliseconds at a time, so a chart drawn on
a worker thread froze the window's thread for 55-75 ms (bench/workday.py). Here charts are
drawn in a process of their own (spawned: no forked Qt or database state; the same on
Windows, macOS and in the frozen bundle, whose entry calls multiprocessing.freeze_support).
It imports matplotlib and warms up as it starts, then answers one request at a time over a
pipe: a `ChartRequest` in, a `ChartPicture` (plain RGBA bytes and numbers) out. What stays
the same from one request to the next (the catalogue; the client's history while their charts
are looked through) crosses the pipe once and is kept there (KEPT): a request carries only
what changed (the catalogue alone pickled to ~93 KB, sent with every chart before).

When the process cannot start or dies (killed, crashed, hung), the chart is drawn on the
asking thread instead (logged: the user still gets it) and the next chart starts a new
process; after MAX_DEATHS deaths charts stay on threads for the rest of the session.
`stop()` ends the process (the window calls it when it closes; also at exit).
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import logging
import threading
import weakref
from collections.abc import Callable
from dataclasses import fields
from typing import Any

from mobileathlete_desktop.charts.figure_lock import FIGURE_LOCK
from mobileathlete_desktop.charts.picture import (
    ChartPicture,
    ChartRequest,
    draw_picture,
    save_picture,
    warm_up,
)

logger = logging.getLogger(__name__)

MAX_DEATHS = 3
"""Deaths (or failed starts) after which charts are drawn on threads for the session."""
ANSWER_TIMEOUT_S = 60.0
"""A request unanswered this long means a hung process: it is ended and replaced."""
POLL_S = 0.25
KEPT = ("catalogue", "history")
"""A ChartRequest's fields the process keeps from one request to the next: sent again only
when the window's object is another one (the same object is never changed: frozen)."""


class ChartProcessUnavailable(RuntimeError):
    """The chart process could not answer (not started, died, hung): draw here instead."""


class ChartProcessStopped(RuntimeError):
    """The chart process was stopped (the window closed) while a request waited."""


def serve(conn: Any) -> None:
    """The chart process' main: warm up, then answer requests until the pipe closes."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is the window's
    warm_up()
    # What warming up made (matplotlib's modules, fonts, caches) lives as long as the process:
    # frozen, the collection after each chart skips it (48 -> 10 ms of CPU a chart, measured).
    gc.collect()
    gc.freeze()
    handlers: dict[str, Callable[..., Any]] = {"draw": draw_picture, "save": save_picture}
    kept: dict[str, Any] = {}
    while True:
        try:
            op, args, fresh = conn.recv()
        except (EOFError, OSError):
            return  # the window's end closed (it exited, or was killed)
        if op == "stop":
            return
        kept.update(fresh)
        try:
            if op in handlers:  # the request's fields as sent, with those kept here
                args = (ChartRequest(**args[0], **kept), *args[1:])
            answer: tuple[str, Any] = ("ok", handlers[op](*args))
        except Exception as exc:  # the chart's own error, for the window to show
            answer = ("error", exc)
        try:
            conn.send(answer)
        except Exception as exc:  # an error that cannot be pickled: its words instead
            if answer[0] == "ok":
                raise
            conn.send(("error", RuntimeError(f"{type(exc).__name__}: {answer[1]}")))
        del answer
        gc.collect()  # the figure's cycles, while idle (not during the next chart)


class ChartProcess:
    """One chart process, started on demand (`start`), one request at a time (`call`)."""

    def __init__(self) -> None:
        self._calling = threading.Lock()  # one request at a time on the pipe
        self._state = threading.Lock()  # the process and pipe fields
        self._process: Any = None
        self._conn: Any = None
        self.deaths = 0
        self._stops = 0
        self._kept: dict[str, weakref.ref[Any]] = {}  # what the running process holds

    @property
    def pid(self) -> int | None:
        """The running process' id (None when there is none)."""
        process = self._process
        return process.pid if process is not None and process.is_alive() else None

    @property
    def stops_seen(self) -> int:
        """How many times `stop` was called (see `start`)."""
        return self._stops

    @property
    def gave_up(self) -> bool:
        return self.deaths >= MAX_DEATHS

    def start(self, stops: int | None = None) -> bool:
        """Starts the process unless it runs (it warms up on its own); never waits for it.
        False when it cannot run (failed too often, or could not be started), or when
        `stop` was called since `stops` was read (`stops_seen`: a start asked for before the
        window closed does not happen after)."""
        with self._state:
            if stops is not None and stops != self._stops:
                return False
            if self._process is not None and self._process.is_alive():
                return True
            if self._process is not None:  # it ended by itself (killed, crashed)
                self._count_death_locked(self._process, "ended while idle")
            if self.gave_up:
                return False
            self._forget_locked()
            import multiprocessing

            context = multiprocessing.get_context("spawn")
            mine, theirs = context.Pipe()
            try:
                process = context.Process(
                    target=serve, args=(theirs,), name="mobileathlete-charts", daemon=True
                )
                process.start()
            except Exception:
                logger.warning("the chart process could not start", exc_info=True)
                self.deaths += 1
                mine.close()
                return False
            finally:
                theirs.close()
            self._process, self._conn = process, mine
            return True

    def call(self, op: str, *args: Any) -> Any:
        """Sends one request and waits for its answer (the GIL free while it waits).

        Raises ChartProcessUnavailable when the process cannot answer, ChartProcessStopped
        when `stop` ended it meanwhile, or the chart's own error raised in the process."""
        stops = self._stops
        with self._calling:
            if stops != self._stops:
                raise ChartProcessStopped
            if not self.start():
                raise ChartProcessUnavailable("the chart process is not running")
            with self._state:
                process, conn = self._process, self._conn
            if process is None:  # stopped just now
                raise ChartProcessStopped
            try:
                message, fresh = self._message(op, args)
                conn.send(message)
                self._kept.update(fresh)
                waited = 0.0
                while not conn.poll(POLL_S):
                    waited += POLL_S
                    if not process.is_alive():
                        raise EOFError("the chart process ended")
                    if waited >= ANSWER_TIMEOUT_S:
                        raise TimeoutError(f"no answer in {ANSWER_TIMEOUT_S:.0f} s")
                status, value = conn.recv()
            except (EOFError, OSError) as exc:  # OSError: broken pipe, closed, timeout
                if stops != self._stops:
                    raise ChartProcessStopped from exc
                self._died(process, exc)
                raise ChartProcessUnavailable(str(exc) or type(exc).__name__) from exc
        if status == "error":
            raise value
        return value

    def _message(
        self, op: str, args: tuple[Any, ...]
    ) -> tuple[tuple[str, Any, dict[str, Any]], dict[str, weakref.ref[Any]]]:
        """What goes down the pipe for a request: (op, args, fields the process is to keep),
        the request as its fields without those the process already holds (KEPT); and the
        references to remember once sent."""
        if not args or not isinstance(args[0], ChartRequest):
            return (op, args, {}), {}
        request = args[0]
        parts = {f.name: getattr(request, f.name) for f in fields(request)}
        fresh: dict[str, Any] = {}
        refs: dict[str, weakref.ref[Any]] = {}
        for name in KEPT:
            value = parts.pop(name)
            held = self._kept.get(name)
            if held is None or held() is not value:
                fresh[name] = value
                with contextlib.suppress(TypeError):  # not weakly referable: sent each time
                    refs[name] = weakref.ref(value)
        return (op, (parts, *args[1:]), fresh), refs

    def _died(self, process: Any, exc: BaseException) -> None:
        with self._state:
            if process is self._process:
                self._count_death_locked(process, str(exc) or type(exc).__name__)

    def _count_death_locked(self, process: Any, how: str) -> None:
        self._forget_locked()  # ended and reaped (its exit code known)
        self.deaths += 1
        logger.warning(
            "the chart process died (%s, exit code %s)%s",
            how,
            process.exitcode,
            "; charts are drawn on threads from now on" if self.gave_up else "",
        )

    def _forget_locked(self) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        self._kept = {}  # a new process holds nothing
        if process is not None:
            _end(process)
        if conn is not None:
            conn.close()

    def stop(self) -> None:
        """Ends the process now (a request waiting on it raises ChartProcessStopped). A
        later request starts a new one."""
        with self._state:
            self._stops += 1
            process, conn = self._process, self._conn
            self._process = self._conn = None
            self._kept = {}
        if process is None:
            return
        _end(process)
        # The caller waiting on the pipe sees it close and lets go of it; then it is shut.
        if self._calling.acquire(timeout=5):
            try:
                conn.close()
            finally:
                self._calling.release()


def _end(process: Any) -> None:
    """Ends the process (asked to terminate, killed if it does not) and reaps it."""
    if process.is_alive():
        process.terminate()
        process.join(2)
    if process.is_alive():
        process.kill()
        process.join(2)


CHARTS = ChartProcess()
"""The window's one chart process."""
atexit.register(CHARTS.stop)


def warm() -> None:
    """Starts the chart process (after sign-in, before the first chart) from a thread of
    its own: starting one takes 10-20 ms, not to be spent on the window's thread."""
    if CHARTS.pid is None and not CHARTS.gave_up:
        threading.Thread(
            target=CHARTS.start, args=(CHARTS.stops_seen,), name="chart-start", daemon=True
        ).start()


def stop() -> None:
    """Ends the chart process (the window closes)."""
    CHARTS.stop()


def _here(what: str, exc: BaseException) -> None:
    logger.warning("%s drawn on this thread: the chart process could not (%s)", what, exc)


def draw(request: ChartRequest) -> ChartPicture:
    """The chart's picture, drawn in the chart process; on the calling thread (under the
    figure lock) when that process cannot. Call it off the UI thread: it waits."""
    try:
        picture: ChartPicture = CHARTS.call("draw", request)
        return picture
    except ChartProcessUnavailable as exc:
        _here("a chart", exc)
    with FIGURE_LOCK:  # imports and draws here: no other thread draws meanwhile
        return draw_picture(request)


def save(request: ChartRequest, path: str) -> str:
    """Writes the chart to a file (charts.style.save_figure's formats and errors), in the
    chart process or, when it cannot, here."""
    try:
        saved: str = CHARTS.call("save", request, path)
        return saved
    except ChartProcessUnavailable as exc:
        _here("an exported chart", exc)
    with FIGURE_LOCK:
        return save_picture(request, path)


def child_rss_mb() -> float | None:
    """The chart process' resident memory (MB), where the system says (Linux)."""
    pid = CHARTS.pid
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


__all__ = [
    "CHARTS",
    "ChartProcess",
    "ChartProcessStopped",
    "ChartProcessUnavailable",
    "child_rss_mb",
    "draw",
    "save",
    "stop",
    "warm",
]
