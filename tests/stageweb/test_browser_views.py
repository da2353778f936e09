"""The three views in real headless Chromium, following a scripted live run pushed by a real server: what
the host screen, the prompter and the run order show after go, skip, extend, marker, message and end; the
delay from a console action to the page drawing it (printed, not asserted); stale and reconnection."""

from __future__ import annotations

import queue
import time
from io import BytesIO

import pytest
from browser_helpers import (
    Latencies,
    applied,
    open_view,
    seq,
    set_viewport,
    text,
    visible,
    wait_for_push,
    wait_until,
)
from PIL import Image
from selenium.webdriver.common.by import By

from livedesk.domain.live_log import Marker
from livedesk.domain.live_run import Level
from livedesk.stageweb.tokens import Access
from livedesk.words import LEVEL_COLOURS


def css_colour(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def countdown_colour(driver) -> str:
    return driver.execute_script("return getComputedStyle(document.getElementById('countdown')).color")


def test_host_screen_follows_the_console_action_by_action(browser, show, capsys):
    latencies = Latencies()
    open_view(browser, show.url("/"))
    assert text(browser, "product") == "第一个环节: 开场"
    assert text(browser, "countdown") == "--:--"
    assert text(browser, "next-label") == "讲解 · 保温杯"
    assert text(browser, "live-word") == "实时"

    def step(name, action):
        before = seq(browser)
        started = show.act(action)
        record = wait_for_push(browser, before)
        latencies.add(name, started, record)

    step("go (opening)", lambda s: s.go())
    assert text(browser, "on-air-word") == "直播中"
    assert text(browser, "kind-chip") == "开场"
    assert text(browser, "countdown") == "02:00"
    assert css_colour(LEVEL_COLOURS[Level.NORMAL]) == countdown_colour(browser)

    show.clock.advance(130)
    step("go (pitch)", lambda s: s.go())
    assert text(browser, "product") == "保温杯"
    assert text(browser, "price") == "直播价 ¥49.00"
    assert text(browser, "mechanism") == "买一送一"
    assert text(browser, "step-name") == "痛点引入"
    assert text(browser, "step-count") == "步骤 1/5"
    assert text(browser, "step-remaining") == "00:30"
    assert text(browser, "countdown") == "03:00"
    assert text(browser, "next-label") == "过品"

    step("skip", lambda s: s.skip())
    assert text(browser, "next-label") == "讲解 · 羊毛围巾"

    step("extend +30 s", lambda s: s.extend(30))
    assert text(browser, "countdown") == "03:30"
    assert text(browser, "allowed").endswith("/ 03:30")

    show.clock.advance(12)
    step("step next", lambda s: s.step_next())
    assert text(browser, "step-name") == "卖点展示"
    assert text(browser, "step-remaining") == "01:00"

    assert not visible(browser, "marker")
    step("marker 上链接", lambda s: s.mark(Marker.LINK_UP))
    assert text(browser, "marker-text") == "上链接 20:02:22"
    assert visible(browser, "marker-flash") and text(browser, "marker-flash") == "上链接"

    step("lucky bag", lambda s: s.lucky_bag(300))
    assert visible(browser, "lucky-bag")
    assert text(browser, "lucky-bag-time") == "05:00"

    step("message", lambda s: s.send_message("讲慢一点，多展示细节", True))
    assert visible(browser, "message") and text(browser, "message") == "讲慢一点，多展示细节"
    assert "blink" in browser.find_element(By.ID, "message").get_attribute("class")

    # the clock alone: 190 s into a 210 s allowance is the danger phase, then over time
    show.clock.advance(178)
    before = seq(browser)
    show.publish(force=True)
    wait_for_push(browser, before)
    assert text(browser, "countdown") == "00:20"
    assert countdown_colour(browser) == css_colour(LEVEL_COLOURS[Level.WARNING])
    show.clock.advance(30)
    before = seq(browser)
    show.publish(force=True)
    wait_for_push(browser, before)
    assert text(browser, "countdown") == "-00:10"
    assert countdown_colour(browser) == css_colour(LEVEL_COLOURS[Level.OVERTIME])
    assert text(browser, "lucky-bag-time") == "01:32"
    show.clock.advance(95)
    before = seq(browser)
    show.publish(force=True)
    wait_for_push(browser, before)
    assert text(browser, "lucky-bag-time") == "福袋：现在开奖！"

    step("message cleared", lambda s: s.send_message("", False))
    assert not visible(browser, "message")

    step("end", lambda s: s.finish())
    assert text(browser, "on-air-word") == "直播已结束"
    assert text(browser, "product") == "已下播"
    assert text(browser, "countdown") == "--:--"
    assert browser.find_element(By.TAG_NAME, "body").get_attribute("data-state") == "finished"

    report = latencies.report("console action → drawn in Chromium (in-process server)")
    with capsys.disabled():
        print("\n" + report)
    # every action arrived and was drawn; the delays are reported above, not asserted
    assert list(latencies.samples) == [
        "go (opening)",
        "go (pitch)",
        "skip",
        "extend +30 s",
        "step next",
        "marker 上链接",
        "lucky bag",
        "message",
        "message cleared",
        "end",
    ]


def test_prompter_shows_the_script_with_the_running_step_and_local_controls(browser, show):
    show.act(lambda s: s.go())
    show.clock.advance(130)
    show.act(lambda s: s.go())
    open_view(browser, show.url("/prompter"))
    assert text(browser, "script-title") == "讲解 · 保温杯"
    blocks = browser.find_elements(By.CSS_SELECTOR, "#script .block")
    assert [b.find_element(By.TAG_NAME, "h2").text for b in blocks] == [
        "痛点引入",
        "卖点展示",
        "信任背书",
        "价格优惠",
        "逼单促成",
    ]
    current = browser.find_element(By.CSS_SELECTOR, "#script .block.current")
    assert current.get_attribute("data-step") == "pain_point"
    assert "热水放两个小时就凉了" in current.text

    before = seq(browser)
    show.act(lambda s: s.step_next())
    wait_for_push(browser, before)
    current = browser.find_element(By.CSS_SELECTOR, "#script .block.current")
    assert current.get_attribute("data-step") == "selling_points"
    assert "316 不锈钢内胆" in current.text

    size = browser.execute_script("return getComputedStyle(document.getElementById('script')).fontSize")
    browser.find_element(By.ID, "larger").click()
    larger = browser.execute_script("return getComputedStyle(document.getElementById('script')).fontSize")
    assert float(larger[:-2]) == float(size[:-2]) + 4
    browser.find_element(By.ID, "mirror").click()
    view = browser.find_element(By.ID, "script-view")
    assert "mirrored" in view.get_attribute("class")
    assert view.value_of_css_property("transform") == "matrix(-1, 0, 0, 1, 0, 0)"
    # local to this device: a reload keeps it, and nothing of it went to the server
    browser.refresh()
    wait_until(lambda: seq(browser) >= 1)
    assert "mirrored" in browser.find_element(By.ID, "script-view").get_attribute("class")
    browser.find_element(By.ID, "mirror").click()
    browser.find_element(By.ID, "smaller").click()

    before = seq(browser)
    show.clock.advance(200)
    show.act(lambda s: s.go())  # the transition: no pitch script, the segment's notes or nothing
    wait_for_push(browser, before)
    assert text(browser, "script-title") == "过品"


def test_run_order_marks_done_on_air_and_skipped_segments(browser, show):
    show.act(lambda s: s.go())
    open_view(browser, show.url("/rundown"))
    rows = browser.find_elements(By.CSS_SELECTOR, "#rows .row")
    assert [r.get_attribute("class") for r in rows] == [
        "row on_air",
        "row upcoming",
        "row upcoming",
        "row upcoming",
        "row upcoming",
    ]
    assert rows[1].find_element(By.CLASS_NAME, "seg").text == "讲解 · 保温杯"
    assert rows[1].find_element(By.CLASS_NAME, "start").text == "20:02:00"
    show.clock.advance(130)
    before = seq(browser)
    show.act(lambda s: s.go())
    show.act(lambda s: s.skip())
    wait_until(lambda: seq(browser) >= before + 2)
    rows = browser.find_elements(By.CSS_SELECTOR, "#rows .row")
    assert [r.get_attribute("class").split()[1] for r in rows] == [
        "done",
        "on_air",
        "skipped",
        "upcoming",
        "upcoming",
    ]
    assert rows[0].find_element(By.CLASS_NAME, "actual").text == "02:10"
    assert rows[0].find_element(By.CLASS_NAME, "state").text == "已完成"
    assert rows[2].find_element(By.CLASS_NAME, "state").text == "已跳过"
    assert text(browser, "over-under") == "00:50 提前"  # 10 s over, 60 s of transition skipped
    assert text(browser, "progress") == "1/4"


def test_a_page_shows_it_is_stale_and_reconnects_after_a_server_restart(browser, show):
    show.act(lambda s: s.go())
    open_view(browser, show.url("/"))
    body = browser.find_element(By.TAG_NAME, "body")
    assert "stale" not in body.get_attribute("class")
    port = show.server.port
    show.server.stop()
    wait_until(lambda: "stale" in body.get_attribute("class"))
    assert visible(browser, "stale-banner")
    assert "连接中断" in text(browser, "stale-banner")
    assert text(browser, "live-dot") == "○"
    # the run goes on while the server is down; the restarted server (same show, same link) catches up
    show.clock.advance(130)
    show.service.go()
    show.server.start("127.0.0.1", port)
    show.publish(force=True)
    wait_until(lambda: "stale" not in body.get_attribute("class") and text(browser, "product") == "保温杯")
    assert not visible(browser, "stale-banner")


def test_a_renewed_link_tells_the_old_page_to_scan_again(browser, show):
    open_view(browser, show.url("/"))
    show.server.renew_token()
    body = browser.find_element(By.TAG_NAME, "body")
    wait_until(lambda: "refused" in body.get_attribute("class"))
    assert "请扫描场控屏幕上的新二维码" in text(browser, "stale-banner")
    open_view(browser, show.url("/"))  # the new link works
    assert "refused" not in browser.find_element(By.TAG_NAME, "body").get_attribute("class")


def test_operator_link_presses_next_and_markers_view_link_cannot(browser, show):
    pressed: queue.Queue = queue.Queue()
    show.server.on_action = pressed.put
    open_view(browser, show.url("/"))
    assert not visible(browser, "operator")  # the view link has no keys

    show.server.enable_operator()
    open_view(browser, show.server.url("/", Access.OPERATOR))
    assert visible(browser, "operator")
    browser.find_element(By.CSS_SELECTOR, "#operator button[data-action='next']").click()
    action = pressed.get(timeout=5)
    assert (action.action, action.marker) == ("next", None)
    before = seq(browser)
    show.act(lambda s: s.go())  # what the console does with it on its own thread
    wait_for_push(browser, before)
    assert text(browser, "kind-chip") == "开场"
    browser.find_element(By.CSS_SELECTOR, "#operator button[data-marker='link_up']").click()
    action = pressed.get(timeout=5)
    assert (action.action, action.marker) == ("marker", Marker.LINK_UP)
    wait_until(lambda: text(browser, "operator-feedback") == "已发送 ✓")

    show.server.revoke_operator()
    wait_until(lambda: "refused" in browser.find_element(By.TAG_NAME, "body").get_attribute("class"))
    assert pressed.empty()


@pytest.fixture(autouse=True)
def _blank_page_after(browser):
    """Each test leaves a blank page (each test's server has its own port, so no storage is shared)."""
    yield
    browser.get("about:blank")


DEVICES = {"phone": (390, 844, True), "tablet": (1280, 800, False), "tv": (1920, 1080, False)}
PAGES = {"host": "/", "prompter": "/prompter", "rundown": "/rundown"}
FONT_STATUS = """
return [...document.fonts].filter(f => f.family.replace(/"/g, '') === 'Noto Sans SC LiveDesk')
  .map(f => f.status);
"""
BOX = "const r = document.querySelector(arguments[0]).getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom];"


def box(driver, selector: str) -> list[float]:
    return driver.execute_script(BOX, selector)


def test_screenshots_of_each_page_on_a_phone_and_a_tablet(browser, show, shots_dir):
    """Mid-show: a pitch in its second step, 福袋 running, a marker and a message. Saved for looking at
    (LIVEDESK_STAGEWEB_SHOTS keeps them); checked for the bundled font and a layout that fits."""
    show.act(lambda s: s.go())
    show.clock.advance(130)
    show.act(lambda s: s.go())
    show.clock.advance(35)
    show.act(lambda s: s.step_next())
    show.act(lambda s: s.mark(Marker.LINK_UP))
    show.act(lambda s: s.lucky_bag(300))
    show.act(lambda s: s.send_message("讲慢一点，多展示细节", False))
    show.clock.advance(14)
    show.publish(force=True)
    try:
        for device, (width, height, mobile) in DEVICES.items():
            set_viewport(browser, width, height, mobile=mobile)
            for page, path in PAGES.items():
                open_view(browser, show.url(path))
                browser.execute_script("return document.fonts.ready.then(() => true)")
                wait_until(lambda: browser.execute_script(FONT_STATUS) == ["loaded"])
                png = browser.get_screenshot_as_png()
                (shots_dir / f"{page}-{device}.png").write_bytes(png)
                assert Image.open(BytesIO(png)).size == (width, height)
                scroll_width = browser.execute_script("return document.documentElement.scrollWidth")
                assert scroll_width <= width  # nothing sticks out sideways
                if page == "host":
                    countdown, product = box(browser, "#countdown"), box(browser, "#product")
                    clock_card = box(browser, ".clock")
                    assert countdown[2] <= clock_card[2] + 1 and countdown[0] >= clock_card[0] - 1
                    if device == "phone":
                        assert countdown[3] <= product[1]  # portrait: the countdown on top
                    else:
                        assert countdown[0] >= product[2]  # landscape: beside what is on air
                        assert box(browser, ".below")[3] <= height  # all of it on one screen
                if page == "prompter":
                    current = box(browser, "#script .block.current")
                    middle = height / 2
                    wait_until(lambda middle=middle: box(browser, "#script .block.current")[1] < middle)
                    assert current[0] >= 0
                if page == "rundown":
                    start_shown = browser.find_element(By.CSS_SELECTOR, ".row.on_air .start").is_displayed()
                    assert start_shown == (device != "phone")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert sorted(p.name for p in shots_dir.glob("*.png")) == sorted(
        f"{page}-{device}.png" for page in PAGES for device in DEVICES
    )


def test_host_screen_of_livedesk_serve_follows_a_console_in_another_process(browser, tmp_path, capsys):
    """The whole path: the console's process writes the live log, `livedesk serve` follows it, the page draws."""
    import signal
    import subprocess
    import sys

    from stage_show import scripted_plan

    from livedesk.domain.clock import SystemClock
    from livedesk.persistence.store import Store
    from livedesk.services.live import LiveService
    from livedesk.services.sessions import save_plan

    db = str(tmp_path / "studio.sqlite3")
    store = Store(db)
    session_id = save_plan(store, scripted_plan())
    process = subprocess.Popen(
        [sys.executable, "-m", "livedesk", "--db", db, "serve", str(session_id), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = process.stdout.readline().strip()
        open_view(browser, url)
        assert text(browser, "product") == "第一个环节: 开场"
        console = LiveService(store, session_id, SystemClock())
        latencies = Latencies()
        for name, expected in (("go (opening)", "开场"), ("go (pitch)", "讲解"), ("go (transition)", "过品")):
            shown = seq(browser)
            before = time.time() * 1000
            console.go()
            wait_until(
                lambda expected=expected: (
                    text(browser, "on-air-word") == "直播中" and text(browser, "kind-chip") == expected
                )
            )
            record = applied(browser)
            assert record["seq"] > shown  # drawn from a push that came after the action
            latencies.add(name, before, record)
        before = time.time() * 1000
        console.mark(Marker.INCIDENT)
        wait_until(lambda: text(browser, "marker-text").startswith("事故"))
        latencies.add("marker 事故", before, applied(browser))
        before = time.time() * 1000
        console.finish()
        wait_until(lambda: text(browser, "on-air-word") == "直播已结束")
        latencies.add("end", before, applied(browser))
        with capsys.disabled():
            print("\n" + latencies.report("console in another process → livedesk serve → drawn in Chromium"))
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(10) == 0
        process.stdout.close()
        process.stderr.close()
        store.dispose()


def test_an_open_page_reloads_in_the_language_the_app_switched_to(browser, show):
    from livedesk.stageweb.view_state import view_state

    open_view(browser, show.url("/"))
    assert text(browser, "live-word") == "实时"
    show.server.set_language("en")  # what the console's panel does on the app's language switch
    show.server.publish(view_state(show.service.run, show.service.stored, show.scripts, "en"))
    wait_until(lambda: browser.execute_script("return document.documentElement.lang") == "en")
    wait_until(lambda: applied(browser) is not None)
    assert text(browser, "live-word") == "Live" and text(browser, "product").startswith("First up")
