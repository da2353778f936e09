"""The 抖音 single-session live workbook of the past sample session: 场次概览, 核心指标 (merged 分组 cells),
渠道流量, 货品明细 and 商品讲解 (Unix-second start/end of every actual pitch from the live log).
"""

from __future__ import annotations

import random
from pathlib import Path

from livedesk.domain.session import SessionPlan
from livedesk.samples import export_style as fmt
from livedesk.samples.catalog import ACCOUNT
from livedesk.samples.compass_workbook import local, new_workbook, write_rows
from livedesk.samples.session_numbers import SessionNumbers

ROOM_ID = "7437290156832061194"
SHEETS = ("场次概览", "核心指标", "渠道流量", "货品明细", "商品讲解")
CHANNEL_HEADER = (
    "渠道名称",
    "人均观看时长",
    "观看次数",
    "观看人数",
    "用户支付金额",
    "成交订单数",
    "笔单价",
    "观看-成交率(次数)",
    "投放消耗(店铺绑定)",
    "投放消耗(店铺被投)",
)
PRODUCT_HEADER = (
    "商品ID",
    "商品名称",
    "商品主图",
    "讲解次数",
    "首次上架时间",
    "直播间价格",
    "用户支付金额",
    "成交件数",
    "预售订单数",
    "商品点击人数",
    "商品曝光-点击率（人数）",
    "商品点击-成交转化率（人数）",
    "千次曝光用户支付金额",
    "发货前退款订单数",
    "发货前退款金额",
    "发货前退款人数",
    "发货前订单退款率",
    "发货后退款订单数",
    "发货后退款金额",
    "发货后退款人数",
    "发货后订单退款率",
)
EXPLANATION_HEADER = (
    "商品ID",
    "商品名称",
    "商品主图",
    "讲解开始时间戳",
    "讲解结束时间戳",
    "用户支付金额(元)",
    "成交件数",
    "起止人数变化",
    "分均在线人数",
)


def write_live_workbook(path: str | Path, plan: SessionPlan, n: SessionNumbers, seed: int) -> Path:
    path = Path(path)
    workbook = new_workbook(path, n.end + 900)
    write_rows(workbook.add_worksheet(SHEETS[0]), overview_rows(plan, n))
    _core_sheet(workbook, n, seed)
    rows: list[tuple[object, ...]] = [CHANNEL_HEADER]
    for c in n.channels:
        rows.append(
            (
                c.name,
                fmt.duration(c.avg_watch_seconds),
                c.pv,
                c.uv,
                fmt.money(c.gmv_fen),
                c.orders,
                fmt.money(round(c.gmv_fen / c.orders)) if c.orders else "-",
                fmt.rate(c.orders / c.pv) if c.pv else "-",
                fmt.money(c.ad_spend_fen),
                fmt.money(0),
            )
        )
    write_rows(workbook.add_worksheet(SHEETS[2]), rows)
    write_rows(workbook.add_worksheet(SHEETS[3]), _product_rows(plan, n))
    rows = [EXPLANATION_HEADER]
    for e in n.explanations:
        product = plan.products[e.product]
        rows.append(
            (
                product.product_id,
                product.name,
                "-",
                e.start,
                e.end,
                e.gmv_fen / 100,
                e.units,
                e.online_change,
                e.avg_online,
            )
        )
    write_rows(workbook.add_worksheet(SHEETS[4]), rows)
    workbook.close()
    return path


def overview_rows(plan: SessionPlan, n: SessionNumbers) -> list[tuple]:
    return [
        ("【基础信息】", ""),
        ("房间号", ROOM_ID),
        ("达人昵称", ACCOUNT),
        ("开播时间", local(n.start, "%Y-%m-%d %H:%M:%S")),
        ("关播时间", local(n.end, "%Y-%m-%d %H:%M:%S")),
        ("直播间标题", plan.session.title),
        ("直播时长", fmt.duration(n.end - n.start)),
        ("【交易数据】", ""),
        ("直播间成交金额", fmt.money(n.turnover_fen)),
        ("直播间用户支付金额", fmt.money(n.gmv_fen)),
        ("成交订单数", n.orders),
        ("成交人数", n.buyers),
        ("成交件数", n.units),
        ("退款金额", fmt.money(n.refund_fen)),
        ("【流量数据】", ""),
        ("累计观看人数", n.uv),
        ("观看次数", n.pv),
        ("最高在线人数", n.peak_online),
        ("平均在线人数", n.avg_online),
        ("人均观看时长", fmt.duration(n.avg_watch_seconds)),
        ("【投放数据】", ""),
        ("投放消耗（店铺绑定）", fmt.money(n.ad_spend_fen)),
        ("千次观看用户支付金额", fmt.money(n.gpm_fen)),
    ]


