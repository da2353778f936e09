"""Reading a view in the browser: wait for a push to be on screen, read what an element shows, and the
measured delay between a console action and the page drawing it (from the page's own record)."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

WAIT_SECONDS = 10


def applied(driver) -> dict | None:
    return driver.execute_script("return window.stageApplied || null;")


def seq(driver) -> int:
    shown = applied(driver)
    return int(shown["seq"]) if shown else 0


def open_view(driver, url: str) -> None:
    driver.get(url)
    WebDriverWait(driver, WAIT_SECONDS, poll_frequency=0.02).until(lambda d: seq(d) >= 1)


def wait_for_push(driver, after: int) -> dict:
    """Wait until a push newer than `after` is drawn; returns the page's record of it."""
    WebDriverWait(driver, WAIT_SECONDS, poll_frequency=0.01).until(lambda d: seq(d) > after)
    return applied(driver)


def text(driver, element_id: str) -> str:
    return driver.find_element(By.ID, element_id).text


def visible(driver, element_id: str) -> bool:
    return driver.find_element(By.ID, element_id).is_displayed()


@dataclass
class Latencies:
    """Per action, in milliseconds: from the console action to the page drawing it, and the part of that
    from the server's push (the page's record carries the push time) to the drawing."""

    samples: dict[str, float] = field(default_factory=dict)
    pushed: dict[str, float] = field(default_factory=dict)

    def add(self, name: str, action_ms: float, record: dict) -> float:
        latency = float(record["shownMs"]) - action_ms
        self.samples[name] = latency
        self.pushed[name] = float(record["shownMs"]) - float(record["sentMs"])
        return latency

    def report(self, title: str) -> str:
        values, pushed = list(self.samples.values()), list(self.pushed.values())
        lines = [
            f"{title}: {len(values)} actions, action → drawn median {statistics.median(values):.1f} ms, "
            f"max {max(values):.1f} ms; push → drawn median {statistics.median(pushed):.1f} ms, "
            f"max {max(pushed):.1f} ms"
        ]
        lines += [
            f"  {name}: {value:.1f} ms (push → drawn {self.pushed[name]:.1f} ms)"
            for name, value in self.samples.items()
        ]
        return "\n".join(lines)


def wait_until(predicate, timeout: float = WAIT_SECONDS, interval: float = 0.02):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"not true within {timeout} s: {predicate}")


def set_viewport(driver, width: int, height: int, *, mobile: bool = False) -> None:
    """The exact CSS viewport of a device (the window's own size would include headless chrome)."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
    )
