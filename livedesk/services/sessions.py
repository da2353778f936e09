"""Creating, listing (paged, per account, by title) and opening sessions."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from livedesk.domain.session import DEFAULT_TIMEZONE, Session, SessionPlan
from livedesk.domain.session_listing import SessionListItem, SessionPage
from livedesk.persistence import session_repository
from livedesk.persistence.store import Store

DEFAULT_PAGE = 50


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


def list_sessions(
    store: Store,
    *,
    account: str | None = None,
    search: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[SessionListItem]:
    """Sessions newest first (the list's columns only): one account's when given, titles containing
    `search`, `limit` rows from `offset`."""
    with store.reading() as db:
        return session_repository.list_sessions(
            db, account=account, search=search, limit=limit, offset=offset
        )


def session_page(
    store: Store,
    *,
    account: str | None = None,
    search: str | None = None,
    limit: int = DEFAULT_PAGE,
    offset: int = 0,
) -> SessionPage:
    """One page of the session list with the number of matching sessions (what a paged list shows)."""
    with store.reading() as db:
        items = session_repository.list_sessions(
            db, account=account, search=search, limit=limit, offset=offset
        )
        total = session_repository.count_sessions(db, account=account, search=search)
    return SessionPage(items=items, total=total, offset=offset, limit=limit)


def list_accounts(store: Store) -> list[tuple[str, int]]:
    """The accounts in the store with their session counts (an account filter's choices)."""
    with store.reading() as db:
        return session_repository.list_accounts(db)


def initial_session(store: Store, preferred: int | None) -> int | None:
    """The session to open at start-up: `preferred` (the last one) while it exists, else the newest; two
    indexed lookups instead of a listing."""
    with store.reading() as db:
        if preferred is not None and session_repository.session_exists(db, preferred):
            return preferred
        newest = session_repository.list_sessions(db, limit=1)
    return newest[0].id if newest else None


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
