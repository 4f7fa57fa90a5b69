"""A local TCP proxy that delays every chunk by a fixed time each way (a clinic LAN).

    with LanProxy("127.0.0.1", 5432, delay_ms=2) as proxy:
        url = f"postgresql+psycopg://postgres@127.0.0.1:{proxy.port}/clinic"

Runs its own asyncio loop on a daemon thread. Each direction keeps its order: a chunk read at
t is written at t + delay, so latency is added without limiting throughput. It also counts
round trips: each time the client speaks after the server has answered (a request that had
to wait for the previous answer), `round_trips` goes up by one.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from types import TracebackType


class LanProxy:
    """127.0.0.1:<port> → target, `delay_ms` added each way; a context manager."""

    def __init__(self, target_host: str, target_port: int, delay_ms: float = 2.0) -> None:
        self.target = (target_host, target_port)
        self.delay_s = delay_ms / 1000
        self.port = 0
        self.round_trips = 0
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.Server | None = None
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="lan-proxy", daemon=True
        )
        self._client_turn: dict[int, bool] = {}
        self._writers: set[asyncio.StreamWriter] = set()

    def __enter__(self) -> LanProxy:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()

    async def _start(self) -> None:
        self._server = await asyncio.start_server(self._connected, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for writer in self._writers:  # both ends of every connection, closed for good
            writer.close()
            with contextlib.suppress(OSError, asyncio.CancelledError):
                await writer.wait_closed()
        self._writers.clear()

    async def _connected(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self._writers.update((writer, up_writer))
        key = id(writer)
        self._client_turn[key] = True
        try:
            await asyncio.gather(
                self._pipe(reader, up_writer, key, from_client=True),
                self._pipe(up_reader, writer, key, from_client=False),
                return_exceptions=True,
            )
        except asyncio.CancelledError:
            pass  # the proxy is closing
        finally:
            self._client_turn.pop(key, None)

    async def _pipe(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        key: int,
        *,
        from_client: bool,
    ) -> None:
        """Copies reader → writer, each chunk `delay_s` after it was read, in order."""
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def deliver() -> None:
            while True:
                due, data = await queue.get()
                if not data:
                    break
                wait = due - time.perf_counter()
                if wait > 0:
                    await asyncio.sleep(wait)
                writer.write(data)
                await writer.drain()
            writer.close()

        sender = asyncio.ensure_future(deliver())
        try:
            while True:
                data = await reader.read(65536)
                if from_client and data and self._client_turn.get(key):
                    self.round_trips += 1
                    self._client_turn[key] = False
                elif not from_client and data:
                    self._client_turn[key] = True
                await queue.put((time.perf_counter() + self.delay_s, data))
                if not data:
                    break
        finally:
            await queue.put((0.0, b""))
            await asyncio.gather(sender, return_exceptions=True)
