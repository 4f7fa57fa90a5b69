"""The builder's Recommend is worked out on the thread pool: the window answers meanwhile, a
Recommend overtaken by another is not applied, and a builder closed meanwhile hears nothing."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.programs import ProgramItemRecord
from mobileathlete_desktop.services import programs as program_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.program_builder import ProgramBuilder
from tests.conftest import THERAPIST
from tests.ui.keys import press
from tests.ui.test_program_builder import (  # noqa: F401
    add_by_keyboard,
    client_id,
    open_builder,
    store,
)

REAL = program_service.recommended_program


class Recommender:
    """Stands in for the service: each call waits for its own gate, then recommends one
    drill (the codes given, in call order)."""

    def __init__(self, *codes: str) -> None:
        self.codes = list(codes)
        self.gates = [threading.Event() for _ in codes]
        self.threads: list[int] = []
        self.calls = 0
        self._lock = threading.Lock()

    def __call__(self, ctx: ServiceContext, client: int, *, lang: str = "en") -> Any:
        with self._lock:
            n = self.calls
            self.calls += 1
        self.threads.append(threading.get_ident())
        assert self.gates[n].wait(10), "the test never let the recommendation finish"
        program, _ = REAL(ctx, client, lang=lang)
        item = ProgramItemRecord(self.codes[n], sets=2, reps=10, reason=f"reason {n}")
        return replace(program, items=(item,), summary=f"reason {n}"), []


@pytest.fixture
def recommender(monkeypatch: pytest.MonkeyPatch) -> Recommender:
    fake = Recommender("mobility.knee_to_wall_rock", "control.bird_dog")
    monkeypatch.setattr(program_service, "recommended_program", fake)
    yield fake
    for gate in fake.gates:  # never leave a pool thread waiting
        gate.set()


def codes(builder: ProgramBuilder) -> list[str]:
    return [i.exercise_code for i in builder.model.items]


def test_recommend_answers_later_and_the_builder_is_usable_meanwhile(
    ctx: ServiceContext,
    client_id: int,  # noqa: F811
    store: QSettings,  # noqa: F811
    qtbot: QtBot,
    recommender: Recommender,
) -> None:
    builder = open_builder(ctx, client_id, store, qtbot)
    builder.recommend_button.setFocus()
    qtbot.waitUntil(builder.recommend_button.hasFocus)
    press(qtbot, Qt.Key.Key_Space)  # Recommend, by keyboard
    # The key returned while the recommendation is still being worked out, elsewhere.
    assert builder.recommending is not None and codes(builder) == []
    assert "Working out" in builder.status.text()
    qtbot.waitUntil(lambda: recommender.calls == 1)
    assert recommender.threads[0] != threading.get_ident()
    add_by_keyboard(builder, qtbot, "side to side")  # the therapist goes on meanwhile
    assert codes(builder) == ["mobility.leg_swing_side_to_side"]

    recommender.gates[0].set()
    qtbot.waitUntil(lambda: builder.recommending is None)
    # Added after what was chosen meanwhile, which stays.
    assert codes(builder) == ["mobility.leg_swing_side_to_side", "mobility.knee_to_wall_rock"]
    assert "Recommended 1 drill" in builder.status.text()
    assert "reason 0" in builder.summary.text()


def test_a_recommend_overtaken_by_another_is_not_applied(
    ctx: ServiceContext,
    client_id: int,  # noqa: F811
    store: QSettings,  # noqa: F811
    qtbot: QtBot,
    recommender: Recommender,
) -> None:
    builder = open_builder(ctx, client_id, store, qtbot)
    first = builder.recommend()
    qtbot.waitUntil(lambda: recommender.calls == 1)
    second = builder.recommend()
    assert first is not None and second is not None
    qtbot.waitUntil(lambda: recommender.calls == 2)
    recommender.gates[1].set()
    qtbot.waitUntil(lambda: not second.running)
    assert codes(builder) == ["control.bird_dog"]
    recommender.gates[0].set()  # the first answers last: dropped
    qtbot.waitUntil(lambda: not first.running)
    assert codes(builder) == ["control.bird_dog"]
    assert "reason 1" in builder.summary.text() and "reason 0" not in builder.summary.text()


@pytest.mark.parametrize("deleted", [False, True], ids=["hidden", "deleted on close"])
def test_a_builder_closed_while_recommending_hears_nothing(
    ctx: ServiceContext,
    client_id: int,  # noqa: F811
    store: QSettings,  # noqa: F811
    qtbot: QtBot,
    recommender: Recommender,
    deleted: bool,
) -> None:
    if deleted:  # as the main window opens it (not kept by qtbot: it goes on closing)
        builder = ProgramBuilder(ctx.as_actor(THERAPIST), client_id, store=store)
        builder.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        builder.show()
    else:
        builder = open_builder(ctx, client_id, store, qtbot)
    job = builder.recommend()
    assert job is not None
    qtbot.waitUntil(lambda: recommender.calls == 1)
    said = builder.status.text()
    assert builder.close()
    if deleted:
        with qtbot.waitSignal(builder.destroyed):
            pass
    recommender.gates[0].set()
    pool = QThreadPool.globalInstance()
    qtbot.waitUntil(lambda: pool.activeThreadCount() == 0, timeout=10_000)  # answered...
    qtbot.waitUntil(lambda: job.control.outcome is None)  # ...and the answer taken, unheard
    if not deleted:
        assert codes(builder) == [] and builder.status.text() == said
