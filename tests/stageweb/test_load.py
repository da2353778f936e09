"""Fifty devices at once: fifty event streams and fifty page loads on one server; every stream gets the next
console action; the connected count follows them in and out. The fan-out delay is printed, not asserted."""

from __future__ import annotations

import asyncio
import json
import statistics
import time

import aiohttp

CLIENTS = 50


async def _next_state(response: aiohttp.ClientResponse) -> dict:
    """Read the stream up to the next `state` event; returns its envelope with the arrival time added."""
    event = None
    while True:
        line = (await response.content.readline()).decode().rstrip("\n")
        if line.startswith("event: "):
            event = line[len("event: ") :]
        elif line.startswith("data: ") and event == "state":
            envelope = json.loads(line[len("data: ") :])
            envelope["arrived_ms"] = time.time() * 1000
            return envelope


async def _fifty(show) -> dict:
    timeout = aiohttp.ClientTimeout(total=30)
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        started = time.perf_counter()
        pages = await asyncio.gather(
            *(session.get(show.url(path)) for path in ["/", "/prompter", "/rundown"] * 17)
        )
        bodies = [await page.text() for page in pages]
        page_seconds = time.perf_counter() - started
        streams = await asyncio.gather(*(session.get(show.url("/events")) for _ in range(CLIENTS)))
        first = await asyncio.gather(*(_next_state(stream) for stream in streams))
        deadline = time.monotonic() + 5
        while show.server.client_count < CLIENTS and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        connected = show.server.client_count

        waiting = [asyncio.ensure_future(_next_state(stream)) for stream in streams]
        await asyncio.sleep(0.05)
        action_ms = await asyncio.get_running_loop().run_in_executor(None, show.act, lambda s: s.go())
        second = await asyncio.gather(*waiting)
        for stream in streams:
            stream.close()
        deadline = time.monotonic() + 10
        while show.server.client_count and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        return {
            "statuses": [page.status for page in pages],
            "bodies": bodies,
            "page_seconds": page_seconds,
            "first": first,
            "connected": connected,
            "second": second,
            "action_ms": action_ms,
            "left": show.server.client_count,
        }


def test_fifty_streams_and_page_loads_at_once(show, capsys):
    result = asyncio.run(_fifty(show))
    assert result["statuses"] == [200] * 51
    assert all("stage.css" in body for body in result["bodies"])
    assert [e["state"]["state"] for e in result["first"]] == ["ready"] * CLIENTS
    assert result["connected"] == CLIENTS
    assert {e["state"]["segment"]["label"] for e in result["second"]} == {"开场"}
    assert len({e["seq"] for e in result["second"]}) == 1  # everyone got the same push
    assert result["left"] == 0  # the count follows the devices out again
    delays = [e["arrived_ms"] - result["action_ms"] for e in result["second"]]
    with capsys.disabled():
        print(
            f"\n{CLIENTS} streams: console action → received by all in {max(delays):.1f} ms "
            f"(median {statistics.median(delays):.1f} ms); 51 page loads at once in "
            f"{result['page_seconds'] * 1000:.0f} ms"
        )
