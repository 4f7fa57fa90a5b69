"""What the hot actions cost on a clinic LAN, counted on the wire (issue 22).

Every request that waits for the server's answer pays the network's delay twice. The counts
here are the requests a local proxy saw (bench/lan_proxy.py, no delay added): BEGIN, COMMIT,
pings and statements alike. A query per visit (an N+1) or a ping per unit fails them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import psycopg
import pytest
from sqlalchemy import func, select

from bench.lan_proxy import LanProxy
from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services import assessments, client_search, clients
from mobileathlete_desktop.services.assessments.queries import list_and_history
from mobileathlete_desktop.services.audit_head_file import head_path, read_head
from mobileathlete_desktop.services.audit_key import audit_key, audit_key_path
from mobileathlete_desktop.services.audit_seal import defer_head_writes, flush_heads
from mobileathlete_desktop.services.checks import check_database
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.services.overview import client_overview
from mobileathlete_desktop.storage import server_connections
from mobileathlete_desktop.storage.database import open_database
from mobileathlete_desktop.storage.models import AuditEvent
from tests.postgres.server import PostgresServer

pytestmark = pytest.mark.postgres

THERAPIST = Actor(username="pt", display_name="Pat Physio", role="therapist")

# The budget of each action in requests that wait for an answer (today's counts).
SAVE_A_VALUE = 1  # BEGIN, the write lock, one statement (the visit's check, the compare-and-set
# and its audit event chained from the trail's end this workstation last wrote) and COMMIT,
# sent together (services/assessments/server_save.py); 2 after another workstation wrote
ENTER_A_VALUE = SAVE_A_VALUE  # the editor: keystroke to saved, and whatever it does after it
READ_AN_ASSESSMENT = 4  # the assessment, its values, findings and questionnaires; no BEGIN
FIRST_PAGE = 1  # the list in its order, no word to plan
SEARCH_A_WORD = 1  # the word's count (which way to fetch) and the page it chooses, together
SEARCH_A_LONG_WORD = 1  # too long to be counted: its pieces' counts bound it, in the same request
READ_A_CLIENT_S_PAGE = 1  # the client, visits, values, findings, questionnaires: sent together
OPEN_A_CLIENT = 5  # the audited read (4) beside the page's one read of everything (1)
AUDITED_OPEN = 4  # BEGIN (the write lock, the trail's end), the client, its event, COMMIT; as
# much on a workstation with no head file for the server (every one but the clinic's maker)


@pytest.fixture
def lan(
    postgres_server: PostgresServer, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[LanProxy, ServiceContext]]:
    """A workstation that reaches the server through a counting proxy."""
    monkeypatch.setattr(server_connections, "PING_AFTER_IDLE_S", 3600.0)  # a slow machine
    with LanProxy("127.0.0.1", postgres_server.port, delay_ms=0) as proxy:
        url = pg_url.replace(f":{postgres_server.port}/", f":{proxy.port}/")
        ctx = ServiceContext(db=open_database(url), actor=THERAPIST)
        try:
            yield proxy, ctx
        finally:
            ctx.db.dispose()


def _requests(proxy: LanProxy, action: Callable[[], Any]) -> int:
    """The requests of `action` in the steady state: the driver prepares each statement at its
    fifth run on a connection (psycopg's prepare_threshold), once, at the price of one more
    request then; a query per row would cost more on every run. The middle of the last five
    runs: the counting proxy, starved of the CPU on a loaded machine, now and then counts one
    request more or less than was sent (a CI run saw a page read of 0 requests, data and all);
    the minimum took such a miss for the cost."""
    counts = []
    for _ in range(10):
        before = proxy.round_trips
        action()
        counts.append(proxy.round_trips - before)
    return sorted(counts[-5:])[2]


def _client_with_visits(ctx: ServiceContext, chart: str, visits: int) -> tuple[int, int]:
    """A client with `visits` assessments of three values each; (client id, newest id)."""
    client = clients.create_client(ctx, clients.ClientInput(chart, "Rita", "Trips"))
    newest = 0
    for n in range(visits):
        newest = assessments.create_assessment(ctx, client.id, date(2026, 1, 1 + n)).id
        assessments.set_value(ctx, newest, "hip.flexion", "left", "active", 100.0 + n)
        assessments.set_value(ctx, newest, "hip.flexion", "right", "active", 105.0 + n)
        assessments.set_value(ctx, newest, "knee.flexion", "left", "active", 130.0)
    return client.id, newest


def test_saving_a_value_costs_one_request(lan: tuple[LanProxy, ServiceContext]) -> None:
    proxy, ctx = lan
    _client_id, draft = _client_with_visits(ctx, "RT-1", 1)
    typed = iter(range(101, 200))

    def save() -> None:
        value = float(next(typed))
        assessments.set_value(
            ctx, draft, "hip.flexion", "left", "active", value, expected=value - 1
        )

    cost = _requests(proxy, save)
    assert cost <= SAVE_A_VALUE, f"a saved value cost {cost} requests"
    assert assessments.get_assessment(ctx, draft).value("hip.flexion", "left", "active") == 110
    assert _problems(ctx) == []  # the trail written by the one statement verifies


def test_a_value_entered_in_the_editor_costs_only_its_save(
    lan: tuple[LanProxy, ServiceContext], qtbot: Any
) -> None:
    """Keystroke to saved, and what the editor does after it (the live findings, the grid):
    nothing is read back; the findings interpret the save's own result."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from mobileathlete_desktop.ui.assessment_editor import AssessmentEditor

    proxy, ctx = lan
    _client_id, draft = _client_with_visits(ctx, "RT-9", 2)
    editor = AssessmentEditor(ctx, draft)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.waitUntil(lambda: not editor.live_findings.busy)  # the opening's reads are done
    view, grid = editor.views[0], editor.grids[0]
    cell = grid.index_of(grid.key(grid.index(0, 2)))  # hip flexion, left active: 101 stored
    typed = iter(range(120, 160))

    def enter() -> None:
        view.setFocus()
        view.setCurrentIndex(cell)
        with qtbot.waitSignal(editor.changed, timeout=10_000):
            for char in str(next(typed)):
                qtbot.keyClick(QApplication.focusWidget() or view, char)
            qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not editor.live_findings.busy and not editor.entries.saves.busy)

    cost = _requests(proxy, enter)
    assert cost <= ENTER_A_VALUE, f"an entry in the editor cost {cost} requests"
    assert editor.live_findings.result is not None
    assert editor.live_findings.result.assessment is not None
    assert editor.live_findings.result.assessment.value("hip.flexion", "left", "active") == 129
    editor.close()
    assert assessments.get_assessment(ctx, draft).value("hip.flexion", "left", "active") == 129


