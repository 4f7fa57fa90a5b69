"""A damaged clinic file met while the window works: one place hears of it.

A large clinic file is checked in full only after the window is up (`services.checks.upkeep`),
and a bad page can also be met by any later query. Either way the work must stop and the
recovery screen take over (set the file aside untouched, offer the good backups), as it does
when the damage is found at start. The main window registers itself here; the job primitive
and the upkeep report damage here instead of showing a generic error.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

# Weak: a window that listens is not kept alive by listening (a closed window just drops out).
_handlers: list[weakref.WeakMethod[Callable[[str], Any]]] = []


def listen(handler: Callable[[str], Any]) -> None:
    """`handler(problem)` (a bound method) is called on the UI thread when damage is reported."""
    _handlers.append(weakref.WeakMethod(handler))


def stop_listening(handler: Callable[[str], Any]) -> None:
    """Forgets a handler (a closed window)."""
    _handlers[:] = [ref for ref in _handlers if ref() not in (None, handler)]


def report(problem: str) -> bool:
    """Tells the newest listening window the clinic file is damaged; False when none listens."""
    while _handlers:
        handler = _handlers[-1]()
        if handler is not None:
            handler(problem)
            return True
        _handlers.pop()
    return False
