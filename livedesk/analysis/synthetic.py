"""Canonical tables built in code (labelled synthetic): for tests and the review benchmark, so they do not
depend on any importer. Columns and Arrow types follow livedesk.domain.canonical exactly."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

import numpy as np
import pyarrow as pa

from livedesk.domain.canonical import COLUMNS_BY_KIND
from livedesk.domain.dataset import Dataset, DatasetKind

_TYPES = {
    "string": pa.string(),
    "int64": pa.int64(),
    "double": pa.float64(),
    "bool": pa.bool_(),
    "timestamp": pa.timestamp("ms", tz="UTC"),
}


def canonical_table(kind: str, values: Mapping[str, Sequence[object] | np.ndarray]) -> pa.Table:
    """A table of `kind` with every canonical column; absent ones are all null. Timestamps may be given as
    aware datetimes or int epoch ms."""
    spec = COLUMNS_BY_KIND[kind]
    unknown = set(values) - set(spec)
    if unknown:
        raise ValueError(f"not canonical {kind} columns: {sorted(unknown)}")
    rows = max((len(v) for v in values.values()), default=0)
    arrays = []
    for name, type_name in spec.items():
        arrow_type = _TYPES[type_name]
        data = values.get(name)
        if data is None:
            arrays.append(pa.nulls(rows, arrow_type))
        elif type_name == "timestamp" and isinstance(data, np.ndarray):
            arrays.append(pa.array(data.astype("int64"), pa.int64()).cast(arrow_type))
        elif type_name == "timestamp":
            arrays.append(pa.array([_ms(v) for v in data], pa.int64()).cast(arrow_type))
        else:
            arrays.append(pa.array(data, arrow_type))
    return pa.Table.from_arrays(arrays, names=list(spec))


def _ms(value: object) -> int | None:
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, datetime):
        return round(value.timestamp() * 1000)
    raise TypeError(f"a timestamp is an aware datetime or int epoch ms, not {value!r}")


def synthetic_dataset(
    session_id: int,
    kind: str,
    source_name: str,
    *,
    sheet: str | None = None,
    rows: int = 0,
    meta: dict[str, object] | None = None,
) -> Dataset:
    return Dataset(
        session_id=session_id,
        kind=DatasetKind(kind),
        format="synthetic",
        source_name=source_name,
        source_sha256=f"synthetic-{kind}-{source_name}-{sheet}",
        imported_at=datetime.now(UTC),
        sheet=sheet,
        rows_read=rows,
        rows_stored=rows,
        meta={"synthetic": True, **(meta or {})},
    )


def synthetic_orders(
    start_ms: int, seconds: int, count: int, product_ids: list[str], *, seed: int = 7
) -> pa.Table:
    """`count` order lines paid uniformly over the window, ~2% refunds, prices 19.90–299.00 yuan."""
    rng = np.random.default_rng(seed)
    paid = start_ms + rng.integers(0, seconds * 1000, size=count)
    product = rng.integers(0, len(product_ids), size=count)
    quantity = rng.integers(1, 4, size=count)
    unit = rng.integers(1990, 29900, size=count)
    refund = rng.random(count) < 0.02
    ids = np.char.add("O", np.arange(count).astype(str))
    return canonical_table(
        "orders",
        {
            "order_id": ids,
            "sub_order_id": ids,
            "product_id": np.asarray(product_ids, dtype=object)[product],
            "quantity": quantity,
            "unit_price_fen": unit,
            "amount_fen": unit * quantity,
            "paid_at": paid,
            "created_at": paid - 30_000,
            "status": np.full(count, "已支付", dtype=object),
            "refund_amount_fen": np.where(refund, unit * quantity, 0),
            "buyer_id": np.char.add("B", rng.integers(0, count // 3 + 1, size=count).astype(str)),
            "is_sale": np.ones(count, dtype=bool),
            "is_refund": np.zeros(count, dtype=bool),
            "outside_window": np.zeros(count, dtype=bool),
            "source_row": np.arange(2, count + 2),
        },
    )
