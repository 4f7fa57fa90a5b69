"""Typing in the search box on a clinic server: what a keystroke costs on the LAN.

A word not searched for moments ago reads the count table (which way to fetch) and the page
in one request: the page of each way is sent gated by the counts, and the server runs the one
they choose (services/client_search_server.py; two requests before). A keystroke that types
the word on (or adds a word) keeps the way chosen for the word before it, and a key typed
back finds the plan it had: one request.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, select

from bench.lan_proxy import LanProxy
from mobileathlete_desktop.domain.permissions import SYSTEM_ACTOR, Actor
from mobileathlete_desktop.services import client_search, client_search_server, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage import server_connections
from mobileathlete_desktop.storage.database import open_database
from tests.postgres.server import PostgresServer

pytestmark = pytest.mark.postgres

THERAPIST = Actor(username="pt", display_name="Pat Physio", role="therapist")
A_NEW_WORD = 1  # the word's count (which way to fetch) and the page it chooses, together (2 before)
TYPED_ON = 1  # the page, fetched the way chosen for the word it continues (or typed back to)
FAMILIES = ("Stridewell", "Stridewalker", "Paceford", "Tempo", "Strand", "Paceman")


@pytest.fixture
def lan(
    postgres_server: PostgresServer, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[LanProxy, ServiceContext]]:
    monkeypatch.setattr(server_connections, "PING_AFTER_IDLE_S", 3600.0)  # a slow machine
    # A LAN's delay (1 ms each way): a request sent in pipeline mode goes out statement by
    # statement, so with none the server's first answer may come back before the last
    # statement is out and the proxy would count a wait the client never makes.
    with LanProxy("127.0.0.1", postgres_server.port, delay_ms=1) as proxy:
        url = pg_url.replace(f":{postgres_server.port}/", f":{proxy.port}/")
        ctx = ServiceContext(db=open_database(url), actor=THERAPIST)
        # The driver prepares a statement at its fifth run, at the price of one more request
        # then (once): counted per keystroke here, that would move from test to test.
        event.listen(ctx.db.engine, "connect", _no_prepare)
        ctx.db.engine.dispose()
        for n, family in enumerate(FAMILIES):
            clients.create_client(ctx, clients.ClientInput(f"SR-{n}", "Ada", family))
        try:
            yield proxy, ctx
        finally:
            ctx.db.dispose()


def _no_prepare(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.prepare_threshold = None


def _scan(ctx: ServiceContext, text: str, archived: bool = False) -> list[str]:
    """What the search must find: every client tested by the search's meaning (no index)."""
    with ctx.db.reading() as session:
        stmt = client_search._search_filter(select(*client_search._RECORD_COLUMNS), text, archived)
        return sorted(str(row.family_name) for row in session.execute(stmt))


def _typed(proxy: LanProxy, ctx: ServiceContext, texts: list[str]) -> list[int]:
    """The requests of each keystroke, the list checked against the scan at each."""
    costs = []
    for text in texts:
        before = proxy.round_trips
        found = clients.search_clients(ctx, text, limit=101)
        costs.append(proxy.round_trips - before)
        assert sorted(c.family_name for c in found) == _scan(ctx, text), text
    return costs


def test_a_word_typed_on_costs_one_request_a_keystroke(
    lan: tuple[LanProxy, ServiceContext],
) -> None:
    proxy, ctx = lan
    forward = ["s", "st", "str", "stri", "strid", "stride", "stridew", "stridewa"]
    back = ["stridew", "stride", "strid"]
    more = ["strid ada", "strid ada x"]
    costs = _typed(proxy, ctx, forward + back + more)
    # "s": a new word; from "st" on each continues a word rare enough to drive the fetch.
    assert costs[0] == A_NEW_WORD
    assert costs[1:] == [TYPED_ON] * (len(costs) - 1), costs


