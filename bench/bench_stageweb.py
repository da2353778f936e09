"""Benchmark: the browser views' push. A console action reaching 50 event streams at once, against the same
action reaching one stream (the baseline, measured in the same run); and a run driven in another store
session reaching `livedesk serve`'s log follower (polled every 100 ms) against a direct push."""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "stageweb"))


async def _read_state(response) -> float:
    event = None
    while True:
        line = (await response.content.readline()).decode().rstrip("\n")
        if line.startswith("event: "):
            event = line[7:]
        elif line.startswith("data: ") and event == "state":
            json.loads(line[6:])
            return time.perf_counter()


async def fan_out(show, clients: int, rounds: int) -> list[float]:
    """Milliseconds from a console action to the last of `clients` streams receiving it, per round."""
    import aiohttp

    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        streams = await asyncio.gather(*(session.get(show.url("/events")) for _ in range(clients)))
        await asyncio.gather(*(_read_state(s) for s in streams))
        delays = []
        loop = asyncio.get_running_loop()
        for number in range(rounds):
            waiting = [asyncio.ensure_future(_read_state(s)) for s in streams]
            await asyncio.sleep(0.02)
            started = time.perf_counter()
            text = f"第 {number} 条消息"
            await loop.run_in_executor(None, show.act, lambda s, text=text: s.send_message(text))
            arrivals = await asyncio.gather(*waiting)
            delays.append((max(arrivals) - started) * 1000)
        for stream in streams:
            stream.close()
    return delays


def follow(rounds: int) -> tuple[list[float], list[float]]:
    """(direct push, log follower) milliseconds from an action to the view state being published."""
    from stage_show import scripted_plan

    from livedesk.domain.clock import SystemClock
    from livedesk.domain.live_log import Marker
    from livedesk.persistence.store import Store
    from livedesk.services.live import LiveService
    from livedesk.services.sessions import save_plan
    from livedesk.stageweb.log_follower import LogFollower
    from livedesk.stageweb.view_state import view_state
    from livedesk.stageweb.words import say_for

    folder = tempfile.mkdtemp()
    writer = Store(f"{folder}/bench.sqlite3")
    session_id = save_plan(writer, scripted_plan())
    reader = Store(f"{folder}/bench.sqlite3")
    say = say_for("zh_CN")
    published = threading.Event()
    pause = random.Random(16)

    def publish(_state) -> None:
        published.set()

    console = LiveService(writer, session_id, SystemClock())
    console.go()
    direct, followed = [], []
    for _ in range(rounds):  # the GUI's path: the action, then the state built from the run in memory
        started = time.perf_counter()
        console.mark(Marker.LINK_UP)
        view_state(console.run, console.stored, {}, say)
        direct.append((time.perf_counter() - started) * 1000)
    follower = LogFollower(reader, session_id, publish, say)
    follower.poll_once()
    follower.start()
    time.sleep(0.3)
    for _ in range(rounds):
        published.clear()
        started = time.perf_counter()
        console.mark(Marker.INCIDENT)
        published.wait(5)
        followed.append((time.perf_counter() - started) * 1000)
        time.sleep(pause.uniform(0.1, 0.3))  # actions come at any point of the poll cycle
    follower.stop()
    return direct, followed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--clients", type=int, default=50)
    args = parser.parse_args()

    from stage_show import open_show

    from livedesk.persistence.store import Store

    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"{folder}/bench.sqlite3")
        show = open_show(store)
        show.act(lambda s: s.go())
        one = asyncio.run(fan_out(show, 1, args.rounds))
        many = asyncio.run(fan_out(show, args.clients, args.rounds))
        show.server.stop()
        store.dispose()
    direct, followed = follow(args.rounds)
    median = statistics.median
    print(f"action → 1 stream        median {median(one):6.1f} ms  max {max(one):6.1f} ms  (baseline)")
    print(
        f"action → {args.clients} streams (last) median {median(many):6.1f} ms  max {max(many):6.1f} ms  "
        f"ratio {median(many) / median(one):.1f}x"
    )
    print(f"action + view state (direct)   median {median(direct):6.1f} ms  (baseline)")
    print(
        f"action → log follower publish  median {median(followed):6.1f} ms  max {max(followed):6.1f} ms  "
        f"ratio {median(followed) / median(direct):.1f}x  (poll every 100 ms)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
