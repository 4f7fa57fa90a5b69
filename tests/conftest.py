"""Shared fixtures: an isolated data folder, a database copied from a template per test,
service contexts acting as real roles, offscreen Qt.

Contexts: `ctx` (and `therapist_ctx`) act as a therapist, `admin_ctx` as an admin; only a
test of a start-up or maintenance job (sign-in, backups, filling the demo clinic) should use
`system_ctx`, the program acting for itself, which may do anything.

Databases: `db` is a migrated, empty clinic copied from a file built once per session (per
xdist worker); `clinic_templates.copy(dest, clients=N, seed=S)` copies a demo clinic made by
`mobileathlete demo --clients N --seed S`, built the first time it is asked for.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import Database, open_database

# The PostgreSQL test server and the fixtures that run a test on each backend.
pytest_plugins = ["tests.postgres.server", "tests.faults"]

THERAPIST = Actor(
    username="therapist", display_name="Test Therapist", role="therapist", user_id=None
)
ADMIN = Actor(username="admin", display_name="Test Admin", role="admin", user_id=None)


def _cheap_hasher() -> object:
    """argon2id at its lowest cost, for hashes made during tests (see cheap_password_hashing)."""
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(scope="session", autouse=True)
def audit_key_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One config folder (so one audit key) for the run: the templates are sealed with the
    key the tests check them with; never the user's own config folder."""
    folder = tmp_path_factory.mktemp("config")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MOBILEATHLETE_CONFIG_DIR", str(folder))
        yield folder


@pytest.fixture(autouse=True)
def isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own user data folder and no inherited database setting."""
    data = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("MOBILEATHLETE_DATA_DIR", str(data))
    monkeypatch.delenv("MOBILEATHLETE_DB", raising=False)
    return data


@pytest.fixture(autouse=True)
def demo_sign_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line signs in as the demo admin (password "demo") unless a test says otherwise.

    CLI tests run against demo databases; a test of sign-in itself unsets or overrides
    MOBILEATHLETE_USER / MOBILEATHLETE_PASSWORD with monkeypatch.
    """
    monkeypatch.setenv("MOBILEATHLETE_USER", "admin")
    monkeypatch.setenv("MOBILEATHLETE_PASSWORD", "demo")
    monkeypatch.delenv("MOBILEATHLETE_NEW_PASSWORD", raising=False)


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hashes made during tests use argon2id's lowest cost (like switching delays off).

    The program itself always uses the RFC 9106 profile (~0.1–0.4 s a hash); a hash
    carries its own parameters, so checking a cheap one is just as cheap.
    """
    from mobileathlete_desktop.services import accounts

    monkeypatch.setattr(accounts, "_hasher", _cheap_hasher())


@pytest.fixture(autouse=True)
def head_writes_in_the_commit() -> Iterator[None]:
    """The main window defers audit head writes (services.audit_seal.defer_head_writes);
    each test starts and ends with them written inside the commit, as commands do."""
    from mobileathlete_desktop.services.audit_seal import defer_head_writes

    defer_head_writes(False)
    yield
    defer_head_writes(False)


class ClinicTemplates:
    """Clinic files built once and copied per test (a copy takes ~10 ms, building 0.1–2 s).

    A template is closed and checkpointed (no -wal file) before it is first copied, and no
    test ever opens the template itself, so a plain file copy is a whole database.
    """

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._built: dict[tuple[int, int] | None, Path] = {}

    def copy(self, dest: Path, *, clients: int | None = None, seed: int = 7) -> Path:
        """Copies the empty clinic (clients=None) or a demo clinic to `dest`; returns dest."""
        key = None if clients is None else (clients, seed)
        template = self._built.get(key)
        if template is None:
            template = self._build(clients, seed)
            self._built[key] = template
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(template, dest)  # with its mode: a new clinic file is the owner's alone
        head = template.with_name(template.name + ".audit-head")  # the audit trail's head
        if head.exists():
            shutil.copyfile(head, dest.with_name(dest.name + ".audit-head"))
        return dest

    def _build(self, clients: int | None, seed: int) -> Path:
        name = "empty" if clients is None else f"demo-{clients}-{seed}"
        path = self._folder / f"{name}.sqlite3"
        with pytest.MonkeyPatch.context() as mp:
            # As a test would see it: its own data folder, the demo admin, cheap hashes.
            mp.setenv("MOBILEATHLETE_DATA_DIR", str(self._folder / f"{name}-data"))
            mp.delenv("MOBILEATHLETE_DB", raising=False)
            mp.setenv("MOBILEATHLETE_USER", "admin")
            mp.setenv("MOBILEATHLETE_PASSWORD", "demo")
            from mobileathlete_desktop.services import accounts

            mp.setattr(accounts, "_hasher", _cheap_hasher())
            if clients is None:
                open_database(path).dispose()
            else:
                from mobileathlete_desktop.cli import main

                argv = ["--db", str(path), "demo", "--clients", str(clients), "--seed", str(seed)]
                out, err = io.StringIO(), io.StringIO()
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    code = main(argv)
                assert code == 0 and f"{clients} clients" in out.getvalue(), err.getvalue()
        _checkpoint(path)
        return path


def _checkpoint(path: Path) -> None:
    """Folds the write-ahead log into the file and closes it, so the file alone is the clinic."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    assert not path.with_name(path.name + "-wal").exists(), f"{path} still has a -wal file"


