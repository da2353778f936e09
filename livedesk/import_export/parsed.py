"""What a reader hands back: canonical tables with their row counts, warnings and provenance notes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pyarrow as pa

from livedesk.domain.dataset import DatasetKind, RowWarning
from livedesk.import_export.errors import ImportCancelled


@dataclass
class ParsedDataset:
    kind: DatasetKind
    table: pa.Table
    sheet: str | None = None
    rows_read: int = 0
    rows_skipped: int = 0
    warnings: list[RowWarning] = field(default_factory=list)
    meta: dict = field(default_factory=dict)


@dataclass
class ParsedFile:
    format: str
    datasets: list[ParsedDataset] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)
    meta: dict = field(default_factory=dict)


@dataclass
class ReadContext:
    """The session facts a reader needs: its zone, its live window (UTC ms) and how to report progress."""

    zone: str = "Asia/Shanghai"
    window_ms: tuple[int, int] | None = None
    time_format: str | None = None
    progress: Callable[[float, str], None] | None = None
    cancelled: Callable[[], bool] | None = None

    def step(self, fraction: float, message: str) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled()
        if self.progress is not None:
            self.progress(fraction, message)
