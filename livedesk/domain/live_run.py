"""The live run as an event-sourced state machine driven by an injected clock.

Each action (go, next, skip, extend, encore insert, step, marker, 福袋 countdown, message, end) checks that it
fits, writes the LiveEvents that say what happened, and only then changes the state by applying those
events. Restoring applies the stored events through the same code, so a restart after a crash rebuilds the
identical run. The plan is never changed: blocks inserted on air live in the run order only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from livedesk.domain.clock import Clock
from livedesk.domain.live_log import UNPLAYED_NOTE, EventKind, LiveEvent, Marker
from livedesk.domain.live_status import (
    LUCKY_BAG_TIMER,
    Level,
    LiveStatus,
    RunSnapshot,
    RunState,
    SlotState,
    TimerStatus,
    level_for,
)
from livedesk.domain.message import CodedError, Message
from livedesk.domain.roles import ScriptStep, SegmentKind
from livedesk.domain.session import Segment, SessionPlan

__all__ = [
    "DEFAULT_DANGER_SECONDS",
    "DEFAULT_ENCORE_SECONDS",
    "DEFAULT_WARNING_SECONDS",
    "LUCKY_BAG_TIMER",
    "Level",
    "LiveRun",
    "LiveRunError",
    "LiveStatus",
    "RunState",
    "TimerStatus",
    "level_for",
]

DEFAULT_WARNING_SECONDS = 60
DEFAULT_DANGER_SECONDS = 15
DEFAULT_ENCORE_SECONDS = 180
INSERTED_NOTE = "inserted during the live run"


class LiveRunError(CodedError, RuntimeError):
    """An action that does not fit the run's state (e.g. `next` before `start`). `reason` (the Message
    `live.<code>`) is what the console and the CLI put in words; `str()` is for developers and logs."""

    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(Message(f"live.{code}", params))
        self.code = code
        self.developer_text = message

    def __str__(self) -> str:
        return self.developer_text


def _ms(moment: datetime | None) -> int | None:
    return None if moment is None else round(moment.timestamp() * 1000)


@dataclass
class _Slot:
    """Run-time bookkeeping of one block, kept beside it so inserts keep everything aligned."""

    key: int  # the block's name in the log: plan position, or -1, -2, … for inserted blocks
    skipped: bool = False
    unplayed: bool = False
    extra: int = 0
    actual: float | None = None


class _Current:
    """The default of `_event`'s key and product: the block on air (None is a real value there)."""


_ON_AIR = _Current()


