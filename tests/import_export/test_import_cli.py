"""`livedesk import` end to end: summary and exit 0, JSON, exit 2 with one sentence, replace on re-import."""

import json

from import_files import DOUDIAN_HEADERS, compass_sheets, doudian_rows, write_csv, write_xlsx

from livedesk.cli.main import main


def _session(db: str, capsys) -> str:
    assert (
        main(
            [
                "--db",
                db,
                "sessions",
                "create",
                "--title",
                "t",
                "--start",
                "2026-11-14T20:00",
                "--minutes",
                "180",
            ]
        )
        == 0
    )
    return capsys.readouterr().out.strip()


def test_import_summary_json_and_replace(tmp_path, capsys):
    db = str(tmp_path / "cli.sqlite3")
    session = _session(db, capsys)
    rows = doudian_rows()
    rows[2]["订单应付金额"] = "abc"
    orders = write_csv(tmp_path / "订单.csv", DOUDIAN_HEADERS, rows)
    workbook = write_xlsx(tmp_path / "罗盘.xlsx", compass_sheets())
    assert main(["--db", db, "--lang", "en", "import", str(orders), str(workbook), "--session", session]) == 0
    out = capsys.readouterr().out
    assert "订单.csv: Doudian order export" in out and "6 rows read, 5 stored, 1 skipped" in out
    assert "row 4: 订单应付金额: 'abc' is not an amount of money; row skipped" in out
    assert "罗盘.xlsx: Compass session workbook" in out and "ok: GMV / GPM × 1000 = " in out
    # Chinese by default: the same summary and the workbook's cross-sheet checks in the team's words.
    assert main(["--db", db, "import", str(workbook), "--session", session]) == 0
    out = capsys.readouterr().out
    assert "罗盘.xlsx: 罗盘整场数据" in out and "核对通过：成交金额 ÷ 千次观看成交金额 × 1000 = " in out
    assert "商品合计 ¥" in out and "，整场数据为 ¥" in out and "views" not in out and "yuan" not in out
    assert main(["--db", db, "import", str(orders), "--session", session, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["format"] == "doudian_orders" and result["replaced"] == [1]
    assert result["datasets"][0]["rows_stored"] == 5 and result["skipped_by_reason"] == {"bad_money": 1}


def test_refused_file_exits_2_with_one_sentence(tmp_path, capsys):
    db = str(tmp_path / "cli.sqlite3")
    session = _session(db, capsys)
    empty = tmp_path / "空.csv"
    empty.write_bytes(b"")
    assert main(["--db", db, "import", str(empty), "--session", session]) == 2
    assert capsys.readouterr().err.strip() == "livedesk: 空.csv：文件是空的。"
    assert main(["--db", db, "import", str(empty), "--session", session, "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == "livedesk: 空.csv is empty."


def test_truncated_workbook_is_refused_in_chinese_by_default_and_english_on_request(tmp_path, capsys):
    db = str(tmp_path / "cli.sqlite3")
    session = _session(db, capsys)
    garbage = tmp_path / "订单.xlsx"
    garbage.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 40)
    assert main(["--db", db, "import", str(garbage), "--session", session]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("livedesk: 订单.xlsx：文件在 10 KB 处被截断"), err
    assert main(["--lang", "en", "--db", db, "import", str(garbage), "--session", session]) == 2
    assert capsys.readouterr().err.strip().startswith("livedesk: 订单.xlsx is cut off at 10 KB")


def test_mapping_file_kind_and_bad_session(tmp_path, capsys):
    db = str(tmp_path / "cli.sqlite3")
    session = _session(db, capsys)
    table = write_csv(tmp_path / "t.csv", ["单号", "时间", "金额"], [["1", "2026-11-14 20:10", "¥10.00"]])
    mapping = tmp_path / "map.json"
    mapping.write_text(
        json.dumps({"kind": "orders", "columns": {"order_id": "单号", "paid_at": "时间", "amount": "金额"}}),
        encoding="utf-8",
    )
    assert (
        main(["--db", db, "import", str(table), "--session", session, "--mapping", str(mapping), "--json"])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["datasets"][0]["rows_stored"] == 1
    assert main(["--db", db, "import", str(table), "--session", session, "--kind", "orders"]) == 2
    assert "不是 LiveDesk 认得的订单导出表（找到的列：单号、时间、金额）" in capsys.readouterr().err
    assert (
        main(["--db", db, "--lang", "en", "import", str(table), "--session", session, "--kind", "orders"])
        == 2
    )
    assert "not an order export" in capsys.readouterr().err
    assert main(["--db", db, "import", str(table), "--session", "42"]) == 2
    assert "没有编号为 42 的场次" in capsys.readouterr().err


def test_import_names_rows_an_earlier_download_held(tmp_path, capsys):
    db = str(tmp_path / "cli.sqlite3")
    session = _session(db, capsys)
    first = write_csv(tmp_path / "第一次.csv", DOUDIAN_HEADERS, doudian_rows())
    second = write_csv(tmp_path / "第二次.csv", DOUDIAN_HEADERS, doudian_rows()[2:])
    assert main(["--db", db, "import", str(first), str(second), "--session", session, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "4 order line(s) already known from 第一次.csv: this file's copy counts" in out
    assert main(["--db", db, "import", str(second), "--session", session, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["already_known"] == [{"file": "第一次.csv", "rows": 4}] and result["notices"] == []
