#!/usr/bin/env python3
"""A TCP proxy that adds a round-trip time (and optionally a bandwidth cap) to a link.

    bench/delay_proxy.py --target 127.0.0.1:8321 --rtt-ms 150 [--kbps 2000] [--port 0]

Listens on 127.0.0.1 (--port, default 0: a free one) and prints the port it got as the
first line on stdout, so a caller can read it and know the proxy is ready. Every accepted
connection gets its own connection to --target; each chunk read in either direction is
written to the other side RTT/2 after it arrived, so a request and its response cost one
RTT more than without the proxy. Bytes keep their order in each direction; the two
directions are independent (a slow reader on one side does not hold up the other).

--kbps N models a link of N kbit/s per direction, shared by all connections: a chunk
waits until the link has sent the ones before it (of any connection), takes size×8/N ms
to send, then RTT/2 to arrive.

An end of stream (FIN) is forwarded like data (after the same delay, as a half-close);
when both directions have ended, or either side resets or fails, both sockets are
closed. SIGTERM or SIGINT closes every connection and exits 0. At exit one line of
totals goes to stderr: connections, bytes each way.

Python 3 standard library only (asyncio).
"""

import argparse
import asyncio
import signal
import socket
import sys

CHUNK = 64 * 1024
# Bytes read but not yet written, per direction, before reading pauses (backpressure).
# It must exceed the bandwidth-delay product or the proxy would cap throughput itself:
# 8 MiB per 75 ms is ~110 MB/s, well above what the browser asks for.
BUFFER_LIMIT = 8 * 1024 * 1024
# With --kbps, chunks are cut to this size so that a large response trickles out as it
# would on a slow link instead of arriving in one lump.
PACED_PIECE = 1460


class Totals:
    def __init__(self):
        self.connections = 0
        self.resets = 0  # connections ended by an error (a reset, a write to a closed socket)
        self.up = 0  # client → target
        self.down = 0  # target → client


class Link:
    """--kbps: one direction of the modelled link, shared by all connections (as one slow
    line is): a chunk is sent once the ones before it are, and takes size×8/kbps ms."""

    def __init__(self, kbps):
        self.kbps = kbps
        self.free_at = 0.0

    def send(self, now, size):
        """When a chunk of `size` bytes handed over at `now` has left."""
        self.free_at = max(now, self.free_at) + size * 8 / (self.kbps * 1000)
        return self.free_at


class Direction:
    """One direction of one connection: a reader task queues (due time, bytes) and a writer
    task writes each chunk at its due time; None in the queue stands for end of stream."""

    def __init__(self, delay_s, link):
        self.delay_s = delay_s
        self.link = link  # None: no bandwidth cap
        self.queue = asyncio.Queue()
        self.buffered = 0
        self.room = asyncio.Event()
        self.room.set()

    def due(self, now, size):
        if not self.link:
            return now + self.delay_s
        return self.link.send(now, size) + self.delay_s

    async def read(self, reader, count):
        loop = asyncio.get_running_loop()
        while True:
            await self.room.wait()
            data = await reader.read(CHUNK)
            now = loop.time()
            if not data:
                self.queue.put_nowait((self.due(now, 0), None))
                return
            count(len(data))
            pieces = [data] if not self.link else [data[i:i + PACED_PIECE] for i in range(0, len(data), PACED_PIECE)]
            for piece in pieces:
                self.queue.put_nowait((self.due(now, len(piece)), piece))
            self.buffered += len(data)
            if self.buffered >= BUFFER_LIMIT:
                self.room.clear()

    async def write(self, writer):
        loop = asyncio.get_running_loop()
        while True:
            due, data = await self.queue.get()
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if data is None:
                # Half-close: the other side sees the end after the data, like on a real link.
                if writer.can_write_eof():
                    writer.write_eof()
                await writer.drain()
                return
            writer.write(data)
            await writer.drain()
            self.buffered -= len(data)
            if self.buffered < BUFFER_LIMIT:
                self.room.set()


