"""The system's Chromium, headless, through its chromedriver: shared by the browser-view tests and the HTML
report tests. Skips where it is not installed, fails on CI (which must run those tests)."""

from __future__ import annotations

import os
import shutil

import pytest


def _tool(env: str, name: str) -> str | None:
    return os.environ.get(env) or shutil.which(name)


def start_chromium():
    chromium = _tool("LIVEDESK_CHROMIUM", "chromium")
    driver_path = _tool("LIVEDESK_CHROMEDRIVER", "chromedriver")
    if not chromium or not driver_path:
        missing = "chromium and chromium-driver are not installed (make test installs them)"
        if os.environ.get("CI"):
            pytest.fail(f"{missing}; CI must run the browser tests")
        pytest.skip(missing)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in (
        "--headless=new",
        "--no-sandbox",  # tests run as root in CI
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(30)
    return driver