def test_a_read_unit_sends_no_begin_nor_rollback(lan: tuple[LanProxy, ServiceContext]) -> None:
    proxy, ctx = lan
    _client_id, draft = _client_with_visits(ctx, "RT-2", 1)
    cost = _requests(proxy, lambda: assessments.get_assessment(ctx, draft))
    assert cost <= READ_AN_ASSESSMENT, f"reading an assessment cost {cost} requests"


def test_opening_a_client_costs_the_same_with_more_visits(
    lan: tuple[LanProxy, ServiceContext],
) -> None:
    proxy, ctx = lan
    few, _ = _client_with_visits(ctx, "RT-3", 2)
    many, _ = _client_with_visits(ctx, "RT-4", 7)
    cost_few = _requests(proxy, lambda: client_overview(ctx, few))
    cost_many = _requests(proxy, lambda: client_overview(ctx, many))
    assert len(client_overview(ctx, many).assessments) == 7
    assert cost_many == cost_few, f"2 visits: {cost_few} requests, 7 visits: {cost_many}"
    assert cost_many == OPEN_A_CLIENT, f"opening a client cost {cost_many} requests"


def test_a_client_s_page_is_one_request_whatever_its_visits(
    lan: tuple[LanProxy, ServiceContext],
) -> None:
    """The page's five reads are independent (the child rows keyed by the client, not by the
    visits' ids read first): sent together, one wait on the LAN (five before)."""
    proxy, ctx = lan
    few, _ = _client_with_visits(ctx, "RT-P", 1)
    many, _ = _client_with_visits(ctx, "RT-Q", 6)
    cost_few = _requests(proxy, lambda: list_and_history(ctx, few))
    cost_many = _requests(proxy, lambda: list_and_history(ctx, many))
    listed, history = list_and_history(ctx, many)
    assert (
        len(listed) == 6 and history.assessments[-1].value("hip.flexion", "left", "active") == 105
    )
    assert (cost_few, cost_many) == (READ_A_CLIENT_S_PAGE, READ_A_CLIENT_S_PAGE)


