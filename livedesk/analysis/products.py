"""The per-product review table of DOMAIN.md §4.3, joined from the pool, product exports, orders and the
actual run. Money in fen, rates as fractions, None where no input gives the number."""

from __future__ import annotations

import numpy as np

from livedesk.analysis.actual_run import SOURCE_PLAN, ActualRun
from livedesk.analysis.inputs import ReviewInputs, bool_array, column, fen_ratio, ratio
from livedesk.analysis.orders import OrderArrays, count_by, distinct_by, sum_by

PRODUCT_KEYS = (
    "gmv",
    "units",
    "orders",
    "buyers",
    "product_exposure_uv",
    "product_click_uv",
    "exposure_to_click_rate",
    "click_to_buy_rate",
    "explain_count",
    "explain_seconds",
    "gmv_per_explain_minute",
    "units_per_explain",
    "exposure_gpm",
    "refund_amount",
    "refund_rate",
    "gmv_share",
    "sell_through",
    "gross_margin",
)
PRODUCT_MONEY_KEYS = frozenset({"gmv", "gmv_per_explain_minute", "exposure_gpm", "refund_amount"})
_ADDITIVE = (
    "gmv_fen",
    "units",
    "orders",
    "buyers",
    "product_exposure_uv",
    "product_click_uv",
    "explain_count",
    "refund_amount_fen",
)


def product_table(inputs: ReviewInputs, run: ActualRun, orders: OrderArrays | None) -> list[dict]:
    """One dict per product: product_id, name, role, the §4.3 keys (money in fen) and `sources`."""
    exported = _exported_rows(inputs)
    from_orders = _order_sums(orders)
    pool = {p.product_id: p for p in inputs.plan.products}
    ids = list(dict.fromkeys([*pool, *exported, *from_orders]))
    runs: dict[str, list] = {}
    for seg in run.segments:
        if seg.product_id:
            runs.setdefault(seg.product_id, []).append(seg)
    rows = []
    for pid in ids:
        product, export, summed = pool.get(pid), exported.get(pid, {}), from_orders.get(pid, {})
        row = {
            "product_id": pid,
            "name": (product.name if product else export.get("product_name")) or pid,
            "role": product.role.value if product else None,
            "sources": {},
            "alternatives": {},
        }
        for key, exported_name in (
            ("gmv", "gmv_fen"),
            ("units", "units"),
            ("orders", "orders"),
            ("buyers", "buyers"),
            ("refund_amount", "refund_amount_fen"),
        ):
            value = export.get(exported_name)
            alt = summed.get(key)
            if value is not None:
                row[key], row["sources"][key] = value, export["_source"]
                if alt is not None:
                    row["alternatives"][key] = {
                        "value": alt,
                        "source": orders_source(orders),
                        "gap": alt - value,
                    }
            else:
                row[key] = alt
                row["sources"][key] = orders_source(orders) if alt is not None else None
        for key in ("product_exposure_uv", "product_click_uv"):
            row[key] = export.get(key)
        row["exposure_gpm"] = export.get("exposure_gpm_fen")
        if run.source != SOURCE_PLAN:
            # The log / 商品讲解 records are the facts: a product never pitched has 0 explanations.
            row["explain_count"] = len(runs.get(pid, []))
            row["explain_seconds"] = float(sum(s.seconds for s in runs.get(pid, [])))
            row["sources"]["explain_count"] = run.source
        else:
            row["explain_count"], row["explain_seconds"] = export.get("explain_count"), None
        row["exposure_to_click_rate"] = ratio(row["product_click_uv"], row["product_exposure_uv"])
        row["click_to_buy_rate"] = ratio(row["buyers"], row["product_click_uv"])
        minutes = row["explain_seconds"] / 60 if row["explain_seconds"] else None
        row["gmv_per_explain_minute"] = fen_ratio(row["gmv"], minutes) if minutes else None
        row["units_per_explain"] = ratio(row["units"], row["explain_count"])
        row["refund_rate"] = ratio(row["refund_amount"], row["gmv"])
        row["sell_through"] = ratio(row["units"], product.stock if product else None)
        cost = product.cost_fen if product else None
        row["gross_margin"] = (
            ratio(row["gmv"] - cost * row["units"], row["gmv"])
            if cost is not None and row["gmv"] is not None and row["units"] is not None
            else None
        )
        rows.append(row)
    total = sum(r["gmv"] for r in rows if r["gmv"] is not None)
    for row in rows:
        row["gmv_share"] = ratio(row["gmv"], total) if row["gmv"] is not None else None
    return rows


def orders_source(orders: OrderArrays | None) -> str | None:
    return " + ".join(orders.sources) + " (summed orders)" if orders is not None else None


def _exported_rows(inputs: ReviewInputs) -> dict[str, dict]:
    """Product exports summed per product id (the same 商品ID can repeat); SKU sub-rows are never added.
    A later import replaces an earlier one's row for the same product."""
    result: dict[str, dict] = {}
    for sourced in inputs.of("products"):
        table = sourced.table.filter(~bool_array(sourced.table, "is_sku_row", False))
        columns = {
            name: (column(table, name).to_pylist() if column(table, name) is not None else None)
            for name in ("product_id", "product_name", "exposure_gpm_fen", *_ADDITIVE)
        }
        if columns["product_id"] is None:
            continue
        merged: dict[str, dict] = {}
        for i, pid in enumerate(columns["product_id"]):
            if pid is None:
                continue
            row = merged.setdefault(pid, {"_source": sourced.source})
            for name in ("product_name", "exposure_gpm_fen"):
                if columns[name] is not None and row.get(name) is None:
                    row[name] = columns[name][i]
            for name in _ADDITIVE:
                value = columns[name][i] if columns[name] is not None else None
                if value is not None:
                    row[name] = row.get(name, 0) + int(value)
        result.update(merged)
    return result


def _order_sums(orders: OrderArrays | None) -> dict[str, dict]:
    if orders is None:
        return {}
    size, codes, window = len(orders.product_ids), orders.product_code, orders.in_window
    gmv = sum_by(codes, size, orders.amount_fen, window)
    units = sum_by(codes, size, orders.quantity, window)
    count = count_by(codes, size, window)
    buyers = distinct_by(codes, size, orders.buyer_code, window)
    refunds = sum_by(codes, size, orders.refund_fen, window)
    result = {}
    for i in np.flatnonzero(count):
        result[orders.product_ids[i]] = {
            "gmv": int(gmv[i]) if gmv is not None else None,
            "units": int(units[i]) if units is not None else None,
            "orders": int(count[i]),
            "buyers": int(buyers[i]) if buyers is not None else None,
            "refund_amount": int(refunds[i]) if refunds is not None else None,
        }
    return result
