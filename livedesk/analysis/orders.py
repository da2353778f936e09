"""Order lines as flat numpy arrays (one pass over Arrow, no per-row Python), shared by attribution and the
per-product table. Only sales count: paid lines that are not refunds/cancellations; those are kept apart
as `returns`. What a line means (duplicate, which sale, refunded) is decided here, see order_lines.py."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import overload

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from livedesk.analysis.inputs import NULL_MS, ReviewInputs, SourcedTable, bool_array, column
from livedesk.analysis.order_lines import (
    dedup_keys,
    identity_basis,
    identity_codes,
    line_times,
    refunded_fen,
    superseded_masks,
)


@dataclass
class ReturnLines:
    """Negative or cancellation lines (not sales): their absolute amounts are refunds."""

    paid_ms: np.ndarray
    amount_fen: np.ndarray  # absolute
    product_code: np.ndarray
    in_window: np.ndarray


@dataclass
class OrderArrays:
    paid_ms: np.ndarray  # int64 epoch ms (NULL_MS where unknown): paid time, else created time
    amount_fen: np.ndarray | None
    quantity: np.ndarray | None
    product_code: np.ndarray  # index into `product_ids`, -1 when the line has no product id
    product_ids: list[str]
    buyer_code: np.ndarray | None  # -1 when unknown; None when buyers cannot be counted (absent or masked)
    refund_fen: np.ndarray | None  # refunded since it was paid; None when no file can tell
    in_window: np.ndarray  # bool: paid inside the session's live window (decided at review time)
    sources: list[str]
    identity: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))  # the sale it is
    identity_basis: str | None = None  # sub_order_id | order_id | line | mixed
    returns: ReturnLines | None = None
    superseded: list[tuple[str, int]] = field(default_factory=list)  # (file, lines a later file replaced)
    window_ms: tuple[int, int] | None = None

    @property
    def count(self) -> int:
        return len(self.paid_ms)

    def sales(self, mask: np.ndarray | None = None) -> int:
        """Distinct sales (identities) among the lines where `mask`."""
        chosen = self.identity if mask is None else self.identity[mask]
        # Identity codes are dense (a dictionary's indices): a bincount is O(n), np.unique sorts or hashes.
        return int(np.count_nonzero(np.bincount(chosen))) if chosen.size else 0


def sale_lines(inputs: ReviewInputs, window_ms: tuple[int, int] | None = None) -> OrderArrays | None:
    """All order files' sale lines (de-duplicated across files); None when the session has no orders.

    `window_ms` is the live window [start, end) in epoch ms; by default the session's window as the review
    sees it now (livedesk.analysis.actual_run.live_window).
    """
    sourced = inputs.of("orders")
    if not sourced:
        return None
    if window_ms is None:
        from livedesk.analysis.actual_run import actual_run, live_window

        window_ms = live_window(inputs, actual_run(inputs))
    return order_arrays(sourced, window_ms)


def order_arrays(sourced: list[SourcedTable], window_ms: tuple[int, int] | None) -> OrderArrays | None:
    """The sale lines of these order tables, in import order (a later file's copy of a line wins); None
    when none has a line. For a check that has tables but no session plan (services.import_overlap)."""
    sourced = [s for s in sourced if s.table.num_rows > 0]
    if not sourced:
        return None
    tables = [s.table for s in sourced]
    times = [line_times(t) for t in tables]
    if len(tables) > 1:
        dropped = superseded_masks([dedup_keys(t, w) for t, w in zip(tables, times, strict=True)])
    else:  # one file: nothing can supersede its lines (and building keys for 1M lines costs a second)
        dropped = [np.zeros(tables[0].num_rows, dtype=bool)]
    refund_lines = np.concatenate([bool_array(t, "is_refund", False) for t in tables])
    keep = ~np.concatenate(dropped)
    # Decide what is a sale once, then mask numpy arrays: filtering the Arrow table would copy every column.
    sale = np.concatenate([bool_array(t, "is_sale", True) for t in tables]) & ~refund_lines & keep
    returned = refund_lines & keep
    paid = np.concatenate(times)
    amount = _ints(tables, "amount_fen")
    quantity = _ints(tables, "quantity")
    refunds, known = [], False
    for t in tables:
        values, can_tell = refunded_fen(t, _ints([t], "amount_fen"))
        refunds.append(values)
        known |= can_tell
    refund = np.concatenate(refunds)
    if window_ms is not None:
        known_time = paid != NULL_MS
        # Half-open [start, end), as segment windows: a line stamped on the end instant (a date-only log's
        # next midnight) belongs to the next period.
        in_window = ~known_time | ((paid >= window_ms[0]) & (paid < window_ms[1]))
    else:
        in_window = np.ones(len(paid), dtype=bool)
    # The three hash passes over a million strings run side by side: Arrow's kernels release the GIL.
    with ThreadPoolExecutor(max_workers=3, thread_name_prefix="review-codes") as pool:
        products_job = pool.submit(_codes, tables, "product_id")
        buyers_job = pool.submit(_codes, tables, "buyer_id")
        identity_job = pool.submit(identity_codes, tables)
        (product_code, products), (buyer_code, buyer_ids) = products_job.result(), buyers_job.result()
        identity, has_sub, has_order = identity_job.result()
    product_ids = products.to_pylist()
    if product_code is None:
        product_code = np.full(len(paid), -1, dtype=np.int64)
    # Masked ids (##密文) cannot be told apart; counting them would invent a number. Checked in Arrow: a
    # million buyers' ids as Python strings cost a third of a second.
    if buyer_code is not None and (not len(buyer_ids) or pc.any(pc.starts_with(buyer_ids, "#")).as_py()):
        buyer_code = None

    def pick(values: np.ndarray | None) -> np.ndarray | None:
        return values[sale] if values is not None else None

    returns = ReturnLines(
        paid[returned],
        np.abs(amount[returned]) if amount is not None else np.zeros(int(returned.sum()), np.int64),
        product_code[returned],
        in_window[returned],
    )
    return OrderArrays(
        paid[sale],
        pick(amount),
        pick(quantity),
        product_code[sale],
        product_ids,
        pick(buyer_code),
        refund[sale] if known or returned.any() else None,
        in_window[sale],
        [s.source for s in sourced],
        identity=identity[sale],
        identity_basis=identity_basis(has_sub[sale], has_order[sale]),
        returns=returns,
        superseded=[
            (s.source, int(mask.sum())) for s, mask in zip(sourced, dropped, strict=True) if mask.any()
        ],
        window_ms=window_ms,
    )


def refund_sum(orders: OrderArrays) -> int | None:
    """Refunds inside the window: sale lines refunded since plus negative/cancellation lines (absolute)."""
    if orders.refund_fen is None:
        return None
    total = int(orders.refund_fen[orders.in_window].sum())
    if orders.returns is not None:
        total += int(orders.returns.amount_fen[orders.returns.in_window].sum())
    return total


def refunds_by_product(orders: OrderArrays) -> np.ndarray | None:
    """Per product code the refunds inside the window (as refund_sum, split by product)."""
    if orders.refund_fen is None:
        return None
    size = len(orders.product_ids)
    out = sum_by(orders.product_code, size, orders.refund_fen, orders.in_window)
    if orders.returns is not None and len(orders.returns.amount_fen):
        back = orders.returns
        out = out + sum_by(back.product_code, size, back.amount_fen, back.in_window)
    return out


def _all_null(table: pa.Table, name: str) -> bool:
    col = column(table, name)
    return col is None or col.null_count == table.num_rows


def _ints(tables: list[pa.Table], name: str) -> np.ndarray | None:
    if all(_all_null(t, name) for t in tables):
        return None
    parts = []
    for t in tables:
        col = column(t, name)
        parts.append(
            np.zeros(t.num_rows, dtype=np.int64)
            if col is None
            else np.asarray(pc.fill_null(col, 0).to_numpy(), dtype=np.int64)
        )
    return np.concatenate(parts)


def _codes(tables: list[pa.Table], name: str) -> tuple[np.ndarray | None, pa.Array]:
    """Dictionary codes of a string column across tables, and the one shared dictionary."""
    cols = [column(t, name) for t in tables]
    if all(c is None for c in cols):
        return None, pa.array([], pa.string())
    # One contiguous array first: encoding chunk by chunk and then unifying the dictionaries is ~25x slower.
    merged = pa.concat_arrays(
        [
            (c.cast(pa.string()).combine_chunks() if c is not None else pa.nulls(t.num_rows, pa.string()))
            for c, t in zip(cols, tables, strict=False)
        ]
    )
    encoded = pc.dictionary_encode(merged)
    codes = np.asarray(pc.fill_null(encoded.indices.cast(pa.int64()), -1).to_numpy(), dtype=np.int64)
    return codes, encoded.dictionary


@overload
def sum_by(
    codes: np.ndarray, size: int, values: np.ndarray, mask: np.ndarray | None = None
) -> np.ndarray: ...


@overload
def sum_by(codes: np.ndarray, size: int, values: None, mask: np.ndarray | None = None) -> None: ...


def sum_by(
    codes: np.ndarray, size: int, values: np.ndarray | None, mask: np.ndarray | None = None
) -> np.ndarray | None:
    """Exact int64 sums per code (codes < 0 dropped); None when `values` is None."""
    if values is None:
        return None
    keep = codes >= 0 if mask is None else (codes >= 0) & mask
    out = np.zeros(size, dtype=np.int64)
    np.add.at(out, codes[keep], values[keep])
    return out


def count_by(codes: np.ndarray, size: int, mask: np.ndarray | None = None) -> np.ndarray:
    keep = codes >= 0 if mask is None else (codes >= 0) & mask
    return np.bincount(codes[keep], minlength=size)[:size].astype(np.int64)


def distinct_by(
    codes: np.ndarray, size: int, other: np.ndarray | None, mask: np.ndarray | None = None
) -> np.ndarray | None:
    """Distinct `other` codes per code (e.g. buyers per product); None when `other` is None."""
    if other is None:
        return None
    if other.size == 0:
        return np.zeros(size, dtype=np.int64)
    keep = (codes >= 0) & (other >= 0)
    if mask is not None:
        keep &= mask
    width = int(other.max()) + 1
    pairs = np.sort(codes[keep] * width + other[keep])  # a sort beats numpy's hash unique here (~7x)
    if pairs.size:
        pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]
    return np.bincount(pairs // width, minlength=size)[:size].astype(np.int64)


def distinct_count(codes: np.ndarray | None, mask: np.ndarray | None = None) -> int | None:
    """How many different non-negative codes appear (where `mask`)."""
    if codes is None:
        return None
    chosen = codes if mask is None else codes[mask]
    chosen = chosen[chosen >= 0]
    return int(np.count_nonzero(np.bincount(chosen))) if chosen.size else 0
