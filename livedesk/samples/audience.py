"""The audience of the actual run, minute by minute, and where in time people buy and what is on air.

Online viewers follow the run: they climb in the opening, jump during traffic pitches and interactions,
sag during long profit pitches and drain in the closing. Entries and exits are chosen so that
online[m] = online[m-1] + entries[m] - exits[m] holds exactly; the sum of entries is the session's pv.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from livedesk.domain.roles import Role, ScriptStep, SegmentKind
from livedesk.domain.session import SessionPlan
from livedesk.samples.actual_run import ActualRun

BASE_ONLINE = 900  # average online viewers of the committed sample
TURNOVER_PER_MINUTE = 0.75  # share of the room replaced each minute (≈ 80 s average watch)

_LEVEL = {Role.TRAFFIC: 1.45, Role.PROFIT: 1.0, Role.IMAGE: 0.9, Role.CLEARANCE: 1.15}
# Chance that a payment made during a pitch is for the product on air: a 形象款 mostly lifts the room.
_ON_AIR_SHARE = {Role.TRAFFIC: 0.85, Role.PROFIT: 0.75, Role.IMAGE: 0.2, Role.CLEARANCE: 0.7}
_KIND_LEVEL = {SegmentKind.INTERACTION: 1.2, SegmentKind.ENCORE: 1.1}
# How keen people are to pay, relative, by what is on air.
_BUY_HEAT = {
    ScriptStep.PAIN_POINT: 0.6,
    ScriptStep.SELLING_POINTS: 0.9,
    ScriptStep.TRUST: 1.0,
    ScriptStep.OFFER: 3.0,
    ScriptStep.CLOSE: 3.2,
}


@dataclass
class Broadcast:
    """Per-minute audience and per-second sales weights of one actual run."""

    start_epoch: int  # UTC seconds of the live start
    seconds: int  # live window length
    online: np.ndarray  # per minute
    entries: np.ndarray
    exits: np.ndarray
    new_followers: np.ndarray
    comments: np.ndarray
    likes: np.ndarray
    sale_weight: np.ndarray  # per second: relative chance that a payment happens then
    on_air: np.ndarray  # per second: index into the pool of the product on air, -1 for none
    on_air_share: np.ndarray  # per second: chance a payment is for the product on air

    @property
    def minutes(self) -> int:
        return len(self.online)

    @property
    def pv(self) -> int:
        return int(self.entries.sum())


def simulate_audience(plan: SessionPlan, run: ActualRun, seed: int, scale: float = 1.0) -> Broadcast:
    rng = np.random.default_rng(seed + 101)
    start = run.start
    seconds = int((run.end - start).total_seconds())
    minutes = math.ceil(seconds / 60)
    index_of: dict[str | None, int] = {p.product_id: i for i, p in enumerate(plan.products)}
    role_of: dict[str | None, Role] = {p.product_id: p.role for p in plan.products}

    level = np.zeros(minutes)
    for m in range(minutes):
        moment_offset = min(m * 60 + 30, seconds - 1)
        segment = _segment_at(run, moment_offset)
        into = (moment_offset - (segment.start - start).total_seconds()) / max(
            1.0, (segment.end - segment.start).total_seconds()
        )
        if segment.kind is SegmentKind.OPENING:
            factor = 0.25 + 0.85 * into
        elif segment.kind is SegmentKind.CLOSING:
            factor = 0.95 - 0.5 * into
        elif segment.kind in _KIND_LEVEL:
            factor = _KIND_LEVEL[segment.kind]
        else:
            role = role_of.get(segment.product_id, Role.PROFIT)
            factor = _LEVEL[role] * ((1.05 - 0.15 * into) if role is Role.PROFIT else (0.9 + 0.2 * into))
        arc = 0.85 + 0.25 * math.sin(math.pi * m / minutes)  # the evening peaks in the middle hour
        level[m] = BASE_ONLINE * scale * factor * arc

    online = np.zeros(minutes, dtype=np.int64)
    previous = 0.0
    for m in range(minutes):
        value = previous + 0.5 * (level[m] - previous) + rng.normal(0, 0.02 * level[m])
        online[m] = max(1, round(value))
        previous = online[m]
    before = np.concatenate(([0], online[:-1]))
    rise = np.maximum(0, online - before)
    entries = np.rint(online * TURNOVER_PER_MINUTE).astype(np.int64) + rise
    exits = before + entries - online
    new_followers = rng.poisson(online * 0.006)
    comments = rng.poisson(online * 0.25)
    likes = rng.poisson(online * 1.3)

    sale_weight = np.zeros(seconds)
    on_air = np.full(seconds, -1, dtype=np.int64)
    on_air_share = np.zeros(seconds)
    minute_online = np.repeat(online, 60)[:seconds].astype(float)
    for segment in run.segments:
        a = int((segment.start - start).total_seconds())
        b = int((segment.end - start).total_seconds())
        product = index_of.get(segment.product_id, -1)
        if segment.kind is SegmentKind.OPENING:
            link = a + 240  # the traffic item's link goes up four minutes in
            sale_weight[a:link], sale_weight[link:b] = 0.2, 2.5
            on_air[link:b], on_air_share[link:b] = product, 0.85
        elif segment.steps:
            for step, s0, s1 in segment.steps:
                c, d = int((s0 - start).total_seconds()), int((s1 - start).total_seconds())
                sale_weight[c:d] = _BUY_HEAT[step] * (0.8 if segment.kind is SegmentKind.ENCORE else 1.0)
            role = role_of.get(segment.product_id, Role.PROFIT)
            on_air[a:b], on_air_share[a:b] = product, _ON_AIR_SHARE[role]
        else:
            sale_weight[a:b] = 0.5
    sale_weight *= minute_online
    return Broadcast(
        int(start.timestamp()),
        seconds,
        online,
        entries,
        exits,
        new_followers,
        comments,
        likes,
        sale_weight,
        on_air,
        on_air_share,
    )


def _segment_at(run: ActualRun, offset_seconds: float):
    for segment in run.segments:
        if (segment.end - run.start).total_seconds() > offset_seconds:
            return segment
    return run.segments[-1]
