"""The 罗盘 整场数据下载 workbook (6 sheets, DOMAIN.md §5) of the past sample session, written with XlsxWriter.

Values are in export style (`¥236,552`, `0.68%`, `1分5秒`); ids are text cells; SKU sub-rows follow their
product with a first cell starting with `-`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import xlsxwriter

from livedesk.domain.session import SessionPlan
from livedesk.samples import export_style as fmt
from livedesk.samples.catalog import ACCOUNT, DOUYIN_ID
from livedesk.samples.session_numbers import SessionNumbers, split_whole

SHEETS = (
    "基本信息",
    "整体看板",
    "流量分析-流量转化",
    "流量分析-渠道分析",
    "流量分析-短视频引流",
    "商品分析-商品明细",
)
SHORT_VIDEOS = (
    ("山野茶园凌晨采茶，一年只有两季", 0.34, 93_720),
    ("冬季囤货节福利剧透：9.9元尝鲜", 0.27, 72_340),
    ("蜂农老陈的一天", 0.16, 159_305),
    ("菌菇汤包开箱实测", 0.14, 113_410),
    ("今晚8点直播间见", 0.09, 18_125),
)
_CHINA = timezone(timedelta(hours=8))


def local(epoch: int, pattern: str) -> str:
    return datetime.fromtimestamp(epoch, _CHINA).strftime(pattern)


def new_workbook(path: Path, created_epoch: int) -> xlsxwriter.Workbook:
    """A workbook whose bytes depend only on its content (fixed creation time)."""
    workbook = xlsxwriter.Workbook(str(path))
    workbook.set_properties({"created": datetime.fromtimestamp(created_epoch, UTC).replace(tzinfo=None)})
    return workbook


def write_rows(sheet, rows, first_row: int = 0, first_col: int = 0) -> None:
    """Text as text cells (ids stay text), numbers as numbers."""
    for r, row in enumerate(rows, start=first_row):
        for c, value in enumerate(row, start=first_col):
            if isinstance(value, str):
                sheet.write_string(r, c, value)
            else:
                sheet.write_number(r, c, value)


def write_compass_workbook(path: str | Path, plan: SessionPlan, n: SessionNumbers) -> Path:
    path = Path(path)
    workbook = new_workbook(path, n.end + 600)
    window = f"{local(n.start, '%Y/%m/%d %H:%M:%S')}-{local(n.end, '%Y/%m/%d %H:%M:%S')}"
    write_rows(
        workbook.add_worksheet(SHEETS[0]),
        [
            (
                "达人昵称",
                "抖音号or火山号",
                "直播时间",
                "直播时长",
                "直播间用户支付金额",
                "千次观看用户支付金额",
            ),
            (
                ACCOUNT,
                DOUYIN_ID,
                window,
                fmt.duration(n.end - n.start),
                fmt.money(n.gmv_fen),
                fmt.money(n.gpm_fen),
            ),
        ],
    )
    write_rows(
        workbook.add_worksheet(SHEETS[1]),
        [
            (
                "直播间观看人数",
                "直播间曝光-观看率(人数)",
                "平均在线人数",
                "最高在线人数",
                "商品点击人数",
                "直播间商品曝光-点击率(人数)",
                "人均观看时长",
                "新增粉丝数",
                "直播间观看-关注率(人数)",
                "直播间观看-互动率(人数)",
                "人均评论次数",
                "直播间观看-成交率(人数)",
                "直播间商品点击-成交率(人数)",
                "客单价",
                "退款金额",
                "退款订单数",
                "退款人数",
            ),
            (
                n.uv,
                fmt.rate(n.uv / n.room_exposure_uv),
                n.avg_online,
                n.peak_online,
                n.product_click_uv,
                fmt.rate(n.product_click_uv / n.product_exposure_uv),
                fmt.duration(n.avg_watch_seconds),
                n.new_followers,
                fmt.rate(n.new_followers / n.uv),
                fmt.rate(n.interaction_uv / n.uv),
                round(n.comments / n.uv, 2),
                fmt.rate(n.buyers / n.uv),
                fmt.rate(n.buyers / n.product_click_uv),
                fmt.money(n.aov_fen),
                fmt.money(n.refund_fen),
                n.refund_orders,
                n.refund_buyers,
            ),
        ],
    )
    write_rows(
        workbook.add_worksheet(SHEETS[2]),
        [
            ("直播间曝光人数", n.room_exposure_uv),
            ("直播间观看人数", n.uv),
            ("商品曝光人数", n.product_exposure_uv),
            ("商品点击人数", n.product_click_uv),
            ("成交人数", n.buyers),
            ("直播间曝光-观看率(人数)", fmt.rate(n.uv / n.room_exposure_uv)),
            ("直播间观看-商品曝光率(人数)", fmt.rate(n.product_exposure_uv / n.uv)),
            ("商品曝光-点击率(人数)", fmt.rate(n.product_click_uv / n.product_exposure_uv)),
            ("商品点击-成交率(人数)", fmt.rate(n.buyers / n.product_click_uv)),
        ],
    )
    channel_rows: list[tuple[object, ...]] = [
        (
            "渠道名称",
            "人均观看时长",
            "观看次数",
            "观看人数",
            "直播间观看-互动率(次数)",
            "用户支付金额",
            "成交订单数",
            "笔单价",
            "直播间观看-成交率(次数)",
            "千川消耗",
        )
    ]
    interaction_rate = n.interaction_uv * 1.3 / n.pv  # interactions per view (次数)
    channel_rows.append(
        (
            "整体",
            fmt.duration(n.avg_watch_seconds),
            n.pv,
            n.uv,
            fmt.rate(interaction_rate),
            fmt.money(n.gmv_fen),
            n.orders,
            fmt.money(round(n.gmv_fen / n.orders)),
            fmt.rate(n.orders / n.pv),
            fmt.money(n.ad_spend_fen),
        )
    )
    for c in n.channels:
        channel_rows.append(
            (
                c.name,
                fmt.duration(c.avg_watch_seconds),
                c.pv,
                c.uv,
                fmt.rate(interaction_rate * c.avg_watch_seconds / n.avg_watch_seconds),
                fmt.money(c.gmv_fen),
                c.orders,
                fmt.money(round(c.gmv_fen / c.orders)) if c.orders else "-",
                fmt.rate(c.orders / c.pv) if c.pv else "-",
                fmt.money(c.ad_spend_fen),
            )
        )
    write_rows(workbook.add_worksheet(SHEETS[3]), channel_rows)
    write_rows(workbook.add_worksheet(SHEETS[4]), short_video_rows(n))
    write_rows(workbook.add_worksheet(SHEETS[5]), product_rows(plan, n))
    workbook.close()
    return path


def short_video_rows(n: SessionNumbers) -> list[tuple[object, ...]]:
    """Pre-heat videos; their 引流直播间次数 add up to the 短视频引流 channel's views."""
    views = next(c.pv for c in n.channels if c.name == "短视频引流")
    shares = [share for _, share, _ in SHORT_VIDEOS]
    rows: list[tuple[object, ...]] = [
        (
            "短视频名称",
            "投稿时间",
            "短视频直播入口曝光次数",
            "短视频引流直播间次数",
            "短视频直播入口点击率(次数)",
        )
    ]
    for (title, _, seconds_before), entered in zip(SHORT_VIDEOS, split_whole(views, shares), strict=False):
        exposures = max(entered, round(entered / 0.045))
        rows.append(
            (
                title,
                local(n.start - seconds_before, "%Y-%m-%d %H:%M:%S"),
                exposures,
                entered,
                fmt.rate(entered / exposures) if exposures else "-",
            )
        )
    return rows


