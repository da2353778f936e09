"""Following a live run that another process drives (the director's GUI): a cheap look at the stored log,
and the run rebuilt from that log with everything a view needs. Used by `livedesk serve`."""

from __future__ import annotations

from dataclasses import dataclass

from livedesk.domain.clock import Clock
from livedesk.persistence.live_log_head import LogHead, log_head
from livedesk.persistence.store import Store
from livedesk.services import scripts
from livedesk.services.live import LiveService


@dataclass
class FollowedRun:
    """The run as the log tells it, and the session's opening/transition/closing scripts."""

    service: LiveService
    session_scripts: dict[str, str]


def head(store: Store, session_id: int) -> LogHead:
    with store.reading() as db:
        return log_head(db, session_id)


def rebuild(store: Store, session_id: int, clock: Clock) -> FollowedRun:
    """The run state rebuilt from the stored log (SessionNotFound when the session is gone)."""
    service = LiveService(store, session_id, clock, resume=True)
    return FollowedRun(service, scripts.load_session_scripts(store, session_id))
