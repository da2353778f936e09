"""The live log as CSV (`at,kind,segment_index,step,marker,note,product_id`), the format the importer
reads back with --kind log."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from livedesk.domain.live_log import LiveEvent
from livedesk.persistence import live_log_repository, session_repository
from livedesk.persistence.store import Store

HEADER = ("at", "kind", "segment_index", "step", "marker", "note", "product_id")


def live_log_csv(events: list[LiveEvent]) -> str:
    """`at` is ISO 8601 with milliseconds and offset (2026-11-14T20:00:00.000+08:00); empty cells for none."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for e in events:
        writer.writerow([
            e.at.isoformat(timespec="milliseconds"), e.kind.value,
            "" if e.segment_index is None else e.segment_index, e.step.value if e.step else "",
            e.marker.value if e.marker else "", e.note or "", e.product_id or "",
        ])
    return buffer.getvalue()


def export_live_log(store: Store, session_id: int, path: Path) -> int:
    """Write the session's log to `path` (UTF-8); returns the number of events. SessionNotFound if no session."""
    with store.reading() as db:
        session = session_repository.get_session(db, session_id)
        events = live_log_repository.list_events(db, session_id, session.timezone)
    text = live_log_csv(events)
    tmp = Path(path).with_name(Path(path).name + ".part")
    tmp.write_text(text, encoding="utf-8", newline="")
    tmp.replace(path)
    return len(events)