@pytest.fixture(scope="session")
def clinic_templates(tmp_path_factory: pytest.TempPathFactory) -> ClinicTemplates:
    """Empty and demo clinic files built once per session (per worker), copied per test."""
    return ClinicTemplates(tmp_path_factory.mktemp("clinic-templates"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test's SQLite database lives (nothing is there unless `db` is used)."""
    return tmp_path / "clinic.sqlite3"


@pytest.fixture
def db(db_path: Path, clinic_templates: ClinicTemplates) -> Iterator[Database]:
    """A migrated, empty SQLite clinic at db_path (a copy of the session's template)."""
    database = open_database(clinic_templates.copy(db_path))
    yield database
    database.dispose()


@pytest.fixture
def therapist_ctx(db: Database) -> ServiceContext:
    """A service context acting as a therapist."""
    return ServiceContext(db=db, actor=THERAPIST)


@pytest.fixture
def ctx(therapist_ctx: ServiceContext) -> ServiceContext:
    """The default context acts as a therapist, as most work in the program is done."""
    return therapist_ctx


@pytest.fixture
def admin_ctx(db: Database) -> ServiceContext:
    """A service context acting as an admin (users, backups, imports, exports, archiving)."""
    return ServiceContext(db=db, actor=ADMIN)


@pytest.fixture
def system_ctx(db: Database) -> ServiceContext:
    """The program acting for itself (no role limits): only for start-up and maintenance jobs."""
    return ServiceContext.system(db)


# --- Qt: nothing left running or open between tests -------------------------------------


def pytest_configure(config: pytest.Config) -> None:
    """Every Qt class PySide makes lazily is made now, on the main thread, as the program
    makes them once its window is up (ui/qt_types.py): a job's worker never makes one
    (two threads making them at once crashed test processes)."""
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        return  # the xdist controller runs no test: its workers each make them
    from mobileathlete_desktop.ui import qt_types

    qt_types.meet_all()


@pytest.fixture(scope="session", autouse=True)
def garbage_collected_on_the_main_thread() -> Iterator[None]:
    """As the program does (ui/garbage.py): no automatic collection, which would run on
    whatever thread allocates (a job's worker, the sign-in's background open) and there free
    a Qt object an earlier test left in a cycle, a segfault in an unrelated test. Collections
    run between tests instead, on the main thread (`collect_between_tests`)."""
    was = gc.isenabled()
    gc.disable()
    yield
    if was:
        gc.enable()


@pytest.fixture(autouse=True)
def collect_between_tests() -> Iterator[None]:
    """After each test, the collection CPython's thresholds say is due, on the main thread."""
    yield
    counts, threshold = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] > threshold[generation]:
            gc.collect(generation)
            break


# How long background work (QThreadPool.globalInstance()) may still take after a test ends.
DRAIN_MS = 10_000


def _qt_application() -> Any:
    """The running QApplication, or None when the test did not load Qt widgets at all."""
    if "PySide6.QtWidgets" not in sys.modules:
        return None
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    return app if isinstance(app, QApplication) else None


def _top_level_windows(app: Any) -> dict[int, Any]:
    """Every top-level widget that still exists, keyed by its C++ address."""
    import shiboken6

    return {shiboken6.getCppPointer(w)[0]: w for w in app.topLevelWidgets()}


def _flush_qt(app: Any) -> None:
    """Delivers queued signals and runs pending deleteLater() calls (not done outside a loop)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _describe(widget: Any) -> str:
    text = widget.text() if callable(getattr(widget, "text", None)) else ""
    title = widget.windowTitle() or widget.objectName() or text or ""
    state = "visible" if widget.isVisible() else "hidden, not deleted"
    return f"{type(widget).__name__}({title!r}, {state})"


# Qt's own top-level helpers (C++ class names), which Qt creates, reuses and deletes by
# itself: the tooltip label, one per application, deleted on a timer some time after it hides.
# Menus, combo box pop-ups and completers are windows too, but children of their widget: they
# go with it and need no exception.
QT_INTERNAL_WINDOWS = frozenset({"QTipLabel"})


@pytest.fixture(autouse=True)
def qt_leaks_fail_the_test() -> Iterator[None]:
    """After a test that loaded Qt: background work must be finished (the global thread pool
    drained within DRAIN_MS) and no top-level widget may be left from the test, visible or
    hidden, once pending deleteLater() calls have run.

    pytest-qt has already closed and deleteLater()-ed the widgets given to qtbot.addWidget; a
    window left over is one nobody owns (give it to qtbot, a parent, or close it with
    WA_DeleteOnClose). Leftovers are closed so the next test starts clean.
    """
    app = _qt_application()
    before = set(_top_level_windows(app)) if app is not None else set()
    yield
    app = _qt_application()
    if app is None:
        return
    from PySide6.QtCore import QThreadPool

    problems = []
    pool = QThreadPool.globalInstance()
    if not pool.waitForDone(DRAIN_MS):
        problems.append(
            f"background work still running {DRAIN_MS} ms after the test "
            f"({pool.activeThreadCount()} pool threads busy)"
        )
    _flush_qt(app)
    leaked = [
        w
        for address, w in _top_level_windows(app).items()
        if address not in before and w.metaObject().className() not in QT_INTERNAL_WINDOWS
    ]
    if leaked:
        problems.append("top-level widgets left over: " + ", ".join(map(_describe, leaked)))
        for w in leaked:
            w.close()  # not deleted here: something may still hold it; closed, it is harmless
        _flush_qt(app)
    if problems:
        pytest.fail("; ".join(problems), pytrace=False)
