"""The live run as a state machine driven by an injected clock: segments and script steps in order,
skip/extend/insert-encore, markers, auxiliary countdowns (福袋), and the numbers the director watches.
Every action returns the LiveEvents to append to the live log at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from livedesk.domain.clock import Clock
from livedesk.domain.live_log import EventKind, LiveEvent, Marker
from livedesk.domain.roles import ScriptStep, SegmentKind
from livedesk.domain.session import Segment, SessionPlan

DEFAULT_WARNING_SECONDS = 60
DEFAULT_DANGER_SECONDS = 15
DEFAULT_ENCORE_SECONDS = 180
LUCKY_BAG_TIMER = "lucky_bag"


class LiveRunError(RuntimeError):
    """An action that does not fit the run's state (e.g. `next` before `start`)."""


class RunState(StrEnum):
    READY = "ready"
    RUNNING = "running"
    FINISHED = "finished"


class Level(StrEnum):
    """How the countdown of the current segment looks: calm, hurry, wrap up now, over time."""

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
    """A snapshot for the console, the stage view and the prompter; times are seconds (float)."""

    state: RunState
    now: datetime
    index: int | None
    segment: Segment | None
    next_index: int | None
    next_segment: Segment | None
    step_index: int | None
    step: ScriptStep | None
    elapsed: float
    allowed: float  # planned + extensions
    remaining: float  # negative when over time
    level: Level
    step_elapsed: float
    step_budget: int | None
    started_at: datetime | None
    planned_end: datetime | None
    expected_end: datetime | None
    over_under: float | None  # expected end minus planned end; positive = running late
    timers: tuple[TimerStatus, ...] = ()
    message: str = ""
    blink: bool = False
    done: int = 0
    total: int = 0

    @property
    def step_remaining(self) -> float | None:
        return None if self.step_budget is None else self.step_budget - self.step_elapsed


@dataclass
class _Slot:
    """Run-time bookkeeping of one segment, kept beside it so inserts keep everything aligned."""

    skipped: bool = False
    extra: int = 0
    actual: float | None = None


@dataclass
class _Timer:
    key: str
    label: str
    seconds: int
    started: datetime


