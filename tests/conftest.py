"""Test set-up: headless Qt before any Qt import, fresh settings and data folders, a fresh store per test."""

from __future__ import annotations

import os
from pathlib import Path

# Without a platform a headless run aborts the whole process. The offscreen screen defaults to 800x600,
# smaller than a director's monitor; give it a 1920x1200 desktop so window geometry behaves as on one.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={Path(__file__).with_name('offscreen_screen.json')}"
    )

import pytest
from pg_databases import empty_database


@pytest.fixture(autouse=True)
def isolated_folders(tmp_path, monkeypatch):
    """Every test gets its own data and config folders and never sees the user's database."""
    monkeypatch.setenv("LIVEDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LIVEDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("LIVEDESK_DATABASE_URL", raising=False)
    yield tmp_path
    # The vocabulary's current language is process-wide (the UI and CLI set it); each test starts in Chinese.
    from livedesk.words import set_language

    set_language("zh_CN")


@pytest.fixture
def store(tmp_path):
    from livedesk.persistence.store import Store

    store = Store(f"sqlite:///{tmp_path / 'test.sqlite3'}")
    yield store
    store.dispose()


@pytest.fixture
def pg_store():
    """A Store on a fresh database of the test PostgreSQL server (skipped outside CI when none is configured)."""
    from livedesk.persistence.store import Store

    with empty_database() as url:
        store = Store(url)
        yield store
        store.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_store(request):
    """The same test on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return request.getfixturevalue("store")
    return request.getfixturevalue("pg_store")


@pytest.fixture
def app_context(qapp, store, tmp_path):
    """An AppContext on a fresh store with inline background tasks, registered font and Chinese UI."""
    from livedesk.app import build_application

    _, context = build_application(
        "zh_CN", config_dir=str(tmp_path / "config"), inline_tasks=True, store=store
    )
    yield context
    context.tasks.wait()


@pytest.fixture
def show_active(qtbot):
    """Show a top-level widget and wait until it is the active window, so keyboard shortcuts reach it."""

    def show(widget):
        widget.show()
        qtbot.waitExposed(widget)
        widget.raise_()
        widget.activateWindow()
        qtbot.waitUntil(widget.isActiveWindow, timeout=3000)
        return widget

    return show
