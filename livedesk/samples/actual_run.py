"""What "actually happened" in the past sample session: actual segment and step times and the live log.

Deviations from the plan are deliberate so the review has something to find: pitches overran, one had
an incident (wrong link price), the closing was cut short so the stream still ended just before the
planned end, one clearance pitch was skipped and two profit pitches were swapped.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from livedesk.domain.live_log import EventKind, LiveEvent, Marker
from livedesk.domain.roles import ScriptStep, SegmentKind
from livedesk.domain.session import SessionPlan

OVERRUN_SECONDS = {2: 180, 7: 95, 11: 130, 20: 60}  # plan index → seconds over
CLOSING_ENDS_EARLY = 75  # the director cut the closing so the stream ended just before the planned end
SKIPPED = 14  # 保温杯: stock not synced, skipped
SWAPPED = (13, 16)  # 乌龙 and 枸杞 went on air in the other order
INCIDENT_SEGMENT = 7
JITTER_SECONDS = 35


@dataclass
class ActualSegment:
    index: int  # position in the plan
    kind: SegmentKind
    product_id: str | None
    start: datetime
    end: datetime
    steps: list[tuple[ScriptStep, datetime, datetime]] = field(default_factory=list)


@dataclass
class ActualRun:
    segments: list[ActualSegment]
    events: list[LiveEvent]

    @property
    def start(self) -> datetime:
        return self.segments[0].start

    @property
    def end(self) -> datetime:
        return self.segments[-1].end

    def explanations(self) -> list[ActualSegment]:
        """Pitches and encores: what the platform records as 商品讲解."""
        return [s for s in self.segments if s.kind in (SegmentKind.PITCH, SegmentKind.ENCORE)]

    def on_air(self, moment: datetime) -> ActualSegment | None:
        for segment in self.segments:
            if segment.start <= moment < segment.end:
                return segment
        return None


def actual_order(count: int) -> list[int]:
    order = [i for i in range(count) if i != SKIPPED]
    a, b = order.index(SWAPPED[0]), order.index(SWAPPED[1])
    order[a], order[b] = order[b], order[a]
    return order


def simulate_run(plan: SessionPlan, seed: int) -> ActualRun:
    """Actual times of every segment and step, and the live log a director would have recorded."""
    rng = random.Random(seed * 7919 + 1)
    at = plan.session.start
    segments: list[ActualSegment] = []
    events: list[LiveEvent] = []
    order = actual_order(len(plan.segments))
    for index in order:
        planned = plan.segments[index]
        jitter = rng.randint(-JITTER_SECONDS, JITTER_SECONDS)
        seconds = max(60, planned.planned_seconds + OVERRUN_SECONDS.get(index, 0) + jitter)
        if planned.kind is SegmentKind.CLOSING:
            left = (plan.session.planned_end - at).total_seconds() - CLOSING_ENDS_EARLY
            seconds = int(max(8 * 60, left))
        segment = ActualSegment(index, planned.kind, planned.product_id, at, at + timedelta(seconds=seconds))
        if planned.steps:
            segment.steps = _scaled_steps(planned.steps, at, seconds)
        segments.append(segment)
        events.extend(_segment_events(segment, plan, rng))
        at = segment.end
        if index == order[SKIPPED - 1]:  # where the skipped pitch would have gone on air
            events.append(
                LiveEvent(
                    at,
                    EventKind.MARKER,
                    SKIPPED,
                    marker=Marker.NOTE,
                    note="保温杯库存未同步，跳过本款",
                    product_id=plan.segments[SKIPPED].product_id,
                )
            )
    return ActualRun(segments, events)


def _scaled_steps(budgets, start: datetime, seconds: int) -> list[tuple[ScriptStep, datetime, datetime]]:
    total = sum(b.seconds for b in budgets) or 1
    steps, done, running = [], 0, 0
    for budget in budgets:
        running += budget.seconds
        until = round(seconds * running / total)
        steps.append((budget.step, start + timedelta(seconds=done), start + timedelta(seconds=until)))
        done = until
    return steps


def _segment_events(segment: ActualSegment, plan: SessionPlan, rng: random.Random) -> list[LiveEvent]:
    i, pid = segment.index, segment.product_id
    events = [LiveEvent(segment.start, EventKind.SEGMENT_START, i, product_id=pid)]
    markers: list[LiveEvent] = []
    if segment.kind is SegmentKind.OPENING:
        markers.append(
            LiveEvent(
                segment.start + timedelta(seconds=60),
                EventKind.MARKER,
                i,
                marker=Marker.LUCKY_BAG,
                note="开播福袋",
            )
        )
        markers.append(
            LiveEvent(
                segment.start + timedelta(seconds=240),
                EventKind.MARKER,
                i,
                marker=Marker.LINK_UP,
                note="引流款秒杀上链接",
                product_id=pid,
            )
        )
    elif segment.kind is SegmentKind.INTERACTION:
        title = plan.segments[i].title
        marker = Marker.LUCKY_BAG if "福袋" in title else Marker.NOTE
        markers.append(
            LiveEvent(
                segment.start + timedelta(seconds=20),
                EventKind.MARKER,
                i,
                marker=marker,
                note=title.replace("互动：", ""),
            )
        )
    elif segment.kind is SegmentKind.ENCORE:
        markers.append(
            LiveEvent(segment.start, EventKind.MARKER, i, marker=Marker.ENCORE, note="返场", product_id=pid)
        )
        markers.append(
            LiveEvent(
                segment.start + timedelta(seconds=30),
                EventKind.MARKER,
                i,
                marker=Marker.LINK_UP,
                product_id=pid,
            )
        )
    for step, start, end in segment.steps:
        events.append(LiveEvent(start, EventKind.STEP_START, i, step=step, product_id=pid))
        if step is ScriptStep.OFFER and segment.kind is SegmentKind.PITCH:
            events.append(
                LiveEvent(
                    start + timedelta(seconds=rng.randint(5, 25)),
                    EventKind.MARKER,
                    i,
                    marker=Marker.LINK_UP,
                    product_id=pid,
                )
            )
        if step is ScriptStep.SELLING_POINTS and i == INCIDENT_SEGMENT:
            events.append(
                LiveEvent(
                    start + timedelta(seconds=60),
                    EventKind.MARKER,
                    i,
                    marker=Marker.INCIDENT,
                    note="链接价格挂错（99元挂成199元），下架改价后重新上架",
                    product_id=pid,
                )
            )
        events.append(LiveEvent(end, EventKind.STEP_END, i, step=step, product_id=pid))
    # Markers interleave with steps by time; a stable sort keeps step_end before the next step_start.
    merged = sorted(events[1:] + markers, key=lambda e: e.at)
    return [events[0], *merged, LiveEvent(segment.end, EventKind.SEGMENT_END, i, product_id=pid)]
