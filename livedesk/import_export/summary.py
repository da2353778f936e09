"""Session-level values (基本信息, 整体看板, 流量转化, 场次概览, 核心指标) as canonical summary rows.

Labels are matched after normalising brackets and spaces; text facts (nickname, title, room) go to the
dataset's meta, numbers to rows with DOMAIN.md §4.1 keys (money in fen, rates as fractions, seconds).
"""

from __future__ import annotations

import re

import pyarrow as pa

from livedesk.domain.canonical import SUMMARY_COLUMNS
from livedesk.domain.dataset import DatasetKind, RowWarning
from livedesk.import_export import values
from livedesk.import_export.columns import canonical_table
from livedesk.import_export.parsed import ParsedDataset

_LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "money": {
        "gmv_fen": ("直播间用户支付金额", "用户支付金额", "成交金额"),
        "deal_amount_fen": ("直播间成交金额",),
        "gpm_fen": ("千次观看用户支付金额", "千次观看成交金额", "GPM"),
        "refund_amount_fen": ("退款金额",),
        "ad_spend_fen": ("投放消耗", "千川消耗", "投放消耗(店铺绑定)"),
        "ad_spend_other_fen": ("投放消耗(店铺被投)",),
        "aov_fen": ("客单价",),
        "order_value_fen": ("笔单价",),
        "uv_value_fen": ("UV价值",),
    },
    "int": {
        "uv": ("直播间观看人数", "观看人数", "累计观看人数"),
        "pv": ("观看次数", "观看人次", "直播间观看次数"),
        "orders": ("成交订单数",),
        "buyers": ("成交人数",),
        "units": ("成交件数",),
        "avg_online": ("平均在线人数",),
        "peak_online": ("最高在线人数",),
        "product_exposure_uv": ("商品曝光人数",),
        "product_click_uv": ("商品点击人数",),
        "new_followers": ("新增粉丝数",),
        "interaction_uv": ("互动人数",),
        "refund_orders": ("退款订单数",),
        "refund_buyers": ("退款人数",),
        "exposure_uv": ("直播间曝光人数", "曝光人数"),
    },
    "rate": {
        "exposure_to_watch_rate": ("直播间曝光-观看率(人数)", "曝光-观看率(人数)"),
        "exposure_to_click_rate": ("直播间商品曝光-点击率(人数)", "商品曝光-点击率(人数)"),
        "follow_rate": ("直播间观看-关注率(人数)", "观看-关注率(人数)", "转粉率"),
        "interaction_rate": ("直播间观看-互动率(人数)", "观看-互动率(人数)"),
        "watch_to_buy_rate": ("直播间观看-成交率(人数)", "观看-成交率(人数)"),
        "click_to_buy_rate": ("直播间商品点击-成交率(人数)", "商品点击-成交率(人数)"),
    },
    "float": {"comments_per_viewer": ("人均评论次数",), "roi": ("ROI", "投产比")},
    "seconds": {"avg_watch_seconds": ("人均观看时长",), "duration_seconds": ("直播时长",)},
    "time": {"live_start_ms": ("开播时间",), "live_end_ms": ("关播时间", "下播时间")},
    "window": {"live_window": ("直播时间",)},
    "text": {
        "nickname": ("达人昵称", "主播昵称"),
        "account": ("抖音号or火山号", "抖音号", "达人抖音号"),
        "room_id": ("房间号", "直播间ID"),
        "title": ("直播间标题", "直播标题"),
    },
}
LABELS = {
    values.normalise_header(label): (key, kind)
    for kind, keys in _LABELS.items()
    for key, labels in keys.items()
    for label in labels
}


def label_key(label) -> tuple[str, str] | None:
    return LABELS.get(values.normalise_header(label))


def build_summary(pairs: list[tuple[str, object, str, int]], zone: str) -> ParsedDataset:
    """(label, value, sheet, file row) pairs → a summary dataset; the first value of a key wins."""
    rows: list[dict] = []
    info: dict[str, str] = {}
    warnings: list[RowWarning] = []
    seen: set[str] = set()
    skipped = 0
    for label, raw_value, sheet, row in pairs:
        label_text = values.clean_cell(label) or ""
        found = label_key(label_text)
        key, kind = found if found else (None, "float")
        try:
            produced = _convert(key, kind, raw_value, zone)
        except (ValueError, ArithmeticError):  # InvalidOperation and overflow from absurd numbers, too
            if found is None:
                continue  # an unknown label with a non-numeric value is a note, not a metric
            warnings.append(
                RowWarning(
                    row=row,
                    code="bad_value",
                    message=f"{sheet}: {label_text} = {values.shown(raw_value)} cannot be read; skipped",
                    params={
                        "sheet": str(sheet),
                        "column": label_text,
                        "value": values.shown(raw_value),
                        "outcome": "skipped",
                    },
                )
            )
            skipped += 1
            continue
        if kind == "text":
            if key is not None and produced is not None:
                info.setdefault(key, produced)
            continue
        for out_key, number in produced:
            if out_key is not None and out_key in seen:
                continue
            if out_key is not None:
                seen.add(out_key)
            rows.append(
                {
                    "key": out_key,
                    "value": number.value,
                    "low": number.low,
                    "high": number.high,
                    "estimated": number.estimated,
                    "label": label_text,
                    "sheet": sheet,
                }
            )
    if "gmv_fen" not in seen and "deal_amount_fen" in seen:
        deal = next(r for r in rows if r["key"] == "deal_amount_fen")
        rows.append(dict(deal, key="gmv_fen"))
    columns = {
        name: pa.array(
            [r[name] for r in rows],
            pa.string()
            if name in ("key", "label", "sheet")
            else (pa.bool_() if name == "estimated" else pa.float64()),
        )
        for name in SUMMARY_COLUMNS
    }
    table = canonical_table(SUMMARY_COLUMNS, columns, len(rows))
    return ParsedDataset(DatasetKind.SUMMARY, table, None, len(pairs), skipped, warnings, {"info": info})


def _convert(key, kind: str, raw_value, zone: str):
    if kind == "text":
        return values.clean_cell(raw_value)
    if kind == "window":
        return _window(raw_value, zone)
    if kind == "time":
        ms = values.parse_instant_ms(raw_value, zone)
        return [] if ms is None else [(key, values.Number(float(ms)))]
    if kind == "seconds":
        seconds = values.parse_duration_seconds(raw_value)
        return [] if seconds is None else [(key, values.Number(seconds))]
    parser = {"money": values.parse_money_fen, "rate": values.parse_rate}.get(kind, values.parse_number)
    number = parser(raw_value)
    return [] if number is None else [(key, number)]


def _window(raw_value, zone: str):
    """`2026/07/28 08:15:49-2026/07/28 15:44:39` → live_start_ms and live_end_ms."""
    text = values.clean_cell(raw_value)
    if text is None:
        return []
    match = re.fullmatch(r"(.+?\d{1,2}:\d{2}(?::\d{2})?)\s*(?:-|~|至|—)\s*(.+)", text)
    if not match:
        raise ValueError(text)
    start = values.parse_instant_ms(match.group(1), zone)
    end = values.parse_instant_ms(match.group(2), zone)
    if start is None or end is None:
        raise ValueError(text)
    return [("live_start_ms", values.Number(float(start))), ("live_end_ms", values.Number(float(end)))]