def test_a_workstation_without_the_server_s_head_asks_for_sealed_events_once(
    lan: tuple[LanProxy, ServiceContext], tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another workstation (the clinic's key, no head file for this server) writes no head
    over a trail of sealed events; it found them once, not at every audited action (5
    requests, now 4). Its trail still checks, and it still writes no head."""
    import shutil

    proxy, ctx = lan
    client_id, _ = _client_with_visits(ctx, "RT-H", 1)  # made here: the head is written
    assert _requests(proxy, lambda: clients.get_client(ctx, client_id)) == AUDITED_OPEN
    other = tmp_path / "other-workstation"
    other.mkdir()
    shutil.copy(audit_key_path(), other / "audit-key")  # the clinic's key, shared
    monkeypatch.setenv("MOBILEATHLETE_CONFIG_DIR", str(other))
    path = head_path(ctx.db.url)
    assert path is not None and not path.exists()
    cost = _requests(proxy, lambda: clients.get_client(ctx, client_id))
    assert cost == AUDITED_OPEN, f"an audited open cost {cost} requests without a head file"
    assert not path.exists()  # never started over a trail of sealed events
    assert _problems(ctx) == []
    opened = client_overview(ctx, client_id)  # the page beside it, as the window opens it
    assert opened.client.id == client_id and not path.exists()


def _drop_every_connection(server: PostgresServer, url: str) -> None:
    """What a server restart or a dropped link does to the pooled connections."""
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(
        f"host=127.0.0.1 port={server.port} user={server.user} dbname=postgres", autocommit=True
    ) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )  # returns once each session has ended


def test_a_connection_dropped_while_idle_is_replaced_unseen(
    postgres_server: PostgresServer, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = ServiceContext(db=open_database(pg_url), actor=THERAPIST)
    try:
        client = clients.create_client(ctx, clients.ClientInput("RT-5", "Rita", "Trips"))
        _drop_every_connection(postgres_server, pg_url)
        monkeypatch.setattr(server_connections, "PING_AFTER_IDLE_S", 0.0)  # it sat idle
        assert clients.get_client(ctx, client.id).chart_number == "RT-5"
    finally:
        ctx.db.dispose()


def test_a_connection_the_server_ended_a_moment_after_use_is_replaced_unseen(
    postgres_server: PostgresServer, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not idle long enough for a ping, but the server said it ended the session: the
    checkout sees it on the socket and takes a new connection."""
    monkeypatch.setattr(server_connections, "PING_AFTER_IDLE_S", 3600.0)
    ctx = ServiceContext(db=open_database(pg_url), actor=THERAPIST)
    try:
        client = clients.create_client(ctx, clients.ClientInput("RT-6", "Rita", "Trips"))
        _drop_every_connection(postgres_server, pg_url)
        assert clients.get_client(ctx, client.id).chart_number == "RT-6"
    finally:
        ctx.db.dispose()


def _trail(ctx: ServiceContext) -> tuple[int, int]:
    with ctx.db.engine.connect() as conn:
        count, last = conn.execute(select(func.count(AuditEvent.id), func.max(AuditEvent.id))).one()
    return int(count), int(last)


def _problems(ctx: ServiceContext) -> list[str]:
    url = ctx.db.url.render_as_string(False)
    return [p for p in check_database(url).problems if not p.startswith("server login")]


def test_heads_planned_without_asking_the_server_match_the_trail(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Saves typed faster than the head file is written (the window defers it): each head is
    worked out from the one before it, and the file ends up naming the whole trail."""
    from mobileathlete_desktop.services import audit_seal

    monkeypatch.setattr(audit_seal._LaterHeads, "DELAY_S", 60.0)  # only the flush writes
    ctx = ServiceContext(db=open_database(pg_url), actor=THERAPIST)
    try:
        _client_id, draft = _client_with_visits(ctx, "RT-7", 1)
        defer_head_writes(True)
        for value in range(110, 120):
            assessments.set_value(ctx, draft, "hip.flexion", "left", "active", float(value))
        flush_heads()
        path = head_path(ctx.db.url)
        assert path is not None
        head = read_head(path, audit_key())
        assert head.status == "ok" and head.head is not None
        assert (head.head.events, head.head.last_id) == _trail(ctx)
        assert _problems(ctx) == []
    finally:
        defer_head_writes(False)
        ctx.db.dispose()


def test_a_save_after_the_trail_was_cut_leaves_the_head_for_check(pg_url: str) -> None:
    ctx = ServiceContext(db=open_database(pg_url), actor=THERAPIST)
    try:
        _client_id, draft = _client_with_visits(ctx, "RT-8", 1)
        _count, last = _trail(ctx)
        with ctx.db.engine.begin() as conn:  # the tables' owner cuts the newest event
            conn.exec_driver_sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only")
            conn.exec_driver_sql(f"DELETE FROM audit_event WHERE id = {last}")
        assessments.set_value(ctx, draft, "hip.flexion", "left", "active", 130.0)
        found = _problems(ctx)
        assert any("newest events were deleted" in p for p in found), found
    finally:
        ctx.db.dispose()


def test_a_client_s_page_is_read_while_its_audited_open_waits(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The audited open and the page's read go at once (the LAN's waits of the longer, not of
    both): with another workstation holding the write lock, the page is read meanwhile; it
    is given only once the open is audited."""
    import threading

    from mobileathlete_desktop.services import overview

    ctx = ServiceContext(db=open_database(pg_url), actor=THERAPIST)
    holder = open_database(pg_url)
    try:
        client_id, _ = _client_with_visits(ctx, "RT-9", 2)
        read = threading.Event()
        real = overview.list_and_history

        def reading(*args: Any) -> Any:
            found = real(*args)
            read.set()
            return found

        monkeypatch.setattr(overview, "list_and_history", reading)
        got: list[Any] = []
        with holder.engine.connect() as other:  # another workstation saving: the write lock
            other.exec_driver_sql(
                f"SELECT pg_advisory_xact_lock({server_connections.WRITE_LOCK_KEY})"
            )
            opening = threading.Thread(target=lambda: got.append(client_overview(ctx, client_id)))
            opening.start()
            assert read.wait(8), "the page's read waited for the write lock"
            assert not got  # not given before its open is audited
            other.rollback()
        opening.join(10)
        assert got and len(got[0].assessments) == 2
        with ctx.db.engine.connect() as conn:
            opened = conn.execute(
                select(func.count(AuditEvent.id)).where(
                    AuditEvent.action == "client.open", AuditEvent.client_id == client_id
                )
            ).scalar_one()
        assert opened == 1
    finally:
        ctx.db.dispose()
        holder.dispose()


def test_the_list_s_first_page_is_one_request_and_so_is_a_word_s(
    lan: tuple[LanProxy, ServiceContext], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search box empty (at sign-in, or cleared) has nothing to plan: the page in the
    list's order, one request (two before: the count table was read for nothing). A word
    not searched for moments ago reads its count (which way to fetch) with the page the
    count chooses, in one request (two before; a word typed on or back:
    tests/postgres/test_search_requests.py)."""
    monkeypatch.setattr(client_search, "PLAN_FRESH_S", -1.0)  # no plan kept: each word new
    proxy, ctx = lan
    for n, family in enumerate(("Stridewell", "Paceford", "Tempo")):
        clients.create_client(ctx, clients.ClientInput(f"RT-1{n}", "Ada", family))
    everyone = _requests(proxy, lambda: clients.search_clients(ctx, "", limit=101))
    a_word = _requests(proxy, lambda: clients.search_clients(ctx, "pace", limit=101))
    assert [c.family_name for c in clients.search_clients(ctx, "", limit=101)] == [
        "Paceford",
        "Stridewell",
        "Tempo",
    ]
    assert [c.family_name for c in clients.search_clients(ctx, "pace", limit=101)] == ["Paceford"]
    assert clients.count_clients(ctx, "") == 3
    assert (everyone, a_word) == (FIRST_PAGE, SEARCH_A_WORD)


def test_a_word_too_long_to_be_counted_costs_no_probe(
    lan: tuple[LanProxy, ServiceContext], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word longer than the count table's texts (8 characters) was counted by a probe of
    its fragments, a request of its own at every keystroke; the counts of its 8-character
    pieces, read with the others, bound it."""
    monkeypatch.setattr(client_search, "PLAN_FRESH_S", -1.0)  # no plan kept: each word new
    proxy, ctx = lan
    for n, family in enumerate(("Stridewell", "Stridewalker", "Paceford")):
        clients.create_client(ctx, clients.ClientInput(f"RT-2{n}", "Ada", family))
    found: list[str] = []
    cost = _requests(
        proxy,
        lambda: found.extend(c.family_name for c in clients.search_clients(ctx, "stridewel")),
    )
    assert set(found) == {"Stridewell"}
    assert cost == SEARCH_A_LONG_WORD
    assert clients.search_clients(ctx, "stridewalk ada")[0].family_name == "Stridewalker"
    assert clients.search_clients(ctx, "stridewxyz") == []


def test_an_admin_s_first_steps_are_one_read_that_never_waits_for_the_write_lock(
    lan: tuple[LanProxy, ServiceContext], pg_url: str
) -> None:
    """The first-steps panel is read on the UI thread after an admin's Enter: one request,
    and never in a write unit (which took the clinic's write lock for three counts, so it
    waited for, and held up, every other workstation's save)."""
    from mobileathlete_desktop.services.setup_steps import setup_steps

    proxy, ctx = lan
    admin = ctx.as_actor(Actor(username="boss", display_name="Bo Admin", role="admin"))
    from mobileathlete_desktop.storage.models import Clinic

    with ctx.db.session() as session:
        if session.execute(select(Clinic)).first() is None:
            session.add(Clinic(name="Harbour Physio"))
    clients.create_client(ctx, clients.ClientInput("RT-S", "Sam", "Steps"))
    steps = setup_steps(admin)
    assert steps is not None and steps.clients == 1
    assert _requests(proxy, lambda: setup_steps(admin)) == 1
    holder = open_database(pg_url)
    try:
        with holder.engine.connect() as other:  # another workstation saving: the write lock
            other.exec_driver_sql(
                f"SELECT pg_advisory_xact_lock({server_connections.WRITE_LOCK_KEY})"
            )
            import threading

            got: list[Any] = []
            reader = threading.Thread(target=lambda: got.append(setup_steps(admin)))
            reader.start()
            reader.join(8)
            assert got, "the first steps waited for another workstation's write lock"
            assert got[0] is not None and got[0].clients == 1
            other.rollback()
            reader.join(10)
    finally:
        holder.dispose()
