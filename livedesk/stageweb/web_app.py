"""The aiohttp application of the view server: the token guard, the three pages, their fixed set of assets,
the state as JSON, the Server-Sent Events stream and the operator's keys. Everything here runs on the
server's own event loop; `StreamHub` is the only state the handlers share."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web

from livedesk.domain.live_log import Marker
from livedesk.resources import CJK_FONT_FILE, resource_path
from livedesk.stageweb.tokens import Access, AccessTokens
from livedesk.stageweb.words import page_words
from livedesk.words import LEVEL_COLOURS

KEEPALIVE_SECONDS = 2.0  # a quiet stream still says something this often, so a dead client is found
CLIENT_QUEUE = 8  # frames a slow client may fall behind before the oldest is dropped (the newest wins)
PING_FRAME = b"event: ping\ndata: {}\n\n"
OPERATOR_MARKERS = (Marker.LINK_UP, Marker.LUCKY_BAG, Marker.ENCORE, Marker.INCIDENT)
ACCESS_KEY = web.RequestKey("access", Access)

PAGES = {"/": "host.html", "/prompter": "prompter.html", "/rundown": "rundown.html"}


@dataclass(frozen=True)
class Asset:
    """A file the pages load. Only names listed in ASSETS are served: a request never names a path."""

    resource: str  # under resources/
    content_type: str
    templated: bool = False  # carries {{TOKEN}} placeholders


ASSETS = {
    "stage.css": Asset("stageweb/stage.css", "text/css", templated=True),
    "common.js": Asset("stageweb/common.js", "text/javascript"),
    "host.js": Asset("stageweb/host.js", "text/javascript"),
    "prompter.js": Asset("stageweb/prompter.js", "text/javascript"),
    "rundown.js": Asset("stageweb/rundown.js", "text/javascript"),
    "NotoSansSC-Regular.otf": Asset(CJK_FONT_FILE, "font/otf"),
}

SECURITY_HEADERS = {
    # the pages load only their own files; the token in the address never leaves in a Referer
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


class OperatorAction:
    """What a second device asked for: `next`, or a marker."""

    def __init__(self, action: str, marker: Marker | None = None) -> None:
        self.action, self.marker = action, marker

    def __repr__(self) -> str:
        return f"OperatorAction({self.action!r}, {self.marker!r})"


@dataclass(eq=False)
class StreamClient:
    access: Access
    queue: asyncio.Queue = field(default_factory=lambda: asyncio.Queue(CLIENT_QUEUE))

    def offer(self, frame: bytes | None) -> None:
        """Queue a frame; a client that fell behind loses its oldest frame, never the newest."""
        if self.queue.full():
            self.queue.get_nowait()
        self.queue.put_nowait(frame)


class StreamHub:
    """The connected streams and the latest state frame. Used only on the server's event loop."""

    def __init__(self) -> None:
        self.clients: set[StreamClient] = set()
        self.latest: bytes | None = None  # the last state as an SSE frame
        self.latest_json: bytes | None = None  # and as plain JSON (for /api/state)

    def broadcast(self, frame: bytes, payload: bytes) -> None:
        self.latest, self.latest_json = frame, payload
        for client in list(self.clients):
            client.offer(frame)

    def close_where(self, refused: Callable[[StreamClient], bool]) -> None:
        """End the streams `refused` picks (a token renewed or revoked); their pages reconnect and are told."""
        for client in list(self.clients):
            if refused(client):
                client.offer(None)

    def close_all(self) -> None:
        self.close_where(lambda _client: True)


def state_frame(payload: bytes) -> bytes:
    """One SSE frame; the JSON has no raw line breaks (json.dumps escapes them inside strings)."""
    return b"event: state\ndata: " + payload + b"\n\n"


def palette_css() -> str:
    return (
        ":root {\n"
        + "".join(f"  --level-{level.value}: {colour};\n" for level, colour in LEVEL_COLOURS.items())
        + "}\n"
    )


def _template(text: str, token: str, words_json: str, lang: str, access: Access = Access.VIEW) -> str:
    return (
        text.replace("{{TOKEN}}", token)
        .replace("{{ACCESS}}", access.value)
        .replace("{{LANG}}", "zh-CN" if lang == "zh_CN" else "en")
        .replace("{{WORDS}}", words_json.replace("</", "<\\/"))
    )


