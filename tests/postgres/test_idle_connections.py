"""A clinic server's pooled connections after a pause: no ping before the first save, and a
link gone while idle still replaced unseen (its socket says so, with no request)."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from bench.lan_proxy import LanProxy
from mobileathlete_desktop.domain.permissions import Actor
from mobileathlete_desktop.services import assessments, clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage import server_connections
from mobileathlete_desktop.storage.database import open_database
from tests.postgres.server import PostgresServer

pytestmark = pytest.mark.postgres

THERAPIST = Actor(username="pt", display_name="Pat Physio", role="therapist")
A_PAUSE_S = 90.0  # a word with the client between two values


class _Clock:
    """The pool's clock, moved on by hand (a pause without waiting for it)."""

    def __init__(self) -> None:
        self.ahead = 0.0

    def monotonic(self) -> float:
        return time.monotonic() + self.ahead


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> _Clock:
    moved = _Clock()
    monkeypatch.setattr(server_connections, "time", moved)
    return moved


@pytest.fixture
def lan(postgres_server: PostgresServer, pg_url: str) -> Iterator[tuple[LanProxy, ServiceContext]]:
    with LanProxy("127.0.0.1", postgres_server.port, delay_ms=0) as proxy:
        url = pg_url.replace(f":{postgres_server.port}/", f":{proxy.port}/")
        ctx = ServiceContext(db=open_database(url), actor=THERAPIST)
        try:
            yield proxy, ctx
        finally:
            ctx.db.dispose()


def _draft(ctx: ServiceContext) -> int:
    client = clients.create_client(ctx, clients.ClientInput("IDLE-1", "Rita", "Pause"))
    draft = assessments.create_assessment(ctx, client.id, date(2026, 1, 5)).id
    assessments.set_value(ctx, draft, "hip.flexion", "left", "active", 100.0)
    return draft


def _save_after_a_pause(
    proxy: LanProxy, ctx: ServiceContext, clock: _Clock, draft: int, value: float
) -> int:
    """The requests of a value saved after A_PAUSE_S of nothing."""
    clock.ahead += A_PAUSE_S
    before = proxy.round_trips
    assessments.set_value(ctx, draft, "hip.flexion", "left", "active", value, expected=value - 1)
    return proxy.round_trips - before


def test_the_first_save_after_a_pause_sends_no_ping(
    lan: tuple[LanProxy, ServiceContext], clock: _Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy, ctx = lan
    draft = _draft(ctx)
    for value in (101.0, 102.0):  # the save's statements prepared, the trail's end known
        assessments.set_value(
            ctx, draft, "hip.flexion", "left", "active", value, expected=value - 1
        )
    assert _save_after_a_pause(proxy, ctx, clock, draft, 103.0) == 1
    monkeypatch.setattr(server_connections, "PING_AFTER_IDLE_S", 10.0)  # as it was
    assert _save_after_a_pause(proxy, ctx, clock, draft, 104.0) == 2  # a ping, then the save
    assert assessments.get_assessment(ctx, draft).value("hip.flexion", "left", "active") == 104


def _pooled_sockets(ctx: ServiceContext) -> list[int]:
    """The file descriptors of the connections idle in the pool."""
    pool: Any = ctx.db.engine.pool
    return [record.dbapi_connection.fileno() for record in list(pool._pool.queue)]


def test_a_link_gone_while_idle_is_replaced_unseen_without_a_ping_first(
    lan: tuple[LanProxy, ServiceContext], clock: _Clock
) -> None:
    """The operating system finds a link gone while idle (a keepalive unanswered, a reset)
    and leaves the error on the socket: the next checkout sees it and takes a new
    connection; the save works. Here the pooled sockets are shut down under the driver."""
    proxy, ctx = lan
    draft = _draft(ctx)
    ctx.db.warm()
    gone = _pooled_sockets(ctx)
    assert gone
    for fd in gone:
        link = socket.socket(fileno=os.dup(fd))
        link.shutdown(socket.SHUT_RDWR)
        link.close()
    assert _save_after_a_pause(proxy, ctx, clock, draft, 101.0) >= 1
    assert assessments.get_assessment(ctx, draft).value("hip.flexion", "left", "active") == 101


def test_the_operating_system_watches_an_idle_link(lan: tuple[LanProxy, ServiceContext]) -> None:
    _proxy, ctx = lan
    with ctx.db.engine.connect() as conn:
        driver: Any = conn.connection.driver_connection
        fd = driver.fileno()
    probe = socket.socket(fileno=os.dup(fd))
    try:
        assert probe.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) == 1
        if hasattr(socket, "TCP_KEEPIDLE"):
            idle = probe.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE)
            assert idle == server_connections.KEEPALIVE_IDLE_S
    finally:
        probe.close()