def core_metrics(n: SessionNumbers) -> list[tuple[str, str, float, str]]:
    """(分组, 指标, value, kind) with kind money_fen / rate / seconds / count."""
    return [
        ("交易", "用户支付金额", n.gmv_fen, "money"),
        ("交易", "成交订单数", n.orders, "count"),
        ("交易", "成交人数", n.buyers, "count"),
        ("交易", "客单价", n.aov_fen, "money"),
        ("交易", "千次观看用户支付金额", n.gpm_fen, "money"),
        ("流量", "观看人数", n.uv, "count"),
        ("流量", "观看次数", n.pv, "count"),
        ("流量", "最高在线人数", n.peak_online, "count"),
        ("流量", "平均在线人数", n.avg_online, "count"),
        ("流量", "人均观看时长", n.avg_watch_seconds, "seconds"),
        ("互动", "新增粉丝数", n.new_followers, "count"),
        ("互动", "观看-关注率(人数)", n.new_followers / n.uv, "rate"),
        ("互动", "评论次数", n.comments, "count"),
        ("互动", "观看-互动率(人数)", n.interaction_uv / n.uv, "rate"),
        ("商品", "商品曝光人数", n.product_exposure_uv, "count"),
        ("商品", "商品点击人数", n.product_click_uv, "count"),
        ("商品", "商品曝光-点击率（人数）", n.product_click_uv / n.product_exposure_uv, "rate"),
        ("商品", "商品点击-成交转化率（人数）", n.buyers / n.product_click_uv, "rate"),
    ]


def _shown(value: float, kind: str):
    if kind == "money":
        return fmt.money(round(value))
    if kind == "rate":
        return fmt.rate(value)
    if kind == "seconds":
        return fmt.duration(round(value))
    return int(round(value))


def _core_sheet(workbook, n: SessionNumbers, seed: int) -> None:
    """分组 names sit in merged cells spanning their metrics, as the platform exports them."""
    sheet = workbook.add_worksheet(SHEETS[1])
    merged = workbook.add_format({"align": "center", "valign": "vcenter"})
    write_rows(sheet, [("分组", "指标", "本期值", "上期值", "较上期")])
    rng = random.Random(seed + 303)
    metrics = core_metrics(n)
    first = 0
    for i, (group, name, value, kind) in enumerate(metrics):
        previous = value * rng.uniform(0.78, 1.08)  # the (synthetic) session before this one
        write_rows(
            sheet,
            [(name, _shown(value, kind), _shown(previous, kind), fmt.change(value, previous))],
            i + 1,
            1,
        )
        if i + 1 == len(metrics) or metrics[i + 1][0] != group:
            sheet.merge_range(first + 1, 0, i + 1, 0, group, merged)
            first = i + 1


def _product_rows(plan: SessionPlan, n: SessionNumbers) -> list[tuple]:
    rows: list[tuple[object, ...]] = [PRODUCT_HEADER]
    for p in n.products:
        product = plan.products[p.index]
        before_orders, before_fen, before_buyers = p.refund_before
        after_orders, after_fen, after_buyers = p.refund_after
        rows.append(
            (
                product.product_id,
                product.name,
                "-",
                p.explain_count,
                local(p.first_listed, "%Y-%m-%d %H:%M:%S"),
                fmt.money(product.live_price_fen),
                fmt.money(p.gmv_fen),
                p.units,
                0,
                p.click_uv,
                fmt.rate(p.click_uv / p.exposure_uv),
                fmt.rate(p.buyers / p.click_uv),
                fmt.money(round(p.gmv_fen * 1000 / p.exposure_uv)),
                before_orders,
                fmt.money(before_fen),
                before_buyers,
                fmt.rate(before_orders / p.orders) if p.orders else "-",
                after_orders,
                fmt.money(after_fen),
                after_buyers,
                fmt.rate(after_orders / p.orders) if p.orders else "-",
            )
        )
    return rows
