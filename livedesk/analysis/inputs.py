"""What a review is computed from: the plan, the live log and the session's stored tables (Qt- and DB-free).

The service loads these (only the columns the review needs) and hands them over; the analysis never opens
the store. Instants become UTC epoch milliseconds (int64) here so every later step is plain integer maths.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from livedesk.domain.dataset import Dataset
from livedesk.domain.live_log import LiveEvent
from livedesk.domain.session import SessionPlan

Number = int | float  # numpy scalars count too: they support the same operations

# Columns the review reads from each dataset kind (a subset of livedesk.domain.canonical).
NEEDED_COLUMNS = {
    "orders": [
        "order_id",
        "sub_order_id",
        "product_id",
        "sku",
        "quantity",
        "amount_fen",
        "created_at",
        "paid_at",
        "status",
        "after_sale_status",
        "refund_amount_fen",
        "buyer_id",
        "is_sale",
        "is_refund",
        "outside_window",
    ],
    "products": [
        "product_id",
        "product_name",
        "price_fen",
        "gmv_fen",
        "units",
        "orders",
        "buyers",
        "product_exposure_uv",
        "product_click_uv",
        "exposure_gpm_fen",
        "explain_count",
        "refund_amount_fen",
        "is_sku_row",
        "estimated",
    ],
    "explanations": ["product_id", "product_name", "start", "end", "gmv_fen", "units"],
    "minutes": ["minute", "online", "gmv_fen", "orders", "new_followers"],
    "summary": ["key", "value", "low", "high", "estimated", "label", "sheet"],
    "channels": ["channel", "pv", "uv", "gmv_fen", "orders", "ad_spend_fen", "avg_watch_seconds", "is_total"],
    "log": ["at", "kind", "segment_index", "step", "marker", "note", "product_id"],
}


@dataclass
class SourcedTable:
    """One stored table with the record of where it came from."""

    dataset: Dataset
    table: pa.Table

    @property
    def source(self) -> str:
        return source_label(self.dataset)


@dataclass
class ReviewInputs:
    plan: SessionPlan
    events: list[LiveEvent] = field(default_factory=list)
    tables: dict[str, list[SourcedTable]] = field(default_factory=dict)

    def of(self, kind: str) -> list[SourcedTable]:
        """The non-empty tables of `kind`, in the order the review weighs them: by source precedence
        (罗盘 > live workbook > others), then by name, so that the import order never changes a number.
        Order files keep their import order: a later download's copy of a line wins (order_lines.py)."""
        tables = [t for t in self.tables.get(kind, []) if t.table.num_rows > 0]
        return tables if kind == "orders" else sorted(tables, key=precedence_key)


# Formats whose numbers the platform measured itself come first when two sources give the same figure.
FORMAT_PRECEDENCE = ("compass_workbook", "live_workbook")


def precedence_key(sourced: SourcedTable) -> tuple[int, str, str]:
    fmt = sourced.dataset.format
    rank = FORMAT_PRECEDENCE.index(fmt) if fmt in FORMAT_PRECEDENCE else len(FORMAT_PRECEDENCE)
    return (rank, sourced.dataset.source_name, sourced.dataset.sheet or "")


def source_label(dataset: Dataset) -> str:
    return f"{dataset.source_name} · {dataset.sheet}" if dataset.sheet else dataset.source_name


def column(table: pa.Table, name: str) -> pa.ChunkedArray | None:
    """The column, or None when the file did not have it (every canonical column is optional)."""
    return table.column(name) if name in table.column_names else None


def epoch_ms(array: pa.ChunkedArray | pa.Array | None) -> npt.NDArray[np.int64]:
    """A timestamp column as int64 UTC epoch ms; nulls become NULL_MS (callers mask them out)."""
    if array is None:
        return np.empty(0, dtype=np.int64)
    if pa.types.is_timestamp(array.type) and array.type.unit != "ms":
        array = pc.cast(array, pa.timestamp("ms", tz=array.type.tz))
    as_int = pc.cast(array, pa.int64())
    return np.asarray(pc.fill_null(as_int, NULL_MS).to_numpy(), dtype=np.int64)


NULL_MS = np.iinfo(np.int64).min


def int_array(table: pa.Table, name: str, fill: int = 0) -> np.ndarray | None:
    """An integer column as int64 numpy with nulls as `fill`; None when the column is absent or all null."""
    col = column(table, name)
    if col is None or col.null_count == len(col):
        return None
    return np.asarray(pc.fill_null(col, fill).to_numpy(), dtype=np.int64)


def bool_array(table: pa.Table, name: str, default: bool) -> np.ndarray:
    col = column(table, name)
    if col is None:
        return np.full(table.num_rows, default, dtype=bool)
    return np.asarray(pc.fill_null(col, default).to_numpy(zero_copy_only=False), dtype=bool)


def ratio(numerator: Number | None, denominator: Number | None, scale: float = 1.0) -> float | None:
    """A ratio of sums; None when either side is missing or the denominator is zero (never invented)."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return float(numerator) * scale / float(denominator)


def fen_ratio(numerator: Number | None, denominator: Number | None, scale: int = 1) -> int | None:
    """A money ratio rounded half up to whole fen (exact decimal, never a binary-float sum)."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    value = Decimal(str(numerator)) * scale / Decimal(str(denominator))
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def yuan(fen: Number | None) -> float | None:
    """Integer fen to yuan with two decimals for JSON and display; None stays None."""
    if fen is None:
        return None
    return float((Decimal(int(round(fen))) / 100).quantize(Decimal("0.01")))


def to_ms(moment: datetime) -> int:
    """An aware datetime as UTC epoch ms (the store's convention)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetimes have no instant; attach the session's time zone first")
    return round(moment.timestamp() * 1000)


def iso(ms: int | None, zone: str) -> str | None:
    """Epoch ms → ISO 8601 in the session's zone (what JSON and reports show)."""
    if ms is None:
        return None
    from zoneinfo import ZoneInfo

    return datetime.fromtimestamp(ms / 1000, tz=UTC).astimezone(ZoneInfo(zone)).isoformat(timespec="seconds")
