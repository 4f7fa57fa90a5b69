"""The clinic's name and idle-lock setting, as the window reads them, and as a sign-in just
read them.

Signing in reads the clinic's row in the same request as the account (services.accounts
.sign_in): the window it opens a moment later shows the name in its title and starts the
idle lock without asking the server again on the UI thread (two waits on a clinic LAN).
What a sign-in read stands for CLINIC_SEEN_FOR_S; changing the clinic's details here forgets
it at once.
"""

from __future__ import annotations

import threading
import time
import weakref

from sqlalchemy import Engine, select

from mobileathlete_desktop.storage.database import Database
from mobileathlete_desktop.storage.models import Clinic

CLINIC_SEEN_FOR_S = 5.0
"""How long the clinic's name and idle-lock setting read by a sign-in stand for the window it
opens (built a moment after it): not asked again on the UI thread (two waits on a LAN)."""
_SEEN: weakref.WeakKeyDictionary[Engine, tuple[float, str | None, int | None]] = (
    weakref.WeakKeyDictionary()
)
_SEEN_LOCK = threading.Lock()


def note_clinic(db: Database, name: str | None, idle_minutes: int | None) -> None:
    """The clinic's name and idle-lock minutes as a sign-in just read them."""
    with _SEEN_LOCK:
        _SEEN[db.engine] = (time.monotonic(), name, idle_minutes)


def forget_clinic_seen(db: Database) -> None:
    """The clinic's settings were changed here: read them again next time."""
    with _SEEN_LOCK:
        _SEEN.pop(db.engine, None)


def _clinic_seen(db: Database) -> tuple[str | None, int | None] | None:
    """(name, idle-lock minutes) read by a sign-in less than CLINIC_SEEN_FOR_S ago, or None."""
    with _SEEN_LOCK:
        seen = _SEEN.get(db.engine)
    if seen is None or time.monotonic() - seen[0] > CLINIC_SEEN_FOR_S:
        return None
    return seen[1], seen[2]


def clinic_name(db: Database) -> str:
    """The clinic's name as set at first run ("clinic" before there is one)."""
    seen = _clinic_seen(db)
    if seen is not None:
        return seen[0] or "clinic"
    with db.reading() as session:
        name = session.execute(select(Clinic.name).limit(1)).scalar_one_or_none()
    return name or "clinic"


def clinic_is_demo(db: Database) -> bool:
    """Whether this is the synthetic demo clinic (its accounts may be named on screen)."""
    with db.reading() as session:
        return bool(session.execute(select(Clinic.is_demo).limit(1)).scalar_one_or_none())


def idle_lock_minutes(db: Database) -> int:
    """Minutes without input before the window locks (the clinic's setting; 10 by default)."""
    seen = _clinic_seen(db)
    if seen is not None:
        value = seen[1]
    else:
        with db.reading() as session:
            value = session.execute(select(Clinic.idle_lock_minutes).limit(1)).scalar_one_or_none()
    return int(value) if value else 10
