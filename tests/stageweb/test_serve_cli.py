"""`livedesk serve` as a separate process, as a script or the studio's spare PC runs it: the URL with its token
is the first line, the three views are served under it, the run driven by another process (the director's
console writing the live log) reaches the stream, and SIGINT/SIGTERM stop it cleanly."""

from __future__ import annotations

import http.client
import json
import signal
import statistics
import subprocess
import sys
import time
from urllib.parse import parse_qs, urlparse

import pytest
from stage_http import free_port, http_get
from stage_show import scripted_plan

from livedesk.domain.clock import SystemClock
from livedesk.domain.live_log import Marker
from livedesk.persistence.store import Store
from livedesk.services.live import LiveService
from livedesk.services.sessions import save_plan


def start_serve(db: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "livedesk", "--db", db, "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def first_line(process: subprocess.Popen) -> str:
    line = process.stdout.readline().strip()
    if not line:
        process.kill()
        raise AssertionError(f"no URL printed; stderr: {process.stderr.read()}")
    return line


class EventStream:
    """A plain HTTP client of /events that hands back each state as it arrives, with the arrival time."""

    def __init__(self, url: str) -> None:
        parts = urlparse(url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        self.connection.request("GET", f"/events?{parts.query}")
        self.response = self.connection.getresponse()
        assert self.response.status == 200

    def next_state(self) -> tuple[dict, float]:
        event = None
        while True:
            line = self.response.readline().decode().rstrip("\n")
            if line.startswith("event: "):
                event = line[len("event: ") :]
            elif line.startswith("data: ") and event == "state":
                return json.loads(line[len("data: ") :])["state"], time.time() * 1000

    def wait_for(self, predicate) -> tuple[dict, float]:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            state, arrived = self.next_state()
            if predicate(state):
                return state, arrived
        raise AssertionError("the state never arrived")

    def close(self) -> None:
        self.connection.close()


@pytest.fixture
def served(tmp_path):
    db = str(tmp_path / "studio.sqlite3")
    store = Store(db)
    session_id = save_plan(store, scripted_plan())
    with start_serve(
        db, str(session_id), "--host", "127.0.0.1", "--port", "0"
    ) as process:  # closes its pipes
        url = first_line(process)
        yield store, session_id, process, url
        if process.poll() is None:
            process.kill()
            process.wait(10)
    store.dispose()


def test_serve_prints_the_url_and_follows_a_run_driven_by_another_process(served, capsys):
    store, session_id, process, url = served
    parts = urlparse(url)
    assert parts.scheme == "http" and parts.hostname == "127.0.0.1" and parts.path == "/"
    token = parse_qs(parts.query)["t"][0]
    assert len(token) >= 22
    base = f"http://127.0.0.1:{parts.port}"
    for path in ("/", "/prompter", "/rundown"):
        assert http_get(f"{base}{path}?t={token}")[0] == 200
        assert http_get(f"{base}{path}")[0] == 403
        assert http_get(f"{base}{path}?t=wrong{token}")[0] == 403

    stream = EventStream(url)
    state, _ = stream.wait_for(lambda s: True)
    assert state["state"] == "ready" and state["first"]["label"] == "开场"

    # the director's console in another process: every action lands in the live log, which serve follows
    console = LiveService(store, session_id, SystemClock())
    delays = {}

    def act(name, action, predicate):
        before = time.time() * 1000
        action()
        state, arrived = stream.wait_for(predicate)
        delays[name] = arrived - before
        return state

    act("go (opening)", console.go, lambda s: s["segment"] and s["segment"]["index"] == 0)
    state = act("go (pitch)", console.go, lambda s: s["segment"] and s["segment"]["index"] == 1)
    assert state["segment"]["product"] == "保温杯" and state["step"]["name"] == "痛点引入"
    state = act("step", console.step_next, lambda s: s["step"] and s["step"]["key"] == "selling_points")
    assert [b["current"] for b in state["script"]["blocks"]] == [False, True, False, False, False]
    state = act("marker", lambda: console.mark(Marker.LINK_UP), lambda s: s["marker"] is not None)
    assert state["marker"]["name"] == "上链接"
    # skip, extend, 福袋 and the message are events in the log too, so a follower rebuilds them exactly
    state = act("skip", console.skip, lambda s: s["next"] and s["next"]["label"] == "讲解 · 羊毛围巾")
    assert [row["state"] for row in state["run_order"]][2] == "skipped"
    state = act("extend", lambda: console.extend(30), lambda s: s["allowed"] == 210)
    state = act("lucky bag", lambda: console.lucky_bag(300), lambda s: s["lucky_bag"] is not None)
    assert 290 < state["clock"]["lucky_bag_remaining"] <= 300
    state = act("message", lambda: console.send_message("看镜头", True), lambda s: s["message"]["text"])
    assert state["message"] == {"text": "看镜头", "blink": True}
    state = act("end", console.finish, lambda s: s["state"] == "finished")
    assert [row["state"] for row in state["run_order"]] == ["done", "done", "skipped", "unplayed", "unplayed"]
    stream.close()
    with capsys.disabled():
        values = list(delays.values())
        print(
            f"\nlivedesk serve (log followed every 100 ms): console action in another process → stream in "
            f"median {statistics.median(values):.0f} ms, max {max(values):.0f} ms over {len(values)} actions"
        )

    process.send_signal(signal.SIGTERM)
    assert process.wait(10) == 0
    assert "浏览器视图已停止" in process.stderr.read()
    with pytest.raises(OSError):
        http.client.HTTPConnection("127.0.0.1", parts.port, timeout=2).request("GET", "/")


def test_serve_stops_on_sigint(served):
    _, _, process, url = served
    assert http_get(url)[0] == 200
    process.send_signal(signal.SIGINT)
    assert process.wait(10) == 0
    assert "Traceback" not in process.stderr.read()


def test_serve_refuses_an_unknown_session_and_a_busy_port(tmp_path, store):
    db = str(tmp_path / "studio.sqlite3")
    session_id = save_plan(Store(db), scripted_plan())
    result = subprocess.run(
        [sys.executable, "-m", "livedesk", "--db", db, "serve", "999"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "999" in result.stderr

    port = free_port()
    first = start_serve(db, str(session_id), "--port", str(port))
    try:
        first_line(first)
        result = subprocess.run(
            [sys.executable, "-m", "livedesk", "--db", db, "serve", str(session_id), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.count("\n") == 1 and str(port) in result.stderr and "端口" in result.stderr
    finally:
        first.send_signal(signal.SIGTERM)
        first.wait(10)
        first.stdout.close()
        first.stderr.close()
