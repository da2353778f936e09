"""Order exports of 抖店, 快手小店 and 微信小店 in every encoding, CSV and XLSX, with the order semantics."""

import pyarrow.compute as pc
import pytest
from import_files import (
    DOUDIAN_HEADERS,
    KUAISHOU_HEADERS,
    WEIXIN_HEADERS,
    doudian_rows,
    kuaishou_rows,
    make_session,
    weixin_rows,
    write_csv,
    write_xlsx,
)

from livedesk.persistence import dataset_repository
from livedesk.services.imports import import_file


def stored(store, summary, index=0):
    with store.reading() as db:
        return dataset_repository.load_table(db, summary.datasets[index][1])


@pytest.mark.parametrize(
    "encoding, delimiter",
    [
        ("utf-8", ","),
        ("utf-8-sig", ","),
        ("gbk", ","),
        ("gb18030", ","),
        ("utf-16", "\t"),
        ("utf-16-le", "\t"),
    ],
)
def test_doudian_csv_in_every_encoding(store, tmp_path, encoding, delimiter):
    session = make_session(store)
    path = write_csv(
        tmp_path / "订单.csv", DOUDIAN_HEADERS, doudian_rows(), encoding=encoding, delimiter=delimiter
    )
    summary = import_file(store, session, path)
    assert summary.format == "doudian_orders"
    assert summary.datasets[0][2:] == (6, 6, 0)
    table = stored(store, summary)
    assert table.column("product_name").to_pylist()[0] == "玻尿酸面霜 50ml"
    assert table.column("order_id").to_pylist()[0] == "6920000000000000001"


def test_doudian_order_semantics(store, tmp_path):
    session = make_session(store)
    summary = import_file(store, session, write_csv(tmp_path / "orders.csv", DOUDIAN_HEADERS, doudian_rows()))
    rows = stored(store, summary).to_pylist()
    assert [r["is_sale"] for r in rows] == [
        True,
        True,
        True,
        False,
        False,
        True,
    ]  # unpaid and negative are not sales
    assert [r["is_refund"] for r in rows] == [False, False, False, False, True, False]
    # paid 02:00 the next day; the unpaid line is placed by its created time
    assert [r["outside_window"] for r in rows] == [False, False, False, False, False, True]
    assert rows[0]["amount_fen"] == 123450 and rows[0]["quantity"] == 1
    assert (
        rows[1]["after_sale_status"] == "退款成功" and rows[1]["is_sale"]
    )  # refunded later still counts in GMV
    assert rows[0]["sub_order_id"] == "69200000000000000011" and rows[0]["author_id"] == "1234567890123"
    assert rows[0]["paid_at"].isoformat() == "2026-11-14T12:05:00+00:00"
    assert [r["source_row"] for r in rows] == [2, 3, 4, 5, 6, 7]
    with store.reading() as db:
        meta = dataset_repository.list_datasets(db, session)[0].meta
    assert meta["gmv_in_window_fen"] == 123450 + 246900 + 9990
    assert meta["gmv_fen"] == 123450 + 246900 + 9990 + 123450


@pytest.mark.parametrize("id_style", ["tab", "excel", "plain"])
def test_ids_stay_text_whatever_the_wrapper(store, tmp_path, id_style):
    session = make_session(store)
    path = write_csv(tmp_path / "o.csv", DOUDIAN_HEADERS, doudian_rows(id_style))
    table = stored(store, import_file(store, session, path))
    assert table.schema.field("order_id").type == "string"
    assert table.column("product_id").to_pylist()[0] == "3700000000000000011"


def test_doudian_xlsx(store, tmp_path):
    session = make_session(store)
    rows = [[r[h].lstrip("\t") for h in DOUDIAN_HEADERS] for r in doudian_rows()]
    rows[0][DOUDIAN_HEADERS.index("商品数量")] = 1  # a number cell, as Excel keeps it
    path = write_xlsx(tmp_path / "orders.xlsx", {"Sheet1": [list(DOUDIAN_HEADERS), *rows]})
    summary = import_file(store, session, path)
    assert summary.format == "doudian_orders" and summary.encoding is None
    table = stored(store, summary)
    assert table.column("quantity").to_pylist()[:2] == [1, 2]
    assert table.column("order_id").to_pylist()[0] == "6920000000000000001"


def test_kuaishou_and_weixin(store, tmp_path):
    session = make_session(store)
    ks = import_file(
        store, session, write_csv(tmp_path / "ks.csv", KUAISHOU_HEADERS, kuaishou_rows(), encoding="gbk")
    )
    assert ks.format == "kuaishou_orders"
    table = stored(store, ks)
    assert table.column("amount_fen").to_pylist() == [5990, 11980]
    assert table.column("unit_price_fen").to_pylist() == [5990, 5990]
    wx = import_file(store, session, write_csv(tmp_path / "wx.csv", WEIXIN_HEADERS, weixin_rows()))
    assert wx.format == "weixin_orders"
    table = stored(store, wx)
    assert table.column("order_id").to_pylist()[0] == "372000000000000"
    assert table.column("is_sale").to_pylist() == [True, True, False]  # no pay time: not paid
    assert table.column("unit_price_fen").to_pylist()[0] == 25800


def test_row_warnings_name_rows_and_skip(store, tmp_path):
    session = make_session(store)
    rows = doudian_rows()
    rows[1]["订单应付金额"] = "abc"
    rows[2]["支付完成时间"] = "yesterday"
    rows[3]["主订单编号"] = "-"
    rows[4]["订单应付金额"] = "=H6*I6"
    rows[5]["商品数量"] = "=SUM(H2:H3)"  # a formula in an optional column empties the cell, keeps the row
    summary = import_file(store, session, write_csv(tmp_path / "o.csv", DOUDIAN_HEADERS, rows))
    assert summary.datasets[0][2:] == (6, 2, 4)
    by_row = {w.row: w for w in summary.warnings}
    assert (
        by_row[3].code == "bad_money" and "abc" in by_row[3].message and "订单应付金额" in by_row[3].message
    )
    assert by_row[4].code == "bad_time"
    assert by_row[5].code == "missing_order_id"
    assert by_row[6].code == "formula" and "row skipped" in by_row[6].message
    assert by_row[7].code == "formula" and "left empty" in by_row[7].message
    assert summary.skipped_by_reason == {"bad_money": 1, "bad_time": 1, "missing_order_id": 1, "formula": 1}
    table = stored(store, summary)
    assert table.column("source_row").to_pylist() == [2, 7]
    assert table.column("quantity").to_pylist() == [1, None]


def test_quoted_line_breaks_and_ragged_rows(store, tmp_path):
    session = make_session(store)
    rows = doudian_rows()
    rows[0]["买家留言"] = "请周五前发货\n谢谢"
    path = write_csv(tmp_path / "o.csv", DOUDIAN_HEADERS, rows)
    text = path.read_bytes().decode("utf-8-sig") + "6920000000000000009,only,three\r\n"
    path.write_bytes(text.encode("utf-8-sig"))
    summary = import_file(store, session, path)
    assert summary.datasets[0][3] == 6
    assert any(w.code == "ragged_row" for w in summary.warnings)
    table = stored(store, summary)
    assert pc.sum(table.column("quantity")).as_py() == 5
