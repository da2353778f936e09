"""Orders (by paid time) and the minute curve attributed to the actual segment windows.

Windows are half-open [start, end): an order paid exactly on a boundary belongs to the segment that starts
there. Where windows overlap (two explanations running at once, a log with a late end) each instant belongs
to the segment that started most recently and is still running; equal starts go to the later block of the
run. Paid times before the first start fall in BEFORE, after the last end in AFTER, and in a pause between
blocks in GAP. Everything is vectorised: np.searchsorted over the window boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, overload

import numpy as np
import numpy.typing as npt

from livedesk.analysis.actual_run import ActualRun
from livedesk.analysis.inputs import NULL_MS, ReviewInputs, epoch_ms, int_array
from livedesk.analysis.orders import OrderArrays, distinct_by

BEFORE, AFTER, GAP, UNKNOWN = -1, -2, -3, -4
BUCKET_NAMES = {BEFORE: "before", AFTER: "after", GAP: "gap", UNKNOWN: "no_paid_time"}
LIFT_WINDOW_MS = 5 * 60 * 1000  # "the minutes before" a traffic item: the 5 minutes before it starts


def window_owners(starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Elementary boundaries and, for each [bounds[k], bounds[k+1]), the owning window (-1: none)."""
    bounds = np.unique(np.concatenate([starts, ends]))
    owner = np.full(max(len(bounds) - 1, 0), -1, dtype=np.int64)
    # Paint in order of start (then run position): a later-starting window overwrites the one it overlaps.
    for index in np.lexsort((np.arange(len(starts)), starts)):
        if ends[index] <= starts[index]:
            continue
        lo = np.searchsorted(bounds, starts[index], side="left")
        hi = np.searchsorted(bounds, ends[index], side="left")
        owner[lo:hi] = index
    return bounds, owner


