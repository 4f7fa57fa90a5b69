"""The audit head's bookkeeping in memory: what this transaction appended, the heads this
process planned, and the head files written a moment after their commits
(services.audit_seal uses these; they touch neither the database nor the key)."""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Head:
    """The end of the chain as it was when written: how many events, the last one's id and hash."""

    events: int
    last_id: int
    last_hash: str
    written_at: str = ""


@dataclass(frozen=True)
class Appended:
    """What this transaction appended, as record_event saw it under the lock: the trail's last
    event before the first (None for an empty trail), how many, and the last one."""

    before: tuple[int, str] | None
    count: int
    last: tuple[int, str]


class LaterHeads:
    """Head files written a moment after the commits that moved them, on a timer thread.

    Writing the head is an fsync'd file write (several ms) after every audited save; while
    a therapist types values that is on the path from Enter to "saved". Deferred, the newest
    head of each file is written once per `DELAY_S`, and at the latest when the window closes
    or the program exits (`flush_heads`). A plan is complete in itself (counted from the
    head file it read, which stays in the trail), so a later write never needs an earlier
    one. The cost: after a power cut or a kill, the head may lack the events of the last
    `DELAY_S` (docs/trust.md says so), as it lacked one transaction's before.
    """

    DELAY_S = 0.25

    def __init__(self, write: Callable[[Path, Head], None]) -> None:
        self._write = write
        self.enabled = False
        self._lock = threading.Lock()
        self._pending: dict[Path, Head] = {}
        self._timer: threading.Timer | None = None
        self._exit_hooked = False

    def add(self, path: Path, head: Head) -> None:
        with self._lock:
            before = self._pending.get(path)
            if before is None or head.last_id > before.last_id:
                self._pending[path] = head
            if self._timer is None:
                self._timer = threading.Timer(self.DELAY_S, self.flush)
                self._timer.daemon = True
                self._timer.start()
            if not self._exit_hooked:
                atexit.register(self.flush)
                self._exit_hooked = True

    def flush(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, {}
            timer, self._timer = self._timer, None
        if timer is not None and timer is not threading.current_thread():
            timer.cancel()
        for path, head in pending.items():
            self._write(path, head)


class PlannedHeads:
    """The heads this process planned and committed, per head file (the newest few).

    A transaction that appended right after the newest of them (its first event chains
    from that head's event, read under the lock) moves the head on from it without asking
    the database again, provided the file still holds one of them: the file is then known
    to lie on this trail (the deferred writes of `LaterHeads` may not have reached it)."""

    KEEP = 32

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._heads: dict[Path, list[Head]] = {}

    def add(self, path: Path, head: Head) -> None:
        with self._lock:
            heads = self._heads.setdefault(path, [])
            heads.append(head)
            del heads[: -self.KEEP]

    def follow(self, path: Path, file_head: Head, appended: Appended) -> Head | None:
        """The head after `appended`, when it chains from this process's newest head and the
        file holds one of this process's heads; else None."""
        with self._lock:
            heads = list(self._heads.get(path, ()))
        if not heads or appended.before != (heads[-1].last_id, heads[-1].last_hash):
            return None
        if not any(_same_head(file_head, h) for h in heads):
            return None
        newest = heads[-1]
        return Head(newest.events + appended.count, *appended.last)


def _same_head(a: Head, b: Head) -> bool:
    return (a.events, a.last_id, a.last_hash) == (b.events, b.last_id, b.last_hash)
