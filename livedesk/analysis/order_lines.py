"""What each stored order line means for the review, decided when the review runs (never at import):
which lines a later download supersedes, which sale each line belongs to, and what was refunded.

- De-duplication: a line whose key (sub_order_id, else order_id + product + SKU + paid time) appears in a
  later-imported order file is dropped in favour of that later copy, so its newer status (refunded since)
  wins. Lines inside one file are never merged with each other: one order can hold two identical lines.
- Identity: a sale is counted once per sub_order_id where the line has one (抖店 子订单编号: what 罗盘's
  成交订单数 counts), else once per order_id, else per line.
- Refunds: a negative or cancellation line refunds its absolute amount; a paid line refunds its refund
  amount column, or its whole amount when the status or after-sale status says the refund went through.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from livedesk.analysis.inputs import NULL_MS, column, epoch_ms

# Statuses that mean the money went back (抖店 售后状态, 快手/微信 商品售后, English back ends). 退款中 (still
# under way), 退款关闭 / 拒绝退款 (refused) do not match.
REFUNDED_PATTERN = "退款成功|退货退款成功|已退款|退款完成|全额退款|售后完成.*退款|(?i:refunded)"
IDENTITY_SUB_ORDER, IDENTITY_ORDER, IDENTITY_LINE, IDENTITY_MIXED = (
    "sub_order_id",
    "order_id",
    "line",
    "mixed",
)


def _text(table: pa.Table, name: str) -> pa.Array:
    col = column(table, name)
    if col is None:
        return pa.nulls(table.num_rows, pa.string())
    return col.cast(pa.string()).combine_chunks()


def line_times(table: pa.Table) -> np.ndarray:
    """Paid time, else created time (an invoice log without a paid time lists paid lines), as epoch ms."""
    paid_col, created_col = column(table, "paid_at"), column(table, "created_at")
    if paid_col is None and created_col is None:
        return np.full(table.num_rows, NULL_MS, dtype=np.int64)
    if paid_col is None:
        return epoch_ms(created_col)
    paid = epoch_ms(paid_col)
    if created_col is None:
        return paid
    return np.where(paid != NULL_MS, paid, epoch_ms(created_col))


def dedup_keys(table: pa.Table, times: np.ndarray) -> pa.Array:
    """The key that recognises the same sale in another download of the same orders."""
    sub = _text(table, "sub_order_id")
    stamp = pa.array(np.where(times == NULL_MS, 0, times).astype(str), pa.string())
    composite = pc.binary_join_element_wise(
        pc.fill_null(_text(table, "order_id"), ""),
        pc.fill_null(_text(table, "product_id"), ""),
        pc.fill_null(_text(table, "sku"), ""),
        stamp,
        "\x1f",
    )
    return pc.if_else(
        pc.is_null(sub),
        pc.binary_join_element_wise("o", composite, "\x1e"),
        pc.binary_join_element_wise("s", sub, "\x1e"),
    )


def superseded_masks(keys: list[pa.Array]) -> list[np.ndarray]:
    """Per table (in import order), the lines that a later table has too (the later copy is kept)."""
    masks = [np.zeros(len(k), dtype=bool) for k in keys]
    later: pa.Array | None = None
    for i in range(len(keys) - 1, -1, -1):
        if later is not None and len(later):
            masks[i] = np.asarray(
                pc.fill_null(pc.is_in(keys[i], value_set=later), False).to_numpy(zero_copy_only=False),
                dtype=bool,
            )
        later = keys[i] if later is None else pa.concat_arrays([later, keys[i]]).unique()
    return masks


def known_counts(new_keys: pa.Array, earlier: list[tuple[str, pa.Array]]) -> list[tuple[str, int]]:
    """How many lines of a new file each earlier file already held (for the import summary)."""
    counts = []
    for name, keys in earlier:
        hit = pc.sum(pc.cast(pc.fill_null(pc.is_in(new_keys, value_set=keys.unique()), False), pa.int64()))
        if hit.as_py():
            counts.append((name, int(hit.as_py())))
    return counts


def identity_codes(tables: list[pa.Table]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per line (all tables concatenated) a dense code of the sale it belongs to: its sub_order_id, else its
    order_id, else the line itself; and which lines had a sub-order id / an order id."""
    sub = pa.concat_arrays([_text(t, "sub_order_id") for t in tables])
    order = pa.concat_arrays([_text(t, "order_id") for t in tables])
    has_sub = np.asarray(pc.is_valid(sub).to_numpy(zero_copy_only=False), dtype=bool)
    has_order = np.asarray(pc.is_valid(order).to_numpy(zero_copy_only=False), dtype=bool)
    codes = np.arange(len(sub), dtype=np.int64)  # a line of its own unless an id says otherwise
    offset = len(sub)
    for ids, mask in ((order, has_order & ~has_sub), (sub, has_sub)):
        if mask.any():
            # Encoding one column of ids is cheaper than joining prefixes into new strings first.
            encoded = pc.dictionary_encode(ids)
            indices = np.asarray(pc.fill_null(encoded.indices.cast(pa.int64()), 0).to_numpy(), dtype=np.int64)
            codes[mask] = offset + indices[mask]
            offset += len(encoded.dictionary)
    return _dense(codes, offset), has_sub, has_order


def _dense(codes: np.ndarray, size: int) -> np.ndarray:
    """Renumber codes in [0, size) to 0..k-1 in O(n) (bincount sizes stay small)."""
    present = np.zeros(size, dtype=bool)
    present[codes] = True
    rank = np.cumsum(present) - 1
    dense: np.ndarray = rank[codes]
    return dense


def identity_basis(has_sub: np.ndarray, has_order: np.ndarray) -> str | None:
    """Which identity the counted sales used: all sub-orders, all orders, all lines, or a mixture."""
    if not len(has_sub):
        return None
    if has_sub.all():
        return IDENTITY_SUB_ORDER
    if (has_order & ~has_sub).all():
        return IDENTITY_ORDER
    if not (has_sub | has_order).any():
        return IDENTITY_LINE
    return IDENTITY_MIXED


def refunded_fen(table: pa.Table, amount: np.ndarray | None) -> tuple[np.ndarray, bool]:
    """Per line the amount refunded since it was paid (0 when none), and whether the file can tell at all
    (it has a status, after-sale status or refund amount column with values)."""
    n = table.num_rows
    out = np.zeros(n, dtype=np.int64)
    known = False
    flagged = np.zeros(n, dtype=bool)
    for name in ("after_sale_status", "status"):
        col = column(table, name)
        if col is None or col.null_count == len(col):
            continue
        known = True
        # Statuses are few: match the dictionary once, then look each line's status up.
        encoded = pc.dictionary_encode(col.cast(pa.string()).combine_chunks())
        matched = pc.fill_null(pc.match_substring_regex(encoded.dictionary, REFUNDED_PATTERN), False)
        hit = np.asarray(matched.to_numpy(zero_copy_only=False), dtype=bool)
        indices = np.asarray(pc.fill_null(encoded.indices.cast(pa.int64()), -1).to_numpy(), dtype=np.int64)
        if hit.size:
            flagged |= (indices >= 0) & hit[np.maximum(indices, 0)]
    if amount is not None:
        out[flagged] = np.abs(amount[flagged])
    refund_col = column(table, "refund_amount_fen")
    if refund_col is not None and refund_col.null_count < len(refund_col):
        known = True
        stated = np.abs(np.asarray(pc.fill_null(refund_col, 0).to_numpy(), dtype=np.int64))
        out = np.where(stated > 0, stated, out)  # the stated refund beats the whole line (partial refunds)
    return out, known
