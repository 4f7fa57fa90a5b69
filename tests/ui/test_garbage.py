"""Python's garbage collector never frees a Qt object at an unsafe moment (ui/garbage.py): it
runs on the UI thread from the event loop only, never on a pool thread nor inside a paint;
and the program builder is not kept alive by a reference cycle of its own."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import time
import types
import weakref
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSettings, QTimer
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui import garbage, prewarm
from mobileathlete_desktop.ui.program_builder import ProgramBuilder

ROOT = Path(__file__).resolve().parents[2]


def _client(ctx: ServiceContext) -> int:
    return clients.create_client(
        ctx, clients.ClientInput("C-1", "Ada", "Stridewell", date(1990, 1, 1))
    ).id


# The program as a user starts it (create_application), a builder left visible in a reference
# cycle (as any window whose lambdas refer back to it), then allocations inside the library
# list's data() while it paints, enough for CPython's collector to start right there.
_PAINT = """
import gc, sys, time, weakref
from pathlib import Path
from PySide6.QtCore import QEventLoop, QSettings
from mobileathlete_desktop.ui.app import create_application
app = create_application(["mobileathlete"])
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import open_database
from mobileathlete_desktop.ui import service_adapter as svc
from mobileathlete_desktop.ui.program_builder import ProgramBuilder
from tests.conftest import THERAPIST
db_path, client_id = Path(sys.argv[1]), int(sys.argv[2])
ctx = ServiceContext(db=open_database(db_path), actor=THERAPIST)
store = QSettings(str(db_path.parent / "paint.ini"), QSettings.Format.IniFormat)
from mobileathlete_desktop.ui.program_builder.drill_pictures import DrillPictures
from mobileathlete_desktop.ui.garbage import GarbageCollector
collector = app.findChildren(GarbageCollector)[0]
collector.check()  # the modules just imported: a flood of young objects, frozen
builder = ProgramBuilder(ctx, client_id, store=store)
builder.show()
builder.itself = builder
gone = weakref.ref(builder)
del builder
request = DrillPictures.request
def allocating(self, exercises):  # called by the list's data() while it paints
    threshold = gc.get_threshold()
    gc.set_threshold(1, 1, 1)
    [[] for _ in range(100)]
    gc.set_threshold(*threshold)
    return request(self, exercises)