@dataclass
class _Timer:
    key: str
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
        self._slots = [_Slot(key=i) for i in range(len(self.segments))]
        self.state = RunState.READY
        self.index: int | None = None
        self.step_index: int | None = None
        self._run_started: datetime | None = None
        self._segment_started: datetime | None = None
        self._step_started: datetime | None = None
        self._finished_at: datetime | None = None
        self._planned_total = sum(s.planned_seconds for s in self.segments)
        self._timers: dict[str, _Timer] = {}
        self._inserted = 0
        self.message = ""
        self.blink = False

    # ---- time -----------------------------------------------------------------------------------
    def now(self) -> datetime:
        """The clock's time to the millisecond: what the log stores, so a restore matches to the tick."""
        moment = self.clock.now().astimezone(self.plan.session.zone)
        return moment.replace(microsecond=moment.microsecond // 1000 * 1000)

    # ---- moving through the run -----------------------------------------------------------------
    def start(self) -> list[LiveEvent]:
        if self.state is not RunState.READY:
            raise LiveRunError("started", "the run has already started")
        first = self._following(-1)
        if first is None:
            raise LiveRunError("empty_plan", "the plan has no segments to run")
        return self._commit(self._enter(first, self.now()))

    def go(self) -> list[LiveEvent]:
        """Start the run, or end the current segment and start the next (the director's main key)."""
        return self.start() if self.state is RunState.READY else self.next()

    def next(self) -> list[LiveEvent]:
        on_air = self._require_running()
        now = self.now()
        events = self._leave(now)
        following = self._following(on_air)
        if following is None:
            return self._commit([*events, self._event(EventKind.RUN_END, now, key=None)])
        return self._commit(events + self._enter(following, now))

    def unplayed_count(self) -> int:
        """Blocks still to come that ending the show now would leave out."""
        if self.state is RunState.FINISHED:
            return 0
        start = -1 if self.index is None else self.index
        return sum(1 for i in range(start + 1, len(self.segments)) if not self._slots[i].skipped)

    def finish(self) -> list[LiveEvent]:
        """End the current segment and the show; every block not yet played is logged as 未播."""
        on_air = self._require_running()
        now = self.now()
        events = self._leave(now)
        for i in range(on_air + 1, len(self.segments)):
            if not self._slots[i].skipped:
                events.append(self._event(EventKind.SKIP, now, key=self._slots[i].key, note=UNPLAYED_NOTE))
        events.append(self._event(EventKind.RUN_END, now, key=None))
        return self._commit(events)

    def skip(self, index: int | None = None) -> list[LiveEvent]:
        """Drop an upcoming segment (default: the next one) from the run."""
        if self.state is RunState.FINISHED:
            raise LiveRunError("over", "the run is over")
        target = self.next_index() if index is None else index
        if target is None:
            raise LiveRunError("nothing_to_skip", "there is no upcoming segment to skip")
        if self.index is not None and target <= self.index:
            raise LiveRunError(
                "not_upcoming", "only upcoming segments can be skipped; use next to end the current one"
            )
        if not 0 <= target < len(self.segments) or self._slots[target].skipped:
            raise LiveRunError("not_upcoming", "that segment is not an upcoming one")
        return self._commit([self._event(EventKind.SKIP, self.now(), key=self._slots[target].key)])

    def unskip(self, index: int) -> list[LiveEvent]:
        if self.state is RunState.FINISHED:
            raise LiveRunError("over", "the run is over")
        if not 0 <= index < len(self.segments) or not self._slots[index].skipped:
            raise LiveRunError("not_skipped", "that segment is not skipped")
        return self._commit([self._event(EventKind.UNSKIP, self.now(), key=self._slots[index].key)])

    def is_skipped(self, index: int) -> bool:
        return self._slots[index].skipped

    def is_unplayed(self, index: int) -> bool:
        return self._slots[index].unplayed

    def extend(self, seconds: int) -> list[LiveEvent]:
        """Give the current segment `seconds` more (negative to take time away)."""
        self._require_running()
        if int(seconds) == 0:
            return []
        return self._commit([self._event(EventKind.EXTEND, self.now(), note=f"{int(seconds):+d}")])

    def insert_encore(self, product_id: str, seconds: int = DEFAULT_ENCORE_SECONDS) -> list[LiveEvent]:
        """Put an encore (返场) of a product right after the current segment (see `inserted_at`)."""
        if self.state is RunState.FINISHED:
            raise LiveRunError("over", "the run is over")
        if self.plan.product(product_id) is None:
            raise LiveRunError(
                "unknown_product", f"product {product_id} is not in this session's pool", product=product_id
            )
        if int(seconds) <= 0:
            raise LiveRunError("bad_seconds", "an encore needs a positive number of seconds")
        event = self._event(
            EventKind.SEGMENT_INSERT,
            self.now(),
            key=-(self._inserted + 1),
            note=str(int(seconds)),
            product_id=product_id,
        )
        return self._commit([event])

    def position_of(self, key: int | None) -> int | None:
        """Where the block named `key` in the log stands in the run order now."""
        for position, slot in enumerate(self._slots):
            if slot.key == key:
                return position
        return None

    def key_of(self, position: int) -> int:
        """The name in the log of the block at `position`: its plan position, or -1, -2, … if inserted."""
        return self._slots[position].key

    def step_next(self) -> list[LiveEvent]:
        return self._move_step(+1)

    def step_previous(self) -> list[LiveEvent]:
        return self._move_step(-1)

    def mark(self, marker: Marker, note: str = "") -> LiveEvent:
        """A one-key marker (上链接, 福袋, 返场, 事故, note) at this instant."""
        return self._commit([self._event(EventKind.MARKER, self.now(), marker=Marker(marker), note=note)])[0]

    # ---- auxiliary timers and the host-screen message -------------------------------------------
    def lucky_bag(self, seconds: int) -> list[LiveEvent]:
        """The 福袋 marker and its countdown, as one action."""
        if seconds <= 0:
            raise LiveRunError("bad_seconds", "a countdown needs a positive number of seconds")
        now = self.now()
        return self._commit(
            [
                self._event(EventKind.MARKER, now, marker=Marker.LUCKY_BAG),
                self._event(EventKind.TIMER_START, now, marker=Marker.LUCKY_BAG, note=str(int(seconds))),
            ]
        )

    def start_timer(self, key: str, seconds: int) -> list[LiveEvent]:
        if seconds <= 0:
            raise LiveRunError("bad_seconds", "a countdown needs a positive number of seconds")
        return self._commit(
            [self._event(EventKind.TIMER_START, self.now(), marker=Marker(key), note=str(int(seconds)))]
        )

    def cancel_timer(self, key: str) -> list[LiveEvent]:
        if key not in self._timers:
            return []
        return self._commit([self._event(EventKind.TIMER_STOP, self.now(), marker=Marker(key))])

    def set_message(self, text: str, blink: bool = False) -> list[LiveEvent]:
        text = text.strip()
        blink = blink and bool(text)
        if (text, blink) == (self.message, self.blink):
            return []
        kind = EventKind.MESSAGE_BLINK if blink else EventKind.MESSAGE
        return self._commit([self._event(kind, self.now(), note=text)])

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
        step_elapsed: float = 0.0
        step_budget: int | None = None
        step: ScriptStep | None = None
        if self.index is not None and segment is not None:
            elapsed = (now - self._started(self._segment_started)).total_seconds()
            allowed = float(max(0, segment.planned_seconds + self._slots[self.index].extra))
            if self.step_index is not None:
                budget = segment.steps[self.step_index]
                step, step_budget = budget.step, budget.seconds
                step_elapsed = (now - self._started(self._step_started)).total_seconds()
        remaining = allowed - elapsed
        planned_end: datetime | None = None
        expected_end: datetime | None = None
        over_under: float | None = None
        if self._run_started is not None:
            planned_end = self._run_started + timedelta(seconds=self._planned_total)
            if self.state is RunState.FINISHED:
                expected_end = self._finished_at
                over_under = sum(
                    slot.actual - s.planned_seconds
                    for s, slot in zip(self.segments, self._slots, strict=True)
                    if slot.actual is not None
                )
            else:
                start = -1 if self.index is None else self.index
                ahead = sum(
                    s.planned_seconds + slot.extra
                    for i, (s, slot) in enumerate(zip(self.segments, self._slots, strict=True))
                    if i > start and not slot.skipped
                )
                expected_end = now + timedelta(seconds=max(0.0, remaining) + ahead)
                over_under = (expected_end - planned_end).total_seconds()
        timers = tuple(
            TimerStatus(t.key, "", t.seconds, t.seconds - (now - t.started).total_seconds())
            for t in self._timers.values()
        )
        next_segment = self.segments[nxt] if nxt is not None else None
        return LiveStatus(
            state=self.state,
            now=now,
            index=self.index,
            segment=segment,
            next_index=nxt,
            next_segment=next_segment,
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
            product=self.plan.product(segment.product_id) if segment else None,
            next_product=self.plan.product(next_segment.product_id) if next_segment else None,
            unplayed=sum(1 for slot in self._slots if slot.unplayed),
        )

    def actual_seconds(self, index: int) -> float | None:
        return self._slots[index].actual

    def snapshot(self) -> RunSnapshot:
        """The run's whole state as plain values (what the crash test compares)."""
        return RunSnapshot(
            state=self.state.value,
            index=self.index,
            step_index=self.step_index,
            run_started_ms=_ms(self._run_started),
            segment_started_ms=_ms(self._segment_started) if self.index is not None else None,
            step_started_ms=_ms(self._step_started) if self.step_index is not None else None,
            finished_ms=_ms(self._finished_at),
            slots=tuple(
                SlotState(
                    key=slot.key,
                    kind=segment.kind.value,
                    product_id=segment.product_id,
                    planned_seconds=segment.planned_seconds,
                    skipped=slot.skipped,
                    unplayed=slot.unplayed,
                    extra=slot.extra,
                    actual_ms=None if slot.actual is None else round(slot.actual * 1000),
                )
                for segment, slot in zip(self.segments, self._slots, strict=True)
            ),
            timers=tuple(
                (t.key, t.seconds, round(t.started.timestamp() * 1000)) for t in self._timers.values()
            ),
            message=self.message,
            blink=self.blink,
        )

    # ---- plan edits during the run ------------------------------------------------------------
    def adopt_plan(self, plan: SessionPlan) -> bool:
        """Take an edited plan: before the start all of it; on air its products (names, scripts) and the
        planned blocks not yet started (matched by plan position, so encores inserted on air stay put).
        After the end nothing changes. Returns whether anything was taken."""
        if self.state is RunState.FINISHED:
            return False
        if self.state is RunState.READY and not any(slot.key < 0 for slot in self._slots):
            self.plan, self.segments = plan, list(plan.segments)
            self._slots = [_Slot(key=i, skipped=self._skipped_key(i)) for i in range(len(self.segments))]
            self._planned_total = sum(s.planned_seconds for s in self.segments)
            return True
        self.plan.products = plan.products
        start = -1 if self.index is None else self.index
        for position in range(start + 1, len(self.segments)):
            key = self._slots[position].key
            if 0 <= key < len(plan.segments):
                self.segments[position] = plan.segments[key]
        return True

    def _skipped_key(self, key: int) -> bool:
        position = self.position_of(key)
        return position is not None and self._slots[position].skipped

    # ---- crash recovery -------------------------------------------------------------------------
    def restore(self, events: list[LiveEvent]) -> None:
        """Rebuild the run from a stored log (after a crash or a restart of the app) by replaying it.
        Events that do not fit (an imported log naming blocks this plan lacks) are passed over."""
        if self.state is not RunState.READY:
            raise LiveRunError("started", "restore needs a fresh run")
        for event in events:
            self._apply(event)
        self._end_unended(events)

    def _end_unended(self, events: list[LiveEvent]) -> None:
        if self.state is RunState.RUNNING and self.index is None:
            # A log written before the run-end event existed: its last block ended, so did the run.
            self.state, self._finished_at = RunState.FINISHED, events[-1].at

    # ---- applying events: the only place the state changes ---------------------------------------
    def _commit(self, events: list[LiveEvent]) -> list[LiveEvent]:
        for event in events:
            self._apply(event)
        return events

    def _apply(self, event: LiveEvent) -> None:
        kind, at = event.kind, event.at
        position = self.position_of(event.segment_index)
        if kind is EventKind.SEGMENT_START and position is not None:
            if self.index is not None:  # a log that skipped the end of the block before: close it here
                self._close_current(at)
            if self._run_started is None:
                self._run_started = at
            self.state, self.index, self._segment_started = RunState.RUNNING, position, at
            self.step_index = None
        elif kind is EventKind.SEGMENT_END and position is not None and position == self.index:
            self._close_current(at)
        elif kind is EventKind.STEP_START and position is not None and position == self.index:
            steps = [budget.step for budget in self.segments[position].steps]
            if event.step in steps:
                self.step_index, self._step_started = steps.index(event.step), at
        elif kind is EventKind.SKIP and position is not None:
            self._slots[position].skipped = True
            self._slots[position].unplayed = event.note == UNPLAYED_NOTE
        elif kind is EventKind.UNSKIP and position is not None:
            self._slots[position].skipped = self._slots[position].unplayed = False
        elif kind is EventKind.EXTEND and position is not None:
            self._slots[position].extra += event.seconds()
        elif kind is EventKind.SEGMENT_INSERT and event.segment_index is not None and position is None:
            self._insert(event)
        elif kind is EventKind.TIMER_START and event.marker is not None and event.seconds() > 0:
            self._timers[event.marker.value] = _Timer(event.marker.value, event.seconds(), at)
        elif kind is EventKind.TIMER_STOP and event.marker is not None:
            self._timers.pop(event.marker.value, None)
        elif kind in (EventKind.MESSAGE, EventKind.MESSAGE_BLINK):
            self.message, self.blink = event.note, kind is EventKind.MESSAGE_BLINK
        elif kind is EventKind.RUN_END and self._run_started is not None:
            if self.index is not None:
                self._close_current(at)
            self.state, self._finished_at = RunState.FINISHED, at
            self._timers.clear()  # no 福袋 is drawn after the show

    def _close_current(self, at: datetime) -> None:
        if self.index is None:
            return
        self._slots[self.index].actual = (at - self._started(self._segment_started)).total_seconds()
        self.index, self.step_index = None, None

    @staticmethod
    def _started(moment: datetime | None) -> datetime:
        """A start time the state guarantees (a block or step on air has one): None is a bug in this class,
        not a director's action that does not fit, so it is no LiveRunError."""
        if moment is None:
            raise RuntimeError("a block or step is on air without a start time")
        return moment

    def _insert(self, event: LiveEvent) -> None:
        if event.segment_index is None:
            return
        at = 0 if self.index is None else self.index + 1
        segment = Segment(
            kind=SegmentKind.ENCORE,
            planned_seconds=event.seconds(),
            product_id=event.product_id,
            notes=INSERTED_NOTE,
        )
        self.segments.insert(at, segment)
        self._slots.insert(at, _Slot(key=event.segment_index))
        self._inserted = max(self._inserted, -event.segment_index)

    # ---- building events ------------------------------------------------------------------------
    def _require_running(self) -> int:
        """The position on air; an action that needs one fails before the start and after the end."""
        if self.state is RunState.READY:
            raise LiveRunError("not_on_air", "the run is not on air")
        if self.state is not RunState.RUNNING or self.index is None:
            raise LiveRunError("over", "the run is over")
        return self.index

    def _following(self, index: int) -> int | None:
        for i in range(index + 1, len(self.segments)):
            if not self._slots[i].skipped:
                return i
        return None

    def _enter(self, position: int, now: datetime) -> list[LiveEvent]:
        key, segment = self._slots[position].key, self.segments[position]
        events = [self._event(EventKind.SEGMENT_START, now, key=key, product_id=segment.product_id)]
        if segment.steps:
            events.append(
                self._event(
                    EventKind.STEP_START,
                    now,
                    key=key,
                    step=segment.steps[0].step,
                    product_id=segment.product_id,
                )
            )
        return events

    def _leave(self, now: datetime) -> list[LiveEvent]:
        events = []
        if self.index is not None and self.step_index is not None:
            step = self.segments[self.index].steps[self.step_index].step
            events.append(self._event(EventKind.STEP_END, now, step=step))
        events.append(self._event(EventKind.SEGMENT_END, now))
        return events

    def _move_step(self, delta: int) -> list[LiveEvent]:
        steps = self.segments[self._require_running()].steps
        if self.step_index is None or not 0 <= self.step_index + delta < len(steps):
            return []
        now = self.now()
        return self._commit(
            [
                self._event(EventKind.STEP_END, now, step=steps[self.step_index].step),
                self._event(EventKind.STEP_START, now, step=steps[self.step_index + delta].step),
            ]
        )

    def _event(
        self,
        kind: EventKind,
        at: datetime,
        *,
        key: int | None | _Current = _ON_AIR,
        step: ScriptStep | None = None,
        marker: Marker | None = None,
        note: str = "",
        product_id: str | None | _Current = _ON_AIR,
    ) -> LiveEvent:
        """An event about the block on air, unless `key` names another (a skipped or inserted block)."""
        if isinstance(key, _Current):
            key = self._slots[self.index].key if self.index is not None else None
        if isinstance(product_id, _Current):
            position = self.position_of(key)
            product_id = self.segments[position].product_id if position is not None else None
        return LiveEvent(
            at=at, kind=kind, segment_index=key, step=step, marker=marker, note=note, product_id=product_id
        )
