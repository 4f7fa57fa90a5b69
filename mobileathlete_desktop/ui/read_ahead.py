"""Reads the signed-in window needs first, started on threads as the sign-in succeeds.

On a clinic server each read the window makes while it is built is a wait for the LAN on the
UI thread (the list's first page; an admin's first steps). The sign-in dialog starts them
once the person is signed in (`start`: a thread each, the actor signed in, so each read's
permission is checked as always); the window, built meanwhile, takes each (`take`) instead
of reading it itself, waiting for the thread only if it has not answered yet. A read is
taken once, by the same clinic and actor, within AHEAD_FOR_S; one that failed, or none, is
read by the window as before (its error said the usual way). Nothing for a SQLite file: the
read costs no wait there, and a thread would compete with the window for the interpreter.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from mobileathlete_desktop.services.context import ServiceContext

AHEAD_FOR_S = 10.0
"""How long a read made ahead is used instead of read again."""

_LOCK = threading.Lock()
_STARTED: dict[str, tuple[ServiceContext, float, Future[Any]]] = {}


def start(name: str, ctx: ServiceContext, read: Callable[[], Any]) -> None:
    """Runs `read` on a thread for the window about to be built with `ctx` (a clinic server
    only); `take(name, ...)` gets its answer."""
    if ctx.db.is_sqlite:
        return
    found: Future[Any] = Future()

    def work() -> None:
        try:
            found.set_result(read())
        except BaseException as exc:  # the window reads it itself and says the error
            found.set_exception(exc)

    with _LOCK:
        _STARTED[name] = (ctx, time.monotonic(), found)
    threading.Thread(target=work, name=f"read-ahead: {name}", daemon=True).start()


def take(name: str, ctx: ServiceContext) -> tuple[bool, Any]:
    """(True, the answer) of the read `name` started for this clinic and actor moments ago,
    once; (False, None) when there is none to take (or it failed)."""
    with _LOCK:
        started = _STARTED.pop(name, None)
    if started is None:
        return False, None
    for_ctx, at, found = started
    if for_ctx.db is not ctx.db or for_ctx.actor != ctx.actor:
        return False, None
    if time.monotonic() - at > AHEAD_FOR_S:
        return False, None
    try:
        return True, found.result(timeout=AHEAD_FOR_S)
    except Exception:
        return False, None
