"""The client's page follows an open editor's saves cheaply (issue 22): a value typed shows in
its visit's row at once from the editor's own record, and the page is read again (findings,
Progress) once for a burst of saves: when the main window is looked at, when typing pauses, or
when the editor closes; never after every value, while the next one is typed."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mobileathlete_desktop.services import assessments, clients, overview
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor
from mobileathlete_desktop.ui.main_window import MainWindow
from mobileathlete_desktop.ui.measure_grid import CellKey
from tests.ui.keys import press, saves_done, type_text

CELLS = (  # hip flexion, well below its norm: a finding
    (CellKey("hip.flexion", "left", "active"), "80"),
    (CellKey("hip.flexion", "right", "active"), "81"),
    (CellKey("hip.flexion", "left", "passive"), "84"),
    (CellKey("hip.flexion", "right", "passive"), "85"),
)


class Reads:
    """Counts the page's reads (services.overview.client_overview), each with its client."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.clients: list[int] = []
        real = overview.client_overview

        def counted(ctx: ServiceContext, client_id: int, **kwargs: Any) -> Any:
            self.clients.append(client_id)
            return real(ctx, client_id, **kwargs)

        monkeypatch.setattr(overview, "client_overview", counted)

    @property
    def count(self) -> int:
        return len(self.clients)


def shown_page(window: MainWindow, qtbot: QtBot, ctx: ServiceContext, chart: str) -> int:
    """Chooses the client in the list and waits for their page (with one draft visit)."""
    client = clients.find_by_chart(ctx, chart)
    window.refresh_clients()  # a client created after the window opened is listed
    window.select_client(client.id)
    qtbot.waitUntil(lambda: window.page.loaded is not None and window.page.client is not None)
    qtbot.waitUntil(lambda: window.page.loaded.client.id == client.id)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not window.page.loading)
    return client.id


@pytest.fixture
def drafts(ctx: ServiceContext) -> dict[str, int]:
    """A draft runner screen for C-1 (Ada, the window's client) and for a second client."""
    other = clients.create_client(
        ctx, clients.ClientInput("C-9", "Bea", "Otherway", date(1992, 5, 6), "female")
    )
    ada = clients.find_by_chart(ctx, "C-1")
    return {
        "C-1": assessments.create_assessment(
            ctx, ada.id, date(2026, 3, 2), template="runner_screen"
        ).id,
        "C-9": assessments.create_assessment(
            ctx, other.id, date(2026, 3, 2), template="runner_screen"
        ).id,
    }


def editing(window: MainWindow, qtbot: QtBot, assessment_id: int) -> AssessmentEditor:
    editor = window.open_assessment(assessment_id)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    view = editor.views[0]
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    return editor


def type_values(qtbot: QtBot, editor: AssessmentEditor) -> None:
    """Types CELLS in the first grid, as fast as keys go, and waits for the saves."""
    view, grid = editor.views[0], editor.grids[0]
    for key, value in CELLS:
        view.setCurrentIndex(grid.index_of(key))
        type_text(qtbot, value)
        press(qtbot, Qt.Key.Key_Return)
    saves_done(qtbot)


def cell(window: MainWindow, column: int) -> str:
    """The text of the page's first visit's row in this column (4: its values, 3: status)."""
    item = window.page.assessments.item(0, column)
    assert item is not None
    return item.text()


def values_cell(window: MainWindow) -> str:
    return cell(window, 4)


def test_a_burst_of_saves_shows_in_the_row_at_once_and_reads_the_page_once_looked_at(
    window: MainWindow,
    qtbot: QtBot,
    ctx: ServiceContext,
    drafts: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client_id = shown_page(window, qtbot, ctx, "C-1")
    assert values_cell(window) == "0"
    editor = editing(window, qtbot, drafts["C-1"])
    # A pause never comes in this test, however slow the machine: only looking reads the page.
    window.page_follower.idle_timer.setInterval(10 * 60 * 1000)
    reads = Reads(monkeypatch)
    typed = editor.record
    type_values(qtbot, editor)
    assert editor.record is not typed  # the editor holds what it stored
    assert values_cell(window) == str(len(CELLS))  # the visit's row follows, with no read
    assert reads.count == 0
    window.activateWindow()  # the therapist looks at the page
    qtbot.waitUntil(lambda: reads.count == 1)
    qtbot.waitUntil(lambda: not window.page.loading)
    latest = window.page.loaded.history.latest  # type: ignore[union-attr]
    assert latest is not None and latest.id == drafts["C-1"]
    assert [latest.value("hip.flexion", "left", "active")] == [80.0]
    assert values_cell(window) == str(len(CELLS))
    assert any(
        "hip" in line.lower() for line in window.page.findings.texts()
    )  # the findings of what was typed
    assert reads.clients == [client_id]
    # Back in the editor, closing it reads the page once more (what it saved on closing).
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: reads.count == 2)
    qtbot.waitUntil(lambda: not window.page.loading)
    follower = window.page_follower
    assert not follower.timer.isActive() and not follower.idle_timer.isActive()
    assert reads.count == 2


def test_after_a_pause_in_typing_the_page_reads_the_burst_once(
    window: MainWindow,
    qtbot: QtBot,
    ctx: ServiceContext,
    drafts: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown_page(window, qtbot, ctx, "C-1")
    editor = editing(window, qtbot, drafts["C-1"])
    reads = Reads(monkeypatch)
    type_values(qtbot, editor)
    assert editor.isActiveWindow() and reads.count == 0
    qtbot.waitUntil(lambda: reads.count == 1, timeout=10_000)  # typing paused: one read
    qtbot.waitUntil(lambda: not window.page.loading)
    assert (
        window.page.loaded.history.latest.value(  # type: ignore[union-attr]
            "hip.flexion", "left", "active"
        )
        == 80.0
    )
    follower = window.page_follower
    assert not follower.idle_timer.isActive() and not follower.timer.isActive()
    assert reads.count == 1


def test_another_clients_editor_costs_the_page_nothing(
    window: MainWindow,
    qtbot: QtBot,
    ctx: ServiceContext,
    drafts: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown_page(window, qtbot, ctx, "C-9")
    editor = editing(window, qtbot, drafts["C-9"])
    shown_page(window, qtbot, ctx, "C-1")  # the page shows Ada while Bea's visit is typed
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.views[0].setFocus()
    reads = Reads(monkeypatch)
    type_values(qtbot, editor)
    editor.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert values_cell(window) == "0"
    follower = window.page_follower
    assert not follower.timer.isActive() and not follower.idle_timer.isActive()
    assert reads.count == 0


def test_signing_reads_the_page_at_once(
    window: MainWindow,
    qtbot: QtBot,
    ctx: ServiceContext,
    drafts: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown_page(window, qtbot, ctx, "C-1")
    editor = editing(window, qtbot, drafts["C-1"])
    type_values(qtbot, editor)
    monkeypatch.setattr(type(editor), "confirm", staticmethod(lambda *_a: True))
    reads = Reads(monkeypatch)
    editor.sign()
    assert editor.isActiveWindow()
    qtbot.waitUntil(lambda: "Signed" in cell(window, 3))
    assert reads.count == 1
