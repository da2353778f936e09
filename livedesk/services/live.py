"""The live run with its log: every event the run emits is appended to the store at once, one small
transaction per event, so a crash loses at most the last second. Resumes from the stored log."""

from __future__ import annotations

from livedesk.domain.clock import Clock
from livedesk.domain.live_log import LiveEvent, Marker
from livedesk.domain.live_run import LUCKY_BAG_TIMER, LiveRun, LiveStatus
from livedesk.persistence import live_log_repository, session_repository
from livedesk.persistence.store import Store
from livedesk.services.history import refresh_summaries, write_summaries

DEFAULT_LUCKY_BAG_SECONDS = 300


class LiveService:
    """What the console drives. Methods return the events that were stored."""

    def __init__(
        self,
        store: Store,
        session_id: int,
        clock: Clock,
        *,
        resume: bool = True,
        warning_seconds: int | None = None,
        danger_seconds: int | None = None,
    ) -> None:
        self.store = store
        self.session_id = session_id
        with store.reading() as db:
            plan = session_repository.load_plan(db, session_id)
            events = live_log_repository.list_events(db, session_id, plan.session.timezone) if resume else []
        options = {
            k: v
            for k, v in (("warning_seconds", warning_seconds), ("danger_seconds", danger_seconds))
            if v is not None
        }
        self.run = LiveRun(plan, clock, **options)
        if events:
            self.run.restore(events)
        self.stored: list[LiveEvent] = list(events)

    @property
    def plan(self):
        return self.run.plan

    def status(self) -> LiveStatus:
        return self.run.status()

    def go(self) -> list[LiveEvent]:
        return self._store(self.run.go())

    def next(self) -> list[LiveEvent]:
        return self._store(self.run.next())

    def finish(self) -> list[LiveEvent]:
        events = self._store(self.run.finish())
        refresh_summaries(self.store, self.session_id)  # the finished log is the session's actual run
        return events

    def step_next(self) -> list[LiveEvent]:
        return self._store(self.run.step_next())

    def step_previous(self) -> list[LiveEvent]:
        return self._store(self.run.step_previous())

    def skip(self, index: int | None = None) -> None:
        self.run.skip(index)

    def extend(self, seconds: int) -> None:
        self.run.extend(seconds)

    def mark(self, marker: Marker, note: str = "") -> LiveEvent:
        return self._store([self.run.mark(marker, note)])[0]

    def lucky_bag(self, seconds: int = DEFAULT_LUCKY_BAG_SECONDS, label: str = "") -> LiveEvent:
        """Log the 福袋 marker and start its countdown."""
        event = self.mark(Marker.LUCKY_BAG)
        self.run.start_timer(LUCKY_BAG_TIMER, seconds, label)
        return event

    def insert_encore(self, product_id: str, seconds: int = 180, title: str = "") -> int:
        """Insert an encore after the current segment and store the changed run order, so the log's
        segment indices keep pointing at the right segments."""
        at = self.run.insert_encore(product_id, seconds, title)
        with self.store.transaction() as db:
            session_repository.replace_segments(db, self.session_id, self.run.segments)
        self.run.plan.segments = list(self.run.segments)
        return at

    def _store(self, events: list[LiveEvent]) -> list[LiveEvent]:
        for event in events:
            with self.store.transaction() as db:
                live_log_repository.append_events(db, self.session_id, [event])
            self.stored.append(event)
        return events


def has_log(store: Store, session_id: int) -> bool:
    with store.reading() as db:
        plan = session_repository.get_session(db, session_id)
        return bool(live_log_repository.list_events(db, session_id, plan.timezone))


def clear_log(store: Store, session_id: int) -> None:
    """Forget a run (e.g. a dry run of the console) so a new one can start."""
    with store.transaction() as db:
        live_log_repository.clear_events(db, session_id)
        write_summaries(db, session_id)
