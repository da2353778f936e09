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
    "argv, chinese, english",
    [
        (["frobnicate"], "invalid choice", "invalid choice"),  # argparse's own words
        (
            ["sessions", "create", "--title", "t", "--start", "tomorrow", "--minutes", "60"],
            "不是开播时间；请写成 YYYY-MM-DDTHH:MM",
            "is not a start time; write it as YYYY-MM-DDTHH:MM",
        ),
        (
            ["sessions", "create", "--title", "t", "--start", "2026-12-10T20:00", "--minutes", "-5"],
            "--minutes 必须是正的分钟数",
            "--minutes must be a positive number of minutes",
        ),
        (
            ["--db", "postgresql://u:p@127.0.0.1:9/x", "sessions", "list"],
            "无法打开数据库",
            "cannot open the database",
        ),
        (
            ["screenshot", "--workspace", "plan", "--out", "shot.jpg"],
            "--out 必须是 .png 文件",
            "--out must name a .png file",
        ),
        (["sessions", "list", "--limit", "0"], "--limit 必须是正数", "--limit must be a positive number"),
        (["plan", "show", "x7"], "“x7”不是场次编号", "'x7' is not a session id"),
        (["review", "42"], "没有编号为 42 的场次", "there is no session 42"),
        (["lint", "no-such-script.txt"], "找不到文件：no-such-script.txt", "file not found: no-such"),
    ],
)
def test_user_errors_exit_2_with_one_line_in_the_lang_language(argv, chinese, english, tmp_path):
    for lang, fragment in (("zh_CN", chinese), ("en", english)):
        where = ["--db", str(tmp_path / "x.sqlite3")] if argv[0] != "--db" else []
        result = run("--lang", lang, *where, *argv)
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert fragment in lines[0]
        assert "Traceback" not in result.stderr
        if lang == "zh_CN" and fragment != "invalid choice":
            # Chinese by default: the same line without --lang
            assert run(*where, *argv).stderr == result.stderr


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
