"""Writes for many sessions at once (the studio generator): a plan's pool and run order copied to another
session inside the database, and live-log events inserted as plain rows. Building one ORM object per row
costs ~1 ms in sqlmodel; these cost a few microseconds a row and store exactly the same rows."""

from __future__ import annotations

from sqlalchemy import insert, literal, select
from sqlmodel import Session as DbSession

from livedesk.domain.live_log import LiveEvent
from livedesk.persistence.tables import LiveEventRow, ProductRow, SegmentRow, table_of
from livedesk.persistence.timecodec import to_ms


def copy_plan_rows(db: DbSession, from_session_id: int, to_session_id: int) -> None:
    """Give `to_session_id` the same pool and run order as `from_session_id` (INSERT … SELECT)."""
    for table in (table_of(ProductRow), table_of(SegmentRow)):
        names = [c.name for c in table.columns if c.name not in ("id", "session_id")]
        source = select(literal(to_session_id), *(table.c[name] for name in names)).where(
            table.c.session_id == from_session_id
        )
        db.execute(insert(table).from_select(["session_id", *names], source))


def insert_events(db: DbSession, session_id: int, events: list[LiveEvent]) -> None:
    """The events as rows of the session's live log (ids are not read back)."""
    if not events:
        return
    db.execute(
        insert(table_of(LiveEventRow)),
        [
            {
                "session_id": session_id,
                "at_ms": to_ms(e.at),
                "kind": e.kind.value,
                "segment_index": e.segment_index,
                "step": e.step.value if e.step else None,
                "marker": e.marker.value if e.marker else None,
                "note": e.note,
                "product_id": e.product_id,
            }
            for e in events
        ],
    )