def assign(times: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """For each instant the index of its window, or BEFORE / AFTER / GAP / UNKNOWN (null time)."""
    result = np.full(len(times), UNKNOWN, dtype=np.int64)
    if len(starts) == 0:
        return result
    bounds, owner = window_owners(starts, ends)
    known = times != NULL_MS
    k = np.searchsorted(bounds, times, side="right") - 1
    inside = known & (k >= 0) & (k < len(owner))
    result[inside] = owner[k[inside]]
    result[inside & (result == -1)] = GAP
    result[known & (k < 0)] = BEFORE
    result[known & (k >= len(owner))] = AFTER
    return result


@dataclass
class SegmentFigures:
    gmv_fen: int | None = None
    orders: int | None = None
    units: int | None = None
    on_air_gmv_fen: int | None = None
    on_air_share: float | None = None  # share of the block's GMV sold of the product on air
    online_start: int | None = None
    online_end: int | None = None
    online_avg: float | None = None
    online_before_avg: float | None = None  # the 5 minutes before the block
    gmv_per_minute_fen: int | None = None
    gmv_source: str | None = None  # orders | minutes


@dataclass(frozen=True, slots=True)
class BucketFigures:
    """Orders paid outside every block: before the first, after the last, in a pause, or with no time."""

    gmv_fen: int | None
    orders: int


@dataclass(frozen=True, slots=True)
class StepFigures:
    """One script step as run inside a block, and what sold while it ran."""

    position: int
    step: str
    start_ms: int
    seconds: float
    gmv_fen: int | None
    orders: int


@dataclass
class Attribution:
    segments: list[SegmentFigures]
    buckets: dict[str, BucketFigures] = field(default_factory=dict)  # keyed by BUCKET_NAMES' values
    steps: list[StepFigures] = field(default_factory=list)


def attribute(inputs: ReviewInputs, run: ActualRun, orders: OrderArrays | None) -> Attribution:
    starts = np.array([s.start_ms for s in run.segments], dtype=np.int64)
    ends = np.array([s.end_ms for s in run.segments], dtype=np.int64)
    n = len(starts)
    figures = [SegmentFigures() for _ in range(n)]
    result = Attribution(figures)
    if orders is not None and n:
        _orders_into(run, orders, starts, ends, result)
    minutes = _minute_arrays(inputs)
    if minutes is not None and n:
        _minutes_into(minutes, starts, ends, result, use_gmv=orders is None)
    for figure, seconds in zip(figures, (ends - starts) / 1000, strict=False):
        if figure.gmv_fen is not None and seconds > 0:
            figure.gmv_per_minute_fen = int(round(figure.gmv_fen * 60 / seconds))
    if orders is not None:
        result.steps = _steps(run, orders)
    return result


Int64s = npt.NDArray[np.int64]
MinuteArrays = tuple[Int64s, Int64s, Int64s | None]  # minute (epoch ms), online (-1: unknown), gmv fen


def _orders_into(
    run: ActualRun, orders: OrderArrays, starts: Int64s, ends: Int64s, result: Attribution
) -> None:
    n = len(starts)
    where = assign(orders.paid_ms, starts, ends)
    seg = where >= 0
    codes = where[seg]
    amount = orders.amount_fen[seg] if orders.amount_fen is not None else None
    gmv = _isum(codes, n, amount)
    units = _isum(codes, n, orders.quantity[seg] if orders.quantity is not None else None)
    counts = distinct_by(codes, n, orders.identity[seg])  # sales, not lines (see order_lines.py)
    # Which product is on air in each block, as the orders' product codes.
    lookup = {pid: i for i, pid in enumerate(orders.product_ids)}
    on_air_code = np.array(
        [lookup.get(s.product_id, -2) if s.product_id else -2 for s in run.segments], dtype=np.int64
    )
    on_air_gmv = None
    if amount is not None:
        on_air = orders.product_code[seg] == on_air_code[codes]
        on_air_gmv = _isum(codes[on_air], n, amount[on_air])
    for i, figure in enumerate(result.segments):
        figure.gmv_source = "orders"
        figure.orders = int(counts[i]) if counts is not None else None
        figure.gmv_fen = int(gmv[i]) if gmv is not None else None
        figure.units = int(units[i]) if units is not None else None
        if on_air_gmv is not None and gmv is not None and run.segments[i].product_id:
            figure.on_air_gmv_fen = int(on_air_gmv[i])
            figure.on_air_share = float(on_air_gmv[i] / gmv[i]) if gmv[i] else None
    for code, name in BUCKET_NAMES.items():
        mask = where == code
        result.buckets[name] = BucketFigures(
            gmv_fen=int(orders.amount_fen[mask].sum()) if orders.amount_fen is not None else None,
            orders=orders.sales(mask),
        )


@overload
def _isum(codes: Int64s, size: int, values: npt.NDArray[Any]) -> Int64s: ...
@overload
def _isum(codes: Int64s, size: int, values: None) -> None: ...
@overload
def _isum(codes: Int64s, size: int, values: npt.NDArray[Any] | None) -> Int64s | None: ...
def _isum(codes: Int64s, size: int, values: npt.NDArray[Any] | None) -> Int64s | None:
    if values is None:
        return None
    out = np.zeros(size, dtype=np.int64)
    np.add.at(out, codes, values)
    return out


def _minute_arrays(inputs: ReviewInputs) -> MinuteArrays | None:
    parts = inputs.of("minutes")
    if not parts:
        return None
    minute = np.concatenate([epoch_ms(p.table.column("minute")) for p in parts])
    onlines = [int_array(p.table, "online", fill=-1) for p in parts]
    gmvs = [int_array(p.table, "gmv_fen") for p in parts]
    online = np.concatenate(
        [o if o is not None else np.full(p.table.num_rows, -1) for o, p in zip(onlines, parts, strict=False)]
    )
    gmv = (
        None
        if all(g is None for g in gmvs)
        else np.concatenate(
            [
                g if g is not None else np.zeros(p.table.num_rows, np.int64)
                for g, p in zip(gmvs, parts, strict=False)
            ]
        )
    )
    keep = minute != NULL_MS
    minute, online = minute[keep], online[keep]
    gmv = gmv[keep] if gmv is not None else None
    minute, first = np.unique(minute, return_index=True)  # sorted; a minute imported twice counts once
    return minute, online[first], (gmv[first] if gmv is not None else None)


def _minutes_into(
    minutes: MinuteArrays, starts: Int64s, ends: Int64s, result: Attribution, *, use_gmv: bool
) -> None:
    minute, online, gmv = minutes
    known = online >= 0
    m_known, o_known = minute[known], online[known]
    csum = np.concatenate([[0], np.cumsum(o_known)])

    def online_at(t: int) -> int | None:
        k = np.searchsorted(m_known, t, side="right") - 1
        return int(o_known[k]) if k >= 0 and t - m_known[k] < 60_000 else None

    def average(lo_t: int, hi_t: int) -> float | None:
        lo, hi = np.searchsorted(m_known, lo_t, "left"), np.searchsorted(m_known, hi_t, "left")
        return float((csum[hi] - csum[lo]) / (hi - lo)) if hi > lo else None

    for i, figure in enumerate(result.segments):
        s, e = int(starts[i]), int(ends[i])
        figure.online_start = online_at(s)
        figure.online_end = online_at(e - 1)
        figure.online_avg = average(s, e)
        figure.online_before_avg = average(s - LIFT_WINDOW_MS, s)
    if use_gmv and gmv is not None:
        # No order file: a minute's GMV belongs to the block running at the minute's start.
        where = assign(minute, starts, ends)
        seg = where >= 0
        sums = _isum(where[seg], len(starts), gmv[seg])
        for i, figure in enumerate(result.segments):
            figure.gmv_fen, figure.gmv_source = int(sums[i]), "minutes"


def _steps(run: ActualRun, orders: OrderArrays) -> list[StepFigures]:
    windows = [(seg.position, w) for seg in run.segments for w in seg.steps if w.end_ms > w.start_ms]
    if not windows:
        return []
    starts = np.array([w.start_ms for _, w in windows], dtype=np.int64)
    ends = np.array([w.end_ms for _, w in windows], dtype=np.int64)
    where = assign(orders.paid_ms, starts, ends)
    seg = where >= 0
    gmv = _isum(where[seg], len(windows), orders.amount_fen[seg] if orders.amount_fen is not None else None)
    counts = distinct_by(where[seg], len(windows), orders.identity[seg])
    assert counts is not None  # every line has an identity (see order_lines.py)
    return [
        StepFigures(
            position=pos,
            step=w.step,
            start_ms=w.start_ms,
            seconds=(w.end_ms - w.start_ms) / 1000,
            gmv_fen=int(gmv[k]) if gmv is not None else None,
            orders=int(counts[k]),
        )
        for k, (pos, w) in enumerate(windows)
    ]
