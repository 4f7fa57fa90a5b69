"""The builder shows the pain caution the handout prints ("Keep it pain-free — stop before it
hurts.") by each drill that moves a test painful at the latest assessment: on the saved program
it opens with (read on the thread pool, with the program) and on a drill added, in the
handout's language. The therapist's own notes are what is saved; the handout adds the caution."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.services import programs as program_service
from mobileathlete_desktop.services.assessments import create_assessment, set_value
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.reports.handouts import build_handout
from mobileathlete_desktop.ui.program_builder import ProgramBuilder
from mobileathlete_desktop.ui.program_builder.program_model import NOTES
from tests.conftest import THERAPIST
from tests.reports.helpers import add_runner
from tests.ui.test_program_builder import add_by_keyboard, open_builder, save_and_wait, store

CAUTION = {"en": "Keep it pain-free — stop before it hurts.", "es": "Hazlo sin provocar dolor"}
BALANCE, DEAD_BUG = "control.single_leg_balance_eyes_closed", "control.dead_bug"

__all__ = ["store"]  # the fixture, used by name


@pytest.fixture
def sore_client(ctx: ServiceContext) -> int:
    """DEMO-0005's case: single-leg stance painful at the latest visit, and a saved program
    (notes empty, as the demo's are) with single-leg balance eyes closed and the dead bug."""
    client = add_runner(ctx, "PAIN-UI")
    visit = create_assessment(ctx, client.id, date(2026, 10, 6), therapist="Pat Physio, PT")
    set_value(ctx, visit.id, "balance.single_leg", "left", "none", 12, pain=True)
    set_value(ctx, visit.id, "balance.single_leg", "right", "none", 30)
    set_value(ctx, visit.id, "ankle.dorsiflexion.knee_flexed", "left", "passive", 30, pain=True)
    items = (
        ProgramItemRecord(BALANCE, 3, 10, sessions_per_week=3),
        ProgramItemRecord(DEAD_BUG, 3, 10, sessions_per_week=3, notes="Slow, back flat"),
    )
    program_service.save_program(
        ctx, ProgramRecord(None, client.id, date(2026, 10, 6), "Saved", items)
    )
    return client.id


def shown_notes(builder: ProgramBuilder) -> dict[str, str]:
    model = builder.model
    return {
        item.exercise_code: model.index(row, NOTES).data(Qt.ItemDataRole.DisplayRole)
        for row, item in enumerate(model.items)
    }


def test_the_builder_shows_the_handouts_pain_caution_by_the_drills_that_load_a_painful_test(
    ctx: ServiceContext,
    sore_client: int,
    store: QSettings,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[int] = []
    real = program_service.pain_cautions_of

    def watched(*args: Any) -> program_service.PainCautions:
        threads.append(threading.get_ident())
        return real(*args)

    monkeypatch.setattr(program_service, "pain_cautions_of", watched)
    builder = open_builder(ctx, sore_client, store, qtbot)
    assert threads and threading.get_ident() not in threads  # read on the pool, once
    assert len(threads) == 1
    # The saved program: the caution by the balance drill, the dead bug's own note alone.
    notes = shown_notes(builder)
    assert notes[BALANCE] == CAUTION["en"]
    assert notes[DEAD_BUG] == "Slow, back flat"
    balance = builder.model.index(0, NOTES)
    assert "pain" in balance.data(Qt.ItemDataRole.ToolTipRole)
    # The dead bug's tooltip: its own note in full (a long one is elided), no caution.
    assert builder.model.index(1, NOTES).data(Qt.ItemDataRole.ToolTipRole) == "Slow, back flat"
    assert not builder.dirty  # showing the caution is no edit

    # A drill added: heel drops load the painful knee-bent ankle.
    add_by_keyboard(builder, qtbot, "heel drop")
    added = builder.model.items[-1].exercise_code
    assert added == "strength.eccentric_heel_drop"
    assert shown_notes(builder)[added].startswith(CAUTION["en"])

    # What the handout prints, the builder shows (the same words, drill by drill).
    saved = save_and_wait(builder, qtbot)
    assert [i.notes for i in saved.items] == ["", "Slow, back flat", ""]  # the therapist's own
    handout, _, _ = build_handout(ctx, sore_client, program_id=saved.id, lang="en")
    assert {d.code: d.notes for d in handout.drills} == shown_notes(builder)

    # In the handout's language: Spanish chosen, Spanish shown.
    builder.language.setCurrentIndex(builder.language.findData("es"))
    notes = shown_notes(builder)
    assert notes[BALANCE].startswith(CAUTION["es"])
    assert notes[DEAD_BUG] == "Slow, back flat"
    handout, _, _ = build_handout(ctx, sore_client, program_id=saved.id, lang="es")
    assert {d.code: d.notes for d in handout.drills} == notes


def test_no_caution_for_a_drill_that_moves_nothing_painful(
    ctx: ServiceContext,
    sore_client: int,
    store: QSettings,
    qtbot: QtBot,
) -> None:
    """A drill added before the latest came is shown with the caution once it comes, and a
    drill away from the painful tests never has one."""
    builder = ProgramBuilder(ctx.as_actor(THERAPIST), sore_client, store=store)
    qtbot.addWidget(builder, before_close_func=lambda w: setattr(w, "dirty", False))
    builder.add_drills(["strength.eccentric_heel_drop", "control.glute_bridge"])
    qtbot.waitUntil(lambda: builder.loading is None)
    notes = shown_notes(builder)
    assert notes["strength.eccentric_heel_drop"] == CAUTION["en"]
    assert notes["control.glute_bridge"] == ""
