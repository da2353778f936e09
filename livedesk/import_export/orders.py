"""Order lines in canonical form and their meaning: sale, refund, and paid outside the session window.

A line is a sale when it was paid (a paid time, or — in a format without one — a status that is not
unpaid or closed before payment) and is not a refund; negative quantities or amounts and cancellation
marks are refunds. GMV follows the platform: paid lines count even when refunded later.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from livedesk.domain.canonical import ORDER_COLUMNS
from livedesk.domain.dataset import DatasetKind
from livedesk.import_export.columns import canonical_table
from livedesk.import_export.fields import RowIssues, convert_fields
from livedesk.import_export.parsed import ParsedDataset, ReadContext
from livedesk.import_export.tabular import RawTable

ORDER_TYPES = {
    "order_id": "id",
    "sub_order_id": "id",
    "product_id": "id",
    "product_name": "text",
    "sku": "id",
    "quantity": "int",
    "unit_price_fen": "money",
    "amount_fen": "money",
    "created_at": "time",
    "paid_at": "time",
    "status": "text",
    "after_sale_status": "text",
    "refund_amount_fen": "money",
    "buyer_id": "id",
    "traffic_source": "text",
    "author_id": "id",
}
# Statuses that mean "never paid"; used only when a format has no paid time.
UNPAID_STATUSES = (
    "待支付",
    "待付款",
    "未付款",
    "未支付",
    "等待付款",
    "等待买家付款",
    "待买家付款",
    "订单待支付",
    "已关闭",
    "交易关闭",
    "订单关闭",
    "已取消",
    "订单取消",
    "取消",
    "unpaid",
    "cancelled",
    "closed",
)


def missing_order_fields(mapping: dict[str, str]) -> list[str]:
    """Canonical fields an order table lacks: a time, and an amount or unit price with quantity. An order id
    is optional: without one every line is its own sale (the review's identity rule, order_lines.py)."""
    missing = []
    if "paid_at" not in mapping and "created_at" not in mapping:
        missing.append("paid_at or created_at")
    if "amount_fen" not in mapping and not ("unit_price_fen" in mapping and "quantity" in mapping):
        missing.append("amount (or unit_price and quantity)")
    return missing


def build_orders(
    raw: RawTable, mapping: dict[str, str], context: ReadContext, *, cancel_prefix: str | None = None
) -> ParsedDataset:
    """Canonical order lines from the mapped columns; rows without id, time or amount are skipped with a warning."""
    issues = RowIssues(raw.source_rows())
    computed = "amount_fen" not in mapping
    required = {"order_id", "paid_at", "created_at", "amount_fen"} | (
        {"unit_price_fen", "quantity"} if computed else set()
    )
    context.step(0.55, "converting order columns")
    out = convert_fields(
        raw,
        mapping,
        ORDER_TYPES,
        issues,
        zone=context.zone,
        time_format=context.time_format,
        required=frozenset(required),
    )
    n = raw.num_rows
    context.step(0.7, "classifying order lines")
    amount = _amount(out, n)
    out["amount_fen"] = amount
    if "order_id" in mapping:  # a file with an order id column: a row without one is damaged
        issues.flag(
            _null(out.get("order_id"), n) & ~issues.skip, "missing_order_id", "no order id", skip=True
        )
    when = _coalesce(out.get("paid_at"), out.get("created_at"), n)
    issues.flag(_null(when, n) & ~issues.skip, "missing_time", "no paid or created time", skip=True)
    issues.flag(
        _null(amount, n) & ~issues.skip,
        "missing_amount",
        "no amount (nor unit price with quantity)",
        skip=True,
    )
    out.update(_classify(out, when, n, "paid_at" in mapping, context.window_ms, cancel_prefix))
    out["source_row"] = pa.array(issues.rows, pa.int64())
    table = canonical_table(ORDER_COLUMNS, out, n)
    if issues.skip.any():
        table = table.filter(pa.array(~issues.skip))
    meta = (
        issues.meta()
        | _totals(table, context.window_ms is not None)
        | {"columns": {k: raw.headers[raw.keys.index(v)] for k, v in mapping.items()}}
    )
    if context.window_ms:
        meta["window_ms"] = list(context.window_ms)
    warnings = raw.warnings + issues.warnings
    return ParsedDataset(
        DatasetKind.ORDERS,
        table,
        raw.sheet,
        n + len(raw.warnings),
        int(issues.skip.sum()) + len(raw.warnings),
        warnings,
        meta,
    )


def _null(array: pa.Array | None, n: int) -> np.ndarray:
    if array is None:
        return np.ones(n, dtype=bool)
    return np.asarray(array.is_null().to_numpy(zero_copy_only=False), dtype=bool)


def _coalesce(first: pa.Array | None, second: pa.Array | None, n: int) -> pa.Array | None:
    if first is None:
        return second
    if second is None:
        return first
    return pc.coalesce(first, second)


def _amount(out: dict, n: int) -> pa.Array:
    """The paid amount of the line; unit price × quantity where the file has no amount."""
    amount = out.get("amount_fen")
    unit, quantity = out.get("unit_price_fen"), out.get("quantity")
    if unit is None or quantity is None:
        return amount if amount is not None else pa.nulls(n, pa.int64())
    product = pc.multiply(unit, quantity)
    return product if amount is None else pc.coalesce(amount, product)


def _classify(
    out: dict, when: pa.Array | None, n: int, has_paid_time: bool, window_ms, cancel_prefix
) -> dict:
    negative = np.zeros(n, dtype=bool)
    for name in ("quantity", "amount_fen"):
        if out.get(name) is not None:
            negative |= np.asarray(
                pc.fill_null(pc.less(out[name], 0), False).to_numpy(zero_copy_only=False), dtype=bool
            )
    if cancel_prefix and out.get("order_id") is not None:
        negative |= np.asarray(
            pc.fill_null(pc.starts_with(out["order_id"], cancel_prefix), False).to_numpy(
                zero_copy_only=False
            ),
            dtype=bool,
        )
    if has_paid_time:
        paid = ~_null(out.get("paid_at"), n)
    elif out.get("status") is not None:
        paid = ~np.asarray(
            pc.fill_null(pc.is_in(out["status"], value_set=pa.array(UNPAID_STATUSES)), False).to_numpy(
                zero_copy_only=False
            ),
            dtype=bool,
        )
    else:
        paid = np.ones(n, dtype=bool)  # an invoice log without status or paid time lists paid lines
    result = {"is_sale": pa.array(paid & ~negative), "is_refund": pa.array(negative)}
    if window_ms and when is not None:
        ms = pc.cast(when, pa.int64())
        outside = pc.or_(pc.less(ms, window_ms[0]), pc.greater(ms, window_ms[1]))
        result["outside_window"] = outside
    return result


def _totals(table: pa.Table, has_window: bool) -> dict:
    """Headline numbers for the import summary (money in fen)."""
    sale = table.column("is_sale")
    refund = table.column("is_refund")
    amount = table.column("amount_fen")
    gmv = pc.sum(pc.if_else(sale, amount, 0)).as_py() or 0
    inside = pc.and_(sale, pc.invert(pc.fill_null(table.column("outside_window"), False)))
    in_window = pc.sum(pc.if_else(inside, amount, 0)).as_py() or 0
    refunds = pc.sum(pc.if_else(refund, pc.abs(amount), 0)).as_py() or 0
    outside = pc.sum(pc.cast(pc.fill_null(table.column("outside_window"), False), pa.int64())).as_py() or 0
    return {
        "sale_lines": pc.sum(pc.cast(sale, pa.int64())).as_py() or 0,
        "refund_lines": pc.sum(pc.cast(refund, pa.int64())).as_py() or 0,
        "outside_window_lines": outside,
        "gmv_fen": int(gmv),
        "gmv_in_window_fen": int(in_window) if has_window else int(gmv),
        "refund_lines_amount_fen": int(refunds),
    }
