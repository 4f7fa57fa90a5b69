"""A local TCP proxy that delays every chunk by a fixed time each way (a clinic LAN).

    with LanProxy("127.0.0.1", 5432, delay_ms=2) as proxy:
        url = f"postgresql+psycopg://postgres@127.0.0.1:{proxy.port}/clinic"

The proxy runs in a process of its own (`python -m bench.lan_proxy`), as a LAN is outside the
program: run on a thread of the measured process, every chunk waited for that process's GIL
(up to sys.getswitchinterval(), 5 ms, per wake-up while the program's threads ran Python),
and a request that crossed it twice cost the program 5-20 ms instead of the 4 ms a 2 ms
LAN adds (a 'SELECT 1' took a median 21 ms beside one busy thread). Each direction keeps
its order: a chunk read at t is written at t + delay, so latency is added without limiting
throughput; the event loop's timers are a millisecond coarse, so a hop takes up to ~1 ms
more than asked, never less. Every socket has TCP_NODELAY (asyncio sets it; libpq and the
server set theirs), so no Nagle wait is added either.

It also counts round trips: each time the client speaks after the server has answered (a
request that had to wait for the previous answer), `round_trips` goes up by one. The child
keeps the count in a small shared file the parent maps (read at any moment, no request).
"""

from __future__ import annotations

import asyncio
import contextlib
import mmap
import os
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

ROOT = Path(__file__).resolve().parent.parent
_COUNT = struct.Struct("<q")


class LanProxy:
    """127.0.0.1:<port> → target, `delay_ms` added each way; a context manager."""

    def __init__(self, target_host: str, target_port: int, delay_ms: float = 2.0) -> None:
        self.target = (target_host, target_port)
        self.delay_ms = delay_ms
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._file: tempfile._TemporaryFileWrapper[bytes] | None = None
        self._counts: mmap.mmap | None = None

    @property
    def round_trips(self) -> int:
        """Requests that waited for an answer, so far (every connection)."""
        if self._counts is None:
            return 0
        return int(_COUNT.unpack_from(self._counts, 0)[0])

    def __enter__(self) -> LanProxy:
        self._file = tempfile.NamedTemporaryFile(prefix="lan-proxy-", suffix=".count")
        self._file.write(bytes(_COUNT.size))
        self._file.flush()
        self._counts = mmap.mmap(self._file.fileno(), _COUNT.size)
        host, port = self.target
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        }
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bench.lan_proxy",
                host,
                str(port),
                str(self.delay_ms),
                self._file.name,
            ],
            stdin=subprocess.PIPE,  # closed by the parent (or its death): the child ends
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env=env,
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline().decode().split()
        if len(line) != 2 or line[0] != "port":
            self.__exit__(None, None, None)
            raise RuntimeError(f"the LAN proxy did not start (it said {line!r})")
        self.port = int(line[1])
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        process, self._process = self._process, None
        if process is not None:
            if process.stdin is not None:
                with contextlib.suppress(OSError):
                    process.stdin.close()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
            if process.stdout is not None:
                process.stdout.close()
        if self._counts is not None:
            self._counts.close()
            self._counts = None
        if self._file is not None:
            self._file.close()
            self._file = None


class _Proxy:
    """The child's side: the asyncio proxy, counting into the shared file."""

    def __init__(self, target: tuple[str, int], delay_ms: float, counts: mmap.mmap) -> None:
        self.target = target
        self.delay_s = delay_ms / 1000
        self.counts = counts
        self.round_trips = 0
        self._client_turn: dict[int, bool] = {}
        self._writers: set[asyncio.StreamWriter] = set()

    def _count(self) -> None:
        self.round_trips += 1
        _COUNT.pack_into(self.counts, 0, self.round_trips)

    async def serve(self) -> None:
        loop = asyncio.get_running_loop()
        server = await asyncio.start_server(self._connected, "127.0.0.1", 0)
        print(f"port {server.sockets[0].getsockname()[1]}", flush=True)
        done = loop.create_future()

        def closed() -> None:
            if not done.done():
                done.set_result(None)

        loop.add_reader(sys.stdin.fileno(), closed)
        await done  # the parent closed our stdin (or went away)
        server.close()
        await server.wait_closed()
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for writer in self._writers:  # both ends of every connection, closed for good
            writer.close()
            with contextlib.suppress(OSError, asyncio.CancelledError):
                await writer.wait_closed()

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
                    self._count()
                    self._client_turn[key] = False
                elif not from_client and data:
                    self._client_turn[key] = True
                await queue.put((time.perf_counter() + self.delay_s, data))
                if not data:
                    break
        finally:
            await queue.put((0.0, b""))
            await asyncio.gather(sender, return_exceptions=True)


def main(argv: list[str]) -> int:
    """`python -m bench.lan_proxy HOST PORT DELAY_MS COUNT_FILE`: prints `port N`, then
    proxies until its stdin closes."""
    host, port, delay_ms, count_file = argv
    with open(count_file, "r+b") as fh, mmap.mmap(fh.fileno(), _COUNT.size) as counts:
        proxy = _Proxy((host, int(port)), float(delay_ms), counts)
        asyncio.run(proxy.serve())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
