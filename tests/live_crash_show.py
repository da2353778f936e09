"""A crash drill for the live run: a child process plays a scripted live show through LiveService (real
SQLite store, hand-moved clock) and is killed with SIGKILL at random moments; after each kill the run
restored from the store is compared with the run as the child last reported it.

The child writes one JSON line per action to a report file: `pending` (the state the action will lead to,
computed first on an in-memory twin run) and then `done` (after the action's transaction committed). A kill
can land anywhere, including inside a commit, so the restored run must equal either the last `done` state
(the action in flight was not stored) or the `pending` state after it (it was stored whole). Anything else
(a half-stored action, a lost skip or extension, a timer or message gone) is a failure.

Used by tests/services/test_live_crash.py (30 kills) and bench/bench_live_crash.py (as many as asked)."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from stage_fixtures import START, stage_plan

from livedesk.domain.clock import FakeClock
from livedesk.domain.live_log import Marker
from livedesk.domain.live_run import LUCKY_BAG_TIMER, LiveRun, LiveRunError, RunState
from livedesk.domain.live_status import RunSnapshot
from livedesk.domain.session import SessionPlan

PRODUCTS = ("P1", "P2")


def drill_plan() -> SessionPlan:
    """A 26-block show: opening, twelve pitches each followed by a transition, closing."""
    plan = stage_plan()
    opening, pitch_one, transition, pitch_two, closing = plan.segments
    plan.segments = [opening]
    for i in range(12):
        plan.segments += [pitch_one if i % 2 == 0 else pitch_two, transition]
    plan.segments.append(closing)
    return plan


# ---- the scripted show --------------------------------------------------------------------------------
def _action(rng: random.Random) -> tuple[str, tuple]:
    """One director action, drawn with weights that keep a run going for a few hundred actions."""
    roll = rng.random()
    table = [
        (0.10, "go", ()),
        (0.08, "step_next", ()),
        (0.03, "step_previous", ()),
        (0.10, "extend", (rng.choice((30, 30, 60, -30)),)),
        (0.05, "skip", ()),
        (0.03, "unskip", (rng.randrange(30),)),
        (0.04, "insert_encore", (rng.choice(PRODUCTS), rng.choice((60, 120, 180)))),
        (0.05, "lucky_bag", (rng.choice((60, 180, 300)),)),
        (0.02, "stop_lucky_bag", ()),
        (0.06, "send_message", (rng.choice(("加快节奏", "最后三单", "", "看镜头")), rng.random() < 0.5)),
        (0.10, "mark", (rng.choice((Marker.LINK_UP, Marker.INCIDENT, Marker.NOTE)),)),
        (0.01, "finish", ()),
    ]
    total = sum(weight for weight, _, _ in table)
    roll *= total
    for weight, name, args in table:
        if roll < weight:
            return name, args
        roll -= weight
    return "go", ()


def _apply_to_twin(run: LiveRun, name: str, args: tuple) -> None:
    """The same action on the in-memory twin (LiveRun has the service's verbs under these names)."""
    verbs = {
        "send_message": run.set_message,
        "stop_lucky_bag": lambda: run.cancel_timer(LUCKY_BAG_TIMER),
    }
    (verbs.get(name) or getattr(run, name))(*args)


def _line(handle: int, **values) -> None:
    os.write(handle, (json.dumps(values, ensure_ascii=False) + "\n").encode())


def child_main(db_url: str, session_id: int, start_ms: int, seed: int, report: str) -> None:
    """Resume the show from the store and play on until killed (or `max_actions`, for a dry run)."""
    from livedesk.persistence.store import Store
    from livedesk.services.live import LiveService, clear_log

    clock = FakeClock(datetime.fromtimestamp(start_ms / 1000, UTC))
    store = Store(db_url)
    handle = os.open(report, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    service = LiveService(store, session_id, clock)
    twin = LiveRun(service.plan, clock)
    twin.restore(list(service.stored))
    _line(handle, event="restored", now_ms=start_ms, snap=service.run.snapshot().as_dict())
    rng = random.Random(seed)
    while True:
        clock.advance(rng.randrange(0, 15_000) / 1000)
        now_ms = round(clock.now().timestamp() * 1000)
        if service.run.state is RunState.FINISHED:
            # the show is over: clear the log and play it again (clearing is a stored action too)
            twin = LiveRun(service.plan, clock)
            _line(handle, event="pending", now_ms=now_ms, snap=twin.snapshot().as_dict())
            clear_log(store, session_id)
            service.reload()
            _line(handle, event="done", now_ms=now_ms, snap=service.run.snapshot().as_dict())
            continue
        name, args = _action(rng)
        try:
            _apply_to_twin(twin, name, args)
        except LiveRunError:
            continue  # not possible in this state: the director's key does nothing
        _line(handle, event="pending", now_ms=now_ms, snap=twin.snapshot().as_dict())
        getattr(service, name)(*args)
        _line(handle, event="done", now_ms=now_ms, snap=service.run.snapshot().as_dict())


# ---- the drill --------------------------------------------------------------------------------------
@dataclass
class DrillResult:
    kills: int = 0
    identical: int = 0  # restored == the last state the child reported
    in_flight_whole: int = 0  # restored == the state after the action the kill interrupted
    mismatches: list[str] = field(default_factory=list)
    actions: int = 0  # actions the children completed in all


def _read_report(path: Path) -> list[dict]:
    lines = []
    for text in path.read_text(encoding="utf-8").splitlines():
        try:
            lines.append(json.loads(text))
        except json.JSONDecodeError:
            break  # the line the kill cut short
    return lines


def _done_count(report: Path) -> int:
    try:
        return report.read_bytes().count(b'"event": "done"')
    except FileNotFoundError:
        return 0


def _differing(a: RunSnapshot, b: RunSnapshot) -> str:
    left, right = a.as_dict(), b.as_dict()
    return ", ".join(f"{k} ({left[k]!r} vs {right[k]!r})"[:200] for k in left if left[k] != right[k])


def _restore(store, session_id: int, now_ms: int) -> RunSnapshot:
    """What a restarted console rebuilds from the store at `now_ms`."""
    from livedesk.services.live import LiveService

    clock = FakeClock(datetime.fromtimestamp(now_ms / 1000, UTC))
    return LiveService(store, session_id, clock).run.snapshot()


def run_drill(
    folder: Path, kills: int, seed: int, *, max_actions: int = 12, max_delay: float = 0.02
) -> DrillResult:
    """Kill `kills` children at random moments; each resumes where the last one was killed."""
    from livedesk.persistence.store import Store
    from livedesk.services.sessions import save_plan

    db_url = f"sqlite:///{folder / 'crash.sqlite3'}"
    # The children fork from a clean forkserver, never from this process, so this store can stay open.
    store = Store(db_url)
    session_id = save_plan(store, drill_plan())
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(
        ["live_crash_show", "livedesk.services.live", "livedesk.persistence.store"]
    )
    rng = random.Random(seed)
    result = DrillResult()
    expected = _restore(store, session_id, round(START.timestamp() * 1000))
    now_ms = round(START.timestamp() * 1000)
    for kill in range(kills):
        report = folder / f"report-{kill}.jsonl"
        child = context.Process(
            target=child_main, args=(db_url, session_id, now_ms, seed * 1000 + kill, str(report))
        )
        child.start()
        # Let the child play a random number of actions (progress, not wall time, so a loaded machine
        # changes nothing), then kill it at a random instant inside the next action or two.
        target = rng.randint(1, max_actions)
        deadline = time.monotonic() + 60
        while _done_count(report) < target and child.is_alive() and time.monotonic() < deadline:
            time.sleep(0.002)
        time.sleep(rng.uniform(0.0, max_delay))
        child.kill()
        child.join()
        result.kills += 1
        lines = _read_report(report) if report.exists() else []
        done = [line for line in lines if line["event"] in ("restored", "done")]
        if done:
            if done[0]["event"] == "restored" and RunSnapshot.from_dict(done[0]["snap"]) != expected:
                result.mismatches.append(f"kill {kill}: the child resumed a different run than was stored")
            expected, now_ms = RunSnapshot.from_dict(done[-1]["snap"]), done[-1]["now_ms"]
        result.actions += sum(1 for line in lines if line["event"] == "done")
        pending = lines[-1] if lines and lines[-1]["event"] == "pending" else None
        restored = _restore(store, session_id, now_ms)
        if restored == expected:
            result.identical += 1
        elif pending is not None and restored == RunSnapshot.from_dict(pending["snap"]):
            result.in_flight_whole += 1
            expected, now_ms = restored, pending["now_ms"]
        else:
            result.mismatches.append(f"kill {kill}: restored run differs in {_differing(restored, expected)}")
            expected = restored
    store.dispose()
    return result
