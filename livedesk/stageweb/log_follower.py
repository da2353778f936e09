"""Keeps the view server in step with a run driven elsewhere: polls the session's live log every 100 ms by
its head (count, newest id, newest time), rebuilds the run from the log when it moved, and publishes the view state;
an unchanged run is re-published once a second so the pages' countdowns stay true."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from livedesk.domain.clock import Clock, SystemClock
from livedesk.domain.message import Message
from livedesk.persistence.store import Store
from livedesk.services import live_follow
from livedesk.stageweb.view_state import view_state
from livedesk.words.messages import say

POLL_SECONDS = 0.1
RESYNC_SECONDS = 1.0


class LogFollower:
    def __init__(
        self,
        store: Store,
        session_id: int,
        publish: Callable[[dict[str, Any]], Any],
        lang: str,
        *,
        clock: Clock | None = None,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        self.store = store
        self.session_id = session_id
        self.publish = publish
        self.lang = lang
        self.clock = clock or SystemClock()
        self.poll_seconds = poll_seconds
        self.rebuilds = 0
        self._built: live_follow.LogHead | None = None  # what the current run was rebuilt from
        self._run: live_follow.FollowedRun | None = None
        self._last_publish = 0.0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._complained = False

    def poll_once(self) -> bool:
        """Look at the log; rebuild and publish when it moved (True), else re-publish when a resync is due.
        Each console action is one transaction, so a rebuilt run is never half an action."""
        head = live_follow.head(self.store, self.session_id)
        now = time.monotonic()
        run = self._run
        moved = run is None or head != self._built
        if run is None or moved:
            run = self._run = live_follow.rebuild(self.store, self.session_id, self.clock)
            self._built = head
            self.rebuilds += 1
        elif now - self._last_publish < RESYNC_SECONDS:
            return False
        service = run.service
        self.publish(view_state(service.run, service.stored, run.session_scripts, self.lang))
        self._last_publish = now
        return moved

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="livedesk-log-follower", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.wait(self.poll_seconds):
            try:
                self.poll_once()
                self._complained = False
            except Exception as exc:  # a busy or vanished store must not kill the follower
                if not self._complained:
                    said = say(Message("cli.serve.log_unreadable"), self.lang)
                    sys.stderr.write(f"livedesk serve: {said} ({type(exc).__name__})\n")
                    self._complained = True
