"""The per-product review table of DOMAIN.md §4.3, joined from the pool, product exports, orders and the
actual run. Money in fen, rates as fractions, None where no input gives the number."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from livedesk.analysis.actual_run import SOURCE_PLAN, ActualRun
from livedesk.analysis.inputs import ReviewInputs, bool_array, column, fen_ratio, ratio
from livedesk.analysis.orders import OrderArrays, count_by, distinct_by, refunds_by_product, sum_by
from livedesk.analysis.review_types import Source, SourceKind, run_source
from livedesk.domain.roles import SegmentKind
from livedesk.words import PRODUCT_METRICS

PRODUCT_MONEY_KEYS = frozenset({"gmv", "gmv_per_explain_minute", "exposure_gpm", "refund_amount"})
EXPLAINED_KINDS = (SegmentKind.PITCH.value, SegmentKind.ENCORE.value)
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


@dataclass(frozen=True, slots=True)
class SourcedValue:
    value: int
    source: Source


@dataclass(frozen=True, slots=True)
class ProductAlternative:
    """The first later source that disagrees with a field's value (else the next one), with the gap."""

    value: int
    source: Source
    gap: int


@dataclass(frozen=True, slots=True)
class ProductReview:
    """One product's row of the §4.3 table: money in fen, rates as fractions, None where nothing gives it.
    `sources` names each merged field's source; `values` lists every source's value of a field that more
    than one source gives; `alternatives` the disagreeing one."""

    product_id: str
    name: str
    role: str | None
    gmv: int | None = None
    units: int | None = None
    orders: int | None = None
    buyers: int | None = None
    refund_amount: int | None = None
    product_exposure_uv: int | None = None
    product_click_uv: int | None = None
    exposure_gpm: int | None = None
    explain_count: int | None = None
    explain_seconds: float | None = None
    exposure_to_click_rate: float | None = None
    click_to_buy_rate: float | None = None
    gmv_per_explain_minute: int | None = None
    units_per_explain: float | None = None
    refund_rate: float | None = None
    sell_through: float | None = None
    gross_margin: float | None = None
    gmv_share: float | None = None
    sources: Mapping[str, Source | None] = field(default_factory=dict)
    alternatives: Mapping[str, ProductAlternative] = field(default_factory=dict)
    values: Mapping[str, tuple[SourcedValue, ...]] = field(default_factory=dict)

    def value(self, key: str) -> int | float | None:
        """The value of one of PRODUCT_METRICS (None for a key the table does not have)."""
        found = getattr(self, key, None) if key in PRODUCT_METRICS else None
        return found if isinstance(found, (int, float)) else None


# Per-product sources in order of precedence (inputs.FORMAT_PRECEDENCE): what the platform itself measured
# beats a re-export of it, and both beat what LiveDesk sums from order lines. A field keeps every source's value; the first present
# is shown, the next one that disagrees stays beside it with the gap. No import erases another's field.
MERGED_FIELDS = (
    ("gmv", "gmv_fen"),
    ("units", "units"),
    ("orders", "orders"),
    ("buyers", "buyers"),
    ("refund_amount", "refund_amount_fen"),
    ("product_exposure_uv", "product_exposure_uv"),
    ("product_click_uv", "product_click_uv"),
    ("exposure_gpm", "exposure_gpm_fen"),
)