class Proxy:
    def __init__(self, target_host, target_port, rtt_ms, kbps):
        self.target = (target_host, target_port)
        self.delay_s = rtt_ms / 2000
        # One shared link per direction (None without a cap).
        self.up_link, self.down_link = (Link(kbps), Link(kbps)) if kbps else (None, None)
        self.totals = Totals()
        self.connections = set()
        self.handlers = set()  # one task per accepted connection, awaited at shutdown

    async def handle(self, client_reader, client_writer):
        self.totals.connections += 1
        handler = asyncio.current_task()
        self.handlers.add(handler)
        try:
            await self.relay(client_reader, client_writer)
        except asyncio.CancelledError:
            # Shutdown cancels connections still being set up; the sockets are closed below.
            client_writer.transport.abort()
        finally:
            self.handlers.discard(handler)

    async def relay(self, client_reader, client_writer):
        try:
            server_reader, server_writer = await asyncio.open_connection(*self.target)
        except OSError as error:
            print(f"delay_proxy: cannot connect to {self.target[0]}:{self.target[1]}: {error}", file=sys.stderr)
            client_writer.transport.abort()
            return
        up, down = Direction(self.delay_s, self.up_link), Direction(self.delay_s, self.down_link)
        tasks = (
            asyncio.ensure_future(up.read(client_reader, self.count_up)),
            asyncio.ensure_future(up.write(server_writer)),
            asyncio.ensure_future(down.read(server_reader, self.count_down)),
            asyncio.ensure_future(down.write(client_writer)),
        )
        for task in tasks:
            # Errors are handled here (the connection is closed), not logged by asyncio.
            task.add_done_callback(lambda task: task.cancelled() or task.exception())
        connection = (tasks, client_writer, server_writer)
        self.connections.add(connection)
        try:
            # Both writers finish after their end of stream: the connection is over. Any task
            # failing (a reset, a write to a closed socket) ends it at once.
            pending = set(tasks)
            writers = {tasks[1], tasks[3]}
            while writers & pending:
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                if any(not task.cancelled() and task.exception() is not None for task in done):
                    break
        finally:
            if connection in self.connections:  # not already closed by close_all
                self.connections.discard(connection)
                self.close(connection)

    def close(self, connection):
        tasks, client_writer, server_writer = connection
        failed = any(task.done() and not task.cancelled() and task.exception() is not None for task in tasks)
        self.totals.resets += failed
        for task in tasks:
            task.cancel()
        for writer in (client_writer, server_writer):
            # A clean end closes (pending bytes are flushed); a failure resets the other side
            # too, so neither end waits on a connection that is gone.
            if failed:
                writer.transport.abort()
            else:
                writer.close()

    def count_up(self, size):
        self.totals.up += size

    def count_down(self, size):
        self.totals.down += size

    def close_all(self):
        while self.connections:
            self.close(self.connections.pop())


async def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target", required=True, help="HOST:PORT to forward to")
    parser.add_argument("--rtt-ms", type=float, required=True, help="round-trip time to add (each direction gets half)")
    parser.add_argument("--kbps", type=float, default=0, help="bandwidth per direction in kbit/s (0: no cap)")
    parser.add_argument("--port", type=int, default=0, help="port to listen on, on 127.0.0.1 (0: a free one)")
    args = parser.parse_args()
    host, _, port = args.target.rpartition(":")
    if not host or not port.isdigit():
        parser.error(f"--target must be HOST:PORT, not {args.target!r}")
    if args.rtt_ms < 0 or args.kbps < 0:
        parser.error("--rtt-ms and --kbps must not be negative")

    proxy = Proxy(host, int(port), args.rtt_ms, args.kbps)
    server = await asyncio.start_server(proxy.handle, "127.0.0.1", args.port, family=socket.AF_INET)
    print(server.sockets[0].getsockname()[1], flush=True)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    server.close()
    proxy.close_all()
    for handler in list(proxy.handlers):
        handler.cancel()
    await asyncio.gather(*proxy.handlers, return_exceptions=True)
    await server.wait_closed()
    totals = proxy.totals
    print(f"delay_proxy: {totals.connections} connections ({totals.resets} ended by an error), "
          f"{totals.up} bytes up, {totals.down} bytes down", file=sys.stderr)


if __name__ == "__main__":
    asyncio.run(main())
