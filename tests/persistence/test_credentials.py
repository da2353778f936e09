"""A postgresql://user:password@… URL given by --db or LIVEDESK_DATABASE_URL never reaches a plain file or
the screen: not the messages, the settings, the logs, the reports or the status bar."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SECRET = "S3cret-PW_7f"
ROOT = Path(__file__).resolve().parents[2]


def _files_holding(folder: Path, secret: str) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and secret.encode() in path.read_bytes():
            found.append(str(path.relative_to(folder)))
    return found


def _cli(args: list[str], env_url: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), LIVEDESK_LANG="en")
    if env_url is not None:
        env["LIVEDESK_DATABASE_URL"] = env_url
    return subprocess.run(
        [sys.executable, "-m", "livedesk.cli.main", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql://ld_user:{SECRET}@127.0.0.1:9/nodb",  # nothing listens: connection refused
        f"postgresql://ld_user:{SECRET}@127.0.0.1:notaport/nodb",  # not even a URL
        f"mysql://ld_user:{SECRET}@127.0.0.1:9/nodb",  # not a supported database
    ],
)
@pytest.mark.parametrize("given_by", ["--db", "environment"])
def test_a_failing_database_url_is_reported_without_its_password(url, given_by, isolated_folders):
    args = ["sessions", "list"]
    result = _cli(
        ["--db", url, *args] if given_by == "--db" else args, url if given_by == "environment" else None
    )
    assert result.returncode != 0
    said = result.stdout + result.stderr
    assert "ld_user:***@127.0.0.1" in said  # the user can tell which database was meant
    assert SECRET not in said and "Traceback" not in said
    assert _files_holding(isolated_folders, SECRET) == []


@pytest.mark.postgres
def test_a_team_store_keeps_its_password_off_screen_and_out_of_files(qtbot, qapp, pg_store, isolated_folders):
    from sqlalchemy.engine import make_url

    from livedesk.app import build_application
    from livedesk.services.review import run_review
    from livedesk.services.review_reports import write_report
    from livedesk.services.sessions import create_session
    from livedesk.ui.main_window import MainWindow

    password = make_url(pg_store.url).password
    assert password, "the CI PostgreSQL URL carries a password"
    from datetime import datetime
    from zoneinfo import ZoneInfo

    session = create_session(
        pg_store, "双十一", datetime(2026, 11, 14, 20, tzinfo=ZoneInfo("Asia/Shanghai")), 3600
    )
    _, context = build_application(
        "zh_CN", config_dir=str(isolated_folders / "config"), inline_tasks=True, store=pg_store
    )
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    from PySide6.QtWidgets import QLabel

    shown = [window.windowTitle(), window.statusBar().currentMessage()]
    shown += [label.text() for label in window.findChildren(QLabel)]
    assert any("***@" in text for text in shown)  # the status bar names the store
    assert not [text for text in shown if password in text]
    review = run_review(pg_store, session)
    reports = isolated_folders / "reports"
    reports.mkdir()
    for suffix in (".html", ".xlsx"):
        write_report(review, reports / f"复盘{suffix}")
    window.close()
    context.tasks.wait()
    assert _files_holding(isolated_folders, password) == []
