"""A cheap look at a session's live log from another process: how many events, the newest id and time.
Any append, clear or replacement of the log changes it, so a follower re-reads the log only then."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session as DbSession
from sqlmodel import col, select

from livedesk.persistence.tables import LiveEventRow


@dataclass(frozen=True)
class LogHead:
    count: int
    last_id: int | None
    last_at_ms: int | None


def log_head(db: DbSession, session_id: int) -> LogHead:
    count, last_id, last_at = db.exec(
        select(func.count(), func.max(LiveEventRow.id), func.max(LiveEventRow.at_ms)).where(
            col(LiveEventRow.session_id) == session_id
        )
    ).one()
    return LogHead(int(count), last_id, last_at)
