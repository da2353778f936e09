"""The run order as it actually happened: from the live log if there is one, else from the 商品讲解
(explanation) records, else the plan itself. Times are UTC epoch ms."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from livedesk.analysis.inputs import NULL_MS, ReviewInputs, SourcedTable, column, epoch_ms, to_ms
from livedesk.domain.roles import SegmentKind

SOURCE_LOG, SOURCE_EXPLANATIONS, SOURCE_PLAN = "log", "explanations", "plan"


@dataclass
class StepWindow:
    step: str
    start_ms: int
    end_ms: int


@dataclass
class ActualSegment:
    """One block as run. `plan_index` is None for a block the plan did not have (added on air)."""

    position: int
    plan_index: int | None
    kind: str
    product_id: str | None
    start_ms: int
    end_ms: int
    steps: list[StepWindow] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return (self.end_ms - self.start_ms) / 1000


@dataclass(frozen=True, slots=True)
class RunMarker:
    """A marker logged on air (incident, 上链接 …): when, its code, the note and the block it fell in."""

    at_ms: int
    marker: str
    note: str
    position: int | None


@dataclass
class ActualRun:
    source: str  # log | explanations | plan
    segments: list[ActualSegment]
    markers: list[RunMarker] = field(default_factory=list)

    @property
    def start_ms(self) -> int | None:
        return min((s.start_ms for s in self.segments), default=None)

    @property
    def end_ms(self) -> int | None:
        return max((s.end_ms for s in self.segments), default=None)


def actual_run(inputs: ReviewInputs) -> ActualRun:
    events = _log_events(inputs)
    if any(e["kind"] == "segment_start" for e in events):
        return _from_log(inputs, events)
    explanations = inputs.of("explanations")
    if explanations:
        run = _from_explanations(inputs, explanations)
        if run.segments:
            return run
    return _from_plan(inputs)


LogEvent = dict[str, Any]  # at_ms, kind, segment_index, step, marker, note, product_id


def _log_events(inputs: ReviewInputs) -> list[LogEvent]:
    """The stored live log; if empty, an imported live-log CSV (dataset kind "log")."""
    if inputs.events:
        return [
            {
                "at_ms": to_ms(e.at),
                "kind": e.kind.value,
                "segment_index": e.segment_index,
                "step": e.step.value if e.step else None,
                "marker": e.marker.value if e.marker else None,
                "note": e.note or "",
                "product_id": e.product_id,
            }
            for e in inputs.events
        ]
    rows: list[LogEvent] = []
    for sourced in inputs.of("log"):
        table = sourced.table
        at = epoch_ms(table.column("at"))
        names = ("kind", "segment_index", "step", "marker", "note", "product_id")
        values: dict[str, list[Any]] = {}
        for n in names:
            found = column(table, n)
            values[n] = found.to_pylist() if found is not None else [None] * table.num_rows
        for i in range(table.num_rows):
            if at[i] == NULL_MS:
                continue
            rows.append({"at_ms": int(at[i]), **{n: values[n][i] for n in names}})
    rows.sort(key=lambda r: r["at_ms"])  # stable: equal instants keep the logged order
    return rows


def _plan_kind(inputs: ReviewInputs, index: int | None) -> str:
    segments = inputs.plan.segments
    if index is not None and 0 <= index < len(segments):
        return segments[index].kind.value
    return SegmentKind.PITCH.value


def _plan_product(inputs: ReviewInputs, index: int | None) -> str | None:
    segments = inputs.plan.segments
    if index is not None and 0 <= index < len(segments):
        return segments[index].product_id
    return None


def _from_log(inputs: ReviewInputs, events: list[LogEvent]) -> ActualRun:
    segments: list[ActualSegment] = []
    markers: list[RunMarker] = []
    current: ActualSegment | None = None
    open_ended = False
    step_open: StepWindow | None = None
    # Blocks the live console inserted on air (encores) are named by negative indices in the log.
    inserted = {e["segment_index"]: e["product_id"] for e in events if e["kind"] == "segment_insert"}
    for event in events:
        kind, at = event["kind"], event["at_ms"]
        if kind == "segment_start":
            if current is not None and open_ended:
                current.end_ms = at
                _close_step(current, step_open, at)
            index = event["segment_index"]
            in_plan = index is not None and 0 <= index < len(inputs.plan.segments)
            current = ActualSegment(
                position=len(segments),
                plan_index=index if in_plan else None,
                kind=SegmentKind.ENCORE.value if index in inserted else _plan_kind(inputs, index),
                product_id=event["product_id"] or inserted.get(index) or _plan_product(inputs, index),
                start_ms=at,
                end_ms=at,
            )
            segments.append(current)
            open_ended, step_open = True, None
        elif kind == "segment_end" and current is not None and open_ended:
            current.end_ms = at
            _close_step(current, step_open, at)
            open_ended, step_open = False, None
        elif kind == "step_start" and current is not None and event["step"]:
            _close_step(current, step_open, at)
            step_open = StepWindow(event["step"], at, at)
            current.steps.append(step_open)
        elif kind == "step_end" and step_open is not None:
            step_open.end_ms = at
            step_open = None
        elif kind == "marker":
            markers.append(
                RunMarker(
                    at_ms=at,
                    marker=event["marker"],
                    note=event["note"] or "",
                    position=current.position if current is not None else None,
                )
            )
    if current is not None and open_ended:
        # The log stops without an end: the last logged instant closes it, else the planned length does.
        last = events[-1]["at_ms"]
        planned = _planned_seconds(inputs, current.plan_index)
        current.end_ms = last if last > current.start_ms else current.start_ms + planned * 1000
        _close_step(current, step_open, current.end_ms)
    return ActualRun(SOURCE_LOG, segments, markers)


def _close_step(segment: ActualSegment, step: StepWindow | None, at: int) -> None:
    if step is not None and step.end_ms == step.start_ms:
        step.end_ms = at


def _planned_seconds(inputs: ReviewInputs, index: int | None) -> int:
    segments = inputs.plan.segments
    if index is not None and 0 <= index < len(segments):
        return segments[index].planned_seconds
    return 0


def _from_explanations(inputs: ReviewInputs, explanations: list[SourcedTable]) -> ActualRun:
    starts: list[npt.NDArray[np.int64]] = []
    ends: list[npt.NDArray[np.int64]] = []
    products: list[str | None] = []
    for sourced in explanations:
        table = sourced.table
        starts.append(epoch_ms(table.column("start")))
        ends.append(epoch_ms(table.column("end")))
        pid = column(table, "product_id")
        products.extend(pid.to_pylist() if pid is not None else [None] * table.num_rows)
    start, end = np.concatenate(starts), np.concatenate(ends)
    keep = (start != NULL_MS) & (end != NULL_MS) & (end > start)
    order = np.lexsort((end, start))
    # Each explanation claims the first unclaimed plan segment of the same product, in plan order.
    unclaimed: dict[str, list[int]] = {}
    for i, seg in enumerate(inputs.plan.segments):
        if seg.product_id and seg.kind in (SegmentKind.PITCH, SegmentKind.ENCORE):
            unclaimed.setdefault(seg.product_id, []).append(i)
    segments: list[ActualSegment] = []
    seen: set[str] = set()
    seen_rows: set[tuple[int, int, str | None]] = set()
    for i in order:
        if not keep[i]:
            continue
        key = (int(start[i]), int(end[i]), products[i])
        if key in seen_rows:  # the same record imported from two files
            continue
        seen_rows.add(key)
        pid = products[i]
        candidates = unclaimed.get(pid, [])
        index = candidates.pop(0) if candidates else None
        kind = (
            _plan_kind(inputs, index)
            if index is not None
            else (SegmentKind.ENCORE.value if pid in seen else SegmentKind.PITCH.value)
        )
        seen.add(pid)
        segments.append(ActualSegment(len(segments), index, kind, pid, int(start[i]), int(end[i])))
    return ActualRun(SOURCE_EXPLANATIONS, segments)


def _from_plan(inputs: ReviewInputs) -> ActualRun:
    plan = inputs.plan
    segments = []
    for i, (seg, begin) in enumerate(zip(plan.segments, plan.planned_starts(), strict=False)):
        start = to_ms(begin)
        segments.append(
            ActualSegment(i, i, seg.kind.value, seg.product_id, start, start + seg.planned_seconds * 1000)
        )
    return ActualRun(SOURCE_PLAN, segments)


def live_window(inputs: ReviewInputs, run: ActualRun) -> tuple[int, int]:
    """The session's live window [start, end) in epoch ms as the review sees it now: the planned window,
    widened by the actual run (a stream that started early or overran is still the session). Computed at
    review time from what the session holds, so it does not depend on the order files were imported in."""
    session = inputs.plan.session
    start = to_ms(session.start)
    end = start + session.planned_seconds * 1000
    run_start, run_end = run.start_ms, run.end_ms
    if run.source != SOURCE_PLAN and run_start is not None and run_end is not None:
        start, end = min(start, run_start), max(end, run_end)
    logged = [row["at_ms"] for row in _log_events(inputs)]
    if logged:
        start, end = min(start, min(logged)), max(end, max(logged))
    return start, end
