"""Any CSV/XLSX through a column mapping onto the canonical fields (DOMAIN.md §6).

A mapping is `{"kind": "orders", "columns": {"order_id": "订单编号", ...}, "sheet": optional,
"time_format": optional strptime format, "timezone": optional, "cancel_prefix": optional}`; it is made
once in the GUI and saved as a named preset, or given as a JSON file.
"""

from __future__ import annotations

from dataclasses import dataclass

from livedesk.domain.dataset import DatasetKind
from livedesk.domain.message import Message
from livedesk.import_export.fields import missing_columns
from livedesk.import_export.metric_tables import build_metric_table
from livedesk.import_export.minute_curve import read_minutes
from livedesk.import_export.orders import ORDER_TYPES, build_orders, missing_order_fields
from livedesk.import_export.parsed import ParsedDataset, ReadContext
from livedesk.import_export.tabular import RawTable
from livedesk.import_export.values import normalise_header

MAPPABLE_KINDS = ("orders", "products", "explanations", "minutes")
# Field names as users write them (DOMAIN.md §6) → stored column names (money in fen).
_FEN = {
    "amount": "amount_fen",
    "unit_price": "unit_price_fen",
    "refund_amount": "refund_amount_fen",
    "price": "price_fen",
    "gmv": "gmv_fen",
    "exposure_gpm": "exposure_gpm_fen",
}
FIELDS_BY_KIND = {
    "orders": tuple(name.removesuffix("_fen") for name in ORDER_TYPES),
    "products": (
        "product_id",
        "product_name",
        "price",
        "gmv",
        "units",
        "orders",
        "buyers",
        "product_exposure_uv",
        "product_click_uv",
        "exposure_to_click_rate",
        "click_to_buy_rate",
        "exposure_gpm",
        "explain_count",
        "refund_orders",
        "refund_amount",
        "first_listed_at",
    ),
    "explanations": (
        "product_id",
        "product_name",
        "start",
        "end",
        "gmv",
        "units",
        "online_change",
        "avg_online",
    ),
    "minutes": (
        "minute",
        "online",
        "entries",
        "exits",
        "gmv",
        "orders",
        "new_followers",
        "comments",
        "likes",
    ),
}


@dataclass
class ColumnMapping:
    kind: str
    columns: dict[str, str]  # canonical field (as users write it) → source header
    sheet: str | None = None
    time_format: str | None = None
    timezone: str | None = None
    cancel_prefix: str | None = None
    header_row: int | None = None  # 1-based; found automatically when absent

    def stored_columns(self) -> dict[str, str]:
        return {_FEN.get(name, name): header for name, header in self.columns.items()}

    def to_dict(self) -> dict:
        out = {"kind": self.kind, "columns": dict(self.columns)}
        for name in ("sheet", "time_format", "timezone", "cancel_prefix", "header_row"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        return out


def parse_mapping(data: object) -> ColumnMapping:
    """Validate a mapping document against its schema (mapping_schema); ValueError with one sentence naming
    the key and what it must hold when it is malformed."""
    from livedesk.import_export.mapping_schema import MappingError, validate

    checked = validate(data, FIELDS_BY_KIND)
    kind, columns = checked["kind"], checked["columns"]
    if not columns:
        raise MappingError("no_columns")
    if kind == "orders":
        missing = missing_order_fields({_FEN.get(k, k): v for k, v in columns.items()})
        if missing:
            raise MappingError("order_needs", missing=list(missing))
    return ColumnMapping(
        kind,
        {k: str(v) for k, v in columns.items()},
        checked["sheet"],
        checked["time_format"],
        checked["timezone"],
        checked["cancel_prefix"],
        checked["header_row"],
    )


def load_mapping_document(path) -> ColumnMapping:
    """A mapping JSON file → ColumnMapping; ValueError with one sentence naming the file or the key."""
    from pathlib import Path

    from livedesk.import_export.mapping_schema import MappingError, read_document

    path = Path(path)
    try:
        return parse_mapping(read_document(path))
    except MappingError as exc:
        if exc.reason.params.get("file") == path.name:
            raise
        raise MappingError("in_file", reason=exc.reason, file=path.name) from exc


def wanted_keys(mapping: ColumnMapping) -> set[str]:
    return {normalise_header(h) for h in mapping.columns.values()}


def read_mapped(raw: RawTable, mapping: ColumnMapping, context: ReadContext) -> ParsedDataset:
    keys = set(raw.keys)
    absent = [
        Message("phrase.mapped_column", {"header": header, "name": name})
        for name, header in mapping.columns.items()
        if normalise_header(header) not in keys
    ]
    if absent:
        what = Message("phrase.mapping", {"kind": Message(f"dataset.{mapping.kind}")})
        raise missing_columns(raw.name, absent, raw.headers, what)
    resolved = {name: normalise_header(header) for name, header in mapping.stored_columns().items()}
    if mapping.kind == "orders":
        parsed = build_orders(raw, resolved, context, cancel_prefix=mapping.cancel_prefix)
    elif mapping.kind == "minutes":
        parsed = read_minutes(raw, context, resolved)
    else:
        parsed = build_metric_table(
            raw, DatasetKind(mapping.kind), context, mapping=resolved, what=f"the {mapping.kind} mapping"
        )
    parsed.meta["mapping"] = mapping.to_dict()
    return parsed
