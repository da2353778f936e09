"""What a live run looks like from outside: the status snapshot every screen paints from (console, host
screen, prompter, a browser view) and the exact run state the crash test compares after a restore."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from livedesk.domain.product import Product
from livedesk.domain.roles import ScriptStep
from livedesk.domain.session import Segment

LUCKY_BAG_TIMER = "lucky_bag"


class RunState(StrEnum):
    READY = "ready"
    RUNNING = "running"
    FINISHED = "finished"


class Level(StrEnum):
    """The phase of the current countdown: calm, hurry, wrap up now, over time."""

    NORMAL = "normal"
    WARNING = "warning"
    DANGER = "danger"
    OVERTIME = "overtime"


def level_for(remaining: float, warning_seconds: float, danger_seconds: float) -> Level:
    if remaining < 0:
        return Level.OVERTIME
    if remaining <= danger_seconds:
        return Level.DANGER
    if remaining <= warning_seconds:
        return Level.WARNING
    return Level.NORMAL


@dataclass(frozen=True)
class TimerStatus:
    key: str
    label: str
    seconds: int
    remaining: float

    @property
    def expired(self) -> bool:
        return self.remaining <= 0


@dataclass(frozen=True)
class LiveStatus:
    """Everything a host view shows, at one instant; times are seconds (float)."""

    state: RunState
    now: datetime
    index: int | None  # position of the block on air in the run order
    segment: Segment | None
    next_index: int | None
    next_segment: Segment | None
    step_index: int | None
    step: ScriptStep | None
    elapsed: float
    allowed: float  # planned + extensions
    remaining: float  # negative when over time
    level: Level  # the phase: the colour of the countdown everywhere
    step_elapsed: float
    step_budget: int | None
    started_at: datetime | None
    planned_end: datetime | None
    expected_end: datetime | None
    # Running: expected end minus planned end (positive = late). Finished: how the blocks that were played
    # ran against their plan (so an early end does not read as hours ahead).
    over_under: float | None
    timers: tuple[TimerStatus, ...] = ()
    message: str = ""
    blink: bool = False
    done: int = 0
    total: int = 0
    product: Product | None = None
    next_product: Product | None = None
    unplayed: int = 0  # blocks the end of the show left out (未播)

    @property
    def step_remaining(self) -> float | None:
        return None if self.step_budget is None else self.step_budget - self.step_elapsed

    @property
    def lucky_bag(self) -> TimerStatus | None:
        return next((t for t in self.timers if t.key == LUCKY_BAG_TIMER), None)


@dataclass(frozen=True)
class SlotState:
    """One block of the run order as run so far (times in epoch milliseconds)."""

    key: int
    kind: str
    product_id: str | None
    planned_seconds: int
    skipped: bool
    unplayed: bool
    extra: int
    actual_ms: int | None


@dataclass(frozen=True)
class RunSnapshot:
    """The whole state of a run, independent of the clock: two runs with equal snapshots show the same
    thing at every instant. Plain values only, so a child process can send it as JSON."""

    state: str
    index: int | None
    step_index: int | None
    run_started_ms: int | None
    segment_started_ms: int | None
    step_started_ms: int | None
    finished_ms: int | None
    slots: tuple[SlotState, ...]
    timers: tuple[tuple[str, int, int], ...]  # (key, seconds, started ms)
    message: str
    blink: bool

    def as_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunSnapshot:
        values = dict(data)
        values["slots"] = tuple(SlotState(**slot) for slot in data["slots"])
        values["timers"] = tuple(tuple(timer) for timer in data["timers"])
        return cls(**values)
