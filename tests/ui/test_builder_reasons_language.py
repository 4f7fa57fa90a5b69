"""A check-in's reasons in the builder read in the window's language, whatever language the
program was saved in: saved as English words before reasons were codes (the demo's, every
program saved before), or as codes by a Spanish window; a reason typed by hand stays as typed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.checkins import blank_checkin, propose_next
from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.services import programs as program_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations
from mobileathlete_desktop.ui.program_builder.program_model import NAME, REASON
from tests.reports.helpers import add_runner
from tests.ui.test_program_builder import open_builder, store

__all__ = ["store"]  # the fixture, used by name

TYPED = "Hip abduction strength below the runner norm"
# As a program progressed at an English check-in saved them before reasons were codes.
OLD_ENGLISH = (
    "done 9 of 12 sessions (75 %), pain or difficulty 6/10: made easier, Clamshell with band",
    "done 25 of 28 sessions (89 %), pain or difficulty 3/10: kept, not made harder: it loads "
    "Single-leg stance, eyes open, left, painful at the latest assessment",
)
IN_SPANISH = (
    "hizo 9 de 12 sesiones (75 %), dolor o dificultad 6/10: se facilita, almeja con banda elástica",
    "hizo 25 de 28 sesiones (89 %), dolor o dificultad 3/10: se mantiene, sin hacerlo más "
    "difícil: carga Equilibrio sobre una pierna con los ojos abiertos, lado izquierdo, con "
    "dolor en la última evaluación",
)
START = (
    ProgramItemRecord("control.clamshell", 3, 15, per_side=True, sessions_per_week=3),
    ProgramItemRecord("strength.single_leg_calf_raise", 3, 12, sessions_per_week=3),
)


def _saved(ctx: ServiceContext, items: tuple[ProgramItemRecord, ...], summary: str) -> int:
    client = add_runner(ctx, "WHY-1")
    program_service.save_program(
        ctx, ProgramRecord(None, client.id, date(2026, 10, 6), "Step 2", items, summary=summary)
    )
    return client.id


def _reasons(builder: object, qtbot: QtBot, count: int) -> list[str]:
    model = builder.model  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: len(model.items) == count)
    return [model.index(r, REASON).data() for r in range(count)]


@pytest.fixture
def spanish(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("MOBILEATHLETE_LANG", "es")
    language = install_translations(qapp)
    yield language
    remove_translations(qapp)


def test_a_spanish_window_reads_reasons_saved_in_english_in_spanish(
    spanish: str, ctx: ServiceContext, store: QSettings, qtbot: QtBot
) -> None:
    items = (
        ProgramItemRecord("control.clamshell", 3, 15, per_side=True, reason=OLD_ENGLISH[0]),
        ProgramItemRecord("control.single_leg_balance", 3, hold_s=30, reason=OLD_ENGLISH[1]),
        ProgramItemRecord("control.hip_hike", 3, 12, reason=TYPED),
    )
    client_id = _saved(ctx, items, "\n".join([*OLD_ENGLISH, TYPED]))
    builder = open_builder(ctx, client_id, store, qtbot)
    assert _reasons(builder, qtbot, 3) == [*IN_SPANISH, TYPED]
    model = builder.model
    assert model.index(1, REASON).data(Qt.ItemDataRole.ToolTipRole) == IN_SPANISH[1]
    assert model.index(0, NAME).data(Qt.ItemDataRole.ToolTipRole).endswith(IN_SPANISH[0])
    said = builder.program_panel.summary.text()
    assert all(f"• {line}" in said for line in (*IN_SPANISH, TYPED))
    assert "done" not in said and "kept" not in said
    # Saving it again keeps what was saved (the builder shows words, it does not store them).
    assert builder.program_panel.summary_text().splitlines() == [*OLD_ENGLISH, TYPED]


def test_an_english_window_reads_a_program_proposed_in_spanish_in_english(
    ctx: ServiceContext, store: QSettings, qtbot: QtBot
) -> None:
    library = program_service.exercise_library()
    program = ProgramRecord(1, None, date(2026, 9, 8), "Step 1", START, weeks=4)
    blank = blank_checkin(program, 0, date(2026, 10, 6), 4)
    done = tuple(replace(i, done=i.prescribed, pain=1) for i in blank.items)
    proposed, changes = propose_next(program, replace(blank, items=done), library, "es")
    assert changes[0].reason.startswith("avanza desde el ejercicio")  # the Spanish window's words
    client_id = _saved(ctx, proposed.items, proposed.summary)
    builder = open_builder(ctx, client_id, store, qtbot)
    # Each line says the drill it moved on from (the drill on the line is the new one).
    assert _reasons(builder, qtbot, 2) == [
        "moved on from Clamshell with band, which was done 12 of 12 sessions (100 %), pain or "
        "difficulty 1/10",
        "moved on from Single-leg calf raise, which was done 12 of 12 sessions (100 %), pain or "
        "difficulty 1/10",
    ]
    said = builder.program_panel.summary.text()
    assert "moved on from Clamshell with band" in said and "hizo" not in said
