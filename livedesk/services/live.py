"""The live run with its log: the events of each console action are appended to the store in one small
transaction, so a crash loses at most the action in flight (whole, never half). Resumes from the stored
log by replaying it; a live action never edits the plan."""

from __future__ import annotations

from livedesk.domain.clock import Clock
from livedesk.domain.live_log import LiveEvent, Marker
from livedesk.domain.live_run import DEFAULT_ENCORE_SECONDS, LUCKY_BAG_TIMER, LiveRun, LiveStatus, RunState
from livedesk.persistence import live_log_repository, session_repository
from livedesk.persistence.store import Store
from livedesk.services.history import refresh_summaries, write_summaries

DEFAULT_LUCKY_BAG_SECONDS = 300


def read_run(store: Store, session_id: int) -> tuple:
    """(plan, stored log events) of a session, read together: what a LiveService is rebuilt from."""
    with store.reading() as db:
        plan = session_repository.load_plan(db, session_id)
        events = live_log_repository.list_events(db, session_id, plan.session.timezone)
    return plan, events


def read_log(store: Store, session_id: int, timezone: str) -> list[LiveEvent]:
    """The session's stored live log, in the order it happened."""
    with store.reading() as db:
        return live_log_repository.list_events(db, session_id, timezone)


class LiveService:
    """What the console (and any host view) drives. Action methods return the events that were stored."""

    def __init__(
        self,
        store: Store,
        session_id: int,
        clock: Clock,
        *,
        resume: bool = True,
        warning_seconds: int | None = None,
        danger_seconds: int | None = None,
        read: tuple | None = None,
    ) -> None:
        """`read`: (plan, events) from read_run, already read in the background (a session switch)."""
        self.store = store
        self.session_id = session_id
        self.clock = clock
        self._options = {
            k: v
            for k, v in (("warning_seconds", warning_seconds), ("danger_seconds", danger_seconds))
            if v is not None
        }
        self._resume = resume
        self.reload(read)

    def reload(self, read: tuple | None = None) -> None:
        """Rebuild the run from the stored plan and log (after a restart, or when the plan was edited)."""
        plan, events = read if read is not None else read_run(self.store, self.session_id)
        if not self._resume:
            events = []
        self._resume = True
        self.run = LiveRun(plan, self.clock, **self._options)
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
        events = self._store(self.run.next())
        if self.run.state is RunState.FINISHED:  # past the last block: the show ended by itself
            refresh_summaries(self.store, self.session_id)
        return events

    def unplayed_count(self) -> int:
        """How many blocks ending the show now would leave unplayed (for the confirmation)."""
        return self.run.unplayed_count()

    def finish(self) -> list[LiveEvent]:
        """End the show; the blocks not played are logged as 未播."""
        events = self._store(self.run.finish())
        refresh_summaries(self.store, self.session_id)  # the finished log is the session's actual run
        return events

    def step_next(self) -> list[LiveEvent]:
        return self._store(self.run.step_next())

    def step_previous(self) -> list[LiveEvent]:
        return self._store(self.run.step_previous())

    def skip(self, index: int | None = None) -> list[LiveEvent]:
        return self._store(self.run.skip(index))

    def unskip(self, index: int) -> list[LiveEvent]:
        return self._store(self.run.unskip(index))

    def extend(self, seconds: int) -> list[LiveEvent]:
        return self._store(self.run.extend(seconds))

    def mark(self, marker: Marker, note: str = "") -> LiveEvent:
        return self._store([self.run.mark(marker, note)])[0]

    def lucky_bag(self, seconds: int = DEFAULT_LUCKY_BAG_SECONDS) -> list[LiveEvent]:
        """Log the 福袋 marker and start its countdown."""
        return self._store(self.run.lucky_bag(seconds))

    def stop_lucky_bag(self) -> list[LiveEvent]:
        return self._store(self.run.cancel_timer(LUCKY_BAG_TIMER))

    def send_message(self, text: str, blink: bool = False) -> list[LiveEvent]:
        """The director's message on the host screen ("" clears it)."""
        return self._store(self.run.set_message(text, blink))

    def insert_encore(self, product_id: str, seconds: int = DEFAULT_ENCORE_SECONDS) -> list[LiveEvent]:
        """An encore after the current block, in the run order only: the plan stays as planned."""
        return self._store(self.run.insert_encore(product_id, seconds))

    def _store(self, events: list[LiveEvent]) -> list[LiveEvent]:
        # One action, one transaction: a kill between the events of a `next` must not leave a block ended
        # and its successor never started.
        if events:
            try:
                with self.store.transaction() as db:
                    live_log_repository.append_events(db, self.session_id, events)
            except Exception:
                self.reload()  # the run already moved in memory; go back to what the store holds
                raise
            self.stored.extend(events)
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
