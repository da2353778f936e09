"""What the command line prints is worded in the `--lang` language (Chinese by default): session listings,
an import's row warnings and skip reasons, and the review summary carry no raw code and no English in
Chinese, and read as English with --lang en. `--json` keeps the codes."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from livedesk.cli.main import main
from livedesk.import_export.order_export import DOUDIAN_HEADERS

CODE = re.compile(r"\b[a-z]+_[a-z_]+\b")  # bad_money, missing_order_id, ragged_row …
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def _doudian_row(**cells: str) -> list[str]:
    """One 抖店 sub-order line as the export writes it: ids behind a tab, `-` for empty, masked names."""
    row = {header: "-" for header in DOUDIAN_HEADERS}
    row.update(
        {
            "商品ID": "\t3700000000000000011",
            "选购商品": "山野 红糖姜枣茶 12条装",
            "商品数量": "1",
            "订单提交时间": "2026-11-14 20:04:00",
            "订单状态": "已完成",
            "流量来源": "直播",
            "收件人": "##密文",
        }
    )
    row.update(cells)
    return [row[header] for header in DOUDIAN_HEADERS]


def _line(n: int, amount: str, paid: str, **more: str) -> list[str]:
    order = f"692000000000000000{n}"
    return _doudian_row(
        主订单编号="\t" + order,
        子订单编号="\t" + order + "1",
        订单应付金额=amount,
        商品金额=amount,
        支付完成时间=paid,
        **more,
    )


@pytest.fixture
def order_file(tmp_path):
    """An 抖店 order export a team fixed up by hand in Excel: a typo in an amount (letter O for zero), a
    quantity typed in words, a formula left in the paid column, a row cut short by a bad paste and a line
    without an order number."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(DOUDIAN_HEADERS)
    writer.writerow(_line(1, "¥39.90", "2026-11-14 20:05:12"))
    writer.writerow(_line(2, "¥3O.00", "2026-11-14 20:06:40"))
    writer.writerow(_line(3, "39.90", "2026-11-14 20:07:00", 商品数量="两件"))
    writer.writerow(_line(4, "=AB2*2", "2026-11-14 20:09:30"))
    writer.writerow(_line(5, "39.90", "2026-11-14 20:10:00")[:40])
    writer.writerow(_doudian_row(订单应付金额="39.90", 商品金额="39.90", 支付完成时间="2026-11-14 20:12:00"))
    path = tmp_path / "订单导出_1114.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
    return path


@pytest.fixture
def db(tmp_path, capsys):
    url = str(tmp_path / "team.sqlite3")
    args = ["--db", url, "sessions", "create", "--title", "双11返场", "--start", "2026-11-14T20:00"]
    assert main([*args, "--minutes", "120", "--platform", "douyin"]) == 0
    capsys.readouterr()
    return url


def test_session_list_in_chinese_by_default_and_in_english(db, capsys):
    assert main(["--db", db, "sessions", "list"]) == 0
    row = capsys.readouterr().out.strip().split("\t")
    assert row[2:4] == ["120 分钟", "抖音"] and row[-1] == "双11返场"
    assert main(["--db", db, "--lang", "en", "sessions", "list"]) == 0
    row = capsys.readouterr().out.strip().split("\t")
    assert row[2:4] == ["120 min", "Douyin"]
    assert main(["--db", db, "sessions", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["platform"] == "douyin"  # machines read the code
    assert main(["--db", db, "sessions", "list", "--search", "没有这场"]) == 0
    assert capsys.readouterr().out.strip() == "没有符合条件的场次"


def test_import_row_warnings_are_worded_in_chinese_and_in_english(db, order_file, capsys):
    assert main(["--db", db, "import", str(order_file), "--session", "1"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "订单导出_1114.csv: 抖店订单导出 (UTF-8 BOM)"
    assert "  第 3 行：订单应付金额：'¥3O.00' 不是金额，该行已跳过" in lines
    assert "  第 4 行：商品数量：'两件' 不是整数，已留空" in lines
    assert "  第 5 行：订单应付金额：'=AB2*2' 是公式而不是数值，该行已跳过" in lines
    assert "  第 6 行：这一行有 40 个单元格，表头有 75 个，缺少的单元格留空" in lines
    assert "  第 7 行：没有订单号，该行已跳过" in lines
    assert "  跳过 1 行：不是金额" in lines and "  跳过 1 行：缺少订单号" in lines
    rows = [line for line in lines if line.startswith("  第 ")]
    assert [int(re.match(r"  第 (\d+) 行", line).group(1)) for line in rows] == [3, 4, 5, 6, 7]
    # no code and no English word outside the file's own cells and name
    shown = out.replace("UTF-8 BOM", "").replace("AB2", "").replace(".csv", "")
    assert CODE.findall(shown) == [] and LATIN_WORD.findall(shown) == []

    assert main(["--db", db, "--lang", "en", "import", str(order_file), "--session", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "订单导出_1114.csv: Doudian order export (UTF-8 BOM)"
    assert "  row 3: 订单应付金额: '¥3O.00' is not an amount of money; row skipped" in lines
    assert "  row 6: the row has 40 cells but the header 75; the missing cells were left empty" in lines
    assert "  skipped 1 row(s): no order id" in lines

    assert main(["--db", db, "import", str(order_file), "--session", "1", "--json"]) == 0
    warnings = json.loads(capsys.readouterr().out)["warnings"]
    by_row = {w["row"]: w for w in warnings}
    assert by_row[3]["code"] == "bad_money"
    assert by_row[3]["params"] == {"column": "订单应付金额", "value": "'¥3O.00'", "outcome": "skipped"}
    assert by_row[6]["params"] == {"cells": 40, "width": 75, "outcome": "missing_left_empty"}


def test_a_pool_file_with_row_problems_warns_in_the_lang_language(tmp_path, db, capsys):
    pool = tmp_path / "货盘.csv"
    pool.write_text(
        "商品ID,商品标题,角色,直播价,库存数量\n"
        "A1,山野 红糖姜枣茶,引流款,9.9,300\n"
        "A2,云南小粒咖啡,爆品,59,二百\n"
        ",空行里的赠品,福利款,0,10\n",
        encoding="utf-8",
    )
    assert main(["--db", db, "plan", "generate", "--products", str(pool), "--duration", "60"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert "livedesk: 货盘.csv 第 3 行：角色“爆品”不是引流款、利润款、形象款或清仓款：设为利润款" in err
    assert "livedesk: 货盘.csv 第 3 行：库存数量：“二百”不是数字，已留空" in err
    assert "livedesk: 货盘.csv 第 4 行：没有商品编号，该行已跳过" in err
    assert (
        main(["--db", db, "--lang", "en", "plan", "generate", "--products", str(pool), "--duration", "60"])
        == 0
    )
    err = capsys.readouterr().err.splitlines()
    assert "livedesk: 货盘.csv row 3: 库存数量: stock '二百' is not a number; left empty" in err
    assert "livedesk: 货盘.csv row 4: no product id; row skipped" in err
