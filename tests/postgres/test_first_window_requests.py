"""The signed-in window on a clinic server: what it waits for on the UI thread as it is built.

Its list's first page and an admin's first steps were each a request on the UI thread after
Enter. The sign-in dialog starts both reads on threads once the person is signed in
(ui.read_ahead); the window, built meanwhile, takes them: no request on the UI thread."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from bench.lan_proxy import LanProxy
from mobileathlete_desktop.services import accounts, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage import server_connections
from mobileathlete_desktop.storage.database import open_database
from mobileathlete_desktop.ui import read_ahead
from mobileathlete_desktop.ui.client_list_model import ClientListModel
from mobileathlete_desktop.ui.next_steps_panel import NextStepsPanel
from mobileathlete_desktop.ui.sign_in_dialog import SignInDialog
from tests.postgres.server import PostgresServer

pytestmark = pytest.mark.postgres

PASSWORD = "long-enough-pw"
LIST_AND_STEPS_BEFORE = 2  # the list's first page, the admin's first steps: one request each
LIST_AND_STEPS_NOW = 0  # both read on threads as the sign-in succeeded


@pytest.fixture
def lan(
    postgres_server: PostgresServer, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[LanProxy, ServiceContext]]:
    monkeypatch.setattr(server_connections, "PING_AFTER_IDLE_S", 3600.0)  # a slow machine
    with LanProxy("127.0.0.1", postgres_server.port, delay_ms=1) as proxy:
        url = pg_url.replace(f":{postgres_server.port}/", f":{proxy.port}/")
        ctx = ServiceContext.system(open_database(url))
        accounts.create_first_admin(ctx.db, "Harbour Physio", "boss", "Bo Admin", PASSWORD)
        for n, family in enumerate(("Stridewell", "Paceford", "Tempo")):
            clients.create_client(ctx, clients.ClientInput(f"FW-{n}", "Ada", family))
        try:
            yield proxy, ctx
        finally:
            ctx.db.dispose()


def _built(ctx: ServiceContext, qtbot: Any) -> tuple[list[str], Any]:
    """What the window builds first: its list (searched empty) and an admin's panel."""
    model = ClientListModel(ctx)
    model.refresh("")
    panel = NextStepsPanel(ctx)
    qtbot.addWidget(panel)
    names = [str(model.index(r, 0).data()) for r in range(model.rowCount())]
    return names, panel.steps


def _answered() -> None:
    """Every read started ahead has answered (the UI thread's own requests counted alone)."""
    with read_ahead._LOCK:
        started = list(read_ahead._STARTED.values())
    for _ctx, _at, found in started:
        found.exception(timeout=10)


def test_the_window_s_first_reads_are_made_while_it_is_built(
    lan: tuple[LanProxy, ServiceContext], qtbot: Any
) -> None:
    proxy, clinic = lan
    boss = clinic.as_actor(accounts.sign_in(clinic, "boss", PASSWORD))
    before = proxy.round_trips
    shown_before, steps_before = _built(boss, qtbot)
    on_the_ui_thread_before = proxy.round_trips - before

    dialog = SignInDialog(clinic)  # as the program signs in: the dialog starts the reads
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "boss")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.actor is not None, timeout=10_000)
    assert dialog.actor is not None
    signed_in = clinic.as_actor(dialog.actor)
    _answered()
    before = proxy.round_trips
    shown, steps = _built(signed_in, qtbot)
    on_the_ui_thread = proxy.round_trips - before
    assert (shown, steps) == (shown_before, steps_before)  # the same list, the same steps
    assert shown == ["Paceford, Ada", "Stridewell, Ada", "Tempo, Ada"]
    assert steps is not None and steps.clients == 3 and steps.therapists == 0
    assert (on_the_ui_thread_before, on_the_ui_thread) == (
        LIST_AND_STEPS_BEFORE,
        LIST_AND_STEPS_NOW,
    )
    # Taken once: the list searched empty again reads the clinic as it is now.
    before = proxy.round_trips
    _built(signed_in, qtbot)
    assert proxy.round_trips - before == LIST_AND_STEPS_BEFORE


def test_a_read_ahead_is_taken_only_by_the_same_actor_and_search(
    lan: tuple[LanProxy, ServiceContext], qtbot: Any
) -> None:
    from mobileathlete_desktop.ui.client_list_model import read_first_page_ahead

    proxy, clinic = lan
    boss = clinic.as_actor(accounts.sign_in(clinic, "boss", PASSWORD))
    read_first_page_ahead(boss)
    _answered()
    before = proxy.round_trips
    ClientListModel(clinic).refresh("")  # another actor (the system's): read for itself
    model = ClientListModel(boss)
    model.refresh("", include_archived=True)  # another search: read for itself
    assert proxy.round_trips - before == 2
