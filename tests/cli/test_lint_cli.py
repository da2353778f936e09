"""`livedesk lint`: text and JSON output, exit codes, standard input, team words."""

from __future__ import annotations

import io
import json
import sys

from livedesk.cli.main import main
from livedesk.services.lexicon import save_user_words

SCRIPT = "大家好\n今天全网最低价，第一次来的宝宝点关注\n原价199元\n"


def test_json_hits_and_exit_1_on_error(tmp_path, capsys):
    path = tmp_path / "script.txt"
    path.write_text(SCRIPT, encoding="utf-8")
    assert main(["lint", str(path), "--json", "--db", str(tmp_path / "db.sqlite3")]) == 1
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert [(h["line"], h["column"], h["text"], h["severity"]) for h in hits] == [
        (2, 3, "全网最低价", "error"),
        (3, 1, "原价", "warning"),
    ]
    assert set(hits[0]) >= {"line", "column", "text", "category", "severity", "suggestion"}
    assert hits[1]["category"] == "price" and hits[1]["suggestion"]


def test_only_warnings_exit_0_and_text_output(tmp_path, capsys):
    path = tmp_path / "script.txt"
    path.write_text("原价199元，第一个链接\n", encoding="utf-8")
    assert main(["lint", str(path), "--no-team-words"]) == 0
    said = capsys.readouterr()
    # Chinese by default: the severity and the category in words, never their codes
    assert f"{path}:1:1: 警告 [虚假/价格用语] 原价" in said.out and "建议：" in said.out
    hit_line = said.out.replace(str(path), "")
    assert "warning" not in hit_line and "price" not in hit_line
    assert said.err.strip() == "1 处命中，其中 0 处违禁"
    assert main(["--lang", "en", "lint", str(path), "--no-team-words"]) == 0
    said = capsys.readouterr()
    assert f"{path}:1:1: Warning [Misleading price claims] 原价" in said.out and "suggestion:" in said.out
    assert said.err.strip() == "1 hit(s), 0 error(s)"


def test_gb18030_file_and_clean_text(tmp_path, capsys):
    path = tmp_path / "gbk.txt"
    path.write_bytes("第一次来的宝宝，最多限购两件\n加微信\n".encode("gb18030"))
    assert main(["lint", str(path), "--json", "--no-team-words"]) == 1
    assert [h["text"] for h in json.loads(capsys.readouterr().out)["hits"]] == ["加微信"]


def test_standard_input(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("最近很忙，最后一轮福利".encode())))
    assert main(["lint", "-", "--json", "--no-team-words"]) == 0
    assert json.loads(capsys.readouterr().out) == {"hits": []}


def test_missing_or_binary_file_is_a_user_error(tmp_path, capsys):
    assert main(["lint", str(tmp_path / "nope.txt"), "--no-team-words"]) == 2
    assert "找不到文件" in capsys.readouterr().err
    assert main(["--lang", "en", "lint", str(tmp_path / "nope.txt"), "--no-team-words"]) == 2
    assert "file not found" in capsys.readouterr().err
    binary = tmp_path / "b.bin"
    binary.write_bytes(b"\x00\xff\xfe\x00" * 10)
    assert main(["lint", str(binary), "--no-team-words"]) == 2
    assert "不是文本文件" in capsys.readouterr().err
    assert main(["lint", str(binary), "--no-team-words", "--lang", "en"]) == 2
    assert "not a text file" in capsys.readouterr().err


def test_team_words_from_the_store(tmp_path, store, capsys):
    save_user_words(store, banned=["爆单王"], allowed=["原价"])
    path = tmp_path / "s.txt"
    path.write_text("爆单王来了，原价199\n", encoding="utf-8")
    assert main(["lint", str(path), "--json", "--db", store.url]) == 1
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert [(h["text"], h["category"]) for h in hits] == [("爆单王", "custom")]


def test_platform_option(tmp_path, capsys):
    path = tmp_path / "s.txt"
    path.write_text("欢迎来到快手直播间\n", encoding="utf-8")
    assert main(["lint", str(path), "--json", "--no-team-words", "--platform", "kuaishou"]) == 0
    assert json.loads(capsys.readouterr().out) == {"hits": []}
    assert main(["lint", str(path), "--json", "--no-team-words"]) == 0
    assert [h["text"] for h in json.loads(capsys.readouterr().out)["hits"]] == ["快手"]
