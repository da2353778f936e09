"""Small metric tables in canonical form: per-product (货品明细/商品明细), channels, explanations, minutes.

Shared by the workbook readers and by stand-alone CSV/XLSX files of the same layout (`--kind products` …).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from livedesk.domain.canonical import (
    CHANNEL_COLUMNS,
    EXPLANATION_COLUMNS,
    MINUTE_COLUMNS,
    PRODUCT_METRIC_COLUMNS,
)
from livedesk.domain.dataset import DatasetKind
from livedesk.domain.message import Message
from livedesk.import_export.columns import canonical_table
from livedesk.import_export.fields import Field, RowIssues, convert_fields, missing_columns, one_of, resolve
from livedesk.import_export.parsed import ParsedDataset, ReadContext
from livedesk.import_export.tabular import RawTable


def _f(name: str, type_: str, *aliases: str) -> Field:
    return Field(name, type_, aliases)


PRODUCT_FIELDS = (
    _f("product_id", "id", "商品ID", "商品id", "商品编号"),
    _f("product_name", "text", "商品名称", "商品标题"),
    _f("price_fen", "money", "直播间价格", "商品价格", "价格", "售价"),
    _f("gmv_fen", "money", "用户支付金额", "用户支付金额(元)", "直播间用户支付金额", "成交金额", "销售额"),
    _f("units", "int", "成交件数", "销量"),
    _f("orders", "int", "成交订单数"),
    _f("buyers", "int", "成交人数"),
    _f("product_exposure_uv", "int", "商品曝光人数"),
    _f("product_click_uv", "int", "商品点击人数"),
    _f("exposure_to_click_rate", "rate", "商品曝光-点击率(人数)", "直播间商品曝光-点击率(人数)"),
    _f(
        "click_to_buy_rate",
        "rate",
        "商品点击-成交转化率(人数)",
        "商品点击-成交率(人数)",
        "直播间商品点击-成交率(人数)",
    ),
    _f("exposure_gpm_fen", "money", "千次曝光用户支付金额", "千次观看成交额", "商品千次曝光成交金额"),
    _f("explain_count", "int", "讲解次数"),
    _f("refund_orders_before", "int", "发货前退款订单数", "售中退款件数"),
    _f("refund_orders_after", "int", "发货后退款订单数", "售后退款件数"),
    _f("refund_orders", "int", "退款订单数"),
    _f("refund_before_fen", "money", "发货前退款金额", "售中退款金额"),
    _f("refund_after_fen", "money", "发货后退款金额", "售后退款金额"),
    _f("refund_amount_fen", "money", "退款金额"),
    _f("first_listed_at", "time", "首次上架时间", "挂载时间"),
)
CHANNEL_FIELDS = (
    _f("channel", "text", "渠道名称", "渠道", "流量来源"),
    _f("pv", "int", "观看次数", "观看人次"),
    _f("uv", "int", "观看人数"),
    _f("gmv_fen", "money", "用户支付金额", "成交金额"),
    _f("orders", "int", "成交订单数"),
    _f("ad_spend_fen", "money", "千川消耗", "投放消耗"),
    _f("ad_bound_fen", "money", "投放消耗(店铺绑定)"),
    _f("ad_other_fen", "money", "投放消耗(店铺被投)"),
    _f("avg_watch_seconds", "seconds", "人均观看时长"),
)
EXPLANATION_FIELDS = (
    _f("product_id", "id", "商品ID", "商品id"),
    _f("product_name", "text", "商品名称"),
    _f("start", "time", "讲解开始时间戳", "讲解开始时间", "开始时间"),
    _f("end", "time", "讲解结束时间戳", "讲解结束时间", "结束时间"),
    _f("gmv_fen", "money", "用户支付金额(元)", "用户支付金额", "成交金额"),
    _f("units", "int", "成交件数"),
    _f("online_change", "int", "起止人数变化"),
    _f("avg_online", "float", "分均在线人数"),
)
MINUTE_FIELDS = (
    _f("minute", "time", "时间", "分钟", "时刻", "时间点", "日期时间", "minute"),
    _f("online", "int", "在线人数", "实时在线人数", "当前在线人数", "online"),
    _f("entries", "int", "进入人数", "进场人数", "进入直播间人数", "entries"),
    _f("exits", "int", "离开人数", "离场人数", "离开直播间人数", "exits"),
    _f("gmv_fen", "money", "用户支付金额", "成交金额", "直播间成交金额", "gmv"),
    _f("orders", "int", "成交订单数", "orders"),
    _f("new_followers", "int", "新增粉丝数", "新增关注数", "new_followers"),
    _f("comments", "int", "评论次数", "评论数", "comments"),
    _f("likes", "int", "点赞次数", "点赞数", "likes"),
)
TOTAL_CHANNELS = ("整体", "合计", "总计", "全部")
SUMS = {
    "refund_orders": ("refund_orders_before", "refund_orders_after"),
    "refund_amount_fen": ("refund_before_fen", "refund_after_fen"),
    "ad_spend_fen": ("ad_bound_fen", "ad_other_fen"),
}


def _types(fields) -> dict[str, str]:
    return {spec.name: spec.type for spec in fields}


def _sum_parts(out: dict) -> None:
    """Two exported halves (发货前 + 发货后 refunds; two kinds of ad spend) make one canonical column."""
    for total, parts in SUMS.items():
        arrays = [out.pop(p) for p in parts if p in out]
        if not arrays or total in out:
            continue
        both = (
            arrays[0]
            if len(arrays) == 1
            else pc.if_else(
                pc.and_(arrays[0].is_null(), arrays[1].is_null()),
                pa.scalar(None, pa.int64()),
                pc.add(pc.fill_null(arrays[0], 0), pc.fill_null(arrays[1], 0)),
            )
        )
        out[total] = both


def build_metric_table(
    raw: RawTable,
    kind: DatasetKind,
    context: ReadContext,
    *,
    mapping: dict[str, str] | None = None,
    what: str | Message = "",
) -> ParsedDataset:
    """Convert a small metric table; `mapping` (canonical → header key) overrides the built-in aliases."""
    fields, spec, required = {
        DatasetKind.PRODUCTS: (PRODUCT_FIELDS, PRODUCT_METRIC_COLUMNS, ("product_id", "product_name")),
        DatasetKind.CHANNELS: (CHANNEL_FIELDS, CHANNEL_COLUMNS, ("channel",)),
        DatasetKind.EXPLANATIONS: (EXPLANATION_FIELDS, EXPLANATION_COLUMNS, ("start",)),
        DatasetKind.MINUTES: (MINUTE_FIELDS, MINUTE_COLUMNS, ("minute",)),
    }[kind]
    mapping = mapping if mapping is not None else resolve(raw.keys, list(fields))
    if not any(name in mapping for name in required) or len(mapping) < 2:
        wanted = [next(iter(f.aliases)) for f in fields if f.name in required]
        what = what or Message(f"dataset.{kind.value}")
        raise missing_columns(
            raw.name, [wanted[0] if len(wanted) == 1 else one_of(wanted)], raw.headers, what
        )
    issues = RowIssues(raw.source_rows())
    ranges: dict = {}
    out = convert_fields(
        raw,
        mapping,
        _types(fields),
        issues,
        zone=context.zone,
        time_format=context.time_format,
        required=frozenset(required),
        ranges=ranges,
    )
    _sum_parts(out)
    n = raw.num_rows
    if kind is DatasetKind.PRODUCTS:
        _mark_sku_rows(raw, mapping, out, n)
        estimated = np.zeros(n, dtype=bool)
        for per_row in ranges.values():
            estimated[list(per_row)] = True
        out["estimated"] = pa.array(estimated)
        issues.flag(
            _blank(out, ("product_id", "product_name"), n) & ~issues.skip,
            "missing_product",
            "no product id or name",
            skip=True,
        )
    elif kind is DatasetKind.CHANNELS:
        out["is_total"] = pc.fill_null(pc.is_in(out["channel"], value_set=pa.array(TOTAL_CHANNELS)), False)
        issues.flag(
            _blank(out, ("channel",), n) & ~issues.skip, "missing_channel", "no channel name", skip=True
        )
    else:
        key = "start" if kind is DatasetKind.EXPLANATIONS else "minute"
        issues.flag(_blank(out, (key,), n) & ~issues.skip, f"missing_{key}", f"no {key} time", skip=True)
    table = canonical_table(spec, out, n)
    keep = ~issues.skip
    if not keep.all():
        table = table.filter(pa.array(keep))
    if kind in (DatasetKind.EXPLANATIONS, DatasetKind.MINUTES):
        table = table.sort_by("start" if kind is DatasetKind.EXPLANATIONS else "minute")
    meta = issues.meta()
    if ranges:
        rows = issues.rows
        meta["estimated_ranges"] = [
            {"row": int(rows[i]), "column": name, "low": low, "high": high}
            for name, per_row in ranges.items()
            for i, (low, high) in per_row.items()
        ][:500]
    return ParsedDataset(kind, table, raw.sheet, n, int(issues.skip.sum()), issues.warnings, meta)


def _blank(out: dict, names: tuple[str, ...], n: int) -> np.ndarray:
    blank = np.ones(n, dtype=bool)
    for name in names:
        if out.get(name) is not None:
            blank &= np.asarray(out[name].is_null().to_numpy(zero_copy_only=False), dtype=bool)
    return blank


def _mark_sku_rows(raw: RawTable, mapping: dict, out: dict, n: int) -> None:
    """罗盘 lists each product's SKUs under it with a first cell starting with '-': kept apart, never summed."""
    first = raw.column(raw.keys[0]) if raw.keys else None
    if first is None:
        out["is_sku_row"] = pa.array(np.zeros(n, dtype=bool))
        return
    text = pc.utf8_trim_whitespace(first.cast(pa.string()))
    sku = np.asarray(
        pc.fill_null(pc.and_(pc.starts_with(text, "-"), pc.greater(pc.utf8_length(text), 1)), False).to_numpy(
            zero_copy_only=False
        ),
        dtype=bool,
    )
    out["is_sku_row"] = pa.array(sku)
    if not sku.any():
        return
    ids = out.get("product_id")
    names = out.get("product_name")
    id_list = ids.to_pylist() if ids is not None else [None] * n
    name_list = names.to_pylist() if names is not None else [None] * n
    raw_first = text.to_pylist()
    parent = None
    for i in range(n):  # products have a handful of SKUs: a loop over a few hundred rows
        if sku[i]:
            label = raw_first[i].lstrip("-").strip()
            if raw.keys[0] == mapping.get("product_id"):
                id_list[i] = parent  # the SKU's own label sits in the id column
            if name_list[i] is None or raw.keys[0] == mapping.get("product_name"):
                name_list[i] = label
        else:
            parent = id_list[i]
    out["product_id"] = pa.array(id_list, pa.string())
    out["product_name"] = pa.array(name_list, pa.string())
