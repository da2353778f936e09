"""The errors of the store, sessions, session files, pools, the lexicon and the browser views' server carry a
code with values: each is provoked for real here and reads as a Chinese sentence (no English, no library
text) and as an English one, while what the library said stays in `details`."""

from __future__ import annotations

import re
import socket
import sqlite3

import pytest

from livedesk.domain.lexicon import Lexicon, LexiconError
from livedesk.domain.message import CodedError
from livedesk.import_export.pool_reader import PoolRefused, read_pool
from livedesk.import_export.session_file import SessionFileError, read_session_file
from livedesk.persistence.session_repository import SessionNotFound
from livedesk.persistence.store import Store, StoreError
from livedesk.services.lexicon import read_lexicon_folder
from livedesk.services.live_log_export import export_live_log
from livedesk.stageweb.server import StageServer, StageServerError
from livedesk.words.messages import say

LATIN_WORD = re.compile(r"[A-Za-z]{4,}")


def _check(error: CodedError, chinese: str, english: str, *, known_latin: tuple[str, ...] = ()) -> None:
    zh, en = say(error.reason, "zh_CN"), say(error.reason, "en")
    assert chinese in zh, zh
    assert english in en, en
    rest = zh
    for word in known_latin:  # names the user gave (files, URLs, options), not prose
        rest = rest.replace(word, "")
    assert LATIN_WORD.findall(rest) == [], zh


def test_store_errors(tmp_path):
    with pytest.raises(StoreError) as caught:
        Store("mysql://x@localhost/db")
    _check(
        caught.value,
        "不支持数据库",
        "is not supported",
        known_latin=("mysql://x@localhost/db", "SQLite", "PostgreSQL"),
    )
    assert str(caught.value).startswith("database 'mysql://x@localhost/db' is not supported")

    path = tmp_path / "newer.sqlite3"
    Store(str(path)).dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(StoreError) as caught:
        Store(str(path))
    url = caught.value.reason.params["url"]
    _check(
        caught.value, "结构版本是 999，比这个 LiveDesk", "schema version 999", known_latin=(url, "LiveDesk")
    )


def test_a_session_that_is_not_there(tmp_path):
    store = Store(str(tmp_path / "s.sqlite3"))
    try:
        with pytest.raises(SessionNotFound) as caught:
            export_live_log(store, 404, tmp_path / "log.csv")
    finally:
        store.dispose()
    _check(caught.value, "这个场次已不存在（编号 404）", "there is no session 404")
    assert not (tmp_path / "log.csv").exists()


def test_pool_refusals(tmp_path):
    broken = tmp_path / "货盘.xlsx"
    broken.write_bytes(b"PK\x03\x04 half a workbook")
    with pytest.raises(PoolRefused) as caught:
        read_pool(broken)
    _check(
        caught.value,
        "货盘.xlsx：不是能打开的电子表格",
        "is not a readable spreadsheet",
        known_latin=("xlsx", "Excel"),
    )
    assert caught.value.details  # what the spreadsheet library said, for the log
    assert caught.value.details not in say(caught.value.reason, "zh_CN")
    headers = tmp_path / "货盘.csv"
    headers.write_text("名称,价格\n姜枣茶,9.9\n", encoding="utf-8")
    with pytest.raises(PoolRefused) as caught:
        read_pool(headers)
    _check(caught.value, "货盘.csv：没有商品编号列", "has no product id column", known_latin=("product_id",))


def test_session_file_errors(tmp_path):
    path = tmp_path / "双11.livedesk.json"
    path.write_bytes(b'{"format": "livedesk-session", "version": 1, "session": {')
    with pytest.raises(SessionFileError) as caught:
        read_session_file(path)
    _check(
        caught.value,
        "双11.livedesk.json：不是 LiveDesk 场次文件",
        "is not a LiveDesk session file",
        known_latin=("livedesk", "json", "LiveDesk", "JSON"),
    )
    assert "Expecting" in (caught.value.details or "")  # the parser's words stay in details
    path.write_text(
        '{"format": "livedesk-session", "version": 1, "session": {"title": "t", "start": "2026-11-14T20:00:00",'
        ' "planned_seconds": 3600}}',
        encoding="utf-8",
    )
    with pytest.raises(SessionFileError) as caught:
        read_session_file(path)
    assert say(caught.value.reason, "zh_CN") == (
        "场次文件 双11.livedesk.json：session.start “2026-11-14T20:00:00”没有时区偏移（请写成 2026-11-14T20:00:00+08:00 这样）"
    )
    assert str(caught.value).startswith(
        "双11.livedesk.json: session.start '2026-11-14T20:00:00' has no UTC offset"
    )


def test_lexicon_errors(tmp_path):
    (tmp_path / "团队词库.json").write_text('{"entries": [', encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        read_lexicon_folder(tmp_path)
    _check(caught.value, "词库文件 团队词库.json 读不了", "cannot be read", known_latin=("json", "JSON"))
    assert caught.value.details
    with pytest.raises(LexiconError) as caught:
        Lexicon.from_dicts([{"term": "最低价", "category": "absolute", "severity": "fatal"}])
    _check(
        caught.value,
        "词库条目“最低价”的严重程度是 'fatal'",
        "has severity 'fatal'",
        known_latin=("fatal", "error", "warning", "info"),
    )


def test_the_view_server_on_a_port_already_taken():
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    server = StageServer()
    try:
        with pytest.raises(StageServerError) as caught:
            server.start("127.0.0.1", port)
    finally:
        server.stop()
        taken.close()
    _check(caught.value, f"浏览器视图无法在 127.0.0.1:{port} 上监听", f"cannot listen on 127.0.0.1:{port}")
    assert caught.value.details  # the system's own reason (address in use)
