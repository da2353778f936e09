"""The live console's browser-view panel, driven as a director would: switch it on for 127.0.0.1 and a port,
read the address and QR code, see devices connect, press keys that reach the browsers, renew the link,
hand a second device the operator link and take it back, and watch the server stop after the show."""

from __future__ import annotations

import http.client
import json
import socket
import urllib.error
import urllib.request
from urllib.parse import urlparse

import pytest
from PySide6.QtCore import QPoint, Qt
from stage_fixtures import open_stage_page

from livedesk.stageweb import qr
from livedesk.stageweb.tokens import Access
from livedesk.ui.rehearsal import stage_server_panel


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class Stream:
    """One device's event stream; `state()` returns the next pushed state."""

    def __init__(self, url: str) -> None:
        parts = urlparse(url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        self.connection.request("GET", f"/events?{parts.query}")
        self.response = self.connection.getresponse()

    def state(self) -> dict:
        event = None
        while True:
            line = self.response.readline().decode().rstrip("\n")
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: ") and event == "state":
                return json.loads(line[6:])["state"]

    def until(self, predicate, limit: int = 50) -> dict:
        """The first pushed state `predicate` accepts (resyncs of the state before may come first)."""
        for _ in range(limit):
            state = self.state()
            if predicate(state):
                return state
        raise AssertionError("the expected state was never pushed")

    def close(self) -> None:
        self.connection.close()


@pytest.fixture
def console(qtbot, app_context):
    page = open_stage_page(qtbot, app_context)
    page.show_mode("live")
    console = page.live_console
    yield console
    console.stage_server.stop()
    console.close_windows()


def tick_box(qtbot, box) -> None:
    """Click a check box on its box, as a user does (the widget may be wider than its label)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def switch_on(qtbot, panel, port: int) -> str:
    panel.address.setCurrentIndex(panel.address.findData("127.0.0.1"))
    panel.port.setValue(port)
    tick_box(qtbot, panel.switch)
    assert panel.server.running, panel.status_label.text()
    return panel.server.url("/")


def qr_image(panel):
    return panel.qr_label.pixmap().toImage()


def test_off_by_default_then_on_with_url_qr_and_connected_count(qtbot, console):
    panel = console.stage_server
    assert not panel.switch.isChecked() and not panel.server.running
    assert "未开启" in panel.url_label.text()
    choices = [panel.address.itemData(i) for i in range(panel.address.count())]
    assert choices[-1] == "127.0.0.1" and "仅本机" in panel.address.itemText(panel.address.count() - 1)

    port = free_port()
    url = switch_on(qtbot, panel, port)
    assert url.startswith(f"http://127.0.0.1:{port}/?t=")
    assert url in panel.url_label.text()
    assert qr_image(panel) == panel._qr_pixmap(url).toImage()  # the code of this very address
    assert len(qr.modules(url)) > 20
    assert status_of(url) == 200 and status_of(url.split("?")[0]) == 403

    stream = Stream(url)
    assert stream.state()["first"]["label"] == "开场"
    qtbot.waitUntil(lambda: panel.clients_label.text() == "已连接 1 台", timeout=5000)

    qtbot.keyClick(console, Qt.Key.Key_F5)  # the director's go reaches the device
    state = stream.until(lambda s: s["state"] == "running")
    assert state["segment"]["label"] == "开场"
    qtbot.keyClick(console, Qt.Key.Key_F1)  # 上链接
    assert stream.until(lambda s: s["marker"] is not None)["marker"]["name"] == "上链接"
    stream.close()
    qtbot.waitUntil(lambda: panel.clients_label.text() == "暂无设备连接", timeout=8000)

    tick_box(qtbot, panel.switch)
    assert not panel.server.running
    with pytest.raises(OSError):
        urllib.request.urlopen(url, timeout=2)


def test_new_link_on_request_and_at_a_new_show(qtbot, console):
    panel = console.stage_server
    first = switch_on(qtbot, panel, free_port())
    first_qr = qr_image(panel)
    qtbot.mouseClick(panel.new_link, Qt.MouseButton.LeftButton)
    second = panel.server.url("/")
    assert second != first and second in panel.url_label.text() and qr_image(panel) != first_qr
    assert status_of(first) == 403 and status_of(second) == 200

    console.go()
    panel.refresh()
    assert panel.server.url("/") == second  # going on air is the same show
    console.start_over(confirm=False)  # a new run: a new show, a new link
    third = panel.server.url("/")
    assert third != second and status_of(second) == 403 and status_of(third) == 200


def test_operator_link_is_off_by_default_presses_keys_and_can_be_revoked(qtbot, console):
    panel = console.stage_server
    switch_on(qtbot, panel, free_port())
    assert panel.server.tokens.operator is None and panel.operator_label.text() == ""
    tick_box(qtbot, panel.operator)
    operator_url = panel.server.url("/", Access.OPERATOR)
    assert operator_url in panel.operator_label.text()
    assert panel.operator_qr.isVisible()
    assert panel.operator_qr.pixmap().toImage() == panel._qr_pixmap(operator_url).toImage()
    base = operator_url.split("?")[0].rstrip("/")
    token = operator_url.split("t=")[1]

    def press(body: dict) -> int:
        request = urllib.request.Request(
            f"{base}/api/action?t={token}",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    assert press({"action": "next"}) == 202
    qtbot.waitUntil(lambda: console.service.status().index == 0, timeout=5000)  # go, on the GUI thread
    assert press({"action": "marker", "marker": "incident"}) == 202
    qtbot.waitUntil(lambda: any(e.marker and e.marker.value == "incident" for e in console.service.stored))

    tick_box(qtbot, panel.operator)  # revoke
    assert panel.operator_label.text() == "" and not panel.operator_qr.isVisible()
    assert press({"action": "next"}) == 403
    qtbot.wait(100)
    assert console.service.status().index == 0


def test_a_busy_port_is_said_in_one_sentence_and_the_switch_stays_off(qtbot, console):
    panel = console.stage_server
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        panel.address.setCurrentIndex(panel.address.findData("127.0.0.1"))
        panel.port.setValue(port)
        tick_box(qtbot, panel.switch)
        assert not panel.switch.isChecked() and not panel.server.running
        assert (
            panel.status_label.text().startswith("无法开启网页提示屏")
            and str(port) in panel.status_label.text()
        )


def test_the_server_stops_after_the_show_ends(qtbot, console, monkeypatch):
    monkeypatch.setattr(stage_server_panel, "END_GRACE_MS", 300)
    panel = console.stage_server
    url = switch_on(qtbot, panel, free_port())
    console.go()
    stream = Stream(url)
    stream.until(lambda s: s["state"] == "running")
    console._context.clock.advance(30)
    console.finish(confirm=False)
    stream.until(lambda s: s["state"] == "finished")  # the pages see the end before the server stops
    assert "直播已结束" in panel.status_label.text()
    qtbot.waitUntil(lambda: not panel.server.running, timeout=5000)
    assert not panel.switch.isChecked()
    stream.close()


def test_the_browser_views_follow_the_apps_language_switch(qtbot, qapp, console, app_context):
    from livedesk.stageweb.words import page_words
    from livedesk.ui.language_switch import switch_language

    panel = console.stage_server
    url = switch_on(qtbot, panel, free_port())
    with urllib.request.urlopen(url, timeout=5) as response:
        page = response.read().decode()
    assert '<html lang="zh-CN">' in page and page_words("zh_CN")["host_title"] in page
    stream = Stream(url)
    assert stream.state()["first"]["label"] == "开场"

    app_context.lang = "en"  # as the window's 语言 menu does before it re-words the windows
    switch_language(qapp, "en")
    # the open page is told to reload in English: the next push carries the new language and words
    event = None
    while True:
        line = stream.response.readline().decode().rstrip("\n")
        if line.startswith("event: "):
            event = line[7:]
        elif line.startswith("data: ") and event == "state":
            envelope = json.loads(line[6:])
            if envelope.get("lang") == "en":
                break
    assert envelope["state"]["first"]["label"].startswith("Opening")  # then the segment's own title
    stream.close()
    with urllib.request.urlopen(url, timeout=5) as response:
        page = response.read().decode()  # the next page load, without a restart
    assert '<html lang="en">' in page and page_words("en")["host_title"] in page
    assert page_words("zh_CN")["host_title"] not in page