DrillPictures.request = allocating
app.processEvents()
print("painted", flush=True)
end = time.monotonic() + 10
while gone() is not None and time.monotonic() < end:
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 100)
print("freed" if gone() is None else "still there")
"""


def test_the_collector_never_frees_a_window_in_the_middle_of_its_paint(
    ctx: ServiceContext, db_path: Path
) -> None:
    # Before ui/garbage.py this segfaulted ("Cannot destroy paint device that is being
    # painted"): the collector freed the builder inside its own list's data().
    client_id = _client(ctx)
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", _PAINT, str(db_path), str(client_id)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == ["painted", "freed"], done.stdout + done.stderr[-3000:]


def test_a_forgotten_program_builder_goes_at_once(
    ctx: ServiceContext, tmp_path: Path, qtbot: QtBot
) -> None:
    # Its handout row held the builder's own method: a cycle only the collector could break.
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    builder = ProgramBuilder(ctx, _client(ctx), store=store)
    builder.show()
    qtbot.waitExposed(builder)
    # A job running holds its window until it answers (then lets go, on the UI thread).
    pictures = builder.pictures
    # and the latest saved program, read on the pool once the first frame is painted
    qtbot.waitUntil(lambda b=builder: not pictures.reading and b.loading is None)
    gone = weakref.ref(builder)
    collections_before = gc.get_stats()[2]["collections"]
    del builder
    assert gone() is None
    assert gc.get_stats()[2]["collections"] == collections_before  # not by a collection


def test_garbage_is_collected_on_the_ui_thread_not_on_a_worker(
    garbage_collector: garbage.GarbageCollector, qtbot: QtBot
) -> None:
    assert not gc.isenabled()
    threads: list[str] = []

    def heard(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    timer = QTimer()
    timer.start(60_000)  # an active timer stopped on a worker thread: a Qt error, then a crash
    timer.itself = timer  # type: ignore[attr-defined]  # only the collector frees it
    gone = weakref.ref(timer)
    del timer
    made: list[list[object]] = []
    gc.callbacks.append(heard)
    try:
        # Far past CPython's threshold: with automatic collection on it would run there.
        worker = threading.Thread(
            target=lambda: made.extend([] for _ in range(50_000)), name="worker"
        )
        worker.start()
        worker.join()
        assert threads == [] and gone() is not None
        made.clear()  # (alive, so many young objects would be frozen, not walked)
        qtbot.waitUntil(lambda: gone() is None, timeout=5_000)
    finally:
        gc.callbacks.remove(heard)
        made.clear()
    assert set(threads) == {threading.main_thread().name}


def test_uninstalling_puts_automatic_collection_back(qtbot: QtBot) -> None:
    was = gc.isenabled()
    gc.enable()
    try:
        owner = QObject()
        collector = garbage.GarbageCollector(owner, interval_ms=10)
        assert not gc.isenabled() and collector.timer.isActive()
        collector.uninstall()
        assert gc.isenabled() and not collector.timer.isActive()
    finally:
        if not was:
            gc.disable()


def test_the_collector_keeps_cpython_s_schedule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(garbage, "YOUNG_EVERY_S", 10**9)  # no idle slice in between
    owner = QObject()
    collector = garbage.GarbageCollector(owner)
    try:
        collector.threshold = (10**9, 10**9, 10**9)
        assert collector.check() == 0  # nothing due
        young: list[list[object]] = [[] for _ in range(10)]
        young[0].append(young)  # a cycle
        del young
        collector.threshold = (0, 10**9, 10**9)  # the youngest generation is due
        assert collector.check() >= 1
    finally:
        collector.uninstall()


def test_full_collections_are_spaced_out() -> None:
    """A full collection (everything made since start: 200 ms on a day's reports) runs at most
    once every FULL_EVERY_S; when one is due sooner the middle generation goes instead."""
    owner = QObject()
    collector = garbage.GarbageCollector(owner)
    try:
        collector.threshold = (10**9, 10**9, -1)  # the oldest generation always due
        collector._last_full -= garbage.FULL_EVERY_S  # the last one long ago
        full_before = gc.get_stats()[2]["collections"]
        middle_before = gc.get_stats()[1]["collections"]
        collector.check()
        assert gc.get_stats()[2]["collections"] == full_before + 1
        collector.check()  # due again at once: not another full one
        assert gc.get_stats()[2]["collections"] == full_before + 1
        assert gc.get_stats()[1]["collections"] == middle_before + 1
    finally:
        collector.uninstall()


class LongLived:
    """Many objects that live on (as a day's caches and report data do)."""

    def __init__(self, n: int) -> None:
        self.rows = [[i] for i in range(n)]


def test_what_survives_a_full_collection_is_frozen_out_of_the_next_ones() -> None:
    """After a day's work a full collection walked everything made since start (140-220 ms);
    the survivors of one are frozen, so the next walks only what became long-lived since."""
    owner = QObject()
    collector = garbage.GarbageCollector(owner, freeze=True)
    try:
        kept = LongLived(100_000)
        collector.full()
        assert gc.get_freeze_count() >= 100_000  # out of the next collections
        assert len(gc.get_objects(2)) < 1_000
        garbage_cycle: list[object] = []
        garbage_cycle.append(garbage_cycle)
        del garbage_cycle
        assert collector.full() >= 1  # new garbage still goes
        assert kept.rows[-1] == [99_999]
    finally:
        collector.uninstall()
    assert gc.get_freeze_count() == 0


def test_a_full_collection_after_freezing_costs_a_fraction_of_walking_everything() -> None:
    owner = QObject()
    collector = garbage.GarbageCollector(owner, freeze=True)
    try:
        kept = LongLived(300_000)
        started = time.perf_counter()
        collector.full()  # walks the 300,000 once, then freezes them
        first = time.perf_counter() - started
        started = time.perf_counter()
        collector.full()
        second = time.perf_counter() - started
        assert second < first / 5, (first, second)
        del kept
    finally:
        collector.uninstall()


def test_a_deep_collection_waits_for_the_user_to_be_in_another_program(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A cycle frozen while alive goes only in a deep collection, which runs when the
    application is not active, and at most every DEEP_EVERY_S."""
    monkeypatch.setattr(garbage, "YOUNG_EVERY_S", 10**9)  # no idle slice in between
    owner = QObject()
    collector = garbage.GarbageCollector(owner, freeze=True)
    try:
        collector.threshold = (10**9, 10**9, 10**9)  # nothing else due
        window = QObject()
        window.itself = window  # type: ignore[attr-defined]  # a cycle, as a closed window's
        gone = weakref.ref(window)
        collector.full()  # alive now: frozen with the rest
        del window
        collector.full()
        assert gone() is not None  # frozen: a full collection does not walk it
        collector._last_deep -= garbage.DEEP_EVERY_S
        monkeypatch.setattr(garbage, "application_active", lambda: True)
        collector.check()
        assert gone() is not None  # the user is working here: not now
        monkeypatch.setattr(garbage, "application_active", lambda: False)
        collector.check()
        assert gone() is None  # in another program: the deep collection freed it
        assert gc.get_freeze_count() > 0  # and froze the survivors again
        full_before = gc.get_stats()[2]["collections"]
        collector.check()  # not again so soon
        assert gc.get_stats()[2]["collections"] == full_before
    finally:
        collector.uninstall()


def test_an_idle_program_still_collects_its_young_garbage_within_a_second() -> None:
    """Few allocations (the program idles) never reach a threshold: a window forgotten just
    after a collection moved it up a generation went only with the next busy moment."""
    owner = QObject()
    collector = garbage.GarbageCollector(owner)
    try:
        collector.threshold = (10**9, 10**9, 10**9)  # no count ever due
        window = QObject()
        window.itself = window  # type: ignore[attr-defined]
        gone = weakref.ref(window)
        gc.collect(0)  # alive at a collection: moved up to the middle generation
        del window
        assert collector.check() == 0 and gone() is not None  # a collection ran just now
        collector._last_young -= garbage.YOUNG_EVERY_S
        collector.check()
        assert gone() is None
    finally:
        collector.uninstall()


def test_a_flood_of_new_objects_is_frozen_not_walked() -> None:
    """Modules imported ahead of time or a big load leave tens of thousands of young objects:
    a collection walking them held the UI thread 100-360 ms; they are frozen instead."""
    owner = QObject()
    collector = garbage.GarbageCollector(owner, freeze=True)
    try:
        young_before = gc.get_stats()[0]["collections"]
        frozen_before = gc.get_freeze_count()
        loaded = LongLived(garbage.YOUNG_FREEZE * 2)
        assert collector.check() == 0
        assert gc.get_stats()[0]["collections"] == young_before  # nothing walked
        assert gc.get_freeze_count() >= frozen_before + garbage.YOUNG_FREEZE * 2
        assert gc.get_count()[0] < garbage.YOUNG_FREEZE
        del loaded
    finally:
        collector.uninstall()


def test_a_burst_of_imports_is_frozen_whatever_the_count_of_young_objects(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """matplotlib's modules imported on the chart worker came in under YOUNG_FREEZE a quarter
    second, and were walked by the young, middle and full collections (40-170 ms) instead."""
    owner = QObject()
    collector = garbage.GarbageCollector(owner, freeze=True)
    try:
        collector.threshold = (0, 10**9, 10**9)  # a young collection due at every look
        kept = LongLived(100)
        walked = gc.get_stats()[0]["collections"]
        assert collector.check() >= 0 and gc.get_stats()[0]["collections"] == walked + 1
        frozen = gc.get_freeze_count()
        for n in range(garbage.IMPORT_FREEZE):
            monkeypatch.setitem(sys.modules, f"imported_now_{n}", types.ModuleType("m"))
        kept_too = LongLived(100)
        assert collector.check() == 0
        assert gc.get_stats()[0]["collections"] == walked + 1  # frozen, not walked
        assert gc.get_freeze_count() >= frozen + 100
        collector.check()  # no more imports: the young generation is collected again
        assert gc.get_stats()[0]["collections"] == walked + 2
        del kept, kept_too
    finally:
        collector.uninstall()


def test_what_the_prewarm_makes_is_frozen_by_the_installed_collector(qapp: QObject) -> None:
    """ui/prewarm.py says its modules and Qt classes live on (garbage.long_lived) after each
    slice: the installed collector (the tests' one, as the program's) freezes them; a
    collector that does not freeze leaves them to the collections."""
    made: list[LongLived] = []
    before = gc.get_freeze_count()
    prewarm._long_lived(lambda: made.append(LongLived(1_000)))  # the package's collector
    assert gc.get_freeze_count() >= before + 1_000
    owner = QObject()
    collector = garbage.GarbageCollector(owner, freeze=False)
    try:
        frozen = gc.get_freeze_count()
        made.append(LongLived(1_000))
        collector.long_lived()
        assert gc.get_freeze_count() == frozen  # a collector that does not freeze: nothing
    finally:
        collector.uninstall()
    made.clear()
