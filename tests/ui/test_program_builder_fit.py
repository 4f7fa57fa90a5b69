"""The builder on a 1366×768 laptop: every column of the drills' table in view without scrolling
sideways (the Notes column shows the pain caution the handout prints), rows two lines high
however long a reason, the whole text in the cell's tooltip; in a Spanish window the handout
starts in Spanish and a frequency saved in English reads in Spanish."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.domain.programs import ProgramItemRecord, ProgramRecord
from mobileathlete_desktop.services import programs as program_service
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.i18n import install_translations, remove_translations
from mobileathlete_desktop.ui.program_builder import ProgramBuilder
from mobileathlete_desktop.ui.program_builder.program_model import (
    FREQUENCY,
    LOAD,
    NOTES,
    REASON,
    TEMPO,
)
from tests.reports.helpers import add_runner
from tests.ui.test_program_builder import open_builder, store

__all__ = ["store"]  # the fixture, used by name

LONG_REASON = (
    "done 25 of 28 sessions (89 %), pain or difficulty 3/10: kept, not made harder: it loads "
    "Single-leg stance, eyes open, left, painful at the latest assessment"
)
LAPTOP = (1280, 729)  # the builder's size on a 1366×768 screen at 100 %
SCALED = (865, 486)  # the same screen at 150 % (QT_SCALE_FACTOR=1.5)


@pytest.fixture
def saved_client(ctx: ServiceContext) -> int:
    """A saved program as the demo's: a long reason, frequencies typed in English."""
    client = add_runner(ctx, "FIT-1")
    items = (
        ProgramItemRecord(
            "control.single_leg_balance_eyes_closed",
            3,
            None,
            hold_s=30,
            frequency="3 times a week",
            sessions_per_week=3,
            reason=LONG_REASON,
            notes="Near a wall or a chair back, a hand ready; stop before the foot cramps",
        ),
        ProgramItemRecord("control.dead_bug", 3, 10, frequency="daily", sessions_per_week=7),
    )
    program_service.save_program(
        ctx, ProgramRecord(None, client.id, date(2026, 10, 6), "Saved", items)
    )
    return client.id


def opened(builder: ProgramBuilder, qtbot: QtBot, size: tuple[int, int]) -> None:
    builder.resize(*size)
    qtbot.waitUntil(lambda: builder.width() == size[0])
    QApplication.processEvents()


def in_view(builder: ProgramBuilder, column: int) -> bool:
    table = builder.table
    rect = table.visualRect(builder.model.index(0, column))
    return not table.isColumnHidden(column) and table.viewport().rect().contains(rect)


def test_every_column_is_in_view_on_a_laptop_and_rows_are_two_lines_high(
    ctx: ServiceContext, saved_client: int, store: QSettings, qtbot: QtBot
) -> None:
    builder = open_builder(ctx, saved_client, store, qtbot)
    opened(builder, qtbot, LAPTOP)
    table, model = builder.table, builder.model
    assert len(model.items) == 2
    assert table.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways to
    assert all(in_view(builder, c) for c in range(model.columnCount()))
    # Two lines however long the reason; the whole of it in the tooltip.
    lines = table.fontMetrics().lineSpacing()
    assert all(2 * lines <= table.rowHeight(r) < 3 * lines for r in range(2))
    assert model.index(0, REASON).data(Qt.ItemDataRole.ToolTipRole) == LONG_REASON
    notes = model.items[0].notes
    assert model.index(0, NOTES).data(Qt.ItemDataRole.ToolTipRole) == notes
    assert model.index(0, FREQUENCY).data(Qt.ItemDataRole.ToolTipRole) == "3 times a week"


def test_on_a_scaled_screen_the_notes_stay_in_view_and_every_column_on_request(
    ctx: ServiceContext, saved_client: int, store: QSettings, qtbot: QtBot
) -> None:
    builder = open_builder(ctx, saved_client, store, qtbot)
    opened(builder, qtbot, SCALED)
    table = builder.table
    # Too narrow for all: the dose columns no drill uses are hidden, the notes are in view.
    assert table.isColumnHidden(LOAD) and table.isColumnHidden(TEMPO)
    assert in_view(builder, NOTES) and in_view(builder, FREQUENCY)
    # A load typed for a drill (a template, a proposal) shows its column again.
    builder.model.setData(builder.model.index(1, LOAD), "red band")
    QApplication.processEvents()
    assert not table.isColumnHidden(LOAD)
    # The titles' menu shows every column (the table then scrolls sideways).
    builder.program_panel.every_column.setChecked(True)
    QApplication.processEvents()
    assert not any(table.isColumnHidden(c) for c in range(builder.model.columnCount()))
    builder.program_panel.every_column.setChecked(False)
    assert table.isColumnHidden(TEMPO)


@pytest.fixture
def spanish(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("MOBILEATHLETE_LANG", "es")
    language = install_translations(qapp)
    yield language
    remove_translations(qapp)


def test_a_spanish_window_starts_the_handout_in_spanish_and_says_frequencies_in_spanish(
    spanish: str, ctx: ServiceContext, saved_client: int, store: QSettings, qtbot: QtBot
) -> None:
    builder = open_builder(ctx, saved_client, store, qtbot)
    assert builder.language.currentData() == "es"
    model = builder.model
    shown = [model.index(r, FREQUENCY).data() for r in range(2)]
    assert shown == ["3 veces por semana", "a diario"]
    assert model.index(0, FREQUENCY).data(Qt.ItemDataRole.EditRole) == "3 veces por semana"
    # Confirming the frequency as shown changes nothing; the saved words are kept.
    assert model.setData(model.index(0, FREQUENCY), "3 veces por semana")
    assert model.items[0].frequency == "3 times a week" and not builder.dirty
    # Typed anew, it is what the therapist typed.
    assert model.setData(model.index(0, FREQUENCY), "2 veces por semana")
    assert model.items[0].frequency == "2 veces por semana"
    assert model.items[0].sessions_per_week == 2 and builder.dirty
    # The handout's language is the therapist's to change for the client.
    builder.language.setCurrentIndex(builder.language.findData("en"))
    assert model.lang == "en"
