"""An imported file's record: what it was, where it came from and how the import went."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from livedesk.domain.message import Message


class DatasetKind(StrEnum):
    """What an imported table holds (canonical fields in DOMAIN.md §6)."""

    ORDERS = "orders"
    PRODUCTS = "products"  # per-product metrics (货品明细, 商品明细)
    EXPLANATIONS = "explanations"  # 商品讲解: the actual run order
    MINUTES = "minutes"  # per-minute curve
    SUMMARY = "summary"  # session-level key/value metrics (基本信息, 整体看板, 场次概览 …)
    CHANNELS = "channels"  # traffic sources (渠道分析 / 渠道流量)
    LOG = "log"  # LiveDesk's own live-log CSV


@dataclass
class RowWarning:
    """A row that was read with a problem. `code` and `params` are what the screens word (the Message
    `row.<code>`, livedesk.words.row_messages); `message` is the English sentence for logs and for warnings
    stored before they carried their values."""

    row: int  # 1-based row number in the source file (header is row 1)
    code: str
    message: str
    # Values of the sentence: "column", "value" (the cell as quoted), "outcome" ("skipped", "empty" …).
    params: dict[str, Any] = field(default_factory=dict)

    def says(self) -> Message:
        return Message(f"row.{self.code}", self.params)


@dataclass
class Dataset:
    """Provenance of one imported table; the rows themselves are stored beside it in columnar form."""

    session_id: int
    kind: DatasetKind
    format: str  # detected format key, e.g. "doudian_orders", "compass_workbook"
    source_name: str  # file name as the user gave it
    source_sha256: str
    imported_at: datetime
    sheet: str | None = None
    rows_read: int = 0
    rows_stored: int = 0
    rows_skipped: int = 0
    warnings: list[RowWarning] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # e.g. session window, detected encoding, findings
    id: int | None = None
