"""Long reads and the password check never hold the write lock (issue 23.4): while an
export, a report, `check` or a sign-in is paused in the middle of its work, another
workstation saves at once; a read-only use case opens a write unit only for its audit event."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, select

from mobileathlete_desktop.services import accounts, audit, checks, clients, exports, overview
from mobileathlete_desktop.services.accounts import (
    MAX_FAILED_SIGN_INS,
    SignInFailed,
    create_user,
    sign_in,
)
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.reports import batch
from mobileathlete_desktop.storage.database import WRITE_OPTION, Database, open_database
from mobileathlete_desktop.storage.models import AuditEvent, User
from tests.conftest import ADMIN, ClinicTemplates

WAIT = 10.0  # generous bound on the machine's slowness; a blocked writer waits for the reader
QUICK = 3.0  # a save beside a paused reader must be done well within this (busy timeout 10 s)
PASSWORD = "a long enough password 42"


class Pause:
    """Pauses one thread at its first SELECT outside a write unit (the reader holds its
    snapshot there), and counts the write units that thread begins."""

    def __init__(self) -> None:
        self.thread: int | None = None
        self.inside = threading.Event()
        self.release = threading.Event()
        self.write_units = 0

    def after_execute(self, conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if threading.get_ident() != self.thread:
            return
        if statement.startswith("BEGIN"):
            self.write_units += statement == "BEGIN IMMEDIATE"
            return
        writing = conn.get_execution_options().get(WRITE_OPTION, False)
        selecting = statement.lstrip().upper().startswith("SELECT")
        if selecting and not writing and not self.inside.is_set():
            self.inside.set()
            self.release.wait(WAIT * 3)


@contextmanager
def paused_reads() -> Iterator[Pause]:
    pause = Pause()
    event.listen(Engine, "after_cursor_execute", pause.after_execute)  # every engine
    try:
        yield pause
    finally:
        pause.release.set()
        event.remove(Engine, "after_cursor_execute", pause.after_execute)


def _save_elsewhere(path: Path) -> float:
    """Another workstation (its own engine and connections) saves a new client."""
    other = open_database(path, migrate=False)
    try:
        chart = f"ELSEWHERE-{time.monotonic_ns()}"
        started = time.monotonic()
        clients.create_client(
            ServiceContext(db=other, actor=ADMIN), clients.ClientInput(chart, "Elsa", "Where")
        )
        return time.monotonic() - started
    finally:
        other.dispose()


def _run_beside_a_save(use_case: Callable[[], object], path: Path) -> tuple[Pause, object, float]:
    """Runs the use case in a thread, pauses it inside its read, saves from another engine
    meanwhile; returns the pause (its write units), the result and the save's duration."""
    outcome: dict[str, object] = {}
    saved: dict[str, float] = {}

    with paused_reads() as pause:

        def run() -> None:
            pause.thread = threading.get_ident()
            try:
                outcome["result"] = use_case()
            except BaseException as exc:  # reported by the test
                outcome["error"] = exc

        worker = threading.Thread(target=run)
        saver = threading.Thread(target=lambda: saved.update(s=_save_elsewhere(path)))
        worker.start()
        try:
            assert pause.inside.wait(WAIT), "the use case never read outside a write unit"
            saver.start()
            saver.join(QUICK)
            assert not saver.is_alive(), "a save waited for the paused reader"
            assert worker.is_alive()  # the reader was still inside its read meanwhile
        finally:
            pause.release.set()
            worker.join(WAIT * 3)
            if saver.ident is not None:
                saver.join(WAIT * 3)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return pause, outcome.get("result"), saved["s"]


@pytest.fixture
def clinic(tmp_path: Path, clinic_templates: ClinicTemplates) -> Iterator[ServiceContext]:
    path = clinic_templates.copy(tmp_path / "clinic.sqlite3", clients=3)
    db = open_database(path)
    yield ServiceContext(db=db, actor=ADMIN)
    db.dispose()


def _first_client(ctx: ServiceContext) -> int:
    return clients.search_clients(ctx, limit=1)[0].id


USE_CASES: dict[str, tuple[Callable[[ServiceContext, Path], object], int]] = {
    # name: (the use case, how many write units it may open: its audit events)
    "CSV export": (lambda ctx, out: exports.export_csv(ctx, out / "all.csv"), 1),
    "FHIR export": (lambda ctx, out: exports.export_fhir(ctx, out / "fhir"), 1),
    "audit CSV export": (lambda ctx, out: audit.export_csv(ctx, out / "audit.csv"), 1),
    "audit view": (lambda ctx, out: audit.find_events(ctx, newest_first=True, limit=500), 0),
    "client search": (lambda ctx, out: clients.search_clients(ctx, "a"), 0),
    "client count": (lambda ctx, out: clients.count_clients(ctx, "a"), 0),
    "client overview": (lambda ctx, out: overview.client_overview(ctx, _first_client(ctx)), 1),
    "overview refresh": (
        lambda ctx, out: overview.client_overview(ctx, _first_client(ctx), audit=False),
        0,
    ),
    "progress report": (
        lambda ctx, out: batch.write_report(ctx, _first_client(ctx), out / "report.pdf"),
        1,
    ),
    "check": (lambda ctx, out: checks.check_database(ctx.db.path), 0),
}


