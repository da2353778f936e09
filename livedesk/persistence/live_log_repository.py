"""The live log: appended as it happens, read back in time order."""

from __future__ import annotations

from sqlmodel import Session as DbSession
from sqlmodel import col, delete, select

from livedesk.domain.live_log import EventKind, LiveEvent, Marker
from livedesk.domain.roles import ScriptStep
from livedesk.persistence.tables import LiveEventRow
from livedesk.persistence.timecodec import from_ms, to_ms


def append_events(db: DbSession, session_id: int, events: list[LiveEvent]) -> None:
    rows = [
        LiveEventRow(
            session_id=session_id,
            at_ms=to_ms(e.at),
            kind=e.kind.value,
            segment_index=e.segment_index,
            step=e.step.value if e.step else None,
            marker=e.marker.value if e.marker else None,
            note=e.note,
            product_id=e.product_id,
        )
        for e in events
    ]
    db.add_all(rows)
    db.flush()
    for event, row in zip(events, rows, strict=False):
        event.id = row.id


def list_events(db: DbSession, session_id: int, zone: str) -> list[LiveEvent]:
    rows = db.exec(
        select(LiveEventRow)
        .where(col(LiveEventRow.session_id) == session_id)
        .order_by(col(LiveEventRow.at_ms), col(LiveEventRow.id))
    ).all()
    return [
        LiveEvent(
            id=r.id,
            at=from_ms(r.at_ms, zone),
            kind=EventKind(r.kind),
            segment_index=r.segment_index,
            step=ScriptStep(r.step) if r.step else None,
            marker=Marker(r.marker) if r.marker else None,
            note=r.note,
            product_id=r.product_id,
        )
        for r in rows
    ]


def clear_events(db: DbSession, session_id: int) -> None:
    db.exec(delete(LiveEventRow).where(col(LiveEventRow.session_id) == session_id))
