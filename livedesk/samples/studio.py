"""A synthetic studio (MCN) for benchmarks: A accounts streaming one session a day for S days, each session
with the sample brand's plan, a simulated live log and N order lines, written through the storage layer.

Every account is its own invented brand (the sample catalogue under its own product ids and popularity).
Orders are drawn column-wise with numpy and stored as the canonical order dataset an import would write;
summaries are computed by the review's own analysis from those in-memory tables (no re-read), so a store of
a thousand sessions fills in minutes. Everything is synthetic and marked as a sample.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import numpy as np
import pyarrow as pa

from livedesk.domain.dataset import Dataset, DatasetKind
from livedesk.domain.session import SessionPlan
from livedesk.persistence.store import Store

FIRST_DAY = datetime(2026, 1, 5, 20, 0)  # wall time in the sample zone; one session a day from here
DEFAULT_ORDERS = 3000  # order lines per session, the studio scale
SHARE_UNPAID = 0.03
SHARE_REFUNDED = 0.05
FORMAT = "studio_synthetic_orders"


@dataclass(frozen=True)
class StudioResult:
    accounts: int
    sessions: int
    order_lines: int
    events: int
    seconds: float


def account_name(index: int) -> str:
    return f"示例直播间{index + 1:02d}"


def account_plan(index: int) -> SessionPlan:
    """The account's template: the sample plan under its own product ids (a seed per account)."""
    from livedesk.samples.plans import past_plan

    plan = past_plan(seed=20_260_000 + index)
    plan.session.account = account_name(index)
    return plan


def session_plan(template: SessionPlan, day: int) -> SessionPlan:
    """Day `day` of the account: the same pool and run order, a new header."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(template.session.timezone)
    start = (FIRST_DAY + timedelta(days=day)).replace(tzinfo=zone)
    session = replace(
        template.session,
        id=None,
        title=f"{template.session.account} 第{day + 1}场 {start:%m-%d}",
        start=start,
        is_sample=True,
    )
    return SessionPlan(session=session, products=list(template.products), segments=list(template.segments))


def order_table(
    plan: SessionPlan, start_ms: int, end_ms: int, lines: int, rng: np.random.Generator
) -> pa.Table:
    """`lines` canonical order lines (livedesk.domain.canonical.ORDER_COLUMNS) paid in [start, end)."""
    products = plan.products
    weights = rng.gamma(2.0, 1.0, len(products))
    choice = rng.choice(len(products), size=lines, p=weights / weights.sum())
    price = np.array([p.live_price_fen or 990 for p in products], dtype=np.int64)[choice]
    quantity = rng.choice([1, 1, 1, 2, 3], size=lines).astype(np.int64)
    amount = price * quantity
    paid = rng.integers(start_ms, end_ms, size=lines, dtype=np.int64)
    draw = rng.random(lines)
    is_sale = draw >= SHARE_UNPAID
    refunded = is_sale & (draw < SHARE_UNPAID + SHARE_REFUNDED)
    buyers = rng.integers(0, max(lines * 4 // 5, 1), size=lines)
    first_id = int(rng.integers(10**18, 9 * 10**18))
    ids = np.arange(first_id, first_id + lines).astype(str)
    product_ids = np.array([p.product_id for p in products], dtype=object)[choice]
    stamp = pa.timestamp("ms", tz="UTC")
    return pa.table(
        {
            "order_id": pa.array(ids, pa.string()),
            "sub_order_id": pa.array(ids, pa.string()),
            "product_id": pa.array(product_ids, pa.string()),
            "quantity": pa.array(quantity),
            "unit_price_fen": pa.array(price),
            "amount_fen": pa.array(amount),
            "created_at": pa.array(paid - 30_000, stamp),
            "paid_at": pa.array(np.where(is_sale, paid, 0), stamp, mask=~is_sale),
            "status": pa.array(np.where(is_sale, "已完成", "已关闭").astype(object), pa.string()),
            "refund_amount_fen": pa.array(np.where(refunded, amount, 0), pa.int64()),
            "buyer_id": pa.array(np.char.add("b", buyers.astype(str)).astype(object), pa.string()),
            "is_sale": pa.array(is_sale),
            "is_refund": pa.array(np.zeros(lines, dtype=bool)),
            "outside_window": pa.array(np.zeros(lines, dtype=bool)),
            "source_row": pa.array(np.arange(2, lines + 2, dtype=np.int64)),
        }
    )


def write_studio(
    store: Store,
    accounts: int,
    sessions: int,
    orders: int = DEFAULT_ORDERS,
    *,
    seed: int = 17,
    progress: Callable[[int, int], None] | None = None,
) -> StudioResult:
    """Write accounts × sessions sessions, one transaction per session (whole or absent)."""
    from livedesk.analysis.inputs import ReviewInputs, SourcedTable
    from livedesk.persistence import bulk_writes, dataset_repository, session_repository
    from livedesk.samples.actual_run import simulate_run
    from livedesk.services.history import store_figures, summarise

    started = time.perf_counter()
    rng = np.random.default_rng(seed)
    total, events_written, done = accounts * sessions, 0, 0
    for account in range(accounts):
        template = account_plan(account)
        first_id: int | None = None  # the account's first session: the others copy its plan rows
        for day in range(sessions):
            plan = session_plan(template, day)
            run = simulate_run(plan, seed=seed * 100_003 + account * 1_009 + day)
            start_ms = round(run.segments[0].start.timestamp() * 1000)
            end_ms = round(run.segments[-1].end.timestamp() * 1000)
            table = order_table(plan, start_ms, end_ms, orders, rng)
            with store.transaction() as db:
                if first_id is None:
                    session_id = first_id = session_repository.save_plan(db, plan)
                else:
                    session_id = session_repository.add_session(db, plan.session)
                    bulk_writes.copy_plan_rows(db, first_id, session_id)
                bulk_writes.insert_events(db, session_id, run.events)
                dataset = Dataset(
                    session_id=session_id,
                    kind=DatasetKind.ORDERS,
                    format=FORMAT,
                    source_name=f"抖店_订单_{plan.session.start:%Y-%m-%d}（合成）.csv",
                    source_sha256=hashlib.sha256(f"studio:{seed}:{account}:{day}".encode()).hexdigest(),
                    imported_at=datetime.now(UTC),
                    rows_read=orders,
                    rows_stored=orders,
                    meta={"synthetic": True},
                )
                dataset_repository.save_dataset(db, dataset, table)
                # The summaries from the tables in hand: the same analysis as after an import, no re-read.
                inputs = ReviewInputs(
                    plan=plan, events=run.events, tables={"orders": [SourcedTable(dataset, table)]}
                )
                store_figures(db, summarise(inputs))
            events_written += len(run.events)
            done += 1
            if progress is not None:
                progress(done, total)
    return StudioResult(accounts, total, total * orders, events_written, time.perf_counter() - started)
