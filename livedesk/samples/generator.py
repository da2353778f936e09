"""Writes the whole sample set: pool, two session files, live log, 罗盘 and live workbooks, orders, minute curve.

`generate_samples(out_dir)` gives the committed sample_sessions/ (byte-identical on every run);
`generate_samples(out_dir, orders=1_000_000)` writes the same kinds of files at benchmark size.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from livedesk.domain.roles import PITCH_STEPS
from livedesk.domain.session import SessionPlan
from livedesk.import_export.live_log_csv import write_live_log
from livedesk.import_export.session_file import write_session_file
from livedesk.samples import export_style as fmt
from livedesk.samples.actual_run import simulate_run
from livedesk.samples.audience import simulate_audience
from livedesk.samples.compass_workbook import local, write_compass_workbook
from livedesk.samples.doudian_csv import BOM, write_orders_csv
from livedesk.samples.files import (
    COMPASS_FILE,
    LIVE_LOG_FILE,
    LIVE_WORKBOOK_FILE,
    MINUTES_FILE,
    ORDERS_FILE,
    PAST_SESSION_FILE,
    POOL_FILE,
    UPCOMING_SESSION_FILE,
)
from livedesk.samples.live_workbook import write_live_workbook
from livedesk.samples.orders import ProductTable, generate_orders
from livedesk.samples.plans import past_plan, upcoming_plan
from livedesk.samples.readme import readme_text
from livedesk.samples.session_numbers import SessionNumbers, compute_numbers, reconcile_views
from livedesk.words import ROLES

DEFAULT_SEED = 20261114
SAMPLE_ORDERS = 2600
POOL_HEADER = (
    "商品ID",
    "商品名称",
    "SKU",
    "角色",
    "日常价",
    "直播价",
    "成本",
    "库存",
    "机制",
    "卖点",
    "痛点",
    "背书",
    "FAQ",
    "痛点引入",
    "卖点展示",
    "信任背书",
    "价格优惠",
    "逼单促成",
)
MINUTES_HEADER = (
    "时间",
    "在线人数",
    "进入人数",
    "离开人数",
    "成交金额",
    "成交订单数",
    "新增粉丝数",
    "评论次数",
    "点赞次数",
)


@dataclass
class GeneratedSamples:
    folder: Path
    past: SessionPlan
    upcoming: SessionPlan
    numbers: SessionNumbers
    order_lines: int


def generate_samples(
    out_dir: str | Path, *, orders: int | None = None, seed: int = DEFAULT_SEED
) -> GeneratedSamples:
    """Write every sample file into `out_dir` (created if needed); same seed and size → same bytes."""
    lines = SAMPLE_ORDERS if orders is None else int(orders)
    if lines < 100:
        raise ValueError("generate at least 100 orders (the sample needs cancelled, refunded and late ones)")
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    past, upcoming = past_plan(seed), upcoming_plan(seed)
    run = simulate_run(past, seed)
    broadcast = simulate_audience(past, run, seed, scale=lines / SAMPLE_ORDERS)
    table = ProductTable.from_plan(past)
    order_lines = generate_orders(lines, table, broadcast, seed)
    reconcile_views(broadcast, order_lines)
    numbers = compute_numbers(past, run, broadcast, order_lines, table)

    write_pool_csv(folder / POOL_FILE, past)
    write_session_file(past, folder / PAST_SESSION_FILE)
    write_session_file(upcoming, folder / UPCOMING_SESSION_FILE)
    write_live_log(run.events, folder / LIVE_LOG_FILE, past.session.timezone)
    write_compass_workbook(folder / COMPASS_FILE, past, numbers)
    write_live_workbook(folder / LIVE_WORKBOOK_FILE, past, numbers, seed)
    write_orders_csv(folder / ORDERS_FILE, order_lines, table)
    write_minutes_csv(folder / MINUTES_FILE, broadcast, numbers)
    late = int((order_lines.paid >= numbers.end).sum())
    (folder / "README.md").write_text(readme_text(numbers, lines, late, seed), encoding="utf-8", newline="\n")
    return GeneratedSamples(folder, past, upcoming, numbers, lines)


def write_pool_csv(path: Path, plan: SessionPlan) -> Path:
    """The pool as the planner's pool reader expects it: Chinese headers, prices in yuan, UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(POOL_HEADER)
    for p in plan.products:
        writer.writerow(
            [
                p.product_id,
                p.name,
                p.sku,
                ROLES[p.role].zh,
                fmt.plain_yuan(p.daily_price_fen),
                fmt.plain_yuan(p.live_price_fen),
                fmt.plain_yuan(p.cost_fen),
                p.stock,
                p.mechanism,
                p.selling_points,
                p.pain_points,
                p.endorsements,
                p.faq,
                *(p.scripts.get(step, "") for step in PITCH_STEPS),
            ]
        )
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    return path


def write_minutes_csv(path: Path, broadcast, numbers: SessionNumbers) -> Path:
    """One row per minute of the live window (UTF-8 with BOM, like the platform's curve download)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(MINUTES_HEADER)
    for m in range(broadcast.minutes):
        writer.writerow(
            [
                local(numbers.start + 60 * m, "%Y-%m-%d %H:%M"),
                int(broadcast.online[m]),
                int(broadcast.entries[m]),
                int(broadcast.exits[m]),
                fmt.plain_yuan(int(numbers.minute_gmv_fen[m])),
                int(numbers.minute_orders[m]),
                int(broadcast.new_followers[m]),
                int(broadcast.comments[m]),
                int(broadcast.likes[m]),
            ]
        )
    path.write_bytes(BOM + buffer.getvalue().encode("utf-8"))
    return path