class LiveRun:
    """One live run of a plan. The console asks `status()` on every tick; it never computes time itself."""

    def __init__(
        self,
        plan: SessionPlan,
        clock: Clock,
        *,
        warning_seconds: int = DEFAULT_WARNING_SECONDS,
        danger_seconds: int = DEFAULT_DANGER_SECONDS,
    ) -> None:
        self.plan = plan
        self.clock = clock
        self.warning_seconds = warning_seconds
        self.danger_seconds = danger_seconds
        self.segments: list[Segment] = list(plan.segments)
        self._slots = [_Slot() for _ in self.segments]
        self.state = RunState.READY
        self.index: int | None = None
        self.step_index: int | None = None
        self._run_started: datetime | None = None
        self._segment_started: datetime | None = None
        self._step_started: datetime | None = None
        self._finished_at: datetime | None = None
        self._planned_total = sum(s.planned_seconds for s in self.segments)
        self._timers: dict[str, _Timer] = {}
        self.message = ""
        self.blink = False

    # ---- time -----------------------------------------------------------------------------------
    def now(self) -> datetime:
        return self.clock.now().astimezone(self.plan.session.zone)

    # ---- moving through the run -----------------------------------------------------------------
    def start(self) -> list[LiveEvent]:
        if self.state is not RunState.READY:
            raise LiveRunError("the run has already started")
        first = self._following(-1)
        if first is None:
            raise LiveRunError("the plan has no segments to run")
        now = self.now()
        self._run_started = now
        self.state = RunState.RUNNING
        return self._enter(first, now)

    def go(self) -> list[LiveEvent]:
        """Start the run, or end the current segment and start the next (the director's main key)."""
        return self.start() if self.state is RunState.READY else self.next()

    def next(self) -> list[LiveEvent]:
        self._require_running()
        now = self.now()
        events = self._leave(now)
        following = self._following(self.index)
        if following is None:
            self.state, self._finished_at, self.index = RunState.FINISHED, now, None
            return events
        return events + self._enter(following, now)

    def finish(self) -> list[LiveEvent]:
        """End the current segment and the run, whatever is left."""
        self._require_running()
        now = self.now()
        events = self._leave(now)
        self.state, self._finished_at, self.index = RunState.FINISHED, now, None
        return events

    def skip(self, index: int | None = None) -> list[LiveEvent]:
        """Drop an upcoming segment (default: the next one) from the run; nothing is logged for it."""
        target = self.next_index() if index is None else index
        if target is None:
            raise LiveRunError("there is no upcoming segment to skip")
        if self.index is not None and target <= self.index:
            raise LiveRunError("only upcoming segments can be skipped; use next to end the current one")
        self._slots[target].skipped = True
        return []

    def unskip(self, index: int) -> list[LiveEvent]:
        self._slots[index].skipped = False
        return []

    def is_skipped(self, index: int) -> bool:
        return self._slots[index].skipped

    def extend(self, seconds: int) -> list[LiveEvent]:
        """Give the current segment `seconds` more (negative to take time away)."""
        self._require_running()
        self._slots[self.index].extra += int(seconds)
        return []

    def insert_encore(self, product_id: str, seconds: int = DEFAULT_ENCORE_SECONDS, title: str = "") -> int:
        """Put an encore (返场) of a product right after the current segment; returns its index."""
        if self.state is RunState.FINISHED:
            raise LiveRunError("the run is over")
        if self.plan.product(product_id) is None:
            raise LiveRunError(f"product {product_id} is not in this session's pool")
        at = 0 if self.index is None else self.index + 1
        segment = Segment(
            kind=SegmentKind.ENCORE,
            planned_seconds=int(seconds),
            product_id=product_id,
            title=title,
            notes="inserted during the live run",
        )
        self.segments.insert(at, segment)
        self._slots.insert(at, _Slot())
        return at

    def step_next(self) -> list[LiveEvent]:
        return self._move_step(+1)

    def step_previous(self) -> list[LiveEvent]:
        return self._move_step(-1)

    def mark(self, marker: Marker, note: str = "") -> LiveEvent:
        """A one-key marker (上链接, 福袋, 返场, 事故, note) at this instant."""
        return self._event(EventKind.MARKER, self.now(), marker=Marker(marker), note=note)

    # ---- auxiliary timers and the stage message -------------------------------------------------
    def start_timer(self, key: str, seconds: int, label: str = "") -> None:
        if seconds <= 0:
            raise LiveRunError("a countdown needs a positive number of seconds")
        self._timers[key] = _Timer(key, label, int(seconds), self.now())

    def cancel_timer(self, key: str) -> None:
        self._timers.pop(key, None)

    def set_message(self, text: str, blink: bool = False) -> None:
        self.message, self.blink = text, blink

    # ---- what the screens show ------------------------------------------------------------------
    def next_index(self) -> int | None:
        if self.state is RunState.FINISHED:
            return None
        return self._following(-1 if self.index is None else self.index)

    def following(self, index: int) -> int | None:
        """The first segment after `index` that is not skipped."""
        return self._following(index)

    def status(self) -> LiveStatus:
        now = self.now()
        segment = self.segments[self.index] if self.index is not None else None
        nxt = self.next_index()
        elapsed = allowed = 0.0
        step_elapsed, step_budget, step = 0.0, None, None
        if segment is not None:
            elapsed = (now - self._segment_started).total_seconds()
            allowed = float(max(0, segment.planned_seconds + self._slots[self.index].extra))
            if self.step_index is not None:
                budget = segment.steps[self.step_index]
                step, step_budget = budget.step, budget.seconds
                step_elapsed = (now - self._step_started).total_seconds()
        remaining = allowed - elapsed
        planned_end = expected_end = over_under = None
        if self._run_started is not None:
            planned_end = self._run_started + timedelta(seconds=self._planned_total)
            if self.state is RunState.FINISHED:
                expected_end = self._finished_at
            else:
                ahead = sum(
                    s.planned_seconds + slot.extra
                    for i, (s, slot) in enumerate(zip(self.segments, self._slots, strict=False))
                    if i > self.index and not slot.skipped
                )
                expected_end = now + timedelta(seconds=max(0.0, remaining) + ahead)
            over_under = (expected_end - planned_end).total_seconds()
        timers = tuple(
            TimerStatus(t.key, t.label, t.seconds, t.seconds - (now - t.started).total_seconds())
            for t in self._timers.values()
        )
        return LiveStatus(
            state=self.state,
            now=now,
            index=self.index,
            segment=segment,
            next_index=nxt,
            next_segment=self.segments[nxt] if nxt is not None else None,
            step_index=self.step_index,
            step=step,
            elapsed=elapsed,
            allowed=allowed,
            remaining=remaining,
            level=level_for(remaining, self.warning_seconds, self.danger_seconds)
            if segment
            else Level.NORMAL,
            step_elapsed=step_elapsed,
            step_budget=step_budget,
            started_at=self._run_started,
            planned_end=planned_end,
            expected_end=expected_end,
            over_under=over_under,
            timers=timers,
            message=self.message,
            blink=self.blink,
            done=sum(1 for slot in self._slots if slot.actual is not None),
            total=sum(1 for slot in self._slots if not slot.skipped),
        )

    def actual_seconds(self, index: int) -> float | None:
        return self._slots[index].actual

    # ---- crash recovery -------------------------------------------------------------------------
    def restore(self, events: list[LiveEvent]) -> None:
        """Rebuild the position from a stored log (after a crash or a restart of the app)."""
        if self.state is not RunState.READY:
            raise LiveRunError("restore needs a fresh run")
        open_segment = None
        last_at = None
        for event in events:
            if event.segment_index is None or not 0 <= event.segment_index < len(self.segments):
                continue
            last_at = event.at
            if event.kind is EventKind.SEGMENT_START:
                self._run_started = self._run_started or event.at
                open_segment, self._segment_started = event.segment_index, event.at
                self.step_index = None
            elif event.kind is EventKind.SEGMENT_END:
                if self._segment_started is not None:
                    self._slots[event.segment_index].actual = (
                        event.at - self._segment_started
                    ).total_seconds()
                open_segment, self.step_index = None, None
            elif event.kind is EventKind.STEP_START and event.step is not None and open_segment is not None:
                steps = [b.step for b in self.segments[open_segment].steps]
                if event.step in steps:
                    self.step_index, self._step_started = steps.index(event.step), event.at
        if self._run_started is None:
            return
        if open_segment is not None:
            self.state, self.index = RunState.RUNNING, open_segment
        else:
            self.state, self._finished_at = RunState.FINISHED, last_at

    # ---- internals ------------------------------------------------------------------------------
    def _require_running(self) -> None:
        if self.state is not RunState.RUNNING:
            raise LiveRunError("the run is not on air" if self.state is RunState.READY else "the run is over")

    def _following(self, index: int) -> int | None:
        for i in range(index + 1, len(self.segments)):
            if not self._slots[i].skipped:
                return i
        return None

    def _enter(self, index: int, now: datetime) -> list[LiveEvent]:
        self.index, self._segment_started = index, now
        events = [self._event(EventKind.SEGMENT_START, now)]
        self.step_index = None
        if self.segments[index].steps:
            self.step_index, self._step_started = 0, now
            events.append(self._event(EventKind.STEP_START, now, step=self.segments[index].steps[0].step))
        return events

    def _leave(self, now: datetime) -> list[LiveEvent]:
        events = []
        if self.step_index is not None:
            events.append(
                self._event(
                    EventKind.STEP_END, now, step=self.segments[self.index].steps[self.step_index].step
                )
            )
        events.append(self._event(EventKind.SEGMENT_END, now))
        self._slots[self.index].actual = (now - self._segment_started).total_seconds()
        self.step_index = None
        return events

    def _move_step(self, delta: int) -> list[LiveEvent]:
        self._require_running()
        steps = self.segments[self.index].steps
        if self.step_index is None or not 0 <= self.step_index + delta < len(steps):
            return []
        now = self.now()
        events = [self._event(EventKind.STEP_END, now, step=steps[self.step_index].step)]
        self.step_index += delta
        self._step_started = now
        events.append(self._event(EventKind.STEP_START, now, step=steps[self.step_index].step))
        return events

    def _event(
        self,
        kind: EventKind,
        at: datetime,
        *,
        step: ScriptStep | None = None,
        marker: Marker | None = None,
        note: str = "",
    ) -> LiveEvent:
        segment = self.segments[self.index] if self.index is not None else None
        return LiveEvent(
            at=at,
            kind=kind,
            segment_index=self.index,
            step=step,
            marker=marker,
            note=note,
            product_id=segment.product_id if segment else None,
        )
