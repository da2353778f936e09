"""Any table through a column mapping, including real, messy transaction logs (UCI Online Retail, CDNOW)."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pyarrow.compute as pc
import pytest
from import_files import make_session, write_csv, write_xlsx
from shared_data import shared_path

from livedesk.import_export.errors import ImportRefused
from livedesk.persistence import dataset_repository
from livedesk.services.imports import import_file
from livedesk.services.sessions import create_session

UCI_SAMPLE = ("uci-online-retail-sample40k", "Online Retail.xlsx")  # in ../shared/data/real
UCI_II = ("uci-online-retail-ii-nonuk", "online_retail_II.xlsx")
CDNOW = ("cdnow-transactions", "CDNOW_master.txt")


def real(parts: tuple[str, str]) -> Path:
    return shared_path("data", "real", *parts)


def table(store, summary):
    with store.reading() as db:
        return dataset_repository.load_table(db, summary.datasets[0][1])


def test_team_sheet_mapped_as_orders(store, tmp_path):
    path = write_csv(
        tmp_path / "团队表.csv",
        ["单号", "下单时间", "商品", "件数", "单价", "备注"],
        [
            ["A001", "14/11/2026 20:05", "面霜", "2", "¥99.50", ""],
            ["A002", "14/11/2026 20:06", "洗面奶", "1", "9.90", "赠品"],
        ],
        encoding="gb18030",
    )
    mapping = {
        "kind": "orders",
        "columns": {
            "order_id": "单号",
            "created_at": "下单时间",
            "product_name": "商品",
            "quantity": "件数",
            "unit_price": "单价",
        },
        "time_format": "%d/%m/%Y %H:%M",
    }
    session = make_session(store)
    summary = import_file(store, session, path, mapping=mapping)
    assert summary.format == "mapped"
    rows = table(store, summary).to_pylist()
    assert [r["amount_fen"] for r in rows] == [19900, 990]  # unit price × quantity
    assert rows[0]["created_at"].isoformat() == "2026-11-14T12:05:00+00:00"
    assert all(r["is_sale"] for r in rows)  # no paid time, no status: an invoice log
    with store.reading() as db:
        assert dataset_repository.list_datasets(db, session)[0].meta["mapping"]["kind"] == "orders"


def test_products_mapping_from_a_third_party_tool(store, tmp_path):
    path = write_xlsx(
        tmp_path / "蝉妈妈.xlsx",
        {
            "商品": [
                ["导出时间 2026-11-15"],
                ["商品", "销量", "销售额"],
                ["面霜", "1w~2.5w", "7.5w~10w"],
                ["洗面奶", "300", "¥2,997"],
            ]
        },
    )
    mapping = {"kind": "products", "columns": {"product_name": "商品", "units": "销量", "gmv": "销售额"}}
    session = make_session(store)
    summary = import_file(store, session, path, mapping=mapping)
    rows = table(store, summary).to_pylist()
    assert rows[0]["units"] == 17500 and rows[0]["gmv_fen"] == 8750000 and rows[0]["estimated"]
    assert not rows[1]["estimated"] and rows[1]["gmv_fen"] == 299700
    with store.reading() as db:
        meta = dataset_repository.list_datasets(db, session)[0].meta
    assert {"row": 3, "column": "gmv_fen", "low": 7500000.0, "high": 10000000.0} in meta["estimated_ranges"]


def test_mapping_naming_a_missing_column_is_refused(store, tmp_path):
    path = write_csv(tmp_path / "t.csv", ["单号", "时间", "金额"], [["1", "2026-11-14 20:00", "1"]])
    mapping = {"kind": "orders", "columns": {"order_id": "订单号", "paid_at": "时间", "amount": "金额"}}
    with pytest.raises(ImportRefused) as caught:
        import_file(store, make_session(store), path, mapping=mapping)
    assert "订单号 (for order_id)" in caught.value.message and "单号, 时间, 金额" in caught.value.message


def test_malformed_mapping_is_refused(store, tmp_path):
    path = write_csv(tmp_path / "t.csv", ["a", "b"], [["1", "2"]])
    with pytest.raises(ImportRefused) as caught:
        import_file(
            store, make_session(store), path, mapping={"kind": "orders", "columns": {"order_id": "a"}}
        )
    assert "t.csv" in caught.value.message and "paid_at or created_at" in caught.value.message


def _uci_session(store, day: str) -> int:
    start = datetime.fromisoformat(day + "T00:00").replace(tzinfo=ZoneInfo("Europe/London"))
    return create_session(store, "UCI day", start, 24 * 3600)


def test_uci_online_retail_as_orders(store):
    path = real(UCI_SAMPLE)
    mapping = {
        "kind": "orders",
        "columns": {
            "order_id": "InvoiceNo",
            "product_id": "StockCode",
            "product_name": "Description",
            "quantity": "Quantity",
            "paid_at": "InvoiceDate",
            "unit_price": "UnitPrice",
            "buyer_id": "CustomerID",
        },
        "cancel_prefix": "C",
        "timezone": "Europe/London",
    }
    summary = import_file(store, _uci_session(store, "2011-11-14"), path, mapping=mapping)
    assert summary.datasets[0][2:] == (40000, 40000, 0)
    orders = table(store, summary)
    # SOURCE.md: Σ Quantity × UnitPrice = 706,922.42; each line is rounded to a penny at most once.
    assert abs(pc.sum(orders.column("amount_fen")).as_py() - 70692242) <= 40
    cancelled = pc.starts_with(orders.column("order_id"), "C")
    assert pc.sum(pc.cast(cancelled, "int64")).as_py() == 674
    refunds = orders.filter(orders.column("is_refund"))
    assert refunds.num_rows >= 778 and pc.all(pc.invert(refunds.column("is_sale"))).as_py()
    assert orders.column("buyer_id").null_count == 10057
    ids = orders.column("buyer_id").drop_null().to_pylist()
    assert all(i.isdigit() for i in ids[:1000]) and "17850" in ids  # "17850", never 17850.0
    assert "85123A" in orders.column("product_id").to_pylist()
    outside = pc.sum(pc.cast(orders.column("outside_window"), "int64")).as_py()
    assert 0 < outside < 40000  # one day of a year is inside the window


def test_uci_online_retail_ii_second_sheet(store):
    path = real(UCI_II)
    mapping = {
        "kind": "orders",
        "sheet": "Year 2010-2011",
        "columns": {
            "order_id": "Invoice",
            "product_id": "StockCode",
            "quantity": "Quantity",
            "paid_at": "InvoiceDate",
            "unit_price": "Price",
            "buyer_id": "Customer ID",
        },
        "cancel_prefix": "C",
        "timezone": "Europe/London",
    }
    summary = import_file(store, _uci_session(store, "2011-06-01"), path, mapping=mapping)
    orders = table(store, summary)
    assert summary.datasets[0][2] == 20497 and orders.num_rows == 20497
    assert pc.sum(pc.cast(pc.starts_with(orders.column("order_id"), "C"), "int64")).as_py() == 341
    assert orders.column("buyer_id").null_count == 432
    assert pc.count_distinct(orders.column("order_id")).as_py() == 1006


def test_cdnow_whitespace_log_with_compact_dates(store):
    path = real(CDNOW)
    session = create_session(store, "CDNOW", datetime(1997, 1, 1, tzinfo=ZoneInfo("America/New_York")), 3600)
    mapping = {
        "kind": "orders",
        "columns": {
            "order_id": "customer_id",
            "buyer_id": "customer_id",
            "paid_at": "date",
            "quantity": "number_of_cds",
            "amount": "dollar_value",
        },
        "time_format": "%Y%m%d",
        "timezone": "America/New_York",
    }
    summary = import_file(store, session, path, mapping=mapping)
    orders = table(store, summary)
    assert orders.num_rows == 69659
    assert pc.sum(orders.column("amount_fen")).as_py() == 250031563  # SOURCE.md: 2,500,315.63
    assert orders.column("buyer_id")[0].as_py() == "00001"  # zero-padded ids stay text
    assert pc.count_distinct(orders.column("buyer_id")).as_py() == 23570