def test_a_word_not_continued_reads_the_counts_again(
    lan: tuple[LanProxy, ServiceContext], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word changed in its middle, a word with no driver, or a plan gone stale: the count
    table is read again (its choice may not hold), with the page."""
    proxy, ctx = lan
    assert _typed(proxy, ctx, ["pace", "tace", "ace"]) == [A_NEW_WORD] * 3
    monkeypatch.setattr(client_search, "_DRIVE", 0)  # every word too common to drive by
    assert _typed(proxy, ctx, ["man", "mana"]) == [A_NEW_WORD] * 2
    monkeypatch.setattr(client_search, "_DRIVE", 2_000)
    assert _typed(proxy, ctx, ["tem", "temp"]) == [A_NEW_WORD, TYPED_ON]
    monkeypatch.setattr(client_search, "PLAN_FRESH_S", -1.0)  # moments have passed
    assert _typed(proxy, ctx, ["tempo", "temp"]) == [A_NEW_WORD] * 2


CASES = [
    "s",
    "pace",
    "strid ada",
    "ada strid",  # the rarer word second
    "ada",
    "stridewel",  # too long to be counted: its pieces bound it, or the probe counts it
    "stridewalker ada",
    "sr-3",
    "Stridewell, Ada",  # the family name
    "zz",  # no client
    "¨",  # nothing to look up
    "",
]


@pytest.mark.parametrize("drive", [0, 1, 2, 3, 2_000])
def test_the_server_chooses_the_way_the_program_s_rule_does(
    lan: tuple[LanProxy, ServiceContext], monkeypatch: pytest.MonkeyPatch, drive: int
) -> None:
    """The plan the server chose (remembered for the keystrokes after) is `_plan`'s, and the
    list is the scan's, for every kind of word and every limit of fetching by a word."""
    proxy, ctx = lan
    for n in range(3):  # a word whose pieces are held by more clients than a limit of 2
        clients.create_client(ctx, clients.ClientInput(f"SX-{n}", f"Bo{n}", "Stridewell"))
    old = clients.create_client(ctx, clients.ClientInput("SX-9", "Old", "Stridewell"))
    clients.archive_client(ctx.as_actor(SYSTEM_ACTOR), old.id)
    monkeypatch.setattr(client_search, "_DRIVE", drive)
    monkeypatch.setattr(client_search, "PLAN_FRESH_S", -1.0)  # each search a new one
    for archived in (False, True):
        for text in CASES:
            before = proxy.round_trips
            found = clients.search_clients(ctx, text, include_archived=archived, limit=101)
            assert proxy.round_trips - before == 1, text
            assert sorted(c.family_name for c in found) == _scan(ctx, text, archived), text
            with ctx.db.reading() as session:
                expected = client_search._plan(session.connection(), text, archived, count=False)
            kept = client_search._PLANS[ctx.db.engine][(archived, text)][1]
            assert kept.driver == expected.driver, (text, archived)


def test_the_way_not_chosen_is_not_run_on_the_server(
    lan: tuple[LanProxy, ServiceContext],
) -> None:
    """Both ways' pages are sent; the server runs only the chosen one (its gate is checked
    once, before anything under it): a common word's fetch by its fragments never runs."""
    _proxy, ctx = lan
    text, page = "s", ("name", False, 101, 0)
    with ctx.db.reading() as session:
        connection = session.connection()
        plans = {}
        for drive in (0, 2_000):  # "s": too common to fetch by, then rare enough
            values = _gated_values(text, drive)
            for way in (None, 0):
                kinds = NAME_KINDS if way == 0 else None
                shape, rarity = ((False, False),), ("counted",)
                stmt = client_search_server._gated_page(shape, rarity, False, way, kinds, page)
                sql = stmt.compile(dialect=connection.dialect)
                state = sql.construct_expanded_state(values)
                driver = connection.connection.driver_connection
                assert driver is not None
                rows = driver.execute(
                    "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + state.statement,
                    state.parameters,
                ).fetchall()
                plans[(drive, way)] = "\n".join(r[0] for r in rows)
    fragment_scan = "client_search_fragment"
    assert fragment_scan in plans[(0, 0)] and "never executed" in plans[(0, 0)]
    assert "never executed" not in _line_of(plans[(2_000, 0)], fragment_scan)
    assert "never executed" in _line_of(plans[(2_000, None)], " on client ")
    assert "never executed" not in _line_of(plans[(0, None)], " on client ")


NAME_KINDS = ("f", "g", "c")


def _gated_values(text: str, drive: int) -> dict[str, Any]:
    _shape, values = client_search._word_values(text)
    values.update({"drive": drive, "most": drive + 1, "ck0": "n", "ct0": text})
    values["low"], values["high"] = "s", "t"
    return values


def _line_of(plan: str, name: str) -> str:
    return next(line for line in plan.splitlines() if name in line)