def build_app(
    hub: StreamHub,
    tokens: AccessTokens,
    language: Callable[[], str],
    on_action: Callable[[OperatorAction], None] | None,
) -> web.Application:
    """`language()` is asked on every page load: the pages follow the app's language switch without a
    restart (the state the pages poll is worded by whoever publishes it, in the same language)."""
    worded: dict[str, str] = {}

    def words_json(lang: str) -> str:
        if lang not in worded:
            worded[lang] = json.dumps(page_words(lang), ensure_ascii=False)
        return worded[lang]

    texts = {name: resource_path(f"stageweb/{name}").read_text(encoding="utf-8") for name in PAGES.values()}
    texts |= {
        name: resource_path(asset.resource).read_text(encoding="utf-8")
        for name, asset in ASSETS.items()
        if asset.content_type.startswith("text/")
    }
    texts["stage.css"] = palette_css() + texts["stage.css"]
    font_path: Path = resource_path(CJK_FONT_FILE)

    @web.middleware
    async def guard(request: web.Request, handler):
        """Every page, asset and stream needs a valid token: 403 before anything else is looked at."""
        token = request.query.get("t", "")
        access = tokens.check(token)
        if access is None:
            response = web.Response(
                status=403, text="403: a valid access token is needed (scan the QR code)\n"
            )
        else:
            request[ACCESS_KEY] = access
            try:
                response = await handler(request)
            except web.HTTPException as exc:
                response = web.Response(status=exc.status, text=exc.text)
                if "Allow" in exc.headers:
                    response.headers["Allow"] = exc.headers["Allow"]
        if not isinstance(response, web.StreamResponse) or not response.prepared:
            response.headers.update(SECURITY_HEADERS)
        return response

    def page(name: str):
        async def handler(request: web.Request) -> web.Response:
            lang = language()
            body = _template(texts[name], request.query["t"], words_json(lang), lang, request[ACCESS_KEY])
            return web.Response(
                text=body, content_type="text/html", charset="utf-8", headers={"Cache-Control": "no-store"}
            )

        return handler

    async def asset(request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        found = ASSETS.get(name)
        if found is None:
            raise web.HTTPNotFound(text="404: no such file in the views\n")
        if name == "NotoSansSC-Regular.otf":
            # 8 MB: let the device keep it for the show (the address changes with the token anyway)
            return web.FileResponse(
                font_path,
                headers={"Content-Type": found.content_type, "Cache-Control": "private, max-age=86400"},
            )
        body = texts[name]
        if found.templated:
            lang = language()
            body = _template(body, request.query["t"], words_json(lang), lang)
        return web.Response(
            text=body, content_type=found.content_type, charset="utf-8", headers={"Cache-Control": "no-cache"}
        )

    async def state(_request: web.Request) -> web.Response:
        if hub.latest_json is None:
            return web.json_response({"state": None}, headers={"Cache-Control": "no-store"})
        return web.Response(
            body=hub.latest_json,
            content_type="application/json",
            charset="utf-8",
            headers={"Cache-Control": "no-store"},
        )

    async def events(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(
            headers={
                "Content-Type": "text/event-stream",
                "Cache-Control": "no-store",
                "X-Accel-Buffering": "no",
                **SECURITY_HEADERS,
            }
        )
        await response.prepare(request)
        client = StreamClient(request[ACCESS_KEY])
        hub.clients.add(client)
        try:
            # a page reconnecting a second after a failure should wait that long, not the browser's default
            await response.write(b"retry: 1000\n\n" + (hub.latest or PING_FRAME))
            while True:
                try:
                    frame = await asyncio.wait_for(client.queue.get(), KEEPALIVE_SECONDS)
                except TimeoutError:
                    frame = PING_FRAME
                if frame is None:
                    break
                await response.write(frame)
        except ConnectionError:
            pass  # the device went away; nothing to tell it
        finally:
            hub.clients.discard(client)
        return response

    async def action(request: web.Request) -> web.Response:
        if request[ACCESS_KEY] is not Access.OPERATOR or on_action is None:
            raise web.HTTPForbidden(text="403: the views are read-only; this needs the operator token\n")
        try:
            body = await request.json()
            kind = body.get("action")
            marker = Marker(body["marker"]) if kind == "marker" else None
        except (ValueError, KeyError, AttributeError, TypeError) as exc:
            raise web.HTTPBadRequest(text='400: send {"action": "next"} or a marker\n') from exc
        if kind not in ("next", "marker") or (marker is not None and marker not in OPERATOR_MARKERS):
            raise web.HTTPBadRequest(text="400: the operator can press next and the markers only\n")
        on_action(OperatorAction(kind, marker))
        return web.json_response({"accepted": kind, "marker": marker.value if marker else None}, status=202)

    app = web.Application(middlewares=[guard], client_max_size=4096)
    for path, name in PAGES.items():
        app.router.add_get(path, page(name))
    app.router.add_get("/assets/{name}", asset)
    app.router.add_get("/api/state", state)
    app.router.add_get("/events", events)
    app.router.add_post("/api/action", action)
    return app