def product_rows(plan: SessionPlan, n: SessionNumbers) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = [
        (
            "商品ID",
            "商品名称",
            "用户支付金额",
            "成交件数",
            "成交人数",
            "成交订单数",
            "商品曝光人数",
            "商品点击人数",
            "商品曝光-点击率(人数)",
            "商品点击-成交率(人数)",
            "讲解次数",
            "退款金额",
        )
    ]
    for p in sorted(n.products, key=lambda p: -p.gmv_fen):
        product = plan.products[p.index]
        rows.append(
            (
                product.product_id,
                product.name,
                fmt.money(p.gmv_fen),
                p.units,
                p.buyers,
                p.orders,
                p.exposure_uv,
                p.click_uv,
                fmt.rate(p.click_uv / p.exposure_uv),
                fmt.rate(p.buyers / p.click_uv),
                p.explain_count,
                fmt.money(p.refund_before[1] + p.refund_after[1]),
            )
        )
        if len(p.specs) > 1:
            for s in p.specs:
                rows.append(
                    (
                        f"-{s.name}",
                        product.name,
                        fmt.money(s.gmv_fen),
                        s.units,
                        s.buyers,
                        s.orders,
                        "-",
                        "-",
                        "-",
                        "-",
                        "-",
                        "-",
                    )
                )
    return rows
