"""Fixtures of the view-server tests: a scripted show served on 127.0.0.1, one headless Chromium per module
(the system's chromium through its chromedriver), and where screenshots go."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from stage_show import open_show

SHOTS_ENV = "LIVEDESK_STAGEWEB_SHOTS"  # a folder to keep the screenshots in, to look at them


def _tool(env: str, name: str) -> str | None:
    return os.environ.get(env) or shutil.which(name)


@pytest.fixture
def show(store):
    show = open_show(store)
    yield show
    show.server.stop()


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the whole module (starting one takes seconds)."""
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
    yield driver
    driver.quit()


@pytest.fixture
def shots_dir(tmp_path) -> Path:
    folder = Path(os.environ[SHOTS_ENV]) if os.environ.get(SHOTS_ENV) else tmp_path / "shots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
