#!/usr/bin/env python3
"""A TCP proxy that delays every chunk by DELAY_MS in each direction: a
link with latency, for machines where `tc qdisc ... netem` is not
available (no sch_netem module, no CAP_NET_ADMIN). A round trip through
it costs about 2 x DELAY_MS more; bytes keep their order.

    tests/bench/delay_proxy.py LISTEN_PORT TARGET_HOST TARGET_PORT DELAY_MS

Runs until killed. Used by tests/bench/latency.sh.
"""
import asyncio
import sys


async def pipe(reader, writer, delay):
    queue = asyncio.Queue()
    loop = asyncio.get_running_loop()

    async def send():
        while True:
            due, data = await queue.get()
            if data is None:
                break
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            writer.write(data)
            await writer.drain()
        writer.close()

    sender = asyncio.create_task(send())
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            queue.put_nowait((loop.time() + delay, data))
    finally:
        queue.put_nowait((0, None))
        await sender


async def main():
    listen, host, port, delay = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4]) / 1000

    async def handle(creader, cwriter):
        sreader, swriter = await asyncio.open_connection(host, port)
        await asyncio.gather(pipe(creader, swriter, delay), pipe(sreader, cwriter, delay), return_exceptions=True)

    server = await asyncio.start_server(handle, "127.0.0.1", listen)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.stderr.write(__doc__)
        sys.exit(2)
    asyncio.run(main())
