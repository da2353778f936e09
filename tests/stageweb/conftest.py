"""Fixtures of the view-server tests: a scripted show served on 127.0.0.1, one headless Chromium per module
(the system's chromium through its chromedriver), and where screenshots go."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from headless_chromium import start_chromium
from stage_show import open_show

SHOTS_ENV = "LIVEDESK_STAGEWEB_SHOTS"  # a folder to keep the screenshots in, to look at them


@pytest.fixture
def show(store):
    show = open_show(store)
    yield show
    show.server.stop()


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the whole module (starting one takes seconds)."""
    driver = start_chromium()
    yield driver
    driver.quit()


@pytest.fixture
def shots_dir(tmp_path) -> Path:
    folder = Path(os.environ[SHOTS_ENV]) if os.environ.get(SHOTS_ENV) else tmp_path / "shots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
