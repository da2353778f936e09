"""Synthetic 抖店 order lines, built column-wise with numpy so a million lines take seconds.

`generate_orders(n, context, seed)` returns the truth as arrays (the exports are aggregated from it);
`write_doudian_orders(path, n)` writes the 75-column CSV on its own, e.g. for benchmarks.
Prices are fen, instants UTC epoch seconds; -1 marks "none" (no payment, not shipped).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from livedesk.domain.roles import Role
from livedesk.domain.session import SessionPlan
from livedesk.samples.audience import Broadcast
from livedesk.samples.catalog import CATALOG

UNPAID, PAID, REFUND_BEFORE_SHIPPING, REFUND_AFTER_SHIPPING = 0, 1, 2, 3
CHANNELS = ("推荐feed", "关注", "千川PC版", "短视频引流", "直播广场", "搜索", "个人主页&店铺&橱窗", "其他")
CHANNEL_ORDER_SHARE = (0.40, 0.15, 0.18, 0.11, 0.05, 0.04, 0.04, 0.03)
AD_CHANNEL = 2
SHARE_CONTINUED = 0.07  # lines that belong to the previous line's main order (two products in one cart)
SHARE_UNPAID = 0.03  # orders created in the room and never paid (closed)
SHARE_LATE = 0.006  # orders created in the room and paid after the stream ended
SHARE_REFUND_BEFORE = 0.03
SHARE_REFUND_AFTER = 0.02
FIRST_MAIN_ORDER_ID = 6937052718240000000


@dataclass
class ProductTable:
    """The pool in array form, with one entry per SKU (spec)."""

    ids: list[str]
    names: list[str]
    popularity: np.ndarray
    role: list[Role]
    first_spec: np.ndarray
    spec_count: np.ndarray
    first_share: np.ndarray
    multi_buy_discount_fen: np.ndarray
    spec_product: np.ndarray
    spec_names: list[str]
    spec_codes: list[str]
    spec_live_fen: np.ndarray

    @classmethod
    def from_plan(cls, plan: SessionPlan) -> ProductTable:
        by_name = {item.name: item for item in CATALOG}
        first: list[int] = []
        count: list[int] = []
        share: list[float] = []
        discount: list[float] = []
        spec_product: list[int] = []
        names: list[str] = []
        codes: list[str] = []
        prices: list[int] = []
        for index, product in enumerate(plan.products):
            item = by_name[product.name]
            first.append(len(names))
            count.append(len(item.specs))
            share.append(item.specs[0].share if len(item.specs) > 1 else 1.0)
            discount.append(1000 if "两件再减10元" in item.mechanism else 0)
            for spec in item.specs:
                spec_product.append(index)
                names.append(spec.name)
                codes.append(spec.code)
                prices.append(spec.live_fen)
        return cls(
            ids=[p.product_id for p in plan.products],
            names=[p.name for p in plan.products],
            popularity=np.array([by_name[p.name].popularity for p in plan.products]),
            role=[p.role for p in plan.products],
            first_spec=np.array(first),
            spec_count=np.array(count),
            first_share=np.array(share),
            multi_buy_discount_fen=np.array(discount, dtype=np.int64),
            spec_product=np.array(spec_product),
            spec_names=names,
            spec_codes=codes,
            spec_live_fen=np.array(prices, dtype=np.int64),
        )


@dataclass
class Orders:
    """One entry per order line (子订单), newest first, as the export lists them."""

    main_id: np.ndarray
    sub_id: np.ndarray
    created: np.ndarray
    paid: np.ndarray
    product: np.ndarray
    spec: np.ndarray
    quantity: np.ndarray
    unit_fen: np.ndarray
    merchant_discount_fen: np.ndarray
    platform_discount_fen: np.ndarray
    payment_discount_fen: np.ndarray
    paid_fen: np.ndarray  # what the buyer paid for the line (0 when unpaid)
    state: np.ndarray  # UNPAID / PAID / REFUND_BEFORE_SHIPPING / REFUND_AFTER_SHIPPING
    shipped: np.ndarray
    completed: np.ndarray
    channel: np.ndarray
    buyer: np.ndarray
    in_window: np.ndarray  # paid inside the live window
    draws: np.ndarray  # per line uniform numbers for cosmetic columns (payment method, region …)

    def __len__(self) -> int:
        return len(self.main_id)

    def rows(self, start: int, stop: int) -> Orders:
        """Lines start..stop-1 (views, not copies): written a slice at a time to bound memory."""
        return Orders(**{name: getattr(self, name)[start:stop] for name in self.__dataclass_fields__})

    @property
    def sale(self) -> np.ndarray:
        """Paid inside the live window, refunded later or not: what the workbooks count as 用户支付金额."""
        return self.in_window & (self.state != UNPAID)


def _quantities(rng: np.random.Generator, roles: np.ndarray) -> np.ndarray:
    u = rng.random(len(roles))
    quantity = np.ones(len(roles), dtype=np.int64)
    profit = roles == 1
    clearance = roles == 3
    quantity[profit & (u > 0.78)] = 2
    quantity[profit & (u > 0.95)] = 3
    quantity[clearance & (u > 0.60)] = 2
    quantity[clearance & (u > 0.90)] = 3
    return quantity  # traffic (limit one each) and image items sell singly


def generate_orders(n: int, table: ProductTable, broadcast: Broadcast, seed: int) -> Orders:
    """`n` order lines of the session, including unpaid ones and a few paid after the end."""
    if n < 1:
        raise ValueError("the number of orders must be at least 1")
    rng = np.random.default_rng(seed + 202)
    continued = rng.random(n) < SHARE_CONTINUED
    continued[0] = False
    main_of = np.cumsum(~continued) - 1
    mains = int(main_of[-1]) + 1

    # Per main order: when, what was on air, who, through which channel, and whether it was paid.
    weights = broadcast.sale_weight / broadcast.sale_weight.sum()
    second = rng.choice(broadcast.seconds, size=mains, p=weights)
    kind_draw = rng.random(mains)
    unpaid = kind_draw < SHARE_UNPAID
    late = (kind_draw >= SHARE_UNPAID) & (kind_draw < SHARE_UNPAID + SHARE_LATE)
    if mains >= 100 and late.sum() < 3:  # the sample always has a few late payments to flag
        late[np.flatnonzero(~unpaid)[:3]] = True
    start, end = broadcast.start_epoch, broadcast.start_epoch + broadcast.seconds
    paid_main = start + second
    created_main = paid_main - rng.integers(8, 150, size=mains)
    created_main[unpaid | late] = paid_main[unpaid | late]
    paid_main[late] = end + rng.integers(600, 20 * 3600, size=int(late.sum()))
    paid_main[unpaid] = -1
    popularity = table.popularity / table.popularity.sum()
    background = rng.choice(len(popularity), size=mains, p=popularity)
    on_air = broadcast.on_air[second]
    take_on_air = (on_air >= 0) & (rng.random(mains) < broadcast.on_air_share[second])
    first_product = np.where(take_on_air, on_air, background)
    buyer_main = rng.integers(0, 3 * mains, size=mains)
    channel_main = rng.choice(len(CHANNELS), size=mains, p=np.array(CHANNEL_ORDER_SHARE))

    # Per line.
    product = np.where(continued, rng.choice(len(popularity), size=n, p=popularity), first_product[main_of])
    spec = table.first_spec[product] + (
        (table.spec_count[product] > 1) & (rng.random(n) >= table.first_share[product])
    )
    role_code = np.array([list(Role).index(r) for r in table.role])[product]
    quantity = _quantities(rng, role_code)
    unit = table.spec_live_fen[spec]
    line = unit * quantity
    merchant = np.where(quantity >= 2, table.multi_buy_discount_fen[product], 0)
    coupon = rng.random(n) < 0.12
    platform = np.select([line >= 50000, line >= 9900, line >= 3900], [2000, 500, 300], 0) * coupon
    payment = np.where((rng.random(n) < 0.04) & (line >= 2000), 100, 0)
    paid_fen = np.maximum(line - merchant - platform - payment, 1)
    paid = paid_main[main_of]
    state = np.full(n, PAID, dtype=np.int64)
    refund_draw = rng.random(n)
    state[refund_draw < SHARE_REFUND_BEFORE + SHARE_REFUND_AFTER] = REFUND_AFTER_SHIPPING
    state[refund_draw < SHARE_REFUND_BEFORE] = REFUND_BEFORE_SHIPPING
    state[paid < 0] = UNPAID
    paid_fen[state == UNPAID] = 0
    shipped = np.where(
        (state == PAID) | (state == REFUND_AFTER_SHIPPING),
        paid + rng.integers(10 * 3600, 40 * 3600, size=n),
        -1,
    )
    draws = rng.random((n, 4))
    finished = (state == PAID) & (draws[:, 0] < 0.62)
    completed = np.where(finished, shipped + rng.integers(3 * 86400, 6 * 86400, size=n), -1)
    in_window = (paid >= start) & (paid < end)

    # Ids grow with creation time; the export lists the newest first.
    rank = np.empty(mains, dtype=np.int64)
    rank[np.lexsort((np.arange(mains), created_main))] = np.arange(mains)
    main_id_of = FIRST_MAIN_ORDER_ID + rank * 1000 + rng.integers(1, 500, size=mains)
    position_in_main = np.arange(n) - np.flatnonzero(~continued)[main_of]
    main_id = main_id_of[main_of]
    sub_id = main_id + 501 + position_in_main
    order = np.lexsort((position_in_main, -main_id))
    pick = lambda a: a[order]  # noqa: E731 - one reorder for every column
    return Orders(
        main_id=pick(main_id),
        sub_id=pick(sub_id),
        created=pick(created_main[main_of]),
        paid=pick(paid),
        product=pick(product),
        spec=pick(spec),
        quantity=pick(quantity),
        unit_fen=pick(unit),
        merchant_discount_fen=pick(merchant),
        platform_discount_fen=pick(platform),
        payment_discount_fen=pick(payment),
        paid_fen=pick(paid_fen),
        state=pick(state),
        shipped=pick(shipped),
        completed=pick(completed),
        channel=pick(channel_main[main_of]),
        buyer=pick(buyer_main[main_of]),
        in_window=pick(in_window),
        draws=draws[order],
    )


def write_doudian_orders(path: str | Path, n: int, *, seed: int = 20261114) -> Path:
    """Write `n` order lines of the sample's past session as a 抖店 75-column CSV; returns the path."""
    from livedesk.samples.actual_run import simulate_run
    from livedesk.samples.audience import simulate_audience
    from livedesk.samples.doudian_csv import write_orders_csv
    from livedesk.samples.plans import past_plan

    plan = past_plan(seed)
    run = simulate_run(plan, seed)
    broadcast = simulate_audience(plan, run, seed)
    orders = generate_orders(n, ProductTable.from_plan(plan), broadcast, seed)
    return write_orders_csv(path, orders, ProductTable.from_plan(plan))
