"""The server's doors: 403 without or with a wrong token on every page, asset and stream; nothing outside the
views' own files (no path traversal); read-only views; the operator token separate and revocable; a renewed
token ends the old one at once."""

from __future__ import annotations

import http.client
import json

import pytest
from stage_http import http_get, http_post

from livedesk.stageweb.tokens import Access, AccessTokens

PATHS = [
    "/",
    "/prompter",
    "/rundown",
    "/api/state",
    "/events",
    "/assets/stage.css",
    "/assets/host.js",
    "/assets/NotoSansSC-Regular.otf",
    "/no-such-page",
    "/assets/../../pyproject.toml",
]


def raw_get(port: int, target: str) -> tuple[int, bytes]:
    """Send the request target exactly as written (no client-side clean-up of `..` or escapes)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.putrequest("GET", target, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read(200_000)
    finally:
        connection.close()


@pytest.mark.parametrize("path", PATHS)
def test_missing_or_wrong_token_is_refused_everywhere(show, path):
    port = show.server.port
    assert raw_get(port, path)[0] == 403
    assert raw_get(port, f"{path}?t=")[0] == 403
    wrong = show.server.tokens.view[:-1] + ("A" if show.server.tokens.view[-1] != "A" else "B")
    status, body = raw_get(port, f"{path}?t={wrong}")
    assert status == 403
    assert b"token" in body and b"<html" not in body


def test_the_right_token_opens_every_page_and_asset(show):
    for path in ("/", "/prompter", "/rundown"):
        status, body, headers = http_get(show.url(path))
        assert status == 200 and headers["Content-Type"].startswith("text/html")
        assert "Content-Security-Policy" in headers and headers["Referrer-Policy"] == "no-referrer"
        assert show.server.tokens.view in body.decode()  # the page's assets carry the token
    status, body, headers = http_get(show.url("/assets/NotoSansSC-Regular.otf"))
    assert status == 200 and headers["Content-Type"] == "font/otf" and body[:4] == b"OTTO"
    state = json.loads(http_get(show.url("/api/state"))[1])
    assert state["state"]["session"]["title"] == "双11 返场专场"


@pytest.mark.parametrize(
    "target",
    [
        "/assets/../../pyproject.toml",
        "/assets/..%2F..%2Fpyproject.toml",
        "/assets/%2e%2e/%2e%2e/pyproject.toml",
        "/assets/..\\..\\pyproject.toml",
        "/assets//etc/passwd",
        "/assets/%2Fetc%2Fpasswd",
        "/../../../../etc/passwd",
        "/assets/stageweb/host.js",
        "/assets/fonts/OFL.txt",
        "/assets/.%2e/i18n/zh_CN/stageweb.ts",
        "/resources/stageweb/host.html",
        "/static/host.js",
        "/assets/host.js%00.png",
    ],
)
def test_nothing_outside_the_views_own_files_is_served(show, target):
    token = show.server.tokens.view
    status, body = raw_get(show.server.port, f"{target}{'&' if '?' in target else '?'}t={token}")
    assert status in (400, 404)
    for secret in (b"[project]", b"root:", b"<TS", b"SIL OPEN FONT", b"<!doctype"):
        assert secret not in body


def test_views_are_read_only_and_the_operator_token_is_separate(show):
    pressed = []
    show.server.on_action = pressed.append
    base = show.base()
    view = show.server.tokens.view
    assert http_post(f"{base}/api/action?t={view}", {"action": "next"})[0] == 403
    assert show.server.tokens.operator is None  # off by default
    assert http_post(f"{base}/api/action", {"action": "next"})[0] == 403
    for method in ("PUT", "DELETE"):
        connection = http.client.HTTPConnection("127.0.0.1", show.server.port, timeout=5)
        connection.request(method, f"/?t={view}")
        assert connection.getresponse().status == 405
        connection.close()

    operator = show.server.enable_operator()
    assert operator != view
    assert http_post(f"{base}/api/action?t={operator}", {"action": "next"})[0] == 202
    assert http_post(f"{base}/api/action?t={operator}", {"action": "marker", "marker": "incident"})[0] == 202
    # the operator can press next and the markers only, nothing else
    assert http_post(f"{base}/api/action?t={operator}", {"action": "finish"})[0] == 400
    assert http_post(f"{base}/api/action?t={operator}", {"action": "marker", "marker": "note"})[0] == 400
    assert http_post(f"{base}/api/action?t={operator}", {"action": "marker", "marker": "../x"})[0] == 400
    assert [(a.action, a.marker and a.marker.value) for a in pressed] == [
        ("next", None),
        ("marker", "incident"),
    ]
    assert http_get(show.server.url("/", Access.OPERATOR))[0] == 200  # an operator also sees the views

    show.server.revoke_operator()
    assert http_post(f"{base}/api/action?t={operator}", {"action": "next"})[0] == 403
    assert http_get(f"{base}/?t={operator}")[0] == 403
    assert len(pressed) == 2


def test_a_new_token_ends_the_old_one_and_its_streams(show):
    old = show.server.tokens.view
    connection = http.client.HTTPConnection("127.0.0.1", show.server.port, timeout=5)
    connection.request("GET", f"/events?t={old}")
    stream = connection.getresponse()
    assert stream.status == 200 and stream.headers["Content-Type"] == "text/event-stream"
    assert b"event: state" in stream.read1(65536) or b"event: state" in stream.read1(65536)
    new = show.server.renew_token()
    assert new != old
    # the old stream is closed by the server (read returns the end), and the old token is refused
    remaining = b""
    while chunk := stream.read1(65536):
        remaining += chunk
    connection.close()
    assert http_get(f"{show.base()}/?t={old}")[0] == 403
    assert http_get(f"{show.base()}/?t={new}")[0] == 200


def test_tokens_are_random_and_compared_whole():
    tokens = AccessTokens()
    seen = {tokens.renew_view() for _ in range(200)}
    assert len(seen) == 200 and all(len(t) >= 22 for t in seen)
    assert tokens.check(tokens.view) is Access.VIEW
    assert tokens.check(tokens.view[:10]) is None
    assert tokens.check(tokens.view + "x") is None
    assert tokens.check(None) is None and tokens.check("") is None
    operator = tokens.enable_operator()
    assert tokens.check(operator) is Access.OPERATOR
    tokens.revoke_operator()
    assert tokens.check(operator) is None and tokens.operator is None


def test_the_server_listens_on_a_lan_address_the_director_picks(store):
    from stage_show import open_show

    from livedesk.stageweb import addresses

    lan = addresses.lan_addresses()
    if not lan:
        pytest.skip("this machine has no LAN address")
    assert addresses.choices()[-1] == "127.0.0.1" and addresses.LOOPBACK not in lan
    show = open_show(store)
    try:
        show.server.stop()
        show.server.start(lan[0], 0)
        url = show.server.url("/")
        assert url.startswith(f"http://{lan[0]}:") and http_get(url)[0] == 200
        assert http_get(url.split("?")[0])[0] == 403
        # bound to that address only: this machine's loopback does not answer on the port
        with pytest.raises(OSError):
            http.client.HTTPConnection("127.0.0.1", show.server.port, timeout=2).request("GET", "/")
    finally:
        show.server.stop()
    assert addresses.shown_host("0.0.0.0") == lan[0]
