"""Creating, listing and opening sessions."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from livedesk.domain.session import DEFAULT_TIMEZONE, Session, SessionPlan
from livedesk.persistence import session_repository
from livedesk.persistence.store import Store


def parse_local_start(text: str, timezone: str = DEFAULT_TIMEZONE) -> datetime:
    """`2026-11-21T20:00` (wall time in the session's zone) → aware datetime; ValueError when malformed."""
    try:
        moment = datetime.strptime(text.strip(), "%Y-%m-%dT%H:%M")
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a start time; write it as YYYY-MM-DDTHH:MM") from exc
    return moment.replace(tzinfo=ZoneInfo(timezone))


def create_session(
    store: Store,
    title: str,
    start: datetime,
    planned_seconds: int,
    *,
    platform: str = "douyin",
    account: str = "",
) -> int:
    session = Session(
        title=title, start=start, planned_seconds=planned_seconds, platform=platform, account=account
    )
    with store.transaction() as db:
        return session_repository.add_session(db, session)


def list_sessions(store: Store) -> list[Session]:
    with store.reading() as db:
        return session_repository.list_sessions(db)


def load_plan(store: Store, session_id: int) -> SessionPlan:
    with store.reading() as db:
        return session_repository.load_plan(db, session_id)


def save_plan(store: Store, plan: SessionPlan) -> int:
    with store.transaction() as db:
        return session_repository.save_plan(db, plan)


def update_session(store: Store, session: Session) -> None:
    with store.transaction() as db:
        session_repository.update_session(db, session)


def delete_session(store: Store, session_id: int) -> None:
    with store.transaction() as db:
        session_repository.delete_session(db, session_id)
