"""Checks an import makes against what the session already holds, so nothing is accepted silently:
order lines already known from an earlier download, and a file whose times miss the session's day."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import numpy as np
import pyarrow as pa

from livedesk.domain.dataset import Dataset, DatasetKind
from livedesk.domain.ids import saved
from livedesk.domain.message import Message
from livedesk.persistence import dataset_repository

DAY_MS = 24 * 3600 * 1000
KEY_COLUMNS = ["order_id", "sub_order_id", "product_id", "sku", "paid_at", "created_at"]
OUTSIDE_SESSION = "file_outside_session"


def already_known(db, session_id: int, parsed, replaced: set[int], zone: str) -> list[dict]:
    """For each earlier order file of the session, how many of the new file's lines it already held
    ([{"file", "rows"}], oldest first). The review keeps the newer copy (order_lines.py)."""
    from livedesk.analysis.order_lines import dedup_keys, known_counts, line_times

    new = [d.table for d in parsed.datasets if d.kind is DatasetKind.ORDERS]
    if not new:
        return []
    earlier = []
    for dataset in dataset_repository.list_datasets(db, session_id, DatasetKind.ORDERS, zone=zone):
        if dataset.id in replaced:
            continue
        table = _load(db, saved(dataset.id))
        earlier.append((dataset.source_name, dedup_keys(table, line_times(table))))
    if not earlier:
        return []
    keys = pa.concat_arrays([dedup_keys(t, line_times(t)) for t in new])
    return [{"file": name, "rows": rows} for name, rows in known_counts(keys, earlier)]


def _load(db, dataset_id: int, columns: list[str] = KEY_COLUMNS) -> pa.Table:
    try:
        return dataset_repository.load_table(db, dataset_id, columns=columns)
    except (pa.ArrowInvalid, KeyError):
        table = dataset_repository.load_table(db, dataset_id)
        return table.select([c for c in columns if c in table.column_names])


def orders_gmv_fen(
    db, session_id: int, stored: list[Dataset], new: list[pa.Table], window_ms: tuple[int, int]
) -> int:
    """GMV of the session's order files (stored ones, then the new file's tables) in the window, each
    sale once: the same rules as the review (livedesk.analysis.orders.sale_lines)."""
    from livedesk.analysis.inputs import NEEDED_COLUMNS, SourcedTable
    from livedesk.analysis.orders import order_arrays

    tables = [SourcedTable(d, _load(db, saved(d.id), NEEDED_COLUMNS["orders"])) for d in stored]
    # The file being imported has no stored record yet; only its name is read (for labels).
    incoming = Dataset(session_id, DatasetKind.ORDERS, "incoming", "(this file)", "", datetime.now(UTC))
    tables += [SourcedTable(incoming, t) for t in new]
    orders = order_arrays(tables, window_ms)
    if orders is None or orders.amount_fen is None:
        return 0
    return int(orders.amount_fen[orders.in_window].sum())


def file_time_range(parsed) -> tuple[int, int] | None:
    """The earliest and latest instant the file speaks of (paid/created times, 开播/关播, explanation and
    minute stamps, log events), epoch ms; None when it has none."""
    from livedesk.analysis.inputs import NULL_MS, epoch_ms

    found: list[np.ndarray] = []
    for item in parsed.datasets:
        table = item.table
        if item.kind is DatasetKind.SUMMARY:
            keys = table.column("key").to_pylist()
            values = table.column("value").to_pylist()
            live = [v for k, v in zip(keys, values, strict=False) if k in ("live_start_ms", "live_end_ms")]
            found.append(np.array([int(v) for v in live if v is not None], dtype=np.int64))
            continue
        for name in ("paid_at", "created_at", "start", "end", "minute", "at"):
            if name in table.column_names and pa.types.is_timestamp(table.column(name).type):
                found.append(epoch_ms(table.column(name)))
    if not found:
        return None
    stamps = np.concatenate(found)
    stamps = stamps[stamps != NULL_MS]
    if not stamps.size:
        return None
    return int(stamps.min()), int(stamps.max())


def outside_session(name: str, parsed, window_ms: tuple[int, int], zone: str) -> dict | None:
    """A notice when none of the file's times fall within the session's window ± 1 day (a wrong-day file:
    imported, never silently)."""
    span = file_time_range(parsed)
    if span is None:
        return None
    lo, hi = window_ms[0] - DAY_MS, window_ms[1] + DAY_MS
    if span[1] >= lo and span[0] <= hi:
        return None
    file_range = (_local(span[0], zone), _local(span[1], zone))
    session_range = (_local(window_ms[0], zone), _local(window_ms[1], zone))
    return {
        "code": OUTSIDE_SESSION,
        "file": name,
        "file_range": list(file_range),
        "session_range": list(session_range),
        "says": Message(
            "import.outside_session",
            {
                "file": name,
                "file_from": file_range[0],
                "file_to": file_range[1],
                "session_from": session_range[0],
                "session_to": session_range[1],
            },
        ).to_json(),
        "message": f"{name} covers {file_range[0]} – {file_range[1]}, but the session runs "
        f"{session_range[0]} – {session_range[1]}: not within a day of it. It was imported; check that it "
        "belongs to this session.",
    }


def _local(ms: int, zone: str) -> str:
    moment = datetime.fromtimestamp(ms / 1000, tz=UTC).astimezone(ZoneInfo(zone))
    return moment.strftime("%Y-%m-%d %H:%M")
