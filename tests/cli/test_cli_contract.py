"""The CLI contract other issues and scripts rely on: --db anywhere, JSON output, exit 2 with one line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import livedesk
from livedesk.cli.main import main


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "livedesk", *args], capture_output=True, text=True, timeout=120
    )


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"livedesk {livedesk.__version__}"


def test_create_and_list_sessions_with_db_before_or_after_the_command(tmp_path, capsys):
    db = str(tmp_path / "team.sqlite3")
    assert (
        main(
            [
                "--db",
                db,
                "sessions",
                "create",
                "--title",
                "双12预热",
                "--start",
                "2026-12-10T20:00",
                "--minutes",
                "180",
                "--json",
            ]
        )
        == 0
    )
    created = json.loads(capsys.readouterr().out)
    assert main(["sessions", "list", "--json", "--db", db]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [s["session_id"] for s in listed] == [created["session_id"]]
    assert listed[0]["start"] == "2026-12-10T20:00:00+08:00"
    assert listed[0]["planned_seconds"] == 180 * 60


def test_environment_variable_selects_the_database(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LIVEDESK_DATABASE_URL", f"sqlite:///{tmp_path / 'env.sqlite3'}")
    assert main(["sessions", "create", "--title", "t", "--start", "2026-12-10T20:00", "--minutes", "60"]) == 0
    capsys.readouterr()
    assert (tmp_path / "env.sqlite3").exists()


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["frobnicate"], "invalid choice"),
        (
            ["sessions", "create", "--title", "t", "--start", "tomorrow", "--minutes", "60"],
            "YYYY-MM-DDTHH:MM",
        ),
        (
            ["sessions", "create", "--title", "t", "--start", "2026-12-10T20:00", "--minutes", "-5"],
            "--minutes",
        ),
        (["--db", "postgresql://u:p@127.0.0.1:9/x", "sessions", "list"], "cannot open the database"),
        (["screenshot", "--workspace", "plan", "--out", "shot.jpg"], ".png"),
    ],
)
def test_user_errors_exit_2_with_one_line_and_no_traceback(argv, fragment, tmp_path):
    result = run("--db", str(tmp_path / "x.sqlite3"), *argv) if argv[0] != "--db" else run(*argv)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0]
    assert "Traceback" not in result.stderr


def test_screenshot_renders_the_window_at_1600x1000(tmp_path):
    db = str(tmp_path / "s.sqlite3")
    assert (
        run(
            "--db",
            db,
            "sessions",
            "create",
            "--title",
            "截图测试",
            "--start",
            "2026-12-10T20:00",
            "--minutes",
            "60",
        ).returncode
        == 0
    )
    out = tmp_path / "plan.png"
    result = run("screenshot", "--workspace", "plan", "--db", db, "--out", str(out))
    assert result.returncode == 0, result.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    assert (
        run(
            "screenshot", "--workspace", "review", "--session", "999", "--db", db, "--out", str(out)
        ).returncode
        == 2
    )
