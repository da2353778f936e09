"""The live log as CSV (`at,kind,segment_index,step,marker,note,product_id`), the format the importer
reads back with --kind log."""

from __future__ import annotations

from pathlib import Path

from livedesk.import_export.live_log_csv import live_log_text
from livedesk.persistence import live_log_repository, session_repository
from livedesk.persistence.store import Store


def export_live_log(store: Store, session_id: int, path: Path) -> int:
    """Write the session's log to `path` (UTF-8); returns the number of events. SessionNotFound if no session."""
    with store.reading() as db:
        session = session_repository.get_session(db, session_id)
        events = live_log_repository.list_events(db, session_id, session.timezone)
    text = live_log_text(events, session.timezone)
    tmp = Path(path).with_name(Path(path).name + ".part")
    tmp.write_text(text, encoding="utf-8", newline="")
    tmp.replace(path)
    return len(events)