@pytest.mark.parametrize("name", list(USE_CASES))
def test_a_save_elsewhere_does_not_wait_for_a_long_read(
    name: str, clinic: ServiceContext, tmp_path: Path
) -> None:
    use_case, audit_units = USE_CASES[name]
    out = tmp_path / "out"
    (out / "fhir").mkdir(parents=True)
    path = clinic.db.path
    assert path is not None
    pause, result, took = _run_beside_a_save(lambda: use_case(clinic, out), path)
    assert took < QUICK
    assert pause.write_units == audit_units  # the write lock only for the audit event
    if name == "check":
        assert result.healthy, result.problems  # type: ignore[attr-defined]


def test_check_reports_a_cut_trail_read_beside_writers(clinic: ServiceContext) -> None:
    """The read-only check still finds a trail whose newest events were deleted."""
    path = clinic.db.path
    assert path is not None
    clients.get_client(clinic, _first_client(clinic))  # an event past the head's
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        conn.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
        conn.execute("DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)")
        conn.commit()
    finally:
        conn.close()
    report = checks.check_database(path)
    assert not report.healthy


# --- signing in -------------------------------------------------------------------------


@pytest.fixture
def user_db(db: Database) -> Database:
    create_user(ServiceContext(db=db, actor=ADMIN), "pt", "Pat Physio", "therapist", PASSWORD)
    return db


def test_a_save_elsewhere_does_not_wait_for_a_password_check(
    user_db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checking = threading.Event()
    release = threading.Event()
    real = accounts.password_matches

    def slow_check(password_hash: str, password: str) -> bool:
        checking.set()
        release.wait(WAIT * 3)  # argon2 at its real cost, drawn out
        return real(password_hash, password)

    monkeypatch.setattr(accounts, "password_matches", slow_check)
    signed: dict[str, object] = {}
    worker = threading.Thread(
        target=lambda: signed.update(
            a=sign_in(ServiceContext(db=user_db, actor=ADMIN), "pt", PASSWORD)
        )
    )
    worker.start()
    try:
        assert checking.wait(WAIT)
        saved: dict[str, float] = {}
        saver = threading.Thread(target=lambda: saved.update(s=_save_elsewhere(db_path)))
        saver.start()
        saver.join(QUICK)
        assert not saver.is_alive(), "a save waited for the password check"
        assert saved["s"] < QUICK
    finally:
        release.set()
        worker.join(WAIT * 3)
    assert signed["a"].username == "pt"  # type: ignore[attr-defined]


def test_concurrent_wrong_passwords_are_each_counted_and_lock_the_account(
    backend_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every attempt checks its password at the same time (a barrier inside the check, which
    a check inside the write transaction could never pass), and the counter, re-read in the
    short write, still counts each one: the fifth locks the account."""
    create_user(ServiceContext(db=backend_db, actor=ADMIN), "pt", "Pat", "therapist", PASSWORD)
    together = threading.Barrier(MAX_FAILED_SIGN_INS, timeout=WAIT)
    real = accounts.password_matches

    def check_together(password_hash: str, password: str) -> bool:
        together.wait()
        return real(password_hash, password)

    monkeypatch.setattr(accounts, "password_matches", check_together)
    now = datetime.now(UTC)
    messages: list[str] = []
    errors: list[BaseException] = []

    def attempt() -> None:
        try:
            sign_in(ServiceContext(db=backend_db, actor=ADMIN), "pt", "wrong", now=now)
        except SignInFailed as exc:
            messages.append(str(exc))
        except BaseException as exc:  # reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=attempt) for _ in range(MAX_FAILED_SIGN_INS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(WAIT * 3)
    assert errors == []
    assert sum("now locked" in m for m in messages) == 1
    with backend_db.reading() as session:
        user = session.execute(select(User).where(User.username == "pt")).scalar_one()
        assert user.locked_until is not None and user.failed_attempts == 0
        counts = sorted(
            e.detail["failures"]
            for e in session.execute(
                select(AuditEvent).where(AuditEvent.action == "signin.failed")
            ).scalars()
        )
    assert counts == list(range(1, MAX_FAILED_SIGN_INS + 1))
    monkeypatch.setattr(accounts, "password_matches", real)
    with pytest.raises(SignInFailed, match="locked"):
        sign_in(ServiceContext(db=backend_db, actor=ADMIN), "pt", PASSWORD, now=now)
