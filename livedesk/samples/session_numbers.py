"""The numbers every export of the past session reports, aggregated once from the generated truth.

Orders give GMV, orders, buyers, units and refunds (exactly); the audience gives pv (the sum of entries),
online viewers and watch time; funnel counts not in the orders are derived from them with fixed rates.
Workbooks and the minute CSV are all written from this one object, which is why they agree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from livedesk.domain.live_log import EventKind, Marker
from livedesk.domain.session import SessionPlan
from livedesk.samples.actual_run import ActualRun
from livedesk.samples.audience import Broadcast
from livedesk.samples.catalog import CATALOG
from livedesk.samples.orders import (
    CHANNELS,
    REFUND_AFTER_SHIPPING,
    REFUND_BEFORE_SHIPPING,
    Orders,
    ProductTable,
)

CHANNEL_VIEW_SHARE = (0.46, 0.12, 0.16, 0.10, 0.07, 0.04, 0.03, 0.02)
CHANNEL_WATCH_FACTOR = (0.8, 1.9, 0.7, 1.1, 0.9, 1.3, 1.5, 1.0)
UV_PER_PV = 0.70
AD_SPEND_SHARE = 0.075  # 千川 spend as a share of GMV (ROI ≈ 13)


@dataclass
class SpecNumbers:
    name: str
    gmv_fen: int
    units: int
    buyers: int
    orders: int


@dataclass
class ProductNumbers:
    index: int
    gmv_fen: int
    units: int
    orders: int
    buyers: int
    exposure_uv: int
    click_uv: int
    explain_count: int
    explain_seconds: int
    first_listed: int  # epoch seconds
    refund_before: tuple[int, int, int]  # orders, fen, buyers
    refund_after: tuple[int, int, int]
    specs: list[SpecNumbers] = field(default_factory=list)


@dataclass
class ChannelNumbers:
    name: str
    pv: int
    uv: int
    gmv_fen: int
    orders: int
    avg_watch_seconds: int
    ad_spend_fen: int


@dataclass
class ExplanationNumbers:
    product: int
    start: int
    end: int
    gmv_fen: int
    units: int
    online_change: int
    avg_online: float


@dataclass
class SessionNumbers:
    start: int
    end: int
    gmv_fen: int
    turnover_fen: int  # 直播间成交金额: before platform-borne discounts
    orders: int
    buyers: int
    units: int
    pv: int
    uv: int
    avg_online: int
    peak_online: int
    avg_watch_seconds: int
    new_followers: int
    comments: int
    interaction_uv: int
    room_exposure_uv: int
    product_exposure_uv: int
    product_click_uv: int
    refund_fen: int
    refund_orders: int
    refund_buyers: int
    ad_spend_fen: int
    products: list[ProductNumbers]
    channels: list[ChannelNumbers]
    explanations: list[ExplanationNumbers]
    minute_gmv_fen: np.ndarray
    minute_orders: np.ndarray

    @property
    def gpm_fen(self) -> int:
        """GMV per thousand views, rounded to the fen (so pv = GMV / GPM × 1000 within rounding)."""
        return round(self.gmv_fen * 1000 / self.pv)

    @property
    def aov_fen(self) -> int:
        return round(self.gmv_fen / self.buyers) if self.buyers else 0


def reconcile_views(broadcast: Broadcast, orders: Orders, search: int = 400) -> None:
    """Make GPM exact: pick pv near the audience's own so that GMV × 1000 / pv is a whole number of fen.

    Real exports round GPM, so pv = GMV / GPM × 1000 is only nearly whole; here it is exactly whole.
    Only views sharing a factor of 100 or more with 1000 are candidates, so GPM keeps its cents instead
    of landing on whole yuan. The few fen GMV must move go to the 支付优惠 of the largest lines (at most
    ¥5 each); the views move by a few entries in the busiest minute (its exits move with them, so the
    online curve stays the same).
    """
    sale = np.flatnonzero(orders.sale)
    gmv = int(orders.paid_fen[sale].sum())
    pv = broadcast.pv
    best: tuple[tuple[int, int], int] | None = None
    for candidate in range(max(1, pv - search), pv + search + 1):
        common = math.gcd(candidate, 1000)
        if common < 100:
            continue
        cost = (gmv % (candidate // common), abs(candidate - pv))  # GMV must be a multiple of pv / common
        if best is None or cost < best[0]:
            best = (cost, candidate)
    if best is None:
        raise ValueError(f"no view count near {pv} gives a whole GPM for GMV {gmv}")
    (excess, _), target = best
    largest = sale[np.argsort(-orders.paid_fen[sale], kind="stable")]
    for line in largest[: excess // 500 + 1]:
        take = min(500, excess)
        orders.payment_discount_fen[line] += take
        orders.paid_fen[line] -= take
        excess -= take
    minute = int(np.argmax(broadcast.exits))
    broadcast.entries[minute] += target - pv
    broadcast.exits[minute] += target - pv


def split_whole(total: int, shares) -> list[int]:
    """Whole parts of `total` in proportion to `shares` that add up exactly (largest remainder)."""
    raw = [total * s / sum(shares) for s in shares]
    parts = [math.floor(r) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True)[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _unique(values: np.ndarray) -> int:
    return int(np.unique(values).size)


def compute_numbers(
    plan: SessionPlan, run: ActualRun, broadcast: Broadcast, orders: Orders, table: ProductTable
) -> SessionNumbers:
    sale = orders.sale
    refunded = sale & ((orders.state == REFUND_BEFORE_SHIPPING) | (orders.state == REFUND_AFTER_SHIPPING))
    gmv = int(orders.paid_fen[sale].sum())
    pv = broadcast.pv
    uv = round(pv * UV_PER_PV)
    buyers = _unique(orders.buyer[sale])
    start = broadcast.start_epoch

    products = []
    by_name = {item.name: item for item in CATALOG}
    first_link: dict[str, int] = {}
    for event in run.events:
        if event.kind is EventKind.MARKER and event.marker is Marker.LINK_UP and event.product_id:
            first_link.setdefault(event.product_id, int(event.at.timestamp()))
    explained = run.explanations()
    for index, product in enumerate(plan.products):
        mine = sale & (orders.product == index)
        item = by_name[product.name]
        buyers_p = _unique(orders.buyer[mine])
        wobble = 0.9 + 0.2 * ((index * 37 + 11) % 19) / 18  # rates differ a little from the catalogue's
        clicks = max(buyers_p, math.ceil(buyers_p / (item.buy_rate * wobble))) if buyers_p else 12
        exposures = math.ceil(clicks / (item.click_rate * (2 - wobble)))
        refunds = []
        for state in (REFUND_BEFORE_SHIPPING, REFUND_AFTER_SHIPPING):
            r = mine & (orders.state == state)
            refunds.append((int(r.sum()), int(orders.paid_fen[r].sum()), _unique(orders.buyer[r])))
        specs = []
        for spec in range(table.first_spec[index], table.first_spec[index] + table.spec_count[index]):
            s = mine & (orders.spec == spec)
            specs.append(
                SpecNumbers(
                    table.spec_names[spec],
                    int(orders.paid_fen[s].sum()),
                    int(orders.quantity[s].sum()),
                    _unique(orders.buyer[s]),
                    int(s.sum()),
                )
            )
        pitches = [e for e in explained if e.product_id == product.product_id]
        products.append(
            ProductNumbers(
                index=index,
                gmv_fen=int(orders.paid_fen[mine].sum()),
                units=int(orders.quantity[mine].sum()),
                orders=int(mine.sum()),
                buyers=buyers_p,
                exposure_uv=exposures,
                click_uv=clicks,
                explain_count=len(pitches),
                explain_seconds=int(sum((e.end - e.start).total_seconds() for e in pitches)),
                first_listed=first_link.get(product.product_id, start),
                refund_before=refunds[0],
                refund_after=refunds[1],
                specs=specs,
            )
        )

    watch_total = int(broadcast.online.sum()) * 60
    avg_watch = round(watch_total / uv)
    channel_pv = split_whole(pv, CHANNEL_VIEW_SHARE)
    ad_spend = round(gmv * AD_SPEND_SHARE / 100) * 100
    channels = []
    for c, name in enumerate(CHANNELS):
        mine = sale & (orders.channel == c)
        channels.append(
            ChannelNumbers(
                name=name,
                pv=channel_pv[c],
                uv=round(channel_pv[c] * 0.74),
                gmv_fen=int(orders.paid_fen[mine].sum()),
                orders=int(mine.sum()),
                avg_watch_seconds=round(avg_watch * CHANNEL_WATCH_FACTOR[c]),
                ad_spend_fen=ad_spend if name == "千川PC版" else 0,
            )
        )

    explanations = []
    for e in explained:
        index = next(i for i, p in enumerate(plan.products) if p.product_id == e.product_id)
        a, b = int(e.start.timestamp()), int(e.end.timestamp())
        mine = sale & (orders.product == index) & (orders.paid >= a) & (orders.paid < b)
        m0, m1 = (a - start) // 60, min((b - start) // 60, broadcast.minutes - 1)
        explanations.append(
            ExplanationNumbers(
                product=index,
                start=a,
                end=b,
                gmv_fen=int(orders.paid_fen[mine].sum()),
                units=int(orders.quantity[mine].sum()),
                online_change=int(broadcast.online[m1] - broadcast.online[m0]),
                avg_online=round(float(broadcast.online[m0 : m1 + 1].mean()), 1),
            )
        )

    minute_of = (orders.paid[sale] - start) // 60
    product_clicks = sum(p.click_uv for p in products)
    return SessionNumbers(
        start=start,
        end=start + broadcast.seconds,
        gmv_fen=gmv,
        turnover_fen=gmv + int((orders.platform_discount_fen + orders.payment_discount_fen)[sale].sum()),
        orders=int(sale.sum()),
        buyers=buyers,
        units=int(orders.quantity[sale].sum()),
        pv=pv,
        uv=uv,
        avg_online=round(float(broadcast.online.mean())),
        peak_online=int(broadcast.online.max()),
        avg_watch_seconds=avg_watch,
        new_followers=int(broadcast.new_followers.sum()),
        comments=int(broadcast.comments.sum()),
        interaction_uv=round(uv * 0.086),
        room_exposure_uv=round(uv / 0.31),
        product_exposure_uv=round(uv * 0.74),
        product_click_uv=max(buyers, round(product_clicks * 0.72)),
        refund_fen=int(orders.paid_fen[refunded].sum()),
        refund_orders=int(refunded.sum()),
        refund_buyers=_unique(orders.buyer[refunded]),
        ad_spend_fen=ad_spend,
        products=products,
        channels=channels,
        explanations=explanations,
        minute_gmv_fen=np.bincount(
            minute_of, weights=orders.paid_fen[sale], minlength=broadcast.minutes
        ).astype(np.int64),
        minute_orders=np.bincount(minute_of, minlength=broadcast.minutes).astype(np.int64),
    )
