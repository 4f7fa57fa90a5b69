"""Typing in the search box on a clinic server: what a keystroke costs on the LAN.

A word not searched for moments ago reads the count table first (which way to fetch), then
the page: two requests. A keystroke that types the word on (or adds a word) keeps the way
chosen for the word before it, and a key typed back finds the plan it had: one request.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, select

from bench.lan_proxy import LanProxy
from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services import client_search, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage import server_connections
from mobileathlete_desktop.storage.database import open_database
from tests.postgres.server import PostgresServer

pytestmark = pytest.mark.postgres

THERAPIST = Actor(username="pt", display_name="Pat Physio", role="therapist")
A_NEW_WORD = 2  # the word's count (which way to fetch), then the page
TYPED_ON = 1  # the page, fetched the way chosen for the word it continues (or typed back to)
FAMILIES = ("Stridewell", "Stridewalker", "Paceford", "Tempo", "Strand", "Paceman")


@pytest.fixture
def lan(
    postgres_server: PostgresServer, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[LanProxy, ServiceContext]]:
    monkeypatch.setattr(server_connections, "PING_AFTER_IDLE_S", 3600.0)  # a slow machine
    with LanProxy("127.0.0.1", postgres_server.port, delay_ms=0) as proxy:
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


def _scan(ctx: ServiceContext, text: str) -> list[str]:
    """What the search must find: every client tested by the search's meaning (no index)."""
    with ctx.db.reading() as session:
        stmt = client_search._search_filter(select(*client_search._RECORD_COLUMNS), text, False)
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
    table is read again (its choice may not hold)."""
    proxy, ctx = lan
    assert _typed(proxy, ctx, ["pace", "tace", "ace"]) == [A_NEW_WORD] * 3
    monkeypatch.setattr(client_search, "_DRIVE", 0)  # every word too common to drive by
    assert _typed(proxy, ctx, ["man", "mana"]) == [A_NEW_WORD] * 2
    monkeypatch.setattr(client_search, "_DRIVE", 2_000)
    assert _typed(proxy, ctx, ["tem", "temp"]) == [A_NEW_WORD, TYPED_ON]
    monkeypatch.setattr(client_search, "PLAN_FRESH_S", -1.0)  # moments have passed
    assert _typed(proxy, ctx, ["tempo", "temp"]) == [A_NEW_WORD] * 2