def product_table(inputs: ReviewInputs, run: ActualRun, orders: OrderArrays | None) -> list[ProductReview]:
    """One row per product: product_id, name, role, the §4.3 keys (money in fen) and their sources."""
    exported = _exported_rows(inputs)  # [(source, {pid: row})] in precedence order
    from_orders = _order_sums(orders)
    pool = {p.product_id: p for p in inputs.plan.products}
    ids = list(dict.fromkeys([*pool, *(pid for _, rows in exported for pid in rows), *from_orders]))
    runs: dict[str, list[Any]] = {}
    for seg in run.segments:
        # Explanation time is the product's pitches and encores (or 商品讲解 records), never the opening
        # that happens to release it.
        if seg.product_id and seg.kind in EXPLAINED_KINDS:
            runs.setdefault(seg.product_id, []).append(seg)
    order_label = orders_source(orders)
    rows: list[dict[str, Any]] = []
    for pid in ids:
        product, summed = pool.get(pid), from_orders.get(pid, {})
        offers = [(Source(SourceKind.EXPORT, (src,)), found[pid]) for src, found in exported if pid in found]
        export_name = next((r.get("product_name") for _, r in offers if r.get("product_name")), None)
        row: dict[str, Any] = {
            "product_id": pid,
            "name": (product.name if product else export_name) or pid,
            "role": product.role.value if product else None,
            "sources": {},
            "alternatives": {},
            "values": {},  # every source's value of a field that more than one source gives
        }
        for key, exported_name in MERGED_FIELDS:
            candidates = [(source, r.get(exported_name)) for source, r in offers]
            if key in summed and order_label is not None:
                candidates.append((order_label, summed[key]))
            _merge_field(row, key, [(src, v) for src, v in candidates if v is not None])
        if run.source != SOURCE_PLAN:
            # The log / 商品讲解 records are the facts: a product never pitched has 0 explanations.
            row["explain_count"] = len(runs.get(pid, []))
            row["explain_seconds"] = float(sum(s.seconds for s in runs.get(pid, [])))
            row["sources"]["explain_count"] = run_source(run.source)
        else:
            counts = [r.get("explain_count") for _, r in offers if r.get("explain_count") is not None]
            row["explain_count"], row["explain_seconds"] = (counts[0] if counts else None), None
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
    typed = [ProductReview(**row) for row in rows]
    return [replace(r, gmv_share=ratio(r.gmv, total) if r.gmv is not None else None) for r in typed]


def _merge_field(row: dict[str, Any], key: str, candidates: list[tuple[Source, int]]) -> None:
    """The first source's value is the field's; the first later source that disagrees (else the next one)
    is kept as the alternative with its gap."""
    if not candidates:
        row[key], row["sources"][key] = None, None
        return
    (source, value), others = candidates[0], candidates[1:]
    row[key], row["sources"][key] = value, source
    if others:
        row["values"][key] = tuple(SourcedValue(v, s) for s, v in candidates)
        other_source, other = next(((s, v) for s, v in others if v != value), others[0])
        row["alternatives"][key] = ProductAlternative(other, other_source, other - value)


def orders_source(orders: OrderArrays | None) -> Source | None:
    return Source(SourceKind.ORDERS, tuple(orders.sources)) if orders is not None else None


def _exported_rows(inputs: ReviewInputs) -> list[tuple[str, dict[str, dict[str, Any]]]]:
    """Each product export's rows summed per product id (the same 商品ID can repeat; SKU sub-rows are never
    added), one entry per export in precedence order (罗盘 > live workbook > any other product table)."""
    result = []
    for sourced in inputs.of("products"):
        table = sourced.table.filter(~bool_array(sourced.table, "is_sku_row", False))
        columns: dict[str, list[Any]] = {}
        for name in ("product_id", "product_name", "exposure_gpm_fen", *_ADDITIVE):
            found = column(table, name)
            if found is not None:
                columns[name] = found.to_pylist()
        if "product_id" not in columns:
            continue
        merged: dict[str, dict[str, Any]] = {}
        for i, pid in enumerate(columns["product_id"]):
            if pid is None:
                continue
            row = merged.setdefault(pid, {})
            for name in ("product_name", "exposure_gpm_fen"):
                if name in columns and row.get(name) is None:
                    row[name] = columns[name][i]
            for name in _ADDITIVE:
                value = columns[name][i] if name in columns else None
                if value is not None:
                    row[name] = row.get(name, 0) + int(value)
        result.append((sourced.source, merged))
    return result


def _order_sums(orders: OrderArrays | None) -> dict[str, dict[str, int]]:
    if orders is None:
        return {}
    size, codes, window = len(orders.product_ids), orders.product_code, orders.in_window
    gmv = sum_by(codes, size, orders.amount_fen, window)
    units = sum_by(codes, size, orders.quantity, window)
    lines = count_by(codes, size, window)
    count = distinct_by(codes, size, orders.identity, window)
    buyers = distinct_by(codes, size, orders.buyer_code, window)
    refunds = refunds_by_product(orders)
    result = {}
    for i in np.flatnonzero(lines):
        values: dict[str, int | None] = {
            "gmv": int(gmv[i]) if gmv is not None else None,
            "units": int(units[i]) if units is not None else None,
            "orders": int(count[i]) if count is not None else None,
            "buyers": int(buyers[i]) if buyers is not None else None,
            "refund_amount": int(refunds[i]) if refunds is not None else None,
        }
        result[orders.product_ids[i]] = {k: v for k, v in values.items() if v is not None}
    return result
