"""The view server: aiohttp on its own asyncio loop in a daemon thread, beside Qt's event loop or a CLI's
main thread. Any thread may publish a new state; it is encoded there and handed to the loop with
`call_soon_threadsafe`, so the server never touches the live run itself."""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from livedesk.domain.message import Message
from livedesk.stageweb.tokens import Access, AccessTokens
from livedesk.stageweb.view_state import steady_part
from livedesk.stageweb.web_app import OperatorAction, StreamHub, build_app, state_frame
from livedesk.words.messages import SaidInEnglish

DEFAULT_PORT = 8765
RESYNC_SECONDS = 1.0  # an unchanged state is still re-sent this often, to correct the pages' own counting
START_TIMEOUT = 10.0
STOP_TIMEOUT = 5.0


class StageServerError(SaidInEnglish, RuntimeError):
    """The server could not start (address in use, an address this machine does not have): `reason` is a
    `stage.*` Message; what the system said is in `details`."""

    def __init__(self, code: str, details: str | None = None, **params: Any) -> None:
        super().__init__(Message(f"stage.{code}", params), details)


class StageServer:
    """Start, publish, stop. `on_action` receives an operator's key on the server's thread: hand it on to
    your own thread (the GUI emits a queued signal)."""

    def __init__(
        self,
        *,
        tokens: AccessTokens | None = None,
        lang: str = "zh_CN",
        on_action: Callable[[OperatorAction], None] | None = None,
    ) -> None:
        self.tokens = tokens or AccessTokens()
        self.lang = lang
        self.on_action = on_action
        self.host: str | None = None
        self.port: int | None = None
        self._hub = StreamHub()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._latest: tuple[bytes, bytes] | None = None  # (SSE frame, JSON) of the last state
        self._last_steady: str | None = None
        self._last_sent = 0.0
        self._seq = 0

    # ---- life ---------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, host: str = "127.0.0.1", port: int = DEFAULT_PORT) -> None:
        """Listen on `host:port` (port 0 picks a free one); returns once it listens or raises."""
        if self.running:
            raise StageServerError("already_running")
        ready = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            self._loop = loop
            try:
                loop.run_until_complete(self._open(host, port))
            except BaseException as exc:  # handed to the starting thread, which raises it
                failure.append(exc)
                ready.set()
                loop.close()
                return
            ready.set()
            try:
                loop.run_forever()
            finally:
                loop.run_until_complete(self._close())
                loop.close()

        self._thread = threading.Thread(target=run, name="livedesk-stageweb", daemon=True)
        self._thread.start()
        if not ready.wait(START_TIMEOUT):
            raise StageServerError("start_timeout", host=host, port=str(port), seconds=round(START_TIMEOUT))
        if failure:
            self._thread.join(STOP_TIMEOUT)
            self._thread = None
            exc = failure[0]
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise StageServerError("cannot_listen", reason, host=host, port=str(port)) from exc

    async def _open(self, host: str, port: int) -> None:
        if self._latest is not None:
            self._hub.latest, self._hub.latest_json = self._latest
        app = build_app(self._hub, self.tokens, lambda: self.lang, self._forward_action)
        # the streams end themselves on stop; a short timeout keeps a stuck client from holding the exit
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port, reuse_address=True)
        try:
            await site.start()
        except BaseException:
            await self._runner.cleanup()
            raise
        bound = self._runner.addresses[0]
        self.host, self.port = host, int(bound[1])

    async def _close(self) -> None:
        self._hub.close_all()
        await asyncio.sleep(0)  # let the streams see their end before the connections close
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def stop(self) -> None:
        """Stop listening and end every stream (the pages show they are stale and keep retrying)."""
        thread, loop = self._thread, self._loop
        if thread is None or loop is None:
            return
        if thread.is_alive():
            loop.call_soon_threadsafe(loop.stop)
            thread.join(STOP_TIMEOUT)
        self._thread = self._loop = None

    # ---- tokens ------------------------------------------------------------------------------
    def renew_token(self) -> str:
        """A new view token; pages holding the old one are disconnected and told to scan again."""
        token = self.tokens.renew_view()
        self._call(self._hub.close_where, lambda client: client.access is Access.VIEW)
        return token

    def enable_operator(self) -> str:
        token = self.tokens.enable_operator()
        self._call(self._hub.close_where, lambda client: client.access is Access.OPERATOR)
        return token

    def revoke_operator(self) -> None:
        self.tokens.revoke_operator()
        self._call(self._hub.close_where, lambda client: client.access is Access.OPERATOR)

    # ---- state -------------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Word the pages in `lang` from now on: the next page load reads the new words, and the next state
        published (sent even if unchanged) makes open pages reload in it."""
        with self._lock:
            self.lang = lang
            self._last_steady = None

    def publish(self, state: dict[str, Any], *, force: bool = False) -> bool:
        """Hand a new view state to the server (any thread). A state whose steady part is unchanged is
        sent at most once a RESYNC_SECONDS (pages count the clock down themselves); returns whether sent."""
        steady = json.dumps(steady_part(state), sort_keys=True, ensure_ascii=False)
        now = time.monotonic()
        with self._lock:
            changed = steady != self._last_steady
            if not (force or changed or now - self._last_sent >= RESYNC_SECONDS):
                return False
            self._seq += 1
            # the language tells an open page to reload itself when the app's language changed
            envelope = {
                "seq": self._seq,
                "sent_ms": round(time.time() * 1000, 1),
                "lang": self.lang,
                "state": state,
            }
            payload = json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode()
            frame = state_frame(payload)
            self._latest, self._last_steady, self._last_sent = (frame, payload), steady, now
        self._call(self._hub.broadcast, frame, payload)
        return True

    @property
    def client_count(self) -> int:
        """Streams connected now (a device that vanished is noticed within a keep-alive)."""
        return len(self._hub.clients)

    # ---- addresses ---------------------------------------------------------------------------
    def url(self, path: str = "/", access: Access = Access.VIEW, host: str | None = None) -> str:
        """The full address of a page with its token, e.g. for the QR code."""
        if self.port is None:
            raise StageServerError("not_started")
        token = self.tokens.operator if access is Access.OPERATOR else self.tokens.view
        if token is None:
            raise StageServerError("operator_token_off")
        shown = host or self.host or "127.0.0.1"
        if ":" in shown:
            shown = f"[{shown}]"
        return f"http://{shown}:{self.port}{path}?{urlencode({'t': token})}"

    # ---- internals ---------------------------------------------------------------------------
    def _call(self, function: Callable[..., Any], *args: Any) -> None:
        loop = self._loop
        if loop is not None and self.running:
            # the loop may close between the check and the call: the server is stopping, nothing to do
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(function, *args)

    def _forward_action(self, action: OperatorAction) -> None:
        if self.on_action is not None:
            self.on_action(action)
