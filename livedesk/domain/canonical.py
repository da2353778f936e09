"""The columns of stored imported tables, by dataset kind: the contract between import and review.

Readers turn every platform format into these columns (Arrow types in brackets); the review reads only
these. Money is integer fen (`*_fen`), instants are UTC `timestamp[ms, tz=UTC]` (converted from the
session's local time), ids are strings, rates are fractions. Any column may be null where a file lacks it;
a missing value is never filled with zero.
"""

from __future__ import annotations

ORDER_COLUMNS = {
    "order_id": "string",
    "sub_order_id": "string",
    "product_id": "string",
    "product_name": "string",
    "sku": "string",
    "quantity": "int64",
    "unit_price_fen": "int64",
    "amount_fen": "int64",  # paid for the line; unit_price × quantity when the file has no amount
    "created_at": "timestamp",
    "paid_at": "timestamp",
    "status": "string",
    "after_sale_status": "string",
    "refund_amount_fen": "int64",
    "buyer_id": "string",
    "traffic_source": "string",
    "author_id": "string",
    "is_sale": "bool",  # paid (has a paid time, or a paid status where the format has no time)
    "is_refund": "bool",  # negative quantity/amount or a cancellation mark: not a sale
    "outside_window": "bool",  # paid outside the session's live window (kept, flagged)
    "source_row": "int64",  # 1-based row in the source file (header = 1)
}

PRODUCT_METRIC_COLUMNS = {
    "product_id": "string",
    "product_name": "string",
    "price_fen": "int64",
    "gmv_fen": "int64",
    "units": "int64",
    "orders": "int64",
    "buyers": "int64",
    "product_exposure_uv": "int64",
    "product_click_uv": "int64",
    "exposure_to_click_rate": "double",
    "click_to_buy_rate": "double",
    "exposure_gpm_fen": "int64",
    "explain_count": "int64",
    "refund_orders": "int64",
    "refund_amount_fen": "int64",
    "first_listed_at": "timestamp",
    "is_sku_row": "bool",  # 罗盘 SKU sub-rows (first cell starts with '-') are kept apart, never summed
    "estimated": "bool",  # value came from a range such as 7.5w~10w (the midpoint; see *_low/*_high in meta)
}

EXPLANATION_COLUMNS = {
    "product_id": "string",
    "product_name": "string",
    "start": "timestamp",
    "end": "timestamp",
    "gmv_fen": "int64",
    "units": "int64",
    "online_change": "int64",  # 起止人数变化
    "avg_online": "double",  # 分均在线人数
}

MINUTE_COLUMNS = {
    "minute": "timestamp",
    "online": "int64",
    "entries": "int64",
    "exits": "int64",
    "gmv_fen": "int64",
    "orders": "int64",
    "new_followers": "int64",
    "comments": "int64",
    "likes": "int64",
}

# Session-level values: one row per metric. `key` is a DOMAIN.md §4.1 key; money keys carry `_fen`
# (gmv_fen, refund_amount_fen, ad_spend_fen, aov_fen, gpm_fen, order_value_fen); `value` holds the number
# (money as integral fen, rates as fractions, durations in seconds, counts); `low`/`high` hold a range's
# ends when `estimated`; `label` is the header as exported, `sheet` where it was found.
SUMMARY_COLUMNS = {
    "key": "string",
    "value": "double",
    "low": "double",
    "high": "double",
    "estimated": "bool",
    "label": "string",
    "sheet": "string",
}

CHANNEL_COLUMNS = {
    "channel": "string",
    "pv": "int64",
    "uv": "int64",
    "gmv_fen": "int64",
    "orders": "int64",
    "ad_spend_fen": "int64",
    "avg_watch_seconds": "double",
    "is_total": "bool",  # the 渠道名称=整体 row
}

LOG_COLUMNS = {
    "at": "timestamp",
    "kind": "string",  # livedesk.domain.live_log.EventKind values
    "segment_index": "int64",
    "step": "string",
    "marker": "string",
    "note": "string",
    "product_id": "string",
}

COLUMNS_BY_KIND = {
    "orders": ORDER_COLUMNS,
    "products": PRODUCT_METRIC_COLUMNS,
    "explanations": EXPLANATION_COLUMNS,
    "minutes": MINUTE_COLUMNS,
    "summary": SUMMARY_COLUMNS,
    "channels": CHANNEL_COLUMNS,
    "log": LOG_COLUMNS,
}
